"""Page tests drive a real SignupWizard against the scripted FakeService."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import fake_wizard


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever opens a real browser: the portal opener must be injected."""

    def refuse(url: object) -> bool:
        raise AssertionError(f"a test tried to open {url} in a real browser")

    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)


@pytest.fixture
def service() -> FakeService:
    return FakeService()


@pytest.fixture
def wizard(qtbot: QtBot, qapp: QApplication, service: FakeService) -> Iterator[SignupWizard]:
    install_translators(qapp, "fr")
    wizard = fake_wizard(qtbot, service)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)
