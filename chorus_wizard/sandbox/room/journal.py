"""The training room's journal: what the database does not keep, noted from the requests.

:class:`RoomObserver`, an ASGI middleware, notes per trainee the SIRET looked up (by the
machine's address, before any account exists), the workspaces chosen, the last request and
the reason of a refused account creation; :class:`RoomJournal` holds those notes and the
trainer's actions log, in memory: it starts empty with each run of the sandbox.
"""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chorus_wizard.contracts import portal
from chorus_wizard.domain.identifiers import IdentifierType, compact
from chorus_wizard.sandbox.context import SandboxContext
from chorus_wizard.sandbox.refusal import Refusal
from chorus_wizard.sandbox.signup.checks import check_email

ACTION_LOG_SIZE = 50
#: Entries each of the journal's notes keeps at most (a room has tens of trainees).
MAX_NOTES = 2000
K = TypeVar("K")
V = TypeVar("V")

_ACCOUNT_PATH = re.compile(r"^/sandbox/v1/comptes/(\d{1,18})(/espaces)?$")
#: Today's path's account creation: its machine is then that trainee's.
_TODAY_ACCOUNTS = portal.PREFIX + portal.ACCOUNTS
_WATCHED_BODIES = {
    "/sandbox/v1/comptes",
    _TODAY_ACCOUNTS,
    "/sandbox/v1/activation",
    "/sandbox/v1/activation/renvoyer",
    "/sandbox/v1/rattachements",
    "/cpro/structures/v1/rechercher",
}
_MAX_WATCHED_BODY = 64 * 1024


@dataclass
class HostActivity:
    """What one trainee's machine did before any account existed."""

    identifier: str = ""
    id_type: str = ""
    looked_up_at: float = 0.0
    refusal: str = ""
    last_seen: float = 0.0


def _note(mapping: dict[K, V], key: K, value: V) -> None:
    """Set ``key`` as the newest entry, forgetting the oldest beyond :data:`MAX_NOTES` (the
    bodies it comes from are anyone's to send)."""
    mapping.pop(key, None)
    mapping[key] = value
    while len(mapping) > MAX_NOTES:
        del mapping[next(iter(mapping))]


class RoomJournal:
    """In-memory notes on the room's requests, and the log of the trainer's actions."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, HostActivity] = {}
        self._seen_by_email: dict[str, float] = {}
        self._seen_by_account: dict[int, float] = {}
        self._workspaces_chosen: dict[int, float] = {}
        self._refusal_by_email: dict[str, str] = {}
        #: The machine that created each address's account: only its requests speak for that
        #: trainee's row (anyone may send a body naming another trainee's address).
        self._owner_by_email: dict[str, str] = {}
        self._actions: deque[tuple[float, str]] = deque(maxlen=ACTION_LOG_SIZE)

    def looked_up(self, host: str, id_type: str, identifier: str, when: float) -> None:
        with self._lock:
            activity = self._host(host)
            if (activity.id_type, activity.identifier) != (id_type, identifier):
                activity.refusal = ""
            activity.id_type, activity.identifier = id_type, identifier
            activity.looked_up_at = activity.last_seen = when

    def created(self, host: str, email: str) -> None:
        """``host`` created the account of ``email``: its trainee's machine."""
        with self._lock:
            _note(self._owner_by_email, email.casefold(), host)

    def owner(self, email: str) -> str | None:
        """The machine that created the account of ``email``, if this run saw it."""
        with self._lock:
            return self._owner_by_email.get(email.casefold())

    def _speaks_for(self, host: str, email: str) -> bool:
        owner = self._owner_by_email.get(email.casefold())
        return owner is None or owner == host

    def refused(self, host: str, email: str, libelle: str, when: float) -> None:
        with self._lock:
            activity = self._host(host)
            activity.refusal, activity.last_seen = libelle, when
            if email and self._speaks_for(host, email):
                _note(self._refusal_by_email, email.casefold(), libelle)
                _note(self._seen_by_email, email.casefold(), when)

    def seen(self, *, host: str, when: float, email: str = "", account_id: int = 0) -> None:
        with self._lock:
            if host in self._hosts:
                self._hosts[host].last_seen = when
            if email and self._speaks_for(host, email):
                _note(self._seen_by_email, email.casefold(), when)
                self._refusal_by_email.pop(email.casefold(), None)
            if account_id:
                _note(self._seen_by_account, account_id, when)

    def chose_workspaces(self, account_id: int, when: float) -> None:
        with self._lock:
            _note(self._workspaces_chosen, account_id, when)
            _note(self._seen_by_account, account_id, when)

    def _host(self, host: str) -> HostActivity:
        activity = self._hosts.pop(host, None) or HostActivity()
        _note(self._hosts, host, activity)
        return activity

    def hosts(self) -> dict[str, HostActivity]:
        with self._lock:
            return {h: HostActivity(**vars(a)) for h, a in self._hosts.items() if a.identifier}

    def last_seen(self, email: str, account_id: int = 0) -> float:
        with self._lock:
            return max(
                self._seen_by_email.get(email.casefold(), 0.0),
                self._seen_by_account.get(account_id, 0.0),
            )

    def workspaces_chosen(self, account_id: int) -> bool:
        with self._lock:
            return account_id in self._workspaces_chosen

    def refusal(self, email: str) -> str:
        with self._lock:
            return self._refusal_by_email.get(email.casefold(), "")

    def forget(self, *, email: str = "", account_id: int = 0, host: str = "") -> None:
        with self._lock:
            if email:
                self._seen_by_email.pop(email.casefold(), None)
                self._refusal_by_email.pop(email.casefold(), None)
                self._owner_by_email.pop(email.casefold(), None)
            if account_id:
                self._seen_by_account.pop(account_id, None)
                self._workspaces_chosen.pop(account_id, None)
            if host:
                self._hosts.pop(host, None)

    def forget_identifier(self, id_type: str, identifier: str) -> None:
        with self._lock:
            for host, activity in list(self._hosts.items()):
                if (activity.id_type, activity.identifier) == (id_type, identifier):
                    del self._hosts[host]

    def clear(self) -> None:
        with self._lock:
            self._hosts.clear()
            self._seen_by_email.clear()
            self._seen_by_account.clear()
            self._workspaces_chosen.clear()
            self._refusal_by_email.clear()
            self._owner_by_email.clear()

    def log(self, when: float, text: str) -> None:
        with self._lock:
            self._actions.appendleft((when, text))

    def actions(self) -> list[tuple[float, str]]:
        with self._lock:
            return list(self._actions)


def json_object(raw: bytes) -> dict[str, Any]:
    """The JSON object in ``raw``; anything else (not JSON, not an object) gives ``{}``."""
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        # RecursionError: ``[`` a thousand times deep, which the routes refuse with 400 too.
        return {}
    return value if isinstance(value, dict) else {}


def check_email_quietly(address: str) -> str:
    """``address`` as the sandbox stores it (normalised), or as given when it is not one."""
    try:
        return check_email(address)
    except Refusal:
        return address


def string_field(data: dict[str, Any], key: str) -> str:
    """``data[key]`` stripped when it is a string, else ``""``."""
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


class RoomObserver:
    """ASGI middleware noting, per trainee, what the room's page shows and the database lacks.

    It reads the ``email`` (or the structure identifier) of a few request bodies and the
    ``libelle`` of refused account creations; it never keeps anything else from a body (codes,
    passwords and answers pass through untouched and unread).
    """

    def __init__(self, app: ASGIApp, journal: RoomJournal, ctx: SandboxContext) -> None:
        self.app = app
        self.journal = journal
        self.ctx = ctx

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        watched = path.startswith(("/sandbox/v1/", "/search", "/cpro/structures/v1/rechercher"))
        if not watched:
            await self.app(scope, receive, send)
            return
        body = bytearray()
        reply_body = bytearray()
        status = 0
        keep_body = path in _WATCHED_BODIES

        async def observed_receive() -> Message:
            message = await receive()
            if keep_body and message["type"] == "http.request" and len(body) < _MAX_WATCHED_BODY:
                body.extend(message.get("body", b""))
            return message

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif (
                message["type"] == "http.response.body"
                and path == "/sandbox/v1/comptes"
                and len(reply_body) < _MAX_WATCHED_BODY
            ):
                reply_body.extend(message.get("body", b""))
            await send(message)

        await self.app(scope, observed_receive, observed_send)
        client = scope.get("client")
        host = str(client[0]) if client else ""
        self._note(scope, path, host, status, bytes(body), bytes(reply_body))

    def _note(
        self, scope: Scope, path: str, host: str, status: int, body: bytes, answer: bytes
    ) -> None:
        when = self.ctx.now().timestamp()
        method = scope.get("method", "")
        if path == "/search" and status == 200:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("q", [""])[0]
            digits = compact(query)
            if len(digits) == 14 and digits.isdigit():
                self.journal.looked_up(host, IdentifierType.SIRET.value, digits, when)
            return
        data = json_object(body) if body else {}
        if path == "/cpro/structures/v1/rechercher":
            wanted = data.get("structure")
            criteria = wanted if isinstance(wanted, dict) else {}
            identifier = string_field(criteria, "identifiantStructure")
            id_type = string_field(criteria, "typeIdentifiantStructure")
            # The wizard asks this first for every identifier; the directory (/search) only
            # for a SIRET that is not registered yet.
            if identifier and id_type and status == 200:
                self.journal.looked_up(host, id_type, compact(identifier), when)
            return
        found = _ACCOUNT_PATH.match(path)
        if found:
            account_id = int(found.group(1))
            if found.group(2) and method == "PUT" and status == 200:
                self.journal.chose_workspaces(account_id, when)
            else:
                self.journal.seen(host=host, when=when, account_id=account_id)
            return
        address = string_field(data, "email")
        if path == _TODAY_ACCOUNTS and method == "POST" and status == 201 and address:
            self.journal.created(host, check_email_quietly(address))
        if path == "/sandbox/v1/comptes" and method == "POST" and status == 201 and address:
            self.journal.created(host, check_email_quietly(address))
        if path == "/sandbox/v1/comptes" and method == "POST" and status >= 400:
            libelle = string_field(json_object(answer), "libelle")
            if libelle:
                self.journal.refused(host, address, libelle, when)
                return
        self.journal.seen(host=host, when=when, email=address)
