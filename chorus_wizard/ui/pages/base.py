"""What every page shares: the wizard's context, an inline banner, and asynchronous steps.

A page whose Next/Valider must ask the backend overrides :meth:`Page.start_step`; the
base class turns QWizard's synchronous ``validatePage`` into: start the call, keep the page
(buttons disabled, busy bar), then move on by itself when the answer arrives, or show the
error inline and keep every typed value.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from chorus_wizard.backend.errors import BackendError
from chorus_wizard.backend.forms import SignupRequest, StructureForm, new_idempotency_key
from chorus_wizard.keychain import Keychain, SecretStore, SystemKeychain
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.widgets.common import Banner, BusyBar, Tone
from chorus_wizard.workers import Ticket

if TYPE_CHECKING:  # the first window is painted before these are imported
    from chorus_wizard.backend.models import AccountCreated, Lookup
    from chorus_wizard.backend.profiles import BackendProfile
    from chorus_wizard.backend.service import SignupService
    from chorus_wizard.settings import SettingsStore
    from chorus_wizard.ui.widgets.handoff import UrlOpener
    from chorus_wizard.workers import TaskRunner

log = logging.getLogger(__name__)


class PageId(IntEnum):
    IDENTIFY = 0
    ATTACH = 1
    COMPLETE = 2
    WORKSPACES = 3
    ACTIVATE = 4
    DONE = 5
    PORTAL_ACTIVATE = 6  # step 4 in portal mode


#: The guide's four steps, for the progress line at the top of each page.
STEPS = (
    QT_TRANSLATE_NOOP("Page", "Identifiez-vous"),
    QT_TRANSLATE_NOOP("Page", "Complétez"),
    QT_TRANSLATE_NOOP("Page", "Espaces de travail"),
    QT_TRANSLATE_NOOP("Page", "Activez"),
)


class SignupDraft:
    """What the pages have collected so far; the single model the pages write into.

    A plain class, compared by identity, as :class:`~chorus_wizard.backend.forms.StructureForm`
    (made before the first paint: a dataclass would cost about 0.5 ms more each).
    """

    def __init__(self, email: str = "", nom: str = "", prenom: str = "") -> None:
        self.email = email
        self.nom = nom
        self.prenom = prenom
        self.structure = StructureForm()
        self.deposer_demandes_paiement = True
        self.dume = False
        self.lookup: Lookup | None = None
        self.account: AccountCreated | None = None
        self.idempotency_key = new_idempotency_key()
        self.workspaces: list[str] = []
        #: code → label of the workspace catalogue, as loaded by step 3.
        self.workspace_labels: dict[str, str] = {}
        self.activated = False
        self.final_message = ""

    def signup_request(self) -> SignupRequest:
        return SignupRequest(
            email=self.email,
            nom=self.nom,
            prenom=self.prenom,
            structure=self.structure,
            deposer_demandes_paiement=self.deposer_demandes_paiement,
            dume=self.dume,
        )


def open_in_browser(url: str) -> bool:
    """The production URL opener (never called in tests: they inject their own)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl(url)))


class WizardContext:
    """Collaborators shared by the pages, injected by the composition root."""

    def __init__(
        self,
        service: SignupService,
        runner: TaskRunner,
        *,
        mail_dir: Path | None = None,
        keychain: Keychain | None = None,
        open_url: UrlOpener = open_in_browser,
        settings: SettingsStore | None = None,
        secrets: SecretStore | None = None,
        backend_option: str = "",
        known_profile: BackendProfile | None = None,
    ) -> None:
        self.service = service
        self.runner = runner
        self.draft = SignupDraft()
        self.mail_dir = mail_dir
        self.keychain: Keychain = keychain if keychain is not None else SystemKeychain()
        #: The password just chosen, kept in memory only, from the activation until the
        #: final page has offered to store it in the keychain; never in the draft (which may
        #: be saved to disk). Emptied once stored and when the wizard closes.
        self.password_in_memory = ""
        #: Opens the portal in the browser (tests inject a recorder: no browser in tests).
        self.open_url = open_url
        #: The Paramètres file, and the keychain (or session memory) for their secrets.
        self.settings = settings
        self.secrets = secrets if secrets is not None else SecretStore()
        #: ``--backend`` as given on the command line ("" when it came from the Paramètres).
        self.backend_option = backend_option
        #: The backend's name, label and abilities, for the window to show before the
        #: service has started: the embedded sandbox's URLs are known once its socket is
        #: bound, after step 1 is painted. None: the service's profile.
        self.known_profile = known_profile

    @property
    def backend(self) -> BackendProfile:
        """The backend's profile as far as the window needs it (name, label, abilities); its
        URLs may not be known yet: ``service.profile`` has them."""
        return self.known_profile or self.service.profile

    @property
    def portal_mode(self) -> bool:
        """Real Chorus Pro: the API creates nothing, the portal does (guided hand-off)."""
        return not self.backend.can_create_accounts

    def forget_password(self) -> None:
        self.password_in_memory = ""


def describe_error(error: BaseException) -> str:
    """The French sentence to show for ``error``; unexpected ones are logged, not hidden."""
    if isinstance(error, BackendError):
        return str(error)
    log.error("Unexpected failure: %s", type(error).__name__, exc_info=error)
    return QCoreApplication.translate(
        "Page",
        "Une erreur inattendue est survenue. Vos saisies sont conservées ; réessayez, et si le "
        "problème persiste, contactez le support.",
    )


class Page(QWizardPage):
    """Base of the wizard's pages."""

    step = 0  # 1..4 for the guide's steps, 0 for pages outside the four

    #: Something the user typed or chose changed (the draft is saved a moment later).
    edited = Signal()

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = Banner()
        self.busy = BusyBar()
        self._ticket = Ticket()
        self._busy = False
        self._step_done_for: object = None
        # The page's own widgets scroll (narrow windows, long values); messages stay in view.
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # A viewport of ours, not viewport(): PySide6 would first resolve the Python type of
        # the QWidget it returns by loading every QWidget subclass (~10 ms, on the first page).
        # (Replacing the viewport deletes the old one with its children: before setWidget.)
        viewport = QWidget()
        viewport.setAutoFillBackground(False)
        self.scroll_area.setViewport(viewport)
        self.scroll_area.setWidget(inner)
        inner.setAutoFillBackground(False)
        self.retry = QPushButton(self.tr("Réessayer"))
        self.retry.hide()
        self.retry.clicked.connect(self._on_retry_clicked)
        self._retry_call: Callable[[], None] | None = None
        messages = QHBoxLayout()
        messages.addWidget(self.banner, 1)
        messages.addWidget(self.retry)  # a box layout centres it vertically
        outer = QVBoxLayout(self)
        #: « Mode portail… » on every page when the backend cannot create accounts.
        self.mode_banner = Banner()
        self.mode_banner.setAccessibleName(self.tr("Mode portail"))
        if context.portal_mode:
            from chorus_wizard.ui.widgets.handoff import portal_banner_text

            self.mode_banner.show_message(
                Tone.INFO, portal_banner_text(context.service.profile.portal_host)
            )
        outer.addWidget(self.mode_banner)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(messages)
        outer.addWidget(self.busy)
        if self.step:
            self.setSubTitle(self._progress_text())

    def _progress_text(self) -> str:
        parts = []
        for number, name in enumerate(STEPS, start=1):
            text = f"{number}. {QCoreApplication.translate('Page', name)}"
            parts.append(f"<b><u>{text}</u></b>" if number == self.step else text)
        return self.tr("Étape {step} sur 4 — {steps}").format(
            step=self.step, steps="  ›  ".join(parts)
        )

    def finish_layout(self) -> None:
        """Keep the page's own widgets at the top of the scrolling area."""
        self.body.addStretch(1)

    # -- asynchronous work ---------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return self._busy

    def run(
        self,
        caption: str,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` off the GUI thread; callbacks run only if no newer call started.

        A failure that may pass on a second try (network, 5xx, 429) also shows « Réessayer »,
        which runs the same call again; every typed value stays as it is.
        """
        number = self._ticket.next()
        self._retry_call = None
        self._set_busy(True, caption)

        def success(value: Any) -> None:
            if self._ticket.is_current(number):
                self._set_busy(False)
                on_success(value)

        def failure(error: BaseException) -> None:
            if self._ticket.is_current(number):
                self._set_busy(False)
                (on_failure or self.show_error)(error)
                if isinstance(error, BackendError) and error.retryable:
                    self._retry_call = lambda: self.run(caption, fn, on_success, on_failure)
                    self.retry.show()

        self.context.runner.run(fn, success, failure)

    def _on_retry_clicked(self) -> None:
        call, self._retry_call = self._retry_call, None
        self.retry.hide()
        if call is not None:
            call()

    def cancel_work(self) -> None:
        """Forget any call in flight (leaving the page): its answer will be ignored."""
        self._ticket.cancel()
        self._retry_call = None
        self.retry.hide()
        self._set_busy(False)

    def cleanupPage(self) -> None:
        """Going back: a call still running for this page must not land later."""
        self.cancel_work()
        super().cleanupPage()

    def _set_busy(self, busy: bool, caption: str = "") -> None:
        self._busy = busy
        if busy:
            self.banner.clear_message()
            self.retry.hide()
            self.busy.start(caption)
        else:
            self.busy.stop()
        self.completeChanged.emit()

    def show_error(self, error: BaseException) -> None:
        self.banner.show_message(Tone.ERROR, describe_error(error))

    # -- QWizard contract ----------------------------------------------------------------

    def isComplete(self) -> bool:
        return not self._busy and self.ready()

    def ready(self) -> bool:
        """Whether the page's own inputs allow going on (override)."""
        return True

    # -- draft -----------------------------------------------------------------------------

    def draft_values(self) -> dict[str, Any]:
        """What this page contributes to the saved draft (never a secret). Override."""
        return {}

    def restore_draft(self, values: dict[str, Any]) -> None:
        """Put back what :meth:`draft_values` saved. Override."""

    def mark_step_done(self) -> None:
        """Resuming: this page's step already happened, Suivant/Valider just moves on."""
        self._step_done_for = self.step_key()

    def step_key(self) -> object:
        """What the asynchronous step depends on: it is redone when this changes."""
        return True

    def start_step(self) -> bool:
        """Start the page's backend call and return False, or return True to go on at once."""
        return True

    def step_succeeded(self) -> None:
        """Call from the step's success callback: marks it done and moves on."""
        self._step_done_for = self.step_key()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def validatePage(self) -> bool:
        if self._step_done_for is not None and self._step_done_for == self.step_key():
            return True  # done already (a side call, e.g. the country list, may still run)
        if self._busy:
            return False
        self._step_done_for = None
        if self.start_step():
            self._step_done_for = self.step_key()
            return True
        return False
