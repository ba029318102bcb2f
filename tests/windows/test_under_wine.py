"""The Windows bundle, built and run under Wine: packaging/windows/check-under-wine.sh.

Slow (about 10 minutes from nothing on 2 cores, 1.4 GB): ``uv run pytest -m slow tests/windows``,
on Debian 12 x86-64 as root or with sudo (the script installs Wine, Xvfb, Openbox, xdotool,
ImageMagick and MinGW-w64 when missing). The script builds the bundle from the locked wheels
under Wine and runs it: its self-test offscreen and on a window, a start that fails, a signup
typed through the window (a draft held open by another program on the way, the activation
link handed to the running wizard by a second launch, the password kept in Credential
Manager), the window closed. Each of its checks is one test here; its output stays in
``.wine-check/`` (or ``$CHORUS_WIZARD_WINE_CHECK``), where a second run reuses the Wine prefix,
the Windows Python and, when its sources are unchanged, the bundle.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "check-under-wine.sh"
CHECKS = [
    "selftest-offscreen",
    "selftest-window",
    "selftest-window-platform",
    "selftest-window-shots",
    "crash-no-dialog",
    "console-cp850",
    "no-keychain",
    "start-one-window",
    "gui-typed",
    "draft-held-open",
    "link-handed-over",
    "gui-signup",
    "keychain-stored",
    "closed-no-process",
    "keychain-refusing",
]
# The self-test's walk, one picture a page (chorus_wizard/selftest.py).
PAGES = [
    "01-identification-55203253400703",
    "02-rattachement",
    "03-identification-13002526500013",
    "04-structure",
    "05-espaces",
    "06-activation",
    "07-termine",
]
# The signup typed through the window (check-under-wine.sh, sections 9 and 10).
WINDOW_PAGES = [
    "gui-1-identifiez-vous",
    "gui-1-identifiez-vous-saisi",
    "gui-2-completez-brouillon-retenu",
    "gui-2-completez",
    "gui-3-espaces-de-travail",
    "gui-3-espaces-de-travail-saisi",
    "gui-4-activez",
    "gui-4-activez-lien-recu",
    "gui-4-activez-saisi",
    "gui-5-inscription-terminee",
    "gui-5-mot-de-passe-enregistre",
    "gui-refus-5-mot-de-passe-refuse",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(2400),
    pytest.mark.skipif(
        not sys.platform.startswith("linux") or platform.machine() != "x86_64",
        reason="Wine on Linux x86-64",
    ),
]


@pytest.fixture(scope="module")
def check() -> tuple[Path, dict[str, str], subprocess.CompletedProcess[str]]:
    """Run the whole check once; its folder, each check's result line, the run itself."""
    out = Path(os.environ.get("CHORUS_WIZARD_WINE_CHECK") or ROOT / ".wine-check")
    run = subprocess.run(
        ["bash", str(SCRIPT), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=2300,
        check=False,
    )
    results = {}
    for line in (out / "results.txt").read_text(encoding="utf-8").splitlines():
        name = line.split(" ")[1]
        results[name] = line
    assert "setup" not in results, results["setup"] + "\n" + run.stdout[-3000:]
    return out, results, run


@pytest.mark.parametrize("name", CHECKS)
def test_check_passes_under_wine(
    check: tuple[Path, dict[str, str], subprocess.CompletedProcess[str]], name: str
) -> None:
    out, results, run = check
    assert name in results, f"{name} never ran:\n{run.stdout[-3000:]}"
    assert results[name].startswith("PASS "), f"{results[name]} (logs in {out / 'logs'})"


def test_the_window_self_test_walked_every_page(
    check: tuple[Path, dict[str, str], subprocess.CompletedProcess[str]],
) -> None:
    out, _, _ = check
    report = (out / "logs" / "selftest-window.log").read_text(encoding="utf-8", errors="replace")
    assert "plateforme Qt windows" in report
    # Every page, up to the last: in the sandbox a rehearsal, « Répétition terminée » (the
    # real portal's « Inscription terminée » is never said of the sandbox).
    walk = next(line for line in report.splitlines() if "parcours de toutes les pages" in line)
    assert f"({len(PAGES)} pages" in walk, walk
    assert walk.rstrip().endswith("→ Répétition terminée)"), walk
    assert "ÉCHEC" not in report
    # The trousseau: Windows' Credential Manager (Wine has one), not the fail backend.
    assert "keyring.backends.Windows.WinVaultKeyring" in report


@pytest.mark.parametrize(
    "picture",
    [f"selftest/{page}" for page in PAGES]
    + WINDOW_PAGES
    + [f"no-keychain/{PAGES[-1]}", "console-cp850"],
)
def test_each_page_was_drawn_by_the_windows_platform(
    check: tuple[Path, dict[str, str], subprocess.CompletedProcess[str]], picture: str
) -> None:
    out, _, _ = check
    image = QImage(str(out / "shots" / f"{picture}.png"))
    assert not image.isNull()
    assert image.width() >= 500 and image.height() >= 400
    # Not a blank surface: text and widgets give many colours (anti-aliased glyphs).
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert len(colours) > 20
