"""A sandbox run apart with ``chorus-wizard-sandbox`` (a training room) and a wizard reaching it
by URL, each with a data folder of its own: « Voir le courriel reçu » reads the mail over HTTP."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.mail_viewer import WORD_JOINER
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import reach_complete

EMAIL = "alice.remote@exemple.fr"
TIMEOUT = 20000
COMMAND = Path(sys.executable).with_name("chorus-wizard-sandbox")


@pytest.fixture
def remote_sandbox(tmp_path: Path) -> Iterator[str]:
    """``chorus-wizard-sandbox`` on a free port, its data under ``tmp_path / "room"``."""
    process = subprocess.Popen(
        [str(COMMAND), "--port", "0", "--data-dir", str(tmp_path / "room")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert found is not None, line
        yield found.group(0)
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # offscreen dialog
def test_the_mail_is_shown_from_a_sandbox_on_another_machine(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, remote_sandbox: str
) -> None:
    trainee = tmp_path / "trainee"
    wizard = build_wizard(["--backend", remote_sandbox, "--data-dir", str(trainee)])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    try:
        complete = reach_complete(qtbot, wizard, EMAIL)
        assert complete.isComplete()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES, timeout=TIMEOUT)
        spaces = wizard.currentPage()
        assert isinstance(spaces, WorkspacesPage)
        qtbot.waitUntil(lambda: bool(spaces.switches), timeout=TIMEOUT)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE, timeout=TIMEOUT)
        activate = wizard.currentPage()
        assert isinstance(activate, ActivatePage)
        qtbot.waitUntil(lambda: not activate.is_busy, timeout=TIMEOUT)

        assert activate.show_mail.isVisible()
        activate.show_mail.click()
        qtbot.waitUntil(
            lambda: activate.mail_viewer is not None and activate.mail_viewer.isVisible(),
            timeout=TIMEOUT,
        )
        viewer = activate.mail_viewer
        assert viewer is not None
        assert "Activez votre compte Chorus Pro" in viewer.header.text()
        # as copied from it: its addresses without the joiners that keep them whole on screen
        text = viewer.text.toPlainText().replace(WORD_JOINER, "")
        assert text.startswith("RÉPÉTITION")  # a sandbox's mail says first it is a rehearsal
        assert "\n\nBonjour Camille Martin,\n" in text
        assert re.search(re.escape(remote_sandbox) + r"/sandbox/activer\?code=[\w-]+", text)
        viewer.close()
        # the trainee's folder holds no mail: only the sandbox's machine has its Maildir
        assert not (trainee / "sandbox").exists()
    finally:
        wizard.shutdown()
        wizard.context.runner.wait_for_done(5000)
