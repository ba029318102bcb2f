"""The small « ? » button beside a field: its explanation, by mouse or keyboard."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLayout,
    QToolButton,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.field_help import FIELD_HELP, FieldHelp

BUTTON_TEXT = "?"
ACCESSIBLE_NAME = QT_TRANSLATE_NOOP("ExplainButton", "Aide\u00a0: {name}")


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


def explain_button(key: str, field: QWidget | None = None) -> ExplainButton:
    """The « ? » of ``FIELD_HELP[key]``; ``field``, if given, gets the short tooltip."""
    help_ = FIELD_HELP[key]
    if field is not None:
        field.setToolTip(help_.translated().tooltip)
    return ExplainButton(help_)


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
