"""Composition root: command line, QApplication, translations, backend profile → wizard."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QWizard

# First of the project's modules: it makes PySide6's check of every later import cheaper
# (ui/module_sources.py), about 2 ms of the launch.
import chorus_wizard.ui  # noqa: F401
from chorus_wizard import __version__, texts
from chorus_wizard.backend.deferred import DeferredService
from chorus_wizard.backend.profiles import (
    DIRECTORY_KINDS,
    REAL_PROFILES,
    BackendProfile,
    PisteCredentials,
    sandbox_profile,
)
from chorus_wizard.keychain import SecretStore
from chorus_wizard.resources import resource_path
from chorus_wizard.settings import LANGUAGES, SettingsStore, insee_key, piste_credentials
from chorus_wizard.ui.application import APP_NAME, after_first_paint, application
from chorus_wizard.ui.collector import collect_on_gui_thread
from chorus_wizard.ui.pages.base import WizardContext
from chorus_wizard.ui.pages.identify import load_checks
from chorus_wizard.ui.wizard import SignupWizard
from chorus_wizard.workers import TaskRunner

if TYPE_CHECKING:
    from chorus_wizard.backend.service import DirectoryChoice, SignupService

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="chorus-wizard",
        description="Assistant d'inscription à Chorus Pro, en quatre étapes.",
    )
    parser.add_argument(
        "--backend",
        default=None,
        help="sandbox (serveur local intégré), qualification, production, ou l'URL d'un "
        "serveur bac à sable (salle de formation) ; défaut : le choix enregistré dans « Paramètres "
        "», sinon sandbox",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="dossier où le programme écrit tout (défaut : dossier utilisateur)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="langue de l'interface (défaut : celle choisie dans « Paramètres », sinon fr)",
    )
    parser.add_argument(
        "--directory",
        choices=DIRECTORY_KINDS,
        default=None,
        help="annuaire qui préremplit la structure (défaut : celui du bac à sable avec le bac à "
        "sable, l'API Recherche d'entreprises sinon ; insee : clé dans le trousseau)",
    )
    parser.add_argument(
        "--directory-url",
        default=None,
        help="URL de base remplaçant celle de l'annuaire public (miroir, serveur de test)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="vérifie que le programme est complet (traductions, ressources, bac à sable), "
        "affiche un rapport et quitte",
    )
    parser.add_argument(
        "link",
        nargs="?",
        default=None,
        help="lien d'activation reçu par courriel (chorus-wizard://activer?code=…)",
    )
    args = parser.parse_args(argv)
    backend = args.backend or "sandbox"
    if backend not in ("sandbox", *REAL_PROFILES) and not backend.startswith(
        ("http://", "https://")
    ):
        parser.error(f"--backend inconnu : {backend}")
    if args.directory == "sandbox" and backend in REAL_PROFILES and not args.directory_url:
        parser.error("--directory sandbox demande le bac à sable, ou --directory-url")
    return args


def directory_choice(args: argparse.Namespace, profile: BackendProfile) -> DirectoryChoice:
    """The directory for ``args``: the sandbox's own with a sandbox, else the public API."""
    kind = args.directory or ("sandbox" if profile.name == "sandbox" else "recherche-entreprises")
    url = args.directory_url or (profile.directory_url if kind == "sandbox" else "")
    from chorus_wizard.backend.service import DirectoryChoice  # after the first paint

    return DirectoryChoice(kind, url)


def saved_credentials(
    profile_name: str, store: SettingsStore, secrets: SecretStore
) -> Callable[[], PisteCredentials | None]:
    """Real Chorus Pro's credentials, read (in a worker, on first use) from the Paramètres."""

    def read() -> PisteCredentials | None:
        if profile_name not in REAL_PROFILES:
            return None
        return piste_credentials(profile_name, store.load().for_profile(profile_name), secrets)

    return read


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


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
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )


def build_wizard(argv: list[str], *, deferred: bool = False) -> QWizard:
    """Build the fully wired wizard for ``argv`` (same options as the command line).

    Does not enter the event loop. With the sandbox backend, the embedded server is started
    in the background once the window is painted, and stopped when the wizard finishes.

    ``deferred`` (what ``chorus-wizard`` does): only step 1 is built before the window is
    shown; the later pages, the help panel, the draft keeper and the offer to resume follow
    once it has been painted, one piece per turn of the event loop so that typing is never
    held up (see :class:`~chorus_wizard.ui.wizard.SignupWizard`).
    """
    args = parse_args(argv)
    app = application()
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    collect_on_gui_thread(app)  # never destroy widgets from a worker thread

    data_dir: Path = (args.data_dir or default_data_dir()).expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    # Paramètres: the saved backend and language unless --backend or --lang say otherwise;
    # secrets read lazily.
    settings_store = SettingsStore(data_dir)
    saved = settings_store.load()
    backend_option = args.backend or ""
    args.backend = backend_option or saved.backend
    args.lang = args.lang or saved.language
    install_translators(app, args.lang)
    secrets = SecretStore()

    closing: list[Callable[[], object]] = [secrets.forget_session]
    server = None
    known: BackendProfile | None = None
    profile: BackendProfile | Callable[[], BackendProfile]
    if args.backend == "sandbox":
        from chorus_wizard.sandbox.process import SandboxProcess

        sandbox = server = SandboxProcess(data_dir)
        closing.append(sandbox.stop)
        # Its URL, once its socket is bound (by the start-up work, or whoever needs it
        # first); requests then wait in the backlog until its process serves them.
        known = sandbox_profile("")  # its name, label and abilities: what step 1 shows

        def profile() -> BackendProfile:
            return sandbox_profile(sandbox.bind())

    elif args.backend in REAL_PROFILES:
        profile = REAL_PROFILES[args.backend]
    else:
        profile = sandbox_profile(args.backend)

    def build_service(profile: BackendProfile) -> SignupService:
        from chorus_wizard.backend.service import ChorusSignupService

        return ChorusSignupService(
            profile,
            directory=directory_choice(args, profile),
            credentials=saved_credentials(profile.name, settings_store, secrets),
            insee_key=lambda: insee_key(secrets),
        )

    # The title and the portal mode need the backend's name and abilities only: the
    # service's modules are imported after the first paint (start_up_work), or by the first
    # call.
    service = DeferredService(profile, build_service)
    runner = TaskRunner()
    context = WizardContext(
        service=service,
        runner=runner,
        settings=settings_store,
        secrets=secrets,
        backend_option=backend_option,
        known_profile=known,
    )
    wizard = SignupWizard(context, later_pages_deferred=deferred)
    runner.setParent(wizard)
    wizard.add_closing_callback(lambda: runner.wait_for_done(5000))
    wizard.add_closing_callback(service.close)
    for callback in closing:
        wizard.add_closing_callback(callback)

    def complete() -> None:
        from chorus_wizard.drafts import DraftStore
        from chorus_wizard.ui.drafts import DraftKeeper, offer_resume

        drafts = DraftStore(data_dir)
        wizard.desk.use_settings_file(data_dir / "interface.json")  # « Aide » shown or not
        keeper = DraftKeeper(wizard, drafts)
        wizard.add_closing_callback(keeper.flush)
        offer_resume(wizard, keeper, drafts)

    wizard.when_complete(complete)
    app.aboutToQuit.connect(wizard.shutdown)
    if deferred:
        # One thing at a time after the first paint: the pages, one per turn of the event
        # loop; then, in one worker, the sandbox's process, the signup service and step 1's
        # checks.
        def start_up_work() -> None:
            if server is not None:
                server.serve()  # binds its socket first
            service.ready()
            load_checks()

        after_first_paint(wizard, lambda: build_in_turns(wizard))
        wizard.when_complete(lambda: runner.run(start_up_work, _ignore, _log_start_up_failure))
    elif server is not None:
        after_first_paint(wizard, server.serve_in_background)
    return wizard


def _ignore(_result: object) -> None:
    """Start-up work in the background has no answer to show."""


def _log_start_up_failure(error: BaseException) -> None:
    # The sandbox failing to start is also reported by the first call that needs it.
    log.error("Start-up work failed in the background", exc_info=error)


def build_in_turns(wizard: SignupWizard) -> None:
    """Build the wizard's later pages one per turn of the event loop, until all exist.

    Each piece takes a few tens of milliseconds at most; input that arrives meanwhile is
    handled between two pieces, and Suivant builds whatever is left at once.
    """
    if wizard.build_next_page():
        QTimer.singleShot(0, wizard, lambda: build_in_turns(wizard))


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a bundle: its spawned sandbox process starts here
        import multiprocessing

        multiprocessing.freeze_support()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.self_test:
        from chorus_wizard.selftest import self_test_main

        return self_test_main()
    from chorus_wizard.launch import launch

    data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    return launch(args, argv, lambda options: build_wizard(options, deferred=True), data_dir)


if __name__ == "__main__":
    raise SystemExit(main())
