"""The end: the guide's final message, and the offer to keep the password in the OS keychain."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from chorus_wizard.keychain import (
    KEYRING_SERVICE,
    NO_KEYCHAIN,
    KeychainError,
    KeychainUnavailable,
)
from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import Banner, Tone, wrapped

FINAL_MESSAGE = (
    "Votre compte est désormais actif et vous pouvez dès à présent transmettre vos factures à "
    "votre client public."
)

KEYCHAIN_NOTE = (
    "Facultatif : chorus-wizard peut confier votre mot de passe au trousseau du système "
    "(Trousseau d'accès sur macOS, Gestionnaire d'identification sous Windows, trousseau de "
    "votre bureau sous Linux), qui le garde chiffré. Il ne l'enregistre nulle part ailleurs."
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

        self.keychain_note = wrapped(KEYCHAIN_NOTE)
        self.save_password = QPushButton("Enregistrer le mot de passe dans le trousseau du système")
        self.keychain_status = Banner()
        row = QHBoxLayout()
        row.addWidget(self.save_password)
        row.addStretch(1)
        self.body.addSpacing(12)
        self.body.addWidget(self.keychain_note)
        self.body.addLayout(row)
        self.body.addWidget(self.keychain_status)
        self._show_keychain_offer(False)
        self.finish_layout()

        self.save_password.clicked.connect(self._on_save_password_clicked)

    def initializePage(self) -> None:
        draft = self.context.draft
        self.message.show_message(Tone.SUCCESS, draft.final_message or FINAL_MESSAGE)
        self.summary.setText(
            f"Connectez-vous à Chorus Pro avec l'adresse {draft.email} et le mot de passe que "
            "vous venez de choisir."
        )
        offer = bool(self.context.password_in_memory)
        self._show_keychain_offer(offer)
        if offer:
            keychain = self.context.keychain
            self.save_password.setEnabled(False)
            self.run(
                "Recherche du trousseau du système…",
                keychain.available,
                self._on_keychain_checked,
                self._on_keychain_failed,
            )

    def nextId(self) -> int:
        return -1

    def _show_keychain_offer(self, shown: bool) -> None:
        self.keychain_note.setVisible(shown)
        self.save_password.setVisible(shown)
        if not shown:
            self.keychain_status.clear_message()

    # -- keychain ------------------------------------------------------------------------

    def _on_keychain_checked(self, available: bool) -> None:
        if available:
            self.save_password.setEnabled(True)
        else:
            self._keychain_missing(NO_KEYCHAIN)

    def _keychain_missing(self, text: str) -> None:
        self.save_password.setEnabled(False)
        self.keychain_status.show_message(Tone.WARNING, text)

    def _on_save_password_clicked(self) -> None:
        keychain = self.context.keychain
        login = self.context.draft.email
        password = self.context.password_in_memory
        if not password:
            return
        self.save_password.setEnabled(False)
        self.keychain_status.clear_message()
        self.run(
            "Enregistrement dans le trousseau du système…",
            lambda: keychain.store_password(login, password),
            self._on_password_stored,
            self._on_keychain_failed,
        )

    def _on_password_stored(self, _result: object) -> None:
        self.context.forget_password()
        self.save_password.setText("Mot de passe enregistré")
        self.keychain_status.show_message(
            Tone.SUCCESS,
            "Votre mot de passe est enregistré dans le trousseau du système (service "
            f"« {KEYRING_SERVICE} », identifiant {self.context.draft.email}).",
        )

    def _on_keychain_failed(self, error: BaseException) -> None:
        if isinstance(error, KeychainUnavailable):
            self._keychain_missing(str(error))
            return
        if isinstance(error, KeychainError):  # refused: a locked keychain may accept a retry
            self.keychain_status.show_message(Tone.WARNING, str(error))
        else:
            self.show_error(error)
        self.save_password.setEnabled(True)
