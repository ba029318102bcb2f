"""« Parcours du portail actuel », once logged in: the structure, created or joined, then the
workspaces.

A SIRET typed here is looked up as on step 2 of the guide's path: the directory's values fill
the structure's fields (each stays editable; a field the person changed is never overwritten),
and a structure already on Chorus Pro ticks « Demander mon rattachement ». The session does not
outlive the window: after a resume, or once it has expired, « Suivant » leads back to the
login (password, then the app's code), every value typed here kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from chorus_wizard.backend.errors import Rejected
from chorus_wizard.backend.models import CompanyRecord, Lookup, Workspace
from chorus_wizard.contracts.portal import StructureAnswer, StructureOutcome, WorkspacesAnswer
from chorus_wizard.contracts.record import Signup
from chorus_wizard.contracts.signup import Code
from chorus_wizard.domain.identifiers import IdentifierType, check_identifier
from chorus_wizard.ui.pages import portal, today
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.today import TODAY_PATH, add_row, line, state_of
from chorus_wizard.ui.widgets.common import (
    FormComboBox,
    Tone,
    field_label,
    form_layout,
    wrapped,
)

REQUIRED = ("identifier", "raison_sociale", "adresse", "code_postal", "ville")
#: The fields the directory fills (the record's names).
PREFILLED = ("raison_sociale", "adresse", "code_postal", "ville", "code_pays")


class TodayStructurePage(Page):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Portail actuel — 4. Votre structure et vos espaces"))
        self.body.addWidget(
            wrapped(
                self.tr(
                    "Vous êtes connecté. Créez votre structure\u00a0: le type d'identifiant, "
                    "l'identifiant, puis ses données. Si elle existe déjà, demandez votre "
                    "rattachement."
                )
            )
        )
        form = form_layout()
        self.kind = FormComboBox()
        for kind in IdentifierType:
            self.kind.addItem(portal.identifier_type_label(kind), kind.value)
        form.addRow(field_label(portal.text(portal.IDENTIFIER_TYPE_LABEL), self.kind), self.kind)
        self.fields = {name: line() for name in (*REQUIRED, "code_pays")}
        labels = {
            "identifier": self.tr("Identifiant"),
            "raison_sociale": self.tr("Raison sociale"),
            "adresse": self.tr("Adresse"),
            "code_postal": self.tr("Code postal"),
            "ville": self.tr("Ville"),
            "code_pays": self.tr("Pays (code)"),
        }
        for name, edit in self.fields.items():
            add_row(form, labels[name], edit, required=name in REQUIRED)
        self.fields["code_pays"].setText("FR")
        self.body.addLayout(form)
        #: What the directory said about the SIRET typed (prefilled, closed, registered).
        self.lookup_note = wrapped("")
        self.lookup_note.hide()
        self.body.addWidget(self.lookup_note)
        self.join = QCheckBox(self.tr("Demander mon rattachement (la structure existe déjà)"))
        self.body.addWidget(self.join)
        self.body.addWidget(wrapped(self.tr("<b>Espaces de travail à ouvrir</b>"), rich=True))
        self.switches: dict[str, QCheckBox] = {}
        self.spaces_box = QWidget()
        self.body.addWidget(self.spaces_box)
        self.spaces_layout = QVBoxLayout(self.spaces_box)
        self.structure_done = False
        #: The saved choice of workspaces, applied once the catalogue is loaded.
        self._restored_choice: list[str] | None = None
        #: The SIRET last looked up, and the values its prefill put in each field.
        self._looked_up = ""
        self._prefilled: dict[str, str] = {}
        self.finish_layout()
        for edit in self.fields.values():
            edit.textChanged.connect(self.completeChanged)
        self.fields["identifier"].textChanged.connect(self._on_identifier_changed)
        self.kind.currentIndexChanged.connect(self._on_identifier_changed)
        self.join.toggled.connect(self.completeChanged)

    def initializePage(self) -> None:
        if not self.switches:
            context = self.context
            self.run(
                self.tr("Chargement des espaces de travail…"),
                lambda: context.service.workspaces(),
                self._on_catalogue,
                kind="catalogue",
            )

    def _on_catalogue(self, workspaces: list[Workspace]) -> None:
        for workspace in workspaces:
            box = QCheckBox(workspace.label)
            if self._restored_choice is None:
                box.setChecked(workspace.default_on)
            else:
                box.setChecked(workspace.code in self._restored_choice)
            self.switches[workspace.code] = box
            self.spaces_layout.addWidget(box)
            box.toggled.connect(self.edited)

    def nextId(self) -> int:
        return PageId.TODAY_DONE

    def ready(self) -> bool:
        needed = ("identifier",) if self.join.isChecked() else REQUIRED
        return all(self.fields[name].text().strip() for name in needed)

    # -- the directory ---------------------------------------------------------------------

    def _identifier_kind(self) -> IdentifierType:
        return IdentifierType(self.kind.currentData())

    def _on_identifier_changed(self) -> None:
        """A whole, valid SIRET: ask the directory (and Chorus Pro) about it."""
        kind = self._identifier_kind()
        checked = check_identifier(kind, self.fields["identifier"].text())
        if kind is not IdentifierType.SIRET or not checked.ok:
            return
        siret = checked.normalized
        if siret == self._looked_up:
            return
        self._looked_up = siret
        context = self.context
        self.run(
            self.tr("Recherche de la structure dans l'annuaire…"),
            lambda: context.service.lookup(IdentifierType.SIRET, siret),
            self._on_looked_up,
            self._on_lookup_failed,
            kind="lookup",
        )

    def _on_looked_up(self, lookup: Lookup) -> None:
        self.context.draft.lookup = lookup  # the recap's company category
        if lookup.existing is not None:
            self.join.setChecked(True)
            self._say(
                self.tr(
                    "Cette structure est déjà inscrite sur Chorus Pro\u00a0: demandez votre "
                    "rattachement (case cochée ci-dessous)."
                )
            )
            return
        company = lookup.company
        if company is None:
            self._say(self.tr("L'annuaire ne connaît pas ce SIRET\u00a0: saisissez les données."))
            return
        if not company.active:
            self._say(
                self.tr("Établissement fermé\u00a0: {why}").format(
                    why=company.closed_reason or self.tr("il ne peut pas être inscrit.")
                )
            )
            return
        self._prefill(company)

    def _prefill(self, company: CompanyRecord) -> None:
        """The directory's values, in the fields still empty or still holding an earlier
        prefill (what the person typed stays)."""
        filled = []
        for name in PREFILLED:
            edit = self.fields[name]
            value = str(getattr(company, name) or "")
            current = edit.text().strip()
            untouched = current in ("", self._prefilled.get(name)) or (
                name == "code_pays" and current == "FR"
            )
            if not value or not untouched or value == current:
                continue
            edit.setText(value)
            self._prefilled[name] = value
            filled.append(name)
        if filled:
            self._say(
                self.tr(
                    "Données préremplies depuis l'annuaire des entreprises\u00a0: vérifiez-les "
                    "et corrigez-les si besoin."
                )
            )
        if company.notice:
            self._say(f"{self.lookup_note.text()} {company.notice}".strip())

    def _on_lookup_failed(self, error: BaseException) -> None:
        """No prefill: the fields are typed by hand (the creation checks them anyway)."""
        self._looked_up = ""
        self._say(
            self.tr("L'annuaire n'a pas répondu\u00a0: saisissez les données de la structure.")
        )

    def _say(self, text: str) -> None:
        """One line under the fields (the banner stays for the step's answers)."""
        self.lookup_note.setText(text)
        self.lookup_note.setVisible(bool(text))

    # -- draft -----------------------------------------------------------------------------

    def collect(self) -> None:
        if self.context.path != TODAY_PATH:
            return
        signup = self.context.draft.signup
        signup.identifier_type = self._identifier_kind()
        for name, edit in self.fields.items():
            setattr(signup, name, edit.text().strip())

    def draft_values(self) -> dict[str, Any]:
        if self.context.path != TODAY_PATH:
            return {}
        values: dict[str, Any] = {"today_join": self.join.isChecked()}
        if self.switches:
            values["today_workspaces"] = [c for c, box in self.switches.items() if box.isChecked()]
        elif self._restored_choice is not None:
            values["today_workspaces"] = list(self._restored_choice)
        return values

    def restore_draft(self, values: dict[str, Any]) -> None:
        if values.get("path") != TODAY_PATH:
            return
        index = self.kind.findData(values.get("identifier_type", ""))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        self._looked_up = ""  # a resume asks the directory again
        for name, edit in self.fields.items():
            edit.setText(str(values.get(name, "")) or ("FR" if name == "code_pays" else ""))
        self.join.setChecked(values.get("today_join") is True)
        choice = values.get("today_workspaces")
        if isinstance(choice, list):
            self._restored_choice = [str(code) for code in choice]
            for code, box in self.switches.items():
                box.setChecked(code in self._restored_choice)

    # -- the step --------------------------------------------------------------------------

    def ask_to_log_in_again(self) -> None:
        """A resume after the second factor: the session ended with the window."""
        self.banner.show_message(
            Tone.INFO,
            self.tr(
                "Vos saisies ont été remises en place. La connexion s'est terminée à la "
                "fermeture de l'assistant\u00a0: «\u00a0Suivant\u00a0» vous demandera de vous "
                "reconnecter (mot de passe, puis le code de votre application)."
            ),
        )

    def step_key(self) -> object:
        return (
            self._identifier_kind(),
            tuple(e.text() for e in self.fields.values()),
            self.join.isChecked(),
        )

    def typed(self) -> Signup:
        values = {name: edit.text().strip() for name, edit in self.fields.items()}
        return Signup.from_values({**values, "identifier_type": self.kind.currentData()})

    def start_step(self) -> bool:
        state = state_of(self.context)
        api = state.api
        if not api.session_token:
            self._log_in_again(
                self.tr(
                    "Reconnectez-vous pour enregistrer votre structure\u00a0: votre mot de "
                    "passe, puis le code de votre application. Vos saisies sont gardées."
                )
            )
            return False
        signup, join = self.typed(), self.join.isChecked()
        chosen = [code for code, box in self.switches.items() if box.isChecked()]
        state.workspaces = chosen

        def create_then_open() -> tuple[StructureAnswer, WorkspacesAnswer | None]:
            structure = api.structure(signup, join)
            created = structure.resultat is StructureOutcome.CREATED
            return structure, api.workspaces(chosen) if created else None

        self.run(
            self.tr("Création de votre structure…"),
            create_then_open,
            self._on_done,
            self._on_failed,
        )
        return False

    def _log_in_again(self, reason: str) -> None:
        """Back to the login page, ready for the password (QWizard's own « Précédent »)."""
        wizard = self.wizard()
        login = wizard.page(PageId.TODAY_LOGIN) if wizard is not None else None
        log_in_again = getattr(login, "log_in_again", None)
        if wizard is None or log_in_again is None:
            return
        state_of(self.context).api.session_token = ""
        log_in_again(reason)
        QTimer.singleShot(0, wizard.back)  # not from within QWizard's own validation

    def _on_done(self, result: tuple[StructureAnswer, WorkspacesAnswer | None]) -> None:
        structure, opened = result
        draft, state = self.context.draft, state_of(self.context)
        draft.final_message = structure.libelle
        # What the recap tells: the structure as sent, how it went, the spaces opened.
        self.collect()
        state.structure = structure.resultat.value
        draft.workspaces = list(opened.espaces) if opened is not None else []
        self.step_succeeded()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, Rejected) and error.code == Code.INVALID_JETON:
            self._log_in_again(today.refusal_text(error, today.STRUCTURE))
            return
        if isinstance(error, Rejected) and error.code == Code.STRUCTURE_EXISTS:
            self.join.setChecked(True)
        self.show_error(error)

    def show_error(self, error: BaseException) -> None:
        self.banner.show_message(Tone.ERROR, today.refusal_text(error, today.STRUCTURE))

    def quit_warning(self) -> str:
        return today.quit_warning(self)
