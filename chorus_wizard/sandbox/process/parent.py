"""The embedded sandbox in a process of its own, so it never competes with the window.

In the wizard's process a thread would share the GIL with the GUI (FastAPI's import and the
scrypt hashing made the window stutter) and add its memory to the wizard's. Here the wizard
binds the listening socket itself (so the URL is known before the child has started, and
early requests wait in the backlog), then starts the ``chorus-wizard-sandbox`` command with
:data:`CHILD_FLAG`, which serves that socket: from the source tree ``python -m
chorus_wizard.sandbox``, from a bundle the ``chorus-wizard-sandbox`` executable beside the
wizard's (so the wizard's executable holds neither the web server nor ``multiprocessing``,
and the sandbox's no Qt). The socket goes to the child as an inherited file descriptor
(``pass_fds``), on Windows as :meth:`socket.socket.share`'s bytes on its standard input.

This module is the wizard's side and the exchange's words; :mod:`.child` is the sandbox's
side. The child's standard output says when it is ready (:data:`READY`), or why it could not
start (a :class:`StartFailure`: a full disk, a read-only folder, a damaged database), one
line each; the wizard writes :data:`STOP` on the child's standard input. When the wizard
dies, even by SIGKILL, that input closes and the child stops too. A child that fails, or
dies before it is ready, makes the wizard close its listening socket, so that waiting
requests fail at once, and :attr:`SandboxProcess.failure` tells why (the wizard's first call
says so, see :mod:`chorus_wizard.backend.local_sandbox`). The child logs to
``<data-dir>/sandbox/sandbox.log``.

The port stays the same from one start to the next, so that the ``http://127.0.0.1:PORT``
link of an earlier mail still opens: the port that last served is kept in
``<data-dir>/sandbox/port.json`` and tried first; when another program holds it, a free port
is taken (the mail's ``chorus-wizard://`` link still works then) and remembered instead.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from chorus_wizard.files import (
    SetAside,
    StartFailure,
    WriteProblem,
    read_json,
    write_json_atomically,
)
from chorus_wizard.sandbox.process.listening import base_url, listen

if TYPE_CHECKING:
    import socket
    import subprocess

log = logging.getLogger(__name__)

#: The first argument of ``chorus-wizard-sandbox`` when the wizard starts it.
CHILD_FLAG = "--serve-for-wizard"
#: ``--socket`` when the socket comes as :meth:`socket.socket.share`'s bytes (Windows).
SHARED = "shared"
READY = "ready"
FAILURE = "failure"
STOP = "stop"
#: How long the process may take to serve before the wizard gives up on it.
READY_TIMEOUT_S = 120
#: In ``<data-dir>/sandbox/``: the port that last served, tried first at the next start.
PORT_FILE = "port.json"


def child_command() -> list[str]:
    """How the wizard starts ``chorus-wizard-sandbox``: the executable beside its own in a
    bundle, else this Python with ``-m``."""
    if getattr(sys, "frozen", False):
        name = "chorus-wizard-sandbox.exe" if sys.platform == "win32" else "chorus-wizard-sandbox"
        return [str(Path(sys.executable).with_name(name))]
    return [sys.executable, "-m", "chorus_wizard.sandbox"]


def _port(document: object) -> int:
    if not isinstance(document, dict):
        raise ValueError("not an object")
    port = document["port"]
    if not isinstance(port, int) or isinstance(port, bool) or not 1024 <= port <= 65535:
        raise ValueError("not a port")
    return port


def remembered_port(data_dir: Path) -> int:
    """The port the sandbox of ``data_dir`` last served on; 0 when none is known."""
    try:
        return read_json(data_dir / "sandbox" / PORT_FILE, _port) or 0
    except SetAside:  # damaged: set aside by the reader, and a free port is taken
        return 0


def remember_port(data_dir: Path, port: int) -> None:
    """Keep ``port`` for the next start (a folder that takes no writes only loses that)."""
    try:
        write_json_atomically(data_dir / "sandbox" / PORT_FILE, {"port": port})
    except OSError as error:
        log.warning("The sandbox's port could not be kept (%s)", type(error).__name__)


def listen_on_the_same_port(host: str, data_dir: Path) -> socket.socket:
    """A socket on the port the sandbox last served on, else on a free one."""
    port = remembered_port(data_dir)
    if port:
        try:
            return listen(host, port)
        except OSError as error:  # another program holds it now
            log.info("Port %s taken (%s): the sandbox takes a free one", port, error.strerror)
    return listen(host, 0)


def _failure_from(line: str, folder: str) -> StartFailure:
    """What the child's line says: its :class:`StartFailure`, or what went wrong with it."""
    import json

    word, _, rest = line.strip().partition(" ")
    if word == FAILURE:
        with contextlib.suppress(ValueError, TypeError):
            return StartFailure(**json.loads(rest))
    return StartFailure(WriteProblem.OTHER.value, line.strip() or "no answer", folder)


class SandboxProcess:
    """``bind()`` to know the URL, ``serve()`` when convenient, ``stop()`` at the end.

    Making one costs nothing, and binding imports neither the server nor the web framework.
    """

    def __init__(self, data_dir: Path, host: str = "127.0.0.1") -> None:
        self.data_dir = data_dir
        self.host = host
        self._socket: socket.socket | None = None
        self._process: subprocess.Popen[str] | None = None
        self._ready = threading.Event()
        self._failure: StartFailure | None = None
        self._base_url = ""
        self._port = 0
        self._lock = threading.Lock()  # serve() may run in a helper thread, stop() in the GUI
        self._stopped = False
        self._timed_out = False

    @property
    def base_url(self) -> str:
        if not self._base_url:
            raise RuntimeError("the sandbox is not bound")
        return self._base_url

    def bind(self) -> str:
        """Bind the listening socket, the first time, and return the sandbox's URL."""
        with self._lock:
            return self._bind()

    def _bind(self) -> str:
        if self._socket is None:
            if self._stopped:
                raise RuntimeError("the sandbox was stopped")
            self._socket = listen_on_the_same_port(self.host, self.data_dir)
            self._port = self._socket.getsockname()[1]
            self._base_url = base_url(self.host, self._port)
        return self._base_url

    def serve(self) -> None:
        """Start the serving process, binding first if need be (a second call, or a call
        after stop(), does nothing)."""
        with self._lock:
            if self._process is not None or self._stopped:
                return
            self._bind()
            self._spawn()

    def _spawn(self) -> None:
        sock = self._socket
        if sock is None:
            raise RuntimeError("the sandbox is not bound")
        import subprocess  # here, in the start-up worker: not on the first window's path

        command = [*child_command(), CHILD_FLAG, "--data-dir", str(self.data_dir)]
        command += ["--public-url", self.base_url]
        windows = sys.platform == "win32"
        fd = sock.fileno()
        process = subprocess.Popen(
            [*command, "--socket", SHARED if windows else str(fd)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            encoding="utf-8",
            pass_fds=() if windows else (fd,),
            # Windows: the sandbox's executable is a console program, started without a window.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        if sys.platform == "win32":  # the socket follows as share()'s bytes, once the pid is known
            import base64

            assert process.stdin is not None
            with contextlib.suppress(OSError):  # a child already gone says so on its output
                process.stdin.write(base64.b64encode(sock.share(process.pid)).decode() + "\n")
                process.stdin.flush()
        self._process = process
        threading.Thread(target=self._await_ready, name="sandbox-ready", daemon=True).start()

    def _await_ready(self) -> None:
        process = self._process
        assert process is not None and process.stdout is not None
        folder = str(self.data_dir / "sandbox")
        timer = threading.Timer(READY_TIMEOUT_S, self._give_up, args=(process,))
        timer.daemon = True
        timer.start()
        try:
            line = process.stdout.readline()
        except (OSError, ValueError):  # closed by stop()
            line = ""
        finally:
            timer.cancel()
        if line.strip() == READY:
            # The child serves its own copy: without ours, a sandbox that dies later
            # refuses connections at once instead of leaving them waiting.
            self._release_socket()
            if self._port != remembered_port(self.data_dir):
                remember_port(self.data_dir, self._port)  # it served: the next start tries it
            self._ready.set()
            return
        if self._timed_out:
            failure = StartFailure(WriteProblem.OTHER.value, "timeout", folder)
        elif line:
            failure = _failure_from(line, folder)
        else:  # the process died before it could say why
            failure = StartFailure(WriteProblem.OTHER.value, self._exit_description(), folder)
        self._failure = failure
        # Requests waiting in the backlog are refused now, not left to time out.
        self._release_socket()
        if self._stopped:  # closed while it started (the wizard closed early): no failure
            log.info("Sandbox stopped before it was ready (%s)", failure.error)
        else:
            log.error("Le bac à sable n'a pas démarré (%s, %s)", failure.problem, failure.error)
        self._ready.set()

    def _give_up(self, process: subprocess.Popen[str]) -> None:
        self._timed_out = True
        process.kill()

    def _exit_description(self) -> str:
        import subprocess

        process = self._process
        if process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                return f"exit code {process.wait(1)}"
        return "no answer"

    @property
    def failure(self) -> StartFailure | None:
        """Why the process could not start; None while it starts and once it serves."""
        return self._failure

    def wait_failure(self, timeout: float) -> StartFailure | None:
        """:attr:`failure`, waiting up to ``timeout`` seconds for the start to end."""
        if self._process is not None:
            self._ready.wait(timeout)
        return self._failure

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Return once the sandbox serves; raise if it could not start."""
        if not self._ready.wait(timeout):
            raise TimeoutError(f"the sandbox was not ready within {timeout} s")
        failure = self._failure
        if failure is not None:
            raise RuntimeError(
                f"the sandbox failed to start ({failure.problem}: {failure.error}, {failure.path})"
            )

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the process to stop, wait for it, and close the socket (idempotent)."""
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):  # already gone, or said already
                process.stdin.write(STOP + "\n")
                process.stdin.flush()
            with contextlib.suppress(OSError, ValueError):
                process.stdin.close()
        if process is not None:
            import subprocess

            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.terminate()
                try:
                    process.wait(2)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._release_socket()

    def _release_socket(self) -> None:
        sock = self._socket
        if sock is not None:
            sock.close()
