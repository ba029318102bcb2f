"""The OUI/NON switch of the workspace table: a painted QCheckBox.

Being a QCheckBox, it keeps ``checked``/``toggled``, Space to toggle, focus by Tab,
``registerField`` and the accessible role of a check box; only the painting changes.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QWidget

ON_COLOR = QColor("#1f6f43")  # dark green: white text on it passes WCAG AA
OFF_COLOR = QColor("#6b6b6b")


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
        self.toggled.connect(self._update_state_text)
        self._update_state_text(self.isChecked())

    def _update_state_text(self, checked: bool) -> None:
        self.setAccessibleDescription(self._on_text if checked else self._off_text)
        self.update()

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
        color = ON_COLOR if checked else OFF_COLOR
        if not self.isEnabled():
            color = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Mid)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(track, radius, radius)

        knob_d = track.height() - 6
        knob_x = track.right() - knob_d - 3 if checked else track.left() + 3
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QRectF(knob_x, track.top() + 3, knob_d, knob_d))

        painter.setPen(QColor("white"))
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
