"""One mapping from company-directory data to the form's structure fields (no I/O).

Both directories (API Recherche d'entreprises and INSEE Sirene) reduce their answer to an
:class:`EstablishmentData` and call :func:`company_record`, so the form sees the same rules
whatever the source: legal name else first name + last name, street line built from number,
repetition index, street type (exact INSEE codes expanded) and name, cedex preferred, special
distribution (BP…) in complement 2, arrondissement suffixes removed, foreign countries kept,
masked values empty and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Protocol

from chorus_wizard.backend.errors import BackendError, Rejected
from chorus_wizard.backend.models import CompanyRecord
from chorus_wizard.domain.countries import country_code_for_label
from chorus_wizard.texts import translate


class CompanyDirectory(Protocol):
    """A source of company data for the prefill. May block: call it off the GUI thread."""

    #: Shown to the user ("l'annuaire des entreprises", "l'INSEE").
    name: str

    def company(self, siret: str) -> CompanyRecord | None:
        """The establishment ``siret`` mapped to the form, or None when it is unknown."""
        ...


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


def clean(value: Any) -> str:
    """A displayable value: masked and missing values become empty."""
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.upper() in MASKED_VALUES else text


def is_masked(value: Any) -> bool:
    """True for the placeholders INSEE and recherche-entreprises put in masked fields."""
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
    text = clean(adresse)
    tail = f"{code_postal} {commune}".strip()
    if tail and text.upper().endswith(tail.upper()):
        text = text[: -len(tail)].strip()
    elif code_postal and code_postal in text:
        text = text[: text.rindex(code_postal)].strip()
    return text


@dataclass(frozen=True)
class EstablishmentData:
    """What a directory says of one establishment, before mapping (raw values, may be masked)."""

    siret: str
    legal_name: Any = None
    first_name: Any = None
    last_name: Any = None
    street_number: Any = None
    repetition: Any = None
    street_kind: Any = None
    street_name: Any = None
    street_line: Any = None  # a ready-made line (secondary establishments of recherche-entr.)
    complement: Any = None
    special_distribution: Any = None
    postal_code: Any = None
    city: Any = None
    cedex: Any = None
    cedex_label: Any = None
    foreign_city: Any = None
    foreign_country: Any = None
    establishment_closed: bool = False
    unit_ceased: bool = False


def company_record(data: EstablishmentData) -> CompanyRecord:
    """Map ``data`` to the form; masked fields are left empty and named in ``masked``."""
    masked: set[str] = set()
    name = clean(data.legal_name)
    if not name:
        person = " ".join(p for p in (clean(data.first_name), clean(data.last_name)) if p)
        name = person
    if not name and any(is_masked(v) for v in (data.legal_name, data.first_name, data.last_name)):
        masked.add("raison_sociale")

    if data.street_line is not None:
        adresse = clean(data.street_line)
        street_parts: tuple[Any, ...] = (data.street_line,)
    else:
        adresse = street_line(
            clean(data.street_number),
            clean(data.repetition),
            clean(data.street_kind),
            clean(data.street_name),
        )
        street_parts = (data.street_number, data.street_kind, data.street_name)
    if not adresse and any(is_masked(v) for v in street_parts):
        masked.add("adresse")
    complement1 = clean(data.complement)
    if not complement1 and is_masked(data.complement):
        masked.add("complement1")

    foreign_country = clean(data.foreign_country)
    code_pays = "FR"
    if foreign_country:
        code_pays = country_code_for_label(foreign_country) or foreign_country
    cedex = clean(data.cedex)
    code_postal = cedex or clean(data.postal_code)
    if cedex and clean(data.cedex_label):
        ville = clean(data.cedex_label)
    elif foreign_country:
        ville = clean(data.foreign_city) or clean(data.city)
    else:
        ville = city_label(clean(data.city))
    if not code_postal and is_masked(data.postal_code):
        masked.add("code_postal")

    reason = ""
    if data.unit_ceased:
        reason = translate("company", "L'entreprise a cessé son activité selon l'INSEE.")
    elif data.establishment_closed:
        reason = translate("company", "Cet établissement est fermé selon l'INSEE.")
    return CompanyRecord(
        siret=data.siret,
        raison_sociale=name,
        libelle=name,
        adresse=adresse,
        complement1=complement1,
        complement2=clean(data.special_distribution),
        code_postal=code_postal,
        ville=ville,
        code_pays=code_pays,
        active=not reason,
        closed_reason=reason,
        masked=frozenset(masked),
    )


class FallbackDirectory:
    """Ask ``primary``; if it is unavailable (not when it says "unknown"), ask ``fallback``,
    and say so in the record's ``notice``."""

    def __init__(self, primary: CompanyDirectory, fallback: CompanyDirectory) -> None:
        self._primary = primary
        self._fallback = fallback
        self.name = primary.name

    def company(self, siret: str) -> CompanyRecord | None:
        try:
            return self._primary.company(siret)
        except Rejected:
            raise
        except BackendError as error:
            record = self._fallback.company(siret)
            if record is None:
                return None
            notice = translate("company", "{error} Les données viennent de {source}.").format(
                error=error, source=translate("http", self._fallback.name)
            )
            return replace(record, notice=notice)
