"""The sandbox's outbox: every e-mail it "sends" is a MIME message written to a local Maildir.

Any mail client can open ``<data_dir>/sandbox/mail/`` (it is a standard Maildir), and tests read
it with :class:`mailbox.Maildir`. Messages are French, with a plain-text and an HTML part.
When an SMTP relay is configured (:mod:`chorus_wizard.sandbox.relay`), each message is also
sent through it, after the Maildir copy is written.
"""

from __future__ import annotations

import contextlib
import mailbox
import threading
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from html import escape
from pathlib import Path

from chorus_wizard.sandbox.relay import RelayQueue, SmtpRelay

SENDER_NAME = "Chorus Pro (bac à sable)"
SENDER_EMAIL = "ne-pas-repondre@sandbox.chorus-wizard.invalid"
_MSGID_DOMAIN = "sandbox.chorus-wizard.invalid"

ACTIVATION_SUBJECT = "Activez votre compte Chorus Pro"


class Outbox:
    """A Maildir that receives every message, and an optional SMTP relay; thread-safe."""

    def __init__(self, path: Path, relay: SmtpRelay | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._maildir = mailbox.Maildir(path, create=True)
        self.relay = RelayQueue(relay) if relay is not None else None

    def send(self, message: EmailMessage) -> str:
        """Deliver ``message`` to the Maildir, then queue it for the relay; returns its key."""
        with self._lock:
            key = self._maildir.add(message)
        if self.relay is not None:
            self.relay.submit(message)
        return key

    def close(self) -> None:
        """Stop the relay's thread (messages already queued are still tried)."""
        if self.relay is not None:
            self.relay.close()


def _address(name: str, email: str) -> Address:
    local, _, domain = email.rpartition("@")
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return Address(display_name=name, username=local, domain=domain)


def _message(
    *, to_name: str, to_email: str, subject: str, text: str, html_body: str, now: datetime
) -> EmailMessage:
    ascii_only = (to_email.rpartition("@")[0]).isascii()
    message = EmailMessage(policy=policy.default if ascii_only else policy.SMTPUTF8)
    message["From"] = Address(display_name=SENDER_NAME, addr_spec=SENDER_EMAIL)
    message["To"] = _address(to_name, to_email)
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=_MSGID_DOMAIN)
    message["Auto-Submitted"] = "auto-generated"
    # 8bit keeps the files readable (and greppable) as they are; no line comes near 998 bytes.
    message.set_content(text, cte="8bit")
    message.add_alternative(_html_page(subject, html_body), subtype="html", cte="8bit")
    message["Content-Language"] = "fr"  # after the parts: set_content clears Content-* headers
    return message


def _html_page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n"
        f'<body style="font-family: sans-serif; line-height: 1.5">\n{body}\n'
        '<p style="color: #666; font-size: smaller">Ce courriel a été produit par le bac à sable '
        "de chorus-wizard, pas par Chorus Pro.</p>\n</body></html>\n"
    )


_FOOTER = (
    "\n-- \nCe courriel a été produit par le bac à sable de chorus-wizard, pas par Chorus Pro.\n"
)


def activation_message(
    *,
    to_email: str,
    first_name: str,
    last_name: str,
    link: str,
    code: str,
    valid_minutes: int,
    now: datetime,
) -> EmailMessage:
    """The activation mail: greeting, link, the code on its own line, and the validity."""
    name = f"{first_name} {last_name}".strip()
    text = (
        f"Bonjour {name},\n\n"
        "Votre compte Chorus Pro a été créé. Pour l'activer, ouvrez le lien ci-dessous\n"
        "ou copiez-le dans le programme chorus-wizard :\n\n"
        f"{link}\n\n"
        "Vous pouvez aussi coller ce code d'activation dans chorus-wizard :\n\n"
        f"{code}\n\n"
        f"Ce lien est valable {valid_minutes} minutes. Passé ce délai, demandez un nouveau "
        "courriel d'activation depuis chorus-wizard.\n\n"
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n"
        "L'équipe Chorus Pro (bac à sable)\n" + _FOOTER
    )
    html_body = (
        f"<p>Bonjour {escape(name)},</p>\n"
        "<p>Votre compte Chorus Pro a été créé. Pour l'activer, ouvrez le lien ci-dessous "
        "ou copiez-le dans le programme chorus-wizard :</p>\n"
        f'<p><a href="{escape(link)}">{escape(link)}</a></p>\n'
        "<p>Vous pouvez aussi coller ce code d'activation dans chorus-wizard :</p>\n"
        f'<p style="font-family: monospace; font-size: larger">{escape(code)}</p>\n'
        f"<p>Ce lien est valable {valid_minutes} minutes. Passé ce délai, demandez un nouveau "
        "courriel d'activation depuis chorus-wizard.</p>\n"
        "<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.</p>\n"
        "<p>L'équipe Chorus Pro (bac à sable)</p>"
    )
    return _message(
        to_name=name,
        to_email=to_email,
        subject=ACTIVATION_SUBJECT,
        text=text,
        html_body=html_body,
        now=now,
    )


def attachment_request_message(
    *,
    manager_email: str,
    manager_name: str,
    requester_name: str,
    requester_email: str,
    structure_name: str,
    structure_identifier: str,
    request_id: int,
    now: datetime,
) -> EmailMessage:
    """To the main manager: someone asks to be attached to the structure; approve or refuse."""
    subject = f"Demande de rattachement à votre structure {structure_name}"
    text = (
        f"Bonjour {manager_name},\n\n"
        f"{requester_name} ({requester_email}) demande à être rattaché(e) à la structure\n"
        f"{structure_name} ({structure_identifier}) dont vous êtes le gestionnaire principal.\n\n"
        f"Demande n° {request_id}.\n\n"
        "Connectez-vous à Chorus Pro, espace « Activités du gestionnaire », pour accepter ou "
        "refuser cette demande. La personne sera informée de votre décision par courriel.\n\n"
        "L'équipe Chorus Pro (bac à sable)\n" + _FOOTER
    )
    html_body = (
        f"<p>Bonjour {escape(manager_name)},</p>\n"
        f"<p>{escape(requester_name)} ({escape(requester_email)}) demande à être rattaché(e) à "
        f"la structure <strong>{escape(structure_name)}</strong> "
        f"({escape(structure_identifier)}) dont vous êtes le gestionnaire principal.</p>\n"
        f"<p>Demande n° {request_id}.</p>\n"
        "<p>Connectez-vous à Chorus Pro, espace « Activités du gestionnaire », pour accepter ou "
        "refuser cette demande. La personne sera informée de votre décision par courriel.</p>\n"
        "<p>L'équipe Chorus Pro (bac à sable)</p>"
    )
    return _message(
        to_name=manager_name,
        to_email=manager_email,
        subject=subject,
        text=text,
        html_body=html_body,
        now=now,
    )


def attachment_ack_message(
    *,
    requester_email: str,
    requester_name: str,
    structure_name: str,
    structure_identifier: str,
    request_id: int,
    now: datetime,
) -> EmailMessage:
    """To the requester: the request went to the main manager; what to do if they have left."""
    subject = f"Votre demande de rattachement à {structure_name}"
    text = (
        f"Bonjour {requester_name},\n\n"
        f"Votre demande de rattachement à la structure {structure_name} "
        f"({structure_identifier}) a été transmise à son gestionnaire principal "
        f"(demande n° {request_id}).\n"
        "Vous serez informé(e) de sa décision par courriel.\n\n"
        "Si le gestionnaire principal a quitté la structure, il ne pourra pas répondre : "
        "seul le support Chorus Pro peut alors désigner un nouveau gestionnaire principal. "
        "Adressez-lui une sollicitation en expliquant la situation.\n\n"
        "L'équipe Chorus Pro (bac à sable)\n" + _FOOTER
    )
    html_body = (
        f"<p>Bonjour {escape(requester_name)},</p>\n"
        f"<p>Votre demande de rattachement à la structure <strong>{escape(structure_name)}"
        f"</strong> ({escape(structure_identifier)}) a été transmise à son gestionnaire "
        f"principal (demande n° {request_id}).<br>\n"
        "Vous serez informé(e) de sa décision par courriel.</p>\n"
        "<p>Si le gestionnaire principal a quitté la structure, il ne pourra pas répondre : "
        "seul le support Chorus Pro peut alors désigner un nouveau gestionnaire principal. "
        "Adressez-lui une sollicitation en expliquant la situation.</p>\n"
        "<p>L'équipe Chorus Pro (bac à sable)</p>"
    )
    return _message(
        to_name=requester_name,
        to_email=requester_email,
        subject=subject,
        text=text,
        html_body=html_body,
        now=now,
    )


def attachment_decision_message(
    *,
    requester_email: str,
    requester_name: str,
    structure_name: str,
    structure_identifier: str,
    request_id: int,
    accepted: bool,
    now: datetime,
) -> EmailMessage:
    """To the requester: the main manager accepted or refused the attachment request."""
    decision = "acceptée" if accepted else "refusée"
    subject = f"Votre demande de rattachement à {structure_name} est {decision}"
    if accepted:
        outcome = (
            "Vous êtes désormais rattaché(e) à cette structure : connectez-vous à Chorus Pro "
            "avec votre adresse électronique pour y travailler."
        )
    else:
        outcome = (
            "Si vous pensez qu'il s'agit d'une erreur, rapprochez-vous du gestionnaire principal "
            "de la structure."
        )
    text = (
        f"Bonjour {requester_name},\n\n"
        f"Le gestionnaire principal de la structure {structure_name} ({structure_identifier}) "
        f"a {'accepté' if accepted else 'refusé'} votre demande de rattachement "
        f"(demande n° {request_id}).\n\n"
        f"{outcome}\n\n"
        "L'équipe Chorus Pro (bac à sable)\n" + _FOOTER
    )
    html_body = (
        f"<p>Bonjour {escape(requester_name)},</p>\n"
        f"<p>Le gestionnaire principal de la structure <strong>{escape(structure_name)}"
        f"</strong> ({escape(structure_identifier)}) a "
        f"{'accepté' if accepted else 'refusé'} votre demande de rattachement "
        f"(demande n° {request_id}).</p>\n"
        f"<p>{escape(outcome)}</p>\n"
        "<p>L'équipe Chorus Pro (bac à sable)</p>"
    )
    return _message(
        to_name=requester_name,
        to_email=requester_email,
        subject=subject,
        text=text,
        html_body=html_body,
        now=now,
    )
