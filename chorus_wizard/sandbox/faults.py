"""The sandbox's data folder cannot be written: a full disk, a read-only folder, a folder it
may not write to. Named plainly, in French, for a request (a 503 and one log line) and at
start-up (one line, no traceback).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from chorus_wizard.files import WriteProblem, write_problem

#: Less free room than this on the data folder's disk is a full disk for the sandbox (its
#: database grows by pages of 4 KiB, its WAL index by 32 KiB).
FULL_BELOW_BYTES = 64 * 1024

#: The ``libelle`` of a request refused because the data cannot be written (HTTP 503).
_REQUEST_WORDS = {
    WriteProblem.DISK_FULL: "Le disque où le bac à sable enregistre ses données est plein\u00a0: "
    "la demande n'a pas été enregistrée. Libérez de la place sur ce disque, puis réessayez.",
    WriteProblem.READ_ONLY: "Le dossier de données du bac à sable est en lecture seule\u00a0: la "
    "demande n'a pas été enregistrée. Rendez ce dossier modifiable, puis réessayez.",
    WriteProblem.DENIED: "Le bac à sable n'a pas le droit d'écrire dans son dossier de "
    "données\u00a0: la demande n'a pas été enregistrée. Donnez-lui ce droit, puis réessayez.",
}

#: What the log and the start-up line say of each problem, the folder named.
_FOLDER_WORDS = {
    WriteProblem.DISK_FULL: "le disque de {folder} est plein",
    WriteProblem.READ_ONLY: "le dossier {folder} est en lecture seule",
    WriteProblem.DENIED: "le dossier {folder} n'autorise pas l'écriture",
}


def storage_problem(error: BaseException, folder: Path) -> WriteProblem | None:
    """The problem when ``error`` says the data folder ``folder`` cannot be written; None
    otherwise.

    SQLite's own codes are vague (a full disk may come as ``SQLITE_IOERR_SHMSIZE``, a
    read-only folder as ``SQLITE_CANTOPEN``): for an input/output error, the file system is
    asked what it is.
    """
    problem = write_problem(error)
    if problem in (WriteProblem.DISK_FULL, WriteProblem.READ_ONLY):
        return problem
    if problem is WriteProblem.DENIED or _is_io_error(error):
        return _folder_problem(folder) or (problem if problem in _REQUEST_WORDS else None)
    return None


def _is_io_error(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno == errno.EIO
    return str(getattr(error, "sqlite_errorname", "")).startswith("SQLITE_IOERR")


def _folder_problem(folder: Path) -> WriteProblem | None:
    """What the file system says of ``folder``: read-only, full, or nothing wrong."""
    statvfs = getattr(os, "statvfs", None)  # absent on Windows
    try:
        if statvfs is not None and statvfs(folder).f_flag & os.ST_RDONLY:
            return WriteProblem.READ_ONLY
        if shutil.disk_usage(folder).free < FULL_BELOW_BYTES:
            return WriteProblem.DISK_FULL
    except OSError:
        return None
    return None


def request_words(problem: WriteProblem) -> str:
    """The ``libelle`` of a request refused for ``problem`` (no path: clients may be anyone)."""
    return _REQUEST_WORDS[problem]


def folder_words(problem: WriteProblem, folder: Path) -> str:
    """« le disque de /…/sandbox est plein »…"""
    return _FOLDER_WORDS[problem].format(folder=folder)


def start_line(error: BaseException, folder: Path) -> str | None:
    """The one line ``chorus-wizard-sandbox`` prints when it cannot start because of
    ``error`` in its data folder ``folder``; None when ``error`` is not such a problem."""
    problem = storage_problem(error, folder)
    if problem is None:
        return None
    return (
        f"Le bac à sable ne peut pas démarrer\u00a0: {folder_words(problem, folder)}. Corrigez "
        "ce problème (ou choisissez un autre dossier avec --data-dir), puis relancez-le."
    )
