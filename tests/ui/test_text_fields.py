"""The text rule as the person types: the field says why, and Suivant stays disabled; and
« Voir le courriel reçu » asks the service for the mail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.backend.models import ExistingStructure, ReceivedMail
from chorus_wizard.ui.pages.attach import AttachPage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import reach_activation
from tests.ui.test_pages import EMAIL, fill_person, go_to_complete, identify


def test_a_line_break_in_a_name_keeps_suivant_disabled(qtbot: QtBot, wizard: SignupWizard) -> None:
    complete = go_to_complete(qtbot, wizard)
    fill_person(complete)
    assert complete.isComplete()
    complete.nom.setText("Curie\r\nBcc: x@y")
    assert not complete.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    hint = complete.text_hints[complete.nom][1]
    assert hint.isVisibleTo(complete)
    assert hint.text() == "Ce champ ne peut pas contenir de retour à la ligne."
    assert complete.nom.accessibleDescription() == hint.text()
    complete.nom.setText("Curie")
    assert complete.isComplete()
    assert not hint.isVisibleTo(complete)


def test_a_control_character_in_the_structure_is_named(qtbot: QtBot, wizard: SignupWizard) -> None:
    complete = go_to_complete(qtbot, wizard)
    fill_person(complete)
    complete.fields["ville"].setText("PARIS\x00")
    assert not complete.isComplete()
    hint = complete.text_hints[complete.fields["ville"]][1]
    assert "caractère invisible" in hint.text()
    complete.fields["ville"].setText("PARIS")
    complete.fields["code_postal"].setText("7500")  # the postcode rule keeps its own reason
    assert "5 chiffres" in complete.postal_hint.text()
    assert not complete.isComplete()


def test_the_pages_limits_are_the_contracts(qtbot: QtBot, wizard: SignupWizard) -> None:
    complete = go_to_complete(qtbot, wizard)
    assert complete.nom.maxLength() == 60
    assert complete.fields["raison_sociale"].maxLength() == 100
    assert complete.fields["code_postal"].maxLength() == 10
    assert identify(wizard).email.maxLength() == 254


def test_step_1_refuses_a_line_break_at_once(wizard: SignupWizard) -> None:
    page = identify(wizard)
    page.identifier.setText("13002526500013")
    page.email.setText(EMAIL + "\n")
    assert not page.isComplete()
    assert page.email_hint.text() == "Ce champ ne peut pas contenir de retour à la ligne."
    page.email.setText(EMAIL)
    page.identifier.setText("130025265\x0000013")
    assert not page.isComplete()
    assert "caractère invisible" in page.identifier_hint.text()


def test_the_attachment_names_refuse_control_characters(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.existing["13002526500013"] = ExistingStructure(5, "13002526500013", "SIRET", "DINUM")
    page = identify(wizard)
    page.email.setText(EMAIL)
    page.identifier.setText("13002526500013")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ATTACH)
    attach = wizard.currentPage()
    assert isinstance(attach, AttachPage)
    attach.nom.setText("Durand")
    attach.prenom.setText("Marie\nBcc: x@y")
    assert not attach.send.isEnabled()
    assert attach.hints[attach.prenom].text() == (
        "Ce champ ne peut pas contenir de retour à la ligne."
    )
    attach.prenom.setText("Marie")
    assert attach.send.isEnabled()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # offscreen dialog
def test_show_mail_asks_the_service(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    activate = reach_activation(qtbot, wizard)
    assert activate.show_mail.isVisible()
    activate.show_mail.click()
    qtbot.waitUntil(lambda: activate.banner.tone is Tone.WARNING)
    assert activate.banner.text().endswith("Aucun courriel reçu pour cette adresse.")
    service.mails = [
        ReceivedMail("Activez votre compte Chorus Pro", "Chorus Pro", "Le plus récent", "hier"),
        ReceivedMail("Activez votre compte Chorus Pro", "Chorus Pro", "Le plus ancien", "avant"),
    ]
    qtbot.mouseClick(activate.show_mail, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: activate.mail_viewer is not None and activate.mail_viewer.isVisible())
    viewer = activate.mail_viewer
    assert viewer is not None
    assert viewer.text.toPlainText() == "Le plus récent"
    assert "Activez votre compte Chorus Pro" in viewer.header.text()
    assert service.calls.count("received_mails") == 2
    viewer.close()
