"""« Voir le courriel reçu »: the mail the sandbox sent, for a trainee without a mail client."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from html import escape

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard.backend.models import ReceivedMail
from chorus_wizard.domain.activation import activation_code, activation_links
from chorus_wizard.texts import QT_TRANSLATE_NOOP

MONTHS = (
    QT_TRANSLATE_NOOP("MailViewer", "janvier"),
    QT_TRANSLATE_NOOP("MailViewer", "février"),
    QT_TRANSLATE_NOOP("MailViewer", "mars"),
    QT_TRANSLATE_NOOP("MailViewer", "avril"),
    QT_TRANSLATE_NOOP("MailViewer", "mai"),
    QT_TRANSLATE_NOOP("MailViewer", "juin"),
    QT_TRANSLATE_NOOP("MailViewer", "juillet"),
    QT_TRANSLATE_NOOP("MailViewer", "août"),
    QT_TRANSLATE_NOOP("MailViewer", "septembre"),
    QT_TRANSLATE_NOOP("MailViewer", "octobre"),
    QT_TRANSLATE_NOOP("MailViewer", "novembre"),
    QT_TRANSLATE_NOOP("MailViewer", "décembre"),
)


def mail_date_text(date: str) -> str:
    """A mail's RFC 2822 date as people read it, in local time: « 3 décembre 2026 à 10 h 15 »
    (« 3 December 2026 at 10:15 » in English); anything unreadable is shown as it came."""
    try:
        moment = parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError):
        return date
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return long_date(moment)


def long_date(moment: datetime) -> str:
    day = QCoreApplication.translate("MailViewer", "1er") if moment.day == 1 else str(moment.day)
    return QCoreApplication.translate(
        "MailViewer", "{day} {month} {year} à {hour}\u00a0h\u00a0{minute}"
    ).format(
        day=day,
        month=QCoreApplication.translate("MailViewer", MONTHS[moment.month - 1]),
        year=moment.year,
        hour=moment.hour,
        minute=f"{moment.minute:02d}",
    )


# Between the characters of an address shown in the mail: no line breaks inside it at its
# « / », « ? » or « - » (it breaks where the line ends instead, see :class:`MailText`).
WORD_JOINER = "\u2060"
_ADDRESS = re.compile(r"(?:https?|chorus-wizard)://[^\s<>\"']+")


def _unbroken(address: str) -> str:
    return WORD_JOINER.join(escape(address))


def mail_html(text: str, links: list[str]) -> str:
    """The mail's text as HTML, its activation links clickable (nothing else is a link); an
    address fills the line and goes on at the next, wherever it must break."""
    shown = []
    last = 0
    for found in _ADDRESS.finditer(text):
        address = found.group()
        shown.append(escape(text[last : found.start()]))
        if address in links:
            shown.append(f'<a href="{escape(address)}">{_unbroken(address)}</a>')
        else:
            shown.append(_unbroken(address))
        last = found.end()
    shown.append(escape(text[last:]))
    return f'<pre style="white-space: pre-wrap; font-family: sans-serif">{"".join(shown)}</pre>'


class MailText(QTextBrowser):
    """The mail's text: its long addresses wrap anywhere, and what is copied from it is the
    text as sent (without the joiners that keep addresses whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def createMimeDataFromSelection(self) -> QMimeData:
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText().replace(WORD_JOINER, ""))
        return data


class MailViewer(QDialog):
    """Shows one received mail: sender, subject, date, and its text (selectable, to copy).

    An activation mail's link is clickable and « Utiliser ce code » puts its code on step 4
    (``code_chosen``, with the link)."""

    code_chosen = Signal(str)

    def __init__(self, mail: ReceivedMail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Courriel reçu"))
        self.resize(620, 480)
        self.header = QLabel(
            self.tr(
                "<b>De\u00a0:</b> {sender}<br><b>Objet\u00a0:</b> {subject}<br><b>Date\u00a0:</b> "
                "{date}"
            ).format(
                sender=escape(mail.sender),
                subject=escape(mail.subject),
                date=escape(mail_date_text(mail.date)),
            )
        )
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = MailText()
        self.links = activation_links(mail.text)
        self.text.setOpenLinks(False)  # a click uses the code here, never a browser
        self.text.setHtml(mail_html(mail.text, self.links))
        self.text.anchorClicked.connect(self._on_anchor_clicked)
        self.text.setAccessibleName(self.tr("Contenu du courriel"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.use_code = buttons.addButton(
            self.tr("&Utiliser ce code"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_code.setVisible(bool(self.links))
        self.use_code.clicked.connect(lambda: self._use(self.links[0]))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        link = url.toString()
        if activation_code(link):
            self._use(link)

    def _use(self, link: str) -> None:
        self.code_chosen.emit(link)
        self.accept()
