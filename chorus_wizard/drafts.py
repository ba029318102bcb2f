"""The signup draft on disk: versioned JSON, written atomically, never holding a secret.

The file is ``<data-dir>/draft.json``::

    {"format": "chorus-wizard-draft", "version": 2, "saved_at": "2026-11-27T10:00:00+00:00",
     "page": 2, "signup": {"email": "...", "identifier": "...", ...},
     "progress": {"account_id": 500001, ...}}

``signup`` is the signup record (:class:`chorus_wizard.contracts.record.Signup`, which holds no
secret); ``progress`` only the keys of :data:`PROGRESS_FIELDS` (where the wizard stands).
Passwords, secret answers, activation codes and signup tokens have no key, so they cannot reach
the file. A version 1 file (every value in one ``fields`` object) is read as well.
A file that cannot be read, or
that a newer version wrote, is set aside (renamed, never deleted, by
:func:`chorus_wizard.files.read_json`) with a message, and the wizard starts afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from chorus_wizard.contracts.record import Signup
from chorus_wizard.files import SetAside, Unusable, read_json, write_json_atomically
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

FORMAT = "chorus-wizard-draft"
VERSION = 2

NEWER_REASON = QT_TRANSLATE_NOOP(
    "files", "il a été écrit par une version plus récente du programme"
)

#: Where the wizard stands, beside the record: what a draft may hold, with its value's type.
PROGRESS_FIELDS: dict[str, type] = {
    "no_siret": bool,
    "email_again": str,
    "prefilled_for": str,
    # the directory's category of the business (the e-invoicing advice), kept for a resume
    # after the account exists, when the directory is not asked again
    "categorie_entreprise": str,
    "account_id": int,
    "structure_id": int,
    "workspaces": list,
    "workspaces_saved": bool,
    # until when step 4 is locked after five wrong codes (ISO time; shown again on a resume)
    "activation_locked_until": str,
    # portal mode: ticked « done on the portal » boxes, and when the portal's mail arrived
    "portal_account_created": bool,
    "portal_activated": bool,
    "portal_mail_arrived": str,
    # « parcours du portail actuel » (ui/pages/today.py): the path, what the record has no
    # field for, the steps done (account created, activated, second factor passed), the
    # structure page's choices
    "path": str,
    "email_contact": str,
    "cgu_acceptees": bool,
    "today_reached": int,
    "today_join": bool,
    "today_workspaces": list,
}


class DraftSetAside(SetAside):
    """The draft file was unusable and has been renamed; ``str()`` says so in French."""

    def __init__(self, aside: SetAside) -> None:
        super().__init__(aside.path, aside.aside, aside.reason_source, aside.details)

    def __str__(self) -> str:
        if self.aside is None:
            return translate(
                "drafts",
                "L'inscription commencée précédemment n'a pas pu être reprise\u00a0: {why}. Une "
                "nouvelle inscription commence.",
            ).format(why=self.reason)
        return translate(
            "drafts",
            "L'inscription commencée précédemment n'a pas pu être reprise\u00a0: {why}. Le fichier "
            "a été mis de côté ({file}) et une nouvelle inscription commence.",
        ).format(why=self.reason, file=self.aside.name)


@dataclass(frozen=True)
class SavedDraft:
    saved_at: datetime
    page: int
    signup: Signup
    progress: dict[str, Any]


def _saved_draft(document: Any) -> SavedDraft:
    """The draft in a JSON document (:func:`~chorus_wizard.files.read_json`'s check)."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise Unusable()
    version = int(document["version"])
    if version > VERSION:
        raise Unusable(NEWER_REASON, f"v{version}")
    saved_at = datetime.fromisoformat(str(document["saved_at"]))
    page = int(document["page"])
    if version == 1:  # one object held the record's values and the progress
        signup = progress = document["fields"]
    else:
        signup, progress = document["signup"], document["progress"]
    if not isinstance(signup, dict) or not isinstance(progress, dict):
        raise Unusable()
    return SavedDraft(saved_at, page, Signup.from_values(signup), _checked(progress))


def _checked(progress: dict[str, Any]) -> dict[str, Any]:
    """Keep only known keys with values of the expected type."""
    kept = {}
    for key, value in progress.items():
        kind = PROGRESS_FIELDS.get(key)
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

    def save(self, page: int, signup: Signup, progress: dict[str, Any]) -> None:
        """Write the draft atomically (temporary file in the same folder, then rename)."""
        unknown = set(progress) - set(PROGRESS_FIELDS)
        if unknown:
            raise ValueError(f"not progress fields: {sorted(unknown)}")
        document = {
            "format": FORMAT,
            "version": VERSION,
            "saved_at": self._clock().isoformat(),
            "page": page,
            "signup": signup.values(),
            "progress": _checked(progress),
        }
        write_json_atomically(self.path, document)

    def load(self) -> SavedDraft | None:
        """The saved draft, None if there is none; :class:`DraftSetAside` if it was unusable."""
        try:
            return read_json(self.path, _saved_draft, clock=self._clock)
        except SetAside as aside:
            raise DraftSetAside(aside) from None

    def discard(self) -> None:
        """Forget the draft (signup finished, or the user starts over)."""
        self.path.unlink(missing_ok=True)
