"""A trainee's wizard locked after five wrong codes, and the trainer's « Débloquer »: the open
step 4 learns it from the sandbox (asked now and then, and when the code changes)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.sandbox.room.scenario import Scenario, Situation
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.ui.pages.activate import LOCK_STATUS_MS, ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import reach_complete
from tests.room.conftest import sirets
from tests.room.trainee import ANSWER, PASSWORD, latest_activation_code

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

EMAIL = "bloquee@exemple.fr"
TIMEOUT = 20000


def locked_trainee(
    qtbot: QtBot, tmp_path: Path, room_server: SandboxServer, siret: str
) -> tuple[SignupWizard, ActivatePage]:
    """A trainee's wizard on the room's sandbox, at step 4, after five wrong codes."""
    wizard = build_wizard(["--backend", room_server.base_url, "--data-dir", str(tmp_path / "t")])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    complete = reach_complete(qtbot, wizard, EMAIL, siret=siret)
    qtbot.waitUntil(complete.isComplete, timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES, timeout=TIMEOUT)
    spaces = wizard.currentPage()
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches), timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE, timeout=TIMEOUT)
    page = wizard.currentPage()
    assert isinstance(page, ActivatePage)
    qtbot.waitUntil(lambda: page.question.count() > 0, timeout=TIMEOUT)
    page.password.password.setText(PASSWORD)
    page.password.confirmation.setText(PASSWORD)
    page.answer.setText(ANSWER)
    for attempt in range(5):
        page.code.setText(f"MAUVAIS-CODE-{attempt}")
        qtbot.waitUntil(page.isComplete, timeout=TIMEOUT)
        wizard.next()
        qtbot.waitUntil(lambda: not page.is_busy, timeout=TIMEOUT)
    assert page.is_locked()
    assert page.banner.tone is Tone.ERROR
    return wizard, page


def valider_enabled(wizard: SignupWizard) -> bool:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    return button is not None and button.isEnabled()


def test_the_trainers_unlock_reaches_the_open_step_4(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    room_server: SandboxServer,
    trainer: httpx.Client,
    scenario: Scenario,
) -> None:
    siret = sirets(scenario, Situation.CREATION)[1]
    wizard, page = locked_trainee(qtbot, tmp_path, room_server, siret)
    try:
        # while locked, the account's state is asked now and then
        assert page.status_timer.isActive()
        assert page.status_timer.interval() == LOCK_STATUS_MS
        page.status_timer.timeout.emit()  # the sandbox still says locked: nothing changes
        qtbot.wait(500)
        assert page.is_locked() and not page.resend.isEnabled()

        answer = trainer.post("/salle/v1/debloquer", json={"email": EMAIL})
        assert answer.status_code == 200, answer.text
        # the trainee pastes the mail's code: the page asks the sandbox, which says unlocked
        page.code.setText(latest_activation_code(room_server.data_dir / "sandbox" / "mail", EMAIL))
        qtbot.waitUntil(lambda: not page.is_locked(), timeout=TIMEOUT)
        assert not page.status_timer.isActive()
        assert page.banner.tone is Tone.INFO
        assert "Le blocage a été levé" in page.banner.text()
        assert page.resend.isEnabled()
        assert valider_enabled(wizard)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE, timeout=TIMEOUT)
    finally:
        wizard.shutdown()
        wizard.context.runner.wait_for_done(5000)


def test_the_periodic_question_lifts_the_lock_without_a_keystroke(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    room_server: SandboxServer,
    trainer: httpx.Client,
    scenario: Scenario,
) -> None:
    siret = sirets(scenario, Situation.CREATION)[2]
    wizard, page = locked_trainee(qtbot, tmp_path, room_server, siret)
    try:
        answer = trainer.post("/salle/v1/debloquer", json={"email": EMAIL})
        assert answer.status_code == 200, answer.text
        page.status_timer.timeout.emit()  # as the timer does every LOCK_STATUS_MS
        qtbot.waitUntil(lambda: not page.is_locked(), timeout=TIMEOUT)
        assert page.resend.isEnabled()
    finally:
        wizard.shutdown()
        wizard.context.runner.wait_for_done(5000)
