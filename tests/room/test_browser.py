"""The trainer's page in a real browser (the system's headless Chromium, driven by Playwright):
three simulated trainees progress and the page follows by itself; the trainer lifts a lock and
resets a trainee through the page; without the token, the page and every action answer 403.

Run deliberately: ``uv run pytest -m slow tests/room`` (``.ci/run`` does).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import Scenario, Situation
from chorus_wizard.sandbox.server import SandboxServer
from tests.room.browser import chromium
from tests.room.conftest import sirets
from tests.room.test_room_api import ACTIONS
from tests.room.trainee import TodayTrainee, Trainee

pytestmark = pytest.mark.slow

MakeTrainee = Callable[..., Trainee]
#: The issue's promise: each step is on the page within two seconds, with no reload.
UPDATE_WITHIN_MS = 2000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser, room_server: SandboxServer, room: RoomConfig) -> Iterator[Page]:
    context = browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    response = opened.goto(f"{room_server.base_url}/salle?jeton={room.token}")
    assert response is not None and response.status == 200
    assert opened.url == f"{room_server.base_url}/salle"  # the token left the address bar
    # A marker a reload would wipe: the page must follow the room without one.
    opened.evaluate("window.notReloaded = true")
    try:
        yield opened
    finally:
        context.close()


def row(page: Page, email: str) -> Any:
    return page.locator(f'#room-body tr[data-email="{email}"]')


def shows_step(page: Page, email: str, step: str) -> float:
    """Wait for the row to show ``step``; the seconds it took (printed, for the record)."""
    started = time.perf_counter()
    expect(row(page, email)).to_have_attribute("data-etape", step, timeout=UPDATE_WITHIN_MS)
    return time.perf_counter() - started


def confirm(page: Page, email: str, action: str) -> None:
    row(page, email).locator(f'button[data-action="{action}"]').click()
    expect(page.locator("#confirm")).to_be_visible()
    page.locator("#confirm-ok").click()
    expect(page.locator("#confirm")).to_be_hidden()


def test_the_page_follows_three_trainees_and_the_trainer_acts(
    page: Page, make_trainee: MakeTrainee, scenario: Scenario
) -> None:
    creation = sirets(scenario, Situation.CREATION)
    anne = make_trainee("anne.roux@exemple.fr", creation[0], "Anne", "Roux")
    bruno = make_trainee("bruno.leroy@exemple.fr", creation[1], "Bruno", "Leroy")
    chloe = make_trainee("chloe.simon@exemple.fr", creation[2], "Chloé", "Simon")
    expect(page.locator("#empty")).to_be_visible()
    delays = []

    anne.identify()
    identified = page.locator('#room-body tr[data-cle="poste:127.0.0.1"]')
    expect(identified).to_have_attribute("data-etape", "identifie", timeout=UPDATE_WITHIN_MS)
    expect(identified).to_contain_text("BOULANGERIE DU PONT NEUF (FICTIVE)")

    anne.create_account()
    delays.append(shows_step(page, "anne.roux@exemple.fr", "compte_cree"))
    expect(row(page, "anne.roux@exemple.fr")).to_contain_text("Anne Roux")
    expect(row(page, "anne.roux@exemple.fr")).to_contain_text("Activation")
    expect(identified).to_have_count(0)
    expect(page.locator("#count")).to_have_text("1 stagiaire")  # French plurals, not « (s) »
    bruno.create_account()
    delays.append(shows_step(page, "bruno.leroy@exemple.fr", "compte_cree"))
    chloe.create_account()
    delays.append(shows_step(page, "chloe.simon@exemple.fr", "compte_cree"))

    anne.choose_workspaces()
    delays.append(shows_step(page, "anne.roux@exemple.fr", "espaces_choisis"))
    anne.activate()
    delays.append(shows_step(page, "anne.roux@exemple.fr", "active"))

    bruno.fail_activation(1)
    expect(row(page, "bruno.leroy@exemple.fr")).to_contain_text(
        "1 échec sur 5", timeout=UPDATE_WITHIN_MS
    )
    assert bruno.fail_activation(4).status == 423
    locked = row(page, "bruno.leroy@exemple.fr")
    expect(locked).to_contain_text("Bloqué jusqu'à", timeout=UPDATE_WITHIN_MS)
    expect(page.locator("#count")).to_have_text("3 stagiaires")

    # A cancelled confirmation does nothing.
    row(page, "chloe.simon@exemple.fr").locator('button[data-action="reset"]').click()
    page.locator("#confirm-cancel").click()
    expect(page.locator("#log")).to_contain_text("Aucune action pour l'instant.")

    # The trainer lifts Bruno's lock: the page says so, and Bruno can activate at once.
    confirm(page, "bruno.leroy@exemple.fr", "unlock")
    expect(locked).not_to_contain_text("Bloqué")
    expect(page.locator("#log")).to_contain_text("Activation de br…@exemple.fr débloquée")
    bruno.activate()
    delays.append(shows_step(page, "bruno.leroy@exemple.fr", "active"))

    # The trainer resets Chloé: her row goes, and she can replay the exercise from the start.
    confirm(page, "chloe.simon@exemple.fr", "reset")
    expect(row(page, "chloe.simon@exemple.fr")).to_have_count(0)
    expect(page.locator("#log")).to_contain_text("Stagiaire ch…@exemple.fr réinitialisé")
    replay = make_trainee("chloe.simon@exemple.fr", creation[2], "Chloé", "Simon")
    replay.create_account()
    delays.append(shows_step(page, "chloe.simon@exemple.fr", "compte_cree"))

    # The trainer reads Chloé's activation mail out to her.
    confirm(page, "chloe.simon@exemple.fr", "showMail")
    expect(page.locator("#mail")).to_be_visible()
    expect(page.locator("#mail-text")).to_contain_text("Bonjour Chloé Simon")
    page.locator("#mail-close").click()

    assert page.evaluate("window.notReloaded") is True
    print("délais d'affichage (s)\u00a0:", ", ".join(f"{d:.2f}" for d in delays))


def test_the_page_shows_the_path_and_resets_a_second_factor(
    page: Page,
    make_trainee: MakeTrainee,
    make_today: Callable[..., TodayTrainee],
    scenario: Scenario,
) -> None:
    head = page.locator("#room-head th")
    expect(head.nth(1)).to_have_text("Parcours")
    guide = make_trainee("guide.page@exemple.fr", sirets(scenario, Situation.CREATION)[0])
    guide.create_account()
    today = make_today("actuel.page@exemple.fr", "Camille", "Durand")
    today.create_account()
    shows_step(page, "actuel.page@exemple.fr", "portail_compte_cree")
    expect(row(page, "guide.page@exemple.fr").locator("td.path")).to_have_text("Parcours du guide")
    today_row = row(page, "actuel.page@exemple.fr")
    expect(today_row.locator("td.path")).to_have_text("Portail actuel")
    expect(today_row).to_contain_text("Compte créé")
    expect(today_row.locator('button[data-action="resetTotp"]')).to_have_count(0)
    today.secure()
    shows_step(page, "actuel.page@exemple.fr", "portail_double_facteur")
    expect(today_row).to_contain_text("Double authentification configurée")
    expect(today_row.locator(".steps li.reached")).to_have_count(3)
    expect(today_row.locator(".steps li")).to_have_count(5)

    confirm(page, "actuel.page@exemple.fr", "resetTotp")
    shows_step(page, "actuel.page@exemple.fr", "portail_active")
    expect(page.locator("#log")).to_contain_text("Double authentification de ac…@exemple.fr")
    assert today.log_in().attendu.value == "CODE_COURRIEL"  # a new app is enrolled next


def test_without_the_token_the_page_and_every_action_answer_403(
    browser: Browser, room_server: SandboxServer, page: Page
) -> None:
    stranger = browser.new_context()
    try:
        visit = stranger.new_page()
        response = visit.goto(f"{room_server.base_url}/salle")
        assert response is not None and response.status == 403
        expect(visit.locator("#room")).to_have_count(0)  # the sign-in form only
        visit.locator("#jeton").fill("essai")
        with visit.expect_navigation():
            visit.locator("button[type=submit]").click()
        expect(visit.locator(".wrong")).to_be_visible()
        expect(visit.locator("#room")).to_have_count(0)
        wrong = visit.goto(f"{room_server.base_url}/salle?jeton=essai")
        assert wrong is not None and wrong.status == 403
        for method, path, body in ACTIONS:
            answer = stranger.request.fetch(
                f"{room_server.base_url}{path}",
                method=method,
                data=json.dumps(body) if body is not None else None,
                headers={"Content-Type": "application/json"},
            )
            assert answer.status == 403, (method, path)
            assert answer.json()["codeRetour"] == 30
    finally:
        stranger.close()
    # The trainer's own browser holds the cookie; an action still needs the header.
    for method, path, body in ACTIONS:
        answer = page.request.fetch(
            f"{room_server.base_url}{path}",
            method=method,
            data=json.dumps(body) if body is not None else None,
        )
        assert answer.status == 403, (method, path)


def test_the_page_speaks_english_on_request(
    browser: Browser, room_server: SandboxServer, room: RoomConfig, make_trainee: MakeTrainee
) -> None:
    context = browser.new_context(locale="en-GB")
    try:
        english = context.new_page()
        english.goto(f"{room_server.base_url}/salle?jeton={room.token}&lang=en")
        expect(english.locator("html")).to_have_attribute("lang", "en")
        expect(english.locator("#room-head")).to_contain_text("Last activity")
        make_trainee("english@exemple.fr", "91827364000014").create_account()
        expect(english.locator("#room-body")).to_contain_text("Account created")
    finally:
        context.close()


def test_a_phone_gets_one_card_per_trainee(
    browser: Browser, room_server: SandboxServer, room: RoomConfig, make_trainee: MakeTrainee
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        phone = context.new_page()
        phone.goto(f"{room_server.base_url}/salle?jeton={room.token}")
        make_trainee("mobile@exemple.fr", "91827364000014").create_account()
        card = phone.locator('#room-body tr[data-email="mobile@exemple.fr"]')
        expect(card).to_be_visible()
        expect(phone.locator("thead")).to_be_hidden()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the screen: no sideways scrolling
    finally:
        context.close()
