"""``chorus-wizard --self-test``: check that an installed copy has what it needs, then exit.

Made for bundles (PyInstaller leaves out what is imported lazily or read from data files): it
builds the wizard on a temporary data folder with the embedded sandbox, checks Qt's French
strings, the shipped resources, the sandbox's health, the country names and the first page,
prints a short report in French and exits 0, or 1 with the reasons.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import httpx
from PySide6.QtWidgets import QApplication, QWizard

from chorus_wizard import __version__
from chorus_wizard.app import compose
from chorus_wizard.config import Config
from chorus_wizard.resources import resources_dir

HEALTH_PATH = "/sandbox/v1/sante"


class SelfTestFailure(Exception):
    """One check failed; ``str()`` is the French reason."""


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestFailure(reason)


def _sandbox_health(base_url: str, timeout: float = 20.0) -> str:
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
            except Exception as error:
                reason = str(error) if isinstance(error, SelfTestFailure) else repr(error)
                failures.append(f"{label} : {reason}")
                say(f"  ÉCHEC  {label} : {reason}")
            else:
                say(f"  OK     {label}{f' ({detail})' if detail else ''}")

        def translation() -> str:
            text = wizard.buttonText(QWizard.WizardButton.CancelButton)
            _check(text == "Annuler", f"le bouton d'annulation s'appelle « {text} »")
            return "« Annuler »"

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
            _check(names.get("DE") == "Allemagne", f"Allemagne s'appelle « {names.get('DE')} »")
            return f"{len(names)} pays"

        def password_strength() -> str:
            zxcvbn = importlib.import_module("zxcvbn_rs_py").zxcvbn
            weak = int(zxcvbn("motdepasse").score)
            strong = int(zxcvbn("Cinq-Chevaux-Bleus-Traversent-Lyon-1987").score)
            _check(weak <= 1 < 3 <= strong, f"scores inattendus ({weak}, {strong})")
            return f"scores {weak} et {strong}"

        def keychain() -> str:
            keyring = importlib.import_module("keyring")
            backend = keyring.get_keyring()
            name = f"{type(backend).__module__}.{type(backend).__name__}"
            if sys.platform in ("win32", "darwin"):
                _check("fail" not in type(backend).__module__, f"aucun trousseau ({name})")
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
            return f"« {title} », plateforme Qt {QApplication.platformName()}"

        step("traduction française de Qt", translation)
        step("ressources", resources)
        step("noms de pays en français", countries)
        step("robustesse des mots de passe (zxcvbn)", password_strength)
        step("trousseau du système", keychain)
        step("première page", first_page)
        step("bac à sable intégré", sandbox)
        wizard.close()
        shutdown = getattr(wizard, "shutdown", None)
        if shutdown is not None:
            shutdown()
        app.processEvents()
        wizard.deleteLater()

    if failures:
        say(f"Autotest échoué : {len(failures)} vérification(s) en échec.")
        return 1
    say("Autotest réussi : le programme est complet.")
    return 0


def self_test_main(out: TextIO | None = None) -> int:
    """Entry point from ``chorus-wizard --self-test``; never lets an exception escape."""
    try:
        return run_self_test(out)
    except Exception as error:
        stream = out if out is not None else (sys.stdout or sys.stderr)
        if stream is not None:
            print(f"Autotest impossible : {error!r}", file=stream, flush=True)
        return 2
