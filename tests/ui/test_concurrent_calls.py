"""Several calls in flight on one page: a newer call voids only an older call of its kind."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.backend.errors import NetworkError
from chorus_wizard.domain.password import PasswordPolicy
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import DIALOG_WARNING, quit_wizard
from tests.ui.test_pages import fill_person, go_to_complete

PASSWORD = "Girafe-Bleue-2026"


@dataclass
class SlowRules(FakeService):
    """The password rules answer only once ``rules_gate`` is set; everything else at once."""

    rules_asked: threading.Event = field(default_factory=threading.Event)
    rules_gate: threading.Event = field(default_factory=threading.Event)

    def password_policy(self) -> PasswordPolicy:
        self.rules_asked.set()
        self.rules_gate.wait(30)
        return super().password_policy()


@pytest.fixture
def service() -> SlowRules:
    return SlowRules()


def reach_step_4(qtbot: QtBot, wizard: SignupWizard, service: SlowRules) -> ActivatePage:
    """Steps 1 to 3; step 4 shown while its password rules are still loading."""
    complete = go_to_complete(qtbot, wizard)
    fill_person(complete)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    qtbot.waitUntil(wizard.currentPage().isComplete)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    page = wizard.currentPage()
    assert isinstance(page, ActivatePage)
    qtbot.waitUntil(service.rules_asked.is_set, timeout=20000)
    return page


def fill_activation(page: ActivatePage) -> None:
    page.code.setText("http://127.0.0.1:1/sandbox/activer?code=ABC")
    page.password.password.setText(PASSWORD)
    page.password.confirmation.setText(PASSWORD)
    page.answer.setText("Médor")


def valider(wizard: SignupWizard) -> bool:
    return wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_resending_the_mail_while_the_rules_load_keeps_both_answers(
    qtbot: QtBot, wizard: SignupWizard, service: SlowRules
) -> None:
    page = reach_step_4(qtbot, wizard, service)
    assert page.question.count() == 0  # the rules have not answered yet
    page.resend.click()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.SUCCESS)  # the new mail is sent
    assert "le lien du courriel précédent ne fonctionne plus" in page.banner.text()
    service.rules_gate.set()
    qtbot.waitUntil(lambda: not wizard.context.runner.busy)  # both have answered
    assert service.calls.count("secret_questions") == 1
    assert page.question.count() == 1
    assert not page.is_busy
    fill_activation(page)
    assert valider(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)


def test_the_busy_bar_stays_while_another_call_is_in_flight(
    qtbot: QtBot, wizard: SignupWizard, service: SlowRules
) -> None:
    page = reach_step_4(qtbot, wizard, service)
    assert page.is_busy and page.busy.format() == "Chargement des règles de mot de passe…"
    page.resend.click()
    assert page.busy.format() == "Envoi d'un nouveau courriel…"  # the newest call's caption
    qtbot.waitUntil(lambda: page.banner.tone is Tone.SUCCESS)
    assert page.is_busy and page.busy.isVisibleTo(page)  # the rules are still loading
    assert page.busy.format() == "Chargement des règles de mot de passe…"
    fill_activation(page)
    assert not valider(wizard)
    service.rules_gate.set()
    qtbot.waitUntil(lambda: not page.is_busy)
    assert not page.busy.isVisibleTo(page)
    qtbot.waitUntil(lambda: valider(wizard))


def test_retry_reruns_the_call_that_failed_while_another_ran(
    qtbot: QtBot, wizard: SignupWizard, service: SlowRules
) -> None:
    service.fail["password_policy"] = NetworkError("Le serveur ne répond pas.")
    page = reach_step_4(qtbot, wizard, service)
    page.resend.click()
    service.rules_gate.set()
    qtbot.waitUntil(lambda: not wizard.context.runner.busy)
    assert page.question.count() == 0
    assert page.retry.isVisibleTo(page)  # offered for the rules, not lost to the resend
    page.retry.click()
    assert not page.retry.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.question.count() == 1)
    assert service.calls.count("password_policy") == 2
    assert service.calls.count("resend_activation") == 1  # only the failed call ran again
    fill_activation(page)
    assert valider(wizard)


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_closing_the_wizard_voids_every_call_of_the_page(
    qtbot: QtBot, wizard: SignupWizard, service: SlowRules
) -> None:
    page = reach_step_4(qtbot, wizard, service)
    page.resend.click()
    quit_wizard(qtbot, wizard)  # step 4 asks first (the account waits): « Quitter »
    assert not page.is_busy
    service.rules_gate.set()
    qtbot.waitUntil(lambda: not wizard.context.runner.busy)
    assert page.question.count() == 0  # the rules' late answer did not land
    assert page.banner.tone is None  # nor did the resend's
