"""« Parcours du portail actuel », the end: what was done, in the portal's order."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import Tone, wrapped


class TodayDonePage(Page):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Portail actuel — c'est terminé"))
        self.summary = wrapped(
            self.tr(
                "Vous avez parcouru le portail actuel dans son ordre\u00a0: le compte, son "
                "activation et le mot de passe, la double authentification, la structure et les "
                "espaces de travail. Sur le vrai portail, gardez votre téléphone\u00a0: chaque "
                "connexion demandera le code de l'application."
            )
        )
        self.body.addWidget(self.summary)
        self.finish_layout()

    def initializePage(self) -> None:
        if self.context.draft.final_message:
            self.banner.show_message(Tone.SUCCESS, self.context.draft.final_message)

    def nextId(self) -> int:
        return -1
