"""Step 4 in every state: reached by a resume, after a hint, a wrong code, a lock, empty."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import draft_keeper, fake_wizard, reach_activation

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


def rules_laid_out(page: ActivatePage) -> list[str]:
    """What is wrong with the rule labels' geometry now: [] when every label is whole and
    none overlaps the next."""
    problems = []
    labels = list(page.password._rule_labels.values())
    for label in labels:
        needed = (
            label.heightForWidth(label.width())
            if label.hasHeightForWidth()
            else label.sizeHint().height()
        )
        if label.height() < needed:
            problems.append(f"{label.text()!r}: {label.height()} < {needed}")
    for above, below in itertools.pairwise(labels):
        if above.geometry().bottom() >= below.geometry().top():
            problems.append(f"{above.text()!r} overlaps {below.text()!r}")
    return problems


def first_paint(qtbot: QtBot, widget: QWidget) -> None:
    """Let the pending layout and paint events run, as the first frame does; no resize."""
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def resumed_at_activation(
    qtbot: QtBot, tmp_path: Path, service: FakeService, width: int
) -> tuple[SignupWizard, ActivatePage]:
    """A signup left on step 4 and resumed in a new window of ``width``."""
    first = fake_wizard(qtbot, FakeService(valid_until=service.valid_until), data_dir=tmp_path)
    first.show()
    reach_activation(qtbot, first)
    draft_keeper(first).flush()
    first.shutdown()
    first.context.runner.wait_for_done(5000)

    second = fake_wizard(qtbot, service, data_dir=tmp_path)
    second.resize(width, 760)
    second.show()
    qtbot.waitExposed(second)
    page = second.page_of(PageId.ACTIVATE)
    assert isinstance(page, ActivatePage)
    page.clock = lambda: NOW
    second.page_of(PageId.IDENTIFY).resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    qtbot.waitUntil(lambda: page.question.count() > 0)
    return second, page


@pytest.mark.parametrize("width", [560, 820])
def test_rules_are_whole_at_first_paint_after_a_resume(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, width: int
) -> None:
    service = FakeService(valid_until=NOW + timedelta(minutes=59, seconds=30))
    wizard, page = resumed_at_activation(qtbot, tmp_path, service, width)
    try:
        first_paint(qtbot, wizard)
        assert rules_laid_out(page) == []
        page.password.password.setText("Girafe-bleue")
        first_paint(qtbot, wizard)
        assert rules_laid_out(page) == []
    finally:
        wizard.shutdown()


@pytest.mark.parametrize("width", [560, 820])
def test_rules_stay_whole_when_a_hint_appears_above(
    qtbot: QtBot, wizard: SignupWizard, width: int
) -> None:
    wizard.resize(width, 760)
    page = reach_activation(qtbot, wizard)
    first_paint(qtbot, wizard)
    page.code.setText("http://127.0.0.1:1/sandbox/activer?autre=1")  # no code: a hint
    assert page.code_hint.isVisible()
    first_paint(qtbot, wizard)
    assert rules_laid_out(page) == []


def test_time_left_is_shown_after_a_resume(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    service = FakeService(valid_until=NOW + timedelta(minutes=59, seconds=30))
    wizard, page = resumed_at_activation(qtbot, tmp_path, service, 820)
    try:
        qtbot.waitUntil(page.validity.isVisible)
        assert page.validity.text() == "Ce lien est valable encore 59 minutes."
        assert page._validity_timer.isActive()
    finally:
        wizard.shutdown()
