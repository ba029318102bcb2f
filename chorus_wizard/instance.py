"""One wizard per user and data folder: a second launch hands its link to the first one.

The first launch takes a lock file in the data folder (:meth:`SingleInstance.claim`) and
listens on a local socket (a Unix socket, a named pipe on
Windows) whose name is derived from the user and the data folder, so two users of one
computer, or two data folders of one user, each get their own wizard. A later launch finds
the lock taken, connects, sends one line (the activation link it was given, or nothing to
just bring the window to the front) and exits.

QLockFile tells a lock left by a crashed wizard, whose process is gone, and takes it over.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: Longest message accepted from another launch (an activation link is far shorter).
MAX_MESSAGE = 4096
#: How long a second launch keeps trying to reach the wizard holding the lock (it listens
#: once its window is built).
HAND_OVER_S = 5.0


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): fall back to the numeric id
        return str(os.getuid()) if hasattr(os, "getuid") else "inconnu"


def server_name(data_dir: Path, user: str | None = None) -> str:
    """The local socket's name for ``user`` (default: the current one) and ``data_dir``."""
    key = f"{user if user is not None else _user()}\0{data_dir.expanduser().resolve()}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
    return f"chorus-wizard-{digest[:24]}"


class SingleInstance(QObject):
    """``claim()`` the lock and later ``listen()`` (told by ``message_received``), or
    ``hand_over()`` to the wizard that holds it."""

    message_received = Signal(str)

    def __init__(
        self,
        name: str,
        parent: QObject | None = None,
        *,
        lock_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._lock: QLockFile | None = None
        if lock_path is not None:
            self._lock = QLockFile(str(lock_path))
            # Stale only when its process is gone. By default QLockFile also deems stale a
            # lock older than 30 s (only the file system's own lock, where there is one,
            # then keeps a wizard open for longer from losing it); Qt's advice for a lock
            # held for long is 0.
            self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def claim(self) -> bool:
        """Take the lock file: True when no other wizard runs on this data folder.

        A lock whose process is gone (a crash) is taken over. Without a lock path, or when
        the file cannot be written, True: the local socket alone decides, as before.
        """
        if self._lock is None:
            return True
        if self._lock.tryLock(0):
            return True
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:
            return False  # a wizard that is alive holds it
        log.warning("Single-instance lock file unusable (%s): going on without it", error)
        return True

    def hand_over(self, message: str, patience_s: float = HAND_OVER_S) -> bool:
        """:meth:`send` to the wizard holding the lock, waiting for it to listen if it has
        only just started; False if it never answers."""
        deadline = time.monotonic() + patience_s
        while True:
            if self.send(message):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def send(self, message: str, timeout_ms: int = 2000) -> bool:
        """Hand ``message`` to the wizard already running; False when there is none."""
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(timeout_ms):
                return False
            data = message.replace("\n", " ").encode("utf-8")[: MAX_MESSAGE - 1] + b"\n"
            socket.write(data)
            while socket.bytesToWrite() > 0:
                if not socket.waitForBytesWritten(timeout_ms):
                    log.warning("Could not hand the link over: %s", socket.errorString())
                    return False
            socket.disconnectFromServer()
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.waitForDisconnected(timeout_ms)
            return True
        finally:
            socket.abort()
            socket.deleteLater()

    def listen(self) -> bool:
        """Become the running wizard; False (logged) when the name cannot be taken."""
        if self._server is not None and self._server.isListening():
            return True
        server = self._server or QLocalServer(self)
        # Only this user may connect (Unix socket permissions; the pipe's ACL on Windows).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if self._server is None:
            server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        if not server.listen(self.name):
            # A wizard that crashed leaves its Unix socket file behind: nobody answered
            # send(), so the name is stale and can be taken over.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("Single-instance socket unavailable: %s", server.errorString())
                return False
        return True

    def close(self) -> None:
        """Stop listening (the server object goes with this one) and give the lock back."""
        if self._server is not None:
            self._server.close()
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()

    def _on_server_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._on_socket_disconnected(s))
            self._on_socket_ready_read(socket)
            if socket.state() == socket.LocalSocketState.UnconnectedState:
                self._on_socket_disconnected(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(socket.readAll().data())
        if b"\n" in buffer or len(buffer) >= MAX_MESSAGE:
            self._finish(socket)

    def _on_socket_disconnected(self, socket: QLocalSocket) -> None:
        if socket in self._buffers:
            self._on_socket_ready_read(socket)
        if socket in self._buffers:
            self._finish(socket)

    def _finish(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.pop(socket)
        socket.abort()
        socket.deleteLater()
        line = bytes(buffer[:MAX_MESSAGE]).split(b"\n", 1)[0]
        self.message_received.emit(line.decode("utf-8", "replace").strip())
