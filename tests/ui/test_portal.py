"""Portal mode: steps 2 to 4 hand over to the portal, honestly; nothing is claimed created."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, install_translators
from chorus_wizard.backend import connection, http, local_sandbox
from chorus_wizard.backend import service as service_module
from chorus_wizard.backend.errors import NotSupported
from chorus_wizard.backend.models import ExistingStructure, StructureDetails
from chorus_wizard.backend.profiles import PRODUCTION
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.drafts import DraftStore
from chorus_wizard.ui.drafts import DraftKeeper
from chorus_wizard.ui.pages import today
from chorus_wizard.ui.pages.attach import AttachPage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.pages.portal_activate import PortalActivatePage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.widgets.password import PasswordInput
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import DINUM, FakeService
from tests.ui.flows import fake_wizard
from tests.ui.test_drafts import new_wizard
from tests.ui.test_pages import EMAIL, fill_person, go_to_complete

DANONE = "55203253400703"


class Opener:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        return True


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def portal(qtbot: QtBot, qapp: QApplication, opener: Opener) -> Iterator[SignupWizard]:
    install_translators(qapp, "fr")
    service = FakeService(_profile=PRODUCTION)
    wizard = fake_wizard(qtbot, service, open_url=opener)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)


def fake(wizard: SignupWizard) -> FakeService:
    service = wizard.context.service
    assert isinstance(service, FakeService)
    return service


def visible_texts(wizard: SignupWizard) -> str:
    page = wizard.currentPage()
    texts = [page.title(), page.subTitle()]
    texts += [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    return "\n".join(texts)


def assert_honest(wizard: SignupWizard) -> None:
    page = wizard.currentPage()
    assert page.mode_banner.isVisible()  # type: ignore[attr-defined]
    assert "Mode portail\u00a0: la création se fait sur portail.chorus-pro.gouv.fr" in (
        page.mode_banner.text()  # type: ignore[attr-defined]
    )
    text = visible_texts(wizard).lower()
    for claim in ("a été créé", "compte créé", "sont créés", "désormais actif", "a été envoyé"):
        assert claim not in text, claim


def test_the_whole_hand_off(qtbot: QtBot, portal: SignupWizard, opener: Opener) -> None:
    service = fake(portal)
    assert_honest(portal)
    complete = go_to_complete(qtbot, portal)
    assert_honest(portal)
    assert not complete.isCommitPage()
    fill_person(complete)
    handoff = complete.handoff
    assert handoff is not None
    assert not complete.isComplete()  # until the user says it is done on the portal
    # Today's portal: the account first (what to have at hand, then the account's values
    # in the portal's order); the structure comes after the first login (step 4).
    assert "application d'authentification" in handoff.intro.text()
    assert "SIRET" in handoff.intro.text()
    assert list(handoff.value_fields) == [
        "Adresse électronique de connexion",
        "Nom",
        "Prénom",
        "Adresse électronique de contact",
    ]  # no téléphone typed: its row is left out
    assert handoff.value("Adresse électronique de contact") == EMAIL
    assert "Raison sociale" not in handoff.value_fields
    complete.fields["telephone"].setText("01 23 45 67 89")
    assert handoff.value("Téléphone") == "01 23 45 67 89"  # the values follow the typing
    complete.fields["ville"].setText("PARIS 7E")

    handoff.copy_buttons["Nom"].click()
    assert QGuiApplication.clipboard().text() == complete.fields["nom"].text()
    assert "copié" in handoff.copy_status.text()
    handoff.open_button.click()
    assert opener.urls == ["https://portail.chorus-pro.gouv.fr/"]

    handoff.confirm.setChecked(True)
    assert complete.isComplete()
    portal.next()
    qtbot.waitUntil(lambda: portal.currentId() == PageId.WORKSPACES)
    assert "create_account" not in service.calls

    spaces = portal.currentPage()
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    assert_honest(portal)
    assert not spaces.isCommitPage()
    assert spaces.handoff is not None
    assert spaces.handoff.value("Espaces à ouvrir") == "Factures émises, Sollicitations émises"
    spaces.switches["FACTURES_RECUES"].setChecked(True)
    assert "Factures reçues" in spaces.handoff.value("Espaces à ouvrir")
    portal.next()
    qtbot.waitUntil(lambda: portal.currentId() == PageId.PORTAL_ACTIVATE)
    assert "choose_workspaces" not in service.calls

    activate = portal.currentPage()
    assert isinstance(activate, PortalActivatePage)
    assert_honest(portal)
    assert not activate.findChildren(PasswordInput)  # no password is chosen here
    assert activate.handoff.value("Espaces à ouvrir").endswith("Factures reçues")
    # The portal's order: password, second factor, structure, workspaces (the last confirms).
    titles = [label.text() for panel in activate.panels if (label := panel.findChild(QLabel))]
    assert [title.partition(".")[0][-1] for title in titles] == ["1", "2", "3", "4"]
    assert "mot de passe" in titles[0] and "double authentification" in titles[1]
    assert "structure" in titles[2] and "espaces" in titles[3]
    assert "application d&#x27;authentification" in activate.second_factor_panel.checklist.text()
    assert "plus de question secrète" in activate.password_panel.checklist.text()
    structure = activate.structure_panel
    assert list(structure.value_fields)[:3] == ["Type d'identifiant", "SIRET", "Raison sociale"]
    assert structure.value("Type d'identifiant") == "SIRET"
    assert structure.value("SIRET") == DINUM.siret
    assert structure.value("Ville") == "PARIS 7E"
    assert structure.value("Pays") == "France"
    assert not structure.open_button.isVisibleTo(activate)  # one « Ouvrir le portail » a page
    assert activate.password_panel.open_button.isVisibleTo(activate)
    assert not activate.portal_validity.isVisible()  # shown once the mail has arrived
    arrived = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
    activate.clock = lambda: arrived
    activate.mail_arrived.click()
    assert activate.portal_validity.isVisible()
    local = (arrived + timedelta(minutes=60)).astimezone()
    assert f"avant {local.hour}\u00a0h\u00a0{local.minute:02d}" in activate.portal_validity.text()
    assert "valable encore 60 minutes" in activate.portal_validity.text()
    activate.clock = lambda: arrived + timedelta(minutes=61)
    activate._refresh_validity()
    assert "expiré" in activate.portal_validity.text()
    assert not activate.isComplete()
    activate.handoff.confirm.setChecked(True)
    portal.next()
    qtbot.waitUntil(lambda: portal.currentId() == PageId.DONE)
    assert "activate" not in service.calls and "password_policy" not in service.calls

    done = portal.currentPage()
    assert isinstance(done, DonePage)
    qtbot.waitUntil(lambda: done.message.tone is not None)
    assert_honest(portal)
    assert done.message.tone is Tone.WARNING
    assert "pas encore visible" in done.message.text()
    assert done.verify.isVisible()
    assert not done.save_password.isVisible()
    service.existing[DINUM.siret] = ExistingStructure(9, DINUM.siret, "SIRET", "DINUM")
    done.verify.click()
    qtbot.waitUntil(lambda: done.message.tone is Tone.SUCCESS)
    assert "«\u00a0DINUM\u00a0» est bien inscrite sur Chorus Pro" in done.message.text()
    assert service.calls.count("verify_structure") == 2


def test_without_technical_account_the_final_step_says_it_cannot_check(
    qtbot: QtBot, portal: SignupWizard
) -> None:
    service = fake(portal)
    service.fail["verify_structure"] = NotSupported("Aucun compte technique.")
    done = portal.page_of(PageId.DONE)
    assert isinstance(done, DonePage)
    portal.context.draft.lookup = service.lookup(IdentifierType.SIRET, DINUM.siret)
    done.initializePage()
    qtbot.waitUntil(lambda: done.message.tone is Tone.INFO)
    assert "ne peut pas vérifier" in done.message.text()
    assert "Paramètres" in done.message.text()


def test_attachment_is_handed_over_with_chorus_pro_details(
    qtbot: QtBot, portal: SignupWizard, opener: Opener
) -> None:
    service = fake(portal)
    service.existing[DANONE] = ExistingStructure(26, DANONE, "SIRET", "DANONE")
    page = portal.page_of(PageId.IDENTIFY)
    page.email.setText(EMAIL)  # type: ignore[attr-defined]
    page.identifier.setText(DANONE)  # type: ignore[attr-defined]
    original = service.lookup

    def with_details(kind, identifier):  # type: ignore[no-untyped-def]
        from dataclasses import replace

        details = StructureDetails(
            26, DANONE, "SIRET", "DANONE", "DANONE", "59 RUE LA FAYETTE", "", "", "75009", "PARIS"
        )
        return replace(original(kind, identifier), details=details)

    service.lookup = with_details  # type: ignore[method-assign]
    portal.next()
    qtbot.waitUntil(lambda: portal.currentId() == PageId.ATTACH)
    attach = portal.currentPage()
    assert isinstance(attach, AttachPage)
    assert_honest(portal)
    assert attach.details.isVisible()
    assert "59 RUE LA FAYETTE<br>75009 PARIS" in attach.details.text()
    assert not attach.send.isVisible()
    assert attach.handoff is not None
    assert attach.handoff.value("Identifiant de la structure") == DANONE
    attach.nom.setText("Durand")
    assert attach.handoff.value("Nom") == "Durand"
    assert not attach.isComplete()
    attach.handoff.confirm.setChecked(True)
    assert attach.isComplete()
    assert "request_attachment" not in service.calls


def test_unchecked_existence_is_said_on_step_2(qtbot: QtBot, portal: SignupWizard) -> None:
    service = fake(portal)
    original = service.lookup

    def unchecked(kind, identifier):  # type: ignore[no-untyped-def]
        from dataclasses import replace

        return replace(original(kind, identifier), existence_checked=False)

    service.lookup = unchecked  # type: ignore[method-assign]
    complete = go_to_complete(qtbot, portal)
    assert isinstance(complete, CompletePage)
    assert "n'a pas pu vérifier si votre structure est déjà inscrite" in complete.banner.text()


def test_the_sandbox_mode_shows_no_portal_banner(wizard: SignupWizard) -> None:
    for page in wizard.pages.values():
        # the line says « Répétition », the sandbox's own (never « Mode portail »)
        assert page.mode_banner.accessibleName() == "Répétition"
        assert "Mode portail" not in page.mode_banner.text()


def test_production_is_built_without_contacting_anything(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    # every module that makes an HTTP client, each under the name it imported
    for module in (http, service_module, connection, local_sandbox, today):
        monkeypatch.setattr(module, "new_client", no_network)
    wizard = build_wizard(["--backend", "production", "--data-dir", str(tmp_path / "data")])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    try:
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.wait(50)
        assert "production" in wizard.windowTitle()
        assert wizard.context.portal_mode
        assert wizard.context.backend_option == "production"
        identify = wizard.currentPage()
        assert "portail.chorus-pro.gouv.fr" in identify.mode_banner.text()  # type: ignore[attr-defined]
    finally:
        wizard.shutdown()


def portal_wizard_with_drafts(
    qtbot: QtBot, opener: Opener, data_dir: Path
) -> tuple[SignupWizard, DraftKeeper]:
    return new_wizard(qtbot, FakeService(_profile=PRODUCTION), data_dir, open_url=opener)


def test_a_portal_signup_resumes_where_it_was_left(
    qtbot: QtBot, qapp: QApplication, opener: Opener, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    first, keeper = portal_wizard_with_drafts(qtbot, opener, tmp_path)
    complete = go_to_complete(qtbot, first)
    fill_person(complete)
    assert complete.handoff is not None
    complete.handoff.confirm.setChecked(True)  # created on the portal
    first.next()
    qtbot.waitUntil(lambda: first.currentId() == PageId.WORKSPACES)
    spaces = first.currentPage()
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    spaces.switches["FACTURES_RECUES"].setChecked(True)
    first.next()
    qtbot.waitUntil(lambda: first.currentId() == PageId.PORTAL_ACTIVATE)
    activate = first.currentPage()
    assert isinstance(activate, PortalActivatePage)
    arrived = datetime.now(UTC) - timedelta(minutes=10)
    activate.clock = lambda: arrived
    activate.mail_arrived.click()
    keeper.flush()
    first.close()
    first.shutdown()

    second, _ = portal_wizard_with_drafts(qtbot, opener, tmp_path)
    try:
        identify = second.page_of(PageId.IDENTIFY)
        identify.resume_box.resume_button.click()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: second.currentId() == PageId.PORTAL_ACTIVATE)
        resumed = second.currentPage()
        assert isinstance(resumed, PortalActivatePage)
        assert resumed.mail_arrived_at == arrived  # the 60 minutes still count from then
        assert resumed.portal_validity.isVisible()
        assert not resumed.handoff.confirm.isChecked()  # not activated yet: still to tick
        assert resumed.handoff.value("Espaces à ouvrir").endswith("Factures reçues")
        created = second.page_of(PageId.COMPLETE)
        assert isinstance(created, CompletePage) and created.handoff is not None
        assert created.handoff.confirm.isChecked()
        assert "create_account" not in fake(second).calls
    finally:
        second.shutdown()


def test_a_portal_signup_not_yet_created_there_resumes_on_step_2(
    qtbot: QtBot, qapp: QApplication, opener: Opener, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    DraftStore(tmp_path).save(
        PageId.ACTIVATE,
        Signup(email=EMAIL, identifier=DINUM.siret),
        {"portal_account_created": False},
    )
    wizard, _ = portal_wizard_with_drafts(qtbot, opener, tmp_path)
    try:
        wizard.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
        qtbot.wait(50)
        assert wizard.currentId() == PageId.COMPLETE
    finally:
        wizard.shutdown()


def test_a_long_confirmation_wraps_instead_of_widening_the_page(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, Qt

    from chorus_wizard.ui.widgets.handoff import HandoffPanel

    sentence = "I have activated my account and created (or requested) my structure on the portal"
    panel = HandoffPanel(
        "https://portail.example", lambda url: True, title="T", confirmation=sentence
    )
    qtbot.addWidget(panel)
    assert panel.minimumSizeHint().width() < 400  # the sentence alone is wider than that
    assert not panel.is_confirmed
    qtbot.mouseClick(panel.confirm_label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert panel.confirm.isChecked() and panel.is_confirmed
    assert panel.confirm.accessibleName() == sentence
