"""The guided hand-off to the Chorus Pro portal, for the steps the API cannot perform.

A :class:`HandoffPanel` opens the portal in the browser (the first panel of a page), lists
every value the wizard prepared with a « Copier » button, gives a short checklist, and
(optionally) asks the user to confirm that it is done on the portal: the wizard never claims
it did anything there itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard.ui.widgets.common import wrapped

#: Opens a URL in the user's browser; True when the desktop accepted it.
UrlOpener = Callable[[str], bool]


class ClickLabel(QLabel):
    """A check box's wrapping sentence: clicking it ticks the box, as its own text would."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        self._box.setFocus()
        event.accept()


class HandoffPanel(QFrame):
    """Open the portal, copy the prepared values, follow the checklist, confirm."""

    #: The user ticked (or unticked) the confirmation that it is done on the portal.
    confirmed_changed = Signal(bool)

    def __init__(
        self,
        portal_url: str,
        opener: UrlOpener,
        *,
        title: str,
        confirmation: str = "",
        with_portal: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.portal_url = portal_url
        self._opener = opener
        self.setObjectName("handoff")
        self.setStyleSheet("QFrame#handoff { border: 1px solid #0b3d91; border-radius: 4px; }")
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{escape(title)}</b>")
        heading.setWordWrap(True)
        layout.addWidget(heading)

        self.intro = wrapped("")
        self.intro.hide()
        layout.addWidget(self.intro)

        open_row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Ouvrir le portail Chorus Pro"))
        self.open_button.setToolTip(portal_url)
        self.open_button.clicked.connect(self._on_open_clicked)
        open_row.addWidget(self.open_button)
        self.address = QLabel(f'<a href="{escape(portal_url)}">{escape(portal_url)}</a>')
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        self.address.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        open_row.addWidget(self.address, 1)
        layout.addLayout(open_row)
        # A later panel of the same page needs no second « Ouvrir le portail ».
        self.open_button.setVisible(with_portal)
        self.address.setVisible(with_portal)

        self.checklist = QLabel()
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.checklist)

        self.values_title = QLabel(self.tr("<b>Vos valeurs, prêtes à copier</b>"))
        self.values_title.hide()  # until there are values (set_values)
        layout.addWidget(self.values_title)
        self.values_box = QWidget()
        self.values_grid = QGridLayout(self.values_box)
        self.values_grid.setContentsMargins(0, 0, 0, 0)
        self.values_grid.setColumnStretch(1, 1)
        layout.addWidget(self.values_box)
        self.copy_status = QLabel()
        self.copy_status.setStyleSheet("color: #14532d;")
        self.copy_status.hide()
        layout.addWidget(self.copy_status)

        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)

        # The box and its sentence side by side: a QCheckBox's own text never wraps, and a long
        # one (English, or a narrow window) would widen the page past its window.
        self._confirmation = confirmation
        self.confirm = QCheckBox()
        # Hidden without a confirmation; named all the same (every control has a name).
        self.confirm.setAccessibleName(confirmation or title)
        self.confirm.toggled.connect(self.confirmed_changed)
        self.confirm_label = ClickLabel(confirmation, self.confirm)
        confirm_row = QWidget()
        row = QHBoxLayout(confirm_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.confirm, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.confirm_label, 1)
        layout.addWidget(confirm_row)
        confirm_row.setVisible(bool(confirmation))

        #: label → the read-only field showing it, in display order.
        self.value_fields: dict[str, QLineEdit] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        self.open_failed = False

    # -- content -------------------------------------------------------------------------

    def set_intro(self, text: str) -> None:
        """A paragraph above the portal's address (e.g. what to have at hand)."""
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def set_checklist(self, items: Sequence[str]) -> None:
        rows = "".join(f"<li>{escape(item)}</li>" for item in items)
        self.checklist.setText(f"<ol style='margin-left: 0px;'>{rows}</ol>")

    def set_values(self, values: Sequence[tuple[str, str]]) -> None:
        """Show ``(label, value)`` rows; empty values are left out. Reuses existing rows."""
        shown = [(label, value) for label, value in values if value.strip()]
        if [label for label, _ in shown] != list(self.value_fields):
            self._rebuild_rows([label for label, _ in shown])
        for label, value in shown:
            field = self.value_fields[label]
            if field.text() != value:
                field.setText(value)
                field.setCursorPosition(0)
                field.setToolTip(value)  # the whole value when the field is narrow
        self.values_title.setVisible(bool(shown))

    def _rebuild_rows(self, labels: list[str]) -> None:
        while self.values_grid.count():
            item = self.values_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.value_fields, self.copy_buttons = {}, {}
        for row, label in enumerate(labels):
            name = QLabel(label)
            field = QLineEdit()
            field.setReadOnly(True)
            field.setAccessibleName(label)
            name.setBuddy(field)
            button = QPushButton(self.tr("Copier"))
            button.setAccessibleName(self.tr("Copier\u00a0: {label}").format(label=label))
            button.clicked.connect(lambda _=False, which=label: self.copy(which))
            self.values_grid.addWidget(name, row, 0)
            self.values_grid.addWidget(field, row, 1)
            self.values_grid.addWidget(button, row, 2)
            self.value_fields[label] = field
            self.copy_buttons[label] = button

    def value(self, label: str) -> str:
        field = self.value_fields.get(label)
        return field.text() if field is not None else ""

    # -- actions -------------------------------------------------------------------------

    def copy(self, label: str) -> None:
        """Put one value on the clipboard and say so."""
        QGuiApplication.clipboard().setText(self.value(label))
        self.copy_status.setText(
            self.tr("✔ «\u00a0{label}\u00a0» copié dans le presse-papiers.").format(label=label)
        )
        self.copy_status.show()

    def _on_open_clicked(self) -> None:
        self.open_failed = not self._opener(self.portal_url)
        if self.open_failed:
            self.copy_status.setText(
                self.tr(
                    "Le navigateur n'a pas pu être ouvert\u00a0: copiez l'adresse du portail "
                    "ci-dessus dans votre navigateur."
                )
            )
            self.copy_status.setStyleSheet("color: #8a1212;")
        else:
            self.copy_status.setText(self.tr("Le portail s'ouvre dans votre navigateur."))
            self.copy_status.setStyleSheet("color: #14532d;")
        self.copy_status.show()

    @property
    def is_confirmed(self) -> bool:
        return self.confirm.isChecked() if self._confirmation else True
