"""Per-source throttling of wrong secrets: a few mistakes are free, then each one costs a wait.

The sandbox models what PISTE's gateway does with guessed credentials: the first wrong
answers are refused as usual (401, or 400 for an activation code), then the source, the
client's IP address, must wait before it may try again (429 with ``Retry-After``), a wait
that doubles with every further mistake. A right answer clears the source's record. Keyed by
source, a stranger's mistakes never slow anyone else down. The records live in memory (a
restart forgets them, like the PISTE tokens) and their number is bounded.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.requests import Request

#: How many sources are remembered at most: the oldest records go first.
MAX_SOURCES = 10_000


def source_of(request: Request) -> str:
    """The client's address as the socket saw it (the sandbox trusts no forwarding header)."""
    return request.client.host if request.client is not None else ""


@dataclass
class _Record:
    failures: int = 0
    blocked_until: float = 0.0
    last_failure: float = 0.0


class Throttle:
    """Counts wrong answers per source; after ``allowed`` of them, each one blocks the source.

    The wait after the ``allowed``-th wrong answer is ``first_wait`` seconds, doubling with
    each further one up to ``max_wait``; a source quiet for ``forget_after`` seconds starts
    afresh. Times are POSIX timestamps from the sandbox's clock, so tests can move them.
    """

    def __init__(
        self,
        allowed: int,
        *,
        first_wait: float = 1.0,
        max_wait: float = 900.0,
        forget_after: float = 3600.0,
        max_sources: int = MAX_SOURCES,
    ) -> None:
        self.allowed = allowed
        self.first_wait = first_wait
        self.max_wait = max_wait
        self.forget_after = forget_after
        self.max_sources = max_sources
        self._lock = threading.Lock()
        self._records: OrderedDict[str, _Record] = OrderedDict()

    def retry_after(self, source: str, now: float) -> int | None:
        """Whole seconds ``source`` must still wait, or None when it may try now."""
        with self._lock:
            record = self._records.get(source)
            if record is None or record.blocked_until <= now:
                return None
            return max(1, math.ceil(record.blocked_until - now))

    def failed(self, source: str, now: float) -> None:
        """Count a wrong answer from ``source``."""
        with self._lock:
            record = self._records.pop(source, None)
            if record is None or now - record.last_failure > self.forget_after:
                record = _Record()
            record.failures += 1
            record.last_failure = now
            if record.failures >= self.allowed:
                doublings = min(record.failures - self.allowed, 32)
                wait = min(self.max_wait, self.first_wait * 2**doublings)
                record.blocked_until = now + wait
            self._records[source] = record  # most recent last
            while len(self._records) > self.max_sources:
                self._records.popitem(last=False)

    def succeeded(self, source: str) -> None:
        """A right answer: ``source`` starts afresh."""
        with self._lock:
            self._records.pop(source, None)


@dataclass
class Throttles:
    """The sandbox's throttles, one per kind of secret that can be guessed."""

    #: Activation codes, across every address: the lock of one address (five wrong codes,
    #: per source too) is in the database; this slows down a source that tries many.
    activation: Throttle = field(default_factory=lambda: Throttle(allowed=5))
    #: The technical account's password, in the ``cpro-account`` header.
    technical_account: Throttle = field(default_factory=lambda: Throttle(allowed=5))
    #: The PISTE client secret, at the token service.
    client_secret: Throttle = field(default_factory=lambda: Throttle(allowed=5))
