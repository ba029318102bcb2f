"""What a trainee without a token can send a room: a body nested a thousand deep, a lone
surrogate, a bidirectional override. Each gets a clean 4xx on a connection that stays open,
and nothing is logged as an error."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest

from chorus_wizard.sandbox.piste.routes import CODE_INVALID_BODY
from chorus_wizard.sandbox.server import SandboxServer
from tests.sandbox.helpers import account_body, cpro_account_header, get_token

NESTED = b"[" * 1000
ROUTES = ["/sandbox/v1/comptes", "/cpro/structures/v1/rechercher", "/sandbox/v1/rattachements"]
TRAINER_ROUTES = ["/salle/v1/renvoyer", "/salle/v1/courriel", "/salle/v1/reinitialiser-stagiaire"]


def no_error_logged(caplog: pytest.LogCaptureFixture) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert not any(r.exc_info for r in caplog.records)


@pytest.mark.parametrize("path", ROUTES)
def test_a_deeply_nested_body_is_refused_on_an_open_connection(
    room_server: SandboxServer, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    caplog.set_level(logging.INFO)
    with httpx.Client(base_url=room_server.base_url, timeout=20) as client:
        for _ in range(3):  # the same connection, each time
            response = client.post(
                path, content=NESTED, headers={"Content-Type": "application/json"}
            )
            assert response.status_code == 400, response.text
            assert response.json()["codeRetour"]
        assert client.get("/sandbox/v1/sante").status_code == 200
    no_error_logged(caplog)


@pytest.mark.parametrize("path", TRAINER_ROUTES)
def test_the_trainer_routes_take_a_nested_body_as_empty(
    trainer: httpx.Client, caplog: pytest.LogCaptureFixture, path: str
) -> None:
    caplog.set_level(logging.INFO)
    response = trainer.post(path, content=NESTED, headers={"Content-Type": "application/json"})
    assert response.status_code == 404, response.text  # nothing named: nothing done
    assert trainer.get("/salle/v1/etat").status_code == 200
    no_error_logged(caplog)


def _with(body: dict[str, Any], where: str, value: str) -> dict[str, Any]:
    if where.startswith("structure."):
        body["structure"][where.removeprefix("structure.")] = value
    else:
        body[where] = value
    return body


HOSTILE = {"surrogate": "Jean\ud800ne", "bidi": "\u202eenaeJ", "isolate": "Jea\u2066nne"}


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/sandbox/v1/comptes", lambda v: _with(account_body("13002526500013"), "prenom", v)),
        (
            "/sandbox/v1/comptes",
            lambda v: _with(account_body("13002526500013"), "structure.raisonSociale", v),
        ),
        (
            "/sandbox/v1/rattachements",
            lambda v: {
                "email": "a@exemple.fr",
                "nom": v,
                "prenom": "A",
                "identifiantStructure": "55203253400703",
            },
        ),
        ("/sandbox/v1/activation/renvoyer", lambda v: {"email": v}),
        (
            "/cpro/structures/v1/rechercher",
            lambda v: {"structure": {"identifiantStructure": v}},
        ),
        ("/sandbox/v1/comptes", lambda v: {**account_body("13002526500013"), v: "clé"}),
    ],
)
def test_surrogates_and_bidi_controls_are_refused(
    room_server: SandboxServer,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    path: str,
    body: Any,
) -> None:
    caplog.set_level(logging.INFO)
    # ensure_ascii: the wire carries "\ud800" as JSON's escape, as a hostile client sends it.
    raw = json.dumps(body(HOSTILE[kind])).encode("ascii")
    with httpx.Client(base_url=room_server.base_url, timeout=20) as client:
        headers = {"Content-Type": "application/json"}
        if path.startswith("/cpro/"):
            headers["Authorization"] = f"Bearer {get_token(client)}"
            headers["cpro-account"] = cpro_account_header()
        response = client.post(path, content=raw, headers=headers)
        assert response.status_code == 400, response.text
        answer = response.json()
        assert answer["codeRetour"] in (1, 15, CODE_INVALID_BODY)
        assert "\u202e" not in response.text and "\u2066" not in response.text
        assert client.get("/sandbox/v1/sante").status_code == 200
    no_error_logged(caplog)
