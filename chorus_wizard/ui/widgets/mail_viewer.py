"""« Voir le courriel reçu »: the mail the sandbox sent, for a trainee without a mail client."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard.backend.models import ReceivedMail


class MailViewer(QDialog):
    """Shows one received mail: sender, subject, date, and its text (selectable, to copy)."""

    def __init__(self, mail: ReceivedMail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Courriel reçu"))
        self.resize(620, 480)
        self.header = QLabel(
            self.tr(
                "<b>De :</b> {sender}<br><b>Objet :</b> {subject}<br><b>Date :</b> {date}"
            ).format(
                sender=escape(mail.sender), subject=escape(mail.subject), date=escape(mail.date)
            )
        )
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextBrowser()
        self.text.setPlainText(mail.text)
        self.text.setAccessibleName(self.tr("Contenu du courriel"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
