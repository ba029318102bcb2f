"""Step 4 — Activez votre compte: code from the mail, password, secret question."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from chorus_wizard.backend.errors import ActivationError
from chorus_wizard.backend.models import SecretQuestion
from chorus_wizard.backend.sandbox_mail import ReceivedMail, latest_mail_to
from chorus_wizard.domain.activation import activation_code
from chorus_wizard.domain.password import PasswordPolicy
from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import (
    FieldHint,
    Tone,
    field_label,
    form_layout,
    stacked,
    wrapped,
)
from chorus_wizard.ui.widgets.password import PasswordInput


class MailDialog(QDialog):
    """Shows the mail the sandbox sent, so a trainee can follow the link without a mail client."""

    def __init__(self, mail: ReceivedMail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Courriel reçu")
        self.resize(620, 480)
        header = QLabel(
            f"<b>De :</b> {escape(mail.sender)}<br><b>Objet :</b> {escape(mail.subject)}"
            f"<br><b>Date :</b> {escape(mail.date)}"
        )
        header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextBrowser()
        self.text.setPlainText(mail.text)
        self.text.setAccessibleName("Contenu du courriel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class ActivatePage(Page):
    step = 4

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle("Activez votre compte utilisateur")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Valider")
        self._policy_loaded = False

        self.intro = wrapped("")
        self.body.addWidget(self.intro)

        form = form_layout()
        self.code = QLineEdit()
        self.code.setPlaceholderText("Collez ici le lien reçu par courriel, ou le code seul")
        self.code.setMaxLength(500)
        self.code_hint = FieldHint(self.code)
        mail_row = QHBoxLayout()
        self.show_mail = QPushButton("Voir le courriel reçu")
        self.show_mail.setVisible(context.mail_dir is not None)
        self.resend = QPushButton("Renvoyer le courriel")
        mail_row.addWidget(self.show_mail)
        mail_row.addWidget(self.resend)
        mail_row.addStretch(1)
        form.addRow(
            field_label("Lien ou code d'activation", self.code, required=True),
            stacked(self.code, self.code_hint, mail_row),
        )

        self.password = PasswordInput(self)
        self.password.add_rows(form)

        self.question = QComboBox()
        self.answer = QLineEdit()
        self.answer.setMaxLength(100)
        answer_note = wrapped(
            "La question secrète vous permettra de récupérer votre mot de passe en cas "
            "d'oubli. La réponse ne tient compte ni des majuscules ni des accents."
        )
        form.addRow(field_label("Question secrète", self.question, required=True), self.question)
        form.addRow(
            field_label("Réponse", self.answer, required=True), stacked(self.answer, answer_note)
        )
        self.body.addLayout(form)
        self.finish_layout()

        self.code.textChanged.connect(self._on_code_text_changed)
        self.password.changed.connect(self.completeChanged)
        self.answer.textChanged.connect(self.completeChanged)
        self.question.currentIndexChanged.connect(self.completeChanged)
        self.show_mail.clicked.connect(self._on_show_mail_clicked)
        self.resend.clicked.connect(self._on_resend_clicked)

    def initializePage(self) -> None:
        draft = self.context.draft
        self.intro.setText(
            f"Le courriel d'activation a été envoyé à {draft.email}. Copiez le lien qu'il "
            "contient (ou le code seul) dans le champ ci-dessous, puis choisissez votre mot de "
            "passe et votre question secrète."
        )
        if not self._policy_loaded:
            service = self.context.service
            self.run(
                "Chargement des règles de mot de passe…",
                lambda: (service.password_policy(), service.secret_questions()),
                self._on_rules_loaded,
            )

    def cleanupPage(self) -> None:
        self.password.clear()
        super().cleanupPage()

    def _on_rules_loaded(self, loaded: tuple[PasswordPolicy, list[SecretQuestion]]) -> None:
        policy, questions = loaded
        draft = self.context.draft
        self.password.set_policy(
            policy, email=draft.email, company_name=draft.structure.raison_sociale
        )
        self.question.clear()
        for question in questions:
            self.question.addItem(question.label, question.id)
        self._policy_loaded = True
        self.completeChanged.emit()

    def ready(self) -> bool:
        return (
            self._policy_loaded
            and bool(activation_code(self.code.text()))
            and self.password.is_acceptable()
            and self.question.currentIndex() >= 0
            and bool(self.answer.text().strip())
        )

    def _on_code_text_changed(self) -> None:
        text = self.code.text()
        problem = None
        if text.strip() and not activation_code(text):
            problem = "Ce lien ne contient pas de code d'activation : copiez le lien complet."
        self.code_hint.set_reason(problem)
        self.completeChanged.emit()

    # -- mail --------------------------------------------------------------------------

    def _on_show_mail_clicked(self) -> None:
        mail_dir = self.context.mail_dir
        email = self.context.draft.email
        if mail_dir is None:
            return
        self.run(
            "Lecture du courriel…", lambda: latest_mail_to(mail_dir, email), self._on_mail_read
        )

    def _on_mail_read(self, mail: ReceivedMail | None) -> None:
        if mail is None:
            self.banner.show_message(Tone.WARNING, "Aucun courriel reçu pour cette adresse.")
            return
        MailDialog(mail, self).exec()

    def _on_resend_clicked(self) -> None:
        service = self.context.service
        email = self.context.draft.email
        self.run(
            "Envoi d'un nouveau courriel…",
            lambda: service.resend_activation(email),
            self._on_resent,
        )

    def _on_resent(self, message: str) -> None:
        self.code.clear()
        self.banner.show_message(
            Tone.SUCCESS,
            (message or "Un nouveau courriel d'activation a été envoyé.")
            + " Le lien précédent n'est plus valable.",
        )

    # -- Valider -----------------------------------------------------------------------

    def step_key(self) -> object:
        return "activated" if self.context.draft.activated else None

    def start_step(self) -> bool:
        draft = self.context.draft
        service = self.context.service
        email = draft.email
        code = activation_code(self.code.text())
        password = self.password.password.text()
        question = int(self.question.currentData())
        answer = self.answer.text()
        self.run(
            "Activation de votre compte…",
            lambda: service.activate(email, code, password, question, answer),
            self._on_activated,
            self._on_activation_failed,
        )
        return False

    def _on_activated(self, message: str) -> None:
        draft = self.context.draft
        draft.activated = True
        draft.final_message = message
        self.password.clear()
        self.answer.clear()
        self.step_succeeded()

    def _on_activation_failed(self, error: BaseException) -> None:
        if isinstance(error, ActivationError) and error.expired:
            self.banner.show_message(
                Tone.ERROR,
                f"{error} Cliquez sur « Renvoyer le courriel » pour recevoir un nouveau lien.",
            )
            self.resend.setFocus()
            return
        self.show_error(error)
