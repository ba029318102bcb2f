"""Qt-side helpers of the benchmarks: wait on the event loop, drive the wizard's four steps.

Imported only by the scripts that run Qt in-process (PySide6 and chorus_wizard load here).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from chorus_wizard.backend.models import ReceivedMail
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.wizard import SignupWizard

PASSWORD = "Girafe-Bleue-2026"
ANSWER = "Rex"
LINK = re.compile(r"http://127\.0\.0\.1:\d+/sandbox/activer\?code=[\w-]+")


class Timeout(RuntimeError):
    """A bounded wait ran out."""


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop until ``condition()`` holds; block in the loop, do not poll.

    Queued signals from worker threads wake the loop at once; a 20 ms timer wakes it anyway so
    the deadline is honoured.
    """
    deadline = time.monotonic() + timeout_s
    wake = QTimer()
    wake.start(20)
    flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise Timeout(f"gave up after {timeout_s} s waiting for {what}")
            QCoreApplication.processEvents(flags)
    finally:
        wake.stop()


def wait_exposed(widget: QWidget, timeout_s: float = 10.0) -> None:
    wait_until(
        lambda: widget.windowHandle() is not None and widget.windowHandle().isExposed(),
        timeout_s,
        "the window to be exposed",
    )


def bare_wizard() -> QWizard:
    """The baseline: a QWizard with four empty pages."""
    wizard = QWizard()
    for _ in range(4):
        wizard.addPage(QWizardPage())
    return wizard


def activation_link(wizard: SignupWizard, email: str, timeout_s: float) -> str:
    """The activation link of the last mail the sandbox sent to ``email``, asked over HTTP in
    the wizard's task runner as « Voir le courriel reçu » does (the event loop keeps running)."""
    answers: list[list[ReceivedMail] | BaseException] = []
    service = wizard.context.service
    wizard.context.runner.run(lambda: service.received_mails(email), answers.append, answers.append)
    wait_until(lambda: bool(answers), timeout_s, "the activation mail")
    [mails] = answers
    if isinstance(mails, BaseException):
        raise RuntimeError(f"the sandbox's mails could not be read: {mails}") from mails
    found = LINK.search(mails[0].text) if mails else None
    if found is None:
        raise RuntimeError(f"no activation mail for {email}")
    return found.group(0)


def full_run(
    wizard: SignupWizard,
    *,
    email: str = "camille.martin@exemple.fr",
    siret: str = "13002526500013",
    timeout_s: float = 60.0,
    on_step: Callable[[str], None] | None = None,
) -> dict[str, float]:
    """The four steps, as tests/e2e/test_signup.py does them; seconds spent on each step.

    ``on_step(name)`` is called at the end of each step.
    """
    times: dict[str, float] = {}
    start = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal start
        now = time.perf_counter()
        times[name] = now - start
        if on_step is not None:
            on_step(name)
        start = time.perf_counter()

    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.email.setText(email)
    identify.identifier.setText(siret)
    wizard.next()
    wait_until(lambda: wizard.currentId() == PageId.COMPLETE, timeout_s, "step 2")
    complete = wizard.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    wait_until(lambda: not complete.is_busy, timeout_s, "the countries")
    lap("1. identify → prefill")

    complete.email_again.setText(email)
    complete.nom.setText("Martin")
    complete.prenom.setText("Camille")
    if not complete.isComplete():
        raise RuntimeError("step 2 is not complete: " + complete.banner.text())
    wizard.next()
    wait_until(lambda: wizard.currentId() == PageId.WORKSPACES, timeout_s, "step 3")
    spaces = wizard.page_of(PageId.WORKSPACES)
    assert isinstance(spaces, WorkspacesPage)
    wait_until(lambda: bool(spaces.switches), timeout_s, "the workspaces")
    lap("2. create the account")

    spaces.switches["FACTURES_RECUES"].setChecked(True)
    wizard.next()
    wait_until(lambda: wizard.currentId() == PageId.ACTIVATE, timeout_s, "step 4")
    activate = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(activate, ActivatePage)
    wait_until(lambda: activate.question.count() > 0, timeout_s, "the secret questions")
    lap("3. workspaces")

    activate.code.setText(activation_link(wizard, email, timeout_s))
    activate.password.password.setText(PASSWORD)
    activate.password.confirmation.setText(PASSWORD)
    activate.question.setCurrentIndex(1)
    activate.answer.setText(ANSWER)
    if not activate.isComplete():
        raise RuntimeError("step 4 is not complete")
    wizard.next()
    wait_until(lambda: wizard.currentId() == PageId.DONE, timeout_s, "the last page")
    lap("4. activate")
    return times
