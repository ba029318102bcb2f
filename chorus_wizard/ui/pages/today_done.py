"""« Parcours du portail actuel », the end: what was done, in the portal's order.

On the sandbox it is a rehearsal, and the page says so with the guide's path's words
(:mod:`chorus_wizard.rehearsal`, as ``done.py`` does): nothing is registered on Chorus Pro,
and what to do for real."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from chorus_wizard import rehearsal
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
        #: What to do for real, after a rehearsal.
        self.for_real = wrapped("")
        self.for_real.hide()
        self.body.addWidget(self.for_real)
        self.finish_layout()

    def initializePage(self) -> None:
        if rehearsal.is_rehearsal(self.context.profile.name):
            # the sandbox's « Votre structure est créée » is the real portal's: not shown
            self.setTitle(rehearsal.said(rehearsal.DONE_TITLE))
            self.banner.show_message(Tone.WARNING, rehearsal.said(rehearsal.DONE_MESSAGE))
            self.for_real.setText(rehearsal.said(rehearsal.WHAT_TO_DO_FOR_REAL))
            self.for_real.show()
        elif self.context.draft.final_message:
            self.banner.show_message(Tone.SUCCESS, self.context.draft.final_message)

    def nextId(self) -> int:
        return -1
