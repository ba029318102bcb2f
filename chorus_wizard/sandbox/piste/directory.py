"""``GET /search``: the sandbox's company directory, in the API Recherche d'entreprises shape.

The real API (``recherche-entreprises.api.gouv.fr``, code in the public repository
``annuaire-entreprises-data-gouv-fr/search-api``) answers one result per company (SIREN);
the establishments that matched the query are listed under ``matching_etablissements``. A
14-digit ``q`` is a direct lookup: the company, with that one establishment. Errors are
``{"erreur": "…"}`` with the API's own sentences. The wrapper carries ``total_results``,
``page``, ``per_page``, ``total_pages`` and ``execution_time`` (see ``docs/wire-format.md``).

A name query is full text as there: every term must be found in the company's name or in the
address of one of its establishments (so a town narrows it), and the filters ``code_postal``,
``departement`` and ``code_commune`` (comma-separated lists) keep the establishments located
there; ``matching_etablissements`` lists the establishments that matched.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from chorus_wizard.domain.identifiers import compact
from chorus_wizard.sandbox.store.seed import Directory

#: The real API's limits and defaults (``app/controller/field_validation.py`` there).
LIMITS = {
    "page": (1, 1000, 1),
    "per_page": (1, 25, 10),
    "limite_matching_etablissements": (1, 100, 10),
}
MAX_TOTAL_RESULTS = 10_000
MIN_TERMS = 3

NO_PARAMETER = "Veuillez indiquer au moins un paramètre de recherche."
TERMS_TOO_SHORT = (
    "3 caractères minimum pour les termes de la requête (ou utilisez au moins un filtre)"
)
TOO_MANY_RESULTS = (
    "Le nombre total de résultats est restreint à 10 000. Pour garantir cela, le produit du "
    "numéro de page (par défaut, page = 1) et du nombre de résultats par page (par défaut, "
    "per_page = 10), c'est-à-dire `page * per_page`, ne doit pas excéder 10 000."
)


#: Location filters of the real API (comma-separated lists), and the pattern of one value.
FILTERS = {
    "code_postal": re.compile(r"^\d{5}$"),
    "departement": re.compile(r"^(?:\d{2}|2[AB]|97\d)$"),
    "code_commune": re.compile(r"^(?:\d{5}|2[AB]\d{3})$"),
}


class SearchError(ValueError):
    """A query the real API refuses with 400 and this ``erreur``."""


def _integer(params: dict[str, str], name: str) -> int:
    low, high, default = LIMITS[name]
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SearchError(f"Veuillez indiquer un paramètre `{name}` entier.") from None
    if not low <= value <= high:
        raise SearchError(
            f"Veuillez indiquer un paramètre `{name}` entre `{low}` et `{high}`, "
            f"par défaut `{default}`."
        )
    return value


def _establishments(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in entry.get("matching_etablissements") or [] if isinstance(e, dict)]


def _with_matching(entry: dict[str, Any], matching: list[dict[str, Any]]) -> dict[str, Any]:
    return {**entry, "matching_etablissements": matching}


def _folded(text: Any) -> str:
    """Upper-case-, accent- and punctuation-blind text for matching terms."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def _department(place: dict[str, Any]) -> str:
    """The establishment's department: its own field, else from its postcode or commune."""
    if place.get("departement"):
        return str(place["departement"]).upper()
    commune = str(place.get("commune") or "")
    if commune[:2] in ("2A", "2B"):
        return commune[:2]
    postcode = str(place.get("code_postal") or "")
    if not postcode.isdigit():
        return ""
    if postcode.startswith("97"):
        return postcode[:3]
    if postcode.startswith("20"):
        return "2A" if postcode < "20200" else "2B"
    return postcode[:2]


def _located(place: dict[str, Any], filters: dict[str, set[str]]) -> bool:
    values = {
        "code_postal": str(place.get("code_postal") or ""),
        "departement": _department(place),
        "code_commune": str(place.get("commune") or ""),
    }
    return all(values[name] in wanted for name, wanted in filters.items())


def _merged(selected: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The seed may hold one entry per establishment of a company: one result per SIREN."""
    merged: dict[str, dict[str, Any]] = {}
    for entry in selected:
        siren = str(entry.get("siren"))
        if siren not in merged:
            merged[siren] = _with_matching(entry, list(_establishments(entry)))
            continue
        known = {e.get("siret") for e in merged[siren]["matching_etablissements"]}
        merged[siren]["matching_etablissements"].extend(
            e for e in _establishments(entry) if e.get("siret") not in known
        )
    return merged


def companies(
    directory: Directory, query: str, filters: dict[str, set[str]] | None = None
) -> list[dict[str, Any]]:
    """One answer per company for ``query`` (a SIRET, a SIREN or words of the name and the
    address), its establishments kept to those located by ``filters``."""
    filters = filters or {}
    if query.isdigit() and len(query) == 14:
        found = directory.lookup(query)
        if found is None:
            return []
        matching = [e for e in _establishments(found.entry) if e.get("siret") == query]
        return [_with_matching(found.entry, matching)]
    if query.isdigit() and len(query) == 9:
        selected = [e for e in directory.entries if e.get("siren") == query]
        return list(_merged(selected).values())
    terms = _folded(query).split()
    answers = []
    for entry in _merged(directory.entries).values():
        name = _folded(
            " ".join(
                str(entry.get(k) or "") for k in ("nom_complet", "nom_raison_sociale", "sigle")
            )
        )
        name_words = set(name.split())
        places = [e for e in entry["matching_etablissements"] if _located(e, filters)]
        kept = []
        for place in places:
            where = set(_folded(f"{place.get('adresse')} {place.get('libelle_commune')}").split())
            if all(term in name_words or term in where or term in name for term in terms):
                kept.append(place)
        if kept:
            answers.append(_with_matching(entry, kept))
    return answers


def search_answer(directory: Directory, params: dict[str, str]) -> dict[str, Any]:
    """The body of ``GET /search`` for these query parameters; :class:`SearchError` when the
    real API would refuse them."""
    started = time.perf_counter()
    page = _integer(params, "page")
    per_page = _integer(params, "per_page")
    matching_size = _integer(params, "limite_matching_etablissements")
    if page * per_page > MAX_TOTAL_RESULTS:
        raise SearchError(TOO_MANY_RESULTS)
    filters: dict[str, set[str]] = {}
    for name, pattern in FILTERS.items():
        raw_filter = (params.get(name) or "").strip()
        if not raw_filter:
            continue
        values = {v.strip().upper() for v in raw_filter.split(",") if v.strip()}
        bad = sorted(v for v in values if not pattern.match(v))
        if bad:
            raise SearchError(
                f"Veuillez indiquer un paramètre `{name}` valide («\u00a0{bad[0]}\u00a0»)."
            )
        filters[name] = values
    raw = params.get("q")
    if raw is None and not filters:
        raise SearchError(NO_PARAMETER)
    terms = " ".join((raw or "").split())
    if len(terms) < MIN_TERMS and not filters:
        raise SearchError(TERMS_TOO_SHORT)
    digits = compact(terms)
    found = companies(directory, digits if digits.isdigit() else terms, filters)
    start = (page - 1) * per_page
    results = [
        _with_matching(entry, entry["matching_etablissements"][:matching_size])
        for entry in found[start : start + per_page]
    ]
    return {
        "results": results,
        "total_results": len(found),
        "page": page,
        "per_page": per_page,
        "total_pages": math.ceil(len(found) / per_page),
        "execution_time": round((time.perf_counter() - started) * 1000),
    }


_PARAMETERS = [
    {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}},
    *(
        {"name": name, "in": "query", "required": False, "schema": {"type": "integer"}}
        for name in LIMITS
    ),
    *(
        {"name": name, "in": "query", "required": False, "schema": {"type": "string"}}
        for name in FILTERS
    ),
]


def build_directory_router(directory: Directory) -> APIRouter:
    """``GET /search``: the company directory, shaped like the API Recherche d'entreprises."""
    router = APIRouter(tags=["Annuaire"])

    @router.get(
        "/search",
        summary="Rechercher une entreprise (SIRET, SIREN ou nom)",
        openapi_extra={"parameters": _PARAMETERS},
    )
    def search(request: Request) -> JSONResponse:
        try:
            return JSONResponse(search_answer(directory, dict(request.query_params)))
        except SearchError as error:
            return JSONResponse({"erreur": str(error)}, 400)

    return router
