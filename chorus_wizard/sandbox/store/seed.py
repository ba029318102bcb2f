"""Seed data of the sandbox: company directory, workspaces, secret questions, registered structures.

Everything here is read from JSON files under ``resources/sandbox`` so that facts which are
only plausible (workspace wording, question list) can be corrected without touching code.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chorus_wizard.contracts.catalogue import CatalogueEntry, load_workspaces
from chorus_wizard.contracts.record import Signup, from_wire
from chorus_wizard.resources import resource_path

log = logging.getLogger(__name__)

#: The catalogue's entries, as the sandbox serves them.
Workspace = CatalogueEntry


@dataclass(frozen=True)
class SecretQuestion:
    """One secret question offered at activation; its id never changes meaning."""

    id: int
    label: str


@dataclass(frozen=True)
class Manager:
    """The main manager (gestionnaire principal) of a pre-registered structure."""

    nom: str
    prenom: str
    email: str


@dataclass(frozen=True)
class Establishment:
    """What the sandbox needs to know about one SIRET of the directory."""

    siret: str
    entry: dict[str, Any]
    establishment_state: str | None
    legal_unit_state: str | None

    @property
    def active(self) -> bool:
        return self.legal_unit_state == "A" and self.establishment_state in ("A", None)


@dataclass
class Directory:
    """The company directory in the recherche-entreprises shape, indexed by SIRET and SIREN."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    by_siret: dict[str, Establishment] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, raw_entries: list[dict[str, Any]]) -> Directory:
        directory = cls()
        pairs = []
        for raw in raw_entries:
            entry = {k: v for k, v in raw.items() if k != "_query_siret"}
            directory.entries.append(entry)
            pairs.append((raw, entry))
        # An entry answers best for the SIRET it was queried with; a head office only seen as the
        # ``siege`` of another answer is indexed last.
        for with_siege in (False, True):
            for raw, entry in pairs:
                for siret in _sirets_of(raw, with_siege=with_siege):
                    if siret not in directory.by_siret:
                        answer = _as_head_office_answer(entry) if with_siege else entry
                        directory.by_siret[siret] = Establishment(
                            siret,
                            answer,
                            _establishment_state(answer, siret),
                            _as_state(entry.get("etat_administratif")),
                        )
        return directory

    def lookup(self, siret: str) -> Establishment | None:
        return self.by_siret.get(siret)

    def search(self, query: str) -> list[dict[str, Any]]:
        """Entries answering ``query``: a SIRET, a SIREN, or a piece of the company name."""
        if query.isdigit() and len(query) == 14:
            found = self.by_siret.get(query)
            return [found.entry] if found else []
        if query.isdigit() and len(query) == 9:
            return [e for e in self.entries if e.get("siren") == query]
        needle = query.casefold()
        return [
            e
            for e in self.entries
            if needle in str(e.get("nom_complet") or "").casefold()
            or needle in str(e.get("nom_raison_sociale") or "").casefold()
        ]


def _sirets_of(raw: dict[str, Any], *, with_siege: bool) -> list[str]:
    if with_siege:
        siege = raw.get("siege")
        if isinstance(siege, dict) and isinstance(siege.get("siret"), str):
            return [siege["siret"]]
        return []
    sirets: list[str] = []
    query = raw.get("_query_siret")
    if isinstance(query, str):
        sirets.append(query)
    for est in raw.get("matching_etablissements") or []:
        if isinstance(est, dict) and isinstance(est.get("siret"), str):
            sirets.append(est["siret"])
    return sirets


def _as_head_office_answer(entry: dict[str, Any]) -> dict[str, Any]:
    """The answer to a query on the head office's own SIRET, as the real API shapes it."""
    siege = entry.get("siege") or {}
    matching = {
        "siret": siege.get("siret"),
        "adresse": siege.get("adresse"),
        "code_postal": siege.get("code_postal"),
        "libelle_commune": siege.get("libelle_commune"),
        "etat_administratif": siege.get("etat_administratif"),
        "est_siege": True,
    }
    return {**entry, "matching_etablissements": [matching]}


def _establishment_state(entry: dict[str, Any], siret: str) -> str | None:
    for est in entry.get("matching_etablissements") or []:
        if isinstance(est, dict) and est.get("siret") == siret:
            return _as_state(est.get("etat_administratif"))
    siege = entry.get("siege")
    if isinstance(siege, dict) and siege.get("siret") == siret:
        return _as_state(siege.get("etat_administratif"))
    return None


def _as_state(value: object) -> str | None:
    return value if isinstance(value, str) else None


@dataclass
class SeedData:
    """All seed files, loaded once when the sandbox app is created."""

    directory: Directory
    workspaces: list[Workspace]
    questions: list[SecretQuestion]
    #: The structures already registered, each with its main manager.
    registered: list[Signup]

    @property
    def choosable_workspaces(self) -> list[Workspace]:
        return [w for w in self.workspaces if not w.managers_only]

    def workspace_codes(self) -> set[str]:
        return {w.code for w in self.workspaces}

    def question(self, question_id: int) -> SecretQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_directory(path: Path) -> Directory:
    """The company directory; an absent file gives an empty directory (every SIRET unknown)."""
    if not path.is_file():
        log.warning("Annuaire du bac à sable introuvable\u00a0: %s", path)
        return Directory()
    data = _read_json(path)
    results = data.get("results", []) if isinstance(data, dict) else []
    return Directory.from_entries([r for r in results if isinstance(r, dict)])


def load_questions(path: Path) -> list[SecretQuestion]:
    data = _read_json(path)
    return [SecretQuestion(int(q["id"]), str(q["libelle"])) for q in data["questions"]]


def load_registered(path: Path) -> list[Signup]:
    """The structures already on Chorus Pro, each with its main manager: a signup record, read
    from the file's wire names (``typeIdentifiantStructure``… and the manager's)."""
    data = _read_json(path)
    return [
        Signup.from_values(from_wire({**s["gestionnairePrincipal"], "structure": s}))
        for s in data["structures"]
    ]


def load_seed(seed_dir: Path | None = None) -> SeedData:
    """Load every seed file from ``seed_dir`` (default: the shipped ``resources/sandbox``)."""
    folder = seed_dir if seed_dir is not None else resource_path("sandbox")
    return SeedData(
        directory=load_directory(folder / "directory.json"),
        workspaces=load_workspaces(folder / "workspaces.json"),
        questions=load_questions(folder / "secret_questions.json"),
        registered=load_registered(folder / "registered.json"),
    )
