"""API Recherche d'entreprises (or the sandbox's copy of it): ``GET /search?q=<siret>`` for
the prefill, and ``GET /search?q=<name>`` with a postcode, department or town to find the
SIRET of a company whose number is not at hand."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from chorus_wizard.backend.company import EstablishmentData, clean, company_record, is_masked
from chorus_wizard.backend.errors import ProtocolError, RateLimited, Rejected
from chorus_wizard.backend.http import field, json_body, send, service_message
from chorus_wizard.backend.models import CompanyRecord
from chorus_wizard.einvoicing import category_of
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import httpx  # imported lazily: not on the first window's path

SERVICE = QT_TRANSLATE_NOOP("http", "l'annuaire des entreprises")

#: A 429 asking to wait at most this long is waited out once, in the worker thread.
MAX_AUTOMATIC_WAIT_S = 3.0

#: The API's published limit (domain.md §7): 7 requests per second and per address.
REQUESTS_PER_SECOND = 7
#: Establishments listed per company in a name search (the API's default is 10).
MATCHING_PER_COMPANY = 10
SEARCH_PAGE_SIZE = 10

_POSTCODE = re.compile(r"^\d{5}$")
_DEPARTMENT = re.compile(r"^(?:\d{2}|2[AB]|97\d)$", re.IGNORECASE)


@dataclass(frozen=True)
class SearchHit:
    """One establishment found by a name search, as the result list shows it."""

    siret: str
    name: str
    #: The address on one line (street, postcode, town), empty when masked.
    address: str
    head_office: bool
    open: bool
    #: Why it cannot be chosen (closed establishment or ceased company), in French.
    closed_reason: str = ""


@dataclass(frozen=True)
class SearchResults:
    hits: tuple[SearchHit, ...]
    #: Companies the directory holds for the query (it may hold more than it sent).
    total_companies: int


def search_parameters(name: str, place: str) -> dict[str, str | int]:
    """The query of a name search: ``place`` is a postcode (``code_postal``), a department
    (``departement``) or else a town, added to the terms (the API searches the address too)."""
    terms = " ".join(name.split())
    place = " ".join(place.split())
    params: dict[str, str | int] = {
        "page": 1,
        "per_page": SEARCH_PAGE_SIZE,
        "limite_matching_etablissements": MATCHING_PER_COMPANY,
    }
    if _POSTCODE.match(place):
        params["code_postal"] = place
    elif _DEPARTMENT.match(place):
        params["departement"] = place.upper()
    elif place:
        terms = f"{terms} {place}"
    params["q"] = terms
    return params


def _one_line(place: dict[str, Any]) -> str:
    return "" if is_masked(place.get("adresse")) else clean(place.get("adresse"))


def search_hits(result: dict[str, Any]) -> list[SearchHit]:
    """The establishments of one ``results[]`` entry that matched (the head office when the
    API lists none), each with its state."""
    name = clean(result.get("nom_raison_sociale")) or clean(person_name(result))
    ceased = result.get("etat_administratif") == "C"
    siege = result.get("siege") or {}
    places = [e for e in result.get("matching_etablissements") or [] if isinstance(e, dict)]
    if not places and siege.get("siret"):
        places = [{**siege, "est_siege": True}]
    hits = []
    for place in places:
        closed = place.get("etat_administratif") == "F"
        reason = ""
        if ceased:
            reason = translate("company", "L'entreprise a cessé son activité selon l'INSEE.")
        elif closed:
            reason = translate("company", "Cet établissement est fermé selon l'INSEE.")
        hits.append(
            SearchHit(
                siret=str(place.get("siret") or ""),
                name=name,
                address=_one_line(place),
                head_office=bool(place.get("est_siege"))
                or place.get("siret") == siege.get("siret"),
                open=not reason,
                closed_reason=reason,
            )
        )
    return hits


def person_name(result: dict[str, Any]) -> Any:
    """``nom_complet`` of an individual entrepreneur (« PRÉNOM NOM »), without the
    « (NOM COMMERCIAL) » and « (SIGLE) » the API appends to it."""
    full = result.get("nom_complet")
    if not isinstance(full, str) or is_masked(full):
        return full
    text = " ".join(full.split())
    siege = result.get("siege") or {}
    for suffix in (result.get("sigle"), siege.get("nom_commercial")):
        if isinstance(suffix, str) and suffix.strip():
            tail = f"({' '.join(suffix.split())})".upper()
            if text.upper().endswith(tail):
                text = text[: -len(tail)].rstrip()
    return text


def establishment_data(result: dict[str, Any], siret: str) -> EstablishmentData:
    """Reduce one ``results[]`` entry to the establishment ``siret``."""
    siege = result.get("siege") or {}
    unit_ceased = result.get("etat_administratif") == "C"
    names = {
        "legal_name": result.get("nom_raison_sociale"),
        # nom_complet is "PRÉNOM NOM" for an individual entrepreneur: used as the last resort
        "last_name": person_name(result),
    }
    if siege.get("siret") == siret:
        return EstablishmentData(
            siret=siret,
            street_number=siege.get("numero_voie"),
            last_street_number=siege.get("dernier_numero_voie"),
            repetition=siege.get("indice_repetition"),
            street_kind=siege.get("type_voie"),
            street_name=siege.get("libelle_voie"),
            full_line=siege.get("adresse"),
            complement=siege.get("complement_adresse"),
            special_distribution=siege.get("distribution_speciale"),
            postal_code=siege.get("code_postal"),
            city=siege.get("libelle_commune"),
            commune_code=siege.get("commune"),
            cedex=siege.get("cedex"),
            cedex_label=siege.get("libelle_cedex"),
            foreign_city=siege.get("libelle_commune_etranger"),
            foreign_country=siege.get("libelle_pays_etranger"),
            establishment_closed=siege.get("etat_administratif") == "F",
            unit_ceased=unit_ceased,
            **names,
        )
    matching = [e for e in result.get("matching_etablissements") or [] if e.get("siret") == siret]
    place = matching[0]
    return EstablishmentData(
        siret=siret,
        # secondary establishments come with one upper-case line ending with the town:
        # complement, number, street, box, postal code and town are taken out of it
        street_line=place.get("adresse"),
        postal_code=place.get("code_postal"),
        city=place.get("libelle_commune"),
        commune_code=place.get("commune"),
        establishment_closed=place.get("etat_administratif") == "F",
        unit_ceased=unit_ceased,
        **names,
    )


def map_result(result: dict[str, Any], siret: str) -> CompanyRecord:
    """Map one ``results[]`` entry of API Recherche d'entreprises to the form (and the
    company's ``categorie_entreprise``)."""
    record = company_record(establishment_data(result, siret))
    return replace(record, categorie_entreprise=category_of(result.get("categorie_entreprise")))


class RechercheEntreprisesClient:
    """Direct SIRET lookup; a short 429 is waited out once, a longer one is reported."""

    name = SERVICE

    def __init__(
        self,
        client: httpx.Client,
        base_url: str,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._base = base_url.rstrip("/")
        self._sleep = sleep

    def company(self, siret: str) -> CompanyRecord | None:
        try:
            return self._lookup(siret)
        except RateLimited as limited:
            wait = limited.retry_after
            if wait is None or wait > MAX_AUTOMATIC_WAIT_S:
                raise
            self._sleep(wait)
            return self._lookup(siret)

    def search(self, name: str, place: str = "") -> SearchResults:
        """Establishments whose company name (and address) match ``name`` and ``place``.

        A 429 is not waited out here: the caller shows the wait and asks again (typing
        must not queue requests behind a limit)."""
        data, results = self._search(search_parameters(name, place))
        try:
            hits = [hit for result in results for hit in search_hits(result)]
            total = int(data.get("total_results") or len(results))
        except (AttributeError, TypeError, ValueError) as exc:
            raise ProtocolError(
                service_message(
                    QT_TRANSLATE_NOOP("http", "{Service} a envoyé une réponse inattendue."),
                    SERVICE,
                )
            ) from exc
        return SearchResults(tuple(hits), total)

    def _search(self, params: dict[str, Any]) -> tuple[dict[str, Any], list[Any]]:
        """``GET /search``: the answer and its ``results``; a 400 is a refusal in the API's
        words, any other status but 200 an unexpected answer."""
        response = send(self._client, "GET", f"{self._base}/search", SERVICE, params=params)
        data = json_body(response, SERVICE)
        if response.status_code == 400:
            raise Rejected(
                str(data.get("erreur") or translate("directory", "Recherche refusée.")), status=400
            )
        if response.status_code != 200:
            raise ProtocolError(
                service_message(
                    QT_TRANSLATE_NOOP(
                        "http", "{Service} a envoyé une réponse inattendue (HTTP {status})."
                    ),
                    SERVICE,
                ).format(status=response.status_code)
            )
        results = field(data, "results", list, SERVICE)
        return data, results

    def _lookup(self, siret: str) -> CompanyRecord | None:
        _data, results = self._search({"q": siret, "page": 1, "per_page": 1})
        try:
            for result in results:
                sirets = {str((result.get("siege") or {}).get("siret"))}
                sirets.update(
                    str(e.get("siret")) for e in result.get("matching_etablissements") or []
                )
                if siret in sirets:
                    return map_result(result, siret)
        except (AttributeError, TypeError, IndexError) as exc:
            raise ProtocolError(
                service_message(
                    QT_TRANSLATE_NOOP("http", "{Service} a envoyé une réponse inattendue."),
                    SERVICE,
                )
            ) from exc
        return None
