"""The ``chorus-wizard`` command (and ``python -m chorus_wizard``, which the bundles run).

:func:`main` turns Python's automatic cycle collection off before anything else is
imported: the GUI thread's collector (:mod:`chorus_wizard.ui.collector`) takes the work over
when the wizard is built, so that no worker thread ever destroys a Qt object, and what the
start made is frozen out of later collections once the window is painted. That is why the
program's modules are imported inside :func:`main`, after the collector is held (the
measurements are in ``docs/performance.md``). The sandbox's process never starts here: it
is the ``chorus-wizard-sandbox`` command (``sandbox/process.py``).
"""

from __future__ import annotations

import gc
import logging
import sys


def hold_collector() -> None:
    """Automatic cycle collection off, until the GUI thread's collector takes over."""
    gc.disable()


def main(argv: list[str] | None = None) -> int:
    hold_collector()
    # Imported once the collector is held (see the module's docstring).
    from chorus_wizard.app import compose
    from chorus_wizard.config import resolve_config
    from chorus_wizard.launch import launch

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config = resolve_config(sys.argv[1:] if argv is None else argv)
    if config.self_test:
        from chorus_wizard.selftest import self_test_main  # it loads the HTTP client at once

        return self_test_main()
    return launch(config, compose)
