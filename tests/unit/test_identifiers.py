"""Identifier rules: each failure names the rule it breaks."""

from __future__ import annotations

import pytest

from chorus_wizard.domain.identifiers import (
    IdentifierType,
    check_identifier,
    compact,
    format_siret,
    hors_ue_identifier,
    is_typing_prefix,
)

SIRET = IdentifierType.SIRET


@pytest.mark.parametrize(
    "typed",
    ["13002526500013", "130 025 265 00013", " 130.025.265.00013 ", "130-025-265-00013"],
)
def test_siret_accepts_separators_and_blanks(typed: str) -> None:
    check = check_identifier(SIRET, typed)
    assert check.ok
    assert check.normalized == "13002526500013"


@pytest.mark.parametrize(
    ("typed", "reason_part"),
    [
        ("1300252650001", "14 chiffres attendus, 13 saisis"),
        ("130025265000131", "14 chiffres attendus, 15 saisis"),
        ("130O2526500013", "«\u00a0O\u00a0»"),
        ("13002526500014", "5 derniers chiffres"),
        ("13002526400013", "9 premiers chiffres (SIREN)"),
        ("12345678900003", "Clé de contrôle incorrecte"),
        ("", "Saisissez"),
    ],
)
def test_siret_reasons_are_specific(typed: str, reason_part: str) -> None:
    check = check_identifier(SIRET, typed)
    assert not check.ok
    assert check.reason is not None
    assert reason_part in check.reason


def test_la_poste_exception() -> None:
    # La Poste head office passes Luhn; a secondary establishment only the digit-sum rule.
    assert check_identifier(SIRET, "35600000000048").ok
    assert check_identifier(SIRET, "35600000041439").ok
    assert not check_identifier(SIRET, "35600000041438").ok


@pytest.mark.parametrize(
    ("kind", "typed", "ok", "reason_part"),
    [
        (IdentifierType.UE_HORS_FRANCE, "de 136 695 976", True, None),
        (IdentifierType.UE_HORS_FRANCE, "BE0403170701", True, None),
        (IdentifierType.UE_HORS_FRANCE, "FR40303265045", False, "SIRET"),
        (IdentifierType.UE_HORS_FRANCE, "FR53000004605", True, None),  # Monaco
        (IdentifierType.UE_HORS_FRANCE, "FR54000004605", False, "Clé de contrôle"),
        (IdentifierType.UE_HORS_FRANCE, "XX1234567", False, "Préfixe pays inconnu"),
        (IdentifierType.UE_HORS_FRANCE, "DE13669597", False, "Longueur incorrecte"),
        (IdentifierType.UE_HORS_FRANCE, "DE136695977", False, "Clé de contrôle"),
        (IdentifierType.UE_HORS_FRANCE, "136695976", False, "préfixe du pays"),
        (IdentifierType.HORS_UE, "CH NESTLE SA", True, None),
        (IdentifierType.HORS_UE, "QQ SOMETHING", False, "Préfixe pays inconnu\u00a0: QQ"),
        (IdentifierType.HORS_UE, "DE FIRMA", False, "Union européenne"),
        (IdentifierType.HORS_UE, "US A VERY LONG COMPANY NAME", False, "18 caractères"),
        (IdentifierType.RIDET, "1234567001", True, None),
        (IdentifierType.RIDET, "123456789", True, None),
        (IdentifierType.RIDET, "12345", False, "9 ou 10 chiffres attendus, 5 saisis"),
        (IdentifierType.TAHITI, "G33972001", True, None),
        (IdentifierType.TAHITI, "g33972-001", True, None),
        (IdentifierType.TAHITI, "GG3972001", False, "Format attendu"),
        (IdentifierType.TAHITI, "G3397200", False, "9 caractères attendus, 8 saisis"),
        (IdentifierType.PARTICULIER, "  ", False, "obligatoire"),
        (IdentifierType.AUTRE, "En cours", True, None),
    ],
)
def test_other_identifier_types(
    kind: IdentifierType, typed: str, ok: bool, reason_part: str | None
) -> None:
    check = check_identifier(kind, typed)
    assert check.ok is ok
    if reason_part:
        assert check.reason is not None and reason_part in check.reason


def test_hors_ue_identifier_takes_first_16_characters_of_the_name() -> None:
    assert hors_ue_identifier("us", "Acme Widgets International Inc") == "USACME WIDGETS INTE"[:18]
    assert len(hors_ue_identifier("US", "x" * 40)) == 18


def test_format_and_compact() -> None:
    assert format_siret("13002526500013") == "130 025 265 00013"
    assert format_siret("123") == "123"
    assert compact(" 130.025 265-00013 ") == "13002526500013"


def test_typing_prefix_is_not_an_error_yet() -> None:
    assert is_typing_prefix(SIRET, "130 025")
    assert not is_typing_prefix(SIRET, "130 02A")
    assert not is_typing_prefix(SIRET, "13002526500014")
