"""The ``chorus-wizard`` command (and ``python -m chorus_wizard``, which the bundles run).

The sandbox's process never starts here: it is the ``chorus-wizard-sandbox`` command
(``sandbox/process.py``).
"""

from __future__ import annotations

import logging
import sys

from chorus_wizard.app import compose
from chorus_wizard.config import resolve_config
from chorus_wizard.launch import launch


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config = resolve_config(sys.argv[1:] if argv is None else argv)
    if config.self_test:
        # Here: the self-test loads the HTTP client at once (docs/performance.md, « Step 1
        # first »).
        from chorus_wizard.selftest import self_test_main

        return self_test_main()
    return launch(config, compose)
