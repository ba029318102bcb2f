"""French spacing: no line of French text may start with « » », « : » or a lone « ; ».

The check is ``scripts/french_spacing.py``'s (which can also fix what it finds): every string
of the package but docstrings and SQL, the French help files, the room's labels, the
sandbox's data and the scenarios.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def spacing() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "french_spacing", ROOT / "scripts" / "french_spacing.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Format attendu : 14 chiffres ; rien d'autre !",
            "Format attendu\u00a0: 14 chiffres\u00a0; rien d'autre\u00a0!",
        ),
        ("Cliquez sur « Suivant » ?", "Cliquez sur «\u00a0Suivant\u00a0»\u00a0?"),
        ("Déjà bon\u00a0: «\u00a0oui\u00a0»", "Déjà bon\u00a0: «\u00a0oui\u00a0»"),
        ("https://example.org:8443/?q=1", "https://example.org:8443/?q=1"),
        ("  - liste", "  - liste"),
    ],
)
def test_the_rule(spacing: ModuleType, text: str, expected: str) -> None:
    assert spacing.spaced(text) == expected


def test_fix_writes_escapes_and_leaves_docstrings_and_sql(
    spacing: ModuleType, tmp_path: Path
) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        '"""Module doc : untouched."""\n'
        'MESSAGE = "Code refusé : réessayez ; « Valider »."\n'
        'QUERY = "SELECT id FROM accounts WHERE email = ?"\n'
        'def f():\n    """Doc : untouched."""\n    return f"{1} : {2}"\n',
        encoding="utf-8",
    )
    assert [problem.line for problem in spacing.python_problems(module)] == [2, 2, 2, 2, 6]
    assert spacing.fix_python(module)
    text = module.read_text(encoding="utf-8")
    assert 'MESSAGE = "Code refusé\\u00a0: réessayez\\u00a0; «\\u00a0Valider\\u00a0»."' in text
    assert '"""Module doc : untouched."""' in text and '"""Doc : untouched."""' in text
    assert 'email = ?"' in text and 'f"{1}\\u00a0: {2}"' in text
    assert list(spacing.python_problems(module)) == []


def test_every_french_text_uses_no_break_spaces(spacing: ModuleType) -> None:
    problems = [str(problem) for problem in spacing.problems()]
    assert problems == [], (
        "French spacing: run `uv run python scripts/french_spacing.py --fix`, then "
        "`uv run python scripts/update_translations.py`:\n" + "\n".join(problems)
    )
