"""Run a script in a fresh interpreter: for what this test run, which has imported
everything and runs its own collector, can no longer show (imports, start-up)."""

from __future__ import annotations

import subprocess
import sys


def run_python(script: str, *args: str, timeout: float = 60) -> str:
    """``python -c script args…``; its standard output. Fails, with its error output, unless
    it exits with 0."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def last_line(output: str) -> str:
    """The last line a script printed (its report, after anything printed on the way)."""
    return output.strip().splitlines()[-1]
