"""Step 2 — Complétez: who you are, the structure (prefilled, editable), the functionalities."""

from __future__ import annotations

from dataclasses import replace
from functools import cmp_to_key
from html import escape
from typing import Any

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from chorus_wizard import rehearsal
from chorus_wizard.backend.errors import AlreadyRegistered, FieldRefused
from chorus_wizard.backend.models import AccountCreated, CompanyRecord
from chorus_wizard.contracts import record
from chorus_wizard.contracts.record import MAX_LENGTH, Field, Part, Signup, Step
from chorus_wizard.domain.countries import Country
from chorus_wizard.domain.countries import countries as all_countries
from chorus_wizard.domain.identifiers import IdentifierType, format_siret, hors_ue_name
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate
from chorus_wizard.ui.pages import portal
from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import (
    FieldHint,
    FormComboBox,
    Tone,
    field_label,
    form_layout,
    readable,
    stacked,
    wrapped,
)
from chorus_wizard.ui.widgets.explain import explained
from chorus_wizard.ui.widgets.handoff import HandoffPanel

#: The record's text fields typed on this page, one line edit each (the country is a list).
PERSON_FIELDS = tuple(f for f in record.on_step(Step.COMPLETE, Part.PERSON) if f.kind is str)
STRUCTURE_FIELDS = tuple(
    f for f in record.on_step(Step.COMPLETE, Part.STRUCTURE) if f.name != "code_pays"
)
#: The fields with a « ? » beside them (ui/field_help.py says what it tells).
EXPLAINED = ("raison_sociale", "libelle")

#: Default country for identifiers that imply one.
_COUNTRY_OF = {IdentifierType.RIDET: "NC", IdentifierType.TAHITI: "PF"}


class CompletePage(Page):
    step = 2

    #: Why « Valider » is greyed out; {fields} lists the fields still empty or invalid.
    NEXT_REASON = QT_TRANSLATE_NOOP(
        "Page", "Pour continuer, complétez ou corrigez\u00a0: {fields}."
    )

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Complétez les informations demandées"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Valider"))
        self._prefilled_for: tuple[IdentifierType, str] | None = None
        #: The login e-mail (lower case) the person's fields were typed for: another
        #: address is another person, whose name is not the earlier one's.
        self._person_for: str | None = None
        self._countries_loaded = False

        self.identity = QLabel()
        self.identity.setWordWrap(True)
        self.body.addWidget(self.identity)

        you = QGroupBox(self.tr("Vous"))
        you_form = form_layout()
        you.setLayout(you_form)
        self.email_again = QLineEdit()
        self.email_again.setMaxLength(MAX_LENGTH["email"])
        self.email_hint = FieldHint(self.email_again)
        #: The line edit of each text field of the record typed here, by the field's name.
        self.fields: dict[str, QLineEdit] = {}
        #: Each line edit, its field, and the line saying why its value cannot be sent (the
        #: field's rule, which the sandbox applies too).
        self.text_hints: dict[QLineEdit, tuple[Field, FieldHint]] = {}
        you_form.addRow(
            field_label(
                self.tr("Ressaisissez votre adresse électronique de connexion"),
                self.email_again,
                required=True,
            ),
            explained(stacked(self.email_again, self.email_hint), "email_again", self.email_again),
        )
        for field in PERSON_FIELDS:
            label, cell = self._field_row(field)
            you_form.addRow(label, cell)
        self.nom, self.prenom = self.fields["nom"], self.fields["prenom"]
        self.body.addWidget(you)

        structure = QGroupBox(self.tr("Votre structure"))
        s_form = form_layout()
        structure.setLayout(s_form)
        self.prefill_note = wrapped(self.prefill_text(context.directory))
        s_form.addRow(self.prefill_note)
        self.masked_note = QLabel()
        self.masked_note.setWordWrap(True)
        self.masked_note.hide()
        s_form.addRow(self.masked_note)
        for field in STRUCTURE_FIELDS:
            label, cell = self._field_row(field)
            s_form.addRow(label, cell)
        self.postal_hint = self.text_hints[self.fields["code_postal"]][1]
        self.country = FormComboBox()
        self.country.setEditable(False)
        self.country.addItem(self.tr("France"), "FR")
        country_label = translate("signup", record.BY_NAME["code_pays"].label)
        s_form.addRow(field_label(country_label, self.country, required=True), self.country)
        self.body.addWidget(structure)

        features = QGroupBox(self.tr("Fonctionnalités"))
        f_box = QVBoxLayout(features)
        self.payments = QCheckBox(self.tr("Déposer des demandes de paiement"))
        self.payments.setAccessibleName(self.tr("Déposer des demandes de paiement"))
        self.payments.setChecked(True)
        self.dume = QCheckBox(self.tr("Créer et/ou consulter des DUME"))
        self.dume.setAccessibleName(self.tr("Créer et/ou consulter des DUME"))
        payments_note = wrapped(
            self.tr(
                "Cochée par défaut\u00a0: elle vous permet de transmettre vos factures à vos "
                "clients publics."
            )
        )
        dume_note = wrapped(
            self.tr(
                "Réservée aux éditeurs de «\u00a0profils d'acheteurs\u00a0» (places de marchés "
                "publics en ligne) qui se raccordent au service DUME (document unique de marché "
                "européen) par API. Si vous n'êtes pas un profil d'acheteur, cocher cette case est "
                "inutile."
            )
        )
        for note in (payments_note, dume_note):
            note.setIndent(24)
        self.payments.setAccessibleDescription(payments_note.text())
        self.dume.setAccessibleDescription(dume_note.text())
        f_box.addLayout(explained(self.payments, "payments", self.payments))
        f_box.addWidget(payments_note)
        f_box.addLayout(explained(self.dume, "dume", self.dume))
        f_box.addWidget(dume_note)
        self.body.addWidget(features)

        self.commit_note = wrapped(
            self.tr(
                "En cliquant sur «\u00a0Valider\u00a0», votre compte utilisateur et votre "
                "structure sont créés sur Chorus Pro et un courriel d'activation vous est envoyé. "
                "Cette étape est définitive\u00a0: vérifiez vos informations avant de valider."
            )
        )
        if rehearsal.is_rehearsal(context.profile.name):
            self.commit_note.setText(rehearsal.said(rehearsal.COMMIT_NOTE))
        self.body.addWidget(self.commit_note)
        self.handoff: HandoffPanel | None = None
        if context.portal_mode:  # nothing is committed here: the portal creates the account
            self.setCommitPage(False)
            self.commit_note.setText(portal.text(portal.COMPLETE_NOTE))
            self.handoff = portal.handoff_panel(
                context,
                self.tr("Créez votre compte sur le portail Chorus Pro"),
                portal.COMPLETE_CHECKLIST,
                portal.COMPLETE_CONFIRM,
            )
            self.handoff.set_intro(portal.text(portal.BEFORE_START))
            self.handoff.confirmed_changed.connect(self.completeChanged)
            self.completeChanged.connect(self._update_handoff)
            self.body.addWidget(self.handoff)
        self.finish_layout()

        self.email_again.textChanged.connect(self.completeChanged)
        for edit in self.text_hints:
            edit.textChanged.connect(self._on_text_changed)
        self.email_again.textChanged.connect(self._on_email_again_text_changed)
        self.country.currentIndexChanged.connect(self._on_text_changed)
        self._show_next_reason()

    def prefill_text(self, directory: str) -> str:
        """Where the structure's prefilled data really comes from, in this mode."""
        if directory == "sandbox":
            return self.tr(
                "Les champs concernant votre structure sont alimentés avec les données de "
                "l'annuaire du bac à sable (un extrait enregistré pour la répétition), mais "
                "restent modifiables."
            )
        if directory == "insee":
            return self.tr(
                "Les champs concernant votre structure sont alimentés avec les données de la "
                "base Sirene de l'INSEE, mais restent modifiables."
            )
        if directory == "recherche-entreprises":
            return self.tr(
                "Les champs concernant votre structure sont alimentés avec les données de "
                "l'annuaire des entreprises (API Recherche d'entreprises, d'après la base Sirene "
                "de l'INSEE), mais restent modifiables."
            )
        return self.tr(
            "Les champs concernant votre structure sont alimentés avec les données de "
            "l'annuaire des entreprises, mais restent modifiables."
        )

    def _field_row(self, field: Field) -> tuple[QLabel, QWidget | QLayout]:
        """The label and the cell (line edit, its hint, its « ? ») of a text field."""
        edit = QLineEdit()
        edit.setMaxLength(field.max_length)
        self.fields[field.name] = edit
        hint = FieldHint(edit)
        self.text_hints[edit] = (field, hint)
        cell: QWidget | QLayout = stacked(edit, hint)
        if field.name in EXPLAINED:
            cell = explained(cell, field.name, edit)
        label = translate("signup", field.label)
        return field_label(label, edit, required=field.required), cell

    def typed(self) -> Signup:
        """The record with what is typed on this page (the rest as the draft holds it)."""
        draft = self.context.draft
        signup = replace(
            draft.signup,
            code_pays=str(self.country.currentData() or "FR"),
            deposer_demandes_paiement=self.payments.isChecked(),
            dume=self.dume.isChecked(),
        )
        for name, edit in self.fields.items():
            setattr(signup, name, edit.text().strip())
        if draft.lookup is not None:
            signup.identifier_type = draft.lookup.identifier_type
            signup.identifier = draft.lookup.identifier
        return signup

    # -- QWizard contract --------------------------------------------------------------

    def initializePage(self) -> None:
        draft = self.context.draft
        lookup = draft.lookup
        if lookup is None:
            return
        key = (lookup.identifier_type, lookup.identifier)
        shown = (
            self.tr("SIRET {siret}").format(siret=format_siret(lookup.identifier))
            if lookup.identifier_type is IdentifierType.SIRET
            else lookup.identifier
        )
        self.identity.setText(
            self.tr(
                "Adresse de connexion\u00a0: <b>{email}</b><br>Structure\u00a0: <b>{structure}</b>"
            ).format(email=escape(draft.signup.email), structure=escape(shown))
        )
        person_notice = self._forget_another_person(draft.signup.email)
        # A resumed draft fills the confirmation before the address is known: judge it now.
        self._on_email_again_text_changed()
        if not self._countries_loaded:
            self.run(
                self.tr("Chargement de la liste des pays…"),
                lambda: self.context.service.countries(),
                self._on_countries_loaded,
                self._on_countries_failed,
                kind="countries",
            )
        if key == self._prefilled_for:
            if person_notice:
                self.banner.show_message(Tone.INFO, person_notice)
            return  # Back then Next: keep what the user edited
        first_time = self._prefilled_for is None
        self._prefilled_for = key
        replaced, emptied = self._apply_prefill(
            lookup.company, lookup.identifier_type, lookup.identifier
        )
        for edit, typed in ((self.nom, draft.signup.nom), (self.prenom, draft.signup.prenom)):
            if typed and not edit.text().strip():  # typed on the « déjà inscrite » page
                edit.setText(typed)
        notices = [person_notice] if person_notice else []
        if replaced and not first_time:
            notices.append(
                self.tr(
                    "L'identifiant de la structure a changé\u00a0: ces champs ont été remplacés "
                    "par les données de la nouvelle structure\u00a0: {fields}."
                ).format(fields=", ".join(replaced))
            )
        if emptied and not first_time:
            notices.append(
                self.tr(
                    "L'identifiant de la structure a changé\u00a0: ces champs ont été vidés, "
                    "saisissez-les pour la nouvelle structure\u00a0: {fields}."
                ).format(fields=", ".join(emptied))
            )
        if lookup.company is not None and lookup.company.notice:
            notices.append(lookup.company.notice)
        if lookup.offline:
            notices.append(
                self.tr(
                    "Sans connexion, l'assistant n'a rien pu vérifier\u00a0: ni l'identifiant de "
                    "la structure, ni si elle est déjà inscrite sur Chorus Pro, et rien n'est "
                    "prérempli. Saisissez vos données\u00a0; le portail les vérifiera."
                )
            )
        elif not lookup.existence_checked:
            notices.append(
                self.tr(
                    "Sans compte technique Chorus Pro configuré («\u00a0Paramètres\u00a0»), "
                    "l'assistant n'a pas pu vérifier si votre structure est déjà inscrite\u00a0: "
                    "si c'est le cas, le portail vous proposera d'y demander votre rattachement."
                )
            )
        if notices:
            self.banner.show_message(Tone.INFO, " ".join(notices))

    def _forget_another_person(self, email: str) -> str:
        """Empty the person's fields when step 1's address changed since they were typed;
        returns the notice naming them ("" when nothing was emptied)."""
        person = email.strip().lower()
        previous, self._person_for = self._person_for, person
        if previous is None or previous == person:
            return ""
        emptied = [
            translate("signup", f.label) for f in PERSON_FIELDS if self.fields[f.name].text()
        ]
        for field in PERSON_FIELDS:
            self.fields[field.name].clear()
        self.email_again.clear()
        if not emptied:
            return ""
        return self.tr(
            "L'adresse électronique de connexion a changé : ces champs ont été vidés, "
            "saisissez-les pour la nouvelle personne : {fields}."
        ).format(fields=", ".join(emptied))

    def _apply_prefill(
        self, company: CompanyRecord | None, kind: IdentifierType, identifier: str
    ) -> tuple[list[str], list[str]]:
        """Fill the structure fields for a new identifier; returns the labels of the fields
        it replaced with other values and of those it emptied."""
        values = {f.name: "" for f in STRUCTURE_FIELDS}
        if company is None and kind in (IdentifierType.AUTRE, IdentifierType.PARTICULIER):
            values["raison_sociale"] = identifier  # the provisional name, the person's name
        if company is None and kind is IdentifierType.HORS_UE:
            values["raison_sociale"] = hors_ue_name(identifier)  # after the country code
        country = _COUNTRY_OF.get(kind, "FR")
        if kind in (IdentifierType.UE_HORS_FRANCE, IdentifierType.HORS_UE):
            country = "GR" if identifier[:2] == "EL" else identifier[:2]
        if company is not None:
            for name in values:
                values[name] = getattr(company, name)
            country = company.code_pays
        replaced: list[str] = []
        emptied: list[str] = []
        for field in STRUCTURE_FIELDS:
            edit = self.fields[field.name]
            if edit.text() != values[field.name]:
                if edit.text():
                    label = translate("signup", field.label)
                    (replaced if values[field.name] else emptied).append(label)
                edit.setText(values[field.name])
                edit.setCursorPosition(0)  # a long name shows its beginning
        if self.country.currentData() != country:
            replaced.append(self.tr("Pays"))
        self._select_country(country)
        self.prefill_note.setVisible(company is not None)
        masked = [
            translate("signup", f.label)
            for f in STRUCTURE_FIELDS
            if company and f.name in company.masked
        ]
        notes = [company.address_note] if company and company.address_note else []
        if masked:
            notes.insert(
                0,
                self.tr(
                    "⚠ Une partie des données de cette entreprise n'est pas diffusée par "
                    "l'INSEE\u00a0: saisissez vous-même {fields}."
                ).format(fields=", ".join(masked)),
            )
        if notes:
            self.masked_note.setText(" ".join(notes))
            self.masked_note.setStyleSheet(f"color: {readable('#6b3d00')};")
            self.masked_note.show()
        else:
            self.masked_note.hide()
        return replaced, emptied

    def ready(self) -> bool:
        if self.handoff is not None and not self.handoff.is_confirmed:
            return False
        if self.email_again.text().strip().lower() != self.context.draft.signup.email.lower():
            return False
        return not self._unfinished()

    def _unfinished(self) -> list[QLineEdit]:
        """The fields still empty though required, or whose value breaks their rule."""
        signup = self.typed()
        return [
            edit
            for edit, (field, _hint) in self.text_hints.items()
            if (field.required and not edit.text().strip()) or record.problem(field, signup)
        ]

    def missing_fields(self) -> list[str]:
        missing = []
        if self.email_again.text().strip().lower() != self.context.draft.signup.email.lower():
            missing.append(self.email_again.accessibleName())
        missing += [edit.accessibleName() for edit in self._unfinished()]
        if self.handoff is not None and not self.handoff.is_confirmed:
            missing.append(self.tr("la confirmation de la création sur le portail"))
        return missing

    def _on_text_changed(self) -> None:
        signup = self.typed()
        for field, hint in self.text_hints.values():
            reason = record.problem(field, signup)
            if (reason or "") != hint.text():  # a refusal the service described stays
                hint.set_reason(reason)
        self.completeChanged.emit()

    def _on_email_again_text_changed(self) -> None:
        typed = self.email_again.text().strip().lower()
        expected = self.context.draft.signup.email.lower()
        problem = None
        # (no address yet while a draft is being restored: nothing to compare with)
        if typed and expected and len(typed) >= len(expected) and typed != expected:
            problem = self.tr("Les deux adresses électroniques ne sont pas identiques.")
        self.email_hint.set_reason(problem)

    # -- countries ---------------------------------------------------------------------

    def _on_countries_loaded(self, countries: list[Country]) -> None:
        current = self.country.currentData() or "FR"
        self.country.blockSignals(True)
        self.country.clear()
        # France first, then the names as the interface's language sorts them.
        by_name = cmp_to_key(QCollator(QLocale()).compare)
        for country in sorted(countries, key=lambda c: (c.code != "FR", by_name(c.label))):
            self.country.addItem(country.label, country.code)
        self.country.blockSignals(False)
        self._countries_loaded = True
        self._select_country(current)

    def _on_countries_failed(self, error: BaseException) -> None:
        self.banner.show_message(
            Tone.WARNING,
            self.tr(
                "La liste des pays n'a pas pu être chargée\u00a0; seule la France est proposée. "
                "{error}"
            ).format(error=error),
        )

    def _select_country(self, code: str) -> None:
        index = self.country.findData(code)
        if index < 0:  # not in the service's list (or not loaded yet): its name, not « DE »
            language = "en" if QLocale().name().startswith("en") else "fr"
            names = {c.code: c.label for c in all_countries(language)}
            self.country.addItem(names.get(code, code), code)
            index = self.country.count() - 1
        self.country.setCurrentIndex(index)

    # -- Valider: create the account and the structure ----------------------------------

    def draft_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"email_again": self.email_again.text()}
        lookup = self.context.draft.lookup
        if lookup is not None and lookup.company is not None:
            values["categorie_entreprise"] = lookup.company.categorie_entreprise
        if self._prefilled_for is not None:
            kind, identifier = self._prefilled_for
            values["prefilled_for"] = f"{kind.value}:{identifier}"
        if self.handoff is not None:  # portal mode: « the account is created on the portal »
            values["portal_account_created"] = self.handoff.confirm.isChecked()
        return values

    def restore_draft(self, values: dict[str, Any]) -> None:
        self._person_for = str(values.get("email", "")).strip().lower() or None
        for name, edit in self.fields.items():
            edit.setText(values.get(name, ""))
        self.email_again.setText(values.get("email_again", ""))
        self._select_country(values.get("code_pays", "FR"))
        self.payments.setChecked(values.get("deposer_demandes_paiement", True))
        self.dume.setChecked(values.get("dume", False))
        kind, _, identifier = values.get("prefilled_for", "").partition(":")
        if kind in IdentifierType.__members__ and identifier:
            # the saved fields are the user's: the prefill must not overwrite them
            self._prefilled_for = (IdentifierType(kind), identifier)
        if self.handoff is not None:
            self.handoff.confirm.setChecked(values.get("portal_account_created", False) is True)

    def collect(self) -> None:
        if self.context.draft.lookup is not None:
            self.context.draft.signup = self.typed()

    def step_key(self) -> object:
        if self.handoff is not None:  # portal mode: the step only collects what is typed
            return (self.typed(), tuple(sorted(self.draft_values().items())))
        return "created" if self.context.draft.account else None

    def mark_step_done(self) -> None:
        if self.handoff is not None:
            self.collect()  # what the later hand-off panels show
        super().mark_step_done()

    def _update_handoff(self) -> None:
        """Portal mode: the account's values to copy follow what is typed (the structure's
        come at step 4, after the first login, as on today's portal)."""
        if self.handoff is None or self.context.draft.lookup is None:
            return
        self.collect()
        signup = self.context.draft.signup
        self.handoff.set_values(portal.person_values(signup))

    def start_step(self) -> bool:
        if self.handoff is not None:
            self.collect()  # portal mode: nothing to create here
            return True
        if self.context.draft.account is not None:
            return True
        self.collect()
        signup = replace(self.context.draft.signup)
        key = self.context.draft.idempotency_key
        context = self.context
        self.run(
            self.tr("Création de votre compte et de votre structure…"),
            lambda: context.service.create_account(signup, key),
            self._on_account_created,
            self._on_creation_failed,
        )
        return False

    def _on_account_created(self, account: AccountCreated) -> None:
        self.context.draft.account = account
        self.step_succeeded()

    def _on_creation_failed(self, error: BaseException) -> None:
        if isinstance(error, AlreadyRegistered):
            self.banner.show_message(
                Tone.ERROR,
                self.tr(
                    "{error} Revenez à l'étape précédente\u00a0: l'assistant vous proposera "
                    "d'envoyer une demande de rattachement."
                ).format(error=error),
            )
            return
        self.show_error(error)
        self._focus_refused_field(error)

    def _focus_refused_field(self, error: BaseException) -> None:
        """The service named the refused field: put the cursor in it."""
        if not isinstance(error, FieldRefused):
            return
        targets: dict[str, QWidget] = {
            "email": self.email_again,
            "code_pays": self.country,
            **self.fields,
        }
        target = targets.get(error.field)
        if target is not None:
            target.setAccessibleDescription(str(error))
            target.setFocus()
