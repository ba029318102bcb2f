"""What ``chorus-wizard`` does to open sooner: step 1 first, the rest after the first paint."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, install_translators
from chorus_wizard.backend.deferred import DeferredService
from chorus_wizard.drafts import DraftStore
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.wizard import HELP_BUTTON, RECAP_BUTTON, SignupWizard
from tests.fakes import FakeService
from tests.fresh import last_line, run_python
from tests.ui.flows import fake_wizard

TIMEOUT = 10000
#: No server listens there: nothing in these tests reaches a backend.
NO_SERVER = "http://127.0.0.1:9"


def test_step_1_is_shown_first_and_the_rest_follows_the_first_paint(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    wizard = build_wizard(["--data-dir", str(tmp_path), "--backend", NO_SERVER], deferred=True)
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    try:
        assert list(wizard.pages) == [PageId.IDENTIFY]
        assert not wizard.complete
        # the button row is the final one from the first paint: nothing moves afterwards
        assert wizard.buttonText(HELP_BUTTON) == "&Aide"
        assert wizard.buttonText(RECAP_BUTTON) == "&Récapitulatif"
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.waitUntil(lambda: wizard.complete, timeout=TIMEOUT)
        assert sorted(wizard.pages) == sorted(PageId)
        assert [wizard.page(page_id) for page_id in PageId] == [
            wizard.pages[page_id] for page_id in PageId
        ]
        assert wizard.desk.help_button is wizard.button(HELP_BUTTON)
        assert wizard.currentId() == PageId.IDENTIFY
        # then the start-up work: the signup service is built before the first Suivant
        service = wizard.context.service
        assert isinstance(service, DeferredService)
        qtbot.waitUntil(lambda: service.built, timeout=TIMEOUT)
    finally:
        wizard.shutdown()


def test_a_saved_draft_is_offered_once_the_pages_exist(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    DraftStore(tmp_path).save(PageId.IDENTIFY, {"email": "camille.martin@exemple.fr"})
    wizard = build_wizard(["--data-dir", str(tmp_path), "--backend", NO_SERVER], deferred=True)
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    try:
        wizard.show()
        qtbot.waitExposed(wizard)
        identify = wizard.pages[PageId.IDENTIFY]
        assert isinstance(identify, IdentifyPage)
        qtbot.waitUntil(identify.resume_box.isVisible, timeout=TIMEOUT)
        # « Recommencer »: the draft keeper follows the typing from then on
        identify.restart_button.click()
        identify.email.setText("dominique.petit@exemple.fr")
        draft = tmp_path / "draft.json"
        qtbot.waitUntil(
            lambda: draft.is_file() and "dominique.petit" in draft.read_text("utf-8"),
            timeout=TIMEOUT,
        )
    finally:
        wizard.shutdown()


def test_suivant_before_the_later_pages_exist_builds_them_at_once(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_translators(qapp, "fr")
    wizard = fake_wizard(qtbot, FakeService(), later_pages_deferred=True)
    done: list[bool] = []
    wizard.when_complete(lambda: done.append(wizard.complete))
    try:
        wizard.show()
        qtbot.waitExposed(wizard)
        assert list(wizard.pages) == [PageId.IDENTIFY] and done == []
        identify = wizard.currentPage()
        assert isinstance(identify, IdentifyPage)
        identify.email.setText("camille.martin@exemple.fr")
        identify.identifier.setText("13002526500013")
        wizard.next()  # nothing after step 1 was built yet
        assert done == [True]
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE, timeout=TIMEOUT)
        later: list[str] = []
        wizard.when_complete(lambda: later.append("now"))
        assert later == ["now"]
    finally:
        wizard.shutdown()
        wizard.context.runner.wait_for_done(5000)


@pytest.mark.parametrize("backend", ["sandbox", NO_SERVER])
def test_step_1_needs_none_of_the_later_modules(tmp_path: Path, backend: str) -> None:
    """Building and painting step 1 loads no later page, desk, service, checks, mail, sandbox
    process or socket, and not PySide6's ``Qt`` namespace.

    A fresh interpreter, since this test run has imported everything already; it reports
    with ``repr`` (``json`` is one of the modules step 1 does without).
    """
    script = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from chorus_wizard.app import build_wizard
wizard = build_wizard(["--data-dir", sys.argv[1], "--backend", sys.argv[2]], deferred=True)
wizard.show()
QApplication.processEvents()  # exposed and painted; the later pages wait for the next turn
import PySide6.QtCore
qt_namespace_built = "Qt" in vars(PySide6.QtCore)  # PySide6 makes its 93 enums on first use
print(repr({"modules": sorted(sys.modules), "qt_namespace_built": qt_namespace_built}))
wizard.shutdown()
"""
    report = ast.literal_eval(last_line(run_python(script, str(tmp_path), backend)))
    loaded = set(report["modules"])
    later = {
        "chorus_wizard.ui.pages.activate",
        "chorus_wizard.ui.pages.complete",
        "chorus_wizard.ui.pages.workspaces",
        "chorus_wizard.ui.pages.done",
        "chorus_wizard.ui.desk",
        "chorus_wizard.ui.drafts",
        "chorus_wizard.ui.settings_dialog",
        "chorus_wizard.backend.models",  # the service's answers, the service, its HTTP
        "chorus_wizard.backend.service",
        "chorus_wizard.backend.http",
        "chorus_wizard.drafts",
        "chorus_wizard.domain.countries",  # for the checks, loaded with them
        "chorus_wizard.sandbox.server",  # binding the sandbox's socket waits for the paint
        "socket",
        "json",  # no settings file to read on a first launch
        "getpass",  # the single-instance socket's name, needed once painted
        "dataclasses",  # ~0.5 ms to make each (see backend/profiles.py)
        "stdnum",
        "email_validator",
        "mailbox",
        "multiprocessing",
        "httpx",
        "zxcvbn_rs_py",
    }
    assert sorted(later & loaded) == []
    assert "chorus_wizard.ui.pages.identify" in loaded
    assert report["qt_namespace_built"] is False
