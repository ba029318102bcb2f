"""ChorusSignupService's signup calls, on recorded shapes of the sandbox's answers: the typed
exceptions its refusals become, the bodies it sends, the mails it reads back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from chorus_wizard.backend.errors import (
    ActivationExpired,
    ActivationLocked,
    AlreadyRegistered,
    FieldRefused,
    InvalidActivationCode,
    ProtocolError,
)
from chorus_wizard.backend.models import AccountCreated
from chorus_wizard.backend.profiles import sandbox_profile
from chorus_wizard.backend.service import ChorusSignupService
from chorus_wizard.contracts.record import Signup


def service(status: int, body: dict[str, object]) -> ChorusSignupService:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    return ChorusSignupService(sandbox_profile("http://sandbox.test"), client=client)


def test_resend_gives_the_new_link_limit() -> None:
    resent = service(
        200,
        {
            "codeRetour": 0,
            "libelle": "Un nouveau courriel d'activation vient d'y être envoyé.",
            "activationValideJusqua": "2026-03-02T14:42:00Z",
        },
    ).resend_activation("marie@exemple.fr")
    assert resent.message.startswith("Un nouveau courriel")
    assert resent.valid_until == datetime(2026, 3, 2, 14, 42, tzinfo=UTC)


def test_account_status_gives_the_link_limit() -> None:
    status = service(
        200,
        {
            "codeRetour": 0,
            "libelle": "OK",
            "idCompte": 1,
            "statut": "EN_ATTENTE_ACTIVATION",
            "activationValideJusqua": "2026-03-02T14:42:00Z",
        },
    ).account_status(AccountCreated(1, 2, "jeton", ""))
    assert status.activation_valid_until == datetime(2026, 3, 2, 14, 42, tzinfo=UTC)


@pytest.mark.parametrize("value", [None, "demain", "2026-03-02T14:42:00"])
def test_resend_without_a_usable_limit(value: str | None) -> None:
    body: dict[str, object] = {"codeRetour": 0, "libelle": "OK"}
    if value is not None:
        body["activationValideJusqua"] = value  # absent, unreadable, or without a time zone
    assert service(200, body).resend_activation("marie@exemple.fr").valid_until is None


def test_locked_activation_says_until_when() -> None:
    body = {
        "codeRetour": 24,
        "libelle": "Trop de tentatives infructueuses.",
        "verrouilleJusqua": "2026-03-02T14:42:00Z",
    }
    with pytest.raises(ActivationLocked) as caught:
        service(423, body).activate("marie@exemple.fr", "code", "Girafe-Bleue-2026", 1, "Rex")
    assert caught.value.until == datetime(2026, 3, 2, 14, 42, tzinfo=UTC)


def test_expired_activation() -> None:
    body = {"codeRetour": 21, "libelle": "Ce lien d'activation a expiré."}
    with pytest.raises(ActivationExpired) as caught:
        service(410, body).activate("marie@exemple.fr", "code", "Girafe-Bleue-2026", 1, "Rex")
    assert not isinstance(caught.value, ActivationLocked)


# Refusals become typed exceptions naming the record's field ------------------------------


def _request() -> Signup:
    return Signup(
        email="marie@exemple.fr", nom="Curie", prenom="Marie", identifier="13002526500013"
    )


@pytest.mark.parametrize(
    ("champ", "field"),
    [
        ("structure.raisonSociale", "raison_sociale"),
        ("structure.codePostal", "code_postal"),
        ("structure.codePays", "code_pays"),
        ("nom", "nom"),
        ("email", "email"),
    ],
)
def test_a_refused_field_is_named_by_the_records_field(champ: str, field: str) -> None:
    body = {"codeRetour": 4, "libelle": "Le champ est obligatoire.", "champ": champ}
    with pytest.raises(FieldRefused) as caught:
        service(400, body).create_account(_request(), "cle")
    assert caught.value.field == field
    assert str(caught.value) == "Le champ est obligatoire."


def test_a_registered_structure_is_already_registered() -> None:
    body = {"codeRetour": 10, "libelle": "Déjà inscrite.", "idStructureCPP": 7}
    with pytest.raises(AlreadyRegistered):
        service(409, body).create_account(_request(), "cle")


def test_activation_refusals_are_typed() -> None:
    weak = {"codeRetour": 22, "libelle": "Trop faible.", "champ": "motDePasse"}
    with pytest.raises(FieldRefused) as caught:
        service(400, weak).activate("marie@exemple.fr", "c", "x", 1, "Rex")
    assert caught.value.field == "password"
    wrong = {"codeRetour": 20, "libelle": "Ce code d'activation n'est pas valable."}
    with pytest.raises(InvalidActivationCode):
        service(400, wrong).activate("marie@exemple.fr", "c", "Girafe-Bleue-2026", 1, "Rex")


def test_an_answer_off_the_contract_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError):
        service(201, {"codeRetour": 0, "libelle": "OK"}).create_account(_request(), "cle")


def test_the_request_body_is_the_contracts() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            201,
            json={"idCompte": 1, "idStructureCPP": 2, "jetonInscription": "j", "libelle": "OK"},
        )

    client = httpx.Client(transport=httpx.MockTransport(handler))
    signup = ChorusSignupService(sandbox_profile("http://sandbox.test"), client=client)
    created = signup.create_account(_request(), "cle-1")
    assert (created.account_id, created.structure_id) == (1, 2)
    [request] = seen
    assert request.url == "http://sandbox.test/sandbox/v1/comptes"
    assert request.headers["Idempotency-Key"] == "cle-1"
    body = json.loads(request.content)
    assert (body["nom"], body["prenom"]) == ("Curie", "Marie")
    assert body["structure"]["identifiantStructure"] == "13002526500013"
    assert body["fonctionnalites"] == {"deposerDemandesPaiement": True, "dume": False}


def test_received_mails_are_read_over_http() -> None:
    seen: list[httpx.Request] = []
    mail = {
        "expediteur": "Chorus Pro (bac à sable) <ne-pas-repondre@sandbox.chorus-wizard.invalid>",
        "destinataire": "Marie Curie <marie@exemple.fr>",
        "objet": "Activez votre compte Chorus Pro",
        "date": "Wed, 02 Dec 2026 18:00:00 +0000",
        "texte": "Bonjour Marie Curie,",
    }

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"codeRetour": 0, "libelle": "OK", "courriels": [mail]})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    signup = ChorusSignupService(sandbox_profile("http://sandbox.test"), client=client)
    [received] = signup.received_mails("marie@exemple.fr")
    assert received.subject == "Activez votre compte Chorus Pro"
    assert received.sender.startswith("Chorus Pro (bac à sable)")
    assert received.text == "Bonjour Marie Curie,"
    assert received.date == "Wed, 02 Dec 2026 18:00:00 +0000"
    [request] = seen
    assert request.url.path == "/sandbox/v1/courriels"
    assert request.url.params["email"] == "marie@exemple.fr"
