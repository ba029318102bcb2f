"""The results of « Tester la connexion »: each step with its mark, its detail and what to do."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from chorus_wizard.backend.connection import ConnectionReport, StepStatus

# Text colour of a step's title, by outcome.
STATUS_COLORS = {
    StepStatus.OK: "#14532d",
    StepStatus.WARNING: "#6b3d00",
    StepStatus.FAILED: "#8a1212",
    StepStatus.SKIPPED: "#4a4a4a",
}


class ConnectionReportView(QLabel):
    """One paragraph per step of a :class:`ConnectionReport`; hidden until there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_report(self, report: ConnectionReport) -> None:
        rows = []
        for step in report.steps:
            row = (
                f"<p style='margin: 4px 0;'><span style='color:{STATUS_COLORS[step.status]};'>"
                f"<b>{step.symbol} {escape(step.title)}</b></span><br>{escape(step.detail)}"
            )
            if step.fix:
                row += "<br><i>{}</i>".format(
                    self.tr("À faire\u00a0: {fix}").format(fix=escape(step.fix))
                )
            rows.append(row + "</p>")
        self.setText("".join(rows))
        self.show()

    def clear_report(self) -> None:
        self.clear()
        self.hide()
