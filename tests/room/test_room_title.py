"""A trainee's wizard reached with ``--backend URL`` names the training room in its title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.sandbox.room.scenario import Scenario
from chorus_wizard.sandbox.server import SandboxServer

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
