"""The trainer's page with what trainees may type at worst: a 60-character unbroken name and a
100-character unbroken company name keep the table on screen, every row's buttons visible;
a right-to-left override left in a database (the sandbox refuses it now) is shown, not obeyed;
addresses are masked for the projector.

Run deliberately: ``uv run pytest -m slow tests/room``. ``CHORUS_ROOM_SCREENSHOT=FILE`` also
saves the page, to look at.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import Scenario, Situation
from chorus_wizard.sandbox.server import SandboxServer
from tests.room.browser import chromium
from tests.room.conftest import sirets
from tests.sandbox.helpers import account_body

pytestmark = pytest.mark.slow

LONG_NAME = "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaf"  # 60, no break
LONG_COMPANY = "B" * 100
WIDTH = 1280


@pytest.fixture
def page(room_server: SandboxServer, room: RoomConfig) -> Iterator[Page]:
    browser: Browser
    with chromium() as browser:
        context = browser.new_context(locale="fr-FR", viewport={"width": WIDTH, "height": 900})
        opened = context.new_page()
        opened.goto(f"{room_server.base_url}/salle?jeton={room.token}")
        yield opened
        context.close()


def test_long_names_wrap_and_overrides_are_not_obeyed(
    page: Page, room_server: SandboxServer, scenario: Scenario
) -> None:
    creation = sirets(scenario, Situation.CREATION)
    with httpx.Client(base_url=room_server.base_url) as http:
        long_one = account_body(creation[0], "long.nom@exemple.fr", raisonSociale=LONG_COMPANY)
        long_one["nom"] = LONG_NAME
        assert http.post("/sandbox/v1/comptes", json=long_one).status_code == 201
        other = account_body(creation[1], "inverse@exemple.fr")
        assert http.post("/sandbox/v1/comptes", json=other).status_code == 201
    # A name saved before the sandbox refused overrides: "\u202eenaeJ" reads "Jeane" reversed.
    with contextlib.closing(sqlite3.connect(room_server.data_dir / "sandbox" / "sandbox.db")) as db:
        db.execute(
            "UPDATE accounts SET prenom = ? WHERE email = ?", ("\u202eenaeJ", "inverse@exemple.fr")
        )
        db.commit()

    rows = page.locator("#room-body tr")
    expect(rows).to_have_count(2)
    expect(page.locator('tr[data-email="long.nom@exemple.fr"] .who')).to_be_visible()
    if target := os.environ.get("CHORUS_ROOM_SCREENSHOT"):
        page.screenshot(path=target, full_page=True)

    table_width = page.evaluate("document.getElementById('room').getBoundingClientRect().width")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert table_width <= WIDTH and page_width <= WIDTH, (table_width, page_width)
    for button in page.locator("#room-body button").all():
        box = button.bounding_box()
        assert box is not None and box["x"] + box["width"] <= WIDTH, box

    reversed_row = page.locator('tr[data-email="inverse@exemple.fr"]')
    shown = reversed_row.locator(".who").inner_text()
    assert "\u202e" not in shown and "\ufffd" in shown  # the override shown, not obeyed
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#room-body .who')).unicodeBidi")
        == "isolate"
    )
    # Masked for the projector; the full address stays in the row's data for the actions.
    assert reversed_row.locator(".login").inner_text() == "in…@exemple.fr"
    assert "inverse@exemple.fr" not in page.locator("#room-body").inner_text()
