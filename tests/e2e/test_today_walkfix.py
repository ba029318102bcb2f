"""What a newcomer's walk of « parcours du portail actuel » found, against the embedded sandbox:
a corrected address reaches the draft as the account was made with it, the login names its
address, and an address that has an account leads to the login from the first page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, finish_build, install_translators
from chorus_wizard.recap import recap_text
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.today_account import TodayAccountPage
from chorus_wizard.ui.pages.today_activate import TodayActivatePage
from chorus_wizard.ui.pages.today_done import TodayDonePage
from chorus_wizard.ui.pages.today_login import TodayLoginPage
from chorus_wizard.ui.pages.today_structure import TodayStructurePage
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import TIMEOUT
from tests.e2e.test_today_path import mails, press_next
from tests.e2e.test_today_resume import close, open_today, walk_to
from tests.sandbox.helpers import STRONG_PASSWORD

WRONG = "tom.baker@example"
RIGHT = "tom.baker@example.com"
#: Danone's SIRET, registered on the sandbox (resources/sandbox/registered.json).
REGISTERED_SIRET = "55203253400703"


def fill(page: TodayAccountPage, email: str) -> None:
    page.email.setText(email)
    page.nom.setText("Baker")
    page.prenom.setText("Tom")
    page.terms.setChecked(True)


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # the question
def test_a_corrected_address_is_the_one_kept_and_logged_in_with(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    first = open_today(qtbot, data_dir)
    account = first.currentPage()
    assert isinstance(account, TodayAccountPage)
    fill(account, WRONG)
    assert account.quit_warning() == ""  # no account yet: « Annuler » has nothing to ask
    press_next(qtbot, first)
    qtbot.waitUntil(lambda: bool(account.banner.text()), timeout=TIMEOUT)
    assert first.currentId() == PageId.TODAY_ACCOUNT
    # Corrected, and « Suivant » at once: before the draft's timer saved the change.
    account.email.setText(RIGHT)
    press_next(qtbot, first, PageId.TODAY_ACTIVATE)
    # The account exists: « Annuler » (or the close button) asks first, naming its address.
    first.reject()
    question = first.quit_question
    assert question is not None and first.isVisible()
    assert RIGHT in question.text() and "Reprendre" in question.text()
    stay = next(b for b in question.buttons() if "Rester" in b.text())
    stay.click()
    qtbot.waitUntil(lambda: first.quit_question is None, timeout=TIMEOUT)
    assert first.isVisible()
    saved = json.loads(close(first, data_dir))
    assert saved["signup"]["email"] == RIGHT

    second = open_today(qtbot, data_dir)
    page = second.currentPage()
    assert isinstance(page, TodayAccountPage)
    assert RIGHT in page.resume_box.question.text()
    page.resume_box.resume_button.click()
    qtbot.waitUntil(lambda: second.currentId() == PageId.TODAY_ACTIVATE, timeout=TIMEOUT)
    activate_page = second.currentPage()
    assert isinstance(activate_page, TodayActivatePage)
    assert RIGHT in activate_page.intro.text()
    second.shutdown()


def test_an_address_with_an_account_leads_to_its_login(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    first = open_today(qtbot, data_dir)
    account = first.currentPage()
    assert isinstance(account, TodayAccountPage)
    fill(account, RIGHT)
    press_next(qtbot, first, PageId.TODAY_ACTIVATE)
    activate_page = first.currentPage()
    assert isinstance(activate_page, TodayActivatePage)
    link = mails(data_dir, "Activez votre compte Chorus Pro")[-1]
    activate_page.code.setText(next(x for x in link.splitlines() if "code=" in x).strip())
    activate_page.password.setText(STRONG_PASSWORD)
    activate_page.confirm.setText(STRONG_PASSWORD)
    press_next(qtbot, first, PageId.TODAY_LOGIN)
    login = first.currentPage()
    assert isinstance(login, TodayLoginPage)
    assert login.email.text() == RIGHT  # the login says which address it logs in with
    assert login.email.isReadOnly()
    close(first, data_dir)
    (data_dir / "draft.json").unlink(missing_ok=True)

    second = open_today(qtbot, data_dir)
    again = second.currentPage()
    assert isinstance(again, TodayAccountPage)
    fill(again, RIGHT)
    assert not again.log_in_button.isVisible()
    press_next(qtbot, second)
    qtbot.waitUntil(again.log_in_button.isVisible, timeout=TIMEOUT)
    assert "existe déjà" in again.banner.text()
    assert RIGHT in again.log_in_button.text()
    again.log_in_button.click()
    qtbot.waitUntil(lambda: second.currentId() == PageId.TODAY_LOGIN, timeout=TIMEOUT)
    login = second.currentPage()
    assert isinstance(login, TodayLoginPage)
    assert login.email.text() == RIGHT
    second.shutdown()


def test_the_recap_tells_what_the_path_did(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    wizard = open_today(qtbot, data_dir)
    try:
        walk_to(qtbot, wizard, data_dir, PageId.TODAY_STRUCTURE)
        before = recap_text(wizard.desk.recap())
        assert (
            "  État : Compte d'essai activé avec double authentification dans le bac à "
            "sable (pas sur Chorus Pro)\n"
        ) in before
        assert "Structure\n  État : Pas encore enregistrée\n" in before
        press_next(qtbot, wizard, PageId.TODAY_DONE)
        text = recap_text(wizard.desk.recap())
        assert "Compte pas encore créé" not in text
        assert "Structure\n  État : Créée : vous en êtes le gestionnaire principal\n" in text
        # walk_to unticked « Factures reçues »: the spaces the sandbox opened, not « pas encore »
        assert (
            "Espaces de travail ouverts\n  - Factures émises\n  - Sollicitations émises\n" in text
        )
        assert "pas encore choisis" not in text
        # the directory's category of DINUM's SIRET, as on the guide's path (not « inconnue »)
        assert "Catégorie d'entreprise : ETI (entreprise de taille intermédiaire)" in text
        assert "Fonctionnalités" not in text  # never asked on this path
        assert "question secrète" not in text
        # the last page says the same: created, and the spaces opened
        done = wizard.currentPage()
        assert isinstance(done, TodayDonePage)
        said = done.summary.text()
        assert "Votre structure est créée" in said
        assert "Espaces de travail ouverts\u00a0: Factures émises, Sollicitations émises." in said
        assert "rattachement" not in said
        # finished: quitting (even from the page before) has nothing pending to ask about
        wizard.back()
        assert wizard.currentId() == PageId.TODAY_STRUCTURE
        back = wizard.currentPage()
        assert isinstance(back, TodayStructurePage)
        assert back.quit_warning() == ""
        wizard.reject()
        assert wizard.quit_question is None
    finally:
        wizard.shutdown()


def test_the_last_page_says_a_join_was_requested(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    wizard = open_today(qtbot, data_dir)
    try:
        walk_to(qtbot, wizard, data_dir, PageId.TODAY_STRUCTURE)
        structure = wizard.currentPage()
        assert isinstance(structure, TodayStructurePage)
        assert structure.quit_warning() != ""  # not finished yet: the question stays
        structure.fields["identifier"].setText(REGISTERED_SIRET)
        qtbot.waitUntil(structure.join.isChecked, timeout=TIMEOUT)  # ticked by the directory
        qtbot.waitUntil(lambda: not structure.is_busy, timeout=TIMEOUT)
        press_next(qtbot, wizard, PageId.TODAY_DONE)
        done = wizard.currentPage()
        assert isinstance(done, TodayDonePage)
        said = done.summary.text()
        assert "demande de rattachement est envoyée" in said
        assert "quand il l'aura acceptée" in said
        assert "structure est créée" not in said
        assert "Espaces de travail ouverts" not in said
        assert "la structure et les espaces de travail" not in said
        wizard.back()
        assert wizard.currentPage() is structure
        assert structure.quit_warning() == ""
    finally:
        wizard.shutdown()


def test_the_sandbox_answers_are_said_in_english(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """The sandbox answers in French (the portal's words); an English interface says each of
    today's path's answers in English."""
    data_dir = tmp_path / "data"
    built = build_wizard(
        ["--data-dir", str(data_dir), "--parcours", "portail-actuel", "--lang", "en"]
    )
    assert isinstance(built, SignupWizard)
    wizard = built
    qtbot.addWidget(wizard)
    wizard.show()
    finish_build(wizard, 30)
    try:
        account = wizard.currentPage()
        assert isinstance(account, TodayAccountPage)
        fill(account, WRONG)
        press_next(qtbot, wizard)
        qtbot.waitUntil(lambda: bool(account.banner.text()), timeout=TIMEOUT)
        assert "is not a valid address: it must look like name@domain.com" in (
            account.banner.text()
        )
        account.email.setText(RIGHT)
        press_next(qtbot, wizard, PageId.TODAY_ACTIVATE)
        page = wizard.currentPage()
        assert isinstance(page, TodayActivatePage)
        page.code.setText("not-the-code")
        page.password.setText(STRONG_PASSWORD)
        page.confirm.setText(STRONG_PASSWORD)
        press_next(qtbot, wizard)
        qtbot.waitUntil(lambda: bool(page.banner.text()), timeout=TIMEOUT)
        assert "This activation link is not valid" in page.banner.text()
        link = mails(data_dir, "Activez votre compte Chorus Pro")[-1]
        page.code.setText(next(x for x in link.splitlines() if "code=" in x).strip())
        # A weak password: the rules are shown, the broken ones marked, « Next » waits.
        page.password.setText("short")
        page.confirm.setText("short")
        qtbot.waitUntil(lambda: not page.is_busy, timeout=TIMEOUT)
        assert page.password_input.rules_panel.isVisible()
        shown = [label.text() for label in page.password_input._rule_labels.values()]
        assert len(shown) >= 3 and any("✘" in text for text in shown)
        assert not page.isComplete()
        assert "a password that meets the rules" in page.next_reason.text()
        page.password.setText(STRONG_PASSWORD)
        page.confirm.setText(STRONG_PASSWORD)
        press_next(qtbot, wizard, PageId.TODAY_LOGIN)
        login = wizard.currentPage()
        assert isinstance(login, TodayLoginPage)
        press_next(qtbot, wizard)
        qtbot.waitUntil(login.code_row.isVisible, timeout=TIMEOUT)
        assert login.step_text.text() == (
            f"A 6-digit code has just been sent to {RIGHT}: type it (it is valid for 10 minutes)."
        )
        sent = mails(data_dir, "Chorus Pro - Votre code de connexion")[-1]
        login.code.setText("000000" if "\n000000\n" not in sent else "111111")
        press_next(qtbot, wizard)
        qtbot.waitUntil(lambda: bool(login.banner.text()), timeout=TIMEOUT)
        assert "This code is wrong, expired or already used" in login.banner.text()
    finally:
        wizard.shutdown()
        install_translators(qapp, "fr")


def test_the_keyboard_starts_in_the_e_mail_field(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    # As chorus-wizard starts: the window shown first, the pages built in turns.
    built = build_wizard(["--data-dir", str(tmp_path / "data"), "--parcours", "portail-actuel"])
    assert isinstance(built, SignupWizard)
    wizard = built
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.waitUntil(lambda: len(wizard.pages) == len(PageId), timeout=TIMEOUT)
    try:
        account = wizard.currentPage()
        assert isinstance(account, TodayAccountPage)
        qtbot.wait(100)  # the desk and the resume offer (none here) leave the focus alone
        assert wizard.focusWidget() is account.email  # not « Annuler »
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is account.email, timeout=TIMEOUT)
        # The help panel opened and closed: the keyboard is back in the e-mail field.
        wizard.desk.set_help_visible(True)
        wizard.desk.panel.browser.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not account.email)
        wizard.desk.set_help_visible(False)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is account.email, timeout=TIMEOUT)
    finally:
        wizard.shutdown()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # the viewer
def test_the_mail_viewer_and_a_new_mail(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    wizard = open_today(qtbot, data_dir)
    try:
        account = wizard.currentPage()
        assert isinstance(account, TodayAccountPage)
        fill(account, RIGHT)
        press_next(qtbot, wizard, PageId.TODAY_ACTIVATE)
        page = wizard.currentPage()
        assert isinstance(page, TodayActivatePage)
        page.resend.click()
        qtbot.waitUntil(lambda: "nouveau courriel" in page.banner.text(), timeout=TIMEOUT)
        sent = mails(data_dir, "Activez votre compte Chorus Pro")
        assert len(sent) == 2
        newest = next(x for x in sent[-1].splitlines() if "code=" in x).strip()
        first = next(x for x in sent[0].splitlines() if "code=" in x).strip()
        assert newest != first
        page.show_mail.click()
        qtbot.waitUntil(
            lambda: page.mail_viewer is not None and page.mail_viewer.isVisible(),
            timeout=TIMEOUT,
        )
        viewer = page.mail_viewer
        assert viewer is not None
        assert viewer.use_code.isVisible()  # « Utiliser ce code »
        # a mail's link, clickable (both mails were sent within the same second: either)
        assert viewer.links[0] in (first, newest)
        viewer.use_code.click()
        assert page.code.text() == viewer.links[0]
        page.password.setText(STRONG_PASSWORD)
        page.confirm.setText(STRONG_PASSWORD)
        press_next(qtbot, wizard, PageId.TODAY_LOGIN)
    finally:
        wizard.shutdown()


def test_an_address_never_activated_gets_a_new_activation_mail(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """The walk's case: the account was created for the corrected address, never activated;
    its address typed again on the first page leads to its activation."""
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    first = open_today(qtbot, data_dir)
    account = first.currentPage()
    assert isinstance(account, TodayAccountPage)
    fill(account, RIGHT)
    press_next(qtbot, first, PageId.TODAY_ACTIVATE)
    close(first, data_dir)
    (data_dir / "draft.json").unlink()

    second = open_today(qtbot, data_dir)
    try:
        again = second.currentPage()
        assert isinstance(again, TodayAccountPage)
        fill(again, RIGHT)
        press_next(qtbot, second)
        qtbot.waitUntil(again.activate_button.isVisible, timeout=TIMEOUT)
        again.activate_button.click()
        qtbot.waitUntil(lambda: second.currentId() == PageId.TODAY_ACTIVATE, timeout=TIMEOUT)
        page = second.currentPage()
        assert isinstance(page, TodayActivatePage)
        assert RIGHT in page.intro.text()
        sent = mails(data_dir, "Activez votre compte Chorus Pro")
        assert len(sent) == 2
        page.code.setText(next(x for x in sent[-1].splitlines() if "code=" in x).strip())
        page.password.setText(STRONG_PASSWORD)
        page.confirm.setText(STRONG_PASSWORD)
        press_next(qtbot, second, PageId.TODAY_LOGIN)
    finally:
        second.shutdown()


def test_the_first_page_checks_the_address_as_step_1_does(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    wizard = open_today(qtbot, tmp_path / "data")
    try:
        account = wizard.currentPage()
        assert isinstance(account, TodayAccountPage)
        below = account.nom.mapTo(account, account.nom.rect().topLeft())
        account.email.setText(WRONG)
        assert not account.email_hint.isVisible()  # not while the first typing goes on
        account.email.editingFinished.emit()  # leaving the field
        assert account.email_hint.isVisible()
        assert "nom de domaine" in account.email_hint.text()
        assert "nom de domaine" in account.email.accessibleDescription()
        # the line's height was kept: the field below has not moved
        assert account.nom.mapTo(account, account.nom.rect().topLeft()) == below
        account.email.setText(RIGHT)  # once shown, the reason follows the typing
        assert not account.email_hint.isVisible()
        assert account.nom.mapTo(account, account.nom.rect().topLeft()) == below
    finally:
        wizard.shutdown()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # the question
def test_start_over_on_today_s_path_names_no_structure(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    first = open_today(qtbot, data_dir)
    account = first.currentPage()
    assert isinstance(account, TodayAccountPage)
    fill(account, RIGHT)
    press_next(qtbot, first, PageId.TODAY_ACTIVATE)  # the account exists, no structure given
    close(first, data_dir)

    second = open_today(qtbot, data_dir)
    try:
        again = second.currentPage()
        assert isinstance(again, TodayAccountPage)
        again.resume_box.restart_button.click()
        box = second.message_box
        assert box is not None
        assert RIGHT in box.text()
        assert "structure" not in box.text()  # none was given on this path yet
        assert "mènera à ce compte" in box.text()
    finally:
        second.shutdown()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_code_row_lines_up_with_the_login_s_other_rows(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    wizard = open_today(qtbot, data_dir)
    try:
        walk_to(qtbot, wizard, data_dir, PageId.TODAY_LOGIN)
        login = wizard.currentPage()
        assert isinstance(login, TodayLoginPage)
        login.password.setText(STRONG_PASSWORD)
        press_next(qtbot, wizard)
        qtbot.waitUntil(login.code_row.isVisible, timeout=TIMEOUT)

        def left(widget: QWidget) -> int:
            return widget.mapTo(login, widget.rect().topLeft()).x()

        def label_of(field: QWidget) -> QLabel:
            return next(x for x in login.findChildren(QLabel) if x.buddy() is field)

        # the code's label starts where the address's does (no margin of its own)
        assert left(label_of(login.code)) == left(label_of(login.email))
        # and the field ends inside its row (not cut at the scroll area's bottom)
        assert login.code.geometry().bottom() < login.code_row.height()
        margins = login.code_row.contentsMargins()
        layout_margins = login.code.parentWidget().layout().contentsMargins()  # type: ignore[union-attr]
        assert margins.bottom() == 0 and layout_margins.bottom() == 0
    finally:
        wizard.shutdown()
