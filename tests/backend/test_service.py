"""ChorusSignupService's activation calls, on recorded shapes of the sandbox's answers."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from chorus_wizard.backend.errors import ActivationError
from chorus_wizard.backend.profiles import sandbox_profile
from chorus_wizard.backend.service import ChorusSignupService


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
    with pytest.raises(ActivationError) as caught:
        service(423, body).activate("marie@exemple.fr", "code", "Girafe-Bleue-2026", 1, "Rex")
    error = caught.value
    assert error.locked and not error.expired
    assert error.locked_until == datetime(2026, 3, 2, 14, 42, tzinfo=UTC)


def test_expired_activation() -> None:
    body = {"codeRetour": 21, "libelle": "Ce lien d'activation a expiré."}
    with pytest.raises(ActivationError) as caught:
        service(410, body).activate("marie@exemple.fr", "code", "Girafe-Bleue-2026", 1, "Rex")
    assert caught.value.expired and caught.value.locked_until is None
