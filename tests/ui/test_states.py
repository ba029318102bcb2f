"""Pages right in the states they reach after something happened: another structure, a
resume, the no-SIRET way out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.backend.models import CompanyRecord, ExistingStructure
from chorus_wizard.contracts.record import Signup
from chorus_wizard.drafts import DraftStore
from chorus_wizard.recap import Recap
from chorus_wizard.ui.drafts import describe_saved
from chorus_wizard.ui.pages.attach import AttachPage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import DINUM, FakeService
from tests.ui.flows import EMAIL, draft_keeper, fake_wizard, reach_activation

DANONE = "55203253400703"
LA_POSTE = "35600000000048"


def registered_service() -> FakeService:
    service = FakeService()
    service.existing[DANONE] = ExistingStructure(26, DANONE, "SIRET", "DANONE")
    service.existing[LA_POSTE] = ExistingStructure(27, LA_POSTE, "SIRET", "LA POSTE")
    return service


def identify_with(qtbot: QtBot, wizard: SignupWizard, identifier: str, target: PageId) -> None:
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.email.setText(EMAIL)
    identify.identifier.setText(identifier)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == target)


def test_the_attachment_page_starts_fresh_for_another_structure(
    qtbot: QtBot, qapp: QApplication
) -> None:
    service = registered_service()
    wizard = fake_wizard(qtbot, service)
    wizard.show()
    identify_with(qtbot, wizard, DANONE, PageId.ATTACH)
    attach = wizard.currentPage()
    assert isinstance(attach, AttachPage)
    attach.nom.setText("Durand")
    attach.prenom.setText("Marie")
    attach.send.click()
    qtbot.waitUntil(attach.isComplete)
    assert "transmise" in attach.banner.text()
    assert not attach.send.isEnabled()

    wizard.back()
    identify_with(qtbot, wizard, LA_POSTE, PageId.ATTACH)
    assert "LA POSTE" in attach.explanation.text()
    assert attach.banner.text() == ""  # no « ✔ … transmise » of Danone's request
    assert not attach.isComplete()
    assert not attach.nom.isReadOnly() and attach.nom.text() == "Durand"  # same person
    assert attach.send.isEnabled()
    attach.send.click()
    qtbot.waitUntil(attach.isComplete)
    assert service.calls.count("request_attachment") == 2


def resumed_on_step_4(qtbot: QtBot, data_dir: Path) -> tuple[SignupWizard, Recap]:
    """A signup closed on step 4, then resumed in a new window; and its recap before."""
    first = fake_wizard(qtbot, FakeService(), data_dir=data_dir)
    first.show()
    keeper = draft_keeper(first)
    reach_activation(qtbot, first)
    before = first.desk.recap()
    keeper.flush()
    first.shutdown()  # as when the window closes (step 4's secrets are not kept)

    second = fake_wizard(qtbot, FakeService(), data_dir=data_dir)  # chose nothing yet
    second.show()
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    return second, before


def test_the_recap_after_a_resume_is_as_complete_as_before(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    second, before = resumed_on_step_4(qtbot, tmp_path)
    after = second.desk.recap()
    rows = {label: value for section in after.sections for label, value in section.rows}
    assert (rows["Nom"], rows["Prénom"]) == ("Durand", "Marie")
    assert rows["Raison sociale"] == DINUM.raison_sociale
    assert rows["Adresse"] == DINUM.adresse and rows["Ville"] == DINUM.ville
    spaces = next(s for s in after.sections if s.title == "Espaces de travail ouverts")
    assert spaces.items == ("Factures émises", "Sollicitations émises")
    assert after.sections == before.sections


def test_the_resume_offer_names_the_structure_and_the_step(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(3, Signup(email=EMAIL, identifier=DINUM.siret, raison_sociale="DINUM"), {})
    saved = store.load()
    assert saved is not None
    text = describe_saved(saved)
    # the time is the last save's: when the signup was left, not when it began
    assert text.startswith("Reprendre l'inscription de DINUM, laissée le ")
    assert text.endswith(" à l'étape\u00a03 (Espaces de travail)\u00a0?")
    store.save(0, Signup(email=EMAIL, identifier=DINUM.siret), {})
    saved = store.load()
    assert saved is not None
    assert "de SIRET 130 025 265 00013, " in describe_saved(saved)
    assert "à l'étape\u00a01 (Identifiez-vous)" in describe_saved(saved)


def test_the_provisional_name_is_the_raison_sociale_and_emptied_fields_are_said(
    qtbot: QtBot, qapp: QApplication
) -> None:
    wizard = fake_wizard(qtbot, FakeService())
    wizard.show()
    identify_with(qtbot, wizard, DINUM.siret, PageId.COMPLETE)
    complete = wizard.currentPage()
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    wizard.back()
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify._on_pending_clicked()  # « Mon entreprise est en cours d'immatriculation »
    identify.identifier.setText("Boulangerie Durand")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    assert complete.fields["raison_sociale"].text() == "Boulangerie Durand"
    assert complete.fields["adresse"].text() == ""
    notice = complete.banner.text()
    assert "vidés" in notice and "Adresse" in notice
    assert "remplacés par les données de la nouvelle structure\u00a0: Raison sociale" in notice
    assert "Adresse, " not in notice.split("vidés")[0]  # an emptied field is not « replaced »


def test_names_typed_on_the_attachment_page_reach_step_2(qtbot: QtBot, qapp: QApplication) -> None:
    service = registered_service()
    service.companies[DANONE] = CompanyRecord(
        siret=DANONE,
        raison_sociale="DANONE",
        adresse="59 RUE LA FAYETTE",
        code_postal="75009",
        ville="PARIS",
    )
    wizard = fake_wizard(qtbot, service)
    wizard.show()
    identify_with(qtbot, wizard, DANONE, PageId.ATTACH)
    attach = wizard.currentPage()
    assert isinstance(attach, AttachPage)
    attach.nom.setText("Durand")
    attach.prenom.setText("Marie")
    wizard.back()
    identify_with(qtbot, wizard, DINUM.siret, PageId.COMPLETE)
    complete = wizard.currentPage()
    assert isinstance(complete, CompletePage)
    assert (complete.nom.text(), complete.prenom.text()) == ("Durand", "Marie")


def test_a_resumed_step_2_has_no_stale_e_mail_mismatch(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    second, _ = resumed_on_step_4(qtbot, tmp_path)
    complete = second.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    assert complete.email_again.text().lower() == EMAIL.lower()
    assert complete.email_hint.text() == ""  # both addresses match
    second.back()
    second.back()
    assert second.currentId() == PageId.COMPLETE
    assert complete.email_hint.text() == ""
    second.shutdown()
