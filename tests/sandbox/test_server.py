"""SandboxServer: socket bound at start, lazy heavy imports, clean stop."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from chorus_wizard.sandbox.server import SandboxServer


def test_base_url_is_known_before_the_server_is_ready(tmp_path: Path) -> None:
    server = SandboxServer(tmp_path)
    server.start()
    try:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert not server.base_url.endswith(":0")
        # A request sent right away waits in the backlog instead of failing.
        response = httpx.get(f"{server.base_url}/sandbox/v1/sante", timeout=30)
        assert response.json() == {"codeRetour": 0, "libelle": "OK"}
        server.wait_ready(5)
    finally:
        server.stop()
    assert not server.running
    try:
        httpx.get(f"{server.base_url}/sandbox/v1/sante", timeout=2)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the server still answers after stop()")


def test_importing_the_server_module_does_not_import_fastapi() -> None:
    code = (
        "import sys, chorus_wizard.sandbox.server, chorus_wizard.sandbox.__main__; "
        "assert 'fastapi' not in sys.modules and 'uvicorn' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
