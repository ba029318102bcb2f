"""Kill the program hard in the middle of page 2 or 3, start it again: nothing typed is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.ui.flows import DIALOG_WARNING, quit_wizard

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "camille.martin@exemple.fr"
TIMEOUT = 20000


@pytest.fixture
def shared_keychain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A keychain that outlives a process, as the OS one does (tests/file_keyring.py)."""
    import keyring.core

    from tests.file_keyring import FileKeyring

    monkeypatch.setenv("CHORUS_TEST_KEYRING_FILE", str(tmp_path / "keychain.json"))
    monkeypatch.setattr(keyring.core, "_keyring_backend", FileKeyring())
    return {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
    }


def kill_during(stage: str, data_dir: Path, env: dict[str, str]) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "e2e" / "drive_until_killed.py"),
            str(data_dir),
            stage,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.strip() == "READY", process.stderr.read() if process.stderr else line
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def restart(qtbot: QtBot, data_dir: Path) -> SignupWizard:
    wizard = build_wizard(["--data-dir", str(data_dir)])  # as chorus-wizard
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    identify = wizard.page_of(PageId.IDENTIFY)
    qtbot.waitUntil(identify.resume_box.isVisible)  # type: ignore[attr-defined]
    identify.resume_box.resume_button.click()  # type: ignore[attr-defined]
    return wizard


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter » asked on step 4 (offscreen)
@pytest.mark.parametrize("stage", ["page2", "page3"])
def test_sigkill_then_resume_keeps_every_value(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, shared_keychain: dict[str, str], stage: str
) -> None:
    data_dir = tmp_path / "data"
    kill_during(stage, data_dir, shared_keychain)
    wizard = restart(qtbot, data_dir)
    try:
        if stage == "page2":
            qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE, timeout=TIMEOUT)
            page = wizard.currentPage()
            assert isinstance(page, CompletePage)
            assert page.fields["complement1"].text() == "Bâtiment B, 3e étage"
            assert (page.email_again.text(), page.nom.text(), page.prenom.text()) == (
                EMAIL,
                "Martin",
                "Camille",
            )
            assert page.fields["raison_sociale"].text().startswith("DIRECTION")
        else:
            qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES, timeout=TIMEOUT)
            spaces = wizard.currentPage()
            assert isinstance(spaces, WorkspacesPage)
            qtbot.waitUntil(lambda: bool(spaces.switches), timeout=TIMEOUT)
            assert spaces.chosen() == ["FACTURES_EMISES", "FACTURES_RECUES"]
            assert wizard.context.draft.account is not None  # re-read, not created again
            wizard.next()
            qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE, timeout=TIMEOUT)
    finally:
        quit_wizard(qtbot, wizard)  # step 4 asks first: the account waits for its activation
        wizard.shutdown()
