"""The signup wizard: the guide's four steps as QWizard pages sharing one draft."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QMessageBox, QPushButton, QWidget, QWizard

from chorus_wizard import __version__
from chorus_wizard.domain.activation import InvalidActivationLink, parse_activation_link
from chorus_wizard.ui.pages.base import HELP_BUTTON, RECAP_BUTTON, Page, PageId, WizardContext
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import CurrentDialog

if TYPE_CHECKING:  # loaded after step 1 is painted (see later_pages)
    from chorus_wizard.ui.desk import DeskTools
    from chorus_wizard.ui.pages.activate import ActivatePage
    from chorus_wizard.ui.settings_dialog import SettingsDialog


def later_pages() -> tuple[tuple[PageId, Callable[[WizardContext], Page]], ...]:
    """The pages after step 1, in order.

    Step 1 first: the modules of the later pages, the help desk and the settings dialog (and
    through them the HTTP client) are imported once step 1 is on screen, here and in
    :meth:`SignupWizard.build_the_rest` and :meth:`SignupWizard.show_settings`
    (docs/performance.md, « Step 1 first »).
    """
    from chorus_wizard.ui.pages.activate import ActivatePage
    from chorus_wizard.ui.pages.attach import AttachPage
    from chorus_wizard.ui.pages.complete import CompletePage
    from chorus_wizard.ui.pages.done import DonePage
    from chorus_wizard.ui.pages.portal_activate import PortalActivatePage
    from chorus_wizard.ui.pages.today_account import TodayAccountPage
    from chorus_wizard.ui.pages.today_activate import TodayActivatePage
    from chorus_wizard.ui.pages.today_done import TodayDonePage
    from chorus_wizard.ui.pages.today_login import TodayLoginPage
    from chorus_wizard.ui.pages.today_structure import TodayStructurePage
    from chorus_wizard.ui.pages.workspaces import WorkspacesPage

    return (
        (PageId.ATTACH, AttachPage),
        (PageId.COMPLETE, CompletePage),
        (PageId.WORKSPACES, WorkspacesPage),
        (PageId.ACTIVATE, ActivatePage),
        (PageId.PORTAL_ACTIVATE, PortalActivatePage),
        (PageId.DONE, DonePage),
        (PageId.TODAY_ACCOUNT, TodayAccountPage),  # built first when that path is chosen
        (PageId.TODAY_ACTIVATE, TodayActivatePage),
        (PageId.TODAY_LOGIN, TodayLoginPage),
        (PageId.TODAY_STRUCTURE, TodayStructurePage),
        (PageId.TODAY_DONE, TodayDonePage),
    )


class SignupWizard(QWizard):
    """Wires the pages together; ``closing`` callbacks run once when the wizard ends.

    Step 1 is built at once, the other pages, the help panel and the recap by
    :meth:`build_the_rest` (once step 1 is painted, see :func:`later_pages`).
    """

    def __init__(
        self,
        context: WizardContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._closing: list[Callable[[], object]] = []
        self._on_complete: list[Callable[[], object]] = []
        self._desk: DeskTools | None = None
        profile = context.profile
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
        if context.path == "portail-actuel" and context.profile.can_create_accounts:
            from chorus_wizard.ui.pages.today_account import TodayAccountPage

            self.pages[PageId.TODAY_ACCOUNT] = TodayAccountPage(context)
            self.setPage(PageId.TODAY_ACCOUNT, self.pages[PageId.TODAY_ACCOUNT])
            self.setStartId(PageId.TODAY_ACCOUNT)  # today's portal: the account first
        # « Plus » gathers what is seldom needed, so the row fits a 560-pixel window.
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        # Every button has its mnemonic (Alt+letter); no arrow for screen readers to spell out.
        for which, text in (
            (QWizard.WizardButton.BackButton, self.tr("&Précédent")),
            (QWizard.WizardButton.NextButton, self.tr("&Suivant")),
            (QWizard.WizardButton.CommitButton, self.tr("&Valider")),
            (QWizard.WizardButton.FinishButton, self.tr("&Terminer")),
        ):  # Annuler keeps Qt's translation (the self-test checks it is loaded): its letter
            # is given with the others' (DeskTools)
            self.setButtonText(which, text)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("P&lus"))
        self.more_menu = QMenu(self)
        self.settings_action = self.more_menu.addAction(self.tr("Paramètres…"))
        self.about_action = self.more_menu.addAction(self.tr("À propos de chorus-wizard"))
        self.settings_action.triggered.connect(self.show_settings)
        self.about_action.triggered.connect(self.show_about)
        more = self.button(QWizard.WizardButton.CustomButton1)
        assert isinstance(more, QPushButton)  # QWizard's buttons are push buttons
        more.setMenu(self.more_menu)
        more.setAccessibleName(self.tr("Plus\u00a0: paramètres, à propos"))
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton3, True)
        self.setButtonText(HELP_BUTTON, self.tr("&Aide"))
        self.setButtonText(RECAP_BUTTON, self.tr("&Récapitulatif"))
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
        self._quit_box: CurrentDialog[QMessageBox] = CurrentDialog()
        self._pending_code = ""
        self.finished.connect(self._on_finished)
        self._settings_dialog: CurrentDialog[SettingsDialog] = CurrentDialog()
        self.currentIdChanged.connect(self._on_current_id_changed)

    def show_room(self, room: str) -> None:
        """A sandbox reached by URL was started for a training room: the title names it."""
        self.setWindowTitle(
            self.tr(
                "Inscription à Chorus Pro — salle « {room} » (bac à sable, aucune donnée n'est "
                "envoyée à Chorus Pro)"
            ).format(room=room)
        )

    def follow_room_path(self, path: str) -> bool:
        """A training room's scenario sets today's path and the person chose none: switch to
        it while they are still on step 1 with nothing typed; else keep the guide's (said in
        the room's README). Returns whether the wizard switched."""
        from chorus_wizard.ui.pages.today import TODAY_PATH

        if path != TODAY_PATH or self.context.path == TODAY_PATH:
            return False
        if not self.context.profile.can_create_accounts or self.currentId() != PageId.IDENTIFY:
            return False
        if any(edit.text() for edit in self.pages[PageId.IDENTIFY].findChildren(QLineEdit)):
            return False
        self.build_the_rest()  # today's pages exist from here on
        self.context.path = TODAY_PATH
        self.setStartId(PageId.TODAY_ACCOUNT)
        self.restart()
        return True

    # -- the rest, after step 1 -------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """Whether every page, the help panel and the recap exist."""
        return self._desk is not None

    def build_the_rest(self) -> None:
        """Build the pages after step 1, the help panel and the recap (once)."""
        if self._desk is not None:
            return
        from chorus_wizard.ui.desk import DeskTools  # step 1 first, see later_pages()

        for page_id, build in later_pages():
            if page_id in self.pages:  # the start page of today's path, built first
                continue
            self.pages[page_id] = build(self.context)
            self.setPage(page_id, self.pages[page_id])
        self._desk = DeskTools(self, self.context, self.pages, self.add_closing_callback)
        callbacks, self._on_complete = self._on_complete, []
        for callback in callbacks:
            callback()

    def when_complete(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once every page exists (at once if they all do)."""
        if self.complete:
            callback()
        else:
            self._on_complete.append(callback)

    @property
    def desk(self) -> DeskTools:
        """Help panel, recap and diagnostic export."""
        self.build_the_rest()
        assert self._desk is not None
        return self._desk

    def page_of(self, page_id: PageId) -> Page:
        self.build_the_rest()
        return self.pages[page_id]

    def validateCurrentPage(self) -> bool:
        """Suivant (or next()) before the rest was built: build it first."""
        self.build_the_rest()
        return super().validateCurrentPage()

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
        from chorus_wizard.ui.settings_dialog import SettingsDialog  # see later_pages()

        dialog = SettingsDialog(self.context, self.context.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return self._settings_dialog.show(dialog)

    def about_text(self) -> str:
        profile = self.context.profile
        return self.tr(
            "<p><b>chorus-wizard</b> — version {version}</p><p>Assistant de création de compte "
            "Chorus Pro pour les petites entreprises, en quatre étapes.</p><p>Serveur "
            "utilisé\u00a0: {server}</p><p>Logiciel libre sous licence MIT.</p>"
        ).format(version=escape(__version__), server=escape(profile.shown_label))

    def show_about(self) -> QMessageBox:
        """Name, version, purpose, licence and backend profile, in a non-blocking box."""
        return self._show_message(self.tr("À propos de chorus-wizard"), self.about_text())

    def _show_message(self, title: str, text: str, *, warning: bool = False) -> QMessageBox:
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
        self.build_the_rest()
        profile = self.context.profile
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
                self.tr("Ce compte est déjà activé\u00a0: ce lien n'est plus utile.")
            )
        if draft.account is None:
            return self._refuse_link(
                self.tr(
                    "Ce lien d'activation concerne une inscription commencée ailleurs (une autre "
                    "fenêtre de l'assistant, un autre poste ou le portail Chorus Pro)\u00a0: il ne "
                    "peut pas servir ici. Ouvrez-le depuis l'assistant où vous avez créé le "
                    "compte, ou terminez votre inscription ici\u00a0: un nouveau courriel vous "
                    "sera envoyé."
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
        page = cast("ActivatePage", self.pages[PageId.ACTIVATE])
        page.code.setText(self._pending_code)
        self._pending_code = ""

    # -- closing -------------------------------------------------------------------------

    def typed_would_be_lost(self) -> bool:
        """Whether closing now loses something typed: what step 4 holds (the code, password
        and answer are never saved with the draft; the other pages' values are)."""
        page = self.pages.get(PageId.ACTIVATE)
        if page is None or self.currentId() != PageId.ACTIVATE:
            return False
        return any(
            field.text() and not field.isReadOnly() for field in page.findChildren(QLineEdit)
        )

    @property
    def quit_question(self) -> QMessageBox | None:
        """« Quitter l'assistant ? » while it is asked."""
        return self._quit_box.dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape never closes the wizard (a dialog's habit): one press too many after closing
        the help panel or a list would quit the signup. « Annuler » and the window's close
        button still do."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Annuler and the window's close button: first ask, in a non-blocking box, when
        something typed would be lost or the page says what quitting leaves behind."""
        if self._quit_box.dialog is not None:
            return
        page = self.currentPage()
        warning = page.quit_warning() if isinstance(page, Page) else ""
        if not warning and not self.typed_would_be_lost():
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Quitter l'assistant\u00a0?"),
            warning
            or self.tr(
                "Le code d'activation, le mot de passe et la réponse saisis seront perdus\u00a0: "
                "ils ne sont jamais enregistrés. Quitter quand même\u00a0?"
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        leave = box.addButton(self.tr("&Quitter"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("&Rester"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        leave.clicked.connect(lambda: QWizard.reject(self))
        self._quit_box.show(box)

    def add_closing_callback(self, callback: Callable[[], object]) -> None:
        self._closing.append(callback)

    def _on_finished(self, _result: int) -> None:
        self.shutdown()

    def shutdown(self) -> None:
        """Forget pending calls, clear every secret from the fields and from memory, release
        the backend."""
        for page in self.pages.values():
            page.cancel_work()
            page.clear_secrets()
        self.context.forget_password()
        self._pending_code = ""
        callbacks, self._closing = self._closing, []
        for callback in callbacks:
            callback()
