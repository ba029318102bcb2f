"""What a newcomer met on a first walk through the wizard (issue « never fooled, never stuck »)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.backend.errors import ActivationLocked, InvalidActivationCode, NetworkError
from chorus_wizard.backend.models import CompanyRecord, ReceivedMail
from chorus_wizard.backend.profiles import PRODUCTION
from chorus_wizard.domain.activation import (
    activation_code,
    activation_links,
    parse_activation_link,
    wizard_link,
)
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.domain.password import PasswordPolicy
from chorus_wizard.recap import build_recap, recap_html, recap_text
from chorus_wizard.rehearsal import REAL_PORTAL_URL
from chorus_wizard.sandbox.mail.outbox import activation_message
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import Page, PageId, SignupDraft
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import Tone, form_layout, readable
from chorus_wizard.ui.widgets.explain import ExplainButton, field_help_menu
from chorus_wizard.ui.widgets.mail_viewer import MailViewer
from chorus_wizard.ui.widgets.password import BROKEN_COLOR, UNMET, PasswordInput
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import EMAIL, SIRET, draft_keeper, fake_wizard, reach_activation, run_signup
from tests.ui.test_identification import RESTOS


def identify_page(wizard: SignupWizard) -> IdentifyPage:
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    return page


def next_enabled(wizard: SignupWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


# -- 2. step 1's state follows every input, the toggles included -----------------------------


def test_ticking_no_siret_does_not_read_the_siret_as_another_identifier(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    page = identify_page(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText(SIRET)
    assert next_enabled(wizard)
    page.no_siret.setChecked(True)
    # the SIRET is not carried over as a VAT number: the field is the new type's, empty
    assert page.identifier_type() is IdentifierType.UE_HORS_FRANCE
    assert page.identifier.text() == ""
    assert not page.identifier_hint.isVisible()  # no red error for what was not typed here
    assert not next_enabled(wizard)
    page.no_siret.setChecked(False)
    # the SIRET typed earlier is back and usable
    assert page.identifier.text().replace(" ", "") == SIRET
    assert next_enabled(wizard)


def test_changing_the_identifier_type_recomputes_next(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = identify_page(wizard)
    page.email.setText(EMAIL)
    page.no_siret.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData(IdentifierType.UE_HORS_FRANCE.value))
    page.identifier.setText("DE136695976")
    assert next_enabled(wizard)
    page.kind.setCurrentIndex(page.kind.findData(IdentifierType.RIDET.value))
    assert page.identifier.text() == ""
    assert not next_enabled(wizard)
    page.identifier.setText("1234567001")
    assert next_enabled(wizard)
    page.kind.setCurrentIndex(page.kind.findData(IdentifierType.UE_HORS_FRANCE.value))
    assert page.identifier.text() == "DE136695976"
    assert next_enabled(wizard)
    assert page.step_key() == (EMAIL, IdentifierType.UE_HORS_FRANCE, "DE136695976")


# -- 10. no stale typing ------------------------------------------------------------------


def go_to_step_2(qtbot: QtBot, wizard: SignupWizard, email: str, identifier: str) -> CompletePage:
    page = identify_page(wizard)
    page.email.setText(email)
    page.identifier.setText(identifier)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.currentPage()
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    return complete


def test_another_person_does_not_inherit_the_earlier_names(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.companies[RESTOS.siret] = RESTOS
    complete = go_to_step_2(qtbot, wizard, EMAIL, SIRET)
    complete.email_again.setText(EMAIL)
    complete.nom.setText("Durand")
    complete.prenom.setText("Marie")
    wizard.back()
    complete = go_to_step_2(qtbot, wizard, "paul.martin@exemple.fr", RESTOS.siret)
    assert (complete.nom.text(), complete.prenom.text()) == ("", "")
    assert complete.email_again.text() == ""
    assert "Nom" in complete.banner.text() and "Prénom" in complete.banner.text()


def test_the_same_person_keeps_the_names_for_another_structure(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.companies[RESTOS.siret] = RESTOS
    complete = go_to_step_2(qtbot, wizard, EMAIL, SIRET)
    complete.nom.setText("Durand")
    wizard.back()
    complete = go_to_step_2(qtbot, wizard, EMAIL.upper(), RESTOS.siret)
    assert complete.nom.text() == "Durand"


def choose(page: IdentifyPage, kind: IdentifierType, identifier: str) -> None:
    page.no_siret.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData(kind.value))
    page.identifier.setText(identifier)


def test_a_private_person_s_raison_sociale_is_the_name_of_step_1(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    choose(identify_page(wizard), IdentifierType.PARTICULIER, "DURAND Marie")
    complete = go_to_step_2(qtbot, wizard, EMAIL, "DURAND Marie")
    assert complete.fields["raison_sociale"].text() == "DURAND Marie"


def test_an_outside_eu_raison_sociale_is_the_name_in_the_identifier(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    choose(identify_page(wizard), IdentifierType.HORS_UE, "CHNESTLE SA")
    complete = go_to_step_2(qtbot, wizard, EMAIL, "CHNESTLE SA")
    assert complete.fields["raison_sociale"].text() == "NESTLE SA"
    assert complete.country.currentData() == "CH"


def test_the_outside_eu_placeholder_reads_as_code_then_name(wizard: SignupWizard) -> None:
    page = identify_page(wizard)
    page.no_siret.setChecked(True)
    page.kind.setCurrentIndex(page.kind.findData(IdentifierType.HORS_UE.value))
    assert "CHNOM" not in page.identifier.placeholderText()
    assert page.identifier.placeholderText().startswith("CH")


# -- 5. keyboard ----------------------------------------------------------------------------


def test_started_as_the_command_starts_the_keyboard_is_in_the_e_mail_field(
    qtbot: QtBot, qapp: QApplication, service: FakeService
) -> None:
    install_translators(qapp, "fr")
    wizard = fake_wizard(qtbot, service, finished=False)  # as chorus-wizard: built in turns
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.waitUntil(lambda: len(wizard.pages) == len(PageId))  # built in turns
    qtbot.wait(100)  # the desk, the resume offer (none here): they leave the focus alone
    # the widget the window gives the keyboard to when it is activated
    assert wizard.focusWidget() is identify_page(wizard).email
    wizard.activateWindow()  # what a window manager does once the window is mapped
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is identify_page(wizard).email
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)


def test_tab_goes_from_field_to_field_and_help_stays_at_hand(
    qtbot: QtBot, wizard: SignupWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "chorus_wizard.ui.widgets.explain.QWhatsThis.showText",
        lambda _pos, text, _widget: shown.append(text),
    )
    wizard.activateWindow()
    page = identify_page(wizard)
    page.email.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.email)
    order = []
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [page.no_siret, page.identifier]  # no « ? » in between
    for explain in page.findChildren(ExplainButton):
        assert not explain.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(page.identifier, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert shown and "SIRET" in shown[-1]
    # the context menu of the field ends with the field's help
    menu = field_help_menu(page.identifier)
    assert menu is not None
    last = menu.actions()[-1]
    assert last.text().startswith("Aide sur ce champ")
    last.trigger()
    assert len(shown) == 2 and "SIRET" in shown[-1]
    menu.deleteLater()


# -- 4. the lock ------------------------------------------------------------------------------


def test_each_wrong_code_says_how_many_tries_are_left(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    page = reach_activation(qtbot, wizard)
    service.fail["activate"] = InvalidActivationCode("Code non valable.", tries_left=3)
    wizard.next()
    qtbot.waitUntil(page.code_hint.isVisible)
    assert "Il vous reste 3\u00a0essais" in page.code_hint.text().replace(" essais", "\u00a0essais")
    service.fail["activate"] = InvalidActivationCode("Code non valable.", tries_left=1)
    wizard.next()
    qtbot.waitUntil(lambda: "encore un code erroné" in page.code_hint.text())


def test_a_lock_outlasting_the_link_says_to_ask_for_a_new_mail_after_it(
    qtbot: QtBot, qapp: QApplication
) -> None:
    now = datetime.now(UTC)
    service = FakeService(valid_until=now + timedelta(minutes=58))
    wizard = fake_wizard(qtbot, service)
    wizard.show()
    page = reach_activation(qtbot, wizard)
    service.fail["activate"] = ActivationLocked("Bloqué.", until=now + timedelta(minutes=60))
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    text = page.banner.text()
    assert "aura expiré" in text and "Renvoyer le courriel" in text
    assert "avec le lien du dernier courriel" not in text
    assert not page.validity.isVisible()  # no « valable encore 58 minutes » beside the lock
    assert not page.resend.isEnabled()  # a new mail waits for the end of the lock
    page.lock_timer.timeout.emit()
    assert page.banner.tone is Tone.ERROR and "aura expiré" in page.banner.text()
    wizard.shutdown()


def test_after_reprendre_the_lock_is_shown_at_once(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    first = fake_wizard(
        qtbot, FakeService(valid_until=now + timedelta(minutes=50)), data_dir=tmp_path
    )
    first.show()
    reach_activation(qtbot, first)
    draft_keeper(first).flush()
    first.shutdown()
    first.context.runner.wait_for_done(5000)
    service = FakeService(
        valid_until=now + timedelta(minutes=50), locked_until=now + timedelta(minutes=30)
    )
    second = fake_wizard(qtbot, service, data_dir=tmp_path)
    second.show()
    identify_page(second).resume_box.resume_button.click()
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    page = second.currentPage()
    assert isinstance(page, ActivatePage)
    assert page.banner.tone is Tone.ERROR and "bloquée" in page.banner.text()
    assert "activate" not in service.calls  # no « Valider » needed to learn it
    assert not second.button(QWizard.WizardButton.CommitButton).isEnabled()
    second.shutdown()
    second.context.runner.wait_for_done(5000)


# -- 7. the strength meter never contradicts the rules ---------------------------------------


def test_a_failing_rule_caps_the_strength_and_shows_in_red(qtbot: QtBot) -> None:
    widget = PasswordInput()
    form = QWidget()
    qtbot.addWidget(form)
    widget.add_rows(form_layout())
    widget.set_policy(PasswordPolicy(), email="marie.dupont@exemple.fr", company_name="DINUM")
    widget.password.setText("Marie.dupont2024")  # long, varied, but holds the address
    broken = [rule for rule in widget.rules() if not rule.met]
    assert [rule.key for rule in broken] == ["email"]
    assert widget.strength is not None and widget.strength.score <= 1
    assert widget.strength_bar.value() <= 1
    assert "excellente" not in widget.strength_label.text()
    assert "règle" in widget.strength_label.text()
    label = widget._rule_labels["email"]
    assert label.text().startswith(UNMET)
    red = QColor(readable(BROKEN_COLOR))
    assert red.red() > 2 * red.green()  # a red, not the grey it was
    assert red.name() in label.styleSheet()
    widget.password.setText("Girafe-Bleue-2026")
    assert widget.strength is not None and widget.strength.score >= 2


# -- 1. a rehearsal never reads like a real registration ------------------------------------


def test_every_page_of_a_sandbox_signup_says_it_is_a_rehearsal(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    seen: list[PageId] = []

    def check() -> None:
        page = wizard.currentPage()
        if page is None:  # closing
            return
        assert isinstance(page, Page)
        if PageId(wizard.currentId()) in seen:
            return
        seen.append(PageId(wizard.currentId()))
        assert page.mode_banner.isVisible(), wizard.currentId()
        text = page.mode_banner.text()
        assert "Répétition" in text and REAL_PORTAL_URL in text and "mode portail" in text

    wizard.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, check))
    check()
    # step 2's note above « Valider » speaks of a trial account, never of Chorus Pro's
    note = wizard.page_of(PageId.COMPLETE).commit_note.text()  # type: ignore[attr-defined]
    assert "compte d'essai" in note and "Rien n'est créé sur Chorus Pro" in note
    assert "définitive" not in note
    run_signup(qtbot, wizard)
    qtbot.waitUntil(lambda: PageId.DONE in seen)
    assert seen == [
        PageId.IDENTIFY,
        PageId.COMPLETE,
        PageId.WORKSPACES,
        PageId.ACTIVATE,
        PageId.DONE,
    ]
    done = wizard.currentPage()
    assert isinstance(done, DonePage)
    assert done.title() == "Répétition terminée"
    shown = done.message.text() + done.summary.text()
    assert "désormais actif" not in shown and "Connectez-vous à Chorus Pro" not in shown
    assert "n'êtes pas inscrit sur Chorus Pro" in shown
    assert REAL_PORTAL_URL in done.summary.text() and "--backend production" in shown
    # the recap, as text and as the PDF's HTML
    recap = wizard.desk.recap()
    text, html = recap_text(recap), recap_html(recap)
    assert text.splitlines()[1].startswith("RÉPÉTITION") and REAL_PORTAL_URL in text
    assert "RÉPÉTITION" in html.split("<h3>")[0]  # before the first section
    assert "Compte activé" not in text and "pas sur Chorus Pro" in text


def test_a_real_server_s_recap_has_no_rehearsal_line() -> None:
    draft = SignupDraft(activated=True)
    recap = build_recap(draft, profile_label="Production", now=datetime(2026, 3, 2, 13, 0))
    assert recap.warning == ""
    assert "RÉPÉTITION" not in recap_text(recap)
    assert "Compte activé" in recap_text(recap)


# -- 8. the activation mail is easy to use ----------------------------------------------------


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_the_mail_viewer_uses_the_code_in_one_click(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    link = "http://127.0.0.1:8123/sandbox/activer?code=Abc-123_xyz"
    text = (
        "RÉPÉTITION : https://portail.chorus-pro.gouv.fr/\n\nBonjour,\n\n"
        f"{link}\n\n{wizard_link('Abc-123_xyz')}\n\nAbc-123_xyz\n"
    )
    service.mails = [ReceivedMail("Activez votre compte Chorus Pro", "Chorus Pro", text, "")]
    page = reach_activation(qtbot, wizard)
    page.code.clear()
    page.show_mail.click()
    qtbot.waitUntil(lambda: page.mail_viewer is not None and page.mail_viewer.isVisible())
    viewer = page.mail_viewer
    assert viewer is not None
    # the activation links are links; the portal's address is not an activation link
    html = viewer.text.toHtml()
    assert html.count("<a href=") == 2 and 'portail.chorus-pro.gouv.fr/"' not in html
    assert viewer.use_code.isVisible()
    viewer.use_code.click()
    assert page.code.text() == link and not viewer.isVisible()
    assert activation_code(page.code.text()) == "Abc-123_xyz"
    # a click on the wizard's own link in the mail does the same
    page.code.clear()
    page.show_mail.click()
    qtbot.waitUntil(lambda: page.mail_viewer is not viewer and page.mail_viewer is not None)
    second = page.mail_viewer
    assert second is not None
    second.text.anchorClicked.emit(QUrl(wizard_link("Abc-123_xyz")))
    assert activation_code(page.code.text()) == "Abc-123_xyz"


def test_a_mail_without_a_code_has_no_use_code_button(qtbot: QtBot) -> None:
    viewer = MailViewer(ReceivedMail("Rattachement", "Chorus Pro", "Bonjour.", ""))
    qtbot.addWidget(viewer)
    assert viewer.use_code.isHidden()


def test_the_activation_mail_carries_a_link_that_survives_a_restart() -> None:
    message = activation_message(
        to_email="marie@exemple.fr",
        first_name="Marie",
        last_name="Durand",
        link="http://127.0.0.1:40123/sandbox/activer?code=Abc",
        code="Abc",
        valid_minutes=60,
        now=datetime(2026, 3, 2, 13, 0, tzinfo=UTC),
    )
    body = message.get_body(("plain",))
    assert isinstance(body, EmailMessage)
    links = activation_links(str(body.get_content()))
    # besides the sandbox's port-bound link, the wizard's own scheme, which any start opens
    stable = [x for x in links if x.startswith("chorus-wizard://")]
    assert stable and parse_activation_link(stable[0]) == "Abc"


# -- 3. never stuck after « Recommencer » -----------------------------------------------------


def stopped_on_step_4(qtbot: QtBot, tmp_path: Path) -> None:
    first = fake_wizard(qtbot, FakeService(), data_dir=tmp_path)
    first.show()
    reach_activation(qtbot, first)
    draft_keeper(first).flush()
    first.shutdown()
    first.context.runner.wait_for_done(5000)


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_recommencer_asks_first_when_an_account_exists(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    stopped_on_step_4(qtbot, tmp_path)
    second = fake_wizard(qtbot, FakeService(), data_dir=tmp_path)
    second.show()
    identify = identify_page(second)
    qtbot.waitUntil(identify.resume_box.isVisible)
    identify.resume_box.restart_button.click()
    box = second.message_box
    assert box is not None and "déjà été créé" in box.text() and EMAIL in box.text()
    assert (tmp_path / "draft.json").exists()  # nothing discarded before the answer
    keep = box.defaultButton()
    assert keep is not None and keep.text() == "Reprendre l'inscription"
    keep.click()
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    second.shutdown()
    second.context.runner.wait_for_done(5000)


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_recommencer_quand_meme_discards_the_draft(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    stopped_on_step_4(qtbot, tmp_path)
    second = fake_wizard(qtbot, FakeService(), data_dir=tmp_path)
    second.show()
    identify = identify_page(second)
    qtbot.waitUntil(identify.resume_box.isVisible)
    identify.resume_box.restart_button.click()
    box = second.message_box
    assert box is not None
    drop = next(b for b in box.buttons() if b.text() == "Recommencer quand même")
    drop.click()
    assert not identify.resume_box.isVisible()
    assert not (tmp_path / "draft.json").exists()
    second.shutdown()
    second.context.runner.wait_for_done(5000)


# -- 9. what the recap says was opened was shown ---------------------------------------------


def test_the_manager_workspace_is_announced_on_step_3_and_explained_in_the_recap(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    run_signup(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
    spaces = wizard.page_of(PageId.WORKSPACES)
    shown = " ".join(label.text() for label in spaces.findChildren(QLabel))
    assert "Activités du gestionnaire" in shown
    wizard.context.draft.workspaces = ["FACTURES_EMISES", "ACTIVITES_GESTIONNAIRE"]
    text = recap_text(wizard.desk.recap())
    assert "Activités du gestionnaire (ouvert d'office au gestionnaire principal)" in text


def test_j_ai_deja_commence_resends_the_mail_and_carries_on_at_step_4(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    page = identify_page(wizard)
    assert page.started_before.isVisible()
    page.started_before.click()  # no address yet: said under the field, nothing sent
    assert page.email_hint.text() and "resend_activation" not in service.calls
    page.email.setText(EMAIL)
    page.started_before.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    assert service.calls.count("resend_activation") == 1
    activate = wizard.currentPage()
    assert isinstance(activate, ActivatePage)
    assert EMAIL in activate.banner.text() and "nouveau courriel" in activate.banner.text()
    assert EMAIL in activate.intro.text()
    qtbot.waitUntil(lambda: activate.question.count() > 0)
    activate.code.setText("CODE-1234")
    activate.password.password.setText("Girafe-Bleue-2026")
    activate.password.confirmation.setText("Girafe-Bleue-2026")
    activate.answer.setText("Rex")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
    assert service.activations[0][:2] == (EMAIL, "CODE-1234")


# -- 12. smaller things ------------------------------------------------------------------------


def test_in_no_siret_mode_the_intro_no_longer_asks_for_a_siret(wizard: SignupWizard) -> None:
    page = identify_page(wizard)
    assert "SIRET" in page.intro.text()
    page.no_siret.setChecked(True)
    assert "SIRET" not in page.intro.text() and "identifiant" in page.intro.text()
    page.no_siret.setChecked(False)
    assert "SIRET" in page.intro.text()


# -- 6. portal mode offline is no dead end ---------------------------------------------------


def test_portal_mode_offline_goes_on_by_hand_saying_what_was_not_checked(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_translators(qapp, "fr")
    service = FakeService(_profile=PRODUCTION)
    wizard = fake_wizard(qtbot, service, open_url=lambda _url: True)
    wizard.show()
    page = identify_page(wizard)
    assert not page.started_before.isVisible()  # the portal has its own way
    page.email.setText(EMAIL)
    page.identifier.setText(SIRET)
    service.fail["lookup"] = NetworkError("Adresse du serveur introuvable.")
    wizard.next()
    qtbot.waitUntil(lambda: not page.is_busy)
    assert wizard.currentId() == PageId.IDENTIFY
    assert page.retry.isVisible() and page.offline.isVisible()
    page.offline.click()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.currentPage()
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    assert "rien pu vérifier" in complete.banner.text()
    assert complete.fields["raison_sociale"].text() == ""
    assert service.calls.count("lookup") == 1
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)


def test_the_sandbox_offers_no_way_around_a_failed_lookup(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    page = identify_page(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText(SIRET)
    service.fail["lookup"] = NetworkError("Adresse du serveur introuvable.")
    wizard.next()
    qtbot.waitUntil(lambda: not page.is_busy)
    assert not page.offline.isVisible()


def test_a_country_missing_from_the_list_shows_its_name_not_its_code(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    choose(identify_page(wizard), IdentifierType.HORS_UE, "CHNESTLE SA")
    complete = go_to_step_2(qtbot, wizard, EMAIL, "CHNESTLE SA")
    assert complete.country.currentData() == "CH"
    assert complete.country.currentText() == "Suisse"


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a dialog
def test_saving_the_recap_from_its_dialog_says_where_it_went_in_the_dialog(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path
) -> None:
    target = tmp_path / "recap.pdf"
    wizard.desk.choose_path = lambda *_: target
    dialog = wizard.desk.show_recap()
    dialog.save_button.click()
    assert target.exists()
    assert dialog.status.isVisibleTo(dialog) and str(target) in dialog.status.text()
    dialog.close()


def test_a_company_that_ceased_trading_is_not_sent_to_its_head_office(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    ceased = CompanyRecord(
        siret=RESTOS.siret,
        raison_sociale="ANCIENNE SARL",
        active=False,
        ceased=True,
        closed_reason="L'entreprise a cessé son activité selon l'INSEE.",
    )
    service.companies[ceased.siret] = ceased
    page = identify_page(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText(ceased.siret)
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    assert "cessé son activité" in page.banner.text()
    assert "siège" not in page.banner.text()
    assert wizard.currentId() == PageId.IDENTIFY
