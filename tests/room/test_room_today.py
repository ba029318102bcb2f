"""The training room and today's path (« parcours du portail actuel »), over HTTP: each trainee's
path and step on the trainer's state, the reset of a trainee's second factor (a trainer's action,
refused to a trainee whatever token they hold), and the resets of a trainee and of the room."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from chorus_wizard.backend.errors import BackendError
from chorus_wizard.contracts import portal
from chorus_wizard.contracts.portal import Expected
from chorus_wizard.contracts.record import Signup
from chorus_wizard.contracts.room import TOKEN_HEADER
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.sandbox.room.scenario import Scenario, Situation
from chorus_wizard.sandbox.server import SandboxServer
from tests.room.conftest import sirets
from tests.room.test_room_api import assert_refused, row_of, state
from tests.room.trainee import TodayTrainee, Trainee

MakeToday = Callable[..., TodayTrainee]
RESET_TOTP = "/salle/v1/reinitialiser-double-facteur"


def wrong_code(right: str) -> str:
    return f"{(int(right) + 500_000) % 1_000_000:06d}"


def test_the_room_shows_each_trainees_path_and_step(
    trainer: httpx.Client,
    make_trainee: Callable[..., Trainee],
    make_today: MakeToday,
    scenario: Scenario,
) -> None:
    creation = sirets(scenario, Situation.CREATION)
    guide = make_trainee("guide@exemple.fr", creation[0], "Léa", "Petit")
    guide.create_account()
    today = make_today("actuel@exemple.fr", "Camille", "Durand")
    today.create_account()

    row = row_of(trainer, "actuel@exemple.fr")
    assert row["parcours"] == "portail-actuel"
    assert row["cle"].startswith("portail:")
    assert row["etape"] == "portail_compte_cree"
    assert row["nom"] == "Camille Durand"
    # today's portal asks for the structure only once logged in
    assert (row["raisonSociale"], row["identifiant"]) == ("", "")
    assert [m["genre"] for m in row["courriels"]] == ["activation"]
    assert row["doubleFacteur"] is False
    assert row_of(trainer, "guide@exemple.fr")["parcours"] == "guide"
    assert row_of(trainer, "guide@exemple.fr")["etape"] == "compte_cree"
    # Once logged in, today's structure page looks its SIRET up in the directory: the machine
    # is that trainee's, whose row stays the only one (no « identified » row beside it).
    make_trainee("actuel@exemple.fr", creation[1]).identify()
    assert len(state(trainer)["stagiaires"]) == 2

    today.activate()
    assert row_of(trainer, "actuel@exemple.fr")["etape"] == "portail_active"
    assert today.log_in().attendu is Expected.MAIL_CODE
    row = row_of(trainer, "actuel@exemple.fr")
    assert row["etape"] == "portail_code_courriel"
    assert [m["genre"] for m in row["courriels"]] == ["activation", "code"]
    today.send_mail_code()
    assert row_of(trainer, "actuel@exemple.fr")["etape"] == "portail_enrolement"
    today.send_app_code()
    row = row_of(trainer, "actuel@exemple.fr")
    assert row["etape"] == "portail_double_facteur"
    assert row["doubleFacteur"] is True

    today.create_structure(creation[1], "ATELIER DU PORTAIL (FICTIF)")
    row = row_of(trainer, "actuel@exemple.fr")
    assert row["etape"] == "portail_structure"
    assert row["raisonSociale"] == "ATELIER DU PORTAIL (FICTIF)"
    assert row["typeIdentifiant"] == "SIRET"
    assert row["identifiant"].replace(" ", "") == creation[1]
    today.api.workspaces(["FACTURES_EMISES"])
    assert row_of(trainer, "actuel@exemple.fr")["etape"] == "portail_espaces"
    # one row each: the structure's identifier does not show a second, « identified » row
    assert sorted(r["email"] for r in state(trainer)["stagiaires"]) == [
        "actuel@exemple.fr",
        "guide@exemple.fr",
    ]


def test_a_join_request_is_said_as_such(
    trainer: httpx.Client, make_today: MakeToday, scenario: Scenario
) -> None:
    registered = sirets(scenario, Situation.ALREADY_REGISTERED)[0]
    today = make_today("rejoint@exemple.fr")
    today.create_account()
    today.secure()
    with pytest.raises(BackendError, match="existe déjà"):
        today.create_structure(registered, "ROUSSEL")  # it exists: the portal says so
    joined = today.api.structure(
        Signup(identifier_type=IdentifierType.SIRET, identifier=registered), join=True
    )
    assert joined.resultat is portal.StructureOutcome.JOIN_REQUESTED
    row = row_of(trainer, "rejoint@exemple.fr")
    assert row["etape"] == "portail_rattachement"
    assert row["raisonSociale"] == "ATELIER MÉTALLERIE ROUSSEL (FICTIVE)"


def test_the_trainer_resets_a_second_factor(trainer: httpx.Client, make_today: MakeToday) -> None:
    today = make_today("telephone.perdu@exemple.fr")
    today.create_account()
    today.secure()
    first = today.authenticator
    assert first is not None
    # The phone is lost: five wrong codes at the next login lock the account for an hour.
    assert today.log_in().attendu is Expected.TOTP
    for _ in range(5):
        with pytest.raises(BackendError):
            today.send_app_code(wrong_code(first.now()))
    locked = row_of(trainer, "telephone.perdu@exemple.fr")
    assert locked["verrouilleJusqua"] is not None

    answer = trainer.post(RESET_TOTP, json={"email": "telephone.perdu@exemple.fr"})
    assert answer.status_code == 200, answer.text
    row = row_of(trainer, "telephone.perdu@exemple.fr")
    assert row["verrouilleJusqua"] is None and row["echecs"] == 0
    assert row["doubleFacteur"] is False
    assert row["etape"] == "portail_active"
    log = [entry["texte"] for entry in state(trainer)["journal"]]
    assert log[0].startswith("Double authentification de te…@exemple.fr réinitialisée")

    # The next login asks a code by mail again, then enrols a new app (a new secret).
    assert today.log_in().attendu is Expected.MAIL_CODE
    today.send_mail_code()
    assert today.authenticator is not None and today.authenticator.secret != first.secret
    assert today.send_app_code().attendu is Expected.NONE
    assert row_of(trainer, "telephone.perdu@exemple.fr")["doubleFacteur"] is True

    unknown = trainer.post(RESET_TOTP, json={"email": "personne@exemple.fr"})
    assert unknown.status_code == 404
    assert trainer.post(RESET_TOTP, json={}).status_code == 404


def test_a_trainee_cannot_reset_a_second_factor(
    room_server: SandboxServer, trainer: httpx.Client, make_today: MakeToday
) -> None:
    """Whatever a trainee holds (their session, their login ticket, a guess) is not the room's
    token: the reset is refused and nothing changes."""
    victim = make_today("victime@exemple.fr")
    victim.create_account()
    victim.secure()
    intruder = make_today("curieux@exemple.fr")
    intruder.create_account()
    intruder.secure()
    session = intruder.api.session_token
    assert session
    ticket = intruder.log_in().jetonConnexion or ""
    body = {"email": "victime@exemple.fr"}
    with httpx.Client(base_url=room_server.base_url) as http:
        for headers in (
            {},
            {portal.SESSION_HEADER: session},
            {TOKEN_HEADER: session},
            {TOKEN_HEADER: ticket},
            {TOKEN_HEADER: session, portal.SESSION_HEADER: session},
        ):
            assert_refused(http.post(RESET_TOTP, json=body, headers=headers))
        # the page's sign-in form does not take a trainee's token either
        assert http.post("/salle", data={"jeton": session}).status_code == 403
    assert row_of(trainer, "victime@exemple.fr")["doubleFacteur"] is True


def test_the_trainer_resets_a_trainee_of_todays_path(
    room_server: SandboxServer,
    trainer: httpx.Client,
    make_today: MakeToday,
    scenario: Scenario,
) -> None:
    siret = sirets(scenario, Situation.CREATION)[2]
    today = make_today("rejoue.portail@exemple.fr")
    today.create_account()
    today.secure()
    today.create_structure(siret, "REJOUE (FICTIF)")
    key = row_of(trainer, "rejoue.portail@exemple.fr")["cle"]

    assert trainer.post("/salle/v1/reinitialiser-stagiaire", json={"cle": key}).is_success
    assert state(trainer)["stagiaires"] == []
    again = trainer.post("/salle/v1/reinitialiser-stagiaire", json={"cle": key})
    assert again.status_code == 404
    # the address and the structure are free again: the exercise is replayed
    replay = make_today("rejoue.portail@exemple.fr")
    replay.create_account()
    assert [m["genre"] for m in row_of(trainer, "rejoue.portail@exemple.fr")["courriels"]] == [
        "activation"
    ]
    replay.secure()
    assert replay.create_structure(siret, "REJOUE (FICTIF)").resultat.value == "CREEE"


def test_reset_the_room_with_trainees_of_both_paths(
    trainer: httpx.Client,
    make_trainee: Callable[..., Trainee],
    make_today: MakeToday,
    scenario: Scenario,
) -> None:
    creation = sirets(scenario, Situation.CREATION)
    make_trainee("guide.salle@exemple.fr", creation[0]).create_account()
    today = make_today("actuel.salle@exemple.fr")
    today.create_account()
    today.secure()
    today.create_structure(creation[1], "SALLE (FICTIF)")
    assert len(state(trainer)["stagiaires"]) == 2

    answer = trainer.post("/salle/v1/reinitialiser-salle")
    assert answer.status_code == 200, answer.text
    assert state(trainer)["stagiaires"] == []
    again = make_today("actuel.salle@exemple.fr")
    again.create_account()
    again.secure()
    assert again.create_structure(creation[1], "SALLE (FICTIF)").resultat.value == "CREEE"
