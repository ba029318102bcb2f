"""The backend calls in flight of one owner (a page, the Paramètres dialog), one per kind.

A page may wait for several answers at once: step 4 loads the password rules while the user
asks for a new mail. Each call has a *kind* (``"rules"``, ``"resend"``, the page's
``"step"``…). A newer call voids only an older call of the same kind: the older one's answer is
dropped when it comes. :meth:`Calls.cancel_all` voids them all when the owner goes away.

The owner is told of every change (``on_change``) and shows it: a busy bar while any call runs,
with the caption of the newest (:attr:`Calls.caption`), and « Réessayer » while a failure that
may pass on a second try waits (:meth:`Calls.retry` runs those calls again, each of its kind).

No Qt here: the calls run on the owner's runner, which calls back on the GUI thread
(:class:`~chorus_wizard.workers.TaskRunner`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class Runner(Protocol):
    """Runs ``fn`` somewhere and then calls exactly one of the two callbacks."""

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None: ...


@dataclass(frozen=True, slots=True, eq=False)
class Call:
    """One call as started; the in-flight one of a kind is known by identity (``is``)."""

    kind: str
    caption: str
    fn: Callable[[], Any]
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]


def _never(_error: BaseException) -> bool:
    return False


class Calls:
    """The calls of one owner: at most one in flight of each kind, the newest one wins."""

    def __init__(
        self,
        runner: Runner,
        on_change: Callable[[], None],
        *,
        retryable: Callable[[BaseException], bool] = _never,
    ) -> None:
        self._runner = runner
        self._on_change = on_change
        self._retryable = retryable
        #: kind → call, oldest first
        self._in_flight: dict[str, Call] = {}
        #: kind → call whose failure may pass on a second try, oldest first
        self._failed: dict[str, Call] = {}

    @property
    def busy(self) -> bool:
        return bool(self._in_flight)

    @property
    def in_flight(self) -> tuple[str, ...]:
        """The kinds of the calls running, oldest first."""
        return tuple(self._in_flight)

    @property
    def caption(self) -> str:
        """The caption of the newest call running ("" when none runs)."""
        return next(reversed(self._in_flight.values())).caption if self._in_flight else ""

    @property
    def retry_kinds(self) -> tuple[str, ...]:
        """The kinds whose last call failed in a way that may pass on a second try."""
        return tuple(self._failed)

    def start(
        self,
        kind: str,
        caption: str,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Run ``fn``; the callback runs unless a newer call of ``kind`` started meanwhile,
        or :meth:`cancel_all` was called. The owner is told before the callback runs."""
        self._run(Call(kind, caption, fn, on_success, on_failure))

    def retry(self) -> None:
        """Run again every call whose failure may pass on a second try."""
        calls, self._failed = list(self._failed.values()), {}
        for call in calls:
            self._run(call)

    def cancel_all(self) -> None:
        """Void every call in flight and forget the failures waiting for a retry."""
        self._in_flight.clear()
        self._failed.clear()
        self._on_change()

    def _run(self, call: Call) -> None:
        # Popped first so that the newest call of a kind is also the last in order.
        self._in_flight.pop(call.kind, None)
        self._in_flight[call.kind] = call
        self._failed.pop(call.kind, None)
        self._on_change()
        self._runner.run(
            call.fn,
            lambda value: self._succeeded(call, value),
            lambda error: self._failed_with(call, error),
        )

    def _finish(self, call: Call) -> bool:
        """Whether ``call`` is still the one of its kind (it is no longer in flight)."""
        if self._in_flight.get(call.kind) is not call:
            return False
        del self._in_flight[call.kind]
        return True

    def _succeeded(self, call: Call, value: Any) -> None:
        if self._finish(call):
            self._on_change()
            call.on_success(value)

    def _failed_with(self, call: Call, error: BaseException) -> None:
        if self._finish(call):
            if self._retryable(error):
                self._failed[call.kind] = call
            self._on_change()
            call.on_failure(error)
