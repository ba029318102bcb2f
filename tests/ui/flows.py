"""Make a wizard on a fake service, and drive it through the four steps (values set directly;
see test_keyboard for keys)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from chorus_wizard.app import Backend, compose, finish_build
from chorus_wizard.backend.service import SignupService
from chorus_wizard.config import Config
from chorus_wizard.ui.drafts import DraftKeeper
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.handoff import UrlOpener
from chorus_wizard.ui.wizard import SignupWizard

EMAIL = "marie.durand@exemple.fr"
SIRET = "13002526500013"
PASSWORD = "Girafe-Bleue-2026"
ANSWER = "Médor-le-chien"
CODE = "CODE-SECRET-4242"


def fake_wizard(
    qtbot: QtBot,
    service: SignupService,
    *,
    open_url: UrlOpener | None = None,
    data_dir: Path | None = None,
    finished: bool = True,
    lang: str = "fr",
    catalog: Path | None = None,
) -> SignupWizard:
    """The wizard as ``chorus-wizard`` composes it, on ``service``; not shown.

    ``data_dir`` defaults to a folder of the test's home (see tests/conftest.py). Unless
    ``finished`` is false, the build is finished at once (:func:`finish_build`).
    """
    profile = service.profile
    config = Config(
        backend=profile.name if profile.is_real else profile.api_base,
        data_dir=data_dir or Path(os.environ["HOME"]) / "data",
        lang=lang,
        catalog=catalog,
    )
    wizard = compose(config, backend=Backend(profile, lambda: service), open_url=open_url)
    qtbot.addWidget(wizard)
    return finish_build(wizard) if finished else wizard


def draft_keeper(wizard: SignupWizard) -> DraftKeeper:
    """The keeper :func:`~chorus_wizard.app.compose` gave the wizard once its pages exist."""
    keeper = wizard.findChild(DraftKeeper)
    assert keeper is not None
    return keeper


#: Tests that quit once an account exists show the quit question (a dialog: the offscreen
#: platform warns it cannot size its window).
DIALOG_WARNING = r"This plugin does not support propagateSizeHints"


def quit_wizard(qtbot: QtBot, wizard: SignupWizard) -> None:
    """The window's close button, answering « Quitter » when the wizard asks first (an
    account exists, or step 4 holds what was typed)."""
    wizard.close()
    box = wizard.quit_question
    if box is not None:
        role = QMessageBox.ButtonRole.DestructiveRole
        next(b for b in box.buttons() if box.buttonRole(b) is role).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())


def reach_activation(qtbot: QtBot, wizard: SignupWizard) -> ActivatePage:
    """Steps 1 to 3, then step 4 filled in (not yet validated)."""
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.email.setText(EMAIL)
    identify.identifier.setText(SIRET)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    complete.email_again.setText(EMAIL)
    complete.nom.setText("Durand")
    complete.prenom.setText("Marie")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    spaces = wizard.page_of(PageId.WORKSPACES)
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    activate = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(activate, ActivatePage)
    qtbot.waitUntil(lambda: activate.question.count() > 0)
    activate.code.setText(CODE)
    activate.password.password.setText(PASSWORD)
    activate.password.confirmation.setText(PASSWORD)
    activate.answer.setText(ANSWER)
    return activate


def run_signup(qtbot: QtBot, wizard: SignupWizard) -> None:
    reach_activation(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
