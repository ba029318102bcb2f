"""The end: the guide's final message."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import Banner, Tone, wrapped

FINAL_MESSAGE = (
    "Votre compte est désormais actif et vous pouvez dès à présent transmettre vos factures à "
    "votre client public."
)


class DonePage(Page):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle("Inscription terminée")
        self.setSubTitle("Les quatre étapes sont faites.")
        self.setFinalPage(True)
        self.message = Banner()
        self.body.addWidget(self.message)
        self.summary = wrapped("")
        self.body.addWidget(self.summary)
        self.finish_layout()

    def initializePage(self) -> None:
        draft = self.context.draft
        self.message.show_message(Tone.SUCCESS, draft.final_message or FINAL_MESSAGE)
        self.summary.setText(
            f"Connectez-vous à Chorus Pro avec l'adresse {draft.email} et le mot de passe que "
            "vous venez de choisir."
        )

    def nextId(self) -> int:
        return -1
