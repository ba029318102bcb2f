"""``GET /search``: the sandbox's company directory, in the API Recherche d'entreprises shape.

The real API (``recherche-entreprises.api.gouv.fr``, code in the public repository
``annuaire-entreprises-data-gouv-fr/search-api``) answers one result per company (SIREN);
the establishments that matched the query are listed under ``matching_etablissements``. A
14-digit ``q`` is a direct lookup: the company, with that one establishment. Errors are
``{"erreur": "…"}`` with the API's own sentences. The wrapper carries ``total_results``,
``page``, ``per_page``, ``total_pages`` and ``execution_time`` (see ``docs/wire-format.md``).
"""

from __future__ import annotations

import math
import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from chorus_wizard.domain.identifiers import compact
from chorus_wizard.sandbox.seed import Directory

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


def companies(directory: Directory, query: str) -> list[dict[str, Any]]:
    """One answer per company for ``query`` (a SIRET, a SIREN or a piece of the name)."""
    if query.isdigit() and len(query) == 14:
        found = directory.lookup(query)
        if found is None:
            return []
        matching = [e for e in _establishments(found.entry) if e.get("siret") == query]
        return [_with_matching(found.entry, matching)]
    if query.isdigit() and len(query) == 9:
        selected = [e for e in directory.entries if e.get("siren") == query]
    else:
        needle = query.casefold()
        selected = [
            e
            for e in directory.entries
            if needle in str(e.get("nom_complet") or "").casefold()
            or needle in str(e.get("nom_raison_sociale") or "").casefold()
        ]
    # The seed may hold one entry per establishment of a company: one result per SIREN.
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
    return list(merged.values())


def search_answer(directory: Directory, params: dict[str, str]) -> dict[str, Any]:
    """The body of ``GET /search`` for these query parameters; :class:`SearchError` when the
    real API would refuse them."""
    started = time.perf_counter()
    page = _integer(params, "page")
    per_page = _integer(params, "per_page")
    matching_size = _integer(params, "limite_matching_etablissements")
    if page * per_page > MAX_TOTAL_RESULTS:
        raise SearchError(TOO_MANY_RESULTS)
    raw = params.get("q")
    if raw is None:
        raise SearchError(NO_PARAMETER)
    terms = " ".join(raw.split())
    if len(terms) < MIN_TERMS:
        raise SearchError(TERMS_TOO_SHORT)
    digits = compact(terms)
    found = companies(directory, digits if digits.isdigit() else terms)
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
