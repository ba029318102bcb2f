"""Run blocking work (network, keychain) off the GUI thread; results come back as signals.

Call sites read like::

    self._runner.run(lambda: service.lookup(kind, number),
                     on_success=self._on_lookup_finished, on_failure=self._on_lookup_failed)

Workers never touch widgets: the callbacks run on the GUI thread, through a queued signal.
Pages and dialogs start their tasks through :class:`~chorus_wizard.ui.calls.Calls`, which
drops a late answer to a call made obsolete since, so it never lands on the wrong state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # every failure is reported to the caller, none is lost
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs callables on a thread pool and calls back on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        relay = _Relay(self)
        was_busy = self.busy
        self._relays.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self.busy:
                self.busy_changed.emit(False)
            callback(value)

        relay.succeeded.connect(lambda value: finish(on_success, value))
        relay.failed.connect(lambda exc: finish(on_failure, exc))
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Task(fn, relay))

    @Slot()
    def wait_for_done(self, msecs: int = 15000) -> bool:
        """Block until running tasks end (used at shutdown and in tests)."""
        return bool(self._pool.waitForDone(msecs))
