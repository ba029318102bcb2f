"""Small shared widgets: labels with the red asterisk, inline message banner, busy bar, and
the one dialog of a kind a window shows at a time; what screen readers are told (announcements)
and what the keyboard may do (mnemonics, Alt+letter)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QGuiApplication,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard.ui.contrast import (
    AA_TEXT,
    HINT_ON_DARK,
    hint_color,
    on_background,
    parse_hex,
    readable_on,
)

FIELD_MIN_WIDTH = 220
D = TypeVar("D", bound=QDialog)
# Widget property holding a field's accessible description when it has no error to tell.
BASE_DESCRIPTION = "chorus_base_description"
REQUIRED_MARK = '<span style="color:#c00000;"> *</span>'


class Announcer(QObject):
    """Tells who listens (the tests, a diagnostic) what :func:`announce` had said."""

    #: The text, and whether it was assertive.
    said = Signal(str, bool)


_announcer: Announcer | None = None


def announcer() -> Announcer:
    global _announcer
    if _announcer is None:
        _announcer = Announcer()
    return _announcer


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have screen readers say ``text`` now (AT-SPI's announcement, UIA's notification).

    Polite by default: said once the reader has finished; ``assertive`` interrupts it (for
    what the user's own action just caused, such as a refusal).
    """
    if not text:
        return
    announcer().said.emit(text, assertive)
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def joined(items: Iterable[str]) -> str:
    """``items`` as a list in a sentence: « a ; b » in French, « a; b » in English."""
    return QCoreApplication.translate("Form", "\u00a0; ").join(items)


def readable(color: str) -> str:
    """``color``, or its nearest shade that passes WCAG AA on the application's window."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window).name()
    return readable_on(window, color)


def required_mark() -> str:
    """The red asterisk, in a red that reads on the application's window colour."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window).name()
    return REQUIRED_MARK.replace("#c00000", on_background(window, "#c00000", HINT_ON_DARK))


def field_label(text: str, buddy: QWidget, *, required: bool = False) -> QLabel:
    """A form label (with the red asterisk if mandatory) whose text names ``buddy`` for
    assistive technology, without asterisk or colon.

    The label's own accessible name is the text without the asterisk too: on Linux a combo
    box is named by its value, and screen readers read its label through the labelled-by
    relation.
    """
    label = QLabel(html.escape(text, quote=False) + (required_mark() if required else ""))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    label.setBuddy(buddy)
    buddy.setAccessibleName(text)
    if required:
        mark_required(buddy)
    if isinstance(buddy, QLineEdit | QComboBox):
        buddy.setMinimumWidth(FIELD_MIN_WIDTH)  # a narrow window puts the label above instead
    if isinstance(buddy, QComboBox):
        buddy.setSizePolicy(QSizePolicy.Policy.Expanding, buddy.sizePolicy().verticalPolicy())
    return label


def mark_required(field: QWidget) -> None:
    """The asterisk is only seen: screen readers hear « Champ obligatoire » instead (and a
    refusal's reason while there is one, see :class:`FieldHint`)."""
    mandatory = QCoreApplication.translate("Form", "Champ obligatoire")
    field.setProperty(BASE_DESCRIPTION, mandatory)
    if not field.property("invalid"):
        field.setAccessibleDescription(mandatory)


# A label's dynamic property: the width it may need (the widest of the texts it may show).
RESERVED_WIDTH = "reservedLabelWidth"


def reserve_label_width(label: QLabel, texts: Iterable[str]) -> None:
    """Keep room in a form's label column for the widest of ``texts``, which ``label`` may
    show later (a field whose name follows a choice), so that fields never move sideways."""
    shown = label.text()
    widest = 0
    for text in texts:
        label.setText(text)
        widest = max(widest, label.sizeHint().width())
    label.setText(shown)
    label.setProperty(RESERVED_WIDTH, widest)


class StackingForm(QFormLayout):
    """A label/field form that puts every label above its field, or every one beside it,
    with one label column that does not move.

    QFormLayout's ``WrapLongRows`` decides row by row, so a narrow window mixes both; here
    one decision is taken for the whole form from the width it is given: beside when the
    widest label and the widest field's preferred width fit side by side, above otherwise.
    Rows hidden for now count too (and a label's :data:`RESERVED_WIDTH`): the decision and,
    beside, the label column stay the same whichever rows show, so a toggle that shows a
    row never sends the fields sideways or the labels above.
    """

    def _rows(self) -> Iterator[tuple[QWidget | None, QLayoutItem | None]]:
        for row in range(self.rowCount()):
            label = self.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.itemAt(row, QFormLayout.ItemRole.FieldRole)
            yield (label.widget() if label is not None else None), field

    def _label_column(self) -> int:
        """The widest label the form may show, shown or not."""
        widest = 0
        for label, _field in self._rows():
            if isinstance(label, QLabel) and label.text():
                reserved = label.property(RESERVED_WIDTH)
                widest = max(widest, label.sizeHint().width(), int(reserved or 0))
        return widest

    def _wanted(self, width: int) -> QFormLayout.RowWrapPolicy:
        labels = self._label_column()
        fields = 0
        for _label, field in self._rows():
            if field is None:
                continue
            widget = field.widget()
            hint = widget.sizeHint() if widget is not None else field.sizeHint()
            fields = max(fields, hint.width(), FIELD_MIN_WIDTH)
        spacing = max(self.horizontalSpacing(), 0)
        margins = self.contentsMargins()
        needed = labels + spacing + fields + margins.left() + margins.right()
        if labels and width < needed:
            return QFormLayout.RowWrapPolicy.WrapAllRows
        return QFormLayout.RowWrapPolicy.DontWrapRows

    def setGeometry(self, rect: QRect) -> None:
        wanted = self._wanted(rect.width())
        if wanted != self.rowWrapPolicy():
            self.setRowWrapPolicy(wanted)
        # beside: every label as wide as the widest (above: as wide as its own text)
        column = self._label_column() if wanted is QFormLayout.RowWrapPolicy.DontWrapRows else 0
        for label, _field in self._rows():
            if isinstance(label, QLabel) and label.minimumWidth() != column:
                label.setMinimumWidth(column)
        super().setGeometry(rect)

    def minimumSize(self) -> QSize:
        """As narrow as the form stacked: it may always fall back to labels above."""
        size = super().minimumSize()
        width = 0
        for row in range(self.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = self.itemAt(row, role)
                if item is not None and not item.isEmpty():
                    width = max(width, item.minimumSize().width())
            item = self.itemAt(row, QFormLayout.ItemRole.SpanningRole)
            if item is not None and not item.isEmpty():
                width = max(width, item.minimumSize().width())
        margins = self.contentsMargins()
        return QSize(min(size.width(), width + margins.left() + margins.right()), size.height())


def form_layout() -> QFormLayout:
    """A label/field form whose fields take the width, and whose labels go above their
    fields, all at once, when the form is narrow (:class:`StackingForm`)."""
    form = StackingForm()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def stacked(*items: QWidget | QLayout) -> QVBoxLayout:
    """A field cell: the field, then what belongs under it (its hint, a note, buttons)."""
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(3)
    for item in items:
        if isinstance(item, QLayout):
            box.addLayout(item)
        else:
            box.addWidget(item)
    return box


class WrappingLabel(QLabel):
    """A word-wrapped label that keeps the height its wrapped text needs at its width.

    Nested in a form's field cell (beside a « ? », under a field), a wrapping QLabel can be
    given the height of a wider line and lose its last line; longer translations show it.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


def wrapped(text: str, *, rich: bool = False) -> QLabel:
    """A paragraph of explanation that wraps with the window."""
    label = WrappingLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    _fill_width(label)
    return label


def _fill_width(label: QLabel) -> None:
    """Let a wrapping label take the whole width (form layouts only grow Expanding fields)."""
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    label.setSizePolicy(policy)


class FormComboBox(QComboBox):
    """A drop-down list in a form that scrolls: the mouse wheel changes its choice only once it
    has the keyboard (clicked or reached with Tab); otherwise the wheel scrolls the page, so a
    person scrolling past « Pays » never changes the country without seeing it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone never gives focus

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the scroll area around the form


class Tone(Enum):
    INFO = ("#e8f0fb", "#0b3d91", "ℹ")
    SUCCESS = ("#e6f4ea", "#14532d", "✔")
    WARNING = ("#fff4e0", "#6b3d00", "⚠")
    ERROR = ("#fdecea", "#8a1212", "✖")


class ResumeOffer(QFrame):
    """The offer, on a path's first page, to pick up a signup saved earlier: its question,
    « Reprendre » and « Recommencer » (wired by :func:`chorus_wizard.ui.drafts.offer_resume`)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("resume")
        self.setStyleSheet(
            "QFrame#resume { background: #e8f0fb; border: 1px solid #0b3d91; border-radius: 4px; }"
        )
        layout = QVBoxLayout(self)
        self.question = QLabel()
        self.question.setWordWrap(True)
        buttons = QHBoxLayout()
        self.resume_button = QPushButton(self.tr("R&eprendre"))
        self.restart_button = QPushButton(self.tr("Re&commencer"))
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.restart_button)
        buttons.addStretch(1)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self.hide()

    def offer(self, question: str) -> None:
        """Show the offer; the question is read with the button that has the focus."""
        self.question.setText(question)
        self.resume_button.setAccessibleDescription(question)
        self.restart_button.setAccessibleDescription(question)
        self.show()
        self.resume_button.setFocus()


class Banner(QLabel):
    """An inline message on the page; hidden when empty. Errors are never silent."""

    #: A message was shown: the tone's name (``ERROR``…) and its text (for the diagnostic).
    message_shown = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Message"))
        self.tone: Tone | None = None
        self.hide()

    def show_message(self, tone: Tone, text: str) -> None:
        """Show ``text`` and announce it, every time: the same refusal twice is said twice."""
        background, foreground, icon = tone.value
        self.tone = tone
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; "
            f"border: 1px solid {foreground}; border-radius: 4px; padding: 8px; }}"
        )
        self.setText(f"{icon}  {text}")
        self.setAccessibleDescription(text)
        self.show()
        announce(self, text, assertive=tone in (Tone.ERROR, Tone.WARNING))
        self.message_shown.emit(tone.name, text)

    def replace_text(self, text: str) -> None:
        """Change the message shown (a countdown) in its tone, without announcing it again."""
        if self.tone is None:
            return
        self.setText(f"{self.tone.value[2]}  {text}")
        self.setAccessibleDescription(text)

    def clear_message(self) -> None:
        self.tone = None
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()


class BusyBar(QProgressBar):
    """An indeterminate progress bar with a caption, shown while a backend call runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(True)
        self.setFormat(self.tr("Veuillez patienter…"))
        self.setMaximumHeight(18)
        self.setAccessibleName(self.tr("Veuillez patienter"))
        self.hide()

    def start(self, caption: str) -> None:
        self.setFormat(caption)
        self.setAccessibleName(caption)
        self.show()

    def stop(self) -> None:
        self.hide()


class FieldHint(QLabel):
    """The line under a field that explains why its value is refused.

    A refused field keeps the platform's frame, focus ring and height: the refusal is told by
    the red line under the field, by the style's error icon inside a line edit, and by the
    field's accessible description.
    """

    def __init__(
        self, field: QWidget, parent: QWidget | None = None, *, reserve_line: bool = False
    ) -> None:
        super().__init__(parent)
        self._field = field
        self._icon_action: object = None
        self.setWordWrap(True)
        _fill_width(self)
        if reserve_line:
            # Its first line's height is kept while it is hidden: the field below does not
            # move under the mouse when a reason appears (or goes) as the person types.
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
            self.setMinimumHeight(self.fontMetrics().lineSpacing())
        self._color = self._palette_color()
        self.setStyleSheet(f"color: {self._color};")
        self.hide()

    def _palette_color(self) -> str:
        """Dark red on a light window, light red on a dark one (WCAG AA either way)."""
        return hint_color(self.palette().color(QPalette.ColorRole.Window).name())

    def set_reason(self, reason: str | None) -> None:
        color = self._palette_color()
        if color != self._color:
            self._color = color
            self.setStyleSheet(f"color: {color};")
        self.setText(reason or "")
        self.setVisible(bool(reason))
        base = self._field.property(BASE_DESCRIPTION) or ""
        self._field.setAccessibleDescription(reason or str(base))
        self._field.setProperty("invalid", bool(reason))
        self._show_icon(bool(reason))

    def _show_icon(self, shown: bool) -> None:
        """The style's error icon at the end of a refused line edit."""
        field = self._field
        if not isinstance(field, QLineEdit):
            return
        if shown and self._icon_action is None:
            critical = QStyle.StandardPixmap.SP_MessageBoxCritical
            icon = field.style().standardIcon(critical)
            self._icon_action = field.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        elif not shown and self._icon_action is not None:
            field.removeAction(self._icon_action)  # type: ignore[arg-type]
            self._icon_action = None

    @property
    def icon_shown(self) -> bool:
        return self._icon_action is not None


class CurrentDialog(Generic[D]):
    """The one dialog of its kind a window shows at a time: a message box, the recap.

    :meth:`show` opens a dialog in place of the last one, which it closes; :attr:`dialog` is
    the one open, None once it is deleted. Dialogs deleted on close go later, from the event
    loop: the deletion of a replaced one, which comes after its successor is shown, leaves
    :attr:`dialog` as it is.
    """

    def __init__(self) -> None:
        self.dialog: D | None = None

    def show(self, dialog: D) -> D:
        previous, self.dialog = self.dialog, dialog
        if previous is not None:
            previous.close()
        dialog.destroyed.connect(lambda: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: D) -> None:
        if self.dialog is dialog:
            self.dialog = None


# -- colours -------------------------------------------------------------------------------


def readable_placeholders(widget: QWidget) -> None:
    """Placeholder text in ``widget`` and its children at 4.5:1 on the fields' background.

    Qt's placeholder is the text colour at half opacity: about 4.0:1 on a light palette.
    """
    palette = widget.palette()
    base = palette.color(QPalette.ColorRole.Base).name()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        current = palette.color(group, QPalette.ColorRole.PlaceholderText)
        flat = _flatten(current.name(), current.alphaF(), base)
        palette.setColor(
            group, QPalette.ColorRole.PlaceholderText, readable_on(base, flat, AA_TEXT)
        )
    widget.setPalette(palette)


def _flatten(color: str, alpha: float, background: str) -> str:
    """``color`` at ``alpha`` over ``background``, as the opaque colour the eye sees."""
    mixed = (
        round(c * alpha + b * (1 - alpha))
        for c, b in zip(parse_hex(color), parse_hex(background), strict=True)
    )
    return "#{:02x}{:02x}{:02x}".format(*mixed)
