"""Password policy: the rules the server enforces and the wizard ticks."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chorus_wizard.domain.password import (
    STRENGTH_MAX_INPUT,
    PasswordPolicy,
    Strength,
    estimate_strength,
    evaluate,
    is_acceptable,
    is_common_password,
    load_strength_estimator,
    normalize_secret_answer,
    strength_hints,
)

POLICY = PasswordPolicy()


def unmet(password: str, **context: str) -> set[str]:
    return {r.key for r in evaluate(POLICY, password, **context) if not r.met}


def test_good_password_meets_every_rule() -> None:
    assert unmet("Tournesol-Vert-42", email="marie.durand@exemple.fr") == set()
    assert is_acceptable(POLICY, "Tournesol-Vert-42")


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Court-1a", "length"),
        ("toutenminusculesetlong", "classes"),
        ("Marie.Durand-2024", "email"),
        ("Azertyuiop123!", "common"),
        ("Boulangerie-Martin9", "company"),
    ],
)
def test_each_rule_can_fail(password: str, rule: str) -> None:
    assert rule in unmet(
        password, email="marie.durand@exemple.fr", company_name="BOULANGERIE MARTIN"
    )


@pytest.mark.parametrize(
    "password",
    # found by a walk: ticked « N'est pas un mot de passe courant » (the list held only
    # exact 12-character entries); then a common word dressed with digits and signs
    ["motdepasse1", "Password1", "MotDePasse2026!", "Soleil2026!!", "Password123!"],
)
def test_common_passwords_and_their_variants_are_refused(password: str) -> None:
    assert "common" in unmet(password)
    assert is_common_password(password)


@pytest.mark.parametrize(
    "password", ["Tournesol-Vert-42", "Girafe-Bleue-2026", "Quetzal-Ardoise-8814"]
)
def test_uncommon_passwords_meet_the_common_rule(password: str) -> None:
    assert not is_common_password(password)


def test_policy_round_trips_as_json() -> None:
    policy = PasswordPolicy(min_length=14, min_classes=4)
    assert PasswordPolicy.from_json(policy.to_json()) == policy


def test_secret_answer_normalisation() -> None:
    assert normalize_secret_answer("  Éléphant   ROSE ") == normalize_secret_answer("elephant rose")


# Strength estimate (zxcvbn) ---------------------------------------------------------------


def test_strength_labels() -> None:
    assert estimate_strength("") == Strength(0, "faible")
    assert estimate_strength("azerty").label == "faible"
    assert estimate_strength("Girafe-Bleue-2026") == Strength(4, "excellente")


def test_strength_hints_split_the_users_own_data() -> None:
    hints = strength_hints(["Marie.Durand@exemple.fr", "Boulangerie DURAND", ""])
    assert hints == [
        "marie.durand@exemple.fr",
        "marie",
        "durand",
        "exemple",
        "boulangerie durand",
        "boulangerie",
    ]


def test_the_users_own_data_weakens_the_estimate() -> None:
    mine = ["marie.durand@exemple.fr", "Boulangerie Durand"]
    assert estimate_strength("boulangeriedurand").score == 4
    assert estimate_strength("boulangeriedurand", mine) == Strength(1, "faible")


def test_strength_sees_72_characters_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    import zxcvbn_rs_py

    seen: list[str] = []

    def fake(password: str, user_inputs: list[str] | None = None) -> SimpleNamespace:
        seen.append(password)
        return SimpleNamespace(score=3)

    monkeypatch.setattr(zxcvbn_rs_py, "zxcvbn", fake)
    assert estimate_strength("Ab1-" * 40) == Strength(3, "bonne")
    assert seen == [("Ab1-" * 40)[:STRENGTH_MAX_INPUT]]


def test_strength_of_common_and_long_passwords() -> None:
    assert estimate_strength("motdepasse").score <= 1
    assert estimate_strength("Cinq-Chevaux-Bleus-Traversent-Lyon-1987").score == 4


def test_strength_estimator_loads() -> None:
    load_strength_estimator()
    assert estimate_strength("Girafe-Bleue-2026").score == 4
