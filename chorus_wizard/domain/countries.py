"""ISO 3166-1 countries (pycountry) with French names, and the EU member list."""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

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
    import pycountry  # imported on first use: not on the first window's path

    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


@cache
def countries(language: str = "fr") -> tuple[Country, ...]:
    """Every country with its name in ``language``, sorted for display (France first)."""
    import pycountry

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
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _label_key(label: str) -> str:
    """Accent-, case- and punctuation-blind: « Corée, République de » = COREE (REPUBLIQUE DE)."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", _sort_key(label)).split())


@cache
def _codes_by_label() -> dict[str, str]:
    """Every French and English name of each country, with and without its qualifier
    (« Russie, Fédération de » is also « Russie »), as INSEE labels foreign countries."""
    import pycountry

    table: dict[str, str] = {}
    french = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True
    )
    for country in pycountry.countries:
        names = [getattr(country, key, "") for key in ("common_name", "name", "official_name")]
        for name in [n for n in names if n]:
            for variant in (name, french.gettext(name)):
                table.setdefault(_label_key(variant), country.alpha_2)
                table.setdefault(_label_key(variant.split(",")[0]), country.alpha_2)
    return table


def country_code_for_label(label: str) -> str | None:
    """ISO code of a country named in French or English (as INSEE writes foreign countries)."""
    return _codes_by_label().get(_label_key(label))
