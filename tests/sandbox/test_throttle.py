"""Guessing is throttled per source: a stranger's wrong answers never lock anyone else out."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from chorus_wizard.sandbox import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.signup.throttle import Throttle
from tests.sandbox.helpers import (
    FakeClock,
    activation_body,
    activation_codes,
    cpro_account_header,
    create_account,
    get_token,
)

ACTIVATION = "/sandbox/v1/activation"
HEALTH = "/cpro/transverses/v1/health-check"
EMAIL = "jeanne.martin@exemple.fr"
#: Another loopback address: the server on 127.0.0.1 sees these requests come from it.
STRANGER = "127.0.0.2"


@pytest.fixture
def stranger(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    transport = httpx.HTTPTransport(local_address=STRANGER)
    with httpx.Client(base_url=sandbox.base_url, transport=transport, timeout=20) as http:
        yield http


def test_five_wrong_codes_from_one_source_do_not_lock_out_another(
    client: httpx.Client, stranger: httpx.Client, sandbox: SandboxServer, free_siret: str
) -> None:
    create_account(client, free_siret, EMAIL)
    [good] = activation_codes(sandbox, EMAIL)
    statuses = [
        stranger.post(ACTIVATION, json=activation_body(EMAIL, f"devine-{n}")).status_code
        for n in range(5)
    ]
    assert statuses == [400, 400, 400, 400, 423]  # the stranger is locked out of this account
    assert stranger.post(ACTIVATION, json=activation_body(EMAIL, good)).status_code == 423
    # ... its owner is not.
    response = client.post(ACTIVATION, json=activation_body(EMAIL, good))
    assert response.status_code == 200, response.text


def test_a_source_guessing_many_addresses_waits_longer_each_time(
    client: httpx.Client, stranger: httpx.Client, clock: FakeClock
) -> None:
    def guess(http: httpx.Client, n: int) -> httpx.Response:
        return http.post(ACTIVATION, json=activation_body(f"cible.{n}@exemple.fr", "devine"))

    assert [guess(stranger, n).status_code for n in range(5)] == [400] * 5
    refused = guess(stranger, 5)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    assert refused.json()["codeRetour"] == 25
    assert "patientez 1 s" in refused.json()["libelle"]
    assert guess(client, 0).status_code == 400  # another source is not slowed down
    clock.advance(seconds=1)
    assert guess(stranger, 6).status_code == 400  # one more try, then a doubled wait
    assert guess(stranger, 7).headers["Retry-After"] == "2"
    clock.advance(seconds=2)
    assert guess(stranger, 8).status_code == 400
    assert guess(stranger, 9).headers["Retry-After"] == "4"


def test_wrong_technical_account_passwords_get_401_then_429(
    client: httpx.Client, stranger: httpx.Client, clock: FakeClock
) -> None:
    token = {"Authorization": f"Bearer {get_token(stranger)}"}
    wrong = {**token, "cpro-account": cpro_account_header(password="devine")}
    right = {**token, "cpro-account": cpro_account_header()}
    assert [stranger.get(HEALTH, headers=wrong).status_code for _ in range(5)] == [401] * 5
    refused = stranger.get(HEALTH, headers=right)  # even the right password must wait
    assert (refused.status_code, refused.headers["Retry-After"], refused.content) == (
        429,
        "1",
        b"",
    )
    assert client.get(HEALTH, headers=right).status_code == 200  # another source is not
    clock.advance(seconds=1)
    assert stranger.get(HEALTH, headers=right).status_code == 200
    assert stranger.get(HEALTH, headers=wrong).status_code == 401  # a fresh start after it


def test_wrong_client_secrets_get_401_then_429(
    client: httpx.Client, stranger: httpx.Client, clock: FakeClock
) -> None:
    def token(http: httpx.Client, secret: str) -> httpx.Response:
        form = {
            "grant_type": "client_credentials",
            "client_id": SANDBOX_CLIENT_ID,
            "client_secret": secret,
            "scope": "openid",
        }
        return http.post("/api/oauth/token", data=form)

    assert [token(stranger, "devine").status_code for _ in range(5)] == [401] * 5
    refused = token(stranger, SANDBOX_CLIENT_SECRET)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    assert refused.json()["error"] == "slow_down"
    assert token(client, SANDBOX_CLIENT_SECRET).status_code == 200
    clock.advance(seconds=1)
    assert token(stranger, SANDBOX_CLIENT_SECRET).status_code == 200


def test_throttle_doubles_up_to_its_ceiling_and_forgets_a_quiet_source() -> None:
    throttle = Throttle(allowed=2, first_wait=1, max_wait=8, forget_after=100)
    throttle.failed("a", 0)
    assert throttle.retry_after("a", 0) is None  # one wrong answer is free
    waits = []
    for n in range(1, 7):
        throttle.failed("a", 10 * n)
        waits.append(throttle.retry_after("a", 10 * n))
    assert waits == [1, 2, 4, 8, 8, 8]
    assert throttle.retry_after("b", 60) is None
    throttle.failed("a", 60 + 200)  # quiet for longer than forget_after: counted afresh
    assert throttle.retry_after("a", 260) is None
    throttle.failed("a", 261)
    assert throttle.retry_after("a", 261) == 1
    throttle.succeeded("a")
    throttle.failed("a", 262)
    assert throttle.retry_after("a", 262) is None


def test_throttle_remembers_a_bounded_number_of_sources() -> None:
    throttle = Throttle(allowed=1, max_sources=3)
    for n in range(5):
        throttle.failed(f"10.0.0.{n}", 0)
    assert [throttle.retry_after(f"10.0.0.{n}", 0) for n in range(5)] == [None, None, 1, 1, 1]
