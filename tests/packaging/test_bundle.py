"""The PyInstaller bundle of this platform builds and passes its own ``--self-test``.

Slow (a build takes about a minute): ``uv run pytest -m slow tests/packaging``. A bundle in
dist/ newer than every source is used as it is; otherwise one is built in a temporary folder.
Needs the ``packaging`` dependency group (``uv sync --group packaging``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "chorus-wizard.spec"
NAME = "chorus-wizard"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def executable(dist: Path) -> Path:
    if sys.platform == "darwin":
        return dist / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return dist / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def newest_source() -> float:
    sources = [SPEC, ROOT / "uv.lock", ROOT / "pyproject.toml", *ROOT.glob("packaging/*.py")]
    for folder in ("chorus_wizard", "resources"):
        sources += [p for p in (ROOT / folder).rglob("*") if p.is_file()]
    return max(p.stat().st_mtime for p in sources if "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle's executable: dist/'s when fresh, else one built once for this module."""
    existing = executable(ROOT / "dist")
    if existing.is_file() and existing.stat().st_mtime > newest_source():
        return existing
    if not _module_available("PyInstaller"):
        pytest.skip("PyInstaller missing: uv sync --group packaging")
    tmp_path = tmp_path_factory.mktemp("bundle")
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(tmp_path / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
        timeout=840,
    )
    return executable(dist)


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def test_bundle_passes_its_self_test(program: Path, tmp_path: Path) -> None:
    assert program.is_file(), program
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [str(program), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "Autotest réussi" in result.stdout, report
    # The bundle reads its own copy of the resources, not the checkout's.
    assert str(ROOT / "resources") not in result.stdout


def test_bundle_leaves_out_what_it_does_not_need(program: Path) -> None:
    internal = program.parent / "_internal"
    if not internal.is_dir():
        pytest.skip("no _internal folder on this platform's layout")
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    translations = {n.rsplit("/", 1)[-1] for n in names if "/translations/" in n}
    assert translations == {"qtbase_fr.qm", "qtbase_en.qm", "chorus_wizard_en.qm"}
    assert not [n for n in names if "QtQml" in n or "QtQuick" in n or "Qt6Pdf" in n]
    locales = {n.split("/")[2] for n in names if n.startswith("pycountry/locales/")}
    assert locales == {"fr"}
    if sys.platform.startswith("linux"):
        files = [p for p in program.parent.rglob("*") if p.is_file() and not p.is_symlink()]
        size = sum(p.stat().st_size for p in files)
        assert size < 130 * 1024 * 1024, f"{size / 2**20:.0f} MiB"
