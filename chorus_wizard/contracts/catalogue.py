"""The workspace catalogue (``resources/sandbox/workspaces.json``, domain.md §5).

The sandbox serves it at ``GET /sandbox/v1/espaces``; in portal mode the wizard reads the same
file, since real Chorus Pro's API offers no such list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Workspace given to the main manager without being offered as a choice.
MANAGER_WORKSPACE = "ACTIVITES_GESTIONNAIRE"


@dataclass(frozen=True)
class CatalogueEntry:
    """One entry of the workspace catalogue (``espace`` in Chorus Pro's words)."""

    code: str
    label: str
    description: str
    on_by_default: bool
    managers_only: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "libelle": self.label,
            "description": self.description,
            "activeParDefaut": self.on_by_default,
        }


def load_workspaces(path: Path) -> list[CatalogueEntry]:
    """Every entry of the catalogue file at ``path``, the managers' own included."""
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return [
        CatalogueEntry(
            code=str(w["code"]),
            label=str(w["libelle"]),
            description=str(w["description"]),
            on_by_default=bool(w.get("activeParDefaut", False)),
            managers_only=bool(w.get("attribueAuxGestionnaires", False)),
        )
        for w in data["espaces"]
    ]
