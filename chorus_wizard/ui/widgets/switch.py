"""The OUI/NON switch of the workspace table: a painted QCheckBox.

Being a QCheckBox, it keeps ``checked``/``toggled``, Space to toggle, focus by Tab,
``registerField`` and the accessible role and checked state of a check box; only the
painting changes. Its accessible description is left to its user (step 3 puts the
workspace's description there): the state is told by the check box's own state.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from chorus_wizard.ui.contrast import AA_NON_TEXT, AA_TEXT, contrast_ratio, readable_on

ON_COLOR = "#1f6f43"  # dark green: white text on it passes WCAG AA
OFF_COLOR = "#6b6b6b"
_WHITE, _BLACK = "#ffffff", "#000000"


def track_colors(window: str, checked: bool) -> tuple[str, str]:
    """The track's colour, at 3:1 at least against ``window``, and its text's, at 4.5:1 on the
    track (white on the light theme's dark track; black on a light track on a dark window)."""
    track = readable_on(window, ON_COLOR if checked else OFF_COLOR, AA_NON_TEXT)
    text = _WHITE if contrast_ratio(_WHITE, track) >= AA_TEXT else _BLACK
    return track, text


class _SwitchStyle(QProxyStyle):
    """The application's style, except that a switch's clickable area is all of it: what
    assistive technology reports as its place (a check box's is only its indicator)."""

    def subElementRect(
        self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None
    ) -> QRect:
        if isinstance(widget, ToggleSwitch) and element in (
            QStyle.SubElement.SE_CheckBoxClickRect,
            QStyle.SubElement.SE_CheckBoxFocusRect,
        ):
            return QRect(option.rect)
        return super().subElementRect(element, option, widget)  # type: ignore[arg-type]


_style: _SwitchStyle | None = None


def switch_style() -> _SwitchStyle:
    """One proxy for every switch, owned by the application."""
    global _style
    if _style is None:
        _style = _SwitchStyle()
        _style.setParent(QCoreApplication.instance())
        _style.destroyed.connect(_forget_style)
    return _style


def _forget_style() -> None:
    global _style
    _style = None


class ToggleSwitch(QCheckBox):
    """A pill-shaped OUI/NON switch."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        on_text: str = "",
        off_text: str = "",
    ) -> None:
        super().__init__(parent)
        self._on_text = on_text or self.tr("OUI")
        self._off_text = off_text or self.tr("NON")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyle(switch_style())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        text = max(
            metrics.horizontalAdvance(self._on_text), metrics.horizontalAdvance(self._off_text)
        )
        height = metrics.height() + 10
        return QSize(text + height + 18, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self.sizeHint()
        track = QRectF(
            1, (self.height() - size.height()) / 2 + 1, size.width() - 2, size.height() - 2
        )
        radius = track.height() / 2
        checked = self.isChecked()
        window = self.palette().color(QPalette.ColorRole.Window).name()
        track_color, text_color = track_colors(window, checked)
        color = QColor(track_color)
        if not self.isEnabled():
            color = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Mid)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(track, radius, radius)

        knob_d = track.height() - 6
        knob_x = track.right() - knob_d - 3 if checked else track.left() + 3
        painter.setBrush(QColor(text_color))
        painter.drawEllipse(QRectF(knob_x, track.top() + 3, knob_d, knob_d))

        painter.setPen(QColor(text_color))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        if checked:
            text_rect = QRectF(
                track.left() + 8, track.top(), track.width() - knob_d - 14, track.height()
            )
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self._on_text)
        else:
            text_rect = QRectF(
                track.left() + knob_d + 6, track.top(), track.width() - knob_d - 14, track.height()
            )
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self._off_text)

        if self.hasFocus():
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(track.adjusted(-1, -1, 1, 1), radius + 1, radius + 1)
        painter.end()
