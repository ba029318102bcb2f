"""« Parcours du portail actuel », the end: what was done, in the portal's order.

On the sandbox it is a rehearsal, and the page says so with the guide's path's words
(:mod:`chorus_wizard.rehearsal`, as ``done.py`` does): nothing is registered on Chorus Pro,
and what to do for real."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from chorus_wizard import rehearsal
from chorus_wizard.contracts.portal import StructureOutcome
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.today import state_of
from chorus_wizard.ui.widgets.common import Tone, wrapped


class TodayDonePage(Page):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Portail actuel — c'est terminé"))
        # What was done, as it happened: the structure created or the join requested, and
        # the workspaces actually opened (set when the page is shown).
        self.summary = wrapped("")
        self.body.addWidget(self.summary)
        #: What to do for real, after a rehearsal.
        self.for_real = wrapped("")
        self.for_real.hide()
        self.body.addWidget(self.for_real)
        self.finish_layout()

    def initializePage(self) -> None:
        self.summary.setText(self.what_happened())
        if rehearsal.is_rehearsal(self.context.profile.name):
            # the sandbox's « Votre structure est créée » is the real portal's: not shown
            self.setTitle(rehearsal.said(rehearsal.DONE_TITLE))
            self.banner.show_message(Tone.WARNING, rehearsal.said(rehearsal.DONE_MESSAGE))
            self.for_real.setText(rehearsal.said(rehearsal.WHAT_TO_DO_FOR_REAL))
            self.for_real.show()
        elif self.context.draft.final_message:
            self.banner.show_message(Tone.SUCCESS, self.context.draft.final_message)

    def what_happened(self) -> str:
        """The path as it went: created or asked to join, and the spaces the sandbox opened."""
        state, draft = state_of(self.context), self.context.draft
        done = self.tr(
            "Vous avez parcouru le portail actuel dans son ordre\u00a0: le compte, son "
            "activation et le mot de passe, la double authentification."
        )
        if state.structure == StructureOutcome.JOIN_REQUESTED.value:
            structure = self.tr(
                "La structure existait déjà\u00a0: votre demande de rattachement est envoyée à "
                "son gestionnaire. Les espaces de travail s'ouvriront quand il l'aura acceptée."
            )
        else:
            structure = self.tr("Votre structure est créée\u00a0; vous en êtes le gestionnaire.")
            names = self._workspace_names(draft.workspaces)
            if names:
                structure += " " + self.tr("Espaces de travail ouverts\u00a0: {names}.").format(
                    names=", ".join(names)
                )
            else:
                structure += " " + self.tr("Aucun espace de travail n'a été ouvert.")
        phone = self.tr(
            "Sur le vrai portail, gardez votre téléphone\u00a0: chaque connexion demandera le "
            "code de l'application."
        )
        return f"{done} {structure}\n\n{phone}"

    def _workspace_names(self, codes: list[str]) -> list[str]:
        """The spaces as the structure page named them (its switches), else their codes."""
        wizard = self.wizard()
        page = wizard.page(PageId.TODAY_STRUCTURE) if wizard is not None else None
        switches = getattr(page, "switches", {})
        return [
            switches[code].text().replace("&", "") if code in switches else code for code in codes
        ]

    def nextId(self) -> int:
        return -1
