"""Step 4 and the final page: strength, time left of the link, refusals, keychain offer."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import keyring.core
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.backend.errors import ActivationExpired, ActivationLocked
from chorus_wizard.keychain import KEYRING_SERVICE
from chorus_wizard.ui.pages.activate import ActivatePage, clock_time, time_left_text
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.memory_keyring import MemoryKeyring
from tests.ui.test_pages import EMAIL, fill_person, go_to_complete

PASSWORD = "Girafe-Bleue-2026"
NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def go_to_activate(qtbot: QtBot, wizard: SignupWizard, clock: Clock) -> ActivatePage:
    page = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(page, ActivatePage)
    page.clock = clock
    complete = go_to_complete(qtbot, wizard)
    fill_person(complete)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    qtbot.waitUntil(wizard.currentPage().isComplete)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    qtbot.waitUntil(lambda: page.question.count() == 1)
    return page


def fill_activation(page: ActivatePage) -> None:
    page.code.setText("http://127.0.0.1:1/sandbox/activer?code=ABC")
    page.password.password.setText(PASSWORD)
    page.password.confirmation.setText(PASSWORD)
    page.answer.setText("Médor")
    assert page.isComplete()


def activate(qtbot: QtBot, wizard: SignupWizard, clock: Clock) -> DonePage:
    page = go_to_activate(qtbot, wizard, clock)
    fill_activation(page)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
    done = wizard.currentPage()
    assert isinstance(done, DonePage)
    return done


# Password widget -------------------------------------------------------------------------


def test_strength_is_shown_while_typing(qtbot: QtBot, wizard: SignupWizard, clock: Clock) -> None:
    pw = go_to_activate(qtbot, wizard, clock).password
    assert pw.strength_label.text() == "Robustesse\u00a0: —"
    qtbot.keyClicks(pw.password, "azerty")
    assert pw.strength_label.text() == "Robustesse\u00a0: faible"
    assert pw.strength_bar.value() == 1
    pw.password.setText(PASSWORD)
    assert pw.strength_label.text() == "Robustesse\u00a0: excellente"
    assert pw.strength_bar.value() == 4
    assert pw.strength_bar.accessibleDescription() == "excellente"
    pw.password.clear()
    assert pw.strength_label.text() == "Robustesse\u00a0: —"


def test_strength_knows_the_users_own_data(
    qtbot: QtBot, wizard: SignupWizard, clock: Clock
) -> None:
    pw = go_to_activate(qtbot, wizard, clock).password
    # « direction » and « interministerielle » come from DINUM's company name.
    pw.password.setText("directioninterministerielle")
    assert pw.strength_label.text() == "Robustesse\u00a0: faible"


def test_paste_is_allowed_and_long_passwords_fit(
    qtbot: QtBot, wizard: SignupWizard, clock: Clock
) -> None:
    pw = go_to_activate(qtbot, wizard, clock).password
    long_password = "Phrase-de-passe-très-longue-" * 3
    assert len(long_password) >= 64
    QApplication.clipboard().setText(long_password)
    pw.password.paste()
    pw.confirmation.paste()
    assert pw.password.text() == long_password
    assert pw.confirmation.text() == long_password
    assert pw.password.maxLength() >= 64 and pw.confirmation.maxLength() >= 64
    assert not pw.mismatch.isVisible()
    assert pw.is_acceptable()


# Time left of the link -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(minutes=57, seconds=40), "Ce lien est valable encore 57 minutes."),
        (timedelta(minutes=1, seconds=5), "Ce lien est valable encore 1 minute."),
        (timedelta(seconds=30), "Ce lien est valable encore moins d'une minute."),
        (timedelta(0), None),
        (timedelta(minutes=-3), None),
    ],
)
def test_time_left_text(left: timedelta, text: str | None) -> None:
    assert time_left_text(left) == text


def test_time_left_is_shown_and_runs_out(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService, clock: Clock
) -> None:
    service.valid_until = NOW + timedelta(minutes=57, seconds=30)
    page = go_to_activate(qtbot, wizard, clock)
    assert page.validity.isVisible()
    assert page.validity.text() == "Ce lien est valable encore 57 minutes."
    assert page._validity_timer.isActive() and page._validity_timer.interval() == 30_000
    clock.now += timedelta(minutes=30)
    page._validity_timer.timeout.emit()
    assert page.validity.text() == "Ce lien est valable encore 27 minutes."
    clock.now += timedelta(minutes=28)
    page._validity_timer.timeout.emit()
    assert "Ce lien a expiré" in page.validity.text()
    assert "«\u00a0Renvoyer le courriel\u00a0»" in page.validity.text()
    assert not page._validity_timer.isActive()

    # A new mail brings a new limit, shown at once.
    service.valid_until = clock.now + timedelta(minutes=60)
    page.resend.click()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.SUCCESS)
    assert page.validity.text() == "Ce lien est valable encore 60 minutes."
    assert page._validity_timer.isActive()
    account = wizard.context.draft.account
    assert account is not None and account.activation_valid_until == service.valid_until


def test_no_limit_no_label(qtbot: QtBot, wizard: SignupWizard, clock: Clock) -> None:
    page = go_to_activate(qtbot, wizard, clock)  # FakeService gives no limit by default
    assert page.validity.isHidden()


# Refusals --------------------------------------------------------------------------------


def test_expired_code_points_to_a_new_mail(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService, clock: Clock
) -> None:
    service.valid_until = NOW + timedelta(minutes=20)  # the server knows better: expired
    page = go_to_activate(qtbot, wizard, clock)
    fill_activation(page)
    service.fail["activate"] = ActivationExpired("Ce lien d'activation a expiré.", status=410)
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    assert wizard.currentId() == PageId.ACTIVATE
    assert "a expiré" in page.banner.text()
    assert "Cliquez sur «\u00a0Renvoyer le courriel\u00a0»" in page.banner.text()
    assert "Ce lien a expiré" in page.validity.text()
    assert page.password.password.text() == PASSWORD  # nothing to type again
    page.resend.click()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.SUCCESS)
    assert page.validity.text() == "Ce lien est valable encore 20 minutes."


def test_locked_account_says_until_when(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService, clock: Clock
) -> None:
    page = go_to_activate(qtbot, wizard, clock)
    fill_activation(page)
    until = NOW + timedelta(hours=1)
    service.fail["activate"] = ActivationLocked("Trop de tentatives.", until=until)
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    local = until.astimezone()
    assert f"bloquée jusqu'à {local.hour}\u00a0h\u00a0{local.minute:02d} (" in page.banner.text()
    assert "(encore 60\u00a0min\u00a000\u00a0s)" in page.banner.text()
    assert wizard.currentId() == PageId.ACTIVATE
    assert page.answer.text() == "Médor"


def test_clock_time_is_local_and_french() -> None:
    moment = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert clock_time(moment, moment) == f"{local.hour}\u00a0h\u00a005"
    assert clock_time(moment + timedelta(days=1), moment).startswith("demain ")


# Final page: the keychain offer ----------------------------------------------------------


def test_password_can_be_stored_in_the_keychain(
    qtbot: QtBot,
    wizard: SignupWizard,
    service: FakeService,
    clock: Clock,
    memory_keyring: MemoryKeyring,
) -> None:
    done = activate(qtbot, wizard, clock)
    assert service.activations[0][2] == PASSWORD
    # In memory only, outside the draft, until the final page is done with it.
    assert wizard.context.password_in_memory == PASSWORD
    draft = wizard.context.draft
    assert PASSWORD not in repr(vars(draft)) + repr(draft.signup)
    assert PASSWORD not in repr(wizard.context)
    qtbot.waitUntil(done.save_password.isEnabled)
    # (its « & » is the mnemonic given on the page's arrival)
    assert done.save_password.text().replace("&", "") == (
        "Enregistrer le mot de passe dans le trousseau du système"
    )
    done.save_password.click()
    qtbot.waitUntil(lambda: done.keychain_status.tone is Tone.SUCCESS)
    assert memory_keyring.passwords == {(KEYRING_SERVICE, EMAIL): PASSWORD}
    assert "service «\u00a0chorus-wizard\u00a0»" in done.keychain_status.text()
    assert wizard.context.password_in_memory == ""
    assert not done.save_password.isEnabled()


def test_nothing_is_stored_unless_asked(
    qtbot: QtBot, wizard: SignupWizard, clock: Clock, memory_keyring: MemoryKeyring
) -> None:
    done = activate(qtbot, wizard, clock)
    qtbot.waitUntil(done.save_password.isEnabled)
    wizard.shutdown()
    assert memory_keyring.passwords == {}
    assert wizard.context.password_in_memory == ""
    page = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(page, ActivatePage)
    assert page.password.password.text() == page.password.confirmation.text() == ""
    assert page.code.text() == page.answer.text() == ""


def test_no_keychain_is_said_plainly(
    qtbot: QtBot, wizard: SignupWizard, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    done = activate(qtbot, wizard, clock)
    qtbot.waitUntil(lambda: done.keychain_status.tone is Tone.WARNING)
    assert "Aucun trousseau du système n'est disponible" in done.keychain_status.text()
    assert not done.save_password.isEnabled()
    assert "répétition est réussie" in done.message.text()  # the sandbox: a rehearsal


def test_a_refusing_keychain_allows_a_retry(
    qtbot: QtBot, wizard: SignupWizard, clock: Clock, memory_keyring: MemoryKeyring
) -> None:
    done = activate(qtbot, wizard, clock)
    qtbot.waitUntil(done.save_password.isEnabled)
    memory_keyring.refuse = True
    done.save_password.click()
    qtbot.waitUntil(lambda: done.keychain_status.tone is Tone.WARNING)
    assert "a refusé" in done.keychain_status.text()
    assert "keychain locked" not in done.keychain_status.text()
    assert done.save_password.isEnabled()
    memory_keyring.refuse = False
    done.save_password.click()
    qtbot.waitUntil(lambda: done.keychain_status.tone is Tone.SUCCESS)
    assert memory_keyring.passwords == {(KEYRING_SERVICE, EMAIL): PASSWORD}


@pytest.mark.parametrize("width", [560, 820])
def test_the_password_rules_never_overlap(
    qtbot: QtBot, wizard: SignupWizard, clock: Clock, width: int
) -> None:
    page = go_to_activate(qtbot, wizard, clock)
    wizard.resize(width, 760)
    page.password.password.setText("Girafe-bleue")
    page.password.confirmation.setText("Girafe-bleu")
    labels = list(page.password._rule_labels.values())
    wrapped_rule = max(labels, key=lambda label: len(label.text()))

    def laid_out() -> bool:
        return wrapped_rule.height() >= wrapped_rule.heightForWidth(wrapped_rule.width())

    qtbot.waitUntil(laid_out)
    qtbot.wait(50)  # and any later layout pass
    assert wrapped_rule.heightForWidth(wrapped_rule.width()) > wrapped_rule.fontMetrics().height()
    for above, below in itertools.pairwise(labels):
        assert above.geometry().bottom() < below.geometry().top(), (above.text(), below.text())
