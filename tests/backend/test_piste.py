"""PISTE client: token caching and the mapping of Chorus Pro's error statuses."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

import httpx
import pytest

from chorus_wizard.backend.errors import AuthenticationError, RateLimited, Rejected
from chorus_wizard.backend.piste import PisteClient, parse_day
from chorus_wizard.backend.profiles import PisteCredentials

CREDS = PisteCredentials("cid", "csecret", "tech@x.fr", "techpw")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(handler: httpx.MockTransport, clock: FakeClock | None = None) -> PisteClient:
    return PisteClient(
        httpx.Client(transport=handler),
        "https://oauth.test/api/oauth/token",
        "https://api.test",
        CREDS,
        clock=clock or FakeClock(),
    )


def test_token_is_cached_and_renewed_before_expiry() -> None:
    tokens = []
    clock = FakeClock()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth/token":
            tokens.append(1)
            return httpx.Response(
                200,
                json={
                    "access_token": f"t{len(tokens)}",
                    "token_type": "Bearer",
                    "expires_in": 3600,
                },
            )
        assert request.headers["Authorization"] == f"Bearer t{len(tokens)}"
        pair = base64.b64decode(request.headers["cpro-account"]).decode()
        assert pair == "tech@x.fr:techpw"
        assert json.loads(request.content)["structure"]["identifiantStructure"] == "1"
        return httpx.Response(200, json={"codeRetour": 0, "libelle": "ok", "listeStructures": []})

    client = make(httpx.MockTransport(handler), clock)
    assert client.find_structure("SIRET", "1") is None
    clock.now += 3000
    client.find_structure("SIRET", "1")
    assert len(tokens) == 1
    clock.now += 400  # within 5 minutes of expiry: renew
    client.find_structure("SIRET", "1")
    assert len(tokens) == 2


def ok_token(request: httpx.Request) -> httpx.Response | None:
    if request.url.path == "/api/oauth/token":
        return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
    return None


@pytest.mark.parametrize(
    ("response", "error", "words"),
    [
        (
            httpx.Response(401, headers={"WWW-Authenticate": "Basic"}),
            AuthenticationError,
            "Compte technique refusé",
        ),
        (httpx.Response(403), AuthenticationError, "pas abonnée"),
        (
            httpx.Response(400, json={"codeRetour": 20001, "libelle": "Structure inconnue"}),
            Rejected,
            "Structure inconnue",
        ),
    ],
)
def test_business_errors(response: httpx.Response, error: type[Exception], words: str) -> None:
    client = make(httpx.MockTransport(lambda r: ok_token(r) or response))
    with pytest.raises(error, match=words):
        client.find_structure("SIRET", "1")


def test_bad_client_credentials() -> None:
    client = make(
        httpx.MockTransport(lambda r: httpx.Response(401, json={"error": "invalid_client"}))
    )
    with pytest.raises(AuthenticationError, match="Identifiants PISTE incorrects"):
        client.countries()


# -- the error mapping of domain.md §2, on recorded shapes -----------------------------


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_sleepy(handler: httpx.MockTransport, sleep: Sleeps) -> PisteClient:
    return PisteClient(
        httpx.Client(transport=handler),
        "https://oauth.test/api/oauth/token",
        "https://api.test",
        CREDS,
        clock=FakeClock(),
        sleep=sleep,
    )


def test_technical_account_refused_names_the_header_detail_and_no_secret() -> None:
    header = (
        'Basic realm="cpro-account", error="invalid_account", error_description="Compte bloque"'
    )
    response = httpx.Response(401, headers={"WWW-Authenticate": header})
    client = make(httpx.MockTransport(lambda r: ok_token(r) or response))
    with pytest.raises(AuthenticationError) as caught:
        client.find_structure("SIRET", "1")
    message = str(caught.value)
    assert "Compte technique refusé" in message
    assert "«\u00a0Compte bloque\u00a0»" in message
    assert "techpw" not in message and "csecret" not in message


def test_an_expired_token_is_renewed_once_then_the_call_goes_through() -> None:
    tokens: list[str] = []
    refused = {"done": False}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/oauth/token":
            tokens.append(f"t{len(tokens) + 1}")
            return httpx.Response(200, json={"access_token": tokens[-1], "expires_in": 3600})
        if not refused["done"]:
            refused["done"] = True
            return httpx.Response(401, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        assert request.headers["Authorization"] == "Bearer t2"
        return httpx.Response(200, json={"codeRetour": 0, "libelle": "ok", "listePays": []})

    assert make(httpx.MockTransport(handler)).countries() == []
    assert tokens == ["t1", "t2"]


def test_403_with_an_empty_body_means_not_subscribed_or_not_attached() -> None:
    client = make(httpx.MockTransport(lambda r: ok_token(r) or httpx.Response(403)))
    with pytest.raises(AuthenticationError, match="pas abonnée") as caught:
        client.attachments()
    assert "compte technique n'est pas rattaché" in str(caught.value)


def test_token_400_means_wrong_piste_identifiers() -> None:
    client = make(
        httpx.MockTransport(
            lambda r: httpx.Response(
                400, json={"error": "invalid_request", "error_description": "bad"}
            )
        )
    )
    with pytest.raises(AuthenticationError, match="Identifiants PISTE incorrects"):
        client.authenticate()


def test_a_short_429_is_waited_out_in_the_worker() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        if token := ok_token(request):
            return token
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "2"})
        return httpx.Response(200, json={"codeRetour": 0, "libelle": "ok", "listePays": []})

    sleeps = Sleeps()
    assert make_sleepy(httpx.MockTransport(handler), sleeps).countries() == []
    assert sleeps.calls == [2.0]
    assert len(calls) == 2


def test_a_long_429_is_reported_with_the_wait() -> None:
    sleeps = Sleeps()
    response = httpx.Response(429, headers={"Retry-After": "120"})
    client = make_sleepy(httpx.MockTransport(lambda r: ok_token(r) or response), sleeps)
    with pytest.raises(RateLimited, match="Réessayez dans environ 2 minutes") as caught:
        client.countries()
    assert caught.value.retry_after == 120
    assert sleeps.calls == []


def test_a_429_without_retry_after_is_retried_briefly_then_reported() -> None:
    sleeps = Sleeps()
    client = make_sleepy(httpx.MockTransport(lambda r: ok_token(r) or httpx.Response(429)), sleeps)
    with pytest.raises(RateLimited):
        client.countries()
    assert sleeps.calls == [1.0, 1.0]


def test_consult_structure_reads_address_and_password_expiry() -> None:
    body = {
        "codeRetour": 0,
        "libelle": "GCU_MSG_01_000",
        "informationGenerales": {
            "idStructureCPP": 26,
            "identifiantStructure": "55203253400703",
            "typeIdentifiantStructure": "SIRET",
            "raisonSocialeStructure": "DANONE",
            "libelleStructure": "DANONE",
            "dateExpirationMotPasseCompteTech": "2027-01-15",
        },
        "adressePostaleDuSiege": {
            "adresse": "59 RUE LA FAYETTE",
            "complementAdresse1": None,
            "codePostal": "75009",
            "ville": "PARIS",
            "pays": "FR",
        },
    }
    client = make(httpx.MockTransport(lambda r: ok_token(r) or httpx.Response(200, json=body)))
    details = client.consult_structure(26)
    assert details.raison_sociale == "DANONE"
    assert details.address_lines() == ["59 RUE LA FAYETTE", "75009 PARIS"]
    assert details.tech_password_expiry == date(2027, 1, 15)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-01-15", date(2027, 1, 15)),
        ("2027-01-15T00:00:00Z", date(2027, 1, 15)),
        ("15/01/2027", date(2027, 1, 15)),
        ("2027-01-15 10:30", date(2027, 1, 15)),  # go-choruspro's Datetime layout
        ("2027-01-15T23:00:00.000+0000", date(2027, 1, 15)),  # Jackson's ISO form
        (1800000000000, date(2027, 1, 15)),  # Jackson's default: epoch milliseconds
        (True, None),
        ("", None),
        (None, None),
        ("demain", None),
    ],
)
def test_dates_of_chorus_pro(value: object, expected: date | None) -> None:
    assert parse_day(value) == expected


def test_attachments_are_read_with_tolerant_keys() -> None:
    body = {
        "codeRetour": 0,
        "libelle": "ok",
        "listeRattachements": [
            {
                "idStructure": 3,
                "identifiantStructure": "55203253400703",
                "designationStructure": "DANONE",
                "role": "GESTIONNAIRE",
            },
            {"idStructureCPP": 4, "raisonSociale": "LA POSTE"},
        ],
    }
    client = make(httpx.MockTransport(lambda r: ok_token(r) or httpx.Response(200, json=body)))
    found = client.attachments()
    assert [(a.id_structure, a.designation) for a in found] == [(3, "DANONE"), (4, "LA POSTE")]
    assert found[0].role == "GESTIONNAIRE"


def test_attachments_in_the_real_shape_are_read_page_by_page() -> None:
    """``listeStructureRattachement`` as go-choruspro reads it; the request carries
    ``parametresRecherche``; a detached structure is left out."""
    sent: list[dict[str, Any]] = []

    def row(number: int, status: str = "ACTIF") -> dict[str, object]:
        return {
            "idRattachementStructure": 100 + number,
            "idStructure": number,
            "identifiantStructure": f"1300252650{number:04d}",
            "typeIdentifiantStructure": "SIRET",
            "designationStructure": f"S{number}",
            "roleUtilisateur": "GESTIONNAIRE",
            "statutRattachementStructure": status,
            "statutUtilisateur": "ACTIF",
            "listeServicesRattache": [],
        }

    def handler(request: httpx.Request) -> httpx.Response:
        token = ok_token(request)
        if token:
            return token
        body = json.loads(request.content)
        sent.append(body)
        page = body["parametresRecherche"]["pageResultatDemandee"]
        rows = [row(1), row(2, "INACTIF")] if page == 1 else [row(3)]
        return httpx.Response(
            200,
            json={
                "codeRetour": 0,
                "libelle": "ok",
                "listeStructureRattachement": rows,
                "parametresRetour": {"pageCourante": page, "pages": 2, "total": 3},
            },
        )

    found = make(httpx.MockTransport(handler)).attachments()
    assert [(a.id_structure, a.designation, a.role) for a in found] == [
        (1, "S1", "GESTIONNAIRE"),
        (3, "S3", "GESTIONNAIRE"),
    ]
    assert [b["parametresRecherche"]["pageResultatDemandee"] for b in sent] == [1, 2]


def test_consult_structure_takes_id_structure_and_a_timestamp() -> None:
    body = {
        "codeRetour": 0,
        "libelle": "ok",
        "informationGenerales": {
            "idStructure": 26,
            "raisonSocialeStructure": "DANONE",
            "dateExpirationMotPasseCompteTech": "2027-01-15T00:00:00Z",
        },
        "adressePostaleDuSiege": {"adresse": "59 RUE LA FAYETTE"},
        "parametres": {"numeroEJDoitEtreRenseigne": False},
    }
    client = make(httpx.MockTransport(lambda r: ok_token(r) or httpx.Response(200, json=body)))
    details = client.consult_structure(7)
    assert details.id_structure == 26
    assert details.tech_password_expiry == date(2027, 1, 15)


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ({"headers": {}, "body": "OK", "statusCode": "OK", "statusCodeValue": 200}, "OK"),
        ({"statusCode": "200"}, "200"),  # go-choruspro's own test answer
        ({"codeRetour": 0, "libelle": "OK"}, "OK"),
    ],
)
def test_health_check_reads_the_response_entity(body: dict[str, object], said: str) -> None:
    client = make(httpx.MockTransport(lambda r: ok_token(r) or httpx.Response(200, json=body)))
    assert client.health_check() == said
