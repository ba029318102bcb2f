"""``chorus-wizard --self-test``: check that an installed copy has what it needs, then exit.

Made for bundles (PyInstaller leaves out what is imported lazily or read from data files, and
the spec prunes Qt): it builds the wizard on a temporary data folder with the embedded
sandbox, checks Qt's French strings, the shipped resources, the sandbox's health, the country
names and the first page, walks every page of a signup on the sandbox (the attachment page,
then the four steps to the last page), writes the recap as a PDF, reads the English
translations (the interface's and Qt's) and sorts French words (and, on Linux, names a time
zone in French: Qt asks ICU, whose data the bundle trims), prints a short report in French and
exits 0, or 1 with the reasons.
"""

from __future__ import annotations

import importlib
import io
import os
import re
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import httpx
from PySide6.QtWidgets import QApplication, QWizard

from chorus_wizard import __version__
from chorus_wizard.app import compose
from chorus_wizard.config import Config
from chorus_wizard.resources import resources_dir

HEALTH_PATH = "/sandbox/v1/sante"
# The walk's structures: one already on the sandbox's Chorus Pro (resources/sandbox/
# registered.json: the attachment page), one to sign up.
REGISTERED_SIRET = "55203253400703"
NEW_SIRET = "13002526500013"
WALK_EMAIL = "autotest@exemple.fr"
ACTIVATION_LINK = re.compile(r"http://127\.0\.0\.1:\d+/sandbox/activer\?code=[\w-]+")
# A folder where the walk saves a PNG of every page it reaches, as this platform's Qt draws
# it (the Windows check under Wine looks at them: packaging/windows/check-under-wine.sh).
SHOTS_ENV = "CHORUS_WIZARD_SELFTEST_SHOTS"


class SelfTestFailure(Exception):
    """One check failed; ``str()`` is the French reason."""


class SelfTestWarning(Exception):
    """One check found something missing that the program can do without; ``str()`` says
    what, in French. Reported, not counted as a failure."""


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestFailure(reason)


# How long the sandbox may take to answer its first request. Its process imports the web
# server when it starts: seconds on a busy machine, more on the first start of a Windows
# bundle, which the antivirus scans (and under Wine, tests/windows, on 2 shared cores).
SANDBOX_START_S = 60.0


def _sandbox_health(base_url: str, timeout: float = SANDBOX_START_S) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    with httpx.Client(base_url=base_url, timeout=5.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            try:
                response = client.get(HEALTH_PATH)
            except httpx.TransportError as error:
                last = type(error).__name__
                time.sleep(0.1)
                continue
            _check(
                response.status_code == 200,
                f"le bac à sable répond {response.status_code} sur {HEALTH_PATH}",
            )
            return f"{base_url}{HEALTH_PATH} → 200"
    raise SelfTestFailure(f"le bac à sable ne répond pas sur {HEALTH_PATH} ({last})")


def _wait(app: Any, condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestFailure(f"{what}\u00a0: rien après {timeout:.0f} s")
        app.processEvents()
        time.sleep(0.01)


def _walk_signup(wizard: Any, app: Any) -> list[str]:
    """Every page of a signup on the sandbox; the titles of the pages shown, in order."""
    from chorus_wizard.ui.pages.base import PageId

    shown: list[str] = []
    shots = Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else None

    def shot(name: str) -> None:
        if shots is None:
            return
        shots.mkdir(parents=True, exist_ok=True)
        settle = time.monotonic() + 0.5  # what a page starts (a check, a list) shows first
        while time.monotonic() < settle:
            app.processEvents()
            time.sleep(0.02)
        path = shots / f"{len(shown):02d}-{name}.png"
        _check(wizard.grab().save(str(path)), f"capture {path} impossible")

    def reach(page_id: PageId, what: str) -> Any:
        _wait(app, lambda: wizard.currentId() == page_id, what)
        shown.append(wizard.currentPage().title())
        return wizard.currentPage()

    def leave(name: str) -> None:
        """The page as filled in, then on to the next one."""
        shot(name)
        wizard.next()

    def identify(siret: str, then: PageId, what: str) -> Any:
        page = reach(PageId.IDENTIFY, "la page «\u00a0Identifiez-vous\u00a0»")
        page.email.setText(WALK_EMAIL)
        page.identifier.setText(siret)
        leave(f"identification-{siret}")
        return reach(then, what)

    identify(REGISTERED_SIRET, PageId.ATTACH, "la page de rattachement (structure inscrite)")
    shot("rattachement")
    wizard.back()
    complete = identify(NEW_SIRET, PageId.COMPLETE, "l'étape 2 (préremplissage)")
    _wait(app, lambda: not complete.is_busy, "la liste des pays")
    complete.email_again.setText(WALK_EMAIL)
    complete.nom.setText("Autotest")
    complete.prenom.setText("Camille")
    _check(complete.isComplete(), f"étape 2 incomplète\u00a0: {complete.banner.text()}")
    leave("structure")
    spaces = reach(PageId.WORKSPACES, "l'étape 3 (compte créé)")
    _wait(app, lambda: bool(spaces.switches), "les espaces de travail")
    spaces.switches["FACTURES_RECUES"].setChecked(True)
    leave("espaces")
    activate = reach(PageId.ACTIVATE, "l'étape 4")
    _wait(app, lambda: activate.question.count() > 1, "les questions secrètes")
    # The mail as « Voir le courriel reçu » reads it: from the sandbox, over HTTP.
    mails = wizard.context.service.received_mails(WALK_EMAIL)
    link = ACTIVATION_LINK.search(mails[0].text) if mails else None
    _check(link is not None, "pas de courriel d'activation reçu du bac à sable")
    assert link is not None
    activate.code.setText(link.group(0))
    # A throwaway account on a throwaway sandbox: made up here, never shown nor written.
    password = f"{secrets.token_urlsafe(12)}-Ab7"
    activate.password.password.setText(password)
    activate.password.confirmation.setText(password)
    activate.question.setCurrentIndex(1)
    activate.answer.setText(secrets.token_hex(6))
    _check(activate.isComplete(), "étape 4 incomplète")
    leave("activation")
    reach(PageId.DONE, "la dernière page (compte activé)")
    shot("termine")
    return shown


def _check_pdf(path: Path) -> str:
    data = path.read_bytes() if path.is_file() else b""
    _check(data.startswith(b"%PDF-"), f"{path.name} n'est pas un PDF")
    _check(data.rstrip().endswith(b"%%EOF"), f"{path.name} est tronqué")
    _check(b"/FontFile" in data, f"{path.name} n'embarque aucune police")
    return f"{len(data) // 1024} Kio, police embarquée"


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check; return the process exit code."""
    stream = out if out is not None else (sys.stdout or sys.stderr)

    def say(line: str) -> None:
        if stream is not None:
            print(line, file=stream, flush=True)

    if _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    say(f"chorus-wizard {__version__} — autotest")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(
        prefix="chorus-wizard-autotest-", ignore_cleanup_errors=True
    ) as tmp:
        wizard = compose(Config(backend="sandbox", data_dir=Path(tmp), lang="fr"))
        app = QApplication.instance()
        assert app is not None

        def step(label: str, check: Callable[[], str]) -> None:
            try:
                detail = check()
            except SelfTestWarning as warning:
                say(f"  ATTENTION  {label}\u00a0: {warning}")
            except Exception as error:
                reason = str(error) if isinstance(error, SelfTestFailure) else repr(error)
                failures.append(f"{label}\u00a0: {reason}")
                say(f"  ÉCHEC  {label}\u00a0: {reason}")
            else:
                say(f"  OK     {label}{f' ({detail})' if detail else ''}")

        def translation() -> str:
            text = wizard.buttonText(QWizard.WizardButton.CancelButton)
            _check(text == "Annuler", f"le bouton d'annulation s'appelle «\u00a0{text}\u00a0»")
            return "«\u00a0Annuler\u00a0»"

        def resources() -> str:
            folder = resources_dir()
            for name in ("directory.json", "workspaces.json", "secret_questions.json"):
                _check((folder / "sandbox" / name).is_file(), f"{name} absent de {folder}")
            return str(folder)

        def sandbox() -> str:
            # The wizard starts serving once its window is painted (or after a short delay):
            # let the event loop run that far before asking.
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.02)
            return _sandbox_health(wizard.context.profile.api_base)

        def countries() -> str:
            from chorus_wizard.domain.countries import countries as country_list

            names = {c.code: c.label for c in country_list("fr")}
            _check(
                names.get("DE") == "Allemagne",
                f"Allemagne s'appelle «\u00a0{names.get('DE')}\u00a0»",
            )
            return f"{len(names)} pays"

        def password_strength() -> str:
            zxcvbn = importlib.import_module("zxcvbn_rs_py").zxcvbn
            weak = int(zxcvbn("motdepasse").score)
            strong = int(zxcvbn("Cinq-Chevaux-Bleus-Traversent-Lyon-1987").score)
            _check(weak <= 1 < 3 <= strong, f"scores inattendus ({weak}, {strong})")
            return f"scores {weak} et {strong}"

        def keychain() -> str:
            store = wizard.context.secrets
            name = store.backend_name()
            if not store.available():
                _check(sys.platform not in ("win32", "darwin"), f"aucun trousseau ({name})")
                raise SelfTestWarning(
                    "absent\u00a0: les mots de passe et les clés ne seront "
                    f"gardés que pendant la session ({name})"
                )
            return name

        def first_page() -> str:
            wizard.show()
            deadline = time.monotonic() + 5
            while not wizard.isVisible() and time.monotonic() < deadline:
                app.processEvents()
            app.processEvents()
            _check(wizard.isVisible(), "la fenêtre ne s'affiche pas")
            _check(wizard.currentId() == 0, f"page de départ inattendue ({wizard.currentId()})")
            title = wizard.currentPage().title()
            return f"«\u00a0{title}\u00a0», plateforme Qt {QApplication.platformName()}"

        def signup_walk() -> str:
            pages = _walk_signup(wizard, app)
            return f"{len(pages)} pages\u00a0: " + " → ".join(pages)

        def recap_pdf() -> str:
            from chorus_wizard.ui.recap_actions import write_recap_pdf

            desk: Any = getattr(wizard, "desk", None)
            _check(desk is not None, "assistant sans outils (récapitulatif)")
            return _check_pdf(write_recap_pdf(Path(tmp) / "recapitulatif.pdf", desk.recap()))

        def english() -> str:
            from PySide6.QtCore import QLibraryInfo, QTranslator

            ours, qt = QTranslator(), QTranslator()
            catalog = resources_dir() / "translations" / "chorus_wizard_en.qm"
            _check(ours.load(str(catalog)), f"{catalog} illisible")
            text = ours.translate("IdentifyPage", "Identifiez-vous")
            _check(
                text == "Identify yourself",
                f"«\u00a0Identifiez-vous\u00a0» traduit par «\u00a0{text}\u00a0»",
            )
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            _check(qt.load("qtbase_en", qt_dir), f"qtbase_en absent de {qt_dir}")
            return f"«\u00a0{text}\u00a0», qtbase_en"

        def french_locale_data() -> str:
            from PySide6.QtCore import QByteArray, QCollator, QLocale, QTimeZone

            french = QLocale("fr_FR")
            words = sorted(["zèbre", "Eure", "école", "eau"], key=QCollator(french).sortKey)
            _check(words == ["eau", "école", "Eure", "zèbre"], f"ordre inattendu\u00a0: {words}")
            if not sys.platform.startswith("linux"):
                return ", ".join(words)
            name = QTimeZone(QByteArray(b"Europe/Paris")).displayName(
                QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, french
            )
            _check("Europe centrale" in name, f"Europe/Paris s'appelle «\u00a0{name}\u00a0»")
            return f"{', '.join(words)}\u00a0; «\u00a0{name}\u00a0»"

        step("traduction française de Qt", translation)
        step("ressources", resources)
        step("noms de pays en français", countries)
        step("robustesse des mots de passe (zxcvbn)", password_strength)
        step("trousseau du système", keychain)
        step("première page", first_page)
        step("bac à sable intégré", sandbox)
        step("traductions anglaises", english)
        step("tri et fuseaux horaires en français", french_locale_data)
        step("parcours de toutes les pages", signup_walk)
        step("récapitulatif en PDF", recap_pdf)
        wizard.close()
        shutdown = getattr(wizard, "shutdown", None)
        if shutdown is not None:
            shutdown()
        app.processEvents()
        wizard.deleteLater()

    if failures:
        say(f"Autotest échoué\u00a0: {len(failures)} vérification(s) en échec.")
        return 1
    say("Autotest réussi\u00a0: le programme est complet.")
    return 0


def _parent_console() -> TextIO | None:
    """Windows: the console the windowed wizard was started from, or None.

    A windowed program (the Windows bundle's wizard) started from a console (cmd, PowerShell)
    gets no standard output: its report would go nowhere. It is written to that console
    instead, through the console's own Unicode calls (Python's console stream), so it reads
    right whatever the console's code page (cp850, cp437…).
    """
    if sys.platform != "win32":
        return None
    if sys.stdout is not None or sys.stderr is not None:
        return None
    import ctypes

    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        return None  # started without a console: a double click, the Start menu
    try:
        return open("CONOUT$", "w", encoding="utf-8")
    except OSError:
        return None


def self_test_main(out: TextIO | None = None) -> int:
    """Entry point from ``chorus-wizard --self-test``; never lets an exception escape."""
    # A pipe or a file on Windows is in the ANSI code page (cp1252) unless Python runs in
    # UTF-8 mode (the bundles do, see the spec): what it cannot encode is escaped, not raised.
    for stream in (sys.stdout, sys.stderr):
        if out is None and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if out is None:
        out = _parent_console()
    try:
        return run_self_test(out)
    except Exception as error:
        stream = out if out is not None else (sys.stdout or sys.stderr)
        if stream is not None:
            print(f"Autotest impossible\u00a0: {error!r}", file=stream, flush=True)
        return 2
