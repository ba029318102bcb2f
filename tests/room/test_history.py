"""The room's token never reaches the trainer's browser history: the printed address carries
none, the token is pasted into a form (POST) and kept in a cookie. Checked in the history
database of a real Chromium profile on disk (Chromium records every address of a redirect
chain, so a token in an address, redirected away or not, stays there).

Run deliberately: ``uv run pytest -m slow tests/room``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.server import SandboxServer
from tests.room.browser import ARGS, chromium_path

pytestmark = pytest.mark.slow


def test_the_token_never_reaches_the_browser_history(
    tmp_path: Path, room_server: SandboxServer, room: RoomConfig
) -> None:
    """The trainer opens the printed address and pastes the token; the browser's own history
    database (a real profile on disk) holds the page's address, never the token."""
    path = chromium_path()
    assert path is not None
    profile = tmp_path / "profile"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(path), headless=True, args=ARGS
        )
        try:
            page = context.new_page()
            page.goto(f"{room_server.base_url}/salle")
            page.locator("#jeton").fill(room.token)
            with page.expect_navigation():
                page.locator("button[type=submit]").click()
            expect(page.locator("#trainees-heading")).to_be_visible()
            assert page.url == f"{room_server.base_url}/salle"
            page.reload()  # the cookie keeps the room open
            expect(page.locator("#trainees-heading")).to_be_visible()
        finally:
            context.close()  # writes the history out
    with contextlib.closing(sqlite3.connect(profile / "Default" / "History")) as history:
        urls = [url for (url,) in history.execute("SELECT url FROM urls")]
    assert f"{room_server.base_url}/salle" in urls
    assert not any(room.token in url for url in urls), urls
