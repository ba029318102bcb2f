"""The four pages, driven through their widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.backend.errors import NetworkError
from chorus_wizard.backend.models import ExistingStructure
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService

EMAIL = "marie.durand@exemple.fr"


def identify(wizard: SignupWizard) -> IdentifyPage:
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    return page


def go_to_complete(
    qtbot: QtBot, wizard: SignupWizard, siret: str = "13002526500013"
) -> CompletePage:
    page = identify(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText(siret)
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)  # the country list has arrived
    return complete


def fill_person(page: CompletePage) -> None:
    page.email_again.setText(EMAIL)
    page.nom.setText("Durand")
    page.prenom.setText("Marie")


def test_qt_buttons_are_in_french(wizard: SignupWizard) -> None:
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Annuler"
    assert "Suivant" in wizard.buttonText(QWizard.WizardButton.NextButton)


def test_siret_reason_waits_for_the_end_of_typing(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = identify(wizard)
    qtbot.keyClicks(page.identifier, "1300252650")
    assert not page.identifier_hint.isVisible()
    assert not page.isComplete()
    page.identifier.editingFinished.emit()
    assert page.identifier_hint.isVisible()
    assert "14 chiffres attendus, 10 saisis" in page.identifier_hint.text()
    assert page.identifier.accessibleDescription() == page.identifier_hint.text()
    qtbot.keyClicks(page.identifier, "0014")
    assert "Clé de contrôle incorrecte" in page.identifier_hint.text()


def test_siret_is_grouped_once_typed(wizard: SignupWizard) -> None:
    page = identify(wizard)
    page.identifier.setText("  13002526500013 ")
    page.identifier.editingFinished.emit()
    assert page.identifier.text() == "130 025 265 00013"
    assert page.identifier_value() == "13002526500013"


def test_email_reason(wizard: SignupWizard) -> None:
    page = identify(wizard)
    page.email.setText("marie.durand.exemple.fr")
    page.email.editingFinished.emit()
    assert "@" in page.email_hint.text()


def test_no_siret_reveals_identifier_type(wizard: SignupWizard) -> None:
    page = identify(wizard)
    assert page.kind.isHidden()
    page.no_siret.setChecked(True)
    assert not page.kind.isHidden()
    page.kind.setCurrentIndex(page.kind.findData("TAHITI"))
    assert page.identifier.accessibleName() == "Numéro TAHITI"
    page.email.setText(EMAIL)
    page.identifier.setText("G33972001")
    assert page.isComplete()


def test_unknown_siret_is_explained(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = identify(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText("73282932000074")
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    assert "inconnu de l'INSEE" in page.banner.text()
    assert "En cours d'immatriculation" in page.banner.text()
    assert wizard.currentId() == PageId.IDENTIFY


def test_network_error_keeps_values(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.fail["lookup"] = NetworkError("Impossible de joindre le bac à sable.")
    page = identify(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText("13002526500013")
    wizard.next()
    qtbot.waitUntil(lambda: page.banner.tone is Tone.ERROR)
    assert "Impossible de joindre" in page.banner.text()
    assert page.email.text() == EMAIL and page.identifier.text() == "13002526500013"
    wizard.next()  # the retry goes through
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)


def test_existing_structure_leads_to_attachment(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.existing["13002526500013"] = ExistingStructure(5, "13002526500013", "SIRET", "DINUM")
    page = identify(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText("13002526500013")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ATTACH)
    attach = wizard.currentPage()
    assert "DINUM" in attach.explanation.text()  # type: ignore[attr-defined]
    attach.nom.setText("Durand")  # type: ignore[attr-defined]
    attach.prenom.setText("Marie")  # type: ignore[attr-defined]
    assert not attach.isComplete()
    qtbot.mouseClick(attach.send, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(attach.isComplete)
    assert "transmise" in attach.banner.text()  # type: ignore[attr-defined]
    assert "request_attachment" in service.calls


def test_prefill_and_back_next_keeps_edits(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = go_to_complete(qtbot, wizard)
    assert page.fields["raison_sociale"].text() == "DIRECTION INTERMINISTERIELLE DU NUMERIQUE"
    assert page.fields["adresse"].text() == "20 AVENUE DE SEGUR"
    assert page.fields["code_postal"].text() == "75007"
    assert page.fields["ville"].text() == "PARIS"
    qtbot.waitUntil(lambda: page.country.count() == 3)
    assert page.country.currentData() == "FR"
    page.fields["adresse"].setText("20 AVENUE DE SÉGUR")
    wizard.back()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    assert page.fields["adresse"].text() == "20 AVENUE DE SÉGUR"


def test_complete_requires_matching_email_and_mandatory_fields(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    page = go_to_complete(qtbot, wizard)
    fill_person(page)
    assert page.isComplete()
    page.email_again.setText("marie.dupond@exemple.fr")
    assert not page.isComplete()
    assert "pas identiques" in page.email_hint.text()
    page.email_again.setText(EMAIL)
    page.fields["ville"].clear()
    assert not page.isComplete()
    page.fields["ville"].setText("PARIS")
    page.fields["code_postal"].setText("7500")
    assert not page.isComplete()
    assert "5 chiffres" in page.postal_hint.text()
    assert page.payments.isChecked() and not page.dume.isChecked()
    assert page.isCommitPage()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Valider"


def test_workspaces_switches(qtbot: QtBot, wizard: SignupWizard, service: FakeService) -> None:
    page = go_to_complete(qtbot, wizard)
    fill_person(page)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    spaces = wizard.currentPage()
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: len(spaces.switches) == 3)
    assert spaces.chosen() == ["FACTURES_EMISES", "SOLLICITATIONS_EMISES"]
    switch = spaces.switches["FACTURES_RECUES"]
    assert isinstance(switch, QCheckBox)  # seen as a check box by assistive technology
    assert switch.accessibleName() == "Factures reçues"
    switch.setFocus()
    qtbot.keyClick(switch, Qt.Key.Key_Space)
    assert switch.isChecked()
    assert switch.accessibleDescription() == "Recevoir des factures"  # the state is checked
    assert service.created[0].raison_sociale.startswith("DIRECTION")


def test_activation_rules_tick_live(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = go_to_complete(qtbot, wizard)
    fill_person(page)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    qtbot.waitUntil(wizard.currentPage().isComplete)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    activate = wizard.currentPage()
    assert isinstance(activate, ActivatePage)
    qtbot.waitUntil(lambda: activate.question.count() == 1)
    pw = activate.password
    pw.password.setText("court")
    assert not pw.is_acceptable()
    labels = {k: lab.text() for k, lab in pw._rule_labels.items()}
    assert labels["length"].startswith("✘")
    pw.password.setText("Tournesol-Vert-42")
    assert pw._rule_labels["length"].text().startswith("✔")
    pw.confirmation.setText("Tournesol-Vert-43")
    assert "ne correspond pas" in pw.mismatch.text()
    pw.confirmation.setText("Tournesol-Vert-42")
    assert pw.is_acceptable()
    pw.show_button.click()
    assert pw.password.echoMode() == QLineEdit.EchoMode.Normal
    activate.code.setText("http://127.0.0.1:1/sandbox/activer?code=ABC")
    activate.answer.setText("Médor")
    assert activate.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
    # a sandbox signup ends as a rehearsal, never « actif » on Chorus Pro
    assert "répétition est réussie" in wizard.currentPage().message.text()  # type: ignore[attr-defined]
    assert pw.password.text() == ""


def test_every_input_has_its_accessible_name(qtbot: QtBot, wizard: SignupWizard) -> None:
    expected = {
        "Adresse électronique de connexion",
        "Numéro de SIRET",
        "Je n'ai pas de numéro de SIRET",
        "Ressaisissez votre adresse électronique de connexion",
        "Nom",
        "Prénom",
        "Raison sociale",
        "Libellé de la structure",
        "Adresse",
        "Complément adresse 1",
        "Complément adresse 2",
        "Code postal",
        "Ville",
        "Pays",
        "Déposer des demandes de paiement",
        "Créer et/ou consulter des DUME",
        "Lien ou code d'activation",
        "Mot de passe",
        "Confirmation du mot de passe",
        "Question secrète",
        "Réponse",
    }
    names = set()
    for page_id in (PageId.IDENTIFY, PageId.COMPLETE, PageId.ACTIVATE):
        page = wizard.page_of(page_id)
        for kind in (QLineEdit, QCheckBox, QComboBox):
            for widget in page.findChildren(kind):
                if widget.isVisibleTo(page) or page_id != PageId.IDENTIFY:
                    names.add(widget.accessibleName())
    assert expected <= names


def test_workspaces_warns_while_both_defaults_are_off(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = go_to_complete(qtbot, wizard)
    fill_person(page)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    spaces = wizard.currentPage()
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: len(spaces.switches) == 3)
    warning = spaces.defaults_off
    assert not warning.isVisibleTo(spaces)
    spaces.switches["FACTURES_EMISES"].setChecked(False)
    assert not warning.isVisibleTo(spaces)  # one of the two is still open
    spaces.switches["SOLLICITATIONS_EMISES"].setChecked(False)
    assert warning.isVisibleTo(spaces)
    assert "«\u00a0Factures émises\u00a0»" in warning.text()
    assert "déposer ses factures" in warning.text()
    spaces.switches["SOLLICITATIONS_EMISES"].setChecked(True)
    assert not warning.isVisibleTo(spaces)
