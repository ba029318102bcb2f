"""The embedded sandbox's own process: serves the wizard's socket, stops with the wizard."""

from __future__ import annotations

import contextlib
import logging
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from chorus_wizard.backend.local_sandbox import SandboxUnavailable, sandbox_client
from chorus_wizard.files import StartFailure
from chorus_wizard.sandbox.process.listening import base_url, listen
from chorus_wizard.sandbox.process.parent import CHILD_FLAG, SandboxProcess, child_command
from tests.fresh import last_line, run_python
from tests.tmpfs import fill, tiny_tmpfs

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
        from chorus_wizard.sandbox.process.parent import SandboxProcess
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


def start_and_ask(data_dir: Path) -> tuple[SandboxProcess, BaseException | None]:
    """Start the sandbox on ``data_dir`` and ask it something at once, as the wizard's first
    call does (before its process has said anything): what the call raised."""
    sandbox = SandboxProcess(data_dir)
    client = sandbox_client(sandbox)
    sandbox.serve()
    started = time.monotonic()
    try:
        client.get(f"{sandbox.base_url}/sandbox/v1/sante", timeout=60)
    except BaseException as exc:  # the point of the test
        print(f"the first call failed {time.monotonic() - started:.2f} s after the start")
        return sandbox, exc
    finally:
        client.close()
    return sandbox, None


def test_a_damaged_database_is_said_at_the_first_call(tmp_path: Path) -> None:
    database = tmp_path / "sandbox" / "sandbox.db"
    database.parent.mkdir()
    database.write_bytes(random.Random(5).randbytes(8192))
    sandbox, error = start_and_ask(tmp_path)
    try:
        assert isinstance(error, SandboxUnavailable)
        assert str(error).startswith(
            "Le bac à sable n'a pas pu démarrer\u00a0: sa base de données "
        )
        assert str(database) in str(error)
        assert sandbox.failure == StartFailure("damaged-database", "DatabaseError", str(database))
        with pytest.raises(RuntimeError, match="damaged-database"):
            sandbox.wait_ready(10)
        client = sandbox_client(sandbox)  # a later call: at once, without the network
        with pytest.raises(SandboxUnavailable):
            client.get(f"{sandbox.base_url}/sandbox/v1/sante")
    finally:
        sandbox.stop()
    assert not sandbox.running


def test_a_data_folder_that_is_a_file_is_said(tmp_path: Path) -> None:
    (tmp_path / "sandbox").write_text("pas un dossier")
    sandbox, error = start_and_ask(tmp_path)
    sandbox.stop()
    assert isinstance(error, SandboxUnavailable)
    assert "erreur inattendue (FileExistsError" in str(error)


def test_a_read_only_data_folder_is_said(tmp_path: Path) -> None:
    with tiny_tmpfs(tmp_path / "ro", options="ro,size=64k") as folder:
        sandbox, error = start_and_ask(folder)
        sandbox.stop()
    assert isinstance(error, SandboxUnavailable)
    assert f"son dossier {folder / 'sandbox'} est en lecture seule" in str(error)


@pytest.mark.slow
def test_a_full_disk_is_said(tmp_path: Path) -> None:
    with tiny_tmpfs(tmp_path / "full") as folder:
        fill(folder)
        sandbox, error = start_and_ask(folder)
        sandbox.stop()
    assert isinstance(error, SandboxUnavailable)
    assert "Le bac à sable n'a pas pu démarrer\u00a0: le disque est plein" in str(error)
    assert sandbox.failure is not None and sandbox.failure.problem == "disk-full"


def test_a_sandbox_that_serves_is_no_failure(tmp_path: Path) -> None:
    sandbox, error = start_and_ask(tmp_path)
    try:
        assert error is None
        assert sandbox.wait_failure(10) is None
    finally:
        sandbox.stop()


def test_a_bundle_starts_the_sandbox_executable_beside_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "chorus-wizard"))
    assert child_command() == [str(tmp_path / "chorus-wizard-sandbox")]


def test_the_source_tree_starts_the_sandbox_command_with_this_python() -> None:
    assert child_command() == [sys.executable, "-m", "chorus_wizard.sandbox"]


def test_the_wizard_side_loads_neither_the_web_server_nor_multiprocessing() -> None:
    """The wizard's bundle leaves them out (packaging/chorus-wizard.spec): the whole walk of
    the self-test, sandbox included, must run without them."""
    script = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from chorus_wizard.start import main
code = main(["--self-test"])
server_side = ("multiprocessing", "uvicorn", "fastapi", "starlette", "chorus_wizard.sandbox.app")
print(code, sorted(name for name in server_side if name in sys.modules))
"""
    assert last_line(run_python(script, timeout=180)) == "0 []"


def test_the_sandbox_command_serves_the_wizards_socket_without_qt(tmp_path: Path) -> None:
    """What the wizard starts, started by hand: it serves the inherited socket, says so on its
    output, stops when told, and never imports Qt (the sandbox's executable leaves it out)."""
    sock = listen("127.0.0.1", 0)
    url = base_url("127.0.0.1", sock.getsockname()[1])
    child = subprocess.Popen(
        [
            *(sys.executable, "-X", "importtime", "-m", "chorus_wizard.sandbox", CHILD_FLAG),
            *("--data-dir", str(tmp_path), "--public-url", url, "--socket", str(sock.fileno())),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        pass_fds=(sock.fileno(),),
    )
    sock.close()
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline() == "ready\n"
        assert httpx.get(f"{url}/sandbox/v1/sante", timeout=10).status_code == 200
        child.stdin.write("stop\n")
        child.stdin.flush()
        _, imports = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0
    assert "chorus_wizard.sandbox.app" in imports  # the import trace is there…
    assert "PySide6" not in imports  # …and holds no Qt


def serve_once(data_dir: Path) -> str:
    """Start the embedded sandbox on ``data_dir``, check that it answers, stop it: its URL."""
    sandbox = SandboxProcess(data_dir)
    try:
        sandbox.serve()
        sandbox.wait_ready(60)
        assert httpx.get(f"{sandbox.base_url}/sandbox/v1/sante", timeout=10).status_code == 200
        return sandbox.base_url
    finally:
        sandbox.stop()


def test_the_next_start_serves_on_the_same_port(tmp_path: Path) -> None:
    """A mail's http link still opens after a restart: same data folder, same port."""
    first = serve_once(tmp_path)
    assert serve_once(tmp_path) == first


def test_a_taken_port_falls_back_to_a_free_one(tmp_path: Path) -> None:
    first = serve_once(tmp_path)
    port = int(first.rsplit(":", 1)[1])
    holder = listen("127.0.0.1", port)  # another program took it meanwhile
    try:
        second = serve_once(tmp_path)
    finally:
        holder.close()
    assert second != first
    assert serve_once(tmp_path) == second  # the port that served is the one tried next


def test_a_damaged_port_file_is_set_aside_and_a_free_port_taken(tmp_path: Path) -> None:
    (tmp_path / "sandbox").mkdir()
    (tmp_path / "sandbox" / "port.json").write_text('{"port": "huit"}')
    url = serve_once(tmp_path)
    assert serve_once(tmp_path) == url
    assert len(list((tmp_path / "sandbox").glob("port.endommage-*.json"))) == 1
