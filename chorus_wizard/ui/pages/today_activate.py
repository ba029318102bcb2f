"""« Parcours du portail actuel », activation: the mail's link (60 minutes) leads to the
password only (no secret question on today's portal)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from chorus_wizard.contracts.signup import Answer
from chorus_wizard.domain.password import PasswordPolicy, load_strength_estimator
from chorus_wizard.ui.pages import today
from chorus_wizard.ui.pages.base import PageId, WizardContext
from chorus_wizard.ui.pages.today import ACTIVATED, add_row, line, state_of
from chorus_wizard.ui.widgets.common import Tone, form_layout, wrapped
from chorus_wizard.ui.widgets.password import PasswordInput


class TodayActivatePage(today.MailPage):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Portail actuel — 2. Activez votre compte"))
        self.intro = wrapped("")
        self.body.addWidget(self.intro)
        self.show_mail = QPushButton(self.tr("Voir le courriel reçu"))
        self.show_mail.clicked.connect(lambda *_: self.show_latest_mail(self._on_code_chosen))
        self.resend = QPushButton(self.tr("Renvoyer le courriel"))
        self.resend.clicked.connect(lambda *_: self._on_resend_clicked())
        mail_row = QHBoxLayout()
        mail_row.addWidget(self.show_mail)
        mail_row.addWidget(self.resend)
        mail_row.addStretch(1)
        self.body.addLayout(mail_row)
        form = form_layout()
        self.code = line()
        add_row(form, self.tr("Lien ou code d'activation"), self.code, required=True)
        # Step 4's password widget: the rules tick as the password is typed (the sandbox
        # checks the same default policy), « Suivant » waits until they all pass.
        self.password_input = PasswordInput(self)
        self.password_input.add_rows(form)
        self.password = self.password_input.password
        self.confirm = self.password_input.confirmation
        self.body.addLayout(form)
        self.body.addWidget(
            wrapped(
                self.tr(
                    "Il n'y a plus de question secrète\u00a0: la double authentification l'a "
                    "remplacée."
                )
            )
        )
        self.finish_layout()
        self.code.textChanged.connect(self.completeChanged)
        self.password_input.changed.connect(self.completeChanged)
        self._estimator_loaded = False

    def initializePage(self) -> None:
        email = state_of(self.context).email
        signup = self.context.draft.signup
        self.password_input.set_policy(
            # the sandbox's policy; no structure yet, so no rule about its name
            PasswordPolicy(forbid_company_name=False),
            email=email,
            company_name="",  # no structure yet on this path
            user_inputs=(signup.nom, signup.prenom),
        )
        if not self._estimator_loaded:  # zxcvbn's dictionaries, off the GUI thread
            self._estimator_loaded = True
            self.run(
                self.tr("Chargement des règles de mot de passe…"),
                load_strength_estimator,
                lambda _: None,
                lambda _: None,
                kind="estimator",
            )
        self.intro.setText(
            self.tr(
                "Un courriel d'activation a été envoyé à {email}. Son lien n'est valable que 60 "
                "minutes\u00a0: il mène au choix de votre mot de passe. Collez ici le lien (ou le "
                "code) du courriel."
            ).format(email=email)
        )

    def nextId(self) -> int:
        return PageId.TODAY_LOGIN

    def ready(self) -> bool:
        return bool(self.code.text().strip()) and self.password_input.is_acceptable()

    def missing_fields(self) -> list[str]:
        missing = []
        if not self.code.text().strip():
            missing.append(self.tr("le lien ou le code d'activation"))
        if not self.password_input.rules_met():
            missing.append(self.tr("un mot de passe qui respecte les règles"))
        elif self.password.text() != self.confirm.text():
            missing.append(self.tr("la même confirmation du mot de passe"))
        return missing

    def step_key(self) -> object:
        return self.code.text()

    def start_step(self) -> bool:
        api = state_of(self.context).api
        code, password = self.code.text().strip(), self.password.text()
        self.run(
            self.tr("Activation de votre compte…"),
            lambda: api.activate(code, password),
            self._on_activated,
        )
        return False

    def _on_activated(self, answer: Answer) -> None:
        self.context.password_in_memory = self.password.text()
        state_of(self.context).done(ACTIVATED)
        self.step_succeeded()

    def _on_resend_clicked(self) -> None:
        """A new activation mail (the link lasts 60 minutes; the earlier one stays valid)."""
        api, email = state_of(self.context).api, state_of(self.context).email
        self.run(
            self.tr("Envoi d'un nouveau courriel…"),
            lambda: api.resend_activation(email),
            lambda _answer: self.banner.show_message(
                Tone.INFO,
                self.tr(
                    "Un nouveau courriel d'activation a été envoyé à {email}\u00a0: son lien est "
                    "valable 60 minutes. Utilisez le lien du dernier courriel reçu."
                ).format(email=email),
            ),
            kind="resend",
        )

    def _on_code_chosen(self, link: str) -> None:
        """« Utiliser ce code » or the link clicked in the mail: the link goes in its field."""
        self.code.setText(link)
        self.password.setFocus()

    def clear_secrets(self) -> None:
        self.code.clear()
        self.password_input.clear()

    def show_error(self, error: BaseException) -> None:
        self.banner.show_message(Tone.ERROR, today.refusal_text(error, today.ACTIVATION))

    def quit_warning(self) -> str:
        return today.quit_warning(self)
