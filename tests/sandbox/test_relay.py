"""The optional SMTP relay, against a real aiosmtpd server on loopback."""

from __future__ import annotations

import logging
import smtplib
import socket
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import keyring.core
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from keyring.backends import fail

from chorus_wizard.sandbox.__main__ import _parser, main, smtp_relay
from chorus_wizard.sandbox.mail.outbox import activation_message
from chorus_wizard.sandbox.mail.relay import (
    KeychainPasswordMissing,
    SmtpRelay,
)
from chorus_wizard.sandbox.server import SandboxServer
from tests.memory_keyring import MemoryKeyring
from tests.sandbox.helpers import activation_codes, create_account

EMAIL = "jeanne.martin@exemple.fr"
LOGIN = "relais@exemple.fr"
SMTP_PASSWORD = "mot-de-passe-smtp-7Qz"


class Collector:
    """aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.logins: list[bytes] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.original_content, bytes)
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 OK"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login == LOGIN.encode()
            and data.password == SMTP_PASSWORD.encode()
        )
        if ok:
            self.logins.append(data.login)
        return AuthResult(success=ok)

    def wait(self, count: int = 1, timeout: float = 10) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[Collector, int]]:
    """A real SMTP server on 127.0.0.1 that accepts LOGIN/PLAIN without TLS (loopback only)."""
    collector = Collector()
    port = free_port()
    controller = Controller(
        collector,
        hostname="127.0.0.1",
        port=port,
        authenticator=collector.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield collector, port
    finally:
        controller.stop()


def relay_to(port: int, **changes: Any) -> SmtpRelay:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "starttls": False,
        "user": LOGIN,
        "password": SMTP_PASSWORD,
        "timeout": 5,
    }
    return SmtpRelay(**(values | changes))


def test_relay_delivers_a_mail_with_login(smtp_server: tuple[Collector, int]) -> None:
    collector, port = smtp_server
    message = activation_message(
        to_email=EMAIL,
        first_name="Jeanne",
        last_name="Martin",
        link="http://127.0.0.1:1/sandbox/activer?code=CODE-123",
        code="CODE-123",
        valid_minutes=60,
        now=datetime.now(UTC),
    )
    relay_to(port).deliver(message)
    [received] = collector.wait()
    assert collector.logins == [LOGIN.encode()]
    assert received["Subject"] == "Activez votre compte Chorus Pro"
    assert EMAIL in str(received["To"])
    plain = received.get_body(preferencelist=("plain",))
    assert plain is not None and "CODE-123" in plain.get_content()
    assert "d'activation" in plain.get_content()  # 8-bit French text arrives intact


def test_sandbox_sends_the_activation_mail_through_the_relay_too(
    tmp_path: Path, smtp_server: tuple[Collector, int], free_siret: str
) -> None:
    collector, port = smtp_server
    server = SandboxServer(tmp_path / "data", smtp=relay_to(port))
    server.start()
    try:
        server.wait_ready(30)
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            create_account(client, free_siret, EMAIL)
        [code] = activation_codes(server, EMAIL)  # the Maildir copy
        [relayed] = collector.wait()
    finally:
        server.stop()
    plain = relayed.get_body(preferencelist=("plain",))
    assert plain is not None
    assert code in plain.get_content()
    assert f"{server.base_url}/sandbox/activer?code={code}" in plain.get_content()


def test_a_broken_relay_loses_nothing_and_leaks_nothing(
    tmp_path: Path, free_siret: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server = SandboxServer(tmp_path / "data", smtp=relay_to(free_port()))  # nobody listens
    server.start()
    try:
        server.wait_ready(30)
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            created = create_account(client, free_siret, EMAIL)  # 201 all the same
        [code] = activation_codes(server, EMAIL)
        deadline = time.monotonic() + 10
        while "non relayé" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        server.stop()
    assert created["codeRetour"] == 0
    assert "non relayé" in caplog.text
    assert "ConnectionRefusedError" in caplog.text
    for secret in (SMTP_PASSWORD, code, created["jetonInscription"]):
        assert secret not in caplog.text


class RecordingSMTP:
    """Stands in for smtplib.SMTP to check the order of the conversation."""

    calls: list[str]

    def __init__(self, host: str, port: int, timeout: float) -> None:
        RecordingSMTP.calls = [f"connect {host}:{port}"]

    def __enter__(self) -> RecordingSMTP:
        return self

    def __exit__(self, *exc: object) -> None:
        self.calls.append("quit")

    def ehlo(self) -> None:
        self.calls.append("ehlo")

    def starttls(self, context: object) -> None:
        self.calls.append("starttls")

    def login(self, user: str, password: str) -> None:
        self.calls.append(f"login {user}")

    def has_extn(self, name: str) -> bool:
        return False

    def send_message(self, message: EmailMessage, mail_options: list[str]) -> None:
        self.calls.append("send")


def test_starttls_comes_before_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smtplib, "SMTP", RecordingSMTP)
    relay_to(587, host="smtp.exemple.fr", starttls=True).deliver(EmailMessage())
    assert RecordingSMTP.calls == [
        "connect smtp.exemple.fr:587",
        "ehlo",
        "starttls",
        "ehlo",
        f"login {LOGIN}",
        "send",
        "quit",
    ]


def test_the_password_comes_from_the_keychain(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[("chorus-wizard-smtp", LOGIN)] = SMTP_PASSWORD
    options = "--smtp-host smtp.exemple.fr --smtp-port 2525 --smtp-starttls --smtp-user"
    args = _parser().parse_args([*options.split(), LOGIN])
    relay = smtp_relay(args)
    assert relay == SmtpRelay("smtp.exemple.fr", 2525, True, LOGIN, SMTP_PASSWORD)
    assert SMTP_PASSWORD not in repr(relay) and SMTP_PASSWORD not in relay.describe()
    assert smtp_relay(_parser().parse_args([])) is None


def test_a_missing_keychain_password_stops_the_sandbox_with_advice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(KeychainPasswordMissing, match="keyring set chorus-wizard-smtp"):
        smtp_relay(_parser().parse_args(["--smtp-host", "h", "--smtp-user", LOGIN]))
    assert main(["--smtp-host", "h", "--smtp-user", LOGIN]) == 2
    assert "Aucun mot de passe SMTP" in capsys.readouterr().err


def test_without_a_keychain_the_sandbox_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    args = _parser().parse_args(["--smtp-host", "h", "--smtp-user", LOGIN])
    with pytest.raises(KeychainPasswordMissing) as missing:
        smtp_relay(args)
    assert "service «\u00a0chorus-wizard-smtp\u00a0», identifiant relais@exemple.fr" in str(
        missing.value
    )
    assert "Aucun trousseau du système n'est disponible" in str(missing.value)


def test_a_mail_the_relay_refused_is_relayed_at_the_next_start(
    tmp_path: Path, smtp_server: tuple[Collector, int], free_siret: str
) -> None:
    collector, port = smtp_server
    data_dir = tmp_path / "data"
    database = data_dir / "sandbox" / "sandbox.db"

    def relay_state() -> tuple[int, int]:
        with sqlite3.connect(database) as db:
            row = db.execute("SELECT relay_failures, relayed_at IS NOT NULL FROM outbox").fetchone()
        return int(row[0]), int(row[1])

    with SandboxServer(data_dir, smtp=relay_to(free_port())) as server:  # nobody listens
        server.wait_ready(30)
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            create_account(client, free_siret, EMAIL)
        deadline = time.monotonic() + 10
        while relay_state() != (1, 0) and time.monotonic() < deadline:
            time.sleep(0.02)
    assert relay_state() == (1, 0)
    with SandboxServer(data_dir, smtp=relay_to(port)) as server:
        server.wait_ready(30)
        [relayed] = collector.wait()
        [code] = activation_codes(server, EMAIL)
        deadline = time.monotonic() + 10
        while relay_state() != (1, 1) and time.monotonic() < deadline:
            time.sleep(0.02)
    plain = relayed.get_body(preferencelist=("plain",))
    assert plain is not None and code in plain.get_content()
    assert relay_state() == (1, 1)
    with SandboxServer(data_dir, smtp=relay_to(port)) as server:
        server.wait_ready(30)
    assert len(collector.messages) == 1  # relayed once
