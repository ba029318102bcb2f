"""Narrow windows: the help panel never squeezes the page, forms stack their labels as a
whole, and a greyed-out « Suivant » always says why (issues #18 and #19)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from chorus_wizard.ui.pages.base import Page, PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.wizard import SignupWizard
from tests.ui.flows import EMAIL, SIRET, reach_activation

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def check_page(page: Page) -> None:
    scroll = page.scroll_area
    bar = scroll.horizontalScrollBar()
    viewport = scroll.viewport()
    inner = scroll.widget()
    assert inner is not None
    assert not bar.isVisible() or bar.maximum() == 0
    assert inner.width() <= viewport.width()
    view = QRect(0, 0, viewport.width(), viewport.height())
    for edit in inner.findChildren(QLineEdit):
        if not edit.isVisibleTo(inner):
            continue
        left = edit.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= view.left(), edit.accessibleName()
        assert left + edit.width() <= view.right() + 1, edit.accessibleName()
    for form in inner.findChildren(QFormLayout):
        beside = set()
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None:
                continue
            text = label.widget()
            if not isinstance(text, QLabel) or not text.text() or not text.isVisibleTo(inner):
                continue
            label_geometry = label.geometry()
            field_geometry = field.geometry()
            beside.add(field_geometry.top() < label_geometry.bottom())
        assert len(beside) <= 1, "some labels beside their fields, others above"


def go_to(qtbot: QtBot, wizard: SignupWizard, step: int) -> Page:
    if step == 4:
        reach_activation(qtbot, wizard)
        return wizard.page_of(PageId.ACTIVATE)
    identify = wizard.page_of(PageId.IDENTIFY)
    if step >= 2:
        identify.email.setText(EMAIL)  # type: ignore[attr-defined]
        identify.identifier.setText(SIRET)  # type: ignore[attr-defined]
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
        complete = wizard.page_of(PageId.COMPLETE)
        qtbot.waitUntil(lambda: not complete.is_busy)
    if step >= 3:
        assert isinstance(complete, CompletePage)
        complete.email_again.setText(EMAIL)
        complete.nom.setText("Durand")
        complete.prenom.setText("Marie")
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    page = wizard.currentPage()
    assert isinstance(page, Page)
    return page


@pytest.mark.parametrize("step", [1, 2, 3, 4])
@pytest.mark.parametrize("width", [560, 820])
def test_every_step_fits_with_help_open_or_closed(
    qtbot: QtBot, wizard: SignupWizard, step: int, width: int
) -> None:
    page = go_to(qtbot, wizard, step)
    for help_open in (False, True, False):
        wizard.desk.set_help_visible(help_open)
        wizard.resize(width, 720)
        settle(qtbot)
        check_page(page)
        if help_open:
            panel = wizard.desk.panel
            assert panel.isVisible()
            assert panel.geometry().width() <= wizard.width()


def test_narrow_help_closes_with_escape_and_its_button(qtbot: QtBot, wizard: SignupWizard) -> None:
    wizard.resize(560, 720)
    wizard.desk.set_help_visible(True)
    settle(qtbot)
    panel = wizard.desk.panel
    assert panel.close_button.isVisible()
    qtbot.waitUntil(lambda: panel.isAncestorOf(QApplication.focusWidget() or wizard))
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not wizard.desk.help_visible
    assert wizard.isVisible()
    wizard.desk.set_help_visible(True)
    settle(qtbot)
    panel.close_button.click()
    assert not wizard.desk.help_visible and not panel.isVisible()


def test_step_2_says_why_suivant_is_greyed_out(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = go_to(qtbot, wizard, 2)
    assert isinstance(page, CompletePage)
    reason = page.next_reason
    assert not page.isComplete()
    assert reason.isVisible()
    assert "Pour continuer, complétez ou corrigez\u00a0:" in reason.text()
    assert page.nom.accessibleName() in reason.text()
    page.fields["code_postal"].setText("12")
    assert page.fields["code_postal"].accessibleName() in reason.text()
    page.fields["code_postal"].setText("75001")
    assert page.fields["code_postal"].accessibleName() not in reason.text()
    page.email_again.setText(EMAIL)
    page.nom.setText("Durand")
    page.prenom.setText("Marie")
    assert page.isComplete()
    assert not reason.isVisible()
    page.nom.clear()
    assert reason.isVisible() and page.nom.accessibleName() in reason.text()


def test_reason_is_in_view_without_scrolling(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = go_to(qtbot, wizard, 2)
    wizard.resize(560, 520)
    settle(qtbot)
    reason = page.next_reason
    assert isinstance(reason, QWidget)
    assert not page.scroll_area.isAncestorOf(reason)


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_the_progress_line_breaks_between_steps_only(
    qtbot: QtBot, wizard: SignupWizard, step: int
) -> None:
    page = go_to(qtbot, wizard, step)
    steps = page.subTitle().split("—", 1)[1].split("›")
    assert len(steps) == 4
    # « 4. Activez » never ends one line and starts the next.
    assert all(" " not in part.strip() for part in steps), steps
