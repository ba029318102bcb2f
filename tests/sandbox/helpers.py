"""Helpers shared by the sandbox tests: a running server, tokens, headers, reading the Maildir,
request bodies."""

from __future__ import annotations

import base64
import email
import email.policy
import mailbox
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any, cast

import httpx

from chorus_wizard.sandbox import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
    SANDBOX_TECH_PASSWORD,
)
from chorus_wizard.sandbox.server import SandboxServer

STRONG_PASSWORD = "Tournesol-Vert-42"
ANSWER = "Médor le Chien"
ACTIVATION_SUBJECT = "Activez votre compte Chorus Pro"


@contextmanager
def serving(server: SandboxServer) -> Iterator[SandboxServer]:
    """``server`` started on loopback and ready (within 30 s), stopped afterwards."""
    with server:
        server.wait_ready(30)
        yield server


class FakeClock:
    """A clock the test moves by hand; starts at the real time so ISO dates look sensible."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def get_token(client: httpx.Client) -> str:
    response = client.post(
        "/api/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": SANDBOX_CLIENT_ID,
            "client_secret": SANDBOX_CLIENT_SECRET,
            "scope": "openid",
        },
    )
    assert response.status_code == 200, response.text
    return cast(str, response.json()["access_token"])


def cpro_account_header(
    login: str = SANDBOX_TECH_LOGIN, password: str = SANDBOX_TECH_PASSWORD
) -> str:
    return base64.b64encode(f"{login}:{password}".encode()).decode()


def read_mails(server: SandboxServer) -> list[EmailMessage]:
    """Every message of the sandbox's Maildir, parsed with the modern e-mail API."""
    box = mailbox.Maildir(server.data_dir / "sandbox" / "mail", create=False)
    messages = []
    for key in box.iterkeys():
        parsed = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        messages.append(parsed)
    return messages


def mails_to(server: SandboxServer, to: str, subject: str | None = None) -> list[EmailMessage]:
    return [
        m
        for m in read_mails(server)
        if to.lower() in str(m["To"]).lower() and (subject is None or m["Subject"] == subject)
    ]


def text_of(message: EmailMessage, subtype: str = "plain") -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert isinstance(part, EmailMessage), f"no text/{subtype} part"
    return cast(str, part.get_content())


def activation_codes(server: SandboxServer, to: str) -> set[str]:
    """Codes of every activation mail sent to ``to`` (the line after the paste hint)."""
    codes = set()
    for message in mails_to(server, to, ACTIVATION_SUBJECT):
        lines = text_of(message).splitlines()
        index = next(i for i, line in enumerate(lines) if "coller ce code" in line)
        codes.add(lines[index + 2].strip())
    return codes


def account_body(
    siret: str, email_address: str = "jeanne.martin@exemple.fr", **structure: str
) -> dict[str, Any]:
    return {
        "email": email_address,
        "nom": "Martin",
        "prenom": "Jeanne",
        "structure": {
            "typeIdentifiantStructure": "SIRET",
            "identifiantStructure": siret,
            "raisonSociale": "Boulangerie Martin",
            "libelleStructure": "",
            "adresse": "20 AVENUE DE SEGUR",
            "complementAdresse1": "",
            "complementAdresse2": "",
            "codePostal": "75007",
            "ville": "PARIS",
            "codePays": "FR",
            **structure,
        },
        "fonctionnalites": {"deposerDemandesPaiement": True, "dume": False},
    }


def create_account(
    client: httpx.Client, siret: str, email_address: str = "jeanne.martin@exemple.fr"
) -> dict[str, Any]:
    response = client.post("/sandbox/v1/comptes", json=account_body(siret, email_address))
    assert response.status_code == 201, response.text
    return cast(dict[str, Any], response.json())


def activation_body(email_address: str, code: str, **overrides: Any) -> dict[str, Any]:
    return {
        "email": email_address,
        "code": code,
        "motDePasse": STRONG_PASSWORD,
        "idQuestionSecrete": 1,
        "reponseQuestionSecrete": ANSWER,
        **overrides,
    }
