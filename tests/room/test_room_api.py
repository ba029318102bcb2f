"""The training room over HTTP: the token guards every route, the state follows the trainees,
and each of the trainer's actions takes effect on the sandbox the trainees use."""

from __future__ import annotations

import base64
import mailbox
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from chorus_wizard.backend.errors import ActivationError, AlreadyRegistered, Rejected
from chorus_wizard.contracts.room import HEALTH_ROOM_KEY, TOKEN_HEADER
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.journal import MAX_NOTES, RoomJournal
from chorus_wizard.sandbox.room.mails import delivery_time
from chorus_wizard.sandbox.room.scenario import Scenario, Situation
from chorus_wizard.sandbox.server import SandboxServer
from tests.room.conftest import sirets
from tests.room.trainee import Trainee, latest_activation_code

MakeTrainee = Callable[..., Trainee]

ACTIONS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/salle/v1/etat", None),
    ("POST", "/salle/v1/renvoyer", {"email": "a@exemple.fr"}),
    ("POST", "/salle/v1/courriel", {"email": "a@exemple.fr"}),
    ("POST", "/salle/v1/debloquer", {"email": "a@exemple.fr"}),
    ("POST", "/salle/v1/reinitialiser-double-facteur", {"email": "a@exemple.fr"}),
    ("POST", "/salle/v1/reinitialiser-stagiaire", {"cle": "compte:500001"}),
    ("POST", "/salle/v1/reinitialiser-salle", {}),
    ("POST", "/salle/v1/rattachements/1/accepter", {}),
    ("POST", "/salle/v1/rattachements/1/refuser", {}),
    # A body that would not even be valid: the token is checked before anything else.
    ("POST", "/salle/v1/renvoyer", None),
]


def state(trainer: httpx.Client) -> dict[str, Any]:
    response = trainer.get("/salle/v1/etat")
    assert response.status_code == 200, response.text
    return dict(response.json())


def row_of(trainer: httpx.Client, email: str) -> dict[str, Any]:
    rows = [r for r in state(trainer)["stagiaires"] if r["email"] == email]
    assert len(rows) == 1, rows
    return dict(rows[0])


def assert_sign_in(response: httpx.Response) -> None:
    """The page asking for the token: 403, a form posted to /salle, nothing of the room."""
    assert response.status_code == 403, response.text
    assert '<form method="post" action="/salle">' in response.text
    assert 'type="password"' in response.text
    assert "form-action 'self'" in response.headers["content-security-policy"]
    assert "room-body" not in response.text


def assert_refused(response: httpx.Response) -> None:
    assert response.status_code == 403, response.text
    body = response.json()
    assert body["codeRetour"] == 30
    assert "réservée au formateur" in body["libelle"]


def test_health_names_the_room(room_server: SandboxServer, scenario: Scenario) -> None:
    answer = httpx.get(f"{room_server.base_url}/sandbox/v1/sante").json()
    assert answer == {"codeRetour": 0, "libelle": "OK", HEALTH_ROOM_KEY: scenario.title}


def test_a_sandbox_that_is_no_room_serves_no_trainer_page(tmp_path: Any) -> None:
    with SandboxServer(tmp_path / "plain") as server:
        server.wait_ready(30)
        assert HEALTH_ROOM_KEY not in httpx.get(f"{server.base_url}/sandbox/v1/sante").json()
        assert httpx.get(f"{server.base_url}/salle").status_code == 404
        assert httpx.get(f"{server.base_url}/salle/v1/etat").status_code == 404


def test_the_token_carries_at_least_128_random_bits() -> None:
    tokens = {RoomConfig().token for _ in range(50)}
    assert len(tokens) == 50
    for token in tokens:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        assert len(raw) * 8 >= 128


@pytest.mark.parametrize(("method", "path", "body"), ACTIONS)
def test_every_route_refuses_a_caller_without_the_token(
    room_server: SandboxServer, room: RoomConfig, method: str, path: str, body: Any
) -> None:
    with httpx.Client(base_url=room_server.base_url) as anonymous:
        assert_refused(anonymous.request(method, path, json=body))
        wrong = {TOKEN_HEADER: room.token[:-1] + ("A" if room.token[-1] != "A" else "B")}
        assert_refused(anonymous.request(method, path, json=body, headers=wrong))
        # The page's cookie alone does not open the API: actions need the header.
        anonymous.cookies.set("jeton_salle", room.token, path="/salle")
        assert_refused(anonymous.request(method, path, json=body))


def test_the_page_needs_the_token_and_keeps_it_out_of_the_address_bar(
    room_server: SandboxServer, room: RoomConfig, scenario: Scenario
) -> None:
    with httpx.Client(base_url=room_server.base_url) as browser:
        for refused in (
            browser.get("/salle"),
            browser.get("/salle", params={"jeton": "deviné"}),
            browser.get("/salle", params={"jeton": ""}),
            browser.post("/salle", data={"jeton": "deviné"}),
            browser.post("/salle", content=b"[" * 1000),
        ):
            assert_sign_in(refused)
        assert "pas celui de la salle" in browser.post("/salle", data={"jeton": "x"}).text
        assert browser.get("/salle", params={"jeton": room.token}).status_code == 303  # scripts
        browser.cookies.clear()
        # The way a trainer comes in: the token in a form's body, never in an address.
        first = browser.post("/salle", data={"jeton": room.token})
        assert first.status_code == 303
        assert first.headers["location"] == "/salle"
        cookie = first.headers["set-cookie"]
        assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
        assert "path=/salle" in cookie.lower()
        page = browser.get("/salle")
        assert page.status_code == 200
        assert page.headers["cache-control"] == "no-store"
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert '<html lang="fr">' in page.text
        assert "Salle de formation" in page.text
        assert scenario.title in page.text
        english = browser.get("/salle", params={"lang": "en"})
        assert '<html lang="en">' in english.text
        assert "Training room" in english.text
        redirected = browser.get("/salle", params={"jeton": room.token, "lang": "en"})
        assert redirected.headers["location"] == "/salle?lang=en"


def test_the_page_shows_the_scenario_cards(
    room_server: SandboxServer, room: RoomConfig, scenario: Scenario
) -> None:
    with httpx.Client(base_url=room_server.base_url, follow_redirects=True) as browser:
        page = browser.get("/salle", params={"jeton": room.token}).text
    for company in scenario.companies:
        assert company.raison_sociale.replace("'", "&#x27;") in page
    assert page.count('<article class="card') == len(scenario.companies)
    assert "Établissement fermé" in page and "918 273 640 00014" in page


def test_a_trainee_without_the_token_cannot_reach_the_room(
    room_server: SandboxServer, make_trainee: MakeTrainee, scenario: Scenario
) -> None:
    trainee = make_trainee("curieux@exemple.fr", sirets(scenario, Situation.CREATION)[0])
    trainee.identify()
    # The wizard's own HTTP client, pointed at the room's routes, is turned away.
    http = httpx.Client(base_url=room_server.base_url)
    with http:
        assert_sign_in(http.get("/salle"))
        assert_refused(http.get("/salle/v1/etat"))
        assert_refused(http.post("/salle/v1/reinitialiser-salle", json={}))


def test_the_state_follows_each_step(
    trainer: httpx.Client, make_trainee: MakeTrainee, scenario: Scenario
) -> None:
    siret = sirets(scenario, Situation.CREATION)[0]
    trainee = make_trainee("lea.petit@exemple.fr", siret, "Léa", "Petit")
    assert state(trainer)["stagiaires"] == []

    trainee.identify()
    [identified] = state(trainer)["stagiaires"]
    assert identified["etape"] == "identifie"
    assert identified["identifiant"] == "918 273 640 00014"
    assert identified["raisonSociale"] == "BOULANGERIE DU PONT NEUF (FICTIVE)"
    assert identified["poste"] == "127.0.0.1"

    trainee.create_account()
    row = row_of(trainer, "lea.petit@exemple.fr")
    assert len(state(trainer)["stagiaires"]) == 1  # the identified row became the account's
    assert row["etape"] == "compte_cree"
    assert row["nom"] == "Léa Petit"
    assert row["raisonSociale"] == "BOULANGERIE DU PONT NEUF (FICTIVE)"
    assert [m["objet"] for m in row["courriels"]] == ["Activez votre compte Chorus Pro"]
    assert row["courriels"][0]["heure"].endswith("Z")
    assert row["echecs"] == 0 and row["verrouilleJusqua"] is None

    trainee.choose_workspaces()
    assert row_of(trainer, "lea.petit@exemple.fr")["etape"] == "espaces_choisis"

    # Creating the account a second time is refused: the trainer sees why, on her row.
    with pytest.raises(AlreadyRegistered):
        trainee.create_account()
    assert row_of(trainer, "lea.petit@exemple.fr")["refus"].startswith(
        "Cette structure est déjà inscrite"
    )

    trainee.fail_activation(2)
    assert row_of(trainer, "lea.petit@exemple.fr")["echecs"] == 2

    trainee.activate()
    row = row_of(trainer, "lea.petit@exemple.fr")
    assert row["etape"] == "active"
    assert row["echecs"] == 0  # a successful activation clears the count
    assert row["refus"] == ""  # and the next request with her address clears the refusal


def test_a_refused_creation_shows_why_on_the_identified_row(
    trainer: httpx.Client, make_trainee: MakeTrainee, scenario: Scenario
) -> None:
    closed = sirets(scenario, Situation.CLOSED)[0]
    trainee = make_trainee("bloque@exemple.fr", closed)
    lookup = trainee.identify()
    assert lookup.company is not None and not lookup.company.active
    with pytest.raises(Rejected):
        trainee.create_account()
    [row] = state(trainer)["stagiaires"]
    assert row["etape"] == "identifie"
    assert row["refus"].startswith("Établissement fermé")


def test_the_trainer_lifts_a_lock(
    trainer: httpx.Client, make_trainee: MakeTrainee, scenario: Scenario
) -> None:
    trainee = make_trainee("verrou@exemple.fr", sirets(scenario, Situation.CREATION)[1])
    trainee.create_account()
    refusal = trainee.fail_activation(5)
    assert refusal.status == 423
    row = row_of(trainer, "verrou@exemple.fr")
    assert row["verrouilleJusqua"] is not None
    with pytest.raises(ActivationError):
        trainee.activate()  # the right code is refused while locked

    answer = trainer.post("/salle/v1/debloquer", json={"email": "verrou@exemple.fr"})
    assert answer.status_code == 200, answer.text
    assert row_of(trainer, "verrou@exemple.fr")["verrouilleJusqua"] is None
    trainee.activate()
    assert row_of(trainer, "verrou@exemple.fr")["etape"] == "active"
    log = [entry["texte"] for entry in state(trainer)["journal"]]
    assert log == ["Activation de ve…@exemple.fr débloquée (tentatives remises à zéro)."]
    again = trainer.post("/salle/v1/debloquer", json={"email": "verrou@exemple.fr"})
    assert again.status_code == 404


def test_the_trainer_resets_a_trainee_who_replays_the_exercise(
    room_server: SandboxServer,
    trainer: httpx.Client,
    make_trainee: MakeTrainee,
    scenario: Scenario,
) -> None:
    siret = sirets(scenario, Situation.CREATION)[2]
    trainee = make_trainee("rejoue@exemple.fr", siret)
    neighbour = make_trainee("voisin@exemple.fr", sirets(scenario, Situation.CREATION)[3])
    trainee.create_account()
    neighbour.create_account()
    with pytest.raises(AlreadyRegistered):
        make_trainee("autre@exemple.fr", siret).create_account()

    key = row_of(trainer, "rejoue@exemple.fr")["cle"]
    answer = trainer.post("/salle/v1/reinitialiser-stagiaire", json={"cle": key})
    assert answer.status_code == 200, answer.text
    emails = [r["email"] for r in state(trainer)["stagiaires"]]
    assert emails == ["voisin@exemple.fr"]
    box = mailbox.Maildir(room_server.data_dir / "sandbox" / "mail", create=False)
    assert all("rejoue@" not in str(m["To"]) for m in box)

    replay = make_trainee("rejoue@exemple.fr", siret)
    replay.create_account()  # the structure and the e-mail are free again
    replay.activate()
    assert row_of(trainer, "rejoue@exemple.fr")["etape"] == "active"
    assert len(row_of(trainer, "rejoue@exemple.fr")["courriels"]) == 1


def test_resend_and_read_out_the_activation_mail(
    room_server: SandboxServer,
    trainer: httpx.Client,
    make_trainee: MakeTrainee,
    scenario: Scenario,
) -> None:
    trainee = make_trainee("courriel@exemple.fr", sirets(scenario, Situation.CREATION)[4])
    trainee.create_account()
    mail_dir = room_server.data_dir / "sandbox" / "mail"
    first = latest_activation_code(mail_dir, "courriel@exemple.fr")

    assert trainer.post("/salle/v1/renvoyer", json={"email": "courriel@exemple.fr"}).is_success
    assert len(row_of(trainer, "courriel@exemple.fr")["courriels"]) == 2

    shown = trainer.post("/salle/v1/courriel", json={"email": "courriel@exemple.fr"})
    assert shown.status_code == 200, shown.text
    text = shown.json()["texte"]
    assert first not in text  # the latest mail, whose code replaced the first one
    lines = text.splitlines()
    code = lines[next(i for i, line in enumerate(lines) if "coller ce code" in line) + 2].strip()
    trainee.service.activate("courriel@exemple.fr", code, "Tournesol-Vert-42", 1, "Médor")
    assert row_of(trainer, "courriel@exemple.fr")["etape"] == "active"
    log = [entry["texte"] for entry in state(trainer)["journal"]]
    assert log == [
        "Courriel d'activation de co…@exemple.fr affiché.",
        "Courriel d'activation renvoyé à co…@exemple.fr.",
    ]
    # No more mail to resend once the account is active.
    assert (
        trainer.post("/salle/v1/renvoyer", json={"email": "courriel@exemple.fr"}).status_code == 404
    )


@pytest.mark.parametrize(("decision", "word"), [("accepter", "acceptée"), ("refuser", "refusée")])
def test_the_trainer_settles_an_attachment_request(
    room_server: SandboxServer,
    trainer: httpx.Client,
    make_trainee: MakeTrainee,
    scenario: Scenario,
    decision: str,
    word: str,
) -> None:
    registered = sirets(scenario, Situation.ALREADY_REGISTERED)[0]
    trainee = make_trainee("rattache@exemple.fr", registered)
    lookup = trainee.identify()
    assert lookup.existing is not None  # the scenario's structure is already on Chorus Pro
    [identified] = state(trainer)["stagiaires"]
    assert identified["etape"] == "identifie"
    assert identified["raisonSociale"] == "ATELIER MÉTALLERIE ROUSSEL (FICTIVE)"
    sent = trainee.request_attachment()
    assert len(state(trainer)["stagiaires"]) == 1
    row = row_of(trainer, "rattache@exemple.fr")
    assert row["etape"] == "rattachement_demande"
    assert row["idDemande"] == sent.request_id
    assert state(trainer)["demandesEnAttente"] == 1

    answer = trainer.post(f"/salle/v1/rattachements/{sent.request_id}/{decision}")
    assert answer.status_code == 200, answer.text
    row = row_of(trainer, "rattache@exemple.fr")
    expected = "rattachement_accepte" if decision == "accepter" else "rattachement_refuse"
    assert row["etape"] == expected
    subjects = [m["objet"] for m in row["courriels"]]
    assert subjects[-1] == (
        f"Votre demande de rattachement à ATELIER MÉTALLERIE ROUSSEL (FICTIVE) est {word}"
    )
    assert state(trainer)["demandesEnAttente"] == 0
    again = trainer.post(f"/salle/v1/rattachements/{sent.request_id}/{decision}")
    assert again.status_code == 404  # settled once


def test_reset_the_room_keeps_the_registered_structures(
    trainer: httpx.Client, make_trainee: MakeTrainee, scenario: Scenario
) -> None:
    creation = sirets(scenario, Situation.CREATION)
    for index, siret in enumerate(creation[:3]):
        make_trainee(f"salle{index}@exemple.fr", siret).create_account()
    attach = make_trainee("demande@exemple.fr", sirets(scenario, Situation.ALREADY_REGISTERED)[0])
    attach.request_attachment()
    assert len(state(trainer)["stagiaires"]) == 4

    assert trainer.post("/salle/v1/reinitialiser-salle").status_code == 200
    after = state(trainer)
    assert after["stagiaires"] == []
    assert after["journal"][0]["texte"].startswith("Salle réinitialisée")
    for index, siret in enumerate(creation[:3]):
        make_trainee(f"salle{index}@exemple.fr", siret).create_account()
    # The registered structure is still there: a new request is possible.
    assert attach.request_attachment().request_id > 0
    assert len(state(trainer)["stagiaires"]) == 4


def test_mails_are_ordered_within_one_second() -> None:
    keys = ["1733140000.M99P7Q1.poste", "1733140000.M100000P7Q2.poste", "1733139999.M5P7Q9.x"]
    assert sorted(keys, key=delivery_time) == [keys[2], keys[0], keys[1]]
    assert delivery_time("illisible") == 0.0


def test_the_journal_forgets_its_oldest_notes_beyond_its_bound() -> None:
    journal = RoomJournal()
    for index in range(MAX_NOTES + 10):
        journal.seen(host="10.0.0.1", when=float(index + 1), email=f"n{index}@exemple.fr")
    assert journal.last_seen("n0@exemple.fr") == 0.0  # forgotten
    assert journal.last_seen("n9@exemple.fr") == 0.0
    assert journal.last_seen("n10@exemple.fr") == 11.0
    assert journal.last_seen(f"n{MAX_NOTES + 9}@exemple.fr") == float(MAX_NOTES + 10)
    journal.looked_up("10.0.0.2", "SIRET", "91827364000014", 5.0)
    assert set(journal.hosts()) == {"10.0.0.2"}  # a host without a lookup is not a row
