"""The embedded sandbox's own process: serves the wizard's socket, stops with the wizard."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from chorus_wizard.sandbox.process import SandboxProcess

ROOT = Path(__file__).resolve().parents[2]


def test_serves_then_stops(tmp_path: Path) -> None:
    sandbox = SandboxProcess(tmp_path)
    sandbox.bind()
    url = sandbox.base_url
    sandbox.serve()
    try:
        # asked before the child is up: waits in the backlog, then gets its answer
        assert httpx.get(f"{url}/sandbox/v1/sante", timeout=60).status_code == 200
        sandbox.wait_ready(60)
        assert sandbox.running
    finally:
        sandbox.stop()
    assert not sandbox.running
    assert (tmp_path / "sandbox" / "sandbox.log").is_file()
    try:
        httpx.get(f"{url}/sandbox/v1/sante", timeout=2)
    except httpx.ConnectError:
        pass
    else:  # pragma: no cover - the port must be closed now
        raise AssertionError("the sandbox still answers after stop()")


def test_stops_when_the_wizard_is_killed(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from chorus_wizard.sandbox.process import SandboxProcess
        sandbox = SandboxProcess(Path({str(tmp_path)!r}))
        sandbox.bind()
        sandbox.serve()
        sandbox.wait_ready(60)
        print(sandbox.base_url, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert parent.stdout is not None
    url = parent.stdout.readline().strip()
    parent.stdout.close()
    assert httpx.get(f"{url}/sandbox/v1/sante", timeout=10).status_code == 200
    parent.send_signal(signal.SIGKILL)  # no clean-up at all
    parent.wait(10)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/sandbox/v1/sante", timeout=1)
        except httpx.TransportError:
            return  # the orphaned sandbox noticed and stopped
        time.sleep(0.2)
    raise AssertionError("the sandbox outlived the killed wizard")


def test_stopping_it_while_it_starts_is_no_failure(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The wizard closed at once: the sandbox's process goes, and no error is logged."""
    sandbox = SandboxProcess(tmp_path)
    sandbox.serve()  # binds, spawns: its process takes about a second to serve
    sandbox.stop()
    with contextlib.suppress(RuntimeError):  # stopped before it was ready: the point here
        sandbox.wait_ready(60)
    assert not sandbox.running
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
