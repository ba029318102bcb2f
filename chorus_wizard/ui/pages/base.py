"""What every page shares: the wizard's context, an inline banner, and asynchronous steps.

A page whose Next/Valider must ask the backend overrides :meth:`Page.start_step`; the
base class turns QWizard's synchronous ``validatePage`` into: start the call, keep the page
(buttons disabled, busy bar), then move on by itself when the answer arrives, or show the
error inline and keep every typed value. Other calls (loading the rules, resending the
mail) run beside the step, each of its own kind (:mod:`chorus_wizard.ui.calls`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from chorus_wizard.backend.errors import BackendError
from chorus_wizard.contracts.record import Signup, new_idempotency_key
from chorus_wizard.keychain import SecretStore
from chorus_wizard.rehearsal import PAGE_BANNER as REHEARSAL_BANNER
from chorus_wizard.rehearsal import is_rehearsal, said
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.calls import Calls
from chorus_wizard.ui.widgets.common import Banner, BusyBar, Tone, joined, wrapped
from chorus_wizard.workers import TaskRunner

if TYPE_CHECKING:  # types only: step 1 is painted before the service and its answers load
    from chorus_wizard.backend.models import AccountCreated, Lookup
    from chorus_wizard.backend.profiles import BackendProfile
    from chorus_wizard.backend.service import SignupService
    from chorus_wizard.settings import SettingsStore
    from chorus_wizard.ui.pages.today import TodayState
    from chorus_wizard.ui.widgets.handoff import UrlOpener

log = logging.getLogger(__name__)


class PageId(IntEnum):
    IDENTIFY = 0
    ATTACH = 1
    COMPLETE = 2
    WORKSPACES = 3
    ACTIVATE = 4
    DONE = 5
    PORTAL_ACTIVATE = 6  # step 4 in portal mode
    # « Parcours du portail actuel » (today_*.py)
    TODAY_ACCOUNT = 7
    TODAY_ACTIVATE = 8
    TODAY_LOGIN = 9
    TODAY_STRUCTURE = 10
    TODAY_DONE = 11


#: The help panel's and the recap's buttons of the wizard's row (wired by the help desk), in
#: place from the first paint on.
HELP_BUTTON = QWizard.WizardButton.CustomButton2
RECAP_BUTTON = QWizard.WizardButton.CustomButton3

#: The guide's four steps, for the progress line at the top of each page.
STEPS = (
    QT_TRANSLATE_NOOP("Page", "Identifiez-vous"),
    QT_TRANSLATE_NOOP("Page", "Complétez"),
    QT_TRANSLATE_NOOP("Page", "Espaces de travail"),
    QT_TRANSLATE_NOOP("Page", "Activez"),
)


@dataclass(eq=False)
class SignupDraft:
    """What the pages have collected so far; the single model the pages write into."""

    #: What the person typed: the record the draft file keeps and the account is made of.
    signup: Signup = field(default_factory=Signup)
    lookup: Lookup | None = None
    account: AccountCreated | None = None
    idempotency_key: str = field(default_factory=new_idempotency_key)
    workspaces: list[str] = field(default_factory=list)
    #: code → label of the workspace catalogue, as loaded by step 3.
    workspace_labels: dict[str, str] = field(default_factory=dict)
    activated: bool = False
    final_message: str = ""


def portal_banner_text(host: str) -> str:
    return QCoreApplication.translate(
        "HandoffPanel",
        "Mode portail\u00a0: la création se fait sur {host}\u00a0; l'assistant prépare vos données "
        "et vous y guide.",
    ).format(host=host)


def open_in_browser(url: str) -> bool:
    """The production URL opener (never called in tests: they inject their own)."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


class WizardContext:
    """Collaborators shared by the pages, injected by the composition root.

    ``profile`` is known from the start (the window's title, the portal mode, the URLs the
    pages show). The signup service is built by the start-up work once the first window is
    painted and handed over with :meth:`hand_over`; :attr:`service` is read by the pages'
    calls, which run in workers and wait for it there.
    """

    def __init__(
        self,
        profile: BackendProfile,
        runner: TaskRunner,
        *,
        service: SignupService | None = None,
        open_url: UrlOpener = open_in_browser,
        settings: SettingsStore | None = None,
        secrets: SecretStore | None = None,
        backend_option: str = "",
        path: str = "guide",
        directory: str = "",
    ) -> None:
        self.profile = profile
        #: The company directory that prefills step 2 (``sandbox``, ``recherche-entreprises``,
        #: ``insee``; "" when not said), named on that page.
        self.directory = directory
        #: ``guide`` (the guide's four steps) or ``portail-actuel`` (today's portal rehearsed).
        self.path = path
        self.runner = runner
        self._service: Future[SignupService] = Future()
        if service is not None:
            self._service.set_result(service)
        self.draft = SignupDraft()
        #: The password just chosen, kept in memory only, from the activation until the
        #: final page has offered to store it in the keychain; never in the draft (which may
        #: be saved to disk). Emptied once stored and when the wizard closes.
        self.password_in_memory = ""
        #: Opens the portal in the browser (tests inject a recorder: no browser in tests).
        self.open_url = open_url
        #: The Paramètres file.
        self.settings = settings
        #: Every secret: the Paramètres', the signup token, the saved password (keychain.py).
        self.secrets = secrets if secrets is not None else SecretStore()
        #: ``--backend`` as given on the command line ("" when it came from the Paramètres).
        self.backend_option = backend_option
        #: What « parcours du portail actuel » carries from page to page, in memory only
        #: (``ui/pages/today.py``, made at its first use).
        self.today: TodayState | None = None

    @property
    def service(self) -> SignupService:
        """The signup service. In a worker, waits until it has been handed over; on the GUI
        thread (which must never wait) it is an error to ask before then."""
        if not self._service.done() and threading.current_thread() is threading.main_thread():
            raise RuntimeError("the signup service is not ready yet: read it in a worker")
        return self._service.result()

    @property
    def service_ready(self) -> bool:
        """Whether the service has been handed over (and did not fail to build)."""
        return self._service.done() and self._service.exception() is None

    def hand_over(self, service: SignupService) -> None:
        """The start-up work built the service: calls waiting for it go on."""
        self._service.set_result(service)

    def service_failed(self, error: BaseException) -> None:
        """The service could not be built: every call fails with ``error``."""
        self._service.set_exception(error)

    def wait_for_service(self, timeout: float) -> SignupService:
        """The service, waiting at most ``timeout`` seconds (tests, the self-test)."""
        return self._service.result(timeout)

    @property
    def portal_mode(self) -> bool:
        """Real Chorus Pro: the API creates nothing, the portal does (guided hand-off)."""
        return not self.profile.can_create_accounts

    def forget_password(self) -> None:
        self.password_in_memory = ""


def describe_error(error: BaseException) -> str:
    """The French sentence to show for ``error``; unexpected ones are logged, not hidden."""
    if isinstance(error, BackendError):
        return str(error)
    log.error("Unexpected failure: %s", type(error).__name__, exc_info=error)
    return QCoreApplication.translate(
        "Page",
        "Une erreur inattendue est survenue. Vos saisies sont conservées\u00a0; réessayez, et si "
        "le problème persiste, contactez le support.",
    )


def is_retryable(error: BaseException) -> bool:
    """A failure that may pass on a second try (network, 5xx, 429): « Réessayer » is offered."""
    return isinstance(error, BackendError) and error.retryable


class Page(QWizardPage):
    """Base of the wizard's pages."""

    step = 0  # 1..4 for the guide's steps, 0 for pages outside the four

    # The kind of the page's own step (start_step); side calls name their own kind.
    STEP = "step"

    #: Why « Suivant » is greyed out; {fields} lists the fields still to fill in.
    NEXT_REASON = QT_TRANSLATE_NOOP(
        "Page", "Pour continuer, complétez ou corrigez\u00a0: {fields}."
    )

    #: Something the user typed or chose changed (the draft is saved a moment later).
    edited = Signal()

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = Banner()
        self.busy = BusyBar()
        self._calls = Calls(context.runner, self._show_calls, retryable=is_retryable)
        self._step_done_for: object = None
        # The page's own widgets scroll (narrow windows, long values); messages stay in view.
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop, unnamed
        # A viewport of ours, not viewport(): PySide6 would first resolve the Python type of
        # the QWidget it returns by loading every QWidget subclass (docs/performance.md).
        # (Replacing the viewport deletes the old one with its children: before setWidget.)
        viewport = QWidget()
        viewport.setAutoFillBackground(False)
        self.scroll_area.setViewport(viewport)
        self.scroll_area.setWidget(inner)
        inner.setAutoFillBackground(False)
        self.retry = QPushButton(self.tr("Réessayer"))
        self.retry.hide()
        self.retry.clicked.connect(self._on_retry_clicked)
        messages = QHBoxLayout()
        messages.addWidget(self.banner, 1)
        messages.addWidget(self.retry)  # a box layout centres it vertically
        outer = QVBoxLayout(self)
        #: « Mode portail… » on every page when the backend cannot create accounts.
        self.mode_banner = Banner()
        self.mode_banner.setAccessibleName(self.tr("Mode portail"))
        # In the page before it is shown: a widget made visible without a parent is, for a
        # moment, a window of its own (Wine even left it on the screen).
        outer.addWidget(self.mode_banner)
        if context.portal_mode:
            self.mode_banner.show_message(
                Tone.INFO, portal_banner_text(context.profile.portal_host)
            )
        elif is_rehearsal(context.profile.name):  # never mistaken for the real thing
            self.mode_banner.setAccessibleName(self.tr("Répétition"))
            self.mode_banner.show_message(Tone.WARNING, said(REHEARSAL_BANNER))
        outer.addWidget(self.scroll_area, 1)
        #: Why « Suivant » is greyed out, always in view (outside the scrolling) while it is.
        self.next_reason = wrapped("")
        self.next_reason.hide()
        outer.addWidget(self.next_reason)
        outer.addLayout(messages)
        self.completeChanged.connect(self._show_next_reason)
        outer.addWidget(self.busy)
        if self.step:
            self.setSubTitle(self._progress_text())

    def _progress_text(self) -> str:
        parts = []
        for number, name in enumerate(STEPS, start=1):
            # A step's number and name never break apart: lines break between steps only.
            shown = QCoreApplication.translate("Page", name).replace(" ", "\u00a0")
            text = f"{number}.\u00a0{shown}"
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
        """Whether any call of the page is in flight (Suivant/Valider wait for it)."""
        return self._calls.busy

    def run(
        self,
        caption: str,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        kind: str = STEP,
    ) -> None:
        """Run ``fn`` off the GUI thread; a callback runs unless a newer call of the same
        ``kind`` started meanwhile or the page was left. Calls of other kinds go on.

        A failure that may pass on a second try (network, 5xx, 429) also shows « Réessayer »,
        which runs the same call again; every typed value stays as it is.
        """
        if not set(self._calls.retry_kinds) - {kind}:
            # The message line is the new call's, unless another call's failure still
            # waits for « Réessayer »: its message stays beside the button.
            self.banner.clear_message()
        self._calls.start(kind, caption, fn, on_success, on_failure or self.show_error)

    def _on_retry_clicked(self) -> None:
        self.banner.clear_message()
        self._calls.retry()

    def cancel_work(self) -> None:
        """Forget every call in flight (leaving the page): their answers will be ignored."""
        self._calls.cancel_all()

    def cleanupPage(self) -> None:
        """Going back: a call still running for this page must not land later."""
        self.cancel_work()
        super().cleanupPage()

    def _show_calls(self) -> None:
        """The busy bar, « Réessayer » and Suivant/Valider follow the calls in flight."""
        if self._calls.busy:
            self.busy.start(self._calls.caption)
        else:
            self.busy.stop()
        self.retry.setVisible(bool(self._calls.retry_kinds))
        self.completeChanged.emit()

    def clear_secrets(self) -> None:
        """Empty every field that holds a secret (the wizard closes). Override."""

    def quit_warning(self) -> str:
        """What quitting on this page leaves behind, asked about before « Annuler » quits;
        empty when nothing is. Override."""
        return ""

    def show_error(self, error: BaseException) -> None:
        self.banner.show_message(Tone.ERROR, describe_error(error))

    def show_resume_note(self, text: str) -> None:
        """What a resume has to say on the page it opened (override to keep a state shown)."""
        self.banner.show_message(Tone.INFO, text)

    # -- QWizard contract ----------------------------------------------------------------

    def isComplete(self) -> bool:
        return not self._calls.busy and self.ready()

    def ready(self) -> bool:
        """Whether the page's own inputs allow going on (override)."""
        return True

    def missing_fields(self) -> list[str]:
        """The names of what :meth:`ready` still waits for, in the page's order (override)."""
        return []

    def _show_next_reason(self) -> None:
        """While « Suivant » is greyed out by the page's inputs, the page says what it waits
        for (not while a call runs: the busy bar says that)."""
        missing = [] if self.is_busy or self.ready() else self.missing_fields()
        if missing:
            text = QCoreApplication.translate("Page", self.NEXT_REASON)
            self.next_reason.setText(text.format(fields=joined(missing)))
        self.next_reason.setVisible(bool(missing))

    # -- draft -----------------------------------------------------------------------------

    def collect(self) -> None:
        """Write what is typed on this page into the draft's record. Override."""

    def draft_values(self) -> dict[str, Any]:
        """Where this page stands, beside the record, for the saved draft (never a secret;
        keys of :data:`chorus_wizard.drafts.PROGRESS_FIELDS`). Override."""
        return {}

    def restore_draft(self, values: dict[str, Any]) -> None:
        """Put back the saved record's values and :meth:`draft_values` (one mapping). Override."""

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
        if self._calls.busy:
            return False
        self._step_done_for = None
        if self.start_step():
            self._step_done_for = self.step_key()
            return True
        return False
