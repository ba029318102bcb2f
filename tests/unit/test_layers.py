"""The import graph and the wire: backend/ and ui/ never import the sandbox, and no page spells
a JSON field name or a return code of the signup API (the contract owns them)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from chorus_wizard.contracts import record
from chorus_wizard.contracts import signup as api

PACKAGE = Path(__file__).resolve().parents[2] / "chorus_wizard"


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of its code (``from x import y``: x, x.y)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("layer", ["backend", "ui"])
def test_no_layer_above_the_sandbox_imports_it(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in imported_modules(path)
            if name == "chorus_wizard.sandbox" or name.startswith("chorus_wizard.sandbox.")
        )
        for path in sorted((PACKAGE / layer).rglob("*.py"))
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_import_check_sees_a_nested_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from chorus_wizard.sandbox import seed\n", encoding="utf-8")
    assert "chorus_wizard.sandbox.seed" in imported_modules(module)


def _wire_names() -> set[str]:
    """Every JSON field name of the signup contract that is not also a form attribute."""
    names: set[str] = set()
    for value in vars(api).values():
        if isinstance(value, type) and issubclass(value, api.BaseModel):
            names.update(value.model_fields)
    names.update(part for name in record.FIELD_OF_WIRE for part in name.split("."))
    # « structure » names a part of the signup in the code as on the wire
    form = {*record.FIELD_OF_WIRE.values(), *record.Signup().values(), "structure"}
    return names - form


def _string_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def _spelled(text: str, names: set[str]) -> set[str]:
    """The wire names ``text`` spells: the whole literal, a dotted path, or a camelCase word
    (plain French words such as « structure » or « espaces » count only as a whole key)."""
    found = {part for part in text.split(".") if part in names} if text.strip() == text else set()
    words = set(re.findall(r"[A-Za-z]+", text))
    return found | {w for w in words if w in names and w != w.lower()}


def test_the_wire_names_are_known() -> None:
    names = _wire_names()
    assert {"raisonSociale", "motDePasse", "codeRetour", "champ", "courriels"} <= names
    assert _spelled("structure.raisonSociale", names) == {"raisonSociale"}
    assert _spelled("idQuestionSecrete", names) == {"idQuestionSecrete"}
    assert _spelled("motDePasse", names) == {"motDePasse"}
    assert _spelled("Votre structure est déjà inscrite", names) == set()


def test_no_page_spells_a_json_field_name() -> None:
    names = _wire_names()
    found = {
        str(path.relative_to(PACKAGE)): sorted(
            {word for text in _string_literals(path) for word in _spelled(text, names)}
        )
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
    }
    assert {path: words for path, words in found.items() if words} == {}


def _names_a_code(node: ast.expr) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return "code" in name.lower()


def test_no_page_compares_with_a_return_code() -> None:
    """No return code number in ui/: compared with a ``code``, kept as a ``…CODE`` constant,
    or given as ``code=``."""
    codes = {int(code) for code in api.Code if code is not api.Code.OK}
    found: list[str] = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            numbers: list[ast.expr] = []
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(_names_a_code(side) for side in sides):
                    numbers = sides
            elif isinstance(node, ast.Assign):
                numbers = [node.value] if any(_names_a_code(t) for t in node.targets) else []
            elif isinstance(node, ast.keyword):
                numbers = [node.value] if node.arg == "code" else []
            found.extend(
                f"{path.relative_to(PACKAGE)}:{n.lineno}"
                for n in numbers
                if isinstance(n, ast.Constant) and n.value in codes
            )
    assert found == []


def test_the_code_check_sees_the_old_constant(tmp_path: Path) -> None:
    """What ``activate.py`` used to hold, and ``service.py``'s comparison, are caught."""
    tree = ast.parse("INVALID_CODE = 20\nif error.code == 20: pass\n")
    assigned, compared = tree.body
    assert isinstance(assigned, ast.Assign) and _names_a_code(assigned.targets[0])
    assert isinstance(compared, ast.If) and isinstance(compared.test, ast.Compare)
    assert _names_a_code(compared.test.left)
