"""A trainee's wizard reached with ``--backend URL`` names the training room in its title."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import Scenario, load_scenario
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.settings import Settings, SettingsStore
from chorus_wizard.ui.pages.base import PageId
from tests.room.conftest import SHORT_DEMO

TIMEOUT = 10000


def test_the_title_names_the_room_the_wizard_is_connected_to(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, room_server: SandboxServer, scenario: Scenario
) -> None:
    wizard = build_wizard(["--backend", room_server.base_url, "--data-dir", str(tmp_path / "w")])
    qtbot.addWidget(wizard)
    try:
        assert "salle" not in wizard.windowTitle()  # not known before the sandbox answers
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.waitUntil(lambda: scenario.title in wizard.windowTitle(), timeout=TIMEOUT)
        assert wizard.windowTitle() == (
            f"Inscription à Chorus Pro — salle «\u00a0{scenario.title}\u00a0» (bac à sable, "
            "aucune donnée n'est envoyée à Chorus Pro)"
        )
    finally:
        wizard.shutdown()


def test_a_sandbox_without_a_room_keeps_the_usual_title(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    server = SandboxServer(tmp_path / "data")
    server.start()
    try:
        server.wait_ready(30)
        wizard = build_wizard(["--backend", server.base_url, "--data-dir", str(tmp_path / "w")])
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.waitUntil(lambda: wizard.complete and wizard.context.service_ready, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: not wizard.context.runner.busy, timeout=TIMEOUT)
        assert wizard.windowTitle() == (
            "Inscription à Chorus Pro — bac à sable (aucune donnée n'est envoyée à Chorus Pro)"
        )
        wizard.shutdown()
    finally:
        server.stop()


def today_room(tmp_path: Path) -> SandboxServer:
    """A room whose scenario sets today's portal for the wizards that chose no path."""
    scenario = replace(load_scenario(SHORT_DEMO), path="portail-actuel")
    server = SandboxServer(tmp_path / "data", room=RoomConfig(scenario=scenario))
    server.start()
    server.wait_ready(30)
    return server


def test_the_room_tells_its_path_and_a_wizard_that_chose_none_follows_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    server = today_room(tmp_path)
    try:
        health = httpx.get(f"{server.base_url}/sandbox/v1/sante", timeout=10).json()
        assert health["parcours"] == "portail-actuel"
        wizard = build_wizard(["--backend", server.base_url, "--data-dir", str(tmp_path / "w")])
        qtbot.addWidget(wizard)
        try:
            assert wizard.startId() == PageId.IDENTIFY  # not known before the sandbox answers
            wizard.show()
            qtbot.waitExposed(wizard)
            qtbot.waitUntil(lambda: wizard.currentId() == PageId.TODAY_ACCOUNT, timeout=TIMEOUT)
            assert wizard.startId() == PageId.TODAY_ACCOUNT
            assert wizard.context.path == "portail-actuel"
        finally:
            wizard.shutdown()
    finally:
        server.stop()


@pytest.mark.parametrize("chosen", ["command line", "Paramètres", "typed"])
def test_a_path_chosen_or_something_typed_keeps_the_guide(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, chosen: str
) -> None:
    server = today_room(tmp_path)
    data = tmp_path / "w"
    argv = ["--backend", server.base_url, "--data-dir", str(data)]
    if chosen == "command line":
        argv += ["--parcours", "guide"]
    if chosen == "Paramètres":
        SettingsStore(data).save(Settings(backend=server.base_url, path="guide"))
    try:
        wizard = build_wizard(argv)
        qtbot.addWidget(wizard)
        try:
            if chosen == "typed":  # before the sandbox can answer
                wizard.pages[PageId.IDENTIFY].findChildren(QLineEdit)[0].setText("9")
            wizard.show()
            qtbot.waitExposed(wizard)
            title = "Démonstration courte"
            qtbot.waitUntil(lambda: title in wizard.windowTitle(), timeout=TIMEOUT)
            qtbot.waitUntil(lambda: not wizard.context.runner.busy, timeout=TIMEOUT)
            assert wizard.currentId() == PageId.IDENTIFY
            assert wizard.context.path == "guide"
        finally:
            wizard.shutdown()
    finally:
        server.stop()
