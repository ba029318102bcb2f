"""One wizard per user and data folder: a second launch hands its link to the first one.

The first launch listens on a local socket (a Unix socket, a named pipe on Windows) whose
name is derived from the user and the data folder, so two users of one computer, or two data
folders of one user, each get their own wizard. A later launch connects, sends one line (the
activation link it was given, or nothing to just bring the window to the front) and exits.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: Longest message accepted from another launch (an activation link is far shorter).
MAX_MESSAGE = 4096


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): fall back to the numeric id
        return str(os.getuid()) if hasattr(os, "getuid") else "inconnu"


def server_name(data_dir: Path, user: str | None = None) -> str:
    """The local socket's name for ``user`` (default: the current one) and ``data_dir``."""
    key = f"{user if user is not None else _user()}\0{data_dir.expanduser().resolve()}"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return f"chorus-wizard-{digest}"


class SingleInstance(QObject):
    """``send()`` to a running wizard, or ``listen()`` and be told by ``message_received``."""

    message_received = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

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
        """Stop listening (the server object goes with this one)."""
        if self._server is not None:
            self._server.close()

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
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
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
