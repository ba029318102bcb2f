"""What every route of the sandbox shares: storage, outbox, seed data, clock, PISTE tokens and
the throttles of wrong secrets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from chorus_wizard.sandbox.mail.outbox import Outbox
from chorus_wizard.sandbox.security import digest, new_secret
from chorus_wizard.sandbox.signup.throttle import Throttles
from chorus_wizard.sandbox.store.seed import SeedData
from chorus_wizard.sandbox.store.storage import Storage

TOKEN_LIFETIME = timedelta(hours=1)


def utc_now() -> datetime:
    """The default clock: aware UTC time."""
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    """``2025-01-31T12:00:00Z``."""
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class TokenStore:
    """PISTE access tokens, kept in memory as hashes with their expiry (lost on restart)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._expiry: dict[str, datetime] = {}

    def issue(self, now: datetime) -> str:
        token = new_secret()
        with self._lock:
            self._expiry = {h: t for h, t in self._expiry.items() if t > now}
            self._expiry[digest(token)] = now + TOKEN_LIFETIME
        return token

    def is_valid(self, token: str, now: datetime) -> bool:
        with self._lock:
            expiry = self._expiry.get(digest(token))
        return expiry is not None and now < expiry


@dataclass
class SandboxContext:
    """Collaborators of the routes, built once by :func:`chorus_wizard.sandbox.app.create_app`."""

    storage: Storage
    outbox: Outbox
    seed: SeedData
    clock: Callable[[], datetime] = utc_now
    public_url: str | None = None
    #: The training room's name, given in the health answer (None outside a room).
    room_title: str | None = None
    #: The path its scenario sets for the wizards (``GET /sante``'s ``parcours``), or None.
    room_path: str | None = None
    tokens: TokenStore = field(default_factory=TokenStore)
    throttles: Throttles = field(default_factory=Throttles)

    def now(self) -> datetime:
        moment = self.clock()
        if moment.tzinfo is None:
            raise ValueError("the sandbox clock must return aware datetimes")
        return moment.astimezone(UTC)
