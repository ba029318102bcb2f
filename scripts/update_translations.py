"""Refresh the interface's translation: extract strings into the .ts, build the .qm.

Usage (from the repository's root)::

    uv run python scripts/update_translations.py

runs ``pyside6-lupdate`` over every Python module of ``chorus_wizard`` (the sandbox server
excepted: its messages are the server's words) into
``resources/translations/chorus_wizard_en.ts``, keeping the existing translations and
dropping strings no longer in the code, then ``pyside6-lrelease`` into
``chorus_wizard_en.qm``. Translate the new entries (Qt Linguist: ``uv run pyside6-linguist
resources/translations/chorus_wizard_en.ts``, or any editor: remove ``type="unfinished"``),
then run the script again to rebuild the .qm. Commit both files; ``tests/test_translations.py``
fails while an entry is unfinished, a string is missing from the .ts or the .qm is stale.

``--check`` changes nothing and exits 1 when the .ts lacks a string of the code or the .qm
is not the one the .ts builds.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def sources() -> list[Path]:
    """Every module whose strings the interface shows (not the sandbox server's)."""
    package = ROOT / "chorus_wizard"
    return sorted(
        path for path in package.rglob("*.py") if "sandbox" not in path.relative_to(package).parts
    )


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"chorus_wizard_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"chorus_wizard_{lang}.qm"


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this script with `uv run`")
    return found


def lupdate(ts: Path) -> str:
    """Update ``ts`` from the sources; lupdate's summary."""
    result = subprocess.run(
        [
            tool("pyside6-lupdate"),
            *(str(path) for path in sources()),
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "fr_FR",
            "-target-language",
            ts.stem.rsplit("_", 1)[1],
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return result.stdout + result.stderr


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        text=True,
    )


def check() -> list[str]:
    """What is out of date, without touching the committed files."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            copy = Path(tmp) / ts_path(lang).name
            shutil.copyfile(ts_path(lang), copy)
            lupdate(copy)
            if copy.read_bytes() != ts_path(lang).read_bytes():
                problems.append(f"{ts_path(lang).name} is not up to date with the code")
            built = Path(tmp) / qm_path(lang).name
            lrelease(ts_path(lang), built)
            if not qm_path(lang).is_file() or built.read_bytes() != qm_path(lang).read_bytes():
                problems.append(f"{qm_path(lang).name} is not built from the .ts")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="report only, change nothing")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        print(lupdate(ts_path(lang)).strip())
        lrelease(ts_path(lang), qm_path(lang))
        print(f"built {qm_path(lang).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
