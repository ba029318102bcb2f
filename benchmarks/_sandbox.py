"""The sandbox as ``chorus-wizard-sandbox`` runs it, for the benchmarks that load it.

``python -m chorus_wizard.sandbox`` in its own process, on a free loopback port, with the data
folder it is given; its error output goes to a log file beside that folder. Standard library
only.
"""

from __future__ import annotations

import re
import signal
import subprocess
import uuid
from pathlib import Path

from benchmarks._common import PYTHON, ROOT, child_env

READY = re.compile(r"(http://127\.0\.0\.1:\d+)")


class SandboxServer:
    """One server process on ``data_dir``; :attr:`base_url` once it serves."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.log = data_dir.parent / f"{data_dir.name}-stderr-{uuid.uuid4().hex[:8]}.log"
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "chorus_wizard.sandbox", "--port", "0", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # the server prints its URL once it serves
        found = READY.search(line)
        if not found:
            self.stop()
            raise RuntimeError(f"sandbox did not start: {line!r}")
        self.base_url = found.group(1)

    def internal_errors(self) -> int:
        """How many « Erreur interne » the server logged (each is a 500 it answered)."""
        self._log_file.flush()
        return self.log.read_text(errors="replace").count("Erreur interne")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._close()

    def _close(self) -> None:
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._log_file.close()
