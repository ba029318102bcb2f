"""Composition root: the application, its translations and the backend, wired into the wizard.

:func:`compose` is the one place the wizard is put together, for ``chorus-wizard``
(:mod:`chorus_wizard.start`), the self-test and the tests alike, which only replace the
backend (:class:`Backend`) and may finish the build at once (:func:`finish_build`). It reads
in the order things happen: the application and its translations, the backend, the wizard
with step 1; then, once step 1 is painted, the other pages, the draft keeper and the resume
offer, and the signup service, built in a worker (it starts the embedded sandbox's process)
and handed over to the pages.
"""

from __future__ import annotations

import linecache
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from chorus_wizard import __version__, texts
from chorus_wizard.backend.errors import BackendError
from chorus_wizard.backend.models import Room
from chorus_wizard.backend.profiles import (
    REAL_PROFILES,
    BackendProfile,
    DirectoryChoice,
    PisteCredentials,
    profile_for,
    sandbox_profile,
)
from chorus_wizard.config import APP_NAME, Config, resolve_config
from chorus_wizard.domain.phone import load_phone_rule
from chorus_wizard.drafts import DraftStore
from chorus_wizard.keychain import SecretStore
from chorus_wizard.resources import resource_path
from chorus_wizard.sandbox.process.parent import SandboxProcess
from chorus_wizard.settings import SettingsStore, insee_key, piste_credentials
from chorus_wizard.ui.application import after_first_paint, application
from chorus_wizard.ui.collector import collect_on_gui_thread
from chorus_wizard.ui.pages.base import WizardContext
from chorus_wizard.ui.pages.identify import load_checks
from chorus_wizard.ui.wizard import SignupWizard
from chorus_wizard.workers import TaskRunner

if TYPE_CHECKING:  # loaded after step 1 is painted (see make_service)
    from chorus_wizard.backend.service import SignupService
    from chorus_wizard.ui.widgets.handoff import UrlOpener

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backend:
    """Where the wizard's calls go: the profile the window shows, and how to build the
    service."""

    profile: BackendProfile
    make_service: Callable[[], SignupService]
    #: The embedded sandbox's process, started with the service and stopped with the wizard.
    sandbox: SandboxProcess | None = None


def directory_choice(config: Config, profile: BackendProfile) -> DirectoryChoice:
    """The directory for ``config``: the sandbox's own with a sandbox, else the public API."""
    kind = config.directory_kind
    url = config.directory_url or (profile.directory_url if kind == "sandbox" else "")
    return DirectoryChoice(kind, url)


def real_backend(config: Config, settings: SettingsStore, secrets: SecretStore) -> Backend:
    """The backend ``config`` names: the embedded sandbox (its socket bound now, so that its
    URL is known; its process starts with the service), a sandbox's URL, or Chorus Pro."""
    sandbox = SandboxProcess(config.data_dir) if config.backend == "sandbox" else None
    profile = sandbox_profile(sandbox.bind()) if sandbox else profile_for(config.backend)

    def credentials() -> PisteCredentials | None:
        """Real Chorus Pro's credentials, from the Paramètres and the keychain (a worker)."""
        if profile.name not in REAL_PROFILES:
            return None
        return piste_credentials(profile.name, settings.load().for_profile(profile.name), secrets)

    def make_service() -> SignupService:
        # Step 1 first (docs/performance.md): the HTTP client loads with the service.
        from chorus_wizard.backend.local_sandbox import sandbox_client
        from chorus_wizard.backend.service import ChorusSignupService

        if sandbox is not None:
            sandbox.serve()
        return ChorusSignupService(
            profile,
            # the embedded sandbox: a start failure is told at the first call
            client=sandbox_client(sandbox) if sandbox is not None else None,
            directory=directory_choice(config, profile),
            credentials=credentials,
            insee_key=lambda: insee_key(secrets),
        )

    return Backend(profile, make_service, sandbox)


def translations_dir() -> Path:
    """Where ``chorus_wizard_<lang>.qm`` live (built by ``scripts/update_translations.py``)."""
    return resource_path("translations")


def install_translators(app: QApplication, lang: str, *, catalog: Path | None = None) -> None:
    """Load the interface's and Qt's own strings (Précédent, Annuler…) in ``lang``, once.

    French is the source language: it needs no catalog of ours. ``catalog`` replaces
    ``chorus_wizard_<lang>.qm`` (the tests' pseudo-translation).
    """
    key = f"{lang}:{catalog or ''}"
    if app.property("chorus_wizard_lang") == key:
        return
    for old in getattr(app, "_chorus_translators", []):
        app.removeTranslator(old)
    translators = []
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{lang}", directory):
        app.installTranslator(translator)
        translators.append(translator)
    else:
        log.warning("Qt translation qtbase_%s not found in %s", lang, directory)
    if lang != "fr" or catalog is not None:
        ours = QTranslator(app)
        path = catalog or translations_dir() / f"chorus_wizard_{lang}.qm"
        if ours.load(str(path)):
            app.installTranslator(ours)
            translators.append(ours)
        else:
            log.warning("Interface translation %s not found", path)
    app._chorus_translators = translators  # type: ignore[attr-defined]
    app.setProperty("chorus_wizard_lang", key)
    texts.install(QCoreApplication.translate)  # the Qt-free modules' strings too
    texts.set_language(lang)
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )


def compose(
    config: Config,
    *,
    backend: Backend | None = None,
    open_url: UrlOpener | None = None,
    secrets: SecretStore | None = None,
) -> SignupWizard:
    """The wizard for ``config``, not yet shown; the event loop is the caller's.

    ``backend``, ``open_url`` and ``secrets`` replace the real ones (tests, screenshots).
    """
    app = application()
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    collect_on_gui_thread(app)  # never destroy widgets from a worker thread
    config.data_dir.mkdir(parents=True, exist_ok=True)
    install_translators(app, config.lang, catalog=config.catalog)
    settings = config.settings or SettingsStore(config.data_dir)
    secrets = secrets if secrets is not None else SecretStore()  # every secret of the program
    backend = backend or real_backend(config, settings, secrets)
    runner = TaskRunner()
    context = WizardContext(
        backend.profile,
        runner,
        settings=settings,
        secrets=secrets,
        backend_option=config.backend_option,
        path=config.path,
        directory=directory_choice(config, backend.profile).kind,
    )
    if open_url is not None:
        context.open_url = open_url
    wizard = SignupWizard(context)
    runner.setParent(wizard)

    def after_the_pages() -> None:
        """The draft keeper, the resume offer, then the signup service."""
        from chorus_wizard.ui.drafts import DraftKeeper, offer_resume  # as in make_service()

        drafts = DraftStore(config.data_dir)
        wizard.desk.use_settings_file(config.data_dir / "interface.json")  # « Aide » or not
        keeper = DraftKeeper(wizard, drafts)
        wizard.add_closing_callback(keeper.flush)
        offer_resume(wizard, keeper, drafts)
        runner.run(build_service, service_built, _log_failure)

    def build_service() -> SignupService:
        """In a worker: the service, handed over to the pages' calls, which wait for it in
        their own workers (a service that cannot be built fails them)."""
        try:
            service = backend.make_service()
        except BaseException as error:
            context.service_failed(error)
            raise
        context.hand_over(service)
        load_checks()  # step 1's checks load their libraries here, not on the GUI thread
        load_phone_rule()  # and step 2's
        return service

    def service_built(service: SignupService) -> None:
        # PySide6's import hook reads the source of every module imported after it through
        # linecache, which keeps it: about 12 MB nothing reads again (docs/performance.md).
        linecache.clearcache()
        if backend.sandbox is None and backend.profile.name == "sandbox":
            # A sandbox reached by URL may be a training room: the title names it.
            runner.run(service.room, room_named, _no_room)

    def room_named(room: Room | None) -> None:
        if room is None:
            return
        wizard.show_room(room.name)
        if room.path and not config.path_chosen:  # neither --parcours nor the Paramètres
            wizard.follow_room_path(room.path)

    def close_services() -> None:
        runner.wait_for_done(5000)
        if context.service_ready:
            context.service.close()
        if backend.sandbox is not None:
            backend.sandbox.stop()
        secrets.forget_session()

    wizard.add_closing_callback(close_services)
    app.aboutToQuit.connect(wizard.shutdown)
    wizard.when_complete(after_the_pages)
    # Step 1 first (docs/performance.md): the rest is built once step 1 is on screen.
    after_first_paint(wizard, wizard.build_the_rest)
    return wizard


def finish_build(wizard: SignupWizard, timeout: float = 10.0) -> SignupWizard:
    """Do now what the wizard does once step 1 is painted, and wait for the signup service
    (tests, the self-test and the screenshot scripts, which need it all at once)."""
    wizard.build_the_rest()
    wizard.context.wait_for_service(timeout)
    return wizard


def build_wizard(argv: list[str]) -> SignupWizard:
    """:func:`compose` for command-line arguments (as ``chorus-wizard`` takes them)."""
    return compose(resolve_config(argv))


def _log_failure(error: BaseException) -> None:
    # The pages' calls report it too: they wait for the service.
    log.error("The signup service could not be built", exc_info=error)


def _no_room(error: BaseException) -> None:
    if isinstance(error, BackendError):  # the first call will say what is wrong
        log.info("Room name not read (%s)", type(error).__name__)
    else:
        log.error("Room name not read", exc_info=error)
