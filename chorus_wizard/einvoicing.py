"""Electronic invoicing since 1 September 2026: what follows for one business (Qt-free).

The facts (dates, categories, the invoices that stay on Chorus Pro, what designating a
*Plateforme Agréée* takes, the annuaire) are data in ``resources/einvoicing.toml``, each with
its source and the date it was checked, in French and English; this module only reads them and
picks what applies to a business of a given category (``categorie_entreprise`` of API
Recherche d'entreprises, ``categorieEntreprise`` of Sirene: ``PME``, ``ETI``, ``GE``, or none).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from chorus_wizard.resources import resource_path

#: The categories the directories give; anything else counts as unknown.
CATEGORIES = ("PME", "ETI", "GE")
LANGUAGES = ("fr", "en")


def category_of(raw: object) -> str:
    """``PME``, ``ETI`` or ``GE`` from a directory's value; ``""`` when it gives none."""
    if not isinstance(raw, str):
        return ""
    value = raw.strip().upper()
    return value if value in CATEGORIES else ""


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str
    checked: date
    #: ``read``: the page itself was read that day; ``notes``: compared with the domain notes.
    how: str


@dataclass(frozen=True)
class Advice:
    """What follows for one business, in one language, ready to show or print."""

    category: str  # PME, ETI, GE, or "" when unknown
    category_name: str
    #: Receive, issue (and, for an unknown category, the rule that decides), public customers.
    obligations: tuple[str, ...]
    stay_heading: str
    stays_on_chorus_pro: tuple[str, ...]
    checklist_title: str
    checklist: tuple[str, ...]
    annuaire: str
    annuaire_url: str
    annuaire_guide_url: str
    #: The date each date of this advice comes into force (receive, issue…).
    issue_dates: tuple[date, ...]


@dataclass(frozen=True)
class Rules:
    """The whole data file, checked once when read."""

    raw: dict[str, Any]
    sources: dict[str, Source]

    def advice(self, category: str, language: str = "fr") -> Advice:
        """What follows for a business of ``category`` (``""`` when unknown)."""
        lang = language if language in LANGUAGES else "fr"
        data = self.raw
        known = category_of(category)
        part = data["categories"][known] if known else data["unknown"]
        obligations = [data["receive"][lang], part[lang]]
        dates: tuple[date, ...]
        if known:
            dates = (date.fromisoformat(part["issue"]),)
        else:
            obligations.append(part[f"rule_{lang}"])
            dates = tuple(
                sorted({date.fromisoformat(c["issue"]) for c in data["categories"].values()})
            )
        obligations.append(data["public"][lang])
        return Advice(
            category=known,
            category_name=part[f"name_{lang}"],
            obligations=tuple(obligations),
            stay_heading=data["public"][f"stay_{lang}"],
            stays_on_chorus_pro=tuple(e[lang] for e in data["public"]["exceptions"]),
            checklist_title=data["designation"][f"title_{lang}"],
            checklist=tuple(data["designation"][lang]),
            annuaire=data["annuaire"][lang],
            annuaire_url=data["annuaire"]["url"],
            annuaire_guide_url=data["annuaire"]["guide_url"],
            issue_dates=dates,
        )

    def receive_date(self) -> date:
        return date.fromisoformat(self.raw["receive"]["date"])


class RulesError(ValueError):
    """The data file is incomplete: a fact without its source, a text without its language."""


def _check(data: dict[str, Any], sources: dict[str, Source]) -> None:
    facts: list[tuple[str, dict[str, Any]]] = [
        ("receive", data["receive"]),
        ("unknown", data["unknown"]),
        ("public", data["public"]),
        ("designation", data["designation"]),
        ("annuaire", data["annuaire"]),
        *((f"categories.{k}", v) for k, v in data["categories"].items()),
        *((f"public.exceptions[{i}]", v) for i, v in enumerate(data["public"]["exceptions"])),
    ]
    for name, fact in facts:
        if fact.get("source") not in sources:
            raise RulesError(f"{name}: unknown or missing source {fact.get('source')!r}")
        for lang in LANGUAGES:
            if not fact.get(lang):
                raise RulesError(f"{name}: no {lang} text")
    if sorted(data["categories"]) != sorted(CATEGORIES):
        raise RulesError(f"categories: expected {CATEGORIES}")


def read_rules(path: Path) -> Rules:
    """Read and check ``path`` (the format of ``resources/einvoicing.toml``)."""
    with path.open("rb") as file:
        data = tomllib.load(file)
    try:
        sources = {
            key: Source(
                key,
                value["title"],
                value.get("url", ""),
                date.fromisoformat(value["checked"]),
                value["how"],
            )
            for key, value in data["sources"].items()
        }
        _check(data, sources)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, RulesError):
            raise
        raise RulesError(f"{path.name}: {error!r}") from error
    return Rules(data, sources)


@cache
def rules() -> Rules:
    """The shipped rules (read once)."""
    return read_rules(resource_path("einvoicing.toml"))


def advice_for(category: str, language: str = "fr") -> Advice:
    """What follows for a business of ``category``, from the shipped rules."""
    return rules().advice(category, language)
