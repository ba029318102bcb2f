"""The end: the guide's final message, and the offer to keep the password in the OS keychain."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from chorus_wizard import rehearsal
from chorus_wizard.backend.errors import NotSupported
from chorus_wizard.backend.models import ExistingStructure
from chorus_wizard.einvoicing import Advice, advice_for
from chorus_wizard.keychain import (
    KEYRING_SERVICE,
    NO_KEYCHAIN,
    KeychainError,
    KeychainUnavailable,
    login_password,
)
from chorus_wizard.recap import company_category
from chorus_wizard.texts import QT_TRANSLATE_NOOP, language, translate
from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import Banner, Tone, wrapped

FINAL_MESSAGE = QT_TRANSLATE_NOOP(
    "DonePage",
    "Votre compte est désormais actif et vous pouvez dès à présent transmettre vos factures à "
    "votre client public.",
)

KEYCHAIN_NOTE = QT_TRANSLATE_NOOP(
    "DonePage",
    "Facultatif\u00a0: chorus-wizard peut confier votre mot de passe au trousseau du système "
    "(Trousseau d'accès sur macOS, Gestionnaire d'identification sous Windows, trousseau de votre "
    "bureau sous Linux), qui le garde chiffré. Il ne l'enregistre nulle part ailleurs.",
)


class DonePage(Page):
    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Inscription terminée"))
        self.setSubTitle(self.tr("Les quatre étapes sont faites."))
        self.setFinalPage(True)
        self.message = Banner()
        self.body.addWidget(self.message)
        self.summary = wrapped("")
        self.body.addWidget(self.summary)
        # Wired by the wizard's DeskTools (PDF and clipboard; no secret in either).
        self.save_recap = QPushButton(self.tr("Enregistrer le récapitulatif"))
        self.copy_recap = QPushButton(self.tr("Copier le récapitulatif"))
        recap_row = QHBoxLayout()
        recap_row.addWidget(self.save_recap)
        recap_row.addWidget(self.copy_recap)
        recap_row.addStretch(1)
        self.body.addLayout(recap_row)

        self.keychain_note = wrapped(self.tr(KEYCHAIN_NOTE))
        self.save_password = QPushButton(
            self.tr("Enregistrer le mot de passe dans le trousseau du système")
        )
        self.keychain_status = Banner()
        row = QHBoxLayout()
        row.addWidget(self.save_password)
        row.addStretch(1)
        self.body.addSpacing(12)
        self.body.addWidget(self.keychain_note)
        self.body.addLayout(row)
        self.body.addWidget(self.keychain_status)
        self._show_keychain_offer(False)
        self.verify = QPushButton(self.tr("Vérifier de nouveau"))
        self.verify.hide()
        self.verify.clicked.connect(self._verify_structure)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify)
        verify_row.addStretch(1)
        self.body.addLayout(verify_row)

        # What follows for this business: electronic invoicing since 1 September 2026.
        self.body.addSpacing(12)
        self.einvoicing = wrapped("", rich=True)
        self.einvoicing.setObjectName("einvoicing")
        self.einvoicing.setOpenExternalLinks(True)
        self.einvoicing.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.body.addWidget(self.einvoicing)
        if context.portal_mode:
            self.setTitle(self.tr("Vérification sur Chorus Pro"))
            self.setSubTitle(
                self.tr(
                    "Le passage par le portail est terminé\u00a0: l'assistant vérifie ce que "
                    "Chorus Pro en sait."
                )
            )
        self.finish_layout()

        self.save_password.clicked.connect(self._on_save_password_clicked)

    def initializePage(self) -> None:
        draft = self.context.draft
        self.advice = advice_for(company_category(draft), language())
        self.einvoicing.setText(self.einvoicing_html(self.advice))
        if self.context.portal_mode:
            self._show_keychain_offer(False)
            self.summary.setText(
                self.tr(
                    "Votre compte utilisateur ({email}) et votre structure se gèrent sur le "
                    "portail\u00a0: {portal}"
                ).format(email=draft.signup.email, portal=self.context.profile.portal_url)
            )
            self._verify_structure()
            return
        # The guide's final words, which the sandbox answers with, in the interface's
        # language; another server's own words as it sends them.
        server_words = draft.final_message
        if not server_words or server_words == FINAL_MESSAGE:
            server_words = self.tr(FINAL_MESSAGE)
        self.message.show_message(Tone.SUCCESS, server_words)
        self.summary.setText(
            self.tr(
                "Connectez-vous à Chorus Pro avec l'adresse {email} et le mot de passe que vous "
                "venez de choisir."
            ).format(email=draft.signup.email)
        )
        if rehearsal.is_rehearsal(self.context.profile.name):
            # a rehearsal: no « votre compte est actif… connectez-vous à Chorus Pro »
            self.setTitle(rehearsal.said(rehearsal.DONE_TITLE))
            # (the sandbox's own « actif » words are not shown: they are the real portal's)
            self.message.show_message(Tone.WARNING, rehearsal.said(rehearsal.DONE_MESSAGE))
            self.summary.setText(rehearsal.said(rehearsal.WHAT_TO_DO_FOR_REAL))
        offer = bool(self.context.password_in_memory)
        self._show_keychain_offer(offer)
        if offer:
            secrets = self.context.secrets
            self.save_password.setEnabled(False)
            self.run(
                self.tr("Recherche du trousseau du système…"),
                secrets.available,
                self._on_keychain_checked,
                self._on_keychain_failed,
                kind="keychain",
            )

    def nextId(self) -> int:
        return -1

    def einvoicing_html(self, advice: Advice) -> str:
        """This business's category, what follows for it, and the checklist to designate a
        Plateforme Agréée, with the link to the annuaire (texts: resources/einvoicing.toml)."""

        def text(value: str) -> str:
            return escape(value, quote=False)

        def bullets(lines: tuple[str, ...]) -> str:
            return "<ul>" + "".join(f"<li>{text(line)}</li>" for line in lines) + "</ul>"

        heading = self.tr("Facturation électronique\u00a0: ce qui suit pour vous")
        category = self.tr("Catégorie de votre entreprise selon l'annuaire\u00a0: {name}")
        link = self.tr("Consulter l'annuaire sur le portail Chorus Pro")
        guide = self.tr("mode d'emploi de l'annuaire")
        return (
            f"<h3>{text(heading)}</h3>"
            f"<p>{text(category).format(name=f'<b>{text(advice.category_name)}</b>')}</p>"
            f"{bullets(advice.obligations)}"
            f"<p>{text(advice.stay_heading)}</p>{bullets(advice.stays_on_chorus_pro)}"
            f"<h3>{text(advice.checklist_title)}</h3>{bullets(advice.checklist)}"
            f"<p>{text(advice.annuaire)}</p>"
            f'<p><a href="{escape(advice.annuaire_url)}">{text(link)}</a> '
            f'(<a href="{escape(advice.annuaire_guide_url)}">{text(guide)}</a>)</p>'
        )

    # -- portal mode: is the structure on Chorus Pro now? ------------------------------

    def _verify_structure(self) -> None:
        lookup = self.context.draft.lookup
        if lookup is None:
            return
        context = self.context
        kind, identifier = lookup.identifier_type, lookup.identifier
        self.verify.hide()
        self.message.clear_message()
        self.run(
            self.tr("Recherche de votre structure sur Chorus Pro…"),
            lambda: context.service.verify_structure(kind, identifier),
            self._on_structure_verified,
            self._on_verification_failed,
            kind="verify",
        )

    def _on_structure_verified(self, found: ExistingStructure | None) -> None:
        if found is not None:
            self.message.show_message(
                Tone.SUCCESS,
                self.tr(
                    "Votre structure «\u00a0{name}\u00a0» est bien inscrite sur Chorus Pro "
                    "(vérifié par l'API). Vous pouvez déposer vos factures depuis le portail."
                ).format(name=found.designation),
            )
            return
        self.message.show_message(
            Tone.WARNING,
            self.tr(
                "Votre structure n'est pas encore visible sur Chorus Pro. Terminez sa création (ou "
                "votre demande de rattachement) sur le portail, puis cliquez sur «\u00a0Vérifier "
                "de nouveau\u00a0»."
            ),
        )
        self.verify.show()

    def _on_verification_failed(self, error: BaseException) -> None:
        if isinstance(error, NotSupported):
            self.message.show_message(
                Tone.INFO,
                self.tr(
                    "L'assistant ne peut pas vérifier votre inscription\u00a0: aucun compte "
                    "technique Chorus Pro n'est configuré («\u00a0Paramètres\u00a0»). "
                    "Connectez-vous au portail pour vérifier que votre structure apparaît dans "
                    "votre compte."
                ),
            )
            return
        self.show_error(error)
        self.verify.show()

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
            self._keychain_missing(translate("keychain", NO_KEYCHAIN))

    def _keychain_missing(self, text: str) -> None:
        self.save_password.setEnabled(False)
        self.keychain_status.show_message(Tone.WARNING, text)

    def _on_save_password_clicked(self) -> None:
        secrets = self.context.secrets
        login = self.context.draft.signup.email
        password = self.context.password_in_memory
        if not password:
            return
        self.save_password.setEnabled(False)
        self.keychain_status.clear_message()
        self.run(
            self.tr("Enregistrement dans le trousseau du système…"),
            lambda: secrets.set(login_password(login), password),
            self._on_password_stored,
            self._on_keychain_failed,
            kind="keychain",
        )

    def _on_password_stored(self, _result: object) -> None:
        self.context.forget_password()
        self.save_password.setText(self.tr("Mot de passe enregistré"))
        self.keychain_status.show_message(
            Tone.SUCCESS,
            self.tr(
                "Votre mot de passe est enregistré dans le trousseau du système (service «\u00a0"
                "{service}\u00a0», identifiant {email})."
            ).format(service=KEYRING_SERVICE, email=self.context.draft.signup.email),
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
