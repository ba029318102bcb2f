"""The signup wizard: the guide's four steps as QWizard pages sharing one draft."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QWidget, QWizard

from chorus_wizard import __version__
from chorus_wizard.domain.activation import InvalidActivationLink, parse_activation_link
from chorus_wizard.ui.desk import DeskTools
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.attach import AttachPage
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.settings_dialog import SettingsDialog


class SignupWizard(QWizard):
    """Wires the pages together; ``closing`` callbacks run once when the wizard ends."""

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._closing: list[Callable[[], object]] = []
        profile = context.service.profile
        if profile.name == "sandbox":
            title = self.tr(
                "Inscription à Chorus Pro — bac à sable (aucune donnée n'est envoyée à Chorus Pro)"
            )
        else:
            title = self.tr("Inscription à Chorus Pro — {server}").format(
                server=profile.shown_label
            )
        self.setWindowTitle(title)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(QSize(560, 520))
        self.resize(820, 720)
        self.pages: dict[PageId, Page] = {
            PageId.IDENTIFY: IdentifyPage(context),
            PageId.ATTACH: AttachPage(context),
            PageId.COMPLETE: CompletePage(context),
            PageId.WORKSPACES: WorkspacesPage(context),
            PageId.ACTIVATE: ActivatePage(context),
            PageId.DONE: DonePage(context),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.IDENTIFY)
        # « Plus » gathers what is seldom needed, so the row fits a 560-pixel window.
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Plus"))
        self.more_menu = QMenu(self)
        self.settings_action = self.more_menu.addAction(self.tr("Paramètres…"))
        self.about_action = self.more_menu.addAction(self.tr("À propos de chorus-wizard"))
        self.settings_action.triggered.connect(self.show_settings)
        self.about_action.triggered.connect(self.show_about)
        more = self.button(QWizard.WizardButton.CustomButton1)
        assert isinstance(more, QPushButton)  # QWizard's buttons are push buttons
        more.setMenu(self.more_menu)
        more.setAccessibleName(self.tr("Plus : paramètres, à propos"))
        self.setButtonLayout(
            [
                QWizard.WizardButton.CustomButton2,  # Aide (DeskTools)
                QWizard.WizardButton.CustomButton3,  # Récapitulatif (DeskTools)
                QWizard.WizardButton.CustomButton1,  # Plus : Paramètres, À propos
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.CommitButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        #: The last message box shown by :meth:`show_about` or :meth:`open_activation_link`.
        self.message_box: QMessageBox | None = None
        self._pending_code = ""
        self.finished.connect(self._on_finished)
        #: The « Paramètres » dialog while it is open.
        self.settings_dialog: SettingsDialog | None = None
        self.currentIdChanged.connect(self._on_current_id_changed)
        #: Help panel, recap and diagnostic export.
        self.desk = DeskTools(self)

    def page_of(self, page_id: PageId) -> Page:
        return self.pages[page_id]

    # -- À propos ----------------------------------------------------------------------

    def show_settings(self) -> SettingsDialog:
        """« Paramètres »: server, PISTE credentials (keychain), connection test."""
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        dialog = SettingsDialog(self.context, self.context.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._on_settings_dialog_destroyed)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _on_settings_dialog_destroyed(self) -> None:
        self.settings_dialog = None

    def about_text(self) -> str:
        profile = self.context.service.profile
        return self.tr(
            "<p><b>chorus-wizard</b> — version {version}</p><p>Assistant de création de compte "
            "Chorus Pro pour les petites entreprises, en quatre étapes.</p><p>Serveur utilisé : "
            "{server}</p><p>Logiciel libre sous licence MIT.</p>"
        ).format(version=escape(__version__), server=escape(profile.shown_label))

    def show_about(self) -> QMessageBox:
        """Name, version, purpose, licence and backend profile, in a non-blocking box."""
        return self._show_message(
            QMessageBox.Icon.Information, self.tr("À propos de chorus-wizard"), self.about_text()
        )

    def _show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(
            Qt.TextFormat.RichText if text.startswith("<") else Qt.TextFormat.PlainText
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._on_message_box_destroyed)
        self.message_box = box
        box.open()
        return box

    def _on_message_box_destroyed(self) -> None:
        self.message_box = None

    # -- activation links --------------------------------------------------------------

    def open_activation_link(self, url: str) -> str | None:
        """Take an activation link from outside (command line, second launch, macOS).

        The code goes into step 4's field once the account created in this session reaches
        it. Returns None when taken, otherwise the French reason, also shown in a box.
        """
        self.bring_to_front()
        profile = self.context.service.profile
        origins = []
        if profile.name == "sandbox":
            parts = urlsplit(profile.api_base)
            origins.append(f"{parts.scheme}://{parts.netloc}")
        try:
            code = parse_activation_link(url, sandbox_origins=origins)
        except InvalidActivationLink as error:
            return self._refuse_link(str(error))
        draft = self.context.draft
        if draft.activated:
            return self._refuse_link(
                self.tr("Ce compte est déjà activé : ce lien n'est plus utile.")
            )
        if draft.account is None:
            return self._refuse_link(
                self.tr(
                    "Ce lien d'activation concerne une inscription commencée ailleurs (une autre "
                    "fenêtre de l'assistant, un autre poste ou le portail Chorus Pro) : il ne peut "
                    "pas servir ici. Ouvrez-le depuis l'assistant où vous avez créé le compte, ou "
                    "terminez votre inscription ici : un nouveau courriel vous sera envoyé."
                )
            )
        self._pending_code = code
        current = self.currentId()
        if current == PageId.ACTIVATE:
            self._fill_pending_code()
        elif current == PageId.WORKSPACES:
            page = self.pages[PageId.WORKSPACES]
            if page.isComplete():
                self.next()
        return None

    def bring_to_front(self) -> None:
        """Show the window above the others (the link was opened from a mail program)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            self.raise_()
            self.activateWindow()

    def _refuse_link(self, reason: str) -> str:
        self._show_message(QMessageBox.Icon.Warning, self.tr("Lien d'activation refusé"), reason)
        return reason

    def _on_current_id_changed(self, page_id: int) -> None:
        if page_id == PageId.ACTIVATE and self._pending_code:
            self._fill_pending_code()

    def _fill_pending_code(self) -> None:
        page = self.pages[PageId.ACTIVATE]
        assert isinstance(page, ActivatePage)
        page.code.setText(self._pending_code)
        self._pending_code = ""

    def add_closing_callback(self, callback: Callable[[], object]) -> None:
        self._closing.append(callback)

    def _on_finished(self, _result: int) -> None:
        self.shutdown()

    def shutdown(self) -> None:
        """Forget pending calls, clear every secret from the fields and from memory, release
        the backend."""
        for page in self.pages.values():
            page.cancel_work()
        activate = self.pages[PageId.ACTIVATE]
        assert isinstance(activate, ActivatePage)
        activate.clear_secrets()
        self.context.forget_password()
        self._pending_code = ""
        callbacks, self._closing = self._closing, []
        for callback in callbacks:
            callback()
