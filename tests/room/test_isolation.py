"""Two trainees at two machines (127.0.0.2 and 127.0.0.3): neither can read, activate, void or
paint the other's signup; the trainer still reads every mail."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from chorus_wizard.contracts.room import TOKEN_HEADER
from chorus_wizard.contracts.signup import JETON_HEADER
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import Scenario, Situation
from chorus_wizard.sandbox.server import SandboxServer
from tests.room.conftest import sirets
from tests.sandbox.helpers import account_body, activation_body, activation_codes

ALICE = "alice.durand@exemple.fr"
BOB = "bob.leroy@exemple.fr"
COURRIELS = "/sandbox/v1/courriels"


def machine(server: SandboxServer, address: str) -> httpx.Client:
    """A client whose requests leave from ``address`` (a trainee's own machine)."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=server.base_url, transport=transport, timeout=20)


@pytest.fixture
def two(room_server: SandboxServer) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    with machine(room_server, "127.0.0.2") as a, machine(room_server, "127.0.0.3") as b:
        yield a, b


def create(client: httpx.Client, siret: str, address: str) -> str:
    response = client.post("/sandbox/v1/comptes", json=account_body(siret, address))
    assert response.status_code == 201, response.text
    return str(response.json()["jetonInscription"])


def row(trainer: httpx.Client, address: str) -> dict[str, Any]:
    rows = trainer.get("/salle/v1/etat").json()["stagiaires"]
    [found] = [r for r in rows if r["email"] == address]
    return dict(found)


def test_a_trainee_reads_only_their_own_mail(
    two: tuple[httpx.Client, httpx.Client],
    scenario: Scenario,
    room_server: SandboxServer,
    room: RoomConfig,
) -> None:
    alice, bob = two
    siret_a, siret_b = sirets(scenario, Situation.CREATION)[:2]
    alice_token = create(alice, siret_a, ALICE)
    bob_token = create(bob, siret_b, BOB)

    # Bob, with no token or with his own, cannot read Alice's activation code.
    for headers in ({}, {JETON_HEADER: bob_token}, {JETON_HEADER: "x" * 32}):
        refused = bob.get(COURRIELS, params={"email": ALICE}, headers=headers)
        assert refused.status_code == 403, refused.text
        assert refused.json()["codeRetour"] == 30
        assert "courriels" not in refused.json()
    # Alice, with her token, reads it; so does the trainer with the room's.
    [code] = activation_codes(room_server, ALICE)
    own = alice.get(COURRIELS, params={"email": ALICE}, headers={JETON_HEADER: alice_token})
    assert own.status_code == 200, own.text
    assert code in own.json()["courriels"][0]["texte"]
    trainer = bob.get(COURRIELS, params={"email": ALICE}, headers={TOKEN_HEADER: room.token})
    assert trainer.status_code == 200
    assert code in trainer.json()["courriels"][0]["texte"]


def test_a_trainee_cannot_void_nor_paint_another_signup(
    two: tuple[httpx.Client, httpx.Client],
    scenario: Scenario,
    room_server: SandboxServer,
    trainer: httpx.Client,
) -> None:
    alice, bob = two
    siret_a, siret_b = sirets(scenario, Situation.CREATION)[:2]
    create(alice, siret_a, ALICE)
    [code] = activation_codes(room_server, ALICE)

    # Bob asks for Alice's mail again, guesses codes until he is locked, tries her address.
    assert bob.post("/sandbox/v1/activation/renvoyer", json={"email": ALICE}).status_code == 200
    for _ in range(5):
        guess = bob.post("/sandbox/v1/activation", json=activation_body(ALICE, "devine"))
        assert guess.status_code in (400, 423, 429)
    clash = bob.post("/sandbox/v1/comptes", json=account_body(siret_b, ALICE))
    assert clash.status_code == 409

    shown = row(trainer, ALICE)
    assert shown["verrouilleJusqua"] is None
    assert shown["echecs"] == 0
    assert shown["refus"] == ""
    # Alice's first code still opens her account, with her password.
    activated = alice.post("/sandbox/v1/activation", json=activation_body(ALICE, code))
    assert activated.status_code == 200, activated.text
    assert row(trainer, ALICE)["etape"] == "active"


def test_the_owner_resend_voids_the_earlier_code(
    two: tuple[httpx.Client, httpx.Client], scenario: Scenario, room_server: SandboxServer
) -> None:
    alice, laptop = two  # the token, from another machine of the same trainee
    token = create(alice, sirets(scenario, Situation.CREATION)[0], ALICE)
    [first] = activation_codes(room_server, ALICE)
    resent = laptop.post(
        "/sandbox/v1/activation/renvoyer", json={"email": ALICE}, headers={JETON_HEADER: token}
    )
    assert resent.status_code == 200
    voided = alice.post("/sandbox/v1/activation", json=activation_body(ALICE, first))
    assert voided.status_code == 400
    [newest] = activation_codes(room_server, ALICE) - {first}
    assert (
        alice.post("/sandbox/v1/activation", json=activation_body(ALICE, newest)).status_code == 200
    )
