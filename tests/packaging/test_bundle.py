"""The PyInstaller bundle of this platform builds and passes its own ``--self-test``.

Slow (a build takes about a minute): ``uv run pytest -m slow tests/packaging``. A bundle in
dist/ newer than every source is used as it is; otherwise one is built in a temporary folder.
Needs the ``packaging`` dependency group (``uv sync --group packaging``), and on Linux
binutils (PyInstaller's and the ICU trimming's) and Xvfb (Debian: ``xvfb``), for the run on
the X11 platform plugin users get.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "chorus-wizard.spec"
NAME = "chorus-wizard"
SANDBOX_NAME = "chorus-wizard-sandbox"
LINUX = sys.platform.startswith("linux")
MIB = 1024 * 1024

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


def _self_test(program: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(program), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "Autotest réussi" in result.stdout, report
    assert "ÉCHEC" not in result.stdout, report
    return result.stdout


def test_bundle_passes_its_self_test(program: Path, tmp_path: Path) -> None:
    """Every page, the PDF recap, the translations, the sandbox: what the pruning must keep."""
    assert program.is_file(), program
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    report = _self_test(program, env)
    for step in (
        "traduction française de Qt («\u00a0Annuler\u00a0»)",
        "traductions anglaises («\u00a0Identify yourself\u00a0», qtbase_en)",
        "parcours de toutes les pages (7 pages",
        "Répétition terminée",  # the self-test signs up on the sandbox: a rehearsal
        "récapitulatif en PDF",
        "police embarquée",
        "/sandbox/v1/sante → 200",
        "eau, école, Eure, zèbre",
    ):
        assert step in report, report
    if LINUX:  # Qt asks ICU, whose data the spec trims, for the time zone's French name
        assert "«\u00a0heure normale d’Europe centrale\u00a0»" in report, report
    # The bundle reads its own copy of the resources, not the checkout's.
    assert str(ROOT / "resources") not in report


@pytest.mark.skipif(not LINUX, reason="X11 is Linux's platform plugin")
def test_bundle_runs_on_the_x11_plugin_as_users_start_it(program: Path, tmp_path: Path) -> None:
    """No QT_QPA_PLATFORM, a DISPLAY: Qt picks xcb, whose libraries the spec must keep."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is needed for this test (Debian: apt-get install xvfb)"
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1280x1024x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        display = os.read(read_end, 32).decode().strip()
        assert display.isdigit(), f"Xvfb gave no display ({display!r})"
        env = {
            k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
        }
        env.update(DISPLAY=f":{display}", TMPDIR=str(tmp_path))
        report = _self_test(program, env)
        assert "plateforme Qt xcb" in report, report
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)


def _internal(program: Path) -> Path:
    internal = program.parent / "_internal"
    if not internal.is_dir():
        pytest.skip("no _internal folder on this platform's layout")
    return internal


def test_bundle_leaves_out_what_it_does_not_need(program: Path) -> None:
    internal = _internal(program)
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    translations = {n.rsplit("/", 1)[-1] for n in names if "/translations/" in n}
    assert translations == {"qtbase_fr.qm", "qtbase_en.qm", "chorus_wizard_en.qm"}
    assert not [n for n in names if "QtQml" in n or "QtQuick" in n or "Qt6Pdf" in n]
    assert not [n for n in names if "/plugins/imageformats/" in n]  # PNG is built into QtGui
    assert not [n for n in names if "wayland" in n.lower()]
    locales = {n.split("/")[2] for n in names if n.startswith("pycountry/locales/")}
    assert locales == {"fr"}
    assert not [n for n in names if n.startswith(("dns/", "pydoc_data/", "pydantic/v1/"))]
    links = [p for p in program.parent.rglob("*") if p.is_symlink()]
    assert [p for p in links if not p.exists()] == []  # no link to a file left out
    if LINUX:
        platforms = {
            n.rsplit("/", 1)[-1] for n in names if "/plugins/platforms/" in n and ".so" in n
        }
        assert platforms == {"libqxcb.so", "libqoffscreen.so"}
        assert not [n for n in names if n.rsplit("/", 1)[-1].startswith("libstdc++")]
        (icu,) = (internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
        assert icu.stat().st_size < 8 * MIB, "ICU's data was not trimmed"
        files = [p for p in program.parent.rglob("*") if p.is_file() and not p.is_symlink()]
        size = sum(p.stat().st_size for p in files)
        assert size <= 104 * MIB, f"{size / MIB:.1f} MiB"  # packaging/README.md says why


@pytest.mark.skipif(not LINUX, reason="ELF libraries")
def test_every_library_a_bundled_binary_names_is_found(program: Path) -> None:
    """In the bundle or on the system: pruning a library something still needs would show."""
    internal = _internal(program)
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing = {}
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        lost = [row.split()[0] for row in done.stdout.splitlines() if "not found" in row]
        if lost:
            missing[path.relative_to(internal).as_posix()] = lost
    assert missing == {}


def _archive(executable: Path) -> tuple[set[str], set[str]]:
    """(the modules of ``executable``'s archive, the scripts it runs before the program)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    modules: set[str] = set()
    for name in archive.toc:
        if name.endswith(".pyz") or name == "PYZ.pyz":
            modules |= set(archive.open_embedded_archive(name).toc)
    scripts = {name for name, entry in archive.toc.items() if entry[-1] == "s"}
    return modules, scripts


def _top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_the_wizard_holds_no_web_server_and_the_sandbox_no_qt(program: Path) -> None:
    """Two executables in one folder (packaging/chorus-wizard.spec): the wizard's start runs
    no ``multiprocessing`` hook, the sandbox's process no PySide6 one."""
    sandbox = program.with_name(SANDBOX_NAME + program.suffix)
    assert sandbox.is_file(), sandbox
    wizard_modules, wizard_scripts = _archive(program)
    sandbox_modules, sandbox_scripts = _archive(sandbox)
    assert {"PySide6", "httpx", "chorus_wizard"} <= _top_level(wizard_modules)
    assert _top_level(wizard_modules) & {"multiprocessing", "uvicorn", "fastapi", "anyio"} == set()
    assert "chorus_wizard.sandbox.server" not in wizard_modules
    assert [s for s in wizard_scripts if "multiprocessing" in s] == []
    assert {"uvicorn", "fastapi", "chorus_wizard"} <= _top_level(sandbox_modules)
    assert _top_level(sandbox_modules) & {"PySide6", "shiboken6"} == set()
    assert [s for s in sandbox_scripts if "pyside6" in s.lower()] == []


def test_the_bundled_sandbox_command_serves_on_its_own(program: Path, tmp_path: Path) -> None:
    """What a trainer runs from the bundle: it prints its address, answers, stops on SIGTERM."""
    sandbox = program.with_name(SANDBOX_NAME + program.suffix)
    server = subprocess.Popen(
        [str(sandbox), "--data-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert first.startswith("Bac à sable Chorus Pro prêt sur http://127.0.0.1:"), first
        url = first.split()[-1]
        with urllib.request.urlopen(f"{url}/sandbox/v1/sante", timeout=30) as answer:
            assert answer.status == 200
        server.terminate()
        assert server.wait(30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
