"""« Parcours du portail actuel », first page: what to have at hand, then the account alone
(login e-mail, nom, prénom, optional téléphone, contact e-mail, the terms), as on today's portal.

As the path's first page, it also offers to resume a signup saved on this path
(:func:`chorus_wizard.ui.drafts.offer_resume`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from chorus_wizard.backend.errors import Rejected
from chorus_wizard.contracts.portal import AccountCreatedAnswer
from chorus_wizard.contracts.signup import Code
from chorus_wizard.ui.pages import portal, today
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.identify import email_problem
from chorus_wizard.ui.pages.today import (
    ACCOUNT_CREATED,
    ACTIVATED,
    TODAY_PATH,
    add_row,
    line,
    state_of,
)
from chorus_wizard.ui.widgets.common import (
    FieldHint,
    ResumeOffer,
    Tone,
    field_label,
    form_layout,
    stacked,
    wrapped,
)


class TodayAccountPage(Page):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Portail actuel — 1. Créez votre compte"))
        self.setSubTitle(
            self.tr(
                "Parcours du portail actuel\u00a0: le compte d'abord, puis son activation, la "
                "double authentification, la structure et les espaces de travail."
            )
        )
        self.resume_box = ResumeOffer()
        self.body.addWidget(self.resume_box)
        self.body.addWidget(wrapped(portal.text(portal.BEFORE_START)))
        form = form_layout()
        self.email, self.nom, self.prenom = line(), line(), line()
        self.telephone, self.contact = line(), line()
        # step 1's rule and hint line, its height kept so nothing moves as it comes and goes
        self.email_hint = FieldHint(self.email, reserve_line=True)
        email_label = self.tr("Adresse électronique de connexion")
        self.email.setAccessibleName(email_label)
        form.addRow(
            field_label(email_label, self.email, required=True),
            stacked(self.email, self.email_hint),
        )
        add_row(form, self.tr("Nom"), self.nom, required=True)
        add_row(form, self.tr("Prénom"), self.prenom, required=True)
        add_row(form, self.tr("Téléphone (facultatif)"), self.telephone)
        add_row(form, self.tr("Adresse électronique de contact"), self.contact)
        self.contact.setPlaceholderText(self.tr("la même que celle de connexion"))
        self.body.addLayout(form)
        self.terms = QCheckBox(self.tr("J'accepte les conditions générales d'utilisation"))
        self.body.addWidget(self.terms)
        self.finish_layout()
        for edit in (self.email, self.nom, self.prenom):
            edit.textChanged.connect(self.completeChanged)
        self.terms.toggled.connect(self.completeChanged)
        self.email.textChanged.connect(self._on_email_text_changed)
        self.email.editingFinished.connect(self._on_email_editing_finished)
        #: « Se connecter avec … », offered when the sandbox says the address has an account.
        self.log_in_button = QPushButton(self.tr("Se connecter avec cette adresse"))
        self.log_in_button.hide()
        self.log_in_button.clicked.connect(lambda *_: self._log_in_instead())
        #: « Recevoir un nouveau courriel d'activation », for an account never activated.
        self.activate_button = QPushButton(self.tr("Recevoir un nouveau courriel d'activation"))
        self.activate_button.hide()
        self.activate_button.clicked.connect(lambda *_: self._activate_instead())
        log_in_row = QHBoxLayout()
        log_in_row.addWidget(self.log_in_button)
        log_in_row.addWidget(self.activate_button)
        log_in_row.addStretch(1)
        self.body.insertLayout(self.body.count() - 1, log_in_row)
        self.existing_email = ""
        self.sent_contact = ""
        self.login_instead = False
        self._first_shown = False

    def showEvent(self, event: QShowEvent) -> None:
        """The window's first focus is the e-mail field, as on step 1: QWizard picks one
        before the page is visible, finds none and falls back on « Annuler » (typing went
        nowhere, and closing the help panel gave the focus back there)."""
        super().showEvent(event)
        if not self._first_shown:
            self._first_shown = True
            self.email.setFocus()

    def _on_email_text_changed(self) -> None:
        if self.email_hint.isVisible():  # once shown, the reason follows the typing
            self.email_hint.set_reason(email_problem(self.email.text()))

    def _on_email_editing_finished(self) -> None:
        if self.email.text().strip():
            self.email_hint.set_reason(email_problem(self.email.text()))

    def nextId(self) -> int:
        return PageId.TODAY_LOGIN if self.login_instead else PageId.TODAY_ACTIVATE

    def ready(self) -> bool:
        typed = all(e.text().strip() for e in (self.email, self.nom, self.prenom))
        return typed and self.terms.isChecked()

    def missing_fields(self) -> list[str]:
        names = [
            (self.email, self.tr("l'adresse électronique")),
            (self.nom, self.tr("le nom")),
            (self.prenom, self.tr("le prénom")),
        ]
        missing = [name for edit, name in names if not edit.text().strip()]
        if not self.terms.isChecked():
            missing.append(self.tr("l'acceptation des conditions"))
        return missing

    # -- draft -----------------------------------------------------------------------------

    def collect(self) -> None:
        if self.context.path != TODAY_PATH or state_of(self.context).reached:
            return  # once the account exists, the draft keeps what it was made of
        signup = self.context.draft.signup
        signup.email = self.email.text().strip()
        signup.nom = self.nom.text().strip()
        signup.prenom = self.prenom.text().strip()
        signup.telephone = self.telephone.text().strip()

    def draft_values(self) -> dict[str, Any]:
        """The path, what the record has no field for, and how far the path went."""
        if self.context.path != TODAY_PATH:
            return {}
        return {
            "path": TODAY_PATH,
            "email_contact": (
                self.sent_contact if state_of(self.context).reached else self.contact.text().strip()
            ),
            "cgu_acceptees": self.terms.isChecked(),
            "today_reached": state_of(self.context).reached,
        }

    def restore_draft(self, values: dict[str, Any]) -> None:
        if values.get("path") != TODAY_PATH:
            return
        for edit, name in (
            (self.email, "email"),
            (self.nom, "nom"),
            (self.prenom, "prenom"),
            (self.telephone, "telephone"),
            (self.contact, "email_contact"),
        ):
            edit.setText(str(values.get(name, "")))
        self.terms.setChecked(values.get("cgu_acceptees") is True)
        self.sent_contact = self.contact.text().strip()

    # -- the step --------------------------------------------------------------------------

    def step_key(self) -> object:
        return tuple(e.text() for e in (self.email, self.nom, self.prenom, self.telephone))

    def start_step(self) -> bool:
        state = state_of(self.context)
        self.login_instead = False
        self.log_in_button.hide()
        self.activate_button.hide()
        email, nom, prenom, telephone, contact = sent = tuple(
            e.text().strip()
            for e in (self.email, self.nom, self.prenom, self.telephone, self.contact)
        )
        self.run(
            self.tr("Création de votre compte…"),
            lambda: state.api.create_account(email, nom, prenom, telephone, contact, True),
            lambda created: self._on_created(created, sent),
            lambda error: self._on_refused(error, email),
        )
        return False

    def _keep_sent(self, sent: tuple[str, ...]) -> None:
        """The draft holds exactly what the account was made of (not what is typed later, nor
        what was typed before a last change the draft's timer had not saved yet)."""
        signup = self.context.draft.signup
        signup.email, signup.nom, signup.prenom, signup.telephone = sent[:4]
        self.sent_contact = sent[4]
        state_of(self.context).email = sent[0]

    def _on_created(self, created: AccountCreatedAnswer, sent: tuple[str, ...]) -> None:
        self._keep_sent(sent)
        state_of(self.context).done(ACCOUNT_CREATED)
        self.edited.emit()
        self.step_succeeded()

    def _on_refused(self, error: BaseException, email: str) -> None:
        self.banner.show_message(Tone.ERROR, today.refusal_text(error, today.ACCOUNT, email))
        if isinstance(error, Rejected) and error.code == Code.EMAIL_EXISTS:
            self.existing_email = email
            self.log_in_button.setText(self.tr("Se connecter avec {email}").format(email=email))
            self.log_in_button.show()
            self.activate_button.show()

    def _activate_instead(self) -> None:
        """The account may never have been activated: a new activation mail, then the
        activation page with that address (the sandbox answers the same for any address)."""
        state, email = state_of(self.context), self.existing_email

        def sent(_answer: object) -> None:
            state.email = email
            self.context.draft.signup.email = email
            state.done(ACCOUNT_CREATED)
            self.log_in_button.hide()
            self.activate_button.hide()
            self.edited.emit()
            self.step_succeeded()

        self.run(
            self.tr("Envoi d'un nouveau courriel…"),
            lambda: state.api.resend_activation(email),
            sent,
            lambda error: self.banner.show_message(
                Tone.ERROR, today.refusal_text(error, today.ACCOUNT, email)
            ),
        )

    def _log_in_instead(self) -> None:
        """The sandbox knows this address: go to the login with it (its activation, if it
        was never done, is the login's refusal to say)."""
        state = state_of(self.context)
        state.email = self.existing_email
        self.context.draft.signup.email = self.existing_email
        state.done(ACTIVATED)
        self.login_instead = True
        self.log_in_button.hide()
        self.activate_button.hide()
        self.edited.emit()
        self.step_succeeded()

    def quit_warning(self) -> str:
        return today.quit_warning(self)
