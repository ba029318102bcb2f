"""French spacing in every text a user reads: find it, and fix it.

French puts a space before « : ; ! ? » and inside « », and that space must not break:
otherwise a window narrow enough starts a line with « » et… » or a lone « ; ». This script
looks at every string of ``chorus_wizard`` (docstrings and SQL aside), the French help files,
the training room's French labels, the sandbox's data and the scenarios::

    uv run python scripts/french_spacing.py          # list what is wrong, exit 1 if anything
    uv run python scripts/french_spacing.py --fix    # write no-break spaces instead

``--fix`` writes ``\\u00a0`` escapes in Python strings (visible in review) and the character
itself in the other files, and applies the same change to the ``<source>`` entries of the
translation files so that their English translations stay attached; run
``scripts/update_translations.py`` afterwards to rebuild the ``.qm``.
``tests/test_typography.py`` runs the same check.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "chorus_wizard"
RESOURCES = ROOT / "resources"

NBSP = "\u00a0"
# An ordinary space before : ; ! ? or » (after a word, or opening a separator such as
# " ; "), or right after «.
BREAKABLE = re.compile(r"(?:(?<=\S)|^) (?=[:;!?»])|(?<=«) ")
# SQL's placeholders are question marks too.
SQL = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|WITH|PRAGMA|ALTER|DROP)\b|[=,] \?|\b(LIMIT|OFFSET) \?"
)


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.text!r}"


def spaced(text: str) -> str:
    """``text`` with its breakable French spaces made non-breaking."""
    return BREAKABLE.sub(NBSP, text)


def _excerpt(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 30) : match.end() + 10]


# -- Python ------------------------------------------------------------------------------------


def _docstrings(tree: ast.Module) -> set[tuple[int, int]]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add((first.value.lineno, first.value.col_offset))
    return found


def _checked_strings(source: str) -> list[tuple[ast.expr, str]]:
    """The strings a user may read, with their text (an f-string's fields as ``{}``)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    parts = {
        id(value)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for value in node.values
    }
    found: list[tuple[ast.expr, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                str(value.value) if isinstance(value, ast.Constant) else "{}"
                for value in node.values
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in parts or (node.lineno, node.col_offset) in docstrings:
                continue
            text = node.value
        else:
            continue
        if not SQL.search(text):
            found.append((node, text))
    return found


def python_problems(path: Path) -> Iterator[Problem]:
    for node, text in _checked_strings(path.read_text(encoding="utf-8")):
        for match in BREAKABLE.finditer(text):
            yield Problem(path, node.lineno, _excerpt(text, match))


def fix_python(path: Path) -> bool:
    """Rewrite the checked strings' source tokens in place; whether anything changed."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)

    def column(row: int, offset: int) -> int:
        """ast's UTF-8 byte offset on line ``row`` as tokenize's character column."""
        return len(lines[row - 1].encode("utf-8")[:offset].decode("utf-8"))

    spans = [
        (
            (n.lineno, column(n.lineno, n.col_offset)),
            (n.end_lineno or n.lineno, column(n.end_lineno or n.lineno, n.end_col_offset or 0)),
        )
        for n, text in _checked_strings(source)
        if BREAKABLE.search(text)
    ]
    if not spans:
        return False
    edits: list[tuple[tuple[int, int], tuple[int, int], str]] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING:
            continue
        if not any(start <= token.start and token.end <= end for start, end in spans):
            continue
        prefix = re.match(r"[A-Za-z]*", token.string).group(0).lower()  # type: ignore[union-attr]
        if "r" in prefix or "b" in prefix:
            continue  # no escapes there; left for the check to name
        fixed = BREAKABLE.sub(r"\\u00a0", token.string)
        if fixed != token.string:
            edits.append((token.start, token.end, fixed))
    for (row, col), (end_row, end_col), text in reversed(edits):
        first, last = lines[row - 1], lines[end_row - 1]
        lines[row - 1 : end_row] = [first[:col] + text + last[end_col:]]
    path.write_text("".join(lines), encoding="utf-8")
    return bool(edits)


# -- Other files -------------------------------------------------------------------------------


def _text_problems(path: Path, text: str) -> Iterator[Problem]:
    for match in BREAKABLE.finditer(text):
        yield Problem(path, text.count("\n", 0, match.start()) + 1, _excerpt(text, match))


JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _spaced_json(text: str) -> str:
    """``text`` (a JSON file) with the spaces of its strings fixed, its layout kept."""
    return JSON_STRING.sub(lambda match: spaced(match[0]), text)


def text_files() -> list[Path]:
    """French text files, read whole (the support guide is the one French page of docs/)."""
    return [
        *sorted((RESOURCES / "help" / "fr").glob("*.md")),
        *sorted((RESOURCES / "scenarios").iterdir()),
        RESOURCES / "room" / "salle.html",
        ROOT / "docs" / "guide-support.md",
    ]


def json_files() -> list[Path]:
    """JSON files of French strings (the room's English labels have no such spaces)."""
    return [RESOURCES / "room" / "labels.json", *sorted((RESOURCES / "sandbox").glob("*.json"))]


def problems() -> list[Problem]:
    found: list[Problem] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found.extend(python_problems(path))
    for path in text_files():
        found.extend(_text_problems(path, path.read_text(encoding="utf-8")))
    for path in json_files():
        text = path.read_text(encoding="utf-8")
        for match in JSON_STRING.finditer(text):
            for problem in _text_problems(path, match[0]):
                line = text.count("\n", 0, match.start()) + problem.line
                found.append(Problem(path, line, problem.text))
    return found


def fix_all() -> list[Path]:
    changed = [path for path in sorted(PACKAGE.rglob("*.py")) if fix_python(path)]
    for path in text_files():
        text = path.read_text(encoding="utf-8")
        if spaced(text) != text:
            path.write_text(spaced(text), encoding="utf-8")
            changed.append(path)
    for path in json_files():
        text = path.read_text(encoding="utf-8")
        if _spaced_json(text) != text:
            path.write_text(_spaced_json(text), encoding="utf-8")
            changed.append(path)
    for ts in sorted((RESOURCES / "translations").glob("*.ts")):
        text = ts.read_text(encoding="utf-8")
        new = re.sub(
            r"<source>(.*?)</source>",
            lambda m: f"<source>{BREAKABLE.sub('&#xa0;', m[1])}</source>",
            text,
            flags=re.S,
        )
        if new != text:
            ts.write_text(new, encoding="utf-8")
            changed.append(ts)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fix", action="store_true", help="write no-break spaces")
    args = parser.parse_args(argv)
    if args.fix:
        for path in fix_all():
            print(f"fixed {path.relative_to(ROOT)}")
    left = problems()
    for problem in left:
        print(problem)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
