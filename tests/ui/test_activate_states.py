"""Step 4 in every state: reached by a resume, after a hint, a wrong code, a lock, empty."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.backend.errors import ActivationLocked, InvalidActivationCode
from chorus_wizard.backend.models import ReceivedMail
from chorus_wizard.resources import resource_path
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.widgets.mail_viewer import MailViewer
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.memory_keyring import MemoryKeyring
from tests.ui.flows import (
    CODE,
    DIALOG_WARNING,
    EMAIL,
    PASSWORD,
    draft_keeper,
    fake_wizard,
    quit_wizard,
    reach_activation,
)

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
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
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


# Wrong codes and the lock ----------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def valider(wizard: SignupWizard) -> QAbstractButton:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button is not None
    return button


WRONG = (
    "Ce code d'activation n'est pas valable\u00a0: il a peut-être déjà servi ou été remplacé par "
    "un courriel plus récent."
)


def test_a_wrong_code_is_said_once_under_the_field(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    page = reach_activation(qtbot, wizard)
    service.fail["activate"] = InvalidActivationCode(WRONG, status=400)
    wizard.next()
    qtbot.waitUntil(lambda: page.code_hint.isVisible())
    assert page.code_hint.text() == WRONG
    assert WRONG not in page.banner.text()
    assert page.banner.isHidden()
    assert page.code.hasFocus() or QApplication.focusWidget() is page.code


def test_five_wrong_codes_lock_valider_with_a_countdown(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    page = reach_activation(qtbot, wizard)
    clock = Clock()
    page.clock = clock
    service.fail["activate"] = InvalidActivationCode(WRONG, status=400)
    wizard.next()
    qtbot.waitUntil(page.code_hint.isVisible)
    until = NOW + timedelta(minutes=4, seconds=12)
    service.fail["activate"] = ActivationLocked("Trop de tentatives.", status=423, until=until)
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    local = until.astimezone()
    text = page.banner.text()
    assert f"bloquée jusqu'à {local.hour}\u00a0h\u00a0{local.minute:02d}" in text
    assert "(encore 4\u00a0min\u00a012\u00a0s)" in text
    assert page.code_hint.isHidden()  # the state is the lock, said once, in the banner
    assert WRONG not in text
    assert not page.isComplete() and not valider(wizard).isEnabled()
    assert page.lock_timer.isActive()

    clock.now += timedelta(minutes=3, seconds=2)
    page.lock_timer.timeout.emit()
    assert "(encore 1\u00a0min\u00a010\u00a0s)" in page.banner.text()
    assert not valider(wizard).isEnabled()
    clock.now += timedelta(seconds=65)
    page.lock_timer.timeout.emit()
    assert "(encore 5\u00a0s)" in page.banner.text()

    clock.now = until
    page.lock_timer.timeout.emit()
    assert not page.lock_timer.isActive()
    assert page.banner.tone is not Tone.ERROR
    assert page.isComplete() and valider(wizard).isEnabled()


# Empty password, mails ------------------------------------------------------------------


def test_no_rule_is_met_before_anything_is_typed(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = reach_activation(qtbot, wizard)
    page.password.password.clear()
    labels = list(page.password._rule_labels.values())
    assert labels
    for label in labels:
        assert not label.text().startswith(("✔", "✘")), label.text()
        assert "respecté" not in label.accessibleName()
    page.password.password.setText("a")
    assert any(label.text().startswith("✔") for label in labels)
    assert any(label.text().startswith("✘") for label in labels)


def test_the_mail_viewer_gives_a_french_date() -> None:
    moment = datetime(2026, 12, 3, 10, 15, tzinfo=UTC).astimezone()
    mail = ReceivedMail("Activez", "Chorus Pro", "texte", format_datetime(moment))
    viewer = MailViewer(mail)
    month = "décembre"
    expected = f"{moment.day} {month} 2026 à {moment.hour}\u00a0h\u00a0{moment.minute:02d}"
    assert expected in viewer.header.text()
    assert "Dec" not in viewer.header.text()
    viewer.deleteLater()


def test_the_mail_viewer_gives_an_english_date_in_english(qapp: QApplication) -> None:
    install_translators(qapp, "en")
    try:
        moment = datetime(2026, 12, 3, 10, 15, tzinfo=UTC).astimezone()
        mail = ReceivedMail("Activate", "Chorus Pro", "text", format_datetime(moment))
        viewer = MailViewer(mail)
        assert f"{moment.day} December 2026 at {moment.hour}:{moment.minute:02d}" in (
            viewer.header.text()
        )
        viewer.deleteLater()
    finally:
        install_translators(qapp, "fr")


def test_resend_says_plainly_what_happened(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.valid_until = NOW + timedelta(minutes=60)
    page = reach_activation(qtbot, wizard)
    page.clock = lambda: NOW
    page.resend.click()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.SUCCESS)
    text = page.banner.text()
    local = service.valid_until.astimezone()
    assert f"envoyé à {EMAIL}" in text
    assert f"{local.hour}\u00a0h\u00a0{local.minute:02d}" in text
    assert "Si un compte" not in text
    assert text.count("valable") == 1, text


# Why « Valider » is greyed out --------------------------------------------------------------


def test_a_disabled_valider_says_what_is_missing(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = reach_activation(qtbot, wizard)
    assert valider(wizard).isEnabled()
    assert page.next_reason.isHidden()
    page.code.clear()
    page.answer.clear()
    assert not valider(wizard).isEnabled()
    assert page.next_reason.isVisible()
    text = page.next_reason.text()
    assert text.startswith("Pour valider, saisissez\u00a0: ")
    assert "le lien ou le code d'activation reçu" in text
    assert "la réponse à la question secrète" in text
    assert "mot de passe" not in text
    page.password.password.setText("court")
    assert "un mot de passe qui respecte les règles" in page.next_reason.text()
    page.password.password.setText(PASSWORD)
    assert "la confirmation du mot de passe" not in page.next_reason.text()
    page.password.confirmation.setText(PASSWORD + "x")
    assert "la confirmation du mot de passe" in page.next_reason.text()
    page.password.confirmation.setText(PASSWORD)
    page.code.setText(CODE)
    page.answer.setText("Médor")
    assert valider(wizard).isEnabled()
    assert page.next_reason.isHidden()


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_a_lock_is_shown_at_once_on_resume_without_a_keychain(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """Found by a walk: without a keychain the signup token is not kept, the service cannot be
    asked, and step 4 came back clean; the lock's end is kept in the draft's progress."""
    service = FakeService()
    first = fake_wizard(qtbot, service, data_dir=tmp_path)
    first.show()
    page = reach_activation(qtbot, first)
    until = (datetime.now(UTC) + timedelta(minutes=40)).replace(microsecond=0)
    service.fail["activate"] = ActivationLocked("Trop de tentatives.", status=423, until=until)
    first.next()
    qtbot.waitUntil(page.is_locked)
    before = page.banner.text()
    assert page.next_reason.isHidden()  # no « Pour valider, saisissez… » under a lock
    draft_keeper(first).flush()
    saved = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    assert saved["progress"]["activation_locked_until"] == until.isoformat()
    assert "CODE-SECRET" not in json.dumps(saved)
    quit_wizard(qtbot, first)
    first.shutdown()
    first.context.runner.wait_for_done(5000)
    memory_keyring.passwords.clear()  # as on a machine without a keychain

    second = fake_wizard(qtbot, FakeService(), data_dir=tmp_path)
    second.show()
    qtbot.waitExposed(second)
    try:
        resumed = second.page_of(PageId.ACTIVATE)
        assert isinstance(resumed, ActivatePage)
        second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
        qtbot.waitUntil(lambda: resumed.question.count() > 0)
        assert resumed.is_locked() and resumed.locked_until == until
        assert resumed.banner.tone is Tone.ERROR
        assert "Trop de tentatives infructueuses" in resumed.banner.text()
        # the resume's note too, in its own place beside the lock's message
        assert "Votre compte a déjà été créé" in resumed.resume_note.text()
        assert resumed.resume_note.isVisible()
        assert not resumed.resend.isEnabled()
        # Found by a walk: the lock's advice changed with the restart, its « Tant que la
        # fenêtre reste ouverte, tout ce que vous avez saisi reste en place » was untrue (the
        # restart had emptied the secrets), and « Pour valider, saisissez… » showed under it.
        after = resumed.banner.text()
        advice = (
            "Le lien du dernier courriel aura expiré d'ici là\u00a0: à la fin du blocage, "
            "cliquez sur «\u00a0Renvoyer le courriel\u00a0» pour en recevoir un nouveau."
        )
        assert advice in before and advice in after
        assert "Réessayez dans" not in after
        untrue = "tout ce que vous avez saisi reste en place"
        assert untrue in before and untrue not in after
        assert "saisis avant la fermeture de la fenêtre n'ont pas été gardés" in after
        assert resumed.next_reason.isHidden()
        assert not valider(second).isEnabled()
    finally:
        second.shutdown()
        second.context.runner.wait_for_done(5000)


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_the_lock_the_quit_question_and_the_help_tell_one_truth(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    """Found by a walk: the lock said « Vos saisies sont conservées » and to resend the mail,
    the help to retry with the last link, the quit question that all would be lost."""
    page = reach_activation(qtbot, wizard)
    page.clock = Clock()
    until = NOW + timedelta(minutes=30)
    service.fail["activate"] = ActivationLocked("Trop de tentatives.", status=423, until=until)
    wizard.next()
    qtbot.waitUntil(page.is_locked)
    kept = (
        "Si vous la fermez, vos informations des étapes 1 à 3 sont gardées, mais le lien, le "
        "mot de passe et la réponse secrète ne sont jamais enregistrés"
    )
    assert kept in page.banner.text()
    assert "Vos saisies sont conservées" not in page.banner.text()

    wizard.close()
    qtbot.waitUntil(lambda: wizard.quit_question is not None)
    box = wizard.quit_question
    assert box is not None
    question = box.text()
    assert "vos informations des étapes 1 à 3 sont gardées" in question.lower()
    assert "ne sont jamais enregistrés" in question
    assert "seront perdus" not in question
    local = until.astimezone()
    assert f"Le blocage reste en place jusqu'à {local.hour}\u00a0h\u00a0{local.minute:02d}" in (
        question
    )
    assert box.icon() is QMessageBox.Icon.Warning
    stay = next(b for b in box.buttons() if b.text() == "&Rester")
    stay.click()
    qtbot.waitUntil(lambda: wizard.quit_question is None)

    help_text = resource_path("help", "fr", "activate.md").read_text(encoding="utf-8")
    paragraph = next(p for p in help_text.split("\n\n") if "Trop de tentatives" in p)
    assert "Renvoyer le" in paragraph and "s'il est encore valable" in paragraph
    assert "étapes 1 à 3 sont gardées" in paragraph


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_annuler_and_the_close_button_ask_alike_on_step_4_with_empty_fields(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    """Found by a walk: with step 4's fields empty, « Annuler » quit at once while the account
    waited for its activation; both ways of quitting now ask the same question."""
    page = reach_activation(qtbot, wizard)
    page.clear_secrets()
    page.code.clear()
    assert not any(
        field.text()
        for field in (page.code, page.password.password, page.password.confirmation, page.answer)
    )
    questions = []
    for quit_now in (wizard.reject, wizard.close):  # « Annuler », the close button
        quit_now()
        qtbot.waitUntil(lambda: wizard.quit_question is not None)
        box = wizard.quit_question
        assert box is not None
        questions.append(box.text())
        stay = next(b for b in box.buttons() if b.text() == "&Rester")
        stay.click()
        qtbot.waitUntil(lambda: wizard.quit_question is None)
        assert wizard.isVisible() and wizard.currentId() == PageId.ACTIVATE
    assert questions[0] == questions[1]
    assert EMAIL in questions[0] and "attend son activation" in questions[0]


def test_every_guide_page_subtitle_starts_with_etape_accented(wizard: SignupWizard) -> None:
    """The progress line under each step's title: « Étape n sur 4 », with its accent."""
    for page_id in (PageId.IDENTIFY, PageId.COMPLETE, PageId.WORKSPACES, PageId.ACTIVATE):
        subtitle = wizard.page_of(page_id).subTitle()
        assert subtitle.startswith("Étape "), subtitle
