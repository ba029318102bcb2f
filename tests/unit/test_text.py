"""The text rule both ends apply: no control character, the contract's length."""

from __future__ import annotations

import pytest

from chorus_wizard.domain.text import has_control_character, text_problem


@pytest.mark.parametrize("value", ["Curie\r\nBcc: x@y", "Curie\n", "a\rb"])
def test_a_line_break_is_named(value: str) -> None:
    assert text_problem(value, 60) == "Ce champ ne peut pas contenir de retour à la ligne."
    assert text_problem(value, 60, "Nom") == (
        "Le champ «\u00a0Nom\u00a0» ne peut pas contenir de retour à la ligne."
    )


@pytest.mark.parametrize(
    "value",
    [
        "a\x00b",
        "tab\there",
        "esc\x1b[0m",
        "del\x7f",
        "\u202eenaeJ",  # right-to-left override: shown reversed
        "Jea\u2066nne",  # isolate
        "Jean\u200fne",  # right-to-left mark
        "Jean\ud800ne",  # lone surrogate: no encoding holds it
        "\udfff",
    ],
)
def test_other_control_characters_are_refused(value: str) -> None:
    assert has_control_character(value)
    problem = text_problem(value, 60, "Ville")
    assert problem is not None and "caractère invisible" in problem and "Ville" in problem


def test_the_length_is_bounded() -> None:
    assert text_problem("x" * 60, 60) is None
    assert text_problem("x" * 61, 60) == "Ce champ dépasse 60 caractères."


@pytest.mark.parametrize("value", ["", "Lefèvre-Çava", "O'Brien", "Zoë — 20 avenue de Ségur"])
def test_ordinary_text_passes(value: str) -> None:
    assert not has_control_character(value)
    assert text_problem(value, 60) is None
