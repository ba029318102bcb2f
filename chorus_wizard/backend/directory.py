"""Company directory in the API Recherche d'entreprises shape, mapped to the form's fields."""

from __future__ import annotations

import re
from typing import Any

import httpx

from chorus_wizard.backend.errors import ProtocolError, Rejected
from chorus_wizard.backend.http import field, json_body, send
from chorus_wizard.backend.models import CompanyRecord

SERVICE = "l'annuaire des entreprises"

MASKED_VALUES = frozenset({"[ND]", "[NON-DIFFUSIBLE]"})

#: INSEE ``typvoie`` codes expanded when the value is exactly one of them.
STREET_TYPES: dict[str, str] = {
    "ALL": "ALLÉE",
    "AV": "AVENUE",
    "BD": "BOULEVARD",
    "CAR": "CARREFOUR",
    "CHE": "CHEMIN",
    "CHS": "CHAUSSÉE",
    "CITE": "CITÉ",
    "COR": "CORNICHE",
    "CRS": "COURS",
    "DOM": "DOMAINE",
    "DSC": "DESCENTE",
    "ECA": "ÉCART",
    "ESP": "ESPLANADE",
    "FG": "FAUBOURG",
    "GR": "GRANDE RUE",
    "HAM": "HAMEAU",
    "HLE": "HALLE",
    "IMP": "IMPASSE",
    "LD": "LIEU-DIT",
    "LOT": "LOTISSEMENT",
    "MAR": "MARCHÉ",
    "MTE": "MONTÉE",
    "PAS": "PASSAGE",
    "PL": "PLACE",
    "PLN": "PLAINE",
    "PLT": "PLATEAU",
    "PRO": "PROMENADE",
    "PRV": "PARVIS",
    "QUA": "QUARTIER",
    "QUAI": "QUAI",
    "RES": "RÉSIDENCE",
    "RLE": "RUELLE",
    "ROC": "ROCADE",
    "RPT": "ROND-POINT",
    "RTE": "ROUTE",
    "SEN": "SENTIER",
    "SQ": "SQUARE",
    "TPL": "TERRE-PLEIN",
    "TRA": "TRAVERSE",
    "VLA": "VILLA",
    "VLGE": "VILLAGE",
}

REPETITION_INDEX = {"B": "BIS", "T": "TER", "Q": "QUATER", "C": "QUINQUIES"}

_ARRONDISSEMENT = re.compile(
    r"^(PARIS|LYON|MARSEILLE)\s+\d{1,2}(E|ER|EME)?(\s+ARRONDISSEMENT)?$", re.IGNORECASE
)


def _clean(value: Any) -> str:
    """A displayable value: masked and missing values become empty."""
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.upper() in MASKED_VALUES else text


def _is_masked(value: Any) -> bool:
    return value is not None and str(value).strip().upper() in MASKED_VALUES


def street_type(value: str) -> str:
    """Expand an exact INSEE street-type code; leave full words and unknowns as they are."""
    return STREET_TYPES.get(value.strip().upper(), value.strip())


def city_label(value: str) -> str:
    """Strip the arrondissement suffix INSEE adds to Paris, Lyon and Marseille."""
    match = _ARRONDISSEMENT.match(value.strip())
    return match.group(1).upper() if match else value.strip()


def street_line(number: str, repetition: str, kind: str, name: str) -> str:
    """Number, repetition index, street type and street name, as one address line."""
    index = REPETITION_INDEX.get(repetition.upper(), repetition) if repetition else ""
    parts = [number, index, street_type(kind) if kind else "", name]
    return " ".join(p for p in parts if p)


def street_from_adresse(adresse: str, code_postal: str, commune: str) -> str:
    """For a secondary establishment the API gives only one line: drop the trailing town."""
    text = _clean(adresse)
    tail = f"{code_postal} {commune}".strip()
    if tail and text.upper().endswith(tail.upper()):
        text = text[: -len(tail)].strip()
    elif code_postal and code_postal in text:
        text = text[: text.rindex(code_postal)].strip()
    return text


def map_result(result: dict[str, Any], siret: str) -> CompanyRecord:
    """Map one ``results[]`` entry of API Recherche d'entreprises to the form."""
    siege = result.get("siege") or {}
    matching = [e for e in result.get("matching_etablissements") or [] if e.get("siret") == siret]
    unit_closed = result.get("etat_administratif") == "C"
    name = _clean(result.get("nom_raison_sociale")) or _clean(result.get("nom_complet"))
    masked: set[str] = set()
    if not name and (
        _is_masked(result.get("nom_raison_sociale")) or _is_masked(result.get("nom_complet"))
    ):
        masked.add("raison_sociale")

    if siege.get("siret") == siret or not matching:
        place = siege
        adresse = street_line(
            _clean(place.get("numero_voie")),
            _clean(place.get("indice_repetition")),
            _clean(place.get("type_voie")),
            _clean(place.get("libelle_voie")),
        )
        if not adresse and any(
            _is_masked(place.get(k)) for k in ("numero_voie", "type_voie", "libelle_voie")
        ):
            masked.add("adresse")
        complement1 = _clean(place.get("complement_adresse"))
        complement2 = _clean(place.get("distribution_speciale"))
        cedex = _clean(place.get("cedex"))
        code_postal = cedex or _clean(place.get("code_postal"))
        ville = _clean(place.get("libelle_cedex")) or city_label(
            _clean(place.get("libelle_commune"))
        )
        country = _clean(place.get("code_pays_etranger"))
        establishment_closed = place.get("etat_administratif") == "F"
    else:
        place = matching[0]
        code_postal = _clean(place.get("code_postal"))
        commune = _clean(place.get("libelle_commune"))
        adresse = street_from_adresse(str(place.get("adresse") or ""), code_postal, commune)
        if _is_masked(place.get("adresse")):
            masked.add("adresse")
        complement1 = complement2 = ""
        ville = city_label(commune)
        country = ""
        establishment_closed = place.get("etat_administratif") == "F"

    reason = ""
    if unit_closed:
        reason = "L'entreprise a cessé son activité selon l'INSEE."
    elif establishment_closed:
        reason = "Cet établissement est fermé selon l'INSEE."
    return CompanyRecord(
        siret=siret,
        raison_sociale=name,
        libelle=name,
        adresse=adresse,
        complement1=complement1,
        complement2=complement2,
        code_postal=code_postal,
        ville=ville,
        code_pays=country[:2].upper() if len(country) == 2 else "FR",
        active=not reason,
        closed_reason=reason,
        masked=frozenset(masked),
    )


class RechercheEntreprisesClient:
    """``GET /search?q=<siret>``: API Recherche d'entreprises, or the sandbox's copy of it."""

    def __init__(self, client: httpx.Client, base_url: str) -> None:
        self._client = client
        self._base = base_url.rstrip("/")

    def company(self, siret: str) -> CompanyRecord | None:
        """The establishment ``siret`` mapped to the form, or None when it is unknown."""
        response = send(
            self._client,
            "GET",
            f"{self._base}/search",
            SERVICE,
            params={"q": siret, "page": 1, "per_page": 1},
        )
        data = json_body(response, SERVICE)
        if response.status_code == 400:
            raise Rejected(str(data.get("erreur") or "Recherche refusée."), status=400)
        if response.status_code != 200:
            raise ProtocolError(f"Réponse inattendue de {SERVICE} (HTTP {response.status_code}).")
        results = field(data, "results", list, SERVICE)
        for result in results:
            if not isinstance(result, dict):
                raise ProtocolError(f"Réponse inattendue de {SERVICE}.")
            sirets = {str((result.get("siege") or {}).get("siret"))}
            sirets.update(str(e.get("siret")) for e in result.get("matching_etablissements") or [])
            if siret in sirets:
                return map_result(result, siret)
        return None
