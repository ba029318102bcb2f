"""The signup draft on disk: versioned JSON, written atomically, never holding a secret.

The file is ``<data-dir>/draft.json``::

    {"format": "chorus-wizard-draft", "version": 1, "saved_at": "2026-11-27T10:00:00+00:00",
     "page": 2, "fields": {"email": "...", "siret": "...", ...}}

Only the keys of :data:`DRAFT_FIELDS` are written: passwords, secret answers, activation codes
and signup tokens have no key, so they cannot reach the file. A file that cannot be read, or
that a newer version wrote, is set aside (renamed, never deleted) with a message, and the
wizard starts afresh.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chorus_wizard.files import write_json_atomically
from chorus_wizard.texts import translate

FORMAT = "chorus-wizard-draft"
VERSION = 1

#: Everything a draft may hold, with the type of its value.
DRAFT_FIELDS: dict[str, type] = {
    "email": str,
    "no_siret": bool,
    "identifier_type": str,
    "identifier": str,
    "email_again": str,
    "nom": str,
    "prenom": str,
    "raison_sociale": str,
    "libelle": str,
    "adresse": str,
    "complement1": str,
    "complement2": str,
    "code_postal": str,
    "ville": str,
    "code_pays": str,
    "deposer_demandes_paiement": bool,
    "dume": bool,
    "prefilled_for": str,
    "account_id": int,
    "structure_id": int,
    "workspaces": list,
    "workspaces_saved": bool,
    # portal mode: ticked « done on the portal » boxes, and when the portal's mail arrived
    "portal_account_created": bool,
    "portal_activated": bool,
    "portal_mail_arrived": str,
}


class DraftSetAside(Exception):
    """The draft file was unusable and has been renamed; ``str()`` says so in French."""


@dataclass(frozen=True)
class SavedDraft:
    saved_at: datetime
    page: int
    fields: dict[str, Any]


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    """Keep only known keys with values of the expected type."""
    kept = {}
    for key, value in fields.items():
        kind = DRAFT_FIELDS.get(key)
        if (
            kind is not None
            and isinstance(value, kind)
            and not (kind is int and isinstance(value, bool))
        ):
            kept[key] = value
    return kept


class DraftStore:
    """Reads and writes the draft file of one data directory."""

    def __init__(self, data_dir: Path, *, clock: Any = None) -> None:
        self.path = data_dir / "draft.json"
        self._clock = clock or (lambda: datetime.now(UTC))

    def save(self, page: int, fields: dict[str, Any]) -> None:
        """Write the draft atomically (temporary file in the same folder, then rename)."""
        unknown = set(fields) - set(DRAFT_FIELDS)
        if unknown:
            raise ValueError(f"not draft fields: {sorted(unknown)}")
        document = {
            "format": FORMAT,
            "version": VERSION,
            "saved_at": self._clock().isoformat(),
            "page": page,
            "fields": _checked(fields),
        }
        write_json_atomically(self.path, document)

    def load(self) -> SavedDraft | None:
        """The saved draft, None if there is none; :class:`DraftSetAside` if it was unusable."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            why = translate(
                "drafts",
                "il n'a pas pu être lu ({reason})",
            ).format(reason=exc.strerror)
            raise self._set_aside("illisible", why) from None
        try:
            document = json.loads(text)
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                raise ValueError("not a draft")
            version = int(document["version"])
            if version > VERSION:
                raise self._set_aside(
                    f"v{version}",
                    translate("drafts", "il a été écrit par une version plus récente du programme"),
                )
            saved_at = datetime.fromisoformat(str(document["saved_at"]))
            page = int(document["page"])
            fields = document["fields"]
            if not isinstance(fields, dict):
                raise ValueError("fields")
        except DraftSetAside:
            raise
        except (ValueError, KeyError, TypeError):
            raise self._set_aside("endommage", translate("drafts", "il est endommagé")) from None
        return SavedDraft(saved_at, page, _checked(fields))

    def discard(self) -> None:
        """Forget the draft (signup finished, or the user starts over)."""
        self.path.unlink(missing_ok=True)

    def _set_aside(self, tag: str, why: str) -> DraftSetAside:
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"draft.{tag}-{stamp}.json")
        try:
            os.replace(self.path, aside)
        except OSError:
            return DraftSetAside(
                translate(
                    "drafts",
                    "L'inscription commencée précédemment n'a pas pu être reprise : {why}. Une "
                    "nouvelle inscription commence.",
                ).format(why=why)
            )
        return DraftSetAside(
            translate(
                "drafts",
                "L'inscription commencée précédemment n'a pas pu être reprise : {why}. Le fichier "
                "a été mis de côté ({file}) et une nouvelle inscription commence.",
            ).format(why=why, file=aside.name)
        )
