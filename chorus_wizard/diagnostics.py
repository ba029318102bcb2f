"""« Exporter un diagnostic »: a zip that support can read, holding no secret.

Qt-free. :class:`DiagnosticJournal` is a logging handler that keeps the last records in
memory (never on disk) plus the last messages the user saw; :func:`write_diagnostic` writes
them with the versions and the backend profile's name into a zip. Secrets are kept out of
logs at the source (the wizard never logs a password, answer, code or token); :func:`scrub`
is the second line of defence for anything that slipped into a message, such as a URL with
``code=…`` in an exception text.
"""

from __future__ import annotations

import json
import logging
import platform
import re
import sys
import zipfile
from collections import deque
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path

from chorus_wizard import __version__

#: How many user-facing messages, and how many log lines, the journal keeps.
MESSAGES_KEPT = 20
RECORDS_KEPT = 300

_SECRET_VALUE = re.compile(
    r"(?i)\b(code|password|passwd|mot[ _-]?de[ _-]?passe|motDePasse|answer|reponse"
    r"|réponse|reponseQuestionSecrete|secret|client_secret|token|jeton|jetonInscription"
    r"|access_token|authorization|cpro-account)"
    r"(\"?\s*[:=]\s*\"?)([^\s\"&,;}]+)"
)
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}")


def scrub(text: str) -> str:
    """``text`` with anything that looks like a secret value replaced by « *** »."""
    text = _BEARER.sub(lambda m: f"{m.group(1)} ***", text)
    return _SECRET_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


class DiagnosticJournal(logging.Handler):
    """Keeps the last log records and the last messages shown, in memory only."""

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.records: deque[str] = deque(maxlen=RECORDS_KEPT)
        self.messages: deque[str] = deque(maxlen=MESSAGES_KEPT)
        self.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S")
        )

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.records.append(scrub(self.format(record)))
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)

    def note(self, text: str) -> None:
        """A line of the journal written by the program itself (a page change…)."""
        self.records.append(f"{datetime.now():%H:%M:%S} {scrub(text)}")

    def message_shown(self, tone: str, text: str) -> None:
        """A message the user saw in a banner (the errors are what support asks for)."""
        line = f"{datetime.now():%H:%M:%S} [{tone}] {scrub(text)}"
        self.records.append(line)
        if tone == "ERROR":
            self.messages.append(line)


def environment(
    *, profile_name: str, profile_label: str, qt_versions: Mapping[str, str]
) -> dict[str, str]:
    """Versions and platform, for the diagnostic's ``environnement.json``."""
    return {
        "chorus_wizard": __version__,
        "python": sys.version.split()[0],
        "plateforme": platform.platform(),
        "systeme": f"{platform.system()} {platform.release()}",
        "machine": platform.machine(),
        **qt_versions,
        "profil": profile_name,
        "profil_libelle": profile_label,
    }


def write_diagnostic(
    path: Path,
    *,
    info: Mapping[str, str],
    messages: Iterable[str],
    records: Iterable[str],
    now: datetime,
) -> Path:
    """Write the zip at ``path``: ``environnement.json``, ``erreurs.txt``, ``journal.txt``."""
    clean_info = {key: scrub(str(value)) for key, value in info.items()}
    clean_info["date"] = now.isoformat(timespec="seconds")
    errors = [scrub(line) for line in messages] or ["(aucune erreur affichée)"]
    journal = [scrub(line) for line in records] or ["(journal vide)"]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "environnement.json", json.dumps(clean_info, ensure_ascii=False, indent=2) + "\n"
        )
        archive.writestr("erreurs.txt", "\n".join(errors) + "\n")
        archive.writestr("journal.txt", "\n".join(journal) + "\n")
    return path


def diagnostic_file_name(now: datetime) -> str:
    return f"diagnostic-chorus-wizard-{now:%Y-%m-%d-%H%M}.zip"
