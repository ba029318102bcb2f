"""The training room: the trainer's live page at ``/salle`` and the actions it offers.

The page, its state (``GET /salle/v1/etat``, polled every second by the page) and every action
need the room's token, a random value printed once when ``chorus-wizard-sandbox`` starts:

- ``GET /salle?jeton=…`` checks it, keeps it in an ``HttpOnly`` cookie limited to ``/salle``
  and redirects to ``/salle``, so the token never stays in an address bar shown on a projector;
- ``/salle/v1/…`` takes it in the ``X-Jeton-Salle`` header only (a header a page from another
  machine cannot send without the sandbox's consent), so a trainee who knows the address can
  neither read the room nor act on it.

Without the token every route answers 403 in the sandbox's own shape (``codeRetour``,
``libelle``). What the database does not keep (the SIRET a trainee looked up, the workspaces
chosen, the last request) is noted by :mod:`~chorus_wizard.sandbox.room_journal`.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import json
import mailbox
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from html import escape
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from chorus_wizard.contracts.room import (
    API_PREFIX,
    ROOM_PATH,
    TOKEN_HEADER,
    TOKEN_QUERY,
)
from chorus_wizard.contracts.signup import Code, ResendRequest
from chorus_wizard.domain.identifiers import IdentifierType, format_siret
from chorus_wizard.resources import resource_path
from chorus_wizard.sandbox.context import SandboxContext, iso_utc
from chorus_wizard.sandbox.mail import ACTIVATION_SUBJECT, attachment_decision_message
from chorus_wizard.sandbox.refusal import reply
from chorus_wizard.sandbox.room_config import RoomConfig
from chorus_wizard.sandbox.room_journal import (
    HostActivity,
    RoomJournal,
    json_object,
    string_field,
)
from chorus_wizard.sandbox.scenario import Scenario
from chorus_wizard.sandbox.signup_desk import SignupDesk
from chorus_wizard.sandbox.storage import (
    STATUS_ACTIVE,
    RoomAccountRow,
    RoomAttachmentRow,
    RoomSession,
)

TOKEN_COOKIE = "jeton_salle"
FORM_SELF, FORM_NONE = "'self'", "'none'"
POLL_INTERVAL_MS = 1000
ATTACHMENT_PENDING = "EN_ATTENTE"
ATTACHMENT_ACCEPTED = "ACCEPTEE"
ATTACHMENT_REFUSED = "REFUSEE"

#: Steps of a signup, in order; the page draws the first four as a progress line.
STEP_IDENTIFIED = "identifie"
STEP_CREATED = "compte_cree"
STEP_WORKSPACES = "espaces_choisis"
STEP_ACTIVATED = "active"
STEP_ATTACHMENT = "rattachement_demande"
STEP_ATTACHMENT_ACCEPTED = "rattachement_accepte"
STEP_ATTACHMENT_REFUSED = "rattachement_refuse"


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


# The room's state and actions ---------------------------------------------------------------


def _iso(stamp: float | None) -> str | None:
    return iso_utc(datetime.fromtimestamp(stamp, UTC)) if stamp else None


def _mail_kind(subject: str) -> str:
    """``activation``, ``decision`` (of an attachment request) or ``rattachement``."""
    if subject == ACTIVATION_SUBJECT:
        return "activation"
    if subject.endswith(("est acceptée", "est refusée")):
        return "decision"
    return "rattachement"


def masked(email_address: str) -> str:
    """``jeanne.martin@exemple.fr`` as the projected page shows it: ``je…@exemple.fr``.

    The page is made for a projector: the room sees the names, the trainer tells the rows
    apart, and nobody copies the addresses off the wall (the page keeps them for its actions).
    """
    local, at, domain = email_address.partition("@")
    if not at:
        return email_address[:2] + "…"
    return f"{local[:2]}…@{domain}"


def _shown(id_type: str, identifier: str) -> str:
    return format_siret(identifier) if id_type == IdentifierType.SIRET.value else identifier


class RoomService:
    """Reads the room for the page and carries out the trainer's actions."""

    def __init__(self, ctx: SandboxContext, room: RoomConfig, journal: RoomJournal) -> None:
        self.ctx = ctx
        self.room = room
        self.journal = journal
        self.mails = MailIndex(ctx.outbox.path)
        self.signup = SignupDesk(ctx)

    # What stays when the room is reset: the seeded structures and their managers.

    def _kept_emails(self) -> set[str]:
        return {s.email.casefold() for s in self.ctx.seed.registered}

    def _kept_structures(self) -> set[tuple[str, str]]:
        return {(s.identifier_type, s.identifier) for s in self.ctx.seed.registered}

    def _now(self) -> float:
        return self.ctx.now().timestamp()

    def log(self, text: str) -> None:
        self.journal.log(self._now(), text)

    # Reading ----------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The state the page draws (JSON-ready)."""
        with self.ctx.storage.transaction(write=False) as session:
            room = RoomSession.of(session)
            accounts = room.room_accounts()
            attachments = room.room_attachments()
            attempts = room.attempts_by_source()
        mails = self.mails.by_recipient()
        kept = self._kept_emails()
        now = self._now()
        rows: list[dict[str, Any]] = []
        taken: set[tuple[str, str]] = set()
        for account in accounts:
            if account.email.casefold() in kept:
                continue
            rows.append(self._account_row(account, mails, now, attempts))
            taken.add((account.id_type, account.identifier))
        for request in attachments:
            rows.append(self._attachment_row(request, mails, now))
            taken.add((request.id_type, request.identifier))
        for host, activity in self.journal.hosts().items():
            if (activity.id_type, activity.identifier) in taken:
                continue
            rows.append(self._host_row(host, activity))
        rows.sort(key=lambda r: (r["_debut"], r["cle"]))
        for row in rows:
            del row["_debut"]
        pending = sum(1 for r in rows if r["etape"] == STEP_ATTACHMENT)
        return {
            "salle": self.room.title,
            "horodatage": _iso(now),
            "intervalleMs": POLL_INTERVAL_MS,
            "stagiaires": rows,
            "demandesEnAttente": pending,
            "journal": [{"heure": _iso(t), "texte": text} for t, text in self.journal.actions()],
        }

    def _mail_list(self, mails: dict[str, list[MailInfo]], email_address: str) -> list[Any]:
        return [
            {"objet": m.subject, "genre": _mail_kind(m.subject), "heure": _iso(m.sent_at)}
            for m in mails.get(email_address.casefold(), [])
        ]

    def _attempts(
        self,
        email_address: str,
        attempts: dict[tuple[str, str], tuple[int, float | None]],
        failures: int,
        locked_until: float | None,
    ) -> tuple[int, float | None]:
        """The failures and lock the row shows: those of the trainee's own machine (the one
        that created the account) when known, so another machine trying codes for that
        address cannot paint a lock on it (the lock never applied to the trainee anyway)."""
        owner = self.journal.owner(email_address)
        if owner is None:
            return failures, locked_until
        return attempts.get((email_address.casefold(), owner), (0, None))

    def _account_row(
        self,
        a: RoomAccountRow,
        mails: dict[str, list[MailInfo]],
        now: float,
        attempts: dict[tuple[str, str], tuple[int, float | None]],
    ) -> dict[str, Any]:
        failures, locked_until = self._attempts(a.email, attempts, a.failures, a.locked_until)
        if a.status == STATUS_ACTIVE:
            step = STEP_ACTIVATED
        elif self.journal.workspaces_chosen(a.account_id):
            step = STEP_WORKSPACES
        else:
            step = STEP_CREATED
        sent = self._mail_list(mails, a.email)
        locked = locked_until is not None and locked_until > now
        last = max(
            a.created_at,
            a.activated_at or 0.0,
            self.journal.last_seen(a.email, a.account_id),
            *(m.sent_at for m in mails.get(a.email.casefold(), [])),
        )
        return {
            "cle": f"compte:{a.account_id}",
            "email": a.email,
            "nom": f"{a.first_name} {a.last_name}".strip(),
            "typeIdentifiant": a.id_type,
            "identifiant": _shown(a.id_type, a.identifier),
            "raisonSociale": a.company_name,
            "etape": step,
            "courriels": sent,
            "echecs": failures,
            "verrouilleJusqua": _iso(locked_until) if locked else None,
            "derniereActivite": _iso(last),
            "refus": self.journal.refusal(a.email),
            "idCompte": a.account_id,
            "idDemande": None,
            "_debut": a.created_at,
        }

    def _attachment_row(
        self, r: RoomAttachmentRow, mails: dict[str, list[MailInfo]], now: float
    ) -> dict[str, Any]:
        step = {
            ATTACHMENT_ACCEPTED: STEP_ATTACHMENT_ACCEPTED,
            ATTACHMENT_REFUSED: STEP_ATTACHMENT_REFUSED,
        }.get(r.status, STEP_ATTACHMENT)
        locked = r.locked_until is not None and r.locked_until > now
        last = max(
            r.created_at,
            self.journal.last_seen(r.email),
            *(m.sent_at for m in mails.get(r.email.casefold(), [])),
        )
        return {
            "cle": f"demande:{r.request_id}",
            "email": r.email,
            "nom": f"{r.first_name} {r.last_name}".strip(),
            "typeIdentifiant": r.id_type,
            "identifiant": _shown(r.id_type, r.identifier),
            "raisonSociale": r.company_name,
            "etape": step,
            "courriels": self._mail_list(mails, r.email),
            "echecs": r.failures,
            "verrouilleJusqua": _iso(r.locked_until) if locked else None,
            "derniereActivite": _iso(last),
            "refus": self.journal.refusal(r.email),
            "idCompte": None,
            "idDemande": r.request_id,
            "_debut": r.created_at,
        }

    def _host_row(self, host: str, activity: HostActivity) -> dict[str, Any]:
        name = ""
        if activity.id_type == IdentifierType.SIRET.value:
            found = self.ctx.seed.directory.lookup(activity.identifier)
            if found is not None:
                name = str(found.entry.get("nom_raison_sociale") or "")
        return {
            "cle": f"poste:{host}",
            "email": "",
            "nom": "",
            "poste": host,
            "typeIdentifiant": activity.id_type,
            "identifiant": _shown(activity.id_type, activity.identifier),
            "raisonSociale": name,
            "etape": STEP_IDENTIFIED,
            "courriels": [],
            "echecs": 0,
            "verrouilleJusqua": None,
            "derniereActivite": _iso(activity.last_seen),
            "refus": activity.refusal,
            "idCompte": None,
            "idDemande": None,
            "_debut": activity.looked_up_at,
        }

    # Actions ----------------------------------------------------------------------------

    def resend(self, email_address: str, base_url: str) -> bool:
        with self.ctx.storage.transaction(write=False) as session:
            account = session.find_account_by_email(email_address)
        if account is None or account.status == STATUS_ACTIVE:
            return False
        self.signup.resend(ResendRequest(email=account.email), base_url, owner=True)
        self.log(f"Courriel d'activation renvoyé à {masked(account.email)}.")
        return True

    def activation_mail(self, email_address: str) -> tuple[MailInfo, str] | None:
        found = self.mails.latest_activation(email_address)
        if found is not None:
            self.log(f"Courriel d'activation de {masked(found[0].to)} affiché.")
        return found

    def unlock(self, email_address: str) -> bool:
        with self.ctx.storage.transaction() as session:
            failures, locked_until = RoomSession.of(session).attempts_of(email_address)
            if not failures and locked_until is None:
                return False
            sources = session.failure_sources(email_address)
            session.reset_attempts(email_address)
        for source in sources:  # and the delay those sources were made to wait
            self.ctx.throttles.activation.succeeded(source)
        self.log(f"Activation de {masked(email_address)} débloquée (tentatives remises à zéro).")
        return True

    def reset_trainee(self, key: str) -> bool:
        """Remove one row's signup (``compte:ID``, ``demande:ID`` or ``poste:HOST``)."""
        kind, _, value = key.partition(":")
        if kind == "poste" and value:
            if value not in self.journal.hosts():
                return False
            self.journal.forget(host=value)
            self.log(f"Poste {value} réinitialisé.")
            return True
        if not value.isdigit():
            return False
        number = int(value)
        with self.ctx.storage.transaction() as session:
            room = RoomSession.of(session)
            address = ""
            identity: tuple[str, str] | None = None
            if kind == "compte":
                account = room.get_account(number)
                structure = room.get_structure(account.structure_id) if account else None
                if account is not None and account.email.casefold() not in self._kept_emails():
                    address = account.email
                    if structure is not None:
                        identity = (structure.identifier_type, structure.identifier)
            elif kind == "demande":
                request = room.get_attachment_request(number)
                if request is not None:
                    address = request.email
            if not address or not room.delete_signup(
                address, keep_structures=self._kept_structures()
            ):
                return False
        self.mails.remove_to(address)
        self.journal.forget(email=address, account_id=number if kind == "compte" else 0)
        if identity is not None:
            self.journal.forget_identifier(*identity)
        self.log(f"Stagiaire {masked(address)} réinitialisé : l'exercice peut être rejoué.")
        return True

    def reset_room(self) -> None:
        with self.ctx.storage.transaction() as session:
            RoomSession.of(session).reset_room(
                keep_emails=self._kept_emails(), keep_structures=self._kept_structures()
            )
            session.seed_registered(self.ctx.seed.registered, now=self._now())
        self.mails.remove_to(None)
        self.journal.clear()
        self.log("Salle réinitialisée : toutes les inscriptions et tous les courriels effacés.")

    def settle(self, request_id: int, accepted: bool) -> bool:
        with self.ctx.storage.transaction() as session:
            room = RoomSession.of(session)
            request = room.get_attachment_request(request_id)
            if request is None or request.status != ATTACHMENT_PENDING:
                return False
            room.settle_attachment_request(
                request_id, ATTACHMENT_ACCEPTED if accepted else ATTACHMENT_REFUSED
            )
            # the decision's mail is part of the same transaction (the outbox delivers it)
            self.ctx.outbox.enqueue(
                session,
                attachment_decision_message(
                    requester_email=request.email,
                    requester_name=f"{request.first_name} {request.last_name}".strip(),
                    structure_name=request.company_name,
                    structure_identifier=_shown(request.id_type, request.identifier),
                    request_id=request_id,
                    accepted=accepted,
                    now=self.ctx.now(),
                ),
            )
        verb = "acceptée" if accepted else "refusée"
        self.log(
            f"Demande de rattachement de {masked(request.email)} à {request.company_name} {verb}."
        )
        return True


# The page -----------------------------------------------------------------------------------


def _cards_html(scenario: Scenario | None, labels: dict[str, str]) -> str:
    if scenario is None:
        return f'<p class="empty">{escape(labels["noCards"])}</p>'
    parts = []
    for number, company in enumerate(scenario.companies, start=1):
        card = company.card()
        lines = [
            f'<article class="card situation-{escape(card["situation"])}">',
            f'<p class="card-kind">{number}. {escape(card["titre"])}</p>',
            f"<h3>{escape(card['raisonSociale'])}</h3>",
        ]
        if card["entrepreneur"]:
            shown = labels["entrepreneur"].format(nom=card["entrepreneur"])
            lines.append(f"<p>{escape(shown)}</p>")
        if card["typeIdentifiant"] != "AUTRE":
            lines.append(
                f'<p class="card-id"><span>{escape(card["typeIdentifiant"])}</span> '
                f"{escape(card['identifiant'])}</p>"
            )
        lines.append(
            f"<p>{escape(card['adresse'])}<br>{escape(card['codePostal'])} "
            f"{escape(card['ville'])} ({escape(card['codePays'])})</p>"
        )
        lines.append(f'<p class="card-task">{escape(card["consigne"])}</p>')
        lines.append("</article>")
        parts.append("\n".join(lines))
    return "\n".join(parts)


@dataclass(frozen=True)
class PageTemplate:
    """``resources/room/``: the page, its style sheet, its script and its words, read once.

    ``labels.json`` holds the page's words, French first; ``?lang=en`` picks English.
    """

    html: Template
    css: str
    script: str
    labels: dict[str, dict[str, str]]

    @classmethod
    def load(cls, folder: Path | None = None) -> PageTemplate:
        base = folder or resource_path("room")
        return cls(
            Template((base / "salle.html").read_text(encoding="utf-8")),
            (base / "salle.css").read_text(encoding="utf-8"),
            (base / "salle.js").read_text(encoding="utf-8"),
            json.loads((base / "labels.json").read_text(encoding="utf-8")),
        )

    def render(self, *, room: RoomConfig, lang: str, nonce: str) -> str:
        labels = self.labels[lang]
        scenario = room.scenario
        # Inside <script type="application/json">: only "</" could end the element early.
        config = json.dumps(
            {"labels": labels, "token": room.token, "state": f"{API_PREFIX}/etat"},
            ensure_ascii=False,
        ).replace("</", "<\\/")
        return self.html.substitute(
            lang=escape(lang),
            title=escape(room.title),
            heading=escape(labels["heading"]),
            subtitle=escape(labels["subtitle"]),
            description=escape(scenario.description if scenario else ""),
            trainees=escape(labels["trainees"]),
            cards_heading=escape(labels["cards"]),
            cards=_cards_html(scenario, labels),
            log=escape(labels["log"]),
            reset_room=escape(labels["resetRoom"]),
            print_cards=escape(labels["printCards"]),
            confirm=escape(labels["confirm"]),
            cancel=escape(labels["cancel"]),
            close=escape(labels["close"]),
            nonce=nonce,
            css=self.css,
            script=self.script,
            config=config,
        )

    def sign_in(self, *, room: RoomConfig, lang: str, nonce: str, wrong: bool) -> str:
        """The page asking for the room's token (a form posted to ``/salle``)."""
        return _sign_in_page(self.labels[lang], room.title, lang, nonce, wrong)


def _sign_in_page(labels: dict[str, str], title: str, lang: str, nonce: str, wrong: bool) -> str:
    return _SIGN_IN.format(
        lang=escape(lang),
        title=escape(title),
        heading=escape(labels["signInTitle"]),
        text=escape(labels["signInText"]),
        wrong=(
            f'<p class="wrong" role="alert">{escape(labels["signInWrong"])}</p>\n' if wrong else ""
        ),
        action=ROOM_PATH + ("?lang=en" if lang == "en" else ""),
        field=escape(labels["signInField"]),
        name=TOKEN_QUERY,
        button=escape(labels["signInButton"]),
        nonce=nonce,
    )


def _page_headers(nonce: str, *, form: bool = False) -> dict[str, str]:
    """The page's headers; ``form``: the sign-in page, whose form posts to the page itself."""
    return {
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
            f"form-action {FORM_SELF if form else FORM_NONE}; "
            "frame-ancestors 'none'"
        ),
    }


_SIGN_IN = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>{title} — {heading}</title>
<style nonce="{nonce}">
body {{ font-family: "Marianne", "Segoe UI", "DejaVu Sans", Arial, sans-serif; margin: 0;
  color: #14171a; line-height: 1.5; font-size: clamp(16px, 0.55vw + 11px, 24px); }}
main {{ max-width: 34rem; margin: 3rem auto; padding: 0 1.2rem; }}
h1 {{ font-size: 1.5rem; }}
label {{ display: block; font-weight: 700; margin: 1rem 0 0.3rem; }}
input {{ font: inherit; width: 100%; padding: 0.4em; border: 2px solid #555d66;
  border-radius: 0.3em; }}
button {{ font: inherit; margin-top: 0.8rem; padding: 0.4em 1em; border: 0;
  border-radius: 0.4em; background: #0b4fa8; color: #fff; }}
:focus-visible {{ outline: 4px solid #ffbf47; outline-offset: 2px; }}
.wrong {{ color: #b0221b; font-weight: 600; }}
</style></head>
<body><main>
<h1>{title}</h1>
<p>{text}</p>
{wrong}<form method="post" action="{action}">
<label for="jeton">{field}</label>
<input id="jeton" name="{name}" type="password" autocomplete="off" required autofocus>
<button type="submit">{button}</button>
</form>
</main></body></html>
"""


def forbidden() -> JSONResponse:
    """The answer to any request without the room's token."""
    response = reply(
        403,
        Code.INVALID_JETON,
        "Accès refusé : cette page est réservée au formateur. Le jeton de la salle de "
        "formation est absent ou erroné ; utilisez l'adresse affichée au démarrage du bac à "
        "sable.",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


async def _body(request: Request) -> dict[str, Any]:
    """The JSON object of an action's body; anything else counts as an empty object."""
    return json_object(await request.body())


def _done(libelle: str, **extra: Any) -> JSONResponse:
    response = reply(200, Code.OK, libelle, **extra)
    response.headers["Cache-Control"] = "no-store"
    return response


def _nothing(libelle: str) -> JSONResponse:
    return reply(404, Code.UNKNOWN_STRUCTURE, libelle)


def build_room_router(
    ctx: SandboxContext, room: RoomConfig, journal: RoomJournal, page: PageTemplate | None = None
) -> APIRouter:
    """``/salle`` and ``/salle/v1/…``, every route behind the room's token.

    The token is checked before anything of the request is read, so a caller without it
    learns nothing, not even whether its body would have been valid.
    """
    service = RoomService(ctx, room, journal)
    template = page or PageTemplate.load()
    router = APIRouter(include_in_schema=False)

    def base_url(request: Request) -> str:
        return ctx.public_url.rstrip("/") if ctx.public_url else str(request.base_url).rstrip("/")

    def allowed(request: Request) -> bool:
        return room.accepts(request.headers.get(TOKEN_HEADER))

    def signed_in(language: str) -> Response:
        """The token was right: keep it in the cookie and go to the clean address."""
        target = ROOM_PATH + ("?lang=en" if language == "en" else "")
        response: Response = RedirectResponse(target, status_code=303)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.set_cookie(
            TOKEN_COOKIE, room.token, path=ROOM_PATH, httponly=True, samesite="strict"
        )
        return response

    def sign_in(language: str, wrong: bool) -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        return HTMLResponse(
            template.sign_in(room=room, lang=language, nonce=nonce, wrong=wrong),
            status_code=403,
            headers=_page_headers(nonce, form=True),
        )

    @router.get(ROOM_PATH)
    def trainer_page(request: Request) -> Response:
        language = "en" if request.query_params.get("lang") == "en" else "fr"
        given = request.query_params.get(TOKEN_QUERY)
        if given is not None:
            # Still accepted (scripts), but a browser keeps this address in its history,
            # redirect or not: the address printed at start-up no longer carries the token.
            return signed_in(language) if room.accepts(given) else sign_in(language, True)
        if not room.accepts(request.cookies.get(TOKEN_COOKIE)):
            return sign_in(language, False)
        nonce = secrets.token_urlsafe(16)
        return HTMLResponse(
            template.render(room=room, lang=language, nonce=nonce), headers=_page_headers(nonce)
        )

    @router.post(ROOM_PATH)
    async def sign_in_form(request: Request) -> Response:
        """The sign-in form's POST: the token travels in the body, never in an address."""
        language = "en" if request.query_params.get("lang") == "en" else "fr"
        raw = await request.body()
        fields = parse_qs(raw.decode("utf-8", "replace")[:1000], max_num_fields=5)
        given = (fields.get(TOKEN_QUERY) or [""])[0].strip()
        return signed_in(language) if room.accepts(given) else sign_in(language, True)

    @router.get(f"{API_PREFIX}/etat")
    def state(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        return _done("OK", **service.snapshot())

    @router.post(f"{API_PREFIX}/renvoyer")
    async def resend(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        address = string_field(await _body(request), "email")
        if not await run_in_threadpool(service.resend, address, base_url(request)):
            return _nothing("Aucun compte en attente d'activation pour cette adresse.")
        return _done("Courriel d'activation renvoyé.")

    @router.post(f"{API_PREFIX}/courriel")
    async def show_mail(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        address = string_field(await _body(request), "email")
        found = await run_in_threadpool(service.activation_mail, address)
        if found is None:
            return _nothing("Aucun courriel d'activation pour cette adresse.")
        info, text = found
        return _done("OK", objet=info.subject, heure=_iso(info.sent_at), texte=text)

    @router.post(f"{API_PREFIX}/debloquer")
    async def unlock(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        address = string_field(await _body(request), "email")
        if not await run_in_threadpool(service.unlock, address):
            return _nothing("Aucune tentative d'activation à effacer pour cette adresse.")
        return _done("Activation débloquée.")

    @router.post(f"{API_PREFIX}/reinitialiser-stagiaire")
    async def reset_trainee(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        key = string_field(await _body(request), "cle")
        if not await run_in_threadpool(service.reset_trainee, key):
            return _nothing("Rien à réinitialiser pour ce stagiaire.")
        return _done("Stagiaire réinitialisé.")

    @router.post(f"{API_PREFIX}/reinitialiser-salle")
    async def reset_room(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        await run_in_threadpool(service.reset_room)
        return _done("Salle réinitialisée.")

    @router.post(API_PREFIX + "/rattachements/{demande}/{decision}")
    async def settle(request: Request, demande: str, decision: str) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        if decision not in ("accepter", "refuser") or not demande.isdigit():
            return _nothing("Décision inconnue : « accepter » ou « refuser ».")
        accepted = decision == "accepter"
        if not await run_in_threadpool(service.settle, int(demande[:18]), accepted):
            return _nothing("Aucune demande de rattachement en attente avec ce numéro.")
        return _done("Demande acceptée." if accepted else "Demande refusée.")

    return router
