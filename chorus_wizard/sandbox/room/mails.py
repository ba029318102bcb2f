"""The room's view of the sandbox's Maildir: each mail's recipient, subject and time, indexed
once and kept up to date as mails arrive (the trainer's page counts them per trainee)."""

from __future__ import annotations

import contextlib
import email
import email.policy
import mailbox
import threading
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

from chorus_wizard.sandbox.mail.outbox import ACTIVATION_SUBJECT

# Mails --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailInfo:
    """The headers of one message of the outbox the page shows."""

    key: str
    to: str
    subject: str
    sent_at: float
    delivered: float


def delivery_time(key: str) -> float:
    """When the outbox wrote a message, from its Maildir key (``SECONDS.MMICROS…``): finer
    than its Date header, which has whole seconds only."""
    seconds, _, rest = key.partition(".")
    micros = rest[1:].split("P", 1)[0] if rest.startswith("M") else ""
    if not seconds.isdigit():
        return 0.0
    return int(seconds) + (int(micros) / 1e6 if micros.isdigit() else 0.0)


class MailIndex:
    """The outbox's messages by recipient, their headers read once per message."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._cache: dict[str, MailInfo | None] = {}

    def _maildir(self) -> mailbox.Maildir:
        return mailbox.Maildir(self.path, create=True)

    @staticmethod
    def _read(maildir: mailbox.Maildir, key: str) -> EmailMessage | None:
        try:
            parsed = email.message_from_bytes(maildir.get_bytes(key), policy=email.policy.default)
        except (OSError, KeyError):
            return None
        return parsed if isinstance(parsed, EmailMessage) else None

    def messages(self) -> list[MailInfo]:
        """Every message, in the order the outbox wrote them."""
        with self._lock:
            maildir = self._maildir()
            keys = set(maildir.keys())
            for gone in set(self._cache) - keys:
                del self._cache[gone]
            for key in keys - set(self._cache):
                message = self._read(maildir, key)
                self._cache[key] = self._info(key, message) if message is not None else None
            return sorted((i for i in self._cache.values() if i), key=lambda i: i.delivered)

    @staticmethod
    def _info(key: str, message: EmailMessage) -> MailInfo | None:
        to = message["To"]
        addresses = getattr(to, "addresses", ())
        if not addresses:
            return None
        try:
            sent = parsedate_to_datetime(str(message["Date"])).timestamp()
        except (TypeError, ValueError):
            sent = 0.0
        return MailInfo(
            key,
            addresses[0].addr_spec.casefold(),
            str(message["Subject"]),
            sent,
            delivery_time(key),
        )

    def by_recipient(self) -> dict[str, list[MailInfo]]:
        grouped: dict[str, list[MailInfo]] = {}
        for info in self.messages():
            grouped.setdefault(info.to, []).append(info)
        return grouped

    def latest_activation(self, email_address: str) -> tuple[MailInfo, str] | None:
        """The last activation mail to ``email_address`` and its plain text."""
        wanted = email_address.casefold()
        for info in reversed(self.messages()):
            if info.to == wanted and info.subject == ACTIVATION_SUBJECT:
                with self._lock:
                    message = self._read(self._maildir(), info.key)
                if message is not None:
                    part = message.get_body(("plain",))
                    if isinstance(part, EmailMessage):
                        return info, str(part.get_content())
        return None

    def remove_to(self, email_address: str | None) -> int:
        """Delete the messages to ``email_address`` (every message when None)."""
        wanted = email_address.casefold() if email_address else None
        removed = 0
        for info in self.messages():
            if wanted is None or info.to == wanted:
                with self._lock, contextlib.suppress(KeyError, FileNotFoundError):
                    self._maildir().remove(info.key)
                    self._cache.pop(info.key, None)
                    removed += 1
        return removed
