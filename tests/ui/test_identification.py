"""Identification and prefill states a real user meets: unknown, closed, masked, changed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from chorus_wizard.backend.models import CompanyRecord
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import DINUM, FakeService

EMAIL = "marie.durand@exemple.fr"
MASKED = CompanyRecord(
    siret="30002576400048",
    ville="RENNES",
    masked=frozenset({"raison_sociale", "adresse", "code_postal"}),
)
CLOSED = CompanyRecord(
    siret="88087814500015",
    raison_sociale="GANYMEDE",
    adresse="128 RUE LA BOETIE",
    code_postal="75008",
    ville="PARIS",
    active=False,
    closed_reason="Cet établissement est fermé selon l'INSEE.",
)
RESTOS = CompanyRecord(
    siret="40046135600133",
    raison_sociale="LES RESTAURANTS DU COEUR",
    adresse="10 SQUARE DUMONT D'URVILLE",
    code_postal="49000",
    ville="ANGERS",
)


def submit(qtbot: QtBot, wizard: SignupWizard, siret: str) -> IdentifyPage:
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    page.email.setText(EMAIL)
    page.identifier.setText(siret)
    wizard.next()
    qtbot.waitUntil(lambda: not page.is_busy)
    return page


def complete_page(qtbot: QtBot, wizard: SignupWizard) -> CompletePage:
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    page = wizard.currentPage()
    assert isinstance(page, CompletePage)
    qtbot.waitUntil(lambda: not page.is_busy)
    return page


def test_unknown_siret_offers_the_registration_in_progress_path(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    page = submit(qtbot, wizard, "73282932000074")
    assert wizard.currentId() == PageId.IDENTIFY
    assert "inconnu de l'INSEE" in page.banner.text()
    assert page.pending.isVisible()
    page.pending.click()
    assert page.no_siret.isChecked()
    assert page.kind.currentData() == "AUTRE"
    assert page.identifier.text() == ""
    assert page.identifier.accessibleName() == "Identifiant provisoire"
    page.identifier.setText("BOULANGERIE DURAND")
    assert page.isComplete()
    wizard.next()
    complete = complete_page(qtbot, wizard)
    assert complete.fields["raison_sociale"].text() == "BOULANGERIE DURAND"  # the provisional name
    assert complete.fields["adresse"].text() == ""  # nothing else to prefill


def test_closed_establishment_is_refused_with_what_to_do(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.companies[CLOSED.siret] = CLOSED
    page = submit(qtbot, wizard, CLOSED.siret)
    assert wizard.currentId() == PageId.IDENTIFY
    assert page.banner.tone is Tone.ERROR
    assert "fermé" in page.banner.text()
    assert "établissement ouvert" in page.banner.text()


def test_masked_fields_are_empty_and_named(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.companies[MASKED.siret] = MASKED
    submit(qtbot, wizard, MASKED.siret)
    page = complete_page(qtbot, wizard)
    assert page.fields["raison_sociale"].text() == ""
    assert page.fields["ville"].text() == "RENNES"
    note = page.masked_note.text()
    assert page.masked_note.isVisibleTo(page)
    assert "Raison sociale" in note and "Adresse" in note and "Code postal" in note


def test_new_identifier_replaces_the_prefill_and_says_which_fields(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.companies[RESTOS.siret] = RESTOS
    submit(qtbot, wizard, DINUM.siret)
    page = complete_page(qtbot, wizard)
    page.fields["complement1"].setText("Bâtiment B")
    wizard.back()
    identify = wizard.currentPage()
    assert isinstance(identify, IdentifyPage)
    identify.identifier.setText(RESTOS.siret)
    wizard.next()
    page = complete_page(qtbot, wizard)
    assert page.fields["raison_sociale"].text() == "LES RESTAURANTS DU COEUR"
    assert page.fields["complement1"].text() == ""
    message = page.banner.text()
    assert "Raison sociale" in message and "Adresse" in message
    assert "Complément adresse 1" in message and "Ville" in message
    assert service.calls.count("lookup") == 2


def test_same_identifier_does_not_refetch(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    submit(qtbot, wizard, DINUM.siret)
    complete_page(qtbot, wizard)
    wizard.back()
    wizard.next()
    complete_page(qtbot, wizard)
    assert service.calls.count("lookup") == 1
