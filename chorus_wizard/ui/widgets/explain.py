"""The small « ? » button beside a field: its explanation, by mouse or keyboard.

A « ? » beside a field is not a Tab stop (Tab goes from field to field): the field itself
gives the explanation with Maj+F1 and in its context menu; F1 opens the step's help panel.
A « ? » beside no field (a paragraph) stays reachable by Tab."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.field_help import FIELD_HELP, FieldHelp

BUTTON_TEXT = "?"
ACCESSIBLE_NAME = QT_TRANSLATE_NOOP("ExplainButton", "Aide\u00a0: {name}")
#: The field's own way to its explanation (Qt's « What's this? » key).
FIELD_HELP_KEY = "Shift+F1"
MENU_ENTRY = QT_TRANSLATE_NOOP("ExplainButton", "Aide sur ce champ")


class ExplainButton(QToolButton):
    """« ? »: Tab reaches it, Space or Enter shows the explanation, Esc closes it."""

    def __init__(self, help_: FieldHelp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.help = help_ = help_.translated()
        self.setText(BUTTON_TEXT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.setAccessibleName(self.tr(ACCESSIBLE_NAME).format(name=help_.name))
        self.setAccessibleDescription(help_.explanation)
        self.setToolTip(help_.tooltip)
        self.setWhatsThis(self.html())
        self.clicked.connect(self._on_clicked)

    def html(self) -> str:
        name = html.escape(self.help.name, quote=False)
        explanation = html.escape(self.help.explanation, quote=False)
        return f"<p><b>{name}</b></p><p>{explanation}</p>"

    def _on_clicked(self) -> None:
        QWhatsThis.showText(self.mapToGlobal(QPoint(0, self.height())), self.html(), self)

    def explain_below(self, field: QWidget) -> None:
        """Show the explanation under ``field`` (Maj+F1, the context menu)."""
        QWhatsThis.showText(field.mapToGlobal(QPoint(0, field.height())), self.html(), field)

    def serve_from(self, field: QWidget) -> None:
        """``field`` gives this explanation (Maj+F1, its context menu): the button leaves the
        Tab order, the mouse still reaches it."""
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        shortcut = QShortcut(QKeySequence(FIELD_HELP_KEY), field)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self._explain_if_shown(field))
        field.installEventFilter(_ContextMenu(self, field))
        field.setWhatsThis(self.html())

    def _explain_if_shown(self, field: QWidget) -> None:
        if not self.isHidden():  # the SIRET's « ? » is hidden for other identifiers
            self.explain_below(field)


class _ContextMenu(QObject):
    """The field's context menu, with « Aide sur ce champ » at its end."""

    def __init__(self, button: ExplainButton, field: QWidget) -> None:
        super().__init__(field)
        self.button = button
        self.field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or self.button.isHidden():
            return False
        assert isinstance(event, QContextMenuEvent)
        menu = self.menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(event.globalPos())
        return True

    def menu(self) -> QMenu:
        """The field's usual context menu, then « Aide sur ce champ »."""
        field = self.field
        menu = field.createStandardContextMenu() if isinstance(field, QLineEdit) else QMenu(field)
        if menu.actions():
            menu.addSeparator()
        key = QKeySequence(FIELD_HELP_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        action = menu.addAction(self.button.tr(MENU_ENTRY) + "\t" + key)
        action.triggered.connect(lambda: self.button.explain_below(field))
        return menu


def field_help_menu(field: QWidget) -> QMenu | None:
    """The context menu ``field`` shows, when it has a « ? » (None otherwise)."""
    served = field.findChild(_ContextMenu)
    return served.menu() if served is not None and not served.button.isHidden() else None


def explain_button(key: str, field: QWidget | None = None) -> ExplainButton:
    """The « ? » of ``FIELD_HELP[key]``; ``field``, if given, gets the short tooltip."""
    help_ = FIELD_HELP[key]
    button = ExplainButton(help_)
    if field is not None:
        field.setToolTip(help_.translated().tooltip)
        button.serve_from(field)
    return button


def beside(cell: QWidget | QLayout, button: QToolButton) -> QHBoxLayout:
    """``cell`` with ``button`` on its right (a check box keeps its « ? » close to its text)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    compact = isinstance(cell, QAbstractButton)
    if isinstance(cell, QLayout):
        row.addLayout(cell, 1)
    else:
        row.addWidget(cell, 0 if compact else 1)
    top = QVBoxLayout()  # the button at the top of a cell of several lines
    top.setContentsMargins(0, 0, 0, 0)
    top.addWidget(button)
    top.addStretch(1)
    row.addLayout(top)
    if compact:
        row.addStretch(1)
    return row


def explained(cell: QWidget | QLayout, key: str, field: QWidget | None = None) -> QHBoxLayout:
    """``cell`` with the « ? » of ``FIELD_HELP[key]`` on its right; ``field`` gets the tooltip."""
    return beside(cell, explain_button(key, field))
