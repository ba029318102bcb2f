"""The ``chorus-wizard`` command: Python's cycle collector waits for the first window.

Importing PySide6 and the wizard makes some 33,000 objects that the cycle collector tracks,
and CPython runs it about forty times meanwhile, each time over the objects made since the
last one: about 10 ms of the launch on a shared 2-core machine, to find a few hundred
objects of garbage (docs/performance.md). :func:`main` turns automatic collection off before
anything is imported; the GUI thread's collector (:mod:`chorus_wizard.ui.collector`) takes
the work over when the wizard is built, and once the window is painted what the start made,
which lives as long as the program, is frozen out of later collections
(:func:`~chorus_wizard.ui.collector.keep_start_up_objects`). A launch that opens no window
(``--version``, a link handed to the wizard already running) ends at once; the sandbox's
process, spawned from a bundle, turns collection back on (``sandbox/process.py``).
"""

from __future__ import annotations

import gc


def hold_collector() -> None:
    """Automatic cycle collection off, until the GUI thread's collector takes over."""
    gc.disable()


def main(argv: list[str] | None = None) -> int:
    hold_collector()
    from chorus_wizard.app import main as run_wizard

    return run_wizard(argv)
