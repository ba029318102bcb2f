"""The signup wizard: the guide's four steps as QWizard pages sharing one draft."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard

from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.attach import AttachPage
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage


class SignupWizard(QWizard):
    """Wires the pages together; ``closing`` callbacks run once when the wizard ends."""

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._closing: list[Callable[[], object]] = []
        profile = context.service.profile
        title = "Inscription à Chorus Pro"
        if profile.name == "sandbox":
            title += " — bac à sable (aucune donnée n'est envoyée à Chorus Pro)"
        else:
            title += f" — {profile.label}"
        self.setWindowTitle(title)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
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
        self.finished.connect(self._on_finished)

    def page_of(self, page_id: PageId) -> Page:
        return self.pages[page_id]

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
        callbacks, self._closing = self._closing, []
        for callback in callbacks:
            callback()
