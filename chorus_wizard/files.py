"""The files the program keeps: one reader that sets aside what it cannot use, and writes that a
crash never leaves half done.

Every file the wizard reads back (the draft, the Paramètres, the interface's preferences) goes
through :func:`read_json`. Whatever makes a file unusable — a read error, bytes that are not
UTF-8, JSON nested deeper than Python can follow, a document of the wrong shape — renames it
aside (``draft.json`` → ``draft.endommage-20261127-103000.json``), never deleting it, so that
support can look at it; the caller gets :class:`SetAside` and says so once, in French.

:func:`write_problem` names, for a person, why a write failed (a full disk, a read-only
folder…), for the wizard's pages and the embedded sandbox alike.
"""

from __future__ import annotations

import enum
import errno
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Tags of the set-aside copies' names (the reason is in the message).
DAMAGED = "endommage"
UNREADABLE = "illisible"

DAMAGED_REASON = QT_TRANSLATE_NOOP("files", "il est endommagé")
UNREADABLE_REASON = QT_TRANSLATE_NOOP("files", "il n'a pas pu être lu ({reason})")


class Unusable(Exception):
    """Raised by a reader's ``check``: the document is whole but not one it can use.

    ``reason`` is a French source string of the ``files`` context (marked with
    ``QT_TRANSLATE_NOOP``), translated when shown; ``tag`` goes into the set-aside copy's name.
    """

    def __init__(self, reason: str = DAMAGED_REASON, tag: str = DAMAGED) -> None:
        super().__init__(reason)
        self.reason = reason
        self.tag = tag


class SetAside(Exception):
    """``path`` could not be used and was renamed to ``aside`` (None: renaming failed too).

    :attr:`reason` says why in the interface's language at the time it is read: a file read
    before the translations are installed (the Paramètres) is described in the right language.
    """

    def __init__(
        self, path: Path, aside: Path | None, reason: str, details: dict[str, str] | None = None
    ) -> None:
        super().__init__(path.name)
        self.path = path
        self.aside = aside
        #: The reason's French source (context ``files``), and the values it names.
        self.reason_source = reason
        self.details = details or {}

    @property
    def reason(self) -> str:
        """« il est endommagé », « il n'a pas pu être lu (…) »…"""
        return translate("files", self.reason_source).format(**self.details)

    def __str__(self) -> str:
        return self.reason


def read_json(
    path: Path,
    check: Callable[[Any], T],
    *,
    clock: Callable[[], datetime] | None = None,
) -> T | None:
    """``check(document)`` for the JSON document in ``path``; None when there is no file.

    Anything short of a crash of the interpreter (``RecursionError`` from a document nested
    too deep, ``UnicodeDecodeError``, a ``check`` that meets a wrong type…) renames the file
    aside and raises :class:`SetAside`: the next start finds no file and begins afresh.
    ``check`` raises :class:`Unusable` to give its own reason and tag.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise set_aside(path, UNREADABLE, UNREADABLE_REASON, clock, {"reason": reason}) from None
    try:
        import json  # only when there is a file to read: not on a first launch

        document = json.loads(data.decode("utf-8"))
        return check(document)
    except Unusable as exc:
        raise set_aside(path, exc.tag, exc.reason, clock) from None
    except Exception as exc:  # whatever it is, the file is unusable: never fatal
        log.warning("%s unusable (%s): set aside", path.name, type(exc).__name__)
        raise set_aside(path, DAMAGED, DAMAGED_REASON, clock) from None


def set_aside(
    path: Path,
    tag: str,
    reason: str,
    clock: Callable[[], datetime] | None = None,
    details: dict[str, str] | None = None,
) -> SetAside:
    """Rename ``path`` to ``<stem>.<tag>-<UTC time><suffix>`` beside it (a number added if
    that name is taken); the :class:`SetAside` to raise."""
    stamp = (clock or _utc_now)().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.{tag}-{stamp}{path.suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.stem}.{tag}-{stamp}-{number}{path.suffix}")
    try:
        os.replace(path, aside)
    except OSError as exc:
        log.warning("%s could not be set aside (%s)", path.name, type(exc).__name__)
        return SetAside(path, None, reason, details)
    log.warning("%s set aside as %s", path.name, aside.name)
    return SetAside(path, aside, reason, details)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def write_json_atomically(path: Path, document: Any, *, indent: int = 1) -> None:
    """Write ``document`` as JSON to ``path``: a temporary file in the same folder, flushed to
    disk, then renamed over ``path``, so readers see the old file or the new one, whole."""
    import json  # on the first write, not when the program starts

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, ensure_ascii=False, indent=indent)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(temporary, path)
        except PermissionError as error:
            # The new content was written beside it: the folder takes writes, the file itself
            # is held (Windows refuses to replace a file another program has open).
            raise FileInUse(error.errno, error.strerror, str(path)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class FileInUse(PermissionError):
    """The file could not be replaced though its folder takes writes: another program holds
    it open (on Windows)."""


class WriteProblem(enum.Enum):
    """Why something could not be written, as a person would be told."""

    DISK_FULL = "disk-full"
    READ_ONLY = "read-only"
    DENIED = "denied"
    #: The folder takes writes, the file is held open by another program (Windows).
    IN_USE = "in-use"
    #: SQLite says its database file is not one, or is damaged.
    DAMAGED_DATABASE = "damaged-database"
    OTHER = "other"


_SQLITE_PROBLEMS = {
    "SQLITE_FULL": WriteProblem.DISK_FULL,
    "SQLITE_READONLY": WriteProblem.READ_ONLY,
    "SQLITE_PERM": WriteProblem.DENIED,
    "SQLITE_CANTOPEN": WriteProblem.DENIED,
    "SQLITE_NOTADB": WriteProblem.DAMAGED_DATABASE,
    "SQLITE_CORRUPT": WriteProblem.DAMAGED_DATABASE,
}


@dataclass(frozen=True)
class StartFailure:
    """Why the embedded sandbox's process could not start, as it saw it (sent over its pipe
    to the wizard).

    ``problem`` is a :class:`WriteProblem` value (a full disk, a read-only folder, a damaged
    database…), ``error`` the exception's type, ``path`` the file or folder concerned.
    """

    problem: str
    error: str
    path: str = ""


def write_problem(error: BaseException) -> WriteProblem:
    """The kind of ``error`` (an ``OSError``, or ``sqlite3``'s errors by their code name),
    looking through its causes: a start error wraps the one that matters."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, FileInUse):
            return WriteProblem.IN_USE
        if isinstance(current, OSError):
            if current.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                return WriteProblem.DISK_FULL
            if current.errno == errno.EROFS:
                return WriteProblem.READ_ONLY
            if current.errno in (errno.EACCES, errno.EPERM):
                return WriteProblem.DENIED
        name = str(getattr(current, "sqlite_errorname", ""))
        for prefix, problem in _SQLITE_PROBLEMS.items():
            if name == prefix or name.startswith(f"{prefix}_"):
                return problem
        current = current.__cause__ or current.__context__
    return WriteProblem.OTHER
