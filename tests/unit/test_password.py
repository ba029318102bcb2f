"""Password policy: the rules the server enforces and the wizard ticks."""

from __future__ import annotations

import pytest

from chorus_wizard.domain.password import (
    PasswordPolicy,
    evaluate,
    is_acceptable,
    normalize_secret_answer,
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


def test_policy_round_trips_as_json() -> None:
    policy = PasswordPolicy(min_length=14, min_classes=4)
    assert PasswordPolicy.from_json(policy.to_json()) == policy


def test_secret_answer_normalisation() -> None:
    assert normalize_secret_answer("  Éléphant   ROSE ") == normalize_secret_answer("elephant rose")
