"""The sandbox's listening socket and its URL, with the standard library only.

The wizard binds the socket itself, before the sandbox's process exists (see :mod:`.process`),
so this module is what the wizard's side imports of the server: no FastAPI, no uvicorn.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

BACKLOG = 128


def is_unspecified(host: str) -> bool:
    """``0.0.0.0`` or ``::``: every interface."""
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def family(host: str) -> socket.AddressFamily:
    try:
        return socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        return socket.AF_INET


def listen(host: str, port: int) -> socket.socket:
    """A TCP socket listening on ``host``:``port`` (port 0: a free one)."""
    host = "127.0.0.1" if host == "localhost" else host
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose protocol says
    # TCP, and without it every reused connection waits for the client's delayed ACK
    # (Nagle's algorithm).
    sock = socket.socket(family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if sys.platform != "win32":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def as_tcp(sock: socket.socket) -> socket.socket:
    """``sock``, saying it is TCP: a socket rebuilt from a file descriptor says protocol 0 where
    the system cannot tell (see :func:`listen` for why it matters)."""
    if sock.proto == socket.IPPROTO_TCP:
        return sock
    return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())


def base_url(host: str, port: int) -> str:
    """``http://127.0.0.1:PORT`` (the loopback address when bound to every interface)."""
    if host == "localhost":
        host = "127.0.0.1"
    elif is_unspecified(host):
        host = "127.0.0.1" if family(host) == socket.AF_INET else "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"
