"""What a second walk as a newcomer still found: English words, a rehearsal's wording on step 3
and on the attachment page, a stale refusal, the name search's first choice, « Annuler » once
an account exists."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.backend.connection import ConnectionReport, StepResult, StepStatus
from chorus_wizard.backend.directory import SearchHit
from chorus_wizard.backend.errors import NetworkError
from chorus_wizard.backend.models import CompanyRecord, ExistingStructure, ReceivedMail
from chorus_wizard.backend.profiles import BackendProfile, PisteCredentials
from chorus_wizard.rehearsal import REAL_PORTAL_URL
from chorus_wizard.texts import translate
from chorus_wizard.ui.pages.attach import AttachPage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.widgets.mail_viewer import WORD_JOINER, MailViewer
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.memory_keyring import MemoryKeyring
from tests.ui.flows import (
    DIALOG_WARNING,
    EMAIL,
    SIRET,
    draft_keeper,
    fake_wizard,
    quit_wizard,
)
from tests.ui.test_settings_dialog import choose, fill, open_dialog

CLOSED = "33840382700011"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "fr")


def identify_page(wizard: SignupWizard) -> IdentifyPage:
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    return page


def to_workspaces(qtbot: QtBot, wizard: SignupWizard) -> WorkspacesPage:
    identify = identify_page(wizard)
    identify.email.setText(EMAIL)
    identify.identifier.setText(SIRET)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.page_of(PageId.COMPLETE)
    qtbot.waitUntil(lambda: not complete.is_busy)
    complete.email_again.setText(EMAIL)  # type: ignore[attr-defined]
    complete.nom.setText("Durand")  # type: ignore[attr-defined]
    complete.prenom.setText("Marie")  # type: ignore[attr-defined]
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    spaces = wizard.page_of(PageId.WORKSPACES)
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    return spaces


# -- English ---------------------------------------------------------------------------------


def test_english_step_3_names_the_default_workspaces_as_its_switches_do(
    qtbot: QtBot, english: None
) -> None:
    wizard = fake_wizard(qtbot, FakeService(), lang="en")
    wizard.show()
    qtbot.waitExposed(wizard)
    spaces = to_workspaces(qtbot, wizard)
    for code in ("FACTURES_EMISES", "SOLLICITATIONS_EMISES"):
        spaces.switches[code].setChecked(False)
    assert spaces.defaults_off.isVisibleTo(spaces)
    warning = spaces.defaults_off.text()
    assert warning.startswith("You have turned off “Invoices sent” and “Requests sent”")
    [intro] = [
        label.text()
        for label in spaces.findChildren(QLabel)
        if label.text().startswith("Workspaces give you access")
    ]
    assert "“Invoices sent” and “Requests sent” are on by default" in intro
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)


def test_english_address_complements_are_numbered_as_in_french(english: None) -> None:
    assert translate("signup", "Complément adresse 1") == "Additional address line 1"
    assert translate("signup", "Complément adresse 2") == "Additional address line 2"


# -- a rehearsal's words -----------------------------------------------------------------------


def test_step_3_of_a_rehearsal_says_the_account_is_the_sandbox_s(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    spaces = to_workspaces(qtbot, wizard)
    created = spaces.created.text()
    assert "compte d'essai" in created and "dans le bac à sable (pas sur Chorus Pro)" in created
    assert "créer votre entreprise dans Chorus Pro" not in spaces.manager.text()
    assert "bac à sable de la répétition" in spaces.manager.text()


def test_the_attachment_page_of_a_rehearsal_speaks_of_the_sandbox(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.existing[SIRET] = ExistingStructure(5, SIRET, "SIRET", "DINUM")
    page = identify_page(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText(SIRET)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ATTACH)
    attach = wizard.currentPage()
    assert isinstance(attach, AttachPage)
    assert attach.title() == "Votre structure est déjà inscrite dans le bac à sable"
    assert "existe déjà dans le bac à sable de la répétition" in attach.explanation.text()
    assert "sur Chorus Pro." not in attach.explanation.text()


# -- a refusal goes with its cause -------------------------------------------------------------


def test_a_refused_siret_s_message_goes_when_another_is_typed(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    closed = CompanyRecord(
        CLOSED, raison_sociale="LA POSTE", active=False, closed_reason="Établissement fermé."
    )
    service.companies[CLOSED] = closed
    page = identify_page(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText(CLOSED)
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    page.identifier.setText(SIRET)  # the cause is gone
    assert page.banner.tone is None and not page.banner.isVisible()


def test_a_failed_lookup_s_retry_goes_with_the_identifier(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.fail["lookup"] = NetworkError("Impossible de joindre le serveur.")
    page = identify_page(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText(SIRET)
    wizard.next()
    qtbot.waitUntil(lambda: page.retry.isVisibleTo(page))
    page.identifier.setText(CLOSED)  # « Réessayer » would look up the SIRET that went
    assert not page.retry.isVisibleTo(page) and page.banner.tone is None


def test_a_notice_that_is_no_refusal_stays_while_typing(wizard: SignupWizard) -> None:
    page = identify_page(wizard)
    page.banner.show_message(Tone.WARNING, "Le fichier des paramètres a été mis de côté.")
    page.identifier.setText(SIRET)
    page.no_siret.setChecked(True)
    assert page.banner.tone is Tone.WARNING


# -- the name search -------------------------------------------------------------------------


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_the_name_search_selects_the_first_open_establishment(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.found = [
        SearchHit(CLOSED, "LA POSTE", "GRENOBLE", False, False, "Établissement fermé."),
        SearchHit("35600000041439", "LA POSTE", "75015 PARIS", False, True),
        SearchHit("35600000000048", "LA POSTE", "75015 PARIS", True, True),
    ]
    page = identify_page(wizard)
    dialog = page.open_company_search()
    dialog.name.setText("la poste")
    dialog.search_now()
    qtbot.waitUntil(lambda: dialog.results.count() == 3)
    hit = dialog.current_hit()
    assert hit is not None and hit.siret == "35600000041439"
    dialog.choose()  # Entrée takes it: no refusal
    assert page.identifier.text().replace(" ", "") == "35600000041439"


# -- « Annuler » once an account exists ----------------------------------------------------------


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_annuler_on_step_3_asks_first_when_the_account_exists(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    to_workspaces(qtbot, wizard)
    wizard.reject()  # « Annuler »
    qtbot.waitUntil(lambda: wizard.quit_question is not None)
    box = wizard.quit_question
    assert box is not None
    assert EMAIL in box.text() and "Reprendre" in box.text()
    stay = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.RejectRole)
    stay.click()
    qtbot.waitUntil(lambda: wizard.quit_question is None)
    assert wizard.isVisible() and wizard.currentId() == PageId.WORKSPACES


def test_annuler_on_step_1_quits_at_once(qtbot: QtBot, wizard: SignupWizard) -> None:
    identify_page(wizard).email.setText(EMAIL)
    wizard.reject()
    assert wizard.quit_question is None and not wizard.isVisible()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_a_failed_connection_test_goes_once_the_credentials_change(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path
) -> None:
    def checker(profile: BackendProfile, creds: PisteCredentials, siret: str) -> ConnectionReport:
        return ConnectionReport(
            [StepResult("Disponibilité de l'API Chorus Pro", StepStatus.FAILED, "Accès refusé.")]
        )

    dialog = open_dialog(qtbot, wizard, tmp_path, checker=checker)
    choose(dialog, "production")
    fill(dialog)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.results.isVisible())
    assert dialog.banner.tone is Tone.ERROR and "Accès refusé" in dialog.results.text()
    qtbot.keyClicks(dialog.client_secret, "x")  # the person corrects the secret
    assert not dialog.results.isVisible() and dialog.banner.tone is None
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.results.isVisible())
    dialog.probe.setText("552 032 534 00703")  # set by the program: not an edit…
    assert dialog.results.isVisible()
    qtbot.keyClicks(dialog.probe, "1")  # …typed: the report spoke of another SIRET
    assert not dialog.results.isVisible()


# -- a workspace choice not yet validated, resumed without a keychain --------------------------


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_an_unvalidated_workspace_choice_survives_a_resume_without_keychain(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    first = fake_wizard(qtbot, FakeService(), data_dir=tmp_path)
    first.show()
    spaces = to_workspaces(qtbot, first)
    spaces.switches["FACTURES_RECUES"].setChecked(True)
    spaces.switches["SOLLICITATIONS_EMISES"].setChecked(False)
    draft_keeper(first).flush()
    quit_wizard(qtbot, first)  # before « Valider »
    first.shutdown()
    memory_keyring.passwords.clear()  # as on a machine without a keychain

    second = fake_wizard(qtbot, FakeService(), data_dir=tmp_path)
    second.show()
    keeper = draft_keeper(second)
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    banner = second.currentPage().resume_note.text()  # type: ignore[attr-defined]
    assert "Les espaces de travail choisis (Factures émises, Factures reçues)" in banner
    keeper.save_now()
    keeper.flush()
    progress = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))["progress"]
    assert progress["workspaces"] == ["FACTURES_EMISES", "FACTURES_RECUES"]
    assert progress["workspaces_saved"] is False  # passing by step 3 opened nothing
    second.shutdown()


# -- narrow windows: fields never move sideways between SIRET and no-SIRET -----------------------


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


@pytest.mark.parametrize("width", [560, 820])
def test_step_1_s_fields_stay_put_when_no_siret_is_ticked(
    qtbot: QtBot, wizard: SignupWizard, width: int
) -> None:
    page = identify_page(wizard)
    wizard.resize(width, 760)
    settle(qtbot)

    def where() -> tuple[int, int, bool]:
        inner = page.scroll_area.widget()
        assert inner is not None
        email = page.email.mapTo(inner, QPoint(0, 0))
        identifier = page.identifier.mapTo(inner, QPoint(0, 0))
        label = page.identifier_label.mapTo(inner, QPoint(0, 0))
        return email.x(), identifier.x(), label.y() < identifier.y()  # label above?

    with_siret = where()
    page.no_siret.setChecked(True)
    for kind in range(page.kind.count()):  # every type's name, the longest included
        page.kind.setCurrentIndex(kind)
        settle(qtbot)
        assert where() == with_siret, page.kind.currentText()
    page.no_siret.setChecked(False)
    settle(qtbot)
    assert where() == with_siret


# -- long addresses: never broken after « https:// » or at a hyphen ------------------------------

LINK = "http://127.0.0.1:41234/sandbox/activer?code=Zq3_xY-9aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_the_mail_viewer_keeps_addresses_whole_and_copies_them_as_sent(qtbot: QtBot) -> None:
    text = f"Ouvrez le lien\u00a0:\n\n{LINK}\n\nou {REAL_PORTAL_URL} pour de bon."
    viewer = MailViewer(ReceivedMail("Activez votre compte", "Chorus Pro", text, ""))
    qtbot.addWidget(viewer)
    html = viewer.text.toHtml()
    # every character of an address is joined to the next: it breaks only where a line ends
    assert WORD_JOINER.join("127.0.0.1:41234/sandbox/activer?code=Zq3_xY-9") in html
    assert WORD_JOINER.join("portail.chorus-pro.gouv.fr") in html
    assert viewer.text.wordWrapMode() is QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    viewer.text.selectAll()
    copied = viewer.text.createMimeDataFromSelection().text()
    assert LINK in copied and REAL_PORTAL_URL in copied and WORD_JOINER not in copied
    assert viewer.links == [LINK]
