"""The embedded sandbox in a process of its own, so it never competes with the window.

In the wizard's process a thread would share the GIL with the GUI (FastAPI's import and the
scrypt hashing made the window stutter) and add its memory to the wizard's. Here the wizard
binds the listening socket itself (so the URL is known before the child has started, and
early requests wait in the backlog), then a spawned child process serves it. The two talk
over one pipe: the child says when it is ready, or why it could not start (a
:class:`StartFailure`: a full disk, a read-only folder, a damaged database), the wizard says
stop; when the wizard dies, even by SIGKILL, the pipe closes and the child stops too. A child
that fails, or dies before it is ready, makes the wizard close its listening socket, so that
waiting requests fail at once, and :attr:`SandboxProcess.failure` tells why (the wizard's
first call says so, see :mod:`chorus_wizard.backend.local_sandbox`). The child logs to
``<data-dir>/sandbox/sandbox.log``.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from chorus_wizard.files import StartFailure, WriteProblem, write_problem

if TYPE_CHECKING:
    import socket
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from chorus_wizard.sandbox.server import SandboxServer

log = logging.getLogger(__name__)

READY = "ready"
STOP = "stop"
#: How long the process may take to serve before the wizard gives up on it.
READY_TIMEOUT_S = 120
#: What :func:`check_data_folder` writes: a disk with less room than this is full for the
#: sandbox (its database grows by pages of 4 KiB, its WAL and mail by more).
PROBE_BYTES = 16 * 1024


def start_failure(error: BaseException, data_dir: Path) -> StartFailure:
    """The :class:`StartFailure` for ``error`` met while the sandbox started in ``data_dir``."""
    path = ""
    current: BaseException | None = error
    while current is not None and not path:
        if isinstance(current, OSError) and current.filename:
            path = str(current.filename)
        current = current.__cause__ or current.__context__
    problem = write_problem(error)
    if not path:  # SQLite names no file: its database, or the folder it lives in
        folder = data_dir / "sandbox"
        path = str(folder / "sandbox.db" if problem is WriteProblem.DAMAGED_DATABASE else folder)
    cause = error.__cause__ or error
    return StartFailure(problem.value, type(cause).__name__, path)


def check_data_folder(folder: Path) -> None:
    """Meet now, before the server's modules are imported (which takes a second or so), the
    failures the sandbox would meet then: a folder it cannot write to, a full disk, a
    database that is not one. Raises what the sandbox would have raised."""
    probe = folder / ".ecriture-possible"
    try:
        with probe.open("wb") as stream:
            stream.write(bytes(PROBE_BYTES))
            stream.flush()
            os.fsync(stream.fileno())
    finally:
        probe.unlink(missing_ok=True)
    database = folder / "sandbox.db"
    if database.exists():
        import sqlite3

        with contextlib.closing(sqlite3.connect(database)) as conn:
            conn.execute("PRAGMA schema_version").fetchone()


def _report_failure(conn: Connection, error: Exception, data_dir: Path) -> None:
    log.error("The sandbox could not start", exc_info=error)
    conn.send(start_failure(error, data_dir))


def _child_main(sock: socket.socket, data_dir: Path, public_url: str, conn: Connection) -> None:
    """Entry point of the sandbox process."""
    # A bundle spawns this process from its own start, which holds the cycle collector until
    # the wizard's window is up (chorus_wizard/start.py): a server needs it on.
    gc.enable()
    try:
        log_file = data_dir / "sandbox" / "sandbox.log"
        log_file.parent.mkdir(parents=True, exist_ok=True)
        check_data_folder(log_file.parent)
        logging.basicConfig(
            filename=log_file,
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    except Exception as exc:  # told to the wizard, which says why at once
        _report_failure(conn, exc, data_dir)
        return
    from chorus_wizard.sandbox.server import SandboxServer

    server = SandboxServer(data_dir, public_url=public_url)  # no I/O yet
    server.adopt(sock)
    try:
        server.serve()
        server.wait_ready(120)
    except Exception as exc:  # the database or the disk, met by the server's thread
        _report_failure(conn, exc, data_dir)
        server.stop()
        return
    conn.send(READY)
    try:
        conn.recv()  # STOP, or EOFError when the wizard is gone
    except (EOFError, OSError):
        log.info("Wizard gone: the sandbox stops")
    server.stop()


class SandboxProcess:
    """``bind()`` to know the URL, ``serve()`` when convenient, ``stop()`` at the end.

    Making one costs nothing: the socket modules are imported by :meth:`bind`.
    """

    def __init__(self, data_dir: Path, host: str = "127.0.0.1") -> None:
        self.data_dir = data_dir
        self.host = host
        self._binder: SandboxServer | None = None
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._ready = threading.Event()
        self._failure: StartFailure | None = None
        self._base_url = ""
        self._lock = threading.Lock()  # serve() may run in a helper thread, stop() in the GUI
        self._stopped = False

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
        if self._binder is None:
            if self._stopped:
                raise RuntimeError("the sandbox was stopped")
            from chorus_wizard.sandbox.server import SandboxServer

            binder = SandboxServer(self.data_dir, self.host)
            binder.bind()
            self._binder, self._base_url = binder, binder.base_url
        return self._base_url

    def serve(self) -> None:
        """Spawn the serving process, binding first if need be (a second call, or a call after
        stop(), does nothing)."""
        with self._lock:
            if self._process is not None or self._stopped:
                return
            self._bind()
            self._spawn()

    def _spawn(self) -> None:
        sock = self._binder._socket if self._binder is not None else None
        if sock is None:
            raise RuntimeError("the sandbox is not bound")
        import multiprocessing  # here, in a worker thread: not on the first window's path

        context = multiprocessing.get_context("spawn")  # never fork a process running Qt
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_child_main,
            args=(sock, self.data_dir, self.base_url, theirs),
            name="chorus-wizard-sandbox",
            daemon=True,
        )
        process.start()
        theirs.close()
        self._process, self._conn = process, ours
        threading.Thread(target=self._await_ready, name="sandbox-ready", daemon=True).start()

    def _await_ready(self) -> None:
        conn = self._conn
        assert conn is not None
        failure: StartFailure
        folder = str(self.data_dir / "sandbox")
        try:
            if conn.poll(READY_TIMEOUT_S):
                message = conn.recv()
                if message == READY:
                    # The child serves its own copy: without ours, a sandbox that dies
                    # later refuses connections at once instead of leaving them waiting.
                    self._release_socket()
                    self._ready.set()
                    return
                if isinstance(message, StartFailure):
                    failure = message
                else:
                    failure = StartFailure(WriteProblem.OTHER.value, str(message), folder)
            else:
                failure = StartFailure(WriteProblem.OTHER.value, "timeout", folder)
        except (EOFError, OSError) as exc:  # the process died before it could say why
            failure = StartFailure(WriteProblem.OTHER.value, self._exit_description(exc), folder)
        self._failure = failure
        # Requests waiting in the backlog are refused now, not left to time out.
        self._release_socket()
        if self._stopped:  # closed while it started (the wizard closed early): no failure
            log.info("Sandbox stopped before it was ready (%s)", failure.error)
        else:
            log.error("Le bac à sable n'a pas démarré (%s, %s)", failure.problem, failure.error)
        self._ready.set()

    def _exit_description(self, error: BaseException) -> str:
        process = self._process
        if process is not None:
            process.join(1)
            if process.exitcode is not None:
                return f"exit code {process.exitcode}"
        return type(error).__name__

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
        return self._process is not None and self._process.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the process to stop, wait for it, and close the socket (idempotent)."""
        with self._lock:
            self._stopped = True
            conn, self._conn = self._conn, None
            process = self._process
        if conn is not None:
            with contextlib.suppress(OSError, ValueError):  # already gone
                conn.send(STOP)
            conn.close()
        if process is not None:
            process.join(timeout)
            if process.is_alive():
                process.terminate()
                process.join(2)
        self._release_socket()

    def _release_socket(self) -> None:
        binder = self._binder
        if binder is not None:
            binder.release_socket()
