"""Every refusal speaks the sandbox's language, and a server error leaves the connection open."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import httpx
import pytest

from chorus_wizard.contracts.signup import Code
from chorus_wizard.sandbox.server import SandboxServer
from tests.sandbox.helpers import FakeClock, account_body

JSON = {"Content-Type": "application/json"}
NOT_UTF8 = b'{"email": "\xff"}'


class BreakableClock(FakeClock):
    """A clock that fails while ``broken``: any route that asks the time then fails."""

    broken = False

    def __call__(self) -> datetime:
        if self.broken:
            raise RuntimeError("the clock stopped")
        return super().__call__()


def local_port(response: httpx.Response) -> int:
    """The client's port of the connection ``response`` came on."""
    stream = response.extensions["network_stream"]
    return int(stream.get_extra_info("client_addr")[1])


def test_a_500_leaves_the_keep_alive_connection_usable(tmp_path: Path) -> None:
    clock = BreakableClock()
    with SandboxServer(tmp_path / "data", clock=clock) as server:
        server.wait_ready(30)
        with httpx.Client(base_url=server.base_url, timeout=10) as client:
            before = client.get("/sandbox/v1/sante")
            ports = [local_port(before)]
            clock.broken = True
            failed = client.post("/sandbox/v1/activation/renvoyer", json={"email": "a@exemple.fr"})
            ports.append(local_port(failed))
            clock.broken = False
            after = client.get("/sandbox/v1/sante")
            ports.append(local_port(after))
    assert failed.status_code == 500
    assert failed.json() == {"codeRetour": 99, "libelle": "Erreur interne du bac à sable."}
    assert failed.headers.get("connection") != "close"
    assert after.status_code == 200
    # One connection all along: the server did not drop it after the 500.
    assert len(set(ports)) == 1, ports


@pytest.mark.parametrize(
    ("method", "path", "content", "status", "expected"),
    [
        ("POST", "/sandbox/v1/comptes", NOT_UTF8, 400, {"codeRetour": 1}),
        ("POST", "/sandbox/v1/activation", NOT_UTF8, 400, {"codeRetour": 1}),
        ("GET", "/", None, 404, {"codeRetour": 50}),
        ("GET", "/inconnu", None, 404, {"codeRetour": 50}),
        ("DELETE", "/sandbox/v1/sante", None, 405, {"codeRetour": 51}),
        ("POST", "/search", None, 405, {}),
        ("GET", "/api/oauth/token", None, 405, {"error": "invalid_request"}),
    ],
)
def test_every_refusal_has_the_shape_of_its_api(
    client: httpx.Client,
    method: str,
    path: str,
    content: bytes | None,
    status: int,
    expected: dict[str, object],
) -> None:
    response = client.request(method, path, content=content, headers=JSON)
    assert response.status_code == status
    body = response.json()
    assert "detail" not in body  # never FastAPI's English
    assert body.items() >= expected.items()
    text = body.get("libelle") or body.get("erreur") or body.get("error_description")
    assert text and "error parsing" not in text and "Not Found" not in text


def test_an_unreadable_body_at_chorus_pro_has_the_piste_shape(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post(
        "/cpro/structures/v1/rechercher", content=NOT_UTF8, headers={**piste_headers, **JSON}
    )
    assert response.status_code == 400
    assert response.json()["codeRetour"] == 10000
    assert "UTF-8" in response.json()["libelle"]


def test_a_405_still_says_which_methods_are_allowed(client: httpx.Client) -> None:
    response = client.delete("/sandbox/v1/sante")
    assert response.headers["allow"] == "GET"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/sandbox/v1/comptes",
            account_body(
                "", "a@exemple.fr", typeIdentifiantStructure="AUTRE", identifiantStructure="AB\0C"
            ),
            "structure.identifiantStructure",
        ),
        (
            "/sandbox/v1/rattachements",
            {
                "email": "a@exemple.fr",
                "nom": "Martin",
                "prenom": "Jeanne",
                "typeIdentifiantStructure": "AUTRE",
                "identifiantStructure": "AB\0C",
            },
            "identifiantStructure",
        ),
        ("/sandbox/v1/activation/renvoyer", {"email": "a@exemple.fr", "cl\0e": 1}, "cl\0e"),
    ],
)
def test_a_nul_character_is_refused_naming_the_field(
    client: httpx.Client, path: str, body: dict[str, object], field: str
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 400
    data = response.json()
    assert (data["codeRetour"], data["champ"]) == (Code.CONTROL_CHARACTER, field)
    assert "caractère nul" in data["libelle"]
