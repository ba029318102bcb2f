"""The mails the sandbox "sent" to an address, read back from its Maildir for ``/courriels``."""

from __future__ import annotations

import mailbox
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from chorus_wizard.contracts.signup import MailEntry


def _written_at(key: str) -> float:
    """When the Maildir wrote message ``key`` (``<seconds>.M<microseconds>P…``), or 0."""
    seconds, _, rest = key.partition(".M")
    micro = rest.partition("P")[0]
    try:
        return int(seconds) + int(micro) / 1_000_000
    except ValueError:
        return 0.0


def _date_of(message: EmailMessage) -> float:
    try:
        return parsedate_to_datetime(str(message["Date"])).timestamp()
    except (TypeError, ValueError):
        return 0.0


def mails_to(mail_dir: Path, address: str, limit: int) -> list[MailEntry]:
    """The ``limit`` newest messages addressed to ``address``, newest first."""
    if not mail_dir.is_dir():
        return []
    box = mailbox.Maildir(mail_dir, factory=None, create=False)
    wanted = address.strip().casefold()
    headers = BytesHeaderParser(policy=policy.default)
    found: list[tuple[float, float, str]] = []
    for key in box.iterkeys():
        try:
            head = headers.parsebytes(box.get_bytes(key))
        except (KeyError, OSError):
            continue  # removed meanwhile
        recipients = [a.casefold() for _, a in getaddresses(head.get_all("To", []))]
        if wanted in recipients:
            assert isinstance(head, EmailMessage)
            found.append((_date_of(head), _written_at(key), key))
    found.sort(reverse=True)
    mails = []
    for _date, _written, key in found[:limit]:
        message = message_from_bytes(box.get_bytes(key), policy=policy.default)
        assert isinstance(message, EmailMessage)
        body = message.get_body(preferencelist=("plain", "html"))
        mails.append(
            MailEntry(
                expediteur=str(message["From"] or ""),
                destinataire=str(message["To"] or ""),
                objet=str(message["Subject"] or ""),
                date=str(message["Date"] or ""),
                texte=str(body.get_content()) if body is not None else "",
            )
        )
    return mails
