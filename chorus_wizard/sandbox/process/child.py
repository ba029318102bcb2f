"""The sandbox's side of :mod:`.process`: ``chorus-wizard-sandbox --serve-for-wizard``.

The wizard started this process with the listening socket it bound (an inherited file
descriptor; on Windows, :meth:`socket.socket.share`'s bytes on the standard input). It checks
its data folder before importing the server, serves, says :data:`~.process.READY` (or why it
could not start) on its standard output, and stops when the wizard says
:data:`~.process.STOP` or its standard input ends (the wizard is gone, even killed).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import dataclasses
import json
import logging
import os
import socket
import sys
from pathlib import Path
from typing import IO

from chorus_wizard.files import StartFailure, WriteProblem, write_problem
from chorus_wizard.sandbox.process.listening import as_tcp
from chorus_wizard.sandbox.process.parent import CHILD_FLAG, FAILURE, READY, READY_TIMEOUT_S, SHARED

log = logging.getLogger(__name__)

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


def _say(channel: IO[str], *words: str) -> None:
    channel.write(" ".join(words) + "\n")
    channel.flush()


def _report_failure(channel: IO[str], error: Exception, data_dir: Path) -> None:
    log.error("The sandbox could not start", exc_info=error)
    failure = start_failure(error, data_dir)
    _say(channel, FAILURE, json.dumps(dataclasses.asdict(failure)))


def _child_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=f"chorus-wizard-sandbox {CHILD_FLAG}")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--public-url", required=True)
    parser.add_argument("--socket", required=True, help=f"a file descriptor, or {SHARED!r}")
    return parser.parse_args(argv)


def _inherited_socket(which: str, stdin: IO[str]) -> socket.socket:
    if sys.platform == "win32" and which == SHARED:  # the wizard writes its bytes first
        return socket.fromshare(base64.b64decode(stdin.readline()))
    return as_tcp(socket.socket(fileno=int(which)))


def child_main(argv: list[str]) -> int:
    """The sandbox's process, as the wizard starts it (``chorus-wizard-sandbox`` followed by
    :data:`CHILD_FLAG` and these arguments)."""
    args = _child_arguments(argv)
    data_dir: Path = args.data_dir
    channel, sys.stdout = sys.stdout, sys.stderr  # nothing else may write on the channel
    sock = _inherited_socket(args.socket, sys.stdin)
    try:
        log_file = data_dir / "sandbox" / "sandbox.log"
        log_file.parent.mkdir(parents=True, exist_ok=True)
        check_data_folder(log_file.parent)
        logging.basicConfig(
            filename=log_file,
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
            force=True,
        )
    except Exception as exc:  # told to the wizard, which says why at once
        _report_failure(channel, exc, data_dir)
        return 1
    from chorus_wizard.sandbox.server import SandboxServer

    server = SandboxServer(data_dir, public_url=args.public_url)  # no I/O yet
    server.adopt(sock)
    try:
        server.serve()
        server.wait_ready(READY_TIMEOUT_S)
    except Exception as exc:  # the database or the disk, met by the server's thread
        _report_failure(channel, exc, data_dir)
        server.stop()
        return 1
    _say(channel, READY)
    with contextlib.suppress(OSError, ValueError):
        sys.stdin.readline()  # STOP, or the end of the input when the wizard is gone
    log.info("The wizard said stop, or is gone: the sandbox stops")
    server.stop()
    return 0
