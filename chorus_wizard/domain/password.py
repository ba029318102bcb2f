"""Password policy: served by the backend, enforced by the server, shown rule by rule in the UI.

The same :func:`evaluate` runs on both sides so the wizard ticks exactly the rules the server
enforces. The policy travels as JSON (:meth:`PasswordPolicy.to_json`). :func:`estimate_strength`
adds zxcvbn's estimate (``zxcvbn-rs-py``, the Rust implementation) for the wizard to show; it is
advice, not a rule.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

#: A short list of passwords that satisfy length and classes yet are among the most guessed.
COMMON_PASSWORDS: frozenset[str] = frozenset(
    {
        "motdepasse123!",
        "motdepasse1234",
        "azertyuiop123",
        "azertyuiop123!",
        "azerty123456!",
        "password1234!",
        "password123!",
        "qwertyuiop123",
        "bonjour123456",
        "soleil123456!",
        "chorus123456!",
        "chorusPro2024!".lower(),
        "choruspro1234!",
        "123456789abc!",
        "abcdef123456!",
        "welcome12345!",
    }
)


#: zxcvbn's warnings that say a password (or its word) is among the leaked, most used ones.
_COMMON_WARNINGS = (
    "ThisIsATop10Password",
    "ThisIsATop100Password",
    "ThisIsACommonPassword",
    "ThisIsSimilarToACommonlyUsedPassword",
)
#: What people put around a common word: digits, punctuation, blanks (``Soleil2026!``).
_DECORATION = re.compile(r"^[\W\d_]+|[\W\d_]+$")


def _warned_common(text: str) -> bool:
    from zxcvbn_rs_py import Warning, zxcvbn

    feedback = zxcvbn(text[:STRENGTH_MAX_INPUT]).feedback
    warning = feedback.warning if feedback is not None else None
    return warning is not None and any(warning == getattr(Warning, n) for n in _COMMON_WARNINGS)


def is_common_password(password: str) -> bool:
    """Whether ``password`` is a common one: in :data:`COMMON_PASSWORDS`, or one zxcvbn's
    password lists know (``Password1``, ``motdepasse1``), or a common password decorated with
    digits and signs (``Marseille2026!``): the word alone is what is guessed first."""
    if not password:
        return False
    folded = _fold(password)
    if folded in COMMON_PASSWORDS or _warned_common(password):
        return True
    word = _DECORATION.sub("", folded)
    return len(word) >= 4 and word != folded and _warned_common(word)


@dataclass(frozen=True)
class PasswordPolicy:
    """What a password must satisfy. Defaults follow the product's documented policy."""

    min_length: int = 12
    max_length: int = 128
    min_classes: int = 3
    forbid_email_local_part: bool = True
    forbid_company_name: bool = True
    forbid_common: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "longueurMinimale": self.min_length,
            "longueurMaximale": self.max_length,
            "nombreClassesMinimum": self.min_classes,
            "interditPartieLocaleEmail": self.forbid_email_local_part,
            "interditRaisonSociale": self.forbid_company_name,
            "interditMotsDePasseCourants": self.forbid_common,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PasswordPolicy:
        return cls(
            min_length=int(data["longueurMinimale"]),
            max_length=int(data["longueurMaximale"]),
            min_classes=int(data["nombreClassesMinimum"]),
            forbid_email_local_part=bool(data.get("interditPartieLocaleEmail", True)),
            forbid_company_name=bool(data.get("interditRaisonSociale", True)),
            forbid_common=bool(data.get("interditMotsDePasseCourants", True)),
        )


@dataclass(frozen=True)
class RuleResult:
    """One rule of the policy, its French wording, and whether the password meets it."""

    key: str
    label: str
    met: bool


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def character_classes(password: str) -> int:
    """How many of lower case, upper case, digits and other characters ``password`` uses."""
    return sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() or c in string.punctuation for c in password),
        )
    )


def evaluate(
    policy: PasswordPolicy, password: str, *, email: str = "", company_name: str = ""
) -> list[RuleResult]:
    """Every rule of ``policy`` applied to ``password``, in display order."""
    folded = _fold(password)
    results = [
        RuleResult(
            "length",
            translate("password", "Au moins {count} caractères").format(count=policy.min_length),
            policy.min_length <= len(password) <= policy.max_length,
        ),
        RuleResult(
            "classes",
            translate(
                "password",
                "Au moins {count} types de caractères parmi\u00a0: minuscules, majuscules, "
                "chiffres, caractères spéciaux",
            ).format(count=policy.min_classes),
            character_classes(password) >= policy.min_classes,
        ),
    ]
    if policy.forbid_email_local_part:
        local = _fold(email.partition("@")[0])
        met = not (len(local) >= 3 and local in folded)
        results.append(
            RuleResult(
                "email", translate("password", "Ne contient pas votre adresse électronique"), met
            )
        )
    if policy.forbid_company_name:
        words = [w for w in _fold(company_name).split() if len(w) >= 4]
        met = not any(w in folded for w in words)
        results.append(
            RuleResult(
                "company", translate("password", "Ne contient pas le nom de la structure"), met
            )
        )
    if policy.forbid_common:
        met = not is_common_password(password)
        results.append(
            RuleResult("common", translate("password", "N'est pas un mot de passe courant"), met)
        )
    return results


def is_acceptable(
    policy: PasswordPolicy, password: str, *, email: str = "", company_name: str = ""
) -> bool:
    """True when every rule is met."""
    return all(r.met for r in evaluate(policy, password, email=email, company_name=company_name))


def normalize_secret_answer(answer: str) -> str:
    """Fold case, accents and blanks so « Éléphant  rose » and « elephant rose » match."""
    return " ".join(_fold(answer).split())


#: zxcvbn's cost grows quickly with length; past this many characters it learns nothing new.
STRENGTH_MAX_INPUT = 72
#: French wording of zxcvbn's scores 0 to 4.
STRENGTH_LABELS = (
    QT_TRANSLATE_NOOP("password", "faible"),
    QT_TRANSLATE_NOOP("password", "faible"),
    QT_TRANSLATE_NOOP("password", "moyenne"),
    QT_TRANSLATE_NOOP("password", "bonne"),
    QT_TRANSLATE_NOOP("password", "excellente"),
)


@dataclass(frozen=True)
class Strength:
    """zxcvbn's score (0 to 4) and its French label."""

    score: int
    label: str


def strength_hints(values: Iterable[str]) -> list[str]:
    """What zxcvbn should treat as guessable: each value and its words, folded.

    ``marie.durand@exemple.fr`` gives the whole address, ``marie``, ``durand``, ``exemple``.
    """
    hints: list[str] = []
    for value in values:
        folded = _fold(value).strip()
        if not folded:
            continue
        hints.append(folded)
        hints.extend(w for w in re.split(r"[\W_]+", folded) if len(w) >= 3)
    return list(dict.fromkeys(hints))


def load_strength_estimator() -> None:
    """Build zxcvbn's dictionaries (done on the first estimate): call it off the GUI
    thread, once, so the first keystroke does not pay for it."""
    from zxcvbn_rs_py import zxcvbn

    zxcvbn("chorus-wizard")


def estimate_strength(password: str, user_inputs: Iterable[str] = ()) -> Strength:
    """zxcvbn's estimate of ``password`` (first 72 characters), knowing the user's own data."""
    if not password:  # nothing to estimate
        return Strength(0, translate("password", STRENGTH_LABELS[0]))
    from zxcvbn_rs_py import zxcvbn

    result = zxcvbn(password[:STRENGTH_MAX_INPUT], strength_hints(user_inputs))
    score = max(0, min(4, int(result.score)))
    return Strength(score, translate("password", STRENGTH_LABELS[score]))
