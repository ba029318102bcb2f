"""Read the sandbox's Maildir, so a trainee can open the mail it "sent" from the wizard."""

from __future__ import annotations

import mailbox
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path


@dataclass(frozen=True)
class ReceivedMail:
    subject: str
    sender: str
    text: str
    date: str


def latest_mail_to(mail_dir: Path, address: str) -> ReceivedMail | None:
    """The most recent message of the Maildir addressed to ``address``."""
    if not mail_dir.is_dir():
        return None
    box = mailbox.Maildir(mail_dir, factory=None, create=False)
    wanted = address.strip().casefold()
    best: tuple[float, EmailMessage] | None = None
    for key in box.iterkeys():
        message = message_from_bytes(box.get_bytes(key), policy=policy.default)
        assert isinstance(message, EmailMessage)
        recipients = [a.casefold() for _, a in getaddresses(message.get_all("To", []))]
        if wanted not in recipients:
            continue
        try:
            stamp = parsedate_to_datetime(str(message["Date"])).timestamp()
        except (TypeError, ValueError):
            stamp = 0.0
        if best is None or stamp >= best[0]:
            best = (stamp, message)
    if best is None:
        return None
    message = best[1]
    body = message.get_body(preferencelist=("plain", "html"))
    text = body.get_content() if body is not None else ""
    return ReceivedMail(
        str(message["Subject"] or ""), str(message["From"] or ""), text, str(message["Date"] or "")
    )
