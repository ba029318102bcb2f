"""ISO 3166-1 countries (pycountry) with French names, and the EU member list."""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry

#: EU member states by ISO 3166-1 alpha-2 code (VAT uses EL for Greece; see identifiers).
EU_COUNTRY_CODES: frozenset[str] = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Country:
    """One entry of the ``recupererPays`` list: ``{codePays, libellePays}``."""

    code: str
    label: str


def is_country_code(code: str) -> bool:
    """True when ``code`` is an assigned ISO 3166-1 alpha-2 code."""
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


@cache
def countries(language: str = "fr") -> tuple[Country, ...]:
    """Every country with its name in ``language``, sorted for display (France first)."""
    translation = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    names = [
        Country(c.alpha_2, translation.gettext(getattr(c, "common_name", None) or c.name))
        for c in pycountry.countries
    ]
    names.sort(key=lambda c: (c.code != "FR", _sort_key(c.label)))
    return tuple(names)


def _sort_key(label: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
