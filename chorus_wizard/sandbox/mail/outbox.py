"""The sandbox's outbox: every e-mail it "sends" is a MIME message written to a local Maildir.

Any mail client can open ``<data_dir>/sandbox/mail/`` (it is a standard Maildir), and tests read
it with :class:`mailbox.Maildir`. Messages are French, with a plain-text and an HTML part.
When an SMTP relay is configured (:mod:`chorus_wizard.sandbox.mail.relay`), each message is also
sent through it, after the Maildir copy is written.

A mail is part of the transaction that decides to send it: :meth:`Outbox.enqueue` writes the
message to the Maildir's ``tmp/`` folder and records its name in the ``outbox`` table of that
same transaction. Once the transaction is committed, the message is moved to ``new/`` (one
atomic rename: it is delivered, once) and marked delivered. A crash in between leaves the
row pending and the file in ``tmp/``: the next start, or the next delivery, finishes the move.
A rollback removes the file. So every mail the client was told about is delivered, never
twice, and the database never holds the text of a mail (activation codes stay out of it).
How each crash is met: ``docs/reliability.md``.
"""

from __future__ import annotations

import contextlib
import email
import logging
import mailbox
import os
import threading
import time
import uuid
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from enum import Enum
from html import escape
from pathlib import Path

from chorus_wizard.domain.activation import wizard_link
from chorus_wizard.rehearsal import MAIL_NOTICE
from chorus_wizard.sandbox.mail.relay import RelayQueue, SmtpRelay
from chorus_wizard.sandbox.store.storage import MailRow, Session, Storage

log = logging.getLogger(__name__)

SENDER_NAME = "Chorus Pro (bac à sable)"
SENDER_EMAIL = "ne-pas-repondre@sandbox.chorus-wizard.invalid"
_MSGID_DOMAIN = "sandbox.chorus-wizard.invalid"

ACTIVATION_SUBJECT = "Activez votre compte Chorus Pro"

#: Suffix of the Maildir names the outbox gives, so it only ever tidies its own files.
_KEY_SUFFIX = ".chorus-wizard-sandbox"
#: A relay that failed this many times for one mail stops trying it (the Maildir copy stays).
MAX_RELAY_FAILURES = 5
#: Files of ``tmp/`` older than this, that no pending mail names, are removed at start-up:
#: the Maildir convention (a transaction that was rolled back by a crash left them).
STALE_TMP_SECONDS = 36 * 3600


class _Move(Enum):
    """What became of one attempt to deliver a mail."""

    MOVED = "moved"  # delivered now
    ALREADY = "already"  # found in new/ or cur/: delivered before a crash that hid it
    LOST = "lost"  # neither in tmp/ nor delivered: nothing left to try
    FAILED = "failed"  # the rename failed (full disk, broken folder): to try again


class Outbox:
    """The Maildir, the ``outbox`` table and the optional relay; thread-safe.

    A mail delivered after its commit is marked delivered in the database by the next
    transaction that sends a mail (or at :meth:`close`), not by one of its own: the busy path
    costs no extra write. Until then, the file already in ``new/`` is what says it went.
    """

    def __init__(self, path: Path, storage: Storage, relay: SmtpRelay | None = None) -> None:
        self.path = path
        self.storage = storage
        path.parent.mkdir(parents=True, exist_ok=True)
        mailbox.Maildir(path, create=True)
        self.relay = RelayQueue(relay) if relay is not None else None
        self._lock = threading.Lock()  # guards the three fields below and every rename
        self._unmarked: list[int] = []  # delivered here, not yet marked
        self._marking: set[int] = set()  # marked by a transaction not yet committed
        self._stalled = False  # a delivery failed: the next ones try the older mail too
        self._sweeping = threading.Lock()

    def enqueue(self, session: Session, message: EmailMessage | bytes) -> None:
        """Send ``message`` as part of ``session``'s transaction: delivered once it commits.

        ``message`` may come already rendered (``message.as_bytes()``):
        rendered before the transaction, it does not lengthen the hold on the write lock.
        """
        data = message if isinstance(message, bytes) else message.as_bytes()
        # Maildir's usual unique name, seconds then microseconds (M) and process (P): the
        # order of two mails written within one second stays readable from their names.
        now = time.time()
        micros = int(now % 1 * 1_000_000)
        key = f"{int(now)}.M{micros:06d}P{os.getpid()}Q{uuid.uuid4().hex}{_KEY_SUFFIX}"
        prepared = self.path / "tmp" / key
        with prepared.open("xb") as file:
            file.write(data)
        session.after_rollback(lambda: _remove(prepared))
        relay = self.relay is not None
        row = MailRow(session.insert_mail(key, relay=relay, now=time.time()), key, relay)
        self._mark_delivered(session, [])
        session.after_commit(lambda: self._deliver(row))

    def deliver_after(self, session: Session) -> None:
        """Deliver what is pending once ``session`` commits (a replay whose first try crashed)."""
        session.after_commit(self.deliver_pending)

    def deliver_pending(self) -> int:
        """Deliver every committed mail still pending; returns how many it delivered.

        A mail that cannot be moved (a full disk, a broken folder) stays pending, and a later
        delivery tries it again; nothing is raised.
        """
        try:
            with self._sweeping:
                with self.storage.transaction(write=False) as session:
                    pending = session.undelivered_mail()
                outcomes: list[tuple[MailRow, _Move]] = []
                with self._lock:
                    ours = set(self._unmarked) | self._marking
                    for row in pending:
                        if row.id not in ours:
                            outcomes.append((row, self._move(row)))
                    self._stalled = any(o is _Move.FAILED for _, o in outcomes)
                done = [row for row, outcome in outcomes if outcome is not _Move.FAILED]
                if done or self._unmarked:
                    with self.storage.transaction() as session:
                        self._mark_delivered(session, [row.id for row in done])
        except Exception as exc:  # the request that sent it still succeeds; the mail waits
            log.error(
                "Courriels en attente non délivrés (%s)\u00a0; nouvel essai plus tard.", _kind(exc)
            )
            return 0
        for row, outcome in outcomes:
            if row.relay and outcome in (_Move.MOVED, _Move.ALREADY):
                self._relay(row)
        return sum(outcome is _Move.MOVED for _, outcome in outcomes)

    def recover(self) -> int:
        """At start-up: deliver what a crash left pending, retry the relay, tidy ``tmp/``."""
        with self.storage.transaction(write=False) as session:
            unrelayed = session.unrelayed_mail(max_failures=MAX_RELAY_FAILURES)
        if self.relay is not None:
            for row in unrelayed:
                self._relay(row)
        delivered = self.deliver_pending()
        with self.storage.transaction(write=False) as session:
            pending = {row.key for row in session.undelivered_mail()}
        limit = time.time() - STALE_TMP_SECONDS
        for path in (self.path / "tmp").glob(f"*{_KEY_SUFFIX}"):
            with contextlib.suppress(OSError):
                if path.name not in pending and path.stat().st_mtime < limit:
                    path.unlink()
        return delivered

    def close(self) -> None:
        """Record what was delivered, and stop the relay's thread (what it holds is tried)."""
        try:
            if self._unmarked:
                with self.storage.transaction() as session:
                    self._mark_delivered(session, [])
        except Exception as exc:  # marked at the next start instead
            log.warning("Courriels délivrés non enregistrés (%s).", _kind(exc))
        if self.relay is not None:
            self.relay.close()

    def _deliver(self, row: MailRow) -> None:
        """After the commit of the mail ``row``: move it to ``new/``."""
        with self._lock:
            outcome = self._move(row)
            if outcome is _Move.FAILED:
                self._stalled = True
            else:
                self._unmarked.append(row.id)
            stalled = self._stalled
        if outcome is _Move.MOVED and row.relay:
            self._relay(row)
        if stalled and outcome is not _Move.FAILED:
            self.deliver_pending()  # the folder works again: deliver what waited

    def _mark_delivered(self, session: Session, ids: list[int]) -> None:
        """Mark ``ids`` and every mail delivered here since the last mark, in ``session``."""
        with self._lock:
            earlier, self._unmarked = self._unmarked, []
            self._marking.update(earlier)
        if not earlier and not ids:
            return
        session.mark_mail_delivered([*earlier, *ids], now=time.time())

        def committed() -> None:
            with self._lock:
                self._marking.difference_update(earlier)

        def rolled_back() -> None:
            with self._lock:
                self._marking.difference_update(earlier)
                self._unmarked.extend(earlier)

        session.after_commit(committed)
        session.after_rollback(rolled_back)

    def _move(self, row: MailRow) -> _Move:
        """One delivery: the atomic rename from ``tmp/`` to ``new/``."""
        try:
            os.rename(self.path / "tmp" / row.key, self.path / "new" / row.key)
        except FileNotFoundError:
            if self._delivered_file(row.key) is not None:
                return _Move.ALREADY  # moved before a crash that came before the mark
            log.error("Courriel n° %d introuvable dans le Maildir\u00a0: il est perdu.", row.id)
            return _Move.LOST
        except OSError as exc:
            log.error(
                "Courriel n° %d non délivré (%s)\u00a0; nouvel essai plus tard.", row.id, _kind(exc)
            )
            return _Move.FAILED
        return _Move.MOVED

    def _delivered_file(self, key: str) -> Path | None:
        new = self.path / "new" / key
        if new.exists():
            return new
        # A mail client moves what it has seen to cur/, adding ":2,<flags>" to the name.
        return next(iter((self.path / "cur").glob(f"{key}*")), None)

    def _relay(self, row: MailRow) -> None:
        assert self.relay is not None
        path = self._delivered_file(row.key)
        if path is None:
            return
        try:
            parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        except OSError as exc:
            log.warning("Courriel n° %d non relayé (%s).", row.id, _kind(exc))
            return
        assert isinstance(parsed, EmailMessage)
        self.relay.submit(parsed, on_done=lambda sent: self._relayed(row.id, sent))

    def _relayed(self, mail_id: int, sent: bool) -> None:
        with self.storage.transaction() as session:
            if sent:
                session.mark_mail_relayed(mail_id, now=time.time())
            else:
                session.record_relay_failure(mail_id)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _kind(exc: BaseException) -> str:
    """The kind of error only: messages could carry addresses or paths."""
    errno = getattr(exc, "errno", None)
    return type(exc).__name__ + (f", errno {errno}" if isinstance(errno, int) else "")


#: Control characters become spaces in display names: a name with a line break must not
#: break the header (nor stop the mail), whatever the checks before let through.
_CONTROLS = {code: " " for code in [*range(32), 127]}


def _address(name: str, email: str) -> Address:
    local, _, domain = email.rpartition("@")
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    shown = " ".join(name.translate(_CONTROLS).split())
    return Address(display_name=shown, username=local, domain=domain)


def _message(
    *, to_name: str, to_email: str, subject: str, text: str, html_body: str, now: datetime
) -> EmailMessage:
    ascii_only = (to_email.rpartition("@")[0]).isascii()
    message = EmailMessage(policy=policy.default if ascii_only else policy.SMTPUTF8)
    message["From"] = Address(display_name=SENDER_NAME, addr_spec=SENDER_EMAIL)
    message["To"] = _address(to_name, to_email)
    message["Subject"] = " ".join(subject.translate(_CONTROLS).split())
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=_MSGID_DOMAIN)
    message["Auto-Submitted"] = "auto-generated"
    # 8bit keeps the files readable (and greppable) as they are; no line comes near 998 bytes.
    # every mail first says it is a rehearsal: a person may read it days later, elsewhere
    message.set_content(f"{MAIL_NOTICE}\n\n{text}", cte="8bit")
    notice = (
        '<p style="border: 2px solid #8a1212; color: #8a1212; padding: 6px">'
        f"<b>{escape(MAIL_NOTICE)}</b></p>\n"
    )
    message.add_alternative(_html_page(subject, notice + html_body), subtype="html", cte="8bit")
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
        "Votre compte d'essai a été créé dans le bac à sable. Pour l'activer, ouvrez le lien\n"
        "ci-dessous ou copiez-le dans le programme chorus-wizard\u00a0:\n\n"
        f"{link}\n\n"
        "Si chorus-wizard est installé, ce lien-ci l'ouvre directement. Il marche même si\n"
        "le lien ci-dessus ne répond plus (le bac à sable garde son port d'un démarrage à\n"
        "l'autre, sauf si un autre programme l'a pris entre-temps)\u00a0:\n\n"
        f"{wizard_link(code)}\n\n"
        "Vous pouvez aussi coller ce code d'activation dans chorus-wizard\u00a0:\n\n"
        f"{code}\n\n"
        f"Ce lien est valable {valid_minutes} minutes. Passé ce délai, demandez un nouveau "
        "courriel d'activation depuis chorus-wizard.\n\n"
        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\n"
        "L'équipe Chorus Pro (bac à sable)\n" + _FOOTER
    )
    html_body = (
        f"<p>Bonjour {escape(name)},</p>\n"
        "<p>Votre compte d'essai a été créé dans le bac à sable. Pour l'activer, ouvrez le lien "
        "ci-dessous "
        "ou copiez-le dans le programme chorus-wizard\u00a0:</p>\n"
        f'<p><a href="{escape(link)}">{escape(link)}</a></p>\n'
        "<p>Si chorus-wizard est installé, ce lien-ci l'ouvre directement. Il marche même si "
        "le lien ci-dessus ne répond plus (le bac à sable garde son port d'un démarrage à "
        "l'autre, sauf si un autre programme l'a pris entre-temps)\u00a0:</p>\n"
        f'<p><a href="{escape(wizard_link(code))}">{escape(wizard_link(code))}</a></p>\n'
        "<p>Vous pouvez aussi coller ce code d'activation dans chorus-wizard\u00a0:</p>\n"
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
        f"Bonjour {manager_name},\n\n{requester_name} ({requester_email}) demande à être "
        f"rattaché(e) à la structure\n{structure_name} ({structure_identifier}) dont vous êtes le "
        f"gestionnaire principal.\n\nDemande n° {request_id}.\n\nConnectez-vous à Chorus Pro, "
        "espace «\u00a0Activités du gestionnaire\u00a0», pour accepter ou refuser cette demande. "
        "La personne sera informée de votre décision par courriel.\n\n"
        "L'équipe Chorus Pro (bac à sable)\n" + _FOOTER
    )
    html_body = (
        f"<p>Bonjour {escape(manager_name)},</p>\n<p>{escape(requester_name)} "
        f"({escape(requester_email)}) demande à être rattaché(e) à la structure "
        f"<strong>{escape(structure_name)}</strong> ({escape(structure_identifier)}) dont vous "
        f"êtes le gestionnaire principal.</p>\n<p>Demande n° {request_id}.</p>\n<p>Connectez-vous "
        "à Chorus Pro, espace «\u00a0Activités du gestionnaire\u00a0», pour accepter ou refuser "
        "cette demande. La personne sera informée de votre décision par courriel.</p>\n<p>L'équipe "
        "Chorus Pro (bac à sable)</p>"
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
        "Si le gestionnaire principal a quitté la structure, il ne pourra pas répondre\u00a0: "
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
        "<p>Si le gestionnaire principal a quitté la structure, il ne pourra pas répondre\u00a0: "
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
            "Vous êtes désormais rattaché(e) à cette structure\u00a0: connectez-vous à Chorus Pro "
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
