"""Make a wizard on a fake service, and drive it through the four steps (values set directly;
see test_keyboard for keys)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from chorus_wizard.backend.service import SignupService
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId, WizardContext
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.handoff import UrlOpener
from chorus_wizard.ui.wizard import SignupWizard
from chorus_wizard.workers import TaskRunner

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
    later_pages_deferred: bool = False,
) -> SignupWizard:
    """A wizard on ``service`` with a task runner of its own (``wizard.context.runner``),
    closed with the test; not shown."""
    runner = TaskRunner()
    context = WizardContext(service=service, runner=runner)
    if open_url is not None:
        context.open_url = open_url
    wizard = SignupWizard(context, later_pages_deferred=later_pages_deferred)
    runner.setParent(wizard)
    qtbot.addWidget(wizard)
    return wizard


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
