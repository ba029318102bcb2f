"""« Parcours du portail actuel », first page: what to have at hand, then the account alone
(login e-mail, nom, prénom, optional téléphone, contact e-mail, the terms), as on today's portal.

As the path's first page, it also offers to resume a signup saved on this path
(:func:`chorus_wizard.ui.drafts.offer_resume`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QWidget,
)

from chorus_wizard.contracts.portal import AccountCreatedAnswer
from chorus_wizard.ui.pages import portal
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.today import ACCOUNT_CREATED, TODAY_PATH, add_row, line, state_of
from chorus_wizard.ui.widgets.common import ResumeOffer, form_layout, wrapped


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
        add_row(form, self.tr("Adresse électronique de connexion"), self.email, required=True)
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

    def nextId(self) -> int:
        return PageId.TODAY_ACTIVATE

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
        if self.context.path != TODAY_PATH:
            return
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
            "email_contact": self.contact.text().strip(),
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

    # -- the step --------------------------------------------------------------------------

    def step_key(self) -> object:
        return tuple(e.text() for e in (self.email, self.nom, self.prenom, self.telephone))

    def start_step(self) -> bool:
        state = state_of(self.context)
        email, nom, prenom, telephone, contact = (
            e.text().strip()
            for e in (self.email, self.nom, self.prenom, self.telephone, self.contact)
        )
        self.run(
            self.tr("Création de votre compte…"),
            lambda: state.api.create_account(email, nom, prenom, telephone, contact, True),
            self._on_created,
        )
        return False

    def _on_created(self, created: AccountCreatedAnswer) -> None:
        state = state_of(self.context)
        state.email = self.email.text().strip()
        state.done(ACCOUNT_CREATED)
        self.step_succeeded()
