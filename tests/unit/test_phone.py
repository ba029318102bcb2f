"""« Téléphone »: French numbers as dialled in France, overseas ones too, or international form."""

from __future__ import annotations

import pytest

from chorus_wizard.domain.phone import phone_problem


@pytest.mark.parametrize(
    "number",
    [
        "01 23 45 67 89",  # Paris
        "0612345678",  # a mobile, no spaces
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "0033 6 12 34 56 78",
        "0590 82 12 34",  # Guadeloupe, dialled as in France
        "0262 40 12 34",  # La Réunion
        "+44 20 7946 0958",  # London
        "+1 202 555 0143",  # Washington
        "+687 25 12 34",  # Nouméa: its own plan, so in international form
    ],
)
def test_a_telephone_number_is_taken(number: str) -> None:
    assert phone_problem(number) is None


@pytest.mark.parametrize(
    ("number", "says"),
    [
        ("06 12 34", "10\u00a0chiffres"),  # too short
        ("12345678901", "10\u00a0chiffres"),  # no French number starts with 1
        ("téléphone", "10\u00a0chiffres"),
        ("+33 6 12", "indicatif du pays"),
        ("+999 12 34 56", "indicatif du pays"),  # no such country code
    ],
)
def test_a_wrong_number_says_what_a_number_is(number: str, says: str) -> None:
    problem = phone_problem(number)
    assert problem is not None and says in problem
