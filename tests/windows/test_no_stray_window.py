"""No window of the program's but the wizard shows while it starts.

A widget made visible before it has a parent (``setVisible(True)`` on a button that a layout
takes a moment later) is, for that moment, a top-level window: the platform creates and maps
it, then takes it back when the layout reparents it. Under Wine (the Windows check,
packaging/windows/check-under-wine.sh) such windows stayed mapped over step 1, unpainted and
untitled, and took the keyboard from the wizard; on Windows and Linux they flash. Fast: runs
offscreen in the default suite.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.backend.profiles import PRODUCTION
from chorus_wizard.ui.pages.base import PageId
from tests.fakes import FakeService
from tests.ui.flows import fake_wizard


class WindowsShown(QObject):
    """Every widget shown while it is a window (a top-level), by its class and text."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(watched)
        return False


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return f"{type(widget).__name__} {text() if callable(text) else widget.objectName()!r}"


def start_and_walk(qtbot: QtBot, qapp: QApplication, service: FakeService) -> list[str]:
    """Build the wizard as ``chorus-wizard`` does, show it, show each page; the windows other
    than the wizard that were shown meanwhile."""
    install_translators(qapp, "fr")
    spy = WindowsShown()
    qapp.installEventFilter(spy)
    try:
        wizard = fake_wizard(qtbot, service, finished=False)
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.waitUntil(lambda: wizard.complete, timeout=10000)  # the pages after step 1
        for page_id in PageId:
            page = wizard.pages.get(page_id)
            if page is not None:
                page.show()
                qtbot.wait(10)
        wizard.shutdown()
        wizard.context.runner.wait_for_done(5000)
    finally:
        qapp.removeEventFilter(spy)
    return [describe(widget) for widget in spy.shown if widget is not wizard]


def test_only_the_wizard_shows_at_start_in_the_sandbox(qtbot: QtBot, qapp: QApplication) -> None:
    # Every page's rehearsal banner, step 1's « J'ai déjà commencé mon inscription » and step
    # 4's « Voir le courriel reçu » (the sandbox creates accounts) were made visible before
    # they had a parent.
    assert start_and_walk(qtbot, qapp, FakeService()) == []


def test_only_the_wizard_shows_at_start_in_portal_mode(qtbot: QtBot, qapp: QApplication) -> None:
    # Every page's « Mode portail » banner.
    assert start_and_walk(qtbot, qapp, FakeService(_profile=PRODUCTION)) == []
