"""Optional SMTP relay: the sandbox also sends each mail through a real server, besides the Maildir.

A relay is configured with host, port, STARTTLS and a login; its password comes from the
program's secret store (the OS keychain, service ``chorus-wizard-smtp``, user name = the login),
never from the command line or a file. Delivery happens on a background thread: a slow
or broken relay never delays or fails an HTTP request, and the Maildir copy is always written
first. The outbox records each result, so a mail the relay could not take is tried again at the
next start. Failures are logged with the server and the kind of error only, never a password, a
code or a message body.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import EmailMessage

from chorus_wizard.keychain import SMTP_SERVICE, KeychainError, SecretStore, smtp_password

log = logging.getLogger(__name__)


class KeychainPasswordMissing(Exception):
    """No SMTP password could be read from the keychain (the message says what to do)."""


@dataclass(frozen=True)
class SmtpRelay:
    """Where and how to relay mail. ``password`` is never shown by ``repr``."""

    host: str
    port: int = 587
    starttls: bool = True
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 20.0

    def deliver(self, message: EmailMessage) -> None:
        """Send ``message`` now (blocking); raises ``smtplib.SMTPException`` or ``OSError``."""
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            smtp.ehlo()
            if self.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password or "")
            options = ["BODY=8BITMIME"] if smtp.has_extn("8bitmime") else []
            smtp.send_message(message, mail_options=options)

    def describe(self) -> str:
        """``host:port`` with the security and login, for logs and the console (no password)."""
        security = "STARTTLS" if self.starttls else "sans chiffrement"
        login = f", identifiant {self.user}" if self.user else ""
        return f"{self.host}:{self.port} ({security}{login})"


def password_from_keychain(user: str, secrets: SecretStore) -> str:
    """The relay password ``secrets`` holds for ``user``; raises if there is none."""
    service = f"«\u00a0{SMTP_SERVICE}\u00a0»"
    where = f"le trousseau du système (service {service}, identifiant {user})"
    try:
        password = secrets.read(smtp_password(user))
    except KeychainError as exc:
        raise KeychainPasswordMissing(
            f"Impossible de lire le mot de passe SMTP dans {where}\u00a0: {exc}"
        ) from None
    if password is None:
        raise KeychainPasswordMissing(
            f"Aucun mot de passe SMTP dans {where}. Enregistrez-le d'abord, par exemple "
            f"avec\u00a0: keyring set {SMTP_SERVICE} {user}"
        )
    return password


def _failure(exc: BaseException) -> str:
    """The kind of failure, without the server's text (it may echo addresses or data)."""
    code = getattr(exc, "smtp_code", None)
    return f"{type(exc).__name__}" + (f", code SMTP {code}" if isinstance(code, int) else "")


class RelayQueue:
    """Relays messages one after the other on a single background thread."""

    def __init__(self, relay: SmtpRelay) -> None:
        self.relay = relay
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sandbox-smtp")

    def submit(
        self, message: EmailMessage, on_done: Callable[[bool], object] | None = None
    ) -> None:
        """Queue ``message``; returns at once. ``on_done(sent)`` runs on the relay's thread."""
        try:
            self._executor.submit(self._deliver, message, on_done)
        except RuntimeError:  # closed: the server is stopping
            log.warning("Relais SMTP arrêté\u00a0: courriel non relayé (copie dans le Maildir).")

    def _deliver(self, message: EmailMessage, on_done: Callable[[bool], object] | None) -> None:
        try:
            self.relay.deliver(message)
        except Exception as exc:  # a relay must never take the sandbox down
            sent = False
            log.warning(
                "Relais SMTP %s\u00a0: courriel non relayé (%s)\u00a0; la copie du Maildir est "
                "conservée.",
                self.relay.describe(),
                _failure(exc),
            )
        else:
            sent = True
            log.info("Courriel relayé par %s.", self.relay.describe())
        if on_done is not None:
            try:
                on_done(sent)
            except Exception as exc:
                log.warning("Relais SMTP\u00a0: résultat non enregistré (%s).", type(exc).__name__)

    def close(self) -> None:
        """Stop accepting messages; those already queued are still tried."""
        self._executor.shutdown(wait=False)
