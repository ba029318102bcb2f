"""Telephone numbers: a French number as it is dialled in France (overseas ones too), or any
number in international form (``+`` or ``00`` and the country's code).

The check is libphonenumber's (``phonenumbers``, Google's metadata of every numbering plan).
It is imported on first use, like step 1's checks' libraries: the field is on step 2, and the
import costs as much as a third of a bare window's start (docs/performance.md); the start-up
worker loads it (:func:`load_phone_rule`).
"""

from __future__ import annotations

from chorus_wizard.texts import translate

#: Regions whose numbers are dialled in France without a country code: metropolitan France and
#: the overseas departments and collectivities that share its 10-digit plan.
FRENCH_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")


def phone_problem(value: str) -> str | None:
    """Why ``value`` is not a telephone number, in French; None when it is one."""
    import phonenumbers  # see the module's docstring

    text = value.strip()
    international = text.startswith(("+", "00"))
    for region in ("FR",) if international else FRENCH_REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return None
    if international:
        return translate(
            "rules",
            "Ce numéro international n'est pas valide\u00a0: vérifiez l'indicatif du pays et le "
            "nombre de chiffres.",
        )
    return translate(
        "rules",
        "Un numéro de téléphone français comporte 10\u00a0chiffres (01\u00a023\u00a045\u00a067"
        "\u00a089)\u00a0; un numéro étranger commence par +\u00a0et l'indicatif du pays.",
    )


def load_phone_rule() -> None:
    """Import libphonenumber: call it off the GUI thread, once, so the first number typed does
    not wait for it."""
    import phonenumbers  # noqa: F401
