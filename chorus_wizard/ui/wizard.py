"""The signup wizard: the guide's four steps as QWizard pages sharing one draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QPushButton, QWidget, QWizard

from chorus_wizard import __version__
from chorus_wizard.domain.activation import InvalidActivationLink, parse_activation_link
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import CurrentDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from chorus_wizard.ui.desk import DeskTools
    from chorus_wizard.ui.settings_dialog import SettingsDialog

#: The buttons of the help panel and of the recap (wired by :class:`DeskTools`); their place
#: in the button row is taken from the first paint on.
HELP_BUTTON = QWizard.WizardButton.CustomButton2
RECAP_BUTTON = QWizard.WizardButton.CustomButton3


def _attach_page(context: WizardContext) -> Page:
    from chorus_wizard.ui.pages.attach import AttachPage

    return AttachPage(context)


def _complete_page(context: WizardContext) -> Page:
    from chorus_wizard.ui.pages.complete import CompletePage

    return CompletePage(context)


def _workspaces_page(context: WizardContext) -> Page:
    from chorus_wizard.ui.pages.workspaces import WorkspacesPage

    return WorkspacesPage(context)


def _activate_page(context: WizardContext) -> Page:
    from chorus_wizard.ui.pages.activate import ActivatePage

    return ActivatePage(context)


def _portal_activate_page(context: WizardContext) -> Page:
    from chorus_wizard.ui.pages.portal_activate import PortalActivatePage

    return PortalActivatePage(context)


def _done_page(context: WizardContext) -> Page:
    from chorus_wizard.ui.pages.done import DonePage

    return DonePage(context)


#: The pages after the first, in the order they are built.
LATER_PAGES: tuple[tuple[PageId, Callable[[WizardContext], Page]], ...] = (
    (PageId.ATTACH, _attach_page),
    (PageId.COMPLETE, _complete_page),
    (PageId.WORKSPACES, _workspaces_page),
    (PageId.ACTIVATE, _activate_page),
    (PageId.PORTAL_ACTIVATE, _portal_activate_page),
    (PageId.DONE, _done_page),
)


class SignupWizard(QWizard):
    """Wires the pages together; ``closing`` callbacks run once when the wizard ends.

    With ``later_pages_deferred``, only step 1 is built here (the first window then appears
    sooner): the caller builds the others once it is painted, one per turn of the event loop
    with :meth:`build_next_page`. Whatever needs them (Suivant, :meth:`page_of`, :attr:`desk`,
    a resumed draft) builds the rest at once through :meth:`ensure_pages`, and
    :meth:`when_complete` callbacks run once every page exists.
    """

    def __init__(
        self,
        context: WizardContext,
        parent: QWidget | None = None,
        *,
        later_pages_deferred: bool = False,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._closing: list[Callable[[], object]] = []
        self._on_complete: list[Callable[[], object]] = []
        self._desk: DeskTools | None = None
        profile = context.backend
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
        self.pages: dict[PageId, Page] = {PageId.IDENTIFY: IdentifyPage(context)}
        self.setPage(PageId.IDENTIFY, self.pages[PageId.IDENTIFY])
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
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton3, True)
        self.setButtonText(HELP_BUTTON, self.tr("Aide"))
        self.setButtonText(RECAP_BUTTON, self.tr("Récapitulatif"))
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
        self._message_box: CurrentDialog[QMessageBox] = CurrentDialog()
        self._pending_code = ""
        self.finished.connect(self._on_finished)
        self._settings_dialog: CurrentDialog[SettingsDialog] = CurrentDialog()
        self.currentIdChanged.connect(self._on_current_id_changed)
        if not later_pages_deferred:
            self.ensure_pages()

    # -- building the later pages ------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """Whether every page, and the help panel and recap, exist."""
        return self._desk is not None

    def build_next_page(self) -> bool:
        """Build one of the pages not built yet; False once all exist (then completes)."""
        for page_id, build in LATER_PAGES:
            if page_id not in self.pages:
                page = build(self.context)
                self.pages[page_id] = page
                self.setPage(page_id, page)
                return True
        if self._desk is None:
            from chorus_wizard.ui.desk import DeskTools

            self._desk = DeskTools(self)
            callbacks, self._on_complete = self._on_complete, []
            for callback in callbacks:
                callback()
        return False

    def ensure_pages(self) -> None:
        """Build every page not built yet, now."""
        while self.build_next_page():
            pass

    def when_complete(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once every page exists (at once if they all do)."""
        if self.complete:
            callback()
        else:
            self._on_complete.append(callback)

    @property
    def desk(self) -> DeskTools:
        """Help panel, recap and diagnostic export (builds the later pages if needed)."""
        self.ensure_pages()
        assert self._desk is not None
        return self._desk

    def validateCurrentPage(self) -> bool:
        """Suivant (or next()) before the later pages were built: build them first."""
        self.ensure_pages()
        return super().validateCurrentPage()

    def page_of(self, page_id: PageId) -> Page:
        if page_id not in self.pages:
            self.ensure_pages()
        return self.pages[page_id]

    # -- À propos ----------------------------------------------------------------------

    @property
    def message_box(self) -> QMessageBox | None:
        """The message box shown last by :meth:`show_about` or :meth:`open_activation_link`."""
        return self._message_box.dialog

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        """The « Paramètres » dialog while it is open."""
        return self._settings_dialog.dialog

    def show_settings(self) -> SettingsDialog:
        """« Paramètres »: server, PISTE credentials (keychain), connection test."""
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        from PySide6.QtCore import Qt

        from chorus_wizard.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self.context.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return self._settings_dialog.show(dialog)

    def about_text(self) -> str:
        from html import escape

        profile = self.context.backend
        return self.tr(
            "<p><b>chorus-wizard</b> — version {version}</p><p>Assistant de création de compte "
            "Chorus Pro pour les petites entreprises, en quatre étapes.</p><p>Serveur utilisé : "
            "{server}</p><p>Logiciel libre sous licence MIT.</p>"
        ).format(version=escape(__version__), server=escape(profile.shown_label))

    def show_about(self) -> QMessageBox:
        """Name, version, purpose, licence and backend profile, in a non-blocking box."""
        return self._show_message(self.tr("À propos de chorus-wizard"), self.about_text())

    def _show_message(self, title: str, text: str, *, warning: bool = False) -> QMessageBox:
        # Imported here, never before the first paint (see set_qt_enum).
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(
            Qt.TextFormat.RichText if text.startswith("<") else Qt.TextFormat.PlainText
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return self._message_box.show(box)

    # -- activation links --------------------------------------------------------------

    def open_activation_link(self, url: str) -> str | None:
        """Take an activation link from outside (command line, second launch, macOS).

        The code goes into step 4's field once the account created in this session reaches
        it. Returns None when taken, otherwise the French reason, also shown in a box.
        """
        self.bring_to_front()
        self.ensure_pages()
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
        self._show_message(self.tr("Lien d'activation refusé"), reason, warning=True)
        return reason

    def _on_current_id_changed(self, page_id: int) -> None:
        if page_id == PageId.ACTIVATE and self._pending_code:
            self._fill_pending_code()

    def _fill_pending_code(self) -> None:
        from chorus_wizard.ui.pages.activate import ActivatePage

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
        activate = self.pages.get(PageId.ACTIVATE)
        if activate is not None:  # secrets are only ever typed there
            from chorus_wizard.ui.pages.activate import ActivatePage

            assert isinstance(activate, ActivatePage)
            activate.clear_secrets()
        self.context.forget_password()
        self._pending_code = ""
        callbacks, self._closing = self._closing, []
        for callback in callbacks:
            callback()
