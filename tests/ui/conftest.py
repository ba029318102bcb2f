"""Page tests drive a real SignupWizard against the scripted FakeService."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.ui.pages.base import WizardContext
from chorus_wizard.ui.wizard import SignupWizard
from chorus_wizard.workers import TaskRunner
from tests.fakes import FakeService


@pytest.fixture
def service() -> FakeService:
    return FakeService()


@pytest.fixture
def wizard(qtbot: QtBot, qapp: QApplication, service: FakeService) -> Iterator[SignupWizard]:
    install_translators(qapp, "fr")
    runner = TaskRunner()
    wizard = SignupWizard(WizardContext(service=service, runner=runner))
    runner.setParent(wizard)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    wizard.shutdown()
    runner.wait_for_done(5000)
