"""The recap on screen, as a PDF (Qt's own QPdfWriter + QTextDocument) and on the clipboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard.recap import Recap, recap_html, recap_text
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.widgets.common import Banner

DIALOG_TITLE = QT_TRANSLATE_NOOP("RecapDialog", "Récapitulatif de l'inscription")
SAVE_TEXT = QT_TRANSLATE_NOOP("RecapDialog", "Enregistrer le récapitulatif")
COPY_TEXT = QT_TRANSLATE_NOOP("RecapDialog", "Copier")
CLOSE_TEXT = QT_TRANSLATE_NOOP("RecapDialog", "Fermer")
BROWSER_NAME = QT_TRANSLATE_NOOP("RecapDialog", "Récapitulatif")


def write_recap_pdf(path: Path, recap: Recap) -> Path:
    """An A4 PDF of ``recap`` at ``path`` (selectable text, fonts embedded by Qt)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(recap.title)
    writer.setCreator("chorus-wizard")
    document = recap_document(recap)
    document.print_(writer)
    return path


def recap_document(recap: Recap) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(recap_html(recap))
    return document


def copy_recap(recap: Recap) -> str:
    """Put the plain-text recap on the clipboard; returns it."""
    text = recap_text(recap)
    QGuiApplication.clipboard().setText(text)
    return text


class RecapDialog(QDialog):
    """« Récapitulatif »: the recap as it stands now, to save as PDF or copy."""

    def __init__(
        self,
        recap: Recap,
        save: Callable[[], object],
        copy: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr(DIALOG_TITLE))
        self.resize(560, 560)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr(BROWSER_NAME))
        self.browser.setHtml(recap_html(recap))
        self.save_button = QPushButton(self.tr(SAVE_TEXT))
        self.copy_button = QPushButton(self.tr(COPY_TEXT))
        self.copy_button.setAccessibleName(self.tr("Copier le récapitulatif"))
        close = QPushButton(self.tr(CLOSE_TEXT))
        self.save_button.clicked.connect(save)
        self.copy_button.clicked.connect(copy)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        #: What became of « Enregistrer » or « Copier », said here: the page's own message
        #: line is behind this dialog.
        self.status = Banner()
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        close.setDefault(True)
