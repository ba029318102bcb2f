"""One mapping from company-directory data to the form's structure fields (no I/O).

Both directories (API Recherche d'entreprises and INSEE Sirene) reduce their answer to an
:class:`EstablishmentData` and call :func:`company_record`, so the form sees the same rules
whatever the source: legal name else first name + last name, street line built from number,
repetition index, street type (exact INSEE codes expanded) and name, cedex preferred, special
distribution (BP…) in complement 2, arrondissement suffixes removed, foreign countries kept,
masked values empty and reported. One-line addresses, CEDEX, boxes and foreign addresses are
taken apart by :mod:`chorus_wizard.domain.addresses`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

from chorus_wizard.backend.errors import BackendError, Rejected
from chorus_wizard.backend.models import CompanyRecord
from chorus_wizard.domain.addresses import (
    REPETITION_INDEX,
    STREET_TYPES,
    arrondissement_postcode,
    city_label,
    house_number,
    join_type_and_name,
    overseas_country,
    parse_line,
    same_place,
    split_box,
    split_foreign,
    street_type,
    tidy_complement,
)
from chorus_wizard.domain.addresses import repetition as repetition_word
from chorus_wizard.domain.countries import country_code_for_label
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate


class CompanyDirectory(Protocol):
    """A source of company data for the prefill. May block: call it off the GUI thread."""

    #: Shown to the user ("l'annuaire des entreprises", "l'INSEE").
    name: str

    def company(self, siret: str) -> CompanyRecord | None:
        """The establishment ``siret`` mapped to the form, or None when it is unknown."""
        ...


MASKED_VALUES = frozenset({"[ND]", "[NON-DIFFUSIBLE]"})

FOREIGN_NOTE = QT_TRANSLATE_NOOP(
    "company",
    "⚠ L'INSEE range mal l'adresse de cet établissement à l'étranger : l'assistant a réparti "
    "au mieux la rue, le code postal et la ville. Vérifiez-les.",
)


def clean(value: Any) -> str:
    """A displayable value: masked and missing values become empty."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return "" if text.upper() in MASKED_VALUES else text


def is_masked(value: Any) -> bool:
    """True for the placeholders INSEE and recherche-entreprises put in masked fields."""
    return value is not None and str(value).strip().upper() in MASKED_VALUES


def street_line(number: str, repetition: str, kind: str, name: str) -> str:
    """Number, repetition index, street type and street name, as one address line."""
    index = repetition_word(repetition) if repetition else ""
    street = join_type_and_name(street_type(kind) if kind else "", name)
    return " ".join(p for p in (number, index, street) if p)


def street_from_adresse(adresse: str, code_postal: str, commune: str) -> str:
    """For a secondary establishment the API gives only one line: drop the trailing town."""
    return parse_line(clean(adresse), code_postal, commune).street


@dataclass(frozen=True)
class EstablishmentData:
    """What a directory says of one establishment, before mapping (raw values, may be masked)."""

    siret: str
    legal_name: Any = None
    first_name: Any = None
    last_name: Any = None
    street_number: Any = None
    last_street_number: Any = None  # dernier_numero_voie: "1-3 RUE …"
    repetition: Any = None
    street_kind: Any = None
    street_name: Any = None
    street_line: Any = None  # a ready-made line (secondary establishments of recherche-entr.)
    full_line: Any = None  # the whole address on one line, read when the fields are missing
    complement: Any = None
    special_distribution: Any = None
    postal_code: Any = None
    city: Any = None
    commune_code: Any = None
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

    complement1 = clean(data.complement)
    box = clean(data.special_distribution)
    postal = clean(data.postal_code)
    city = clean(data.city)
    if data.street_line is not None:
        parts = parse_line(clean(data.street_line), postal, city)
        adresse, box = parts.street, box or parts.box
        complement1 = complement1 or parts.complement
        postal, city = parts.postal_code, parts.city
        street_parts: tuple[Any, ...] = (data.street_line,)
    else:
        number = house_number(clean(data.street_number), clean(data.last_street_number))
        adresse = street_line(
            number, clean(data.repetition), clean(data.street_kind), clean(data.street_name)
        )
        street_parts = (data.street_number, data.street_kind, data.street_name)
        if not adresse and not postal and clean(data.full_line):
            # older answers: no separate fields, only the whole line
            parts = parse_line(clean(data.full_line), postal, city)
            adresse, box = parts.street, box or parts.box
            complement1 = complement1 or parts.complement
            postal, city = parts.postal_code, parts.city
        elif not postal and clean(data.full_line):
            postal = parse_line(clean(data.full_line)).postal_code
    if not box:
        # a box typed into the complement (« CS 30001 », « BP 12 ») belongs to complement 2
        complement1, box = split_box(complement1)
    complement1 = tidy_complement(complement1)
    if complement1 and same_place(complement1, adresse):
        complement1 = ""  # a lieu-dit given as the street and again as the complement
    if not adresse and not any(is_masked(v) for v in (*street_parts, data.complement)):
        # « Adresse » is mandatory: a complement alone (a zone, a building, a lieu-dit)
        # is the address line, else the box alone (« TSA 70001 »: mail goes there)
        if complement1:
            adresse, complement1 = complement1, ""
        elif box:
            adresse, box = box, ""
    if not adresse and any(is_masked(v) for v in street_parts):
        masked.add("adresse")
    if not complement1 and is_masked(data.complement):
        masked.add("complement1")

    note = ""
    foreign_country = clean(data.foreign_country)
    code_pays = "FR"
    cedex = clean(data.cedex)
    if foreign_country:
        code_pays = country_code_for_label(foreign_country) or foreign_country
        foreign = split_foreign(adresse, clean(data.foreign_city) or city)
        adresse, code_postal, ville = foreign.street, foreign.postal_code, foreign.city
        if foreign.uncertain:
            note = translate("company", FOREIGN_NOTE)
    else:
        code_postal = cedex or postal
        if cedex and clean(data.cedex_label):
            ville = clean(data.cedex_label)
        else:
            if not code_postal and not is_masked(data.postal_code):
                code_postal = arrondissement_postcode(city)  # « PARIS 13 » → 75013
            ville = city_label(city)
        code_pays = overseas_country(code_postal, clean(data.commune_code)) or "FR"
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
        complement2=box,
        code_postal=code_postal,
        ville=ville,
        code_pays=code_pays,
        active=not reason,
        closed_reason=reason,
        ceased=bool(data.unit_ceased),
        masked=frozenset(masked),
        address_note=note,
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
            if record.notice:
                notice = f"{notice} {record.notice}"
            return replace(record, notice=notice)


__all__ = [
    "MASKED_VALUES",
    "REPETITION_INDEX",
    "STREET_TYPES",
    "CompanyDirectory",
    "EstablishmentData",
    "FallbackDirectory",
    "city_label",
    "clean",
    "company_record",
    "is_masked",
    "street_from_adresse",
    "street_line",
    "street_type",
]
