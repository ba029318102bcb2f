"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects cycles in whichever thread crosses the allocation threshold: in the wizard,
often a worker of the :class:`~chorus_wizard.workers.TaskRunner`. A collection there destroys
Qt widgets caught in reference cycles (a closed dialog, replaced labels, a finished wizard)
from the wrong thread. A deadlock was seen that way: the worker, deleting a ``QLabel``, waited
for the GIL inside ``QObject::~QObject`` while the GUI thread, holding the GIL, waited for the
Qt lock the worker held. The usual cure for Qt programs in Python: turn automatic collection
off and let a timer on the GUI thread do the same work, with the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the GUI thread looks at the collector's counts (collecting only when due).
INTERVAL_MS = 200


class GuiThreadCollector(QObject):
    """Collect on the GUI thread, generation by generation, as CPython would have."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self.start()

    def start(self) -> None:
        """Take collection over from CPython (again, after :meth:`stop`)."""
        gc.disable()
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the generations whose counts passed their threshold; objects freed."""
        young, middle, old = gc.get_count()
        first, second, third = self._thresholds
        freed = 0
        if young > first:
            freed += gc.collect(0)
            if middle > second:
                freed += gc.collect(1)
                if old > third:
                    freed += gc.collect(2)
        return freed

    def stop(self) -> None:
        """Hand collection back to CPython."""
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """The application's collector, installed once (a child of ``app``), and running."""
    existing = getattr(app, "_chorus_collector", None)
    if isinstance(existing, GuiThreadCollector):
        existing.start()
        return existing
    collector = GuiThreadCollector(app)
    app._chorus_collector = collector  # type: ignore[attr-defined]
    return collector
