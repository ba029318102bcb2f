"""PISTE client: token caching and the mapping of Chorus Pro's error statuses."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from chorus_wizard.backend.errors import AuthenticationError, Rejected
from chorus_wizard.backend.piste import PisteClient
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
