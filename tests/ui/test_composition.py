"""How ``chorus-wizard`` puts the wizard together: step 1 first, the rest once it is painted,
the signup service built by the start-up work and handed over to the pages' calls."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import Backend, build_wizard, compose
from chorus_wizard.backend.profiles import sandbox_profile
from chorus_wizard.backend.service import ChorusSignupService
from chorus_wizard.config import Config, resolve_config
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.drafts import DraftStore
from chorus_wizard.ui.pages.base import HELP_BUTTON, RECAP_BUTTON, PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from tests.fakes import FakeService
from tests.ui.flows import fake_wizard

TIMEOUT = 10000
#: No server listens there: nothing in these tests reaches a backend.
NO_SERVER = "http://127.0.0.1:9"


def test_step_1_is_shown_first_and_the_rest_follows_the_first_paint(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    wizard = build_wizard(["--data-dir", str(tmp_path), "--backend", NO_SERVER])
    qtbot.addWidget(wizard)
    try:
        assert list(wizard.pages) == [PageId.IDENTIFY]
        assert not wizard.complete
        assert not wizard.context.service_ready
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
        # then the start-up work hands the signup service over
        qtbot.waitUntil(lambda: wizard.context.service_ready, timeout=TIMEOUT)
        service = wizard.context.service
        assert isinstance(service, ChorusSignupService)
        assert service.profile == wizard.context.profile
    finally:
        wizard.shutdown()


def test_the_command_line_and_the_settings_are_resolved_once(tmp_path: Path) -> None:
    wizard_dir = tmp_path / "data"
    wizard_dir.mkdir()
    (wizard_dir / "settings.json").write_text(
        '{"format": "chorus-wizard-settings", "version": 1, "backend": "production",'
        ' "language": "en"}',
        encoding="utf-8",
    )
    saved = resolve_config(["--data-dir", str(wizard_dir)])
    assert (saved.backend, saved.backend_option, saved.lang) == ("production", "", "en")
    assert saved.directory_kind == "recherche-entreprises"
    given = resolve_config(["--data-dir", str(wizard_dir), "--backend", "sandbox", "--lang", "fr"])
    assert (given.backend, given.backend_option, given.lang) == ("sandbox", "sandbox", "fr")
    assert given.directory_kind == "sandbox"
    with pytest.raises(SystemExit):
        resolve_config(["--data-dir", str(wizard_dir), "--backend", "ailleurs"])


def test_a_saved_draft_is_offered_once_the_pages_exist(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    DraftStore(tmp_path).save(PageId.IDENTIFY, Signup(email="camille.martin@exemple.fr"), {})
    wizard = build_wizard(["--data-dir", str(tmp_path), "--backend", NO_SERVER])
    qtbot.addWidget(wizard)
    try:
        wizard.show()
        qtbot.waitExposed(wizard)
        identify = wizard.pages[PageId.IDENTIFY]
        assert isinstance(identify, IdentifyPage)
        qtbot.waitUntil(identify.resume_box.isVisible, timeout=TIMEOUT)
        # « Recommencer »: the draft keeper follows the typing from then on
        identify.resume_box.restart_button.click()
        identify.email.setText("dominique.petit@exemple.fr")
        draft = tmp_path / "draft.json"
        qtbot.waitUntil(
            lambda: draft.is_file() and "dominique.petit" in draft.read_text("utf-8"),
            timeout=TIMEOUT,
        )
    finally:
        wizard.shutdown()


def test_suivant_before_the_service_exists_waits_for_it_in_the_worker(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """The pages' calls wait for the service in their workers; the window never does."""
    service = FakeService()
    released = threading.Event()

    def make_service() -> FakeService:
        released.wait(10)
        return service

    wizard = compose(
        Config(backend=NO_SERVER, data_dir=tmp_path),
        backend=Backend(sandbox_profile(NO_SERVER), make_service),
    )
    qtbot.addWidget(wizard)
    done: list[bool] = []
    wizard.when_complete(lambda: done.append(wizard.complete))
    try:
        wizard.show()
        qtbot.waitExposed(wizard)
        identify = wizard.currentPage()
        assert isinstance(identify, IdentifyPage)
        identify.email.setText("camille.martin@exemple.fr")
        identify.identifier.setText("13002526500013")
        wizard.next()  # builds whatever was not built yet, then starts the lookup
        assert done == [True]
        assert wizard.currentId() == PageId.IDENTIFY and identify.is_busy
        with pytest.raises(RuntimeError, match="not ready"):
            wizard.context.service  # noqa: B018  (the GUI thread never waits for it)
        qtbot.wait(100)
        assert service.calls == []  # the lookup waits for the service, in its worker
        released.set()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE, timeout=TIMEOUT)
        assert any(call.startswith("lookup") for call in service.calls)
        assert isinstance(wizard.currentPage(), CompletePage)
        later: list[str] = []
        wizard.when_complete(lambda: later.append("now"))
        assert later == ["now"]
    finally:
        released.set()
        wizard.shutdown()


def test_a_service_that_cannot_be_built_fails_the_call_not_the_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    def make_service() -> FakeService:
        raise OSError(28, "No space left on device")

    wizard = compose(
        Config(backend=NO_SERVER, data_dir=tmp_path),
        backend=Backend(sandbox_profile(NO_SERVER), make_service),
    )
    qtbot.addWidget(wizard)
    try:
        wizard.show()
        qtbot.waitExposed(wizard)
        identify = wizard.currentPage()
        assert isinstance(identify, IdentifyPage)
        identify.email.setText("camille.martin@exemple.fr")
        identify.identifier.setText("13002526500013")
        wizard.next()
        qtbot.waitUntil(lambda: not identify.is_busy, timeout=TIMEOUT)
        assert wizard.currentId() == PageId.IDENTIFY
        assert identify.banner.isVisible()
        assert identify.identifier.text() == "13002526500013"  # nothing typed is lost
        assert not wizard.context.service_ready
    finally:
        wizard.shutdown()


def test_fake_services_go_through_the_same_composition(qtbot: QtBot, qapp: QApplication) -> None:
    """The page tests' wizard is the command's, with the backend replaced."""
    service = FakeService()
    wizard = fake_wizard(qtbot, service)
    assert wizard.complete and wizard.context.service is service
    lookup = service.lookup(IdentifierType.SIRET, "13002526500013")
    assert lookup.company is not None
    wizard.shutdown()
