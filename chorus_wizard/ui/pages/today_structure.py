"""« Parcours du portail actuel », once logged in: the structure, created or joined, then the
workspaces."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from chorus_wizard.backend.errors import Rejected
from chorus_wizard.backend.models import Workspace
from chorus_wizard.contracts.portal import StructureAnswer, WorkspacesAnswer
from chorus_wizard.contracts.record import Signup
from chorus_wizard.contracts.signup import Code
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.ui.pages import portal
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.today import add_row, line, state_of
from chorus_wizard.ui.widgets.common import FormComboBox, field_label, form_layout, wrapped

REQUIRED = ("identifier", "raison_sociale", "adresse", "code_postal", "ville")


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
        self.join = QCheckBox(self.tr("Demander mon rattachement (la structure existe déjà)"))
        self.body.addWidget(self.join)
        self.body.addWidget(wrapped(self.tr("<b>Espaces de travail à ouvrir</b>"), rich=True))
        self.switches: dict[str, QCheckBox] = {}
        self.spaces_box = QWidget()
        self.body.addWidget(self.spaces_box)
        from PySide6.QtWidgets import QVBoxLayout

        self.spaces_layout = QVBoxLayout(self.spaces_box)
        self.structure_done = False
        self.finish_layout()
        for edit in self.fields.values():
            edit.textChanged.connect(self.completeChanged)
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
            box.setChecked(workspace.default_on)
            self.switches[workspace.code] = box
            self.spaces_layout.addWidget(box)

    def nextId(self) -> int:
        return PageId.TODAY_DONE

    def ready(self) -> bool:
        needed = ("identifier",) if self.join.isChecked() else REQUIRED
        return all(self.fields[name].text().strip() for name in needed)

    def step_key(self) -> object:
        return tuple(e.text() for e in self.fields.values())

    def typed(self) -> Signup:
        values = {name: edit.text().strip() for name, edit in self.fields.items()}
        return Signup.from_values({**values, "identifier_type": self.kind.currentData()})

    def start_step(self) -> bool:
        api = state_of(self.context).api
        signup, join = self.typed(), self.join.isChecked()
        chosen = [code for code, box in self.switches.items() if box.isChecked()]
        state_of(self.context).workspaces = chosen

        def create_then_open() -> tuple[StructureAnswer, WorkspacesAnswer | None]:
            structure = api.structure(signup, join)
            spaces = api.workspaces(chosen) if structure.resultat.value == "CREEE" else None
            return structure, spaces

        self.run(
            self.tr("Création de votre structure…"),
            create_then_open,
            self._on_done,
            self._on_failed,
        )
        return False

    def _on_done(self, result: tuple[StructureAnswer, WorkspacesAnswer | None]) -> None:
        structure, _ = result
        self.context.draft.final_message = structure.libelle
        self.step_succeeded()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, Rejected) and error.code == Code.STRUCTURE_EXISTS:
            self.join.setChecked(True)
        self.show_error(error)
