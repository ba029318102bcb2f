"""The version of chorus_wizard/__init__.py, for the bundles' metadata (single source).

``python packaging/version.py`` prints it (e.g. ``0.1.0``); ``--numeric`` prints the four
numbers Windows' version resources want (``0.1.0.0``; a pre-release suffix is dropped).
The PyInstaller spec imports :func:`read_version` and :func:`numeric_version`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_VERSION = re.compile(r'^__version__\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)


def read_version(root: Path = ROOT) -> str:
    """``__version__`` read as text: building a bundle must not import the package."""
    text = (root / "chorus_wizard" / "__init__.py").read_text(encoding="utf-8")
    match = _VERSION.search(text)
    if match is None:
        raise RuntimeError("__version__ not found in chorus_wizard/__init__.py")
    return match.group(1)


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """``1.2.3rc1`` → ``(1, 2, 3, 0)``."""
    match = re.match(r"\d+(?:\.\d+){0,3}", version)
    values = [int(n) for n in match.group(0).split(".")] if match else []
    values += [0] * (4 - len(values))
    return (values[0], values[1], values[2], values[3])


def main(argv: list[str]) -> int:
    version = read_version()
    if "--numeric" in argv:
        print(".".join(str(n) for n in numeric_version(version)))
    else:
        print(version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
