"""The ``chorus-wizard`` command (and ``python -m chorus_wizard``, which the bundles run).

The sandbox's process never starts here: it is the ``chorus-wizard-sandbox`` command
(``sandbox/process/parent.py``).
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


def run() -> int:
    """:func:`main` for the bundles, whose wizard is a windowed program on Windows and macOS.

    There an uncaught exception would make PyInstaller's bootloader show its traceback in a
    dialog and wait for someone to close it, even when nobody is there (a self-test in CI, a
    link handed by the browser). Instead the traceback goes to the standard error when there
    is one, and always to ``chorus-wizard-erreur-<time>.txt`` in the temporary folder, and
    the program exits with status 3.
    """
    try:
        return main()
    except Exception:
        return report_crash()


def report_crash() -> int:
    """Write the exception being handled where it can be read; the exit status to return."""
    import tempfile
    import time
    import traceback
    from pathlib import Path

    text = traceback.format_exc()
    name = f"chorus-wizard-erreur-{time.strftime('%Y%m%d-%H%M%S')}.txt"
    path = Path(tempfile.gettempdir()) / name
    try:
        path.write_text(text, encoding="utf-8")
        saved = str(path)
    except OSError:
        saved = ""
    stream = sys.stderr
    if stream is not None:
        try:
            print(text, file=stream, flush=True)
            if saved:
                print(f"Rapport d'erreur\u00a0: {saved}", file=stream, flush=True)
        except (OSError, ValueError):  # a closed or unusable stream: the file says it
            pass
    return 3
