"""Screenshot of the trainer's page with ten trainees at different steps, for the docs.

Starts a training room on loopback with the full shipped scenario, drives ten simulated
trainees (the wizard's own HTTP clients) to different steps, eight on the guide's path and two
on today's portal, opens the page in the system's headless Chromium and writes
``docs/screenshots/salle-de-formation.png``.

Usage: ``uv run python scripts/room_screenshot.py [--out PATH] [--width 1600]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chorus_wizard.contracts.room import ROOM_PATH, TOKEN_QUERY  # noqa: E402
from chorus_wizard.resources import resource_path  # noqa: E402
from chorus_wizard.sandbox.room.config import RoomConfig  # noqa: E402
from chorus_wizard.sandbox.room.scenario import Situation, load_scenario  # noqa: E402
from chorus_wizard.sandbox.server import SandboxServer  # noqa: E402
from tests.room.browser import chromium  # noqa: E402
from tests.room.trainee import TodayTrainee, Trainee  # noqa: E402

PEOPLE = [
    ("Léa", "Petit"),
    ("Karim", "Benali"),
    ("Sophie", "Garnier"),
    ("Thomas", "Nguyen"),
    ("Amélie", "Fontaine"),
    ("Claire", "Moreau"),
    ("Nadia", "Haddad"),
    ("Paul", "Lemoine"),
    ("Inès", "Girard"),
    ("Hugo", "Marchand"),
]


def populate(server: SandboxServer, room: RoomConfig) -> None:
    """Eight trainees on the guide's path: identified, created, workspaces, two activated,
    locked, two failures, attachment requested; two on today's portal."""
    assert room.scenario is not None
    by_situation: dict[Situation, list[str]] = {}
    for company in room.scenario.companies:
        by_situation.setdefault(company.situation, []).append(company.identifier)
    creation = by_situation[Situation.CREATION]
    mail_dir = server.data_dir / "sandbox" / "mail"

    def trainee(index: int, siret: str) -> Trainee:
        first, last = PEOPLE[index]
        address = f"{first.lower().replace('é', 'e')}.{last.lower()}@exemple.fr"
        return Trainee(server.base_url, mail_dir, address, siret, first, last)

    made = [
        trainee(0, creation[0]),
        trainee(1, creation[1]),
        trainee(2, creation[2]),
        trainee(3, creation[3]),
        trainee(4, creation[4]),
        trainee(5, by_situation[Situation.PARTIALLY_DIFFUSIBLE][0]),
        trainee(6, by_situation[Situation.ALREADY_REGISTERED][0]),
        trainee(7, by_situation[Situation.CLOSED][0]),
    ]
    try:
        activated, workspaces, created, locked, failing, hidden, attach, closed = made
        for person in (activated, workspaces, created, locked, failing, hidden):
            person.identify()
            person.create_account()
            time.sleep(1.1)  # one second apart: distinct times on the page
        for person in (activated, workspaces, failing, hidden):
            person.choose_workspaces()
        # One machine plays every trainee here: the sandbox slows down a source after five
        # wrong codes (a right one clears it), so the two failures come before the lock.
        failing.fail_activation(2)
        activated.activate()
        hidden.activate()
        locked.fail_activation(5)
        attach.identify()
        attach.request_attachment()
        closed.identify()
    finally:
        for person in made:
            person.close()
    # Today's portal: one with the second factor set up, one through to the workspaces.
    today: list[TodayTrainee] = []
    for index in (8, 9):
        first, last = PEOPLE[index]
        address = f"{first.lower().replace('è', 'e')}.{last.lower()}@exemple.fr"
        today.append(TodayTrainee(server.base_url, mail_dir, address, first, last))
    try:
        for learner in today:
            learner.create_account()
            time.sleep(1.1)
            learner.secure()
        finished = today[1]
        finished.create_structure("13002526500013", "DIRECTION INTERMINISTERIELLE DU NUMERIQUE")
        finished.api.workspaces(["FACTURES_EMISES", "FACTURES_RECUES"])
    finally:
        for learner in today:
            learner.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots" / "salle-de-formation.png"
    )
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1900)
    parser.add_argument("--full-page", action="store_true", help="the whole page, cards included")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    args = parser.parse_args(argv)
    room = RoomConfig(scenario=load_scenario(resource_path("scenarios", "session-complete.toml")))
    with tempfile.TemporaryDirectory(prefix="chorus-room-") as folder:
        server = SandboxServer(Path(folder), room=room)
        server.start()
        try:
            server.wait_ready(30)
            populate(server, room)
            with chromium() as browser:
                page = browser.new_page(
                    viewport={"width": args.width, "height": args.height}, locale="fr-FR"
                )
                lang = "&lang=en" if args.lang == "en" else ""
                page.goto(f"{server.base_url}{ROOM_PATH}?{TOKEN_QUERY}={room.token}{lang}")
                page.wait_for_selector("#room-body tr:nth-child(10)")
                page.locator("button[data-action=resend]").first.click()
                page.locator("#confirm-ok").click()
                page.wait_for_selector("#log li time")
                page.wait_for_timeout(300)
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out), full_page=args.full_page)
        finally:
            server.stop()
    print(f"Capture écrite : {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
