"""The screenshot tour (scripts/screenshot_tour.py) shows every page in every state it must.

The states are those of issue #18, "Must show": each page ordinary, with the help panel open
and in English; after a resume (steps 2, 3, 4 and the offer itself), after a refusal (steps
1, 2, 4), locked (step 4); the side pages (attachment request sent, the no-SIRET way, the
recap dialog); each at 560 and 820 pixels wide.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.ui.pages.base import PageId
from tests.fakes import FakeService
from tests.ui.flows import fake_wizard

ROOT = Path(__file__).parents[1]
SCRIPT = ROOT / "scripts" / "screenshot_tour.py"

#: (page, state) the tour must show in French, beyond each page's ordinary and help states.
AFTER_SOMETHING_HAPPENED = {
    (PageId.IDENTIFY, "refused"),  # a wrong SIRET
    (PageId.IDENTIFY, "unknown"),  # a SIRET the directory does not know
    (PageId.IDENTIFY, "no-siret"),  # « en cours d'immatriculation »
    (PageId.IDENTIFY, "resume-offer"),  # a draft offered
    (PageId.COMPLETE, "refused"),  # refused by the sandbox
    (PageId.COMPLETE, "resumed"),
    (PageId.COMPLETE, "no-siret"),
    (PageId.WORKSPACES, "resumed"),
    (PageId.ACTIVATE, "refused"),  # a wrong activation code
    (PageId.ACTIVATE, "locked"),  # five wrong codes
    (PageId.ACTIVATE, "resumed"),
    (PageId.ATTACH, "sent"),
    (PageId.DONE, "recap"),  # the recap dialog
    (PageId.IDENTIFY, "no-siret-ticked"),  # the no-SIRET toggle: never fooled (issue 28)
    (PageId.ACTIVATE, "rule-broken"),  # the meter capped by a broken rule
    (PageId.ACTIVATE, "locked-resumed"),  # the lock shown at once after « Reprendre »
    (PageId.IDENTIFY, "search"),  # the first open establishment selected (issue 28)
    (PageId.WORKSPACES, "defaults-off"),  # the warning, by the switches' names
    (PageId.WORKSPACES, "quit-question"),  # « Annuler » once the account exists
    (PageId.ACTIVATE, "resumed-no-keychain"),  # the unvalidated choice named
    (PageId.ACTIVATE, "mail"),  # the mail viewer's long links
}


@pytest.fixture(scope="module")
def tour() -> Iterator[ModuleType]:
    sys.path.insert(0, str(SCRIPT.parent))  # the script imports its neighbour demo.py
    try:
        spec = importlib.util.spec_from_file_location("screenshot_tour", SCRIPT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("screenshot_tour", None)
        sys.path.remove(str(SCRIPT.parent))


def required(page_ids: list[int]) -> set[tuple[int, str, str]]:
    """(page, state, language) of every shot the tour must have, for the wizard's pages."""
    wanted: set[tuple[int, str, str]] = {
        (int(page), state, "fr") for page, state in AFTER_SOMETHING_HAPPENED
    }
    for page in page_ids:
        wanted |= {(page, "ordinary", "fr"), (page, "help", "fr"), (page, "ordinary", "en")}
    wanted.add((PageId.DONE, "recap", "en"))
    return wanted


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_tour_covers_every_page_in_every_state(
    tour: ModuleType, qtbot: QtBot, qapp: QApplication
) -> None:
    wizard = fake_wizard(qtbot, FakeService())
    page_ids = sorted(wizard.pageIds())
    wizard.shutdown()
    assert set(page_ids) == set(PageId)  # every page the wizard has is named in the tour
    assert set(tour.SLUGS) == set(page_ids)
    shots = {(int(shot.page), shot.state, shot.lang) for shot in tour.SHOTS}
    missing = required(page_ids) - shots
    assert not missing, f"the tour lacks {sorted(missing)}"
    assert tour.WIDTHS == (560, 820)
    files = [shot.file(width) for shot in tour.SHOTS for width in tour.WIDTHS]
    assert len(set(files)) == len(files)
    assert "1-identify-ordinary-820.png" in files
    assert "4-activate-locked-560.png" in files
    assert "2-complete-ordinary-en-820.png" in files
    assert all(shot.says.strip() for shot in tour.SHOTS)


def distinct_colours(image: QImage, step: int = 3) -> int:
    colours = {
        image.pixel(x, y)
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    }
    return len(colours)


@pytest.mark.slow
def test_the_tour_writes_every_shot_at_its_width(tour: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "tour"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    index = (out / "README.md").read_text(encoding="utf-8")
    written = {path.name for path in out.glob("*.png")}
    expected = {shot.file(width) for shot in tour.SHOTS for width in tour.WIDTHS}
    assert written == expected
    for shot in tour.SHOTS:
        for width in tour.WIDTHS:
            name = shot.file(width)
            image = QImage(str(out / name))
            assert image.width() == width, name
            assert image.height() == tour.HEIGHT, name
            assert distinct_colours(image) > 16, f"{name} looks blank"
            assert f"({name})" in index, name
