"""Faults under a running wizard: the sandbox stops and comes back; the window closes mid-call."""

from __future__ import annotations

import random
import socket
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.backend.errors import NetworkError
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import reach_complete
from tests.fakes import FakeService
from tests.ui.flows import DIALOG_WARNING, fake_wizard, quit_wizard

EMAIL = "camille.martin@exemple.fr"
TIMEOUT = 20000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # quitting on step 3: « Quitter l'assistant ? »
def test_sandbox_stopped_then_restarted_under_a_running_wizard(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    port = free_port()
    data = tmp_path / "sandbox-data"
    server = SandboxServer(data, port=port)
    server.start()
    server.wait_ready(30)
    wizard = build_wizard(["--backend", server.base_url, "--data-dir", str(tmp_path / "w")])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        complete = reach_complete(qtbot, wizard, EMAIL)

        server.stop()  # the sandbox goes away while the user types
        wizard.next()  # Valider
        qtbot.waitUntil(lambda: complete.banner.tone is Tone.ERROR, timeout=TIMEOUT)
        assert "refuse la connexion" in complete.banner.text()
        assert complete.retry.isVisible()
        assert (complete.nom.text(), complete.prenom.text()) == ("Martin", "Camille")
        assert wizard.currentId() == PageId.COMPLETE

        server = SandboxServer(data, port=port)  # back, same address, same database
        server.start()
        server.wait_ready(30)
        complete.retry.click()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES, timeout=TIMEOUT)
    finally:
        quit_wizard(qtbot, wizard)
        wizard.shutdown()
        server.stop()


def test_closing_while_a_call_runs_applies_nothing_late(qtbot: QtBot, qapp: QApplication) -> None:
    gate = threading.Event()
    service = FakeService(gate=gate)
    wizard = fake_wizard(qtbot, service)
    wizard.show()
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.email.setText(EMAIL)
    identify.identifier.setText("13002526500013")
    wizard.next()
    qtbot.waitUntil(lambda: identify.is_busy)
    wizard.close()  # the user closes the window while the lookup is still running
    wizard.shutdown()
    gate.set()
    wizard.context.runner.wait_for_done(5000)
    qtbot.wait(50)  # let a late answer try to land
    assert wizard.context.draft.lookup is None
    assert wizard.currentId() in (PageId.IDENTIFY, -1)


def test_a_retryable_failure_offers_retry_and_keeps_values(
    qtbot: QtBot, qapp: QApplication
) -> None:
    service = FakeService()
    service.fail["lookup"] = NetworkError("Le bac à sable refuse la connexion.")
    wizard = fake_wizard(qtbot, service)
    wizard.show()
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.email.setText(EMAIL)
    identify.identifier.setText("13002526500013")
    wizard.next()
    qtbot.waitUntil(identify.retry.isVisible)
    assert identify.identifier.text() == "13002526500013"
    identify.retry.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)


def test_a_sandbox_that_cannot_start_says_why_at_the_first_call(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """The embedded sandbox's database is damaged: Suivant says so, not a network timeout."""
    database = tmp_path / "sandbox" / "sandbox.db"
    database.parent.mkdir()
    database.write_bytes(random.Random(11).randbytes(8192))
    wizard = build_wizard(["--data-dir", str(tmp_path)])  # the embedded sandbox, by default
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        identify = wizard.page_of(PageId.IDENTIFY)
        assert isinstance(identify, IdentifyPage)
        identify.email.setText(EMAIL)
        identify.identifier.setText("13002526500013")
        asked = time.monotonic()
        wizard.next()
        qtbot.waitUntil(lambda: identify.banner.tone is Tone.ERROR, timeout=TIMEOUT)
        print(f"said {time.monotonic() - asked:.2f} s after Suivant")
        text = identify.banner.text()
        assert "Le bac à sable n'a pas pu démarrer\u00a0: sa base de données " in text
        assert str(database) in text
        assert "n'a pas répondu à temps" not in text
        assert not identify.retry.isVisible()  # the same process will not start on a retry
        assert wizard.currentId() == PageId.IDENTIFY
        assert identify.identifier.text() == "13002526500013"
    finally:
        wizard.close()
        wizard.shutdown()
