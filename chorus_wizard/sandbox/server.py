"""Run the sandbox app on a socket of its own, in a background thread, without blocking anyone.

The socket is bound in :meth:`SandboxServer.start`, so :attr:`~SandboxServer.base_url` is known
at once and early connections wait in the listen backlog. FastAPI and uvicorn are imported in
the server thread only: the wizard's first window never waits for them.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from chorus_wizard.sandbox.process.listening import base_url, listen

if TYPE_CHECKING:
    from datetime import datetime

    import uvicorn

    from chorus_wizard.sandbox.mail.relay import SmtpRelay
    from chorus_wizard.sandbox.room.config import RoomConfig

log = logging.getLogger(__name__)


class SandboxServer:
    """The embedded sandbox: ``start()``, ``wait_ready()``, talk to ``base_url``, ``stop()``."""

    def __init__(
        self,
        data_dir: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        clock: Callable[[], datetime] | None = None,
        seed_dir: Path | None = None,
        public_url: str | None = None,
        smtp: SmtpRelay | None = None,
        room: RoomConfig | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.host = host
        self.port = port
        self._clock = clock
        self._seed_dir = seed_dir
        self._public_url = public_url
        self._smtp = smtp
        self._room = room
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._server: uvicorn.Server | None = None
        self._lock = threading.Lock()
        self._stop_requested = False
        self._error: BaseException | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (the loopback address when bound to every interface)."""
        if self._socket is None:
            raise RuntimeError("the sandbox server is not started")
        return base_url(self.host, self.port)

    def start(self) -> None:
        """Bind the socket now, then serve from a daemon thread."""
        self.bind()
        self.serve()

    def bind(self) -> None:
        """Listen on the socket: ``base_url`` is known, and early requests wait in the backlog
        until :meth:`serve` (the wizard serves only once its first window is painted)."""
        if self._socket is not None:
            raise RuntimeError("the sandbox server is already started")
        sock = listen(self.host, self.port)
        self._socket = sock
        self.port = int(sock.getsockname()[1])

    def adopt(self, sock: socket.socket) -> None:
        """Serve on a socket bound by another process (see :mod:`.process`)."""
        if self._socket is not None:
            raise RuntimeError("the sandbox server is already started")
        self._socket = sock
        self.host, self.port = sock.getsockname()[:2]

    def serve(self) -> None:
        """Serve from a daemon thread (importing FastAPI there); a second call does nothing."""
        if self._socket is None:
            raise RuntimeError("the sandbox server is not bound")
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._serve, name="chorus-wizard-sandbox", daemon=True
        )
        self._thread.start()

    def _serve(self) -> None:
        try:
            import uvicorn

            from chorus_wizard.sandbox.app import create_app

            app = create_app(
                self.data_dir,
                clock=self._clock,
                public_url=self._public_url or self.base_url,
                seed_dir=self._seed_dir,
                smtp=self._smtp,
                room=self._room,
            )
            config = uvicorn.Config(
                app,
                log_level="warning",
                access_log=False,
                lifespan="off",
                # The client's address is the socket's: throttling by source must not trust
                # an X-Forwarded-For that any local program can send.
                proxy_headers=False,
                log_config=None,
                timeout_graceful_shutdown=2,
            )
            server = uvicorn.Server(config)
            with self._lock:
                if self._stop_requested:
                    return
                self._server = server
            assert self._socket is not None
            try:
                server.run(sockets=[self._socket])
            finally:
                app.state.sandbox.outbox.close()
        except BaseException as exc:  # reported by wait_ready()
            self._error = exc
            log.exception("Le bac à sable n'a pas pu démarrer")

    def wait_ready(self, timeout: float = 10.0) -> None:
        """Return once the server accepts requests; raise ``TimeoutError`` or its start error."""
        deadline = time.monotonic() + timeout
        while True:
            if self._error is not None:
                raise RuntimeError("the sandbox server failed to start") from self._error
            server = self._server
            if server is not None and server.started:
                return
            if self._thread is None:
                raise RuntimeError("the sandbox server is not started")
            if not self._thread.is_alive() and self._error is None:
                raise RuntimeError("the sandbox server stopped before it was ready")
            if time.monotonic() >= deadline:
                raise TimeoutError(f"the sandbox server was not ready within {timeout} s")
            time.sleep(0.01)

    @property
    def running(self) -> bool:
        """True while the server thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the server to exit, wait for its thread, and release the socket."""
        with self._lock:
            self._stop_requested = True
            if self._server is not None:
                self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self.release_socket()

    def release_socket(self) -> None:
        """Close this process's copy of the listening socket (another process serves it)."""
        if self._socket is not None:
            self._socket.close()

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
