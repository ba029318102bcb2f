"""Chorus Pro structure identifiers: normalisation and validation with a precise French reason.

Each ``check_*`` function is pure: it takes what the user typed and returns an
:class:`IdentifierCheck` whose ``reason`` names the broken rule, or ``None`` when the
identifier is acceptable. The UI only displays that reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

LA_POSTE_SIREN = "356000000"


class IdentifierType(StrEnum):
    """The ``typeIdentifiantStructure`` codes of Chorus Pro."""

    SIRET = "SIRET"
    UE_HORS_FRANCE = "UE_HORS_FRANCE"
    HORS_UE = "HORS_UE"
    RIDET = "RIDET"
    TAHITI = "TAHITI"
    PARTICULIER = "PARTICULIER"
    AUTRE = "AUTRE"


#: The portal's own words for each "no SIRET" case, in the order the portal lists them.
NO_SIRET_LABELS: dict[IdentifierType, str] = {
    IdentifierType.UE_HORS_FRANCE: QT_TRANSLATE_NOOP(
        "identifiers", "Structure européenne hors France"
    ),
    IdentifierType.HORS_UE: QT_TRANSLATE_NOOP("identifiers", "Structure hors UE"),
    IdentifierType.RIDET: QT_TRANSLATE_NOOP(
        "identifiers", "Structure avec RIDET (Nouvelle-Calédonie)"
    ),
    IdentifierType.TAHITI: QT_TRANSLATE_NOOP(
        "identifiers", "Structure avec numéro TAHITI (Polynésie française)"
    ),
    IdentifierType.PARTICULIER: QT_TRANSLATE_NOOP("identifiers", "Particulier"),
    IdentifierType.AUTRE: QT_TRANSLATE_NOOP("identifiers", "En cours d'immatriculation"),
}

#: Label of the identifier field for each type.
FIELD_LABELS: dict[IdentifierType, str] = {
    IdentifierType.SIRET: QT_TRANSLATE_NOOP("identifiers", "Numéro de SIRET"),
    IdentifierType.UE_HORS_FRANCE: QT_TRANSLATE_NOOP(
        "identifiers", "Numéro de TVA intracommunautaire"
    ),
    IdentifierType.HORS_UE: QT_TRANSLATE_NOOP(
        "identifiers", "Identifiant hors UE (code pays + nom)"
    ),
    IdentifierType.RIDET: QT_TRANSLATE_NOOP("identifiers", "Numéro RIDET"),
    IdentifierType.TAHITI: QT_TRANSLATE_NOOP("identifiers", "Numéro TAHITI"),
    IdentifierType.PARTICULIER: QT_TRANSLATE_NOOP("identifiers", "Identifiant du particulier"),
    IdentifierType.AUTRE: QT_TRANSLATE_NOOP("identifiers", "Identifiant provisoire"),
}

#: Example shown as a placeholder in the identifier field.
PLACEHOLDERS: dict[IdentifierType, str] = {
    IdentifierType.SIRET: "130 025 265 00013",
    IdentifierType.UE_HORS_FRANCE: "DE136695976",
    # the country code then the name, run together as Chorus Pro keeps it: CH + NESTLE SA
    IdentifierType.HORS_UE: QT_TRANSLATE_NOOP("identifiers", "CH + nom de la structure"),
    IdentifierType.RIDET: "1234567001",
    IdentifierType.TAHITI: "G33972001",
    IdentifierType.PARTICULIER: QT_TRANSLATE_NOOP("identifiers", "NOM Prénom"),
    IdentifierType.AUTRE: QT_TRANSLATE_NOOP(
        "identifiers", "Nom de l'entreprise en cours d'immatriculation"
    ),
}

_SEPARATORS = re.compile(r"[\s.\-/]+")
_HORS_UE_MAX = 18
_VAT_MAX = 18


@dataclass(frozen=True, slots=True)
class IdentifierCheck:
    """Outcome of checking one identifier: its normalised form, and why it is refused if it is."""

    normalized: str
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


def compact(value: str) -> str:
    """Remove blanks, dots, dashes and slashes that people type or paste inside numbers."""
    return _SEPARATORS.sub("", value.strip()).upper()


def format_siret(value: str) -> str:
    """Group a SIRET the way INSEE prints it: ``130 025 265 00013``."""
    from stdnum.fr import siret as fr_siret

    digits = compact(value)
    if len(digits) != 14 or not digits.isdigit():
        return value
    return str(fr_siret.format(digits))


def load_identifier_rules() -> None:
    """Import the python-stdnum modules the checks use (OpenSSL's bindings come with
    them) and the country lists: call it off the GUI thread, once, so the
    first number typed does not wait for them."""
    from stdnum import exceptions  # noqa: F401
    from stdnum.eu import vat  # noqa: F401
    from stdnum.fr import siren, siret  # noqa: F401

    from chorus_wizard.domain import countries  # noqa: F401


def _digits_reason(number: str, expected: int | tuple[int, ...], what: str) -> str | None:
    """Reason for a number that should be made of ``expected`` digits, or None if it is."""
    lengths = (expected,) if isinstance(expected, int) else expected
    if not number:
        return translate("identifiers", "Saisissez le {what}.").format(what=what)
    bad = sorted({c for c in number if not c.isdigit()})
    if bad:
        shown = " ".join(f"«\u00a0{c}\u00a0»" for c in bad[:3])
        return translate(
            "identifiers",
            "Le {what} ne contient que des chiffres\u00a0: {shown} n'est pas accepté.",
        ).format(what=what, shown=shown)
    if len(number) not in lengths:
        wanted = translate("identifiers", " ou ").join(str(n) for n in sorted(lengths))
        if len(number) <= 1:
            return translate("identifiers", "{wanted} chiffres attendus, {typed} saisi.").format(
                wanted=wanted, typed=len(number)
            )
        return translate("identifiers", "{wanted} chiffres attendus, {typed} saisis.").format(
            wanted=wanted, typed=len(number)
        )
    return None


def check_siret(value: str) -> IdentifierCheck:
    """SIRET: 14 digits, Luhn on the SIREN and on the whole, except La Poste (digit sum % 5)."""
    number = compact(value)
    reason = _digits_reason(number, 14, translate("identifiers", "numéro de SIRET"))
    if reason:
        return IdentifierCheck(number, reason)
    # Imported once 14 digits are there: an empty or half-typed field (the first window)
    # does not pay for python-stdnum.
    from stdnum import exceptions as stdnum_exceptions
    from stdnum.fr import siren as fr_siren
    from stdnum.fr import siret as fr_siret

    try:
        fr_siret.validate(number)
    except stdnum_exceptions.InvalidChecksum:
        try:
            fr_siren.validate(number[:9])
        except stdnum_exceptions.ValidationError:
            return IdentifierCheck(
                number,
                translate(
                    "identifiers",
                    "Clé de contrôle incorrecte\u00a0: les 9 premiers chiffres (SIREN) ne forment "
                    "pas un numéro valide. Vérifiez chaque chiffre.",
                ),
            )
        return IdentifierCheck(
            number,
            translate(
                "identifiers",
                "Clé de contrôle incorrecte\u00a0: le numéro d'établissement (5 derniers chiffres) "
                "ne correspond pas au SIREN. Vérifiez chaque chiffre.",
            ),
        )
    except stdnum_exceptions.ValidationError:
        return IdentifierCheck(number, translate("identifiers", "Numéro de SIRET invalide."))
    return IdentifierCheck(number)


def check_eu_vat(value: str) -> IdentifierCheck:
    """Intra-EU VAT number with its country prefix, outside France."""
    number = compact(value)
    if not number:
        return IdentifierCheck(
            number, translate("identifiers", "Saisissez le numéro de TVA intracommunautaire.")
        )
    prefix = number[:2]
    if not prefix.isalpha() or len(number) < 3:
        return IdentifierCheck(
            number,
            translate(
                "identifiers",
                "Le numéro doit commencer par le préfixe du pays (par exemple DE, BE, IT).",
            ),
        )
    country = "GR" if prefix == "EL" else prefix
    from chorus_wizard.domain.countries import EU_COUNTRY_CODES  # after step 1 is shown

    if country == "FR" and not is_monaco_vat(number):
        return IdentifierCheck(
            number,
            translate(
                "identifiers",
                "Numéro de TVA français\u00a0: une structure française s'identifie par son numéro "
                "de SIRET.",
            ),
        )
    if country not in EU_COUNTRY_CODES:
        return IdentifierCheck(
            number,
            translate(
                "identifiers", "Préfixe pays inconnu dans l'Union européenne\u00a0: {prefix}."
            ).format(prefix=prefix),
        )
    if len(number) > _VAT_MAX:
        return IdentifierCheck(
            number,
            translate("identifiers", "18 caractères au plus, {typed} saisis.").format(
                typed=len(number)
            ),
        )
    from stdnum import exceptions as stdnum_exceptions
    from stdnum.eu import vat as eu_vat

    try:
        eu_vat.validate(number)
    except stdnum_exceptions.InvalidLength:
        return IdentifierCheck(
            number,
            translate("identifiers", "Longueur incorrecte pour un numéro de TVA {prefix}.").format(
                prefix=prefix
            ),
        )
    except stdnum_exceptions.InvalidChecksum:
        return IdentifierCheck(
            number, translate("identifiers", "Clé de contrôle du numéro de TVA incorrecte.")
        )
    except stdnum_exceptions.InvalidComponent:
        return IdentifierCheck(
            number,
            translate(
                "identifiers", "Préfixe pays inconnu dans l'Union européenne\u00a0: {prefix}."
            ).format(prefix=prefix),
        )
    except stdnum_exceptions.ValidationError:
        return IdentifierCheck(
            number,
            translate("identifiers", "Format incorrect pour un numéro de TVA {prefix}.").format(
                prefix=prefix
            ),
        )
    return IdentifierCheck(number)


def is_monaco_vat(number: str) -> bool:
    """Monaco companies have French VAT numbers whose SIREN part is ``000…``.

    Decision: Monaco has no SIRET, so such a number is accepted as « Structure européenne hors
    France » (Monaco shares the French VAT territory); any other FR number must be a SIRET.
    """
    return number.startswith("FR") and len(number) == 13 and number[4:7] == "000"


def hors_ue_identifier(country_code: str, name: str) -> str:
    """Build the legal non-EU identifier: country code + first 16 characters of the name."""
    cleaned = re.sub(r"\s+", " ", name.strip()).upper()
    return (country_code.strip().upper() + cleaned[:16])[:_HORS_UE_MAX]


def hors_ue_name(identifier: str) -> str:
    """The structure's name in a non-EU identifier (what follows the country code)."""
    return re.sub(r"^\s*[A-Za-z]{2}\s*\+?\s*", "", identifier).strip()


def check_hors_ue(value: str) -> IdentifierCheck:
    """Non-EU: ISO 3166-1 alpha-2 code of a non-EU country + up to 16 characters of the name."""
    number = re.sub(r"\s+", " ", value.strip()).upper()
    if len(number) < 3:
        return IdentifierCheck(
            number,
            translate(
                "identifiers", "Saisissez le code pays (2 lettres) suivi du nom de la structure."
            ),
        )
    prefix = number[:2]
    from chorus_wizard.domain.countries import EU_COUNTRY_CODES, is_country_code

    if not is_country_code(prefix):
        return IdentifierCheck(
            number,
            translate("identifiers", "Préfixe pays inconnu\u00a0: {prefix}.").format(prefix=prefix),
        )
    if prefix == "FR" or prefix in EU_COUNTRY_CODES:
        return IdentifierCheck(
            number,
            translate(
                "identifiers",
                "{prefix} est un pays de l'Union européenne\u00a0: choisissez «\u00a0Structure "
                "européenne hors France\u00a0» ou le SIRET.",
            ).format(prefix=prefix),
        )
    if len(number) > _HORS_UE_MAX:
        return IdentifierCheck(
            number,
            translate("identifiers", "18 caractères au plus, {typed} saisis.").format(
                typed=len(number)
            ),
        )
    return IdentifierCheck(number)


def check_ridet(value: str) -> IdentifierCheck:
    """RIDET (New Caledonia): 10 digits (7-digit RID + 3-digit establishment), older ones 9."""
    number = compact(value)
    return IdentifierCheck(
        number, _digits_reason(number, (10, 9), translate("identifiers", "numéro RIDET"))
    )


_TAHITI = re.compile(r"[A-Z0-9][0-9]{5}[0-9]{3}")


def check_tahiti(value: str) -> IdentifierCheck:
    """TAHITI (French Polynesia): 6-character number (letter or digit + 5 digits) + 3 digits."""
    number = compact(value)
    if not number:
        return IdentifierCheck(number, translate("identifiers", "Saisissez le numéro TAHITI."))
    if len(number) != 9:
        return IdentifierCheck(
            number,
            translate("identifiers", "9 caractères attendus, {typed} saisis.").format(
                typed=len(number)
            ),
        )
    if not _TAHITI.fullmatch(number):
        return IdentifierCheck(
            number,
            translate(
                "identifiers",
                "Format attendu\u00a0: une lettre ou un chiffre, puis 8 chiffres (par exemple "
                "G33972001).",
            ),
        )
    return IdentifierCheck(number)


def check_free_text(value: str) -> IdentifierCheck:
    """PARTICULIER and AUTRE: Chorus Pro checks nothing but presence."""
    text = value.strip()
    if not text:
        return IdentifierCheck(text, translate("identifiers", "Ce champ est obligatoire."))
    return IdentifierCheck(text)


_CHECKS = {
    IdentifierType.SIRET: check_siret,
    IdentifierType.UE_HORS_FRANCE: check_eu_vat,
    IdentifierType.HORS_UE: check_hors_ue,
    IdentifierType.RIDET: check_ridet,
    IdentifierType.TAHITI: check_tahiti,
    IdentifierType.PARTICULIER: check_free_text,
    IdentifierType.AUTRE: check_free_text,
}


def check_identifier(kind: IdentifierType, value: str) -> IdentifierCheck:
    """Check ``value`` against the rule of ``kind``."""
    return _CHECKS[kind](value)


def is_typing_prefix(kind: IdentifierType, value: str) -> bool:
    """True while a number is still being typed, so the UI can hold back its complaint.

    A SIRET with fewer than 14 digits and nothing else is unfinished, not wrong.
    """
    number = compact(value)
    if kind is IdentifierType.SIRET:
        return (number.isdigit() and len(number) < 14) or not number
    if kind is IdentifierType.RIDET:
        return (number.isdigit() and len(number) < 9) or not number
    return not number
