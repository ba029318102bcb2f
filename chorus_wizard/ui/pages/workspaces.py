"""Step 3 — Mes espaces de travail: one OUI/NON switch per workspace of the catalogue."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QWidget,
    QWizard,
)

from chorus_wizard.backend.models import Workspace
from chorus_wizard.backend.workspace_texts import workspace_text
from chorus_wizard.rehearsal import is_rehearsal
from chorus_wizard.ui.pages import portal
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.widgets.common import Tone, wrapped
from chorus_wizard.ui.widgets.explain import explained
from chorus_wizard.ui.widgets.handoff import HandoffPanel
from chorus_wizard.ui.widgets.switch import ToggleSwitch

#: The workspaces on by default (domain.md §3): sending invoices, asking questions.
DEFAULT_WORKSPACES = ("FACTURES_EMISES", "SOLLICITATIONS_EMISES")


def default_names() -> dict[str, str]:
    """The two default workspaces' names as the switches show them (in English too)."""
    return {
        "sent": workspace_text("Factures émises"),
        "asked": workspace_text("Sollicitations émises"),
    }


class WorkspacesPage(Page):
    step = 3

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Ouvrez vos espaces de travail"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Valider"))
        self.switches: dict[str, ToggleSwitch] = {}
        self._restored_choice: list[str] | None = None
        #: Whether the server holds the choice (« Valider » went through, now or before a
        #: resume): a resume that only passes by the page does not make it so.
        self._choice_saved = False

        self.created = QLabel()
        self.created.setWordWrap(True)
        self.created.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.created)
        manager = wrapped(
            self.tr(
                "Vous êtes le premier à créer votre entreprise dans Chorus Pro\u00a0: vous en êtes "
                "le <b>gestionnaire principal</b> et avez tous les droits de modification sur "
                "celle-ci. L'espace «\u00a0Activités du gestionnaire\u00a0» vous est ouvert "
                "d'office."
            ),
            rich=True,
        )
        manager.setStyleSheet(
            "QLabel { background: #e8f0fb; color: #0b3d91; border-radius: 4px; padding: 8px; }"
        )
        self.body.addWidget(manager)
        #: A sandbox's signup is a rehearsal: nothing of it is on Chorus Pro.
        self.rehearsal = is_rehearsal(context.profile.name)
        if self.rehearsal:
            manager.setText(
                self.tr(
                    "Vous êtes le premier à créer cette entreprise dans le bac à sable de la "
                    "répétition\u00a0: vous y êtes le <b>gestionnaire principal</b>, avec tous les "
                    "droits de modification sur celle-ci. L'espace «\u00a0Activités du "
                    "gestionnaire\u00a0» vous est ouvert d'office."
                )
            )
        self.manager = manager
        if context.portal_mode:  # chosen here, opened on the portal: nothing to commit
            self.setCommitPage(False)
            manager.setText(portal.text(portal.WORKSPACES_MANAGER))
        self.body.addLayout(
            explained(
                wrapped(
                    self.tr(
                        "Les espaces de travail vous donnent accès aux fonctionnalités de Chorus "
                        "Pro dont vous avez besoin. «\u00a0{sent}\u00a0» et «\u00a0{asked}\u00a0» "
                        "sont activés par défaut. Cliquez sur OUI/NON ou appuyez sur Espace pour "
                        "ouvrir ou fermer un espace\u00a0; vous pourrez les faire évoluer plus "
                        "tard selon vos besoins."
                    ).format(**default_names())
                ),
                "workspaces",
            )
        )

        self.table = QWidget()
        self.grid = QGridLayout(self.table)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(8)
        for column, title in enumerate(
            (self.tr("Espace"), self.tr("Description"), self.tr("Activation"))
        ):
            header = QLabel(f"<b>{title}</b>")
            self.grid.addWidget(header, 0, column)
        self.grid.setColumnStretch(1, 1)
        self.body.addWidget(self.table)
        self.defaults_off = wrapped(
            self.tr(
                "Vous avez fermé «\u00a0{sent}\u00a0» et «\u00a0{asked}\u00a0»\u00a0: sans le "
                "premier, votre structure ne pourra pas déposer ses factures à destination de "
                "ses clients publics ni suivre leur paiement\u00a0; sans le second, vous ne "
                "pourrez pas poser de question au support Chorus Pro ou à un client public. Vous "
                "pourrez les ouvrir plus tard."
            ).format(**default_names())
        )
        self.defaults_off.setStyleSheet(
            "QLabel { background: #fff4e5; color: #6b3d00; border-radius: 4px; padding: 8px; }"
        )
        self.defaults_off.setAccessibleName(self.tr("Avertissement"))
        self.defaults_off.hide()
        self.body.addWidget(self.defaults_off)
        self.handoff: HandoffPanel | None = None
        if context.portal_mode:
            self.handoff = portal.handoff_panel(
                context,
                self.tr("À faire sur le portail, après l'activation"),
                portal.WORKSPACES_CHECKLIST,
            )
            self.body.addWidget(self.handoff)
        self.finish_layout()

    def initializePage(self) -> None:
        draft = self.context.draft
        if self.handoff is not None:
            self.created.setText(portal.text(portal.WORKSPACES_NOTE))
            if not self.switches:
                self._load()
            return
        created = (
            self.tr(
                "Votre compte d'essai <b>{email}</b> a été créé dans le bac à sable (pas sur "
                "Chorus Pro) et un courriel d'activation d'essai vous a été envoyé. Pensez à le "
                "consulter rapidement\u00a0: le lien a une durée de validité limitée (60 minutes)."
            )
            if self.rehearsal
            else self.tr(
                "Votre compte utilisateur <b>{email}</b> a été créé et un courriel d'activation "
                "vous a été envoyé. Pensez à le consulter rapidement\u00a0: le lien a une durée de "
                "validité limitée (60 minutes)."
            )
        )
        self.created.setText(created.format(email=escape(draft.signup.email)))
        if not self.switches:
            self._load()

    def _load(self) -> None:
        self.run(
            self.tr("Chargement des espaces de travail…"),
            lambda: self.context.service.workspaces(),
            self._on_workspaces_loaded,
            kind="catalogue",
        )

    def _on_workspaces_loaded(self, workspaces: list[Workspace]) -> None:
        for row, workspace in enumerate(workspaces, start=1):
            name = QLabel(workspace.label)
            name.setWordWrap(True)
            description = QLabel(workspace.description)
            description.setWordWrap(True)
            switch = ToggleSwitch()
            switch.setAccessibleName(workspace.label)
            switch.setAccessibleDescription(workspace.description)  # read with its name
            switch.setChecked(
                workspace.default_on
                if self._restored_choice is None
                else workspace.code in self._restored_choice
            )
            switch.toggled.connect(self.edited)
            switch.toggled.connect(self._update_handoff)
            switch.toggled.connect(self._update_defaults_warning)
            self.context.draft.workspace_labels[workspace.code] = workspace.label
            switch.setToolTip(workspace.description)
            name.setBuddy(switch)
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(description, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(switch, row, 2, Qt.AlignmentFlag.AlignTop)
            self.switches[workspace.code] = switch
        previous: QWidget | None = None
        for switch in self.switches.values():
            if previous is not None:
                QWidget.setTabOrder(previous, switch)
            previous = switch
        self._update_handoff()
        self._update_defaults_warning()
        self.completeChanged.emit()
        # Once the new rows are shown (a hidden widget takes no focus).
        QTimer.singleShot(0, self, self._focus_first_switch)

    def _focus_first_switch(self) -> None:
        """The switches arrive after the page: focus goes to the first of them, unless the
        user has gone somewhere already."""
        wizard = self.wizard()
        if not self.switches or wizard is None or wizard.currentPage() is not self:
            return
        focused = QApplication.focusWidget()
        if focused is None or (
            self.isAncestorOf(focused) and not isinstance(focused, ToggleSwitch)
        ):
            next(iter(self.switches.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_defaults_warning(self) -> None:
        """Said while both workspaces that send invoices and questions are off."""
        defaults = [self.switches[c] for c in DEFAULT_WORKSPACES if c in self.switches]
        self.defaults_off.setVisible(
            bool(defaults) and not any(switch.isChecked() for switch in defaults)
        )

    def _update_handoff(self) -> None:
        if self.handoff is not None:
            labels = self.context.draft.workspace_labels
            chosen = ", ".join(labels.get(code, code) for code in self.chosen())
            self.handoff.set_values([(self.tr("Espaces à ouvrir"), chosen)])

    def quit_warning(self) -> str:
        """An account exists: quitting leaves it waiting for its activation (« Recommencer »
        asks the same)."""
        if self.handoff is not None or self.context.draft.account is None:
            return ""
        return self.tr(
            "Votre compte a déjà été créé pour {email} et attend son activation. Si vous "
            "quittez maintenant, l'inscription reste en attente\u00a0: au prochain lancement, "
            "«\u00a0Reprendre\u00a0» la poursuit (le lien d'activation est valable 60 minutes). "
            "Quitter quand même\u00a0?"
        ).format(email=self.context.draft.signup.email)

    def nextId(self) -> int:
        return PageId.PORTAL_ACTIVATE if self.context.portal_mode else PageId.ACTIVATE

    def ready(self) -> bool:
        return bool(self.switches)

    def draft_values(self) -> dict[str, Any]:
        if not self.switches:
            if self._restored_choice is None:
                return {}
            return {"workspaces": self._restored_choice, "workspaces_saved": self._choice_saved}
        return {
            "workspaces": self.chosen(),
            "workspaces_saved": self._choice_saved or bool(self.context.draft.workspaces),
        }

    def restore_draft(self, values: dict[str, Any]) -> None:
        choice = values.get("workspaces")
        if choice is None:
            return
        self._choice_saved = values.get("workspaces_saved") is True
        self._restored_choice = [str(code) for code in choice]
        for code, switch in self.switches.items():
            switch.setChecked(code in self._restored_choice)
        self._update_defaults_warning()

    def chosen(self) -> list[str]:
        return [code for code, switch in self.switches.items() if switch.isChecked()]

    def step_key(self) -> object:
        return tuple(self.chosen())

    def start_step(self) -> bool:
        if self.handoff is not None:
            self.context.draft.workspaces = self.chosen()  # opened later, on the portal
            return True
        account = self.context.draft.account
        if account is None:
            self.banner.show_message(Tone.ERROR, self.tr("Le compte n'a pas encore été créé."))
            return False
        codes = self.chosen()
        context = self.context
        self.run(
            self.tr("Ouverture de vos espaces de travail…"),
            lambda: context.service.choose_workspaces(account, codes),
            self._on_workspaces_saved,
        )
        return False

    def _on_workspaces_saved(self, codes: list[str]) -> None:
        self._choice_saved = True
        self.context.draft.workspaces = list(codes)
        self.step_succeeded()
