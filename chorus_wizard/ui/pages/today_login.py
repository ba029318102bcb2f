"""« Parcours du portail actuel », first login and its second factor.

The password; at the first login, the 6-digit code the sandbox mails; then the authenticator
app: the ``otpauth://totp/…`` URI shown as a QR code (segno, rendered into the page) that any
phone app scans, and as text for a desktop app; its first code finishes the enrolment. Later
logins ask the password and the app's code.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from chorus_wizard.contracts.portal import Expected, LoginAnswer
from chorus_wizard.ui.pages import today
from chorus_wizard.ui.pages.base import PageId, WizardContext
from chorus_wizard.ui.pages.today import LOGGED_IN, add_row, line, state_of
from chorus_wizard.ui.widgets.common import Tone, form_layout, wrapped

#: Pixels per module of the QR code: large enough for a phone's camera on any screen.
QR_SCALE = 5


def qr_pixmap(uri: str) -> QPixmap:
    """The QR code of ``uri`` (error correction M, quiet zone of 4 modules)."""
    buffer = io.BytesIO()
    segno.make(uri, error="m", micro=False).save(buffer, kind="png", scale=QR_SCALE, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class TodayLoginPage(today.MailPage):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Portail actuel — 3. Connectez-vous\u00a0: double authentification"))
        #: What the next « Suivant » sends: the password, or the code the login waits for.
        self.expected: Expected | None = None
        self.intro = wrapped(
            self.tr(
                "Connectez-vous avec votre mot de passe. À la première connexion, un code à 6 "
                "chiffres vous est envoyé par courriel\u00a0; puis vous configurez une "
                "application d'authentification sur votre téléphone (FreeOTP, Aegis, Google "
                "Authenticator ou Microsoft Authenticator, gratuites)."
            )
        )
        self.body.addWidget(self.intro)
        form = form_layout()
        #: The address the login is made with (as the account was created), never typed here.
        self.email = line()
        self.email.setReadOnly(True)
        add_row(form, self.tr("Adresse électronique de connexion"), self.email)
        self.password = line()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        add_row(form, self.tr("Mot de passe"), self.password, required=True)
        self.body.addLayout(form)
        self.step_text = wrapped("")
        self.step_text.hide()
        self.body.addWidget(self.step_text)
        self.show_mail = QPushButton(self.tr("Voir le courriel reçu"))
        self.show_mail.clicked.connect(lambda *_: self.show_latest_mail())
        self.show_mail.hide()
        self.body.addWidget(self.show_mail)
        self.qr = QLabel()
        self.qr.setAccessibleName(self.tr("Code QR de l'application d'authentification"))
        self.qr.hide()
        self.body.addWidget(self.qr)
        self.uri = QLineEdit()
        self.uri.setReadOnly(True)
        self.uri_label = QLabel(
            self.tr("Ou saisissez ce lien dans une application de bureau\u00a0:")
        )
        self.uri_label.setBuddy(self.uri)
        self.uri.setAccessibleName(self.uri_label.text())
        for widget in (self.uri_label, self.uri):
            widget.hide()
            self.body.addWidget(widget)
        code_form = form_layout()
        # no margin of its own: the label starts where the page's others do, and the field
        # is not cut at the bottom of the scroll area
        code_form.setContentsMargins(0, 0, 0, 0)
        self.code = line()
        self.code.setMaxLength(6)
        self.code_label_text = self.tr("Code à 6 chiffres")
        add_row(code_form, self.code_label_text, self.code, required=True)
        self.code_row = QWidget()
        self.code_row.setLayout(code_form)
        self.code_row.hide()
        self.body.addWidget(self.code_row)
        self.finish_layout()
        for edit in (self.password, self.code):
            edit.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        self.email.setText(state_of(self.context).email)
        if self.expected is None and self.context.password_in_memory:
            self.password.setText(self.context.password_in_memory)

    def nextId(self) -> int:
        return PageId.TODAY_STRUCTURE

    def ready(self) -> bool:
        if self.expected is None:
            return bool(self.password.text())
        return len(self.code.text().strip()) == 6

    def missing_fields(self) -> list[str]:
        if self.expected is None:
            return [] if self.password.text() else [self.tr("le mot de passe")]
        return [] if self.ready() else [self.tr("le code à 6 chiffres")]

    def step_key(self) -> object:
        return (self.expected, self.code.text())

    def start_step(self) -> bool:
        state = state_of(self.context)
        api = state.api
        if self.expected is None:
            email, password = state.email, self.password.text()
            self.run(self.tr("Connexion…"), lambda: api.login(email, password), self._on_answer)
        else:
            ticket, code = state.login_ticket, self.code.text().strip()
            self.run(
                self.tr("Vérification du code…"),
                lambda: api.send_code(ticket, code),
                self._on_answer,
            )
        return False

    def _on_answer(self, answer: LoginAnswer) -> None:
        state = state_of(self.context)
        state.login_ticket = answer.jetonConnexion or ""
        self.code.clear()
        said = today.login_text(answer.attendu, state.email, self.expected is Expected.ENROL)
        if answer.attendu is Expected.NONE:
            self.banner.show_message(Tone.SUCCESS, said)
            state.done(LOGGED_IN)
            self.step_succeeded()
            return
        self.expected = answer.attendu
        self.password.setEnabled(False)
        self.step_text.setText(said)
        self.step_text.show()
        self.code_row.show()
        self.show_mail.setVisible(answer.attendu is Expected.MAIL_CODE)
        enrolling = answer.attendu is Expected.ENROL and bool(answer.uriTotp)
        if enrolling:
            state.totp_uri = answer.uriTotp or ""
            self.qr.setPixmap(qr_pixmap(state.totp_uri))
            self.uri.setText(state.totp_uri)
        for widget in (self.qr, self.uri_label, self.uri):
            widget.setVisible(enrolling)
        self.code.setFocus()
        self.completeChanged.emit()

    def log_in_again(self, reason: str) -> None:
        """The session is gone (the wizard was closed, or it expired): back to the password,
        then the app's code; ``reason`` says why on the page."""
        self.expected = None
        self._step_done_for = None
        state_of(self.context).login_ticket = ""
        self.email.setText(state_of(self.context).email)
        self.password.clear()
        self.password.setEnabled(True)
        self.code.clear()
        for widget in (
            self.step_text,
            self.code_row,
            self.show_mail,
            self.qr,
            self.uri_label,
            self.uri,
        ):
            widget.hide()
        self.banner.show_message(Tone.INFO, reason)
        self.password.setFocus()
        self.completeChanged.emit()

    def clear_secrets(self) -> None:
        self.password.clear()
        self.code.clear()
        self.uri.clear()
        self.qr.clear()
        state_of(self.context).totp_uri = ""

    def show_error(self, error: BaseException) -> None:
        where = today.LOGIN if self.expected is None else today.LOGIN_CODE
        self.banner.show_message(Tone.ERROR, today.refusal_text(error, where))

    def quit_warning(self) -> str:
        return today.quit_warning(self)
