"""« Parcours du portail actuel » closed and reopened at each of its pages, against the embedded
sandbox: the next start offers to resume, opens the page where the person stopped with what
they had typed, and the path goes on to its end from there. No password, code or
authenticator's link ever reaches the draft file."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pyotp
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, finish_build, install_translators
from chorus_wizard.contracts.record import Signup
from chorus_wizard.drafts import DraftStore
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.today_account import TodayAccountPage
from chorus_wizard.ui.pages.today_activate import TodayActivatePage
from chorus_wizard.ui.pages.today_login import TodayLoginPage
from chorus_wizard.ui.pages.today_structure import TodayStructurePage
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import TIMEOUT
from tests.e2e.test_today_path import mails, press_next
from tests.sandbox.helpers import STRONG_PASSWORD
from tests.ui.flows import draft_keeper

EMAIL = "reprise.portail@exemple.fr"
ROUTE = [PageId.TODAY_ACCOUNT, PageId.TODAY_ACTIVATE, PageId.TODAY_LOGIN, PageId.TODAY_STRUCTURE]
STRUCTURE = {"identifier": "13002526500013", "raison_sociale": "DINUM (SAISIE)"}


def open_today(qtbot: QtBot, data_dir: Path) -> SignupWizard:
    wizard = build_wizard(["--data-dir", str(data_dir), "--parcours", "portail-actuel"])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    finish_build(wizard, 30)
    return wizard


def close(wizard: SignupWizard, data_dir: Path) -> str:
    """Close the window as the person would; the draft file's text."""
    draft_keeper(wizard).flush()
    text = (data_dir / "draft.json").read_text(encoding="utf-8")
    wizard.shutdown()
    wizard.hide()
    return text


def fill_account(page: TodayAccountPage) -> None:
    page.email.setText(EMAIL)
    page.nom.setText("Martin")
    page.prenom.setText("Élise")
    page.telephone.setText("06 12 34 56 78")
    page.contact.setText("contact.portail@exemple.fr")
    page.terms.setChecked(True)


def activate(qtbot: QtBot, wizard: SignupWizard, data_dir: Path) -> None:
    page = wizard.currentPage()
    assert isinstance(page, TodayActivatePage)
    assert EMAIL in page.intro.text()
    activation = mails(data_dir, "Activez votre compte Chorus Pro")[-1]
    link = next(line for line in activation.splitlines() if "code=" in line)
    page.code.setText(link.strip())
    page.password.setText(STRONG_PASSWORD)
    page.confirm.setText(STRONG_PASSWORD)
    press_next(qtbot, wizard, PageId.TODAY_LOGIN)


def log_in_with_mail_code(qtbot: QtBot, wizard: SignupWizard, data_dir: Path) -> pyotp.TOTP:
    """Password, the mailed code, then the app enrolled: its authenticator."""
    login = wizard.currentPage()
    assert isinstance(login, TodayLoginPage)
    login.password.setText(STRONG_PASSWORD)
    press_next(qtbot, wizard)
    qtbot.waitUntil(lambda: login.code_row.isVisible(), timeout=TIMEOUT)
    sent = mails(data_dir, "Chorus Pro - Votre code de connexion")[-1]
    match = re.search(r"^(\d{6})$", sent, re.M)
    assert match is not None
    login.code.setText(match.group(1))
    press_next(qtbot, wizard)
    qtbot.waitUntil(lambda: login.uri.isVisible(), timeout=TIMEOUT)
    authenticator = pyotp.parse_uri(login.uri.text())
    assert isinstance(authenticator, pyotp.TOTP)
    login.code.setText(authenticator.now())
    press_next(qtbot, wizard, PageId.TODAY_STRUCTURE)
    return authenticator


def walk_to(qtbot: QtBot, wizard: SignupWizard, data_dir: Path, stop: PageId) -> pyotp.TOTP | None:
    """From the account's page to ``stop``, then type there what a person would (secrets
    included, which must not be saved)."""
    account = wizard.currentPage()
    assert isinstance(account, TodayAccountPage)
    fill_account(account)
    press_next(qtbot, wizard, PageId.TODAY_ACTIVATE)
    authenticator = None
    if stop == PageId.TODAY_ACTIVATE:
        page = wizard.currentPage()
        assert isinstance(page, TodayActivatePage)
        page.code.setText("CODE-A-NE-PAS-GARDER")
        page.password.setText(STRONG_PASSWORD)
        return None
    activate(qtbot, wizard, data_dir)
    if stop == PageId.TODAY_LOGIN:
        return None
    authenticator = log_in_with_mail_code(qtbot, wizard, data_dir)
    structure = wizard.currentPage()
    assert isinstance(structure, TodayStructurePage)
    qtbot.waitUntil(lambda: bool(structure.switches), timeout=TIMEOUT)
    for name, value in STRUCTURE.items():
        structure.fields[name].setText(value)
    qtbot.waitUntil(lambda: not structure.is_busy, timeout=TIMEOUT)  # the directory's answer
    structure.switches["FACTURES_RECUES"].setChecked(False)
    return authenticator


@pytest.mark.parametrize(
    "stop",
    [PageId.TODAY_ACTIVATE, PageId.TODAY_LOGIN, PageId.TODAY_STRUCTURE],
    ids=lambda page: page.name.lower(),
)
def test_today_path_resumes_where_it_stopped(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, stop: PageId
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    first = open_today(qtbot, data_dir)
    authenticator = walk_to(qtbot, first, data_dir, stop)
    saved_text = close(first, data_dir)
    saved = json.loads(saved_text)
    assert saved["progress"]["path"] == "portail-actuel"
    assert saved["progress"]["today_reached"] == ROUTE.index(stop)
    for secret in (STRONG_PASSWORD, "CODE-A-NE-PAS-GARDER", "otpauth", "secret="):
        assert secret not in saved_text
    if authenticator is not None:
        assert authenticator.secret not in saved_text

    second = open_today(qtbot, data_dir)
    try:
        account = second.currentPage()
        assert isinstance(account, TodayAccountPage)
        assert account.resume_box.isVisible()
        step = ROUTE.index(stop) + 1
        assert account.resume_box.question.text().startswith(
            f"Reprendre l'inscription au portail actuel de {EMAIL}, laissée le "
        )
        assert f"à l'étape\u00a0{step} (" in account.resume_box.question.text()
        account.resume_box.resume_button.click()
        resumed_at = stop
        qtbot.waitUntil(lambda: second.currentId() == resumed_at, timeout=TIMEOUT)
        assert second.visitedIds() == ROUTE[:step]  # shown on the way, no step redone
        assert (account.email.text(), account.nom.text(), account.prenom.text()) == (
            EMAIL,
            "Martin",
            "Élise",
        )
        assert account.telephone.text() == "06 12 34 56 78"
        assert account.contact.text() == "contact.portail@exemple.fr"
        assert account.terms.isChecked()
        assert len(mails(data_dir, "Activez votre compte Chorus Pro")) == 1  # not recreated

        if stop == PageId.TODAY_ACTIVATE:
            page = second.currentPage()
            assert isinstance(page, TodayActivatePage)
            assert page.code.text() == "" and page.password.text() == ""
            activate(qtbot, second, data_dir)
            stop = PageId.TODAY_LOGIN
        if stop == PageId.TODAY_LOGIN:
            login = second.currentPage()
            assert isinstance(login, TodayLoginPage)
            if resumed_at == PageId.TODAY_LOGIN:
                assert login.password.text() == ""  # never kept
            log_in_with_mail_code(qtbot, second, data_dir)
            structure = second.currentPage()
            assert isinstance(structure, TodayStructurePage)
            for name, value in STRUCTURE.items():
                structure.fields[name].setText(value)
        else:
            assert authenticator is not None
            structure = second.currentPage()
            assert isinstance(structure, TodayStructurePage)
            for name, value in STRUCTURE.items():
                assert structure.fields[name].text() == value
            assert "reconnecter" in structure.banner.text()
            qtbot.waitUntil(lambda: bool(structure.switches), timeout=TIMEOUT)
            assert not structure.switches["FACTURES_RECUES"].isChecked()  # the saved choice
            # The session ended with the window: « Suivant » leads back to the login, where
            # the app's code is asked (a later login: no mail code). The code of the next time
            # step: the enrolment's is spent (RFC 6238 §5.2), one step of skew is accepted.
            press_next(qtbot, second, PageId.TODAY_LOGIN)
            login = second.currentPage()
            assert isinstance(login, TodayLoginPage)
            assert "Reconnectez-vous" in login.banner.text()
            login.password.setText(STRONG_PASSWORD)
            press_next(qtbot, second)
            qtbot.waitUntil(lambda: login.code_row.isVisible(), timeout=TIMEOUT)
            assert not login.qr.isVisible()
            login.code.setText(authenticator.at(time.time() + 30))
            press_next(qtbot, second, PageId.TODAY_STRUCTURE)
            assert structure.fields["raison_sociale"].text() == STRUCTURE["raison_sociale"]
        qtbot.waitUntil(lambda: not structure.is_busy, timeout=TIMEOUT)
        for name in ("adresse", "code_postal", "ville"):  # the directory's prefill
            assert structure.fields[name].text()
        press_next(qtbot, second, PageId.TODAY_DONE)
        assert "gestionnaire principal" in second.context.draft.final_message  # created
        assert second.page_of(PageId.TODAY_DONE).title() == "Répétition terminée"
        draft_keeper(second).flush()
        assert not (data_dir / "draft.json").exists()  # the path is over
    finally:
        second.shutdown()
        second.hide()


def test_the_structure_page_prefills_from_the_directory(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """As step 2 of the guide's path: a whole SIRET fills the structure from the directory
    (editable; a field already typed stays), and a registered one ticks the attachment."""
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    wizard = open_today(qtbot, data_dir)
    try:
        account = wizard.currentPage()
        assert isinstance(account, TodayAccountPage)
        fill_account(account)
        press_next(qtbot, wizard, PageId.TODAY_ACTIVATE)
        activate(qtbot, wizard, data_dir)
        log_in_with_mail_code(qtbot, wizard, data_dir)
        structure = wizard.currentPage()
        assert isinstance(structure, TodayStructurePage)
        qtbot.waitUntil(lambda: bool(structure.switches), timeout=TIMEOUT)
        structure.fields["ville"].setText("PARIS 7E")  # typed before the SIRET: kept
        structure.fields["identifier"].setText("1300252650001")  # not whole yet: no lookup
        assert not structure.is_busy
        structure.fields["identifier"].setText("13002526500013")
        qtbot.waitUntil(lambda: structure.lookup_note.isVisible(), timeout=TIMEOUT)
        fields = {name: edit.text() for name, edit in structure.fields.items()}
        assert fields["raison_sociale"] == "DIRECTION INTERMINISTERIELLE DU NUMERIQUE"
        assert fields["adresse"].startswith("20 AVENUE DE S") and fields["code_postal"] == "75007"
        assert fields["ville"] == "PARIS 7E"
        assert "préremplies" in structure.lookup_note.text()
        assert not structure.join.isChecked()
        structure.fields["raison_sociale"].setText("DINUM")  # editable, and then kept
        structure.fields["identifier"].setText("35600000041439")  # another: La Poste, open
        qtbot.waitUntil(lambda: structure.fields["code_postal"].text() != "75007", timeout=TIMEOUT)
        assert structure.fields["raison_sociale"].text() == "DINUM"
        structure.fields["identifier"].setText("55203253400703")  # Danone: registered
        qtbot.waitUntil(lambda: structure.join.isChecked(), timeout=TIMEOUT)
        assert "déjà inscrite" in structure.lookup_note.text()
    finally:
        wizard.shutdown()
        wizard.hide()


@pytest.mark.parametrize("saved_on_today", [True, False], ids=["today-draft", "guide-draft"])
def test_a_draft_of_the_other_path_is_not_offered_and_that_is_said(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, saved_on_today: bool
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    progress = {"path": "portail-actuel", "today_reached": 1} if saved_on_today else {}
    page = PageId.TODAY_ACTIVATE if saved_on_today else PageId.COMPLETE
    signup = Signup(email=EMAIL, identifier="13002526500013")
    DraftStore(data_dir).save(page, signup, progress)
    options = [] if saved_on_today else ["--parcours", "portail-actuel"]
    wizard = build_wizard(["--data-dir", str(data_dir), *options])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        finish_build(wizard, 30)
        first = wizard.page_of(PageId(wizard.startId()))
        assert first.banner.isVisible()
        assert "autre parcours" in first.banner.text()
        assert not first.resume_box.isVisible()  # type: ignore[attr-defined]
        assert (data_dir / "draft.json").exists()  # kept until something is typed here
    finally:
        wizard.shutdown()
        wizard.hide()
