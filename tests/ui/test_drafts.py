"""Drafts: saved as the user types, never with a secret, resumed at the right page."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import Backend, compose, finish_build
from chorus_wizard.config import resolve_config
from chorus_wizard.contracts.record import Signup
from chorus_wizard.drafts import DraftStore
from chorus_wizard.recap import company_category
from chorus_wizard.ui.desk import catalogue_labels
from chorus_wizard.ui.drafts import DraftKeeper
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.widgets.handoff import UrlOpener
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import DINUM, FakeService
from tests.memory_keyring import MemoryKeyring
from tests.ui.flows import DIALOG_WARNING, draft_keeper, fake_wizard, quit_wizard

EMAIL = "marie.durand@exemple.fr"


def new_wizard(
    qtbot: QtBot, service: FakeService, data_dir: Path, *, open_url: UrlOpener | None = None
) -> tuple[SignupWizard, DraftKeeper]:
    """A wizard keeping its draft in ``data_dir`` and offering to resume it, as the app's."""
    wizard = fake_wizard(qtbot, service, open_url=open_url, data_dir=data_dir)
    wizard.show()
    return wizard, draft_keeper(wizard)


def to_complete(qtbot: QtBot, wizard: SignupWizard) -> CompletePage:
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.email.setText(EMAIL)
    identify.identifier.setText("13002526500013")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    page = wizard.currentPage()
    assert isinstance(page, CompletePage)
    qtbot.waitUntil(lambda: not page.is_busy)
    return page


def test_typing_is_saved_and_resumed_on_page_2(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    first, keeper = new_wizard(qtbot, FakeService(), tmp_path)
    page = to_complete(qtbot, first)
    page.email_again.setText(EMAIL)
    page.nom.setText("Durand")
    page.fields["adresse"].setText("20 AVENUE DE SÉGUR")
    page.dume.setChecked(True)
    keeper.flush()
    saved = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    assert saved["page"] == PageId.COMPLETE
    assert saved["signup"]["adresse"] == "20 AVENUE DE SÉGUR"
    assert saved["signup"]["nom"] == "Durand" and saved["signup"]["dume"] is True
    assert saved["progress"]["email_again"] == EMAIL
    first.close()
    first.shutdown()

    service = FakeService()
    second, _ = new_wizard(qtbot, service, tmp_path)
    identify = second.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    assert identify.resume_box.isVisible()
    assert identify.resume_box.question.text().startswith(
        "Reprendre l'inscription de DIRECTION INTERMINISTERIELLE DU NUMERIQUE, laissée le "
    )
    identify.resume_box.resume_button.click()
    qtbot.waitUntil(lambda: second.currentId() == PageId.COMPLETE)
    resumed = second.currentPage()
    assert isinstance(resumed, CompletePage)
    page = resumed
    assert page.fields["adresse"].text() == "20 AVENUE DE SÉGUR"  # not the prefill's
    assert (page.nom.text(), page.email_again.text(), page.dume.isChecked()) == (
        "Durand",
        EMAIL,
        True,
    )
    assert service.calls.count("lookup") == 1  # existence re-read, not trusted


def test_restart_forgets_the_draft(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    DraftStore(tmp_path).save(2, Signup(email=EMAIL, identifier="13002526500013"), {})
    wizard, _ = new_wizard(qtbot, FakeService(), tmp_path)
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.resume_box.restart_button.click()
    assert not identify.resume_box.isVisible()
    qtbot.waitUntil(lambda: not (tmp_path / "draft.json").exists())
    assert identify.email.text() == ""


def test_a_corrupt_draft_is_set_aside_with_a_message(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    (tmp_path / "draft.json").write_text("{tronqué")
    wizard, _ = new_wizard(qtbot, FakeService(), tmp_path)
    identify = wizard.page_of(PageId.IDENTIFY)
    assert identify.banner.tone is Tone.WARNING
    assert "mis de côté" in identify.banner.text()
    assert list(tmp_path.glob("draft.endommage-*.json"))


def test_a_draft_of_random_bytes_is_set_aside_and_kept_while_typing(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    content = random.Random(3).randbytes(2048)
    (tmp_path / "draft.json").write_bytes(content)
    wizard, keeper = new_wizard(qtbot, FakeService(), tmp_path)
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    assert identify.banner.tone is Tone.WARNING
    (aside,) = tmp_path.glob("draft.endommage-*.json")
    assert f"mis de côté ({aside.name})" in identify.banner.text()
    identify.email.setText(EMAIL)  # the first keystroke writes a new draft, not over the old
    keeper.flush()
    assert aside.read_bytes() == content
    saved = DraftStore(tmp_path).load()
    assert saved is not None and saved.signup.email == EMAIL


def test_every_file_set_aside_is_said_in_one_message(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    for name in ("draft.json", "settings.json", "interface.json"):
        (tmp_path / name).write_bytes(deep)
    config = resolve_config(["--data-dir", str(tmp_path), "--backend", "http://127.0.0.1:9"])
    assert config.backend == "http://127.0.0.1:9" and config.lang == "fr"  # the defaults
    service = FakeService()
    wizard = finish_build(compose(config, backend=Backend(service.profile, lambda: service)))
    qtbot.addWidget(wizard)
    banner = wizard.page_of(PageId.IDENTIFY).banner
    lines = banner.text().split("\n")
    assert len(lines) == 3
    assert "Les paramètres enregistrés n'ont pas pu être relus" in lines[0]
    assert "Les préférences d'affichage n'ont pas pu être relues" in lines[1]
    assert "L'inscription commencée précédemment n'a pas pu être reprise" in lines[2]
    for stem in ("draft", "settings", "interface"):
        (aside,) = tmp_path.glob(f"{stem}.endommage-*.json")
        assert aside.read_bytes() == deep
        assert aside.name in banner.text()
    assert config.settings is not None and config.settings is wizard.context.settings
    assert config.settings.take_notice() is None  # said once
    assert wizard.desk.take_notice() is None


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_resume_after_account_creation_rereads_the_account(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    first, keeper = new_wizard(qtbot, FakeService(), tmp_path)
    page = to_complete(qtbot, first)
    page.email_again.setText(EMAIL)
    page.nom.setText("Durand")
    page.prenom.setText("Marie")
    first.next()
    qtbot.waitUntil(lambda: first.currentId() == PageId.WORKSPACES)
    current = first.currentPage()
    assert isinstance(current, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(current.switches))
    current.switches["FACTURES_RECUES"].setChecked(True)
    keeper.flush()
    quit_wizard(qtbot, first)
    first.shutdown()

    service = FakeService()
    second, _ = new_wizard(qtbot, service, tmp_path)
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.WORKSPACES)
    spaces = second.currentPage()
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    assert spaces.chosen() == ["FACTURES_EMISES", "SOLLICITATIONS_EMISES", "FACTURES_RECUES"]
    assert "create_account" not in service.calls  # never created twice
    assert second.context.draft.account is not None


def test_no_secret_reaches_the_draft(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    wizard, keeper = new_wizard(qtbot, FakeService(), tmp_path)
    activate = wizard.page_of(PageId.ACTIVATE)
    activate.password.password.setText("Secret-Girafe-2026")  # type: ignore[attr-defined]
    activate.answer.setText("Médor le chien")  # type: ignore[attr-defined]
    activate.code.setText("CODE-SECRET-123")  # type: ignore[attr-defined]
    wizard.page_of(PageId.IDENTIFY).email.setText(EMAIL)  # type: ignore[attr-defined]
    keeper.flush()
    text = (tmp_path / "draft.json").read_text(encoding="utf-8")
    assert EMAIL in text
    for secret in ("Secret-Girafe-2026", "Médor", "CODE-SECRET-123"):
        assert secret not in text


def create_account_then_close(qtbot: QtBot, tmp_path: Path) -> None:
    first, keeper = new_wizard(qtbot, FakeService(), tmp_path)
    page = to_complete(qtbot, first)
    page.email_again.setText(EMAIL)
    page.nom.setText("Durand")
    page.prenom.setText("Marie")
    first.next()
    qtbot.waitUntil(lambda: first.currentId() == PageId.WORKSPACES)
    keeper.flush()
    quit_wizard(qtbot, first)
    first.shutdown()


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_resume_without_a_keychain_goes_to_activation(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    create_account_then_close(qtbot, tmp_path)
    memory_keyring.passwords.clear()  # as on a machine without a keychain
    service = FakeService()
    second, _ = new_wizard(qtbot, service, tmp_path)
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    note = second.currentPage().resume_note  # type: ignore[attr-defined]
    assert "aucun trousseau" in note.text() and note.isVisible()
    assert "create_account" not in service.calls


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_resume_without_a_keychain_names_the_chosen_workspaces_and_keeps_saying_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """Found by a walk: step 3's choice made and sent, the window closed on step 4, no
    keychain: the resumed step 4 said the choice « n'a pas pu être relu », named nothing,
    and the note went as soon as another message came."""
    first, keeper = new_wizard(qtbot, FakeService(), tmp_path)
    page = to_complete(qtbot, first)
    page.email_again.setText(EMAIL)
    page.nom.setText("Durand")
    page.prenom.setText("Marie")
    first.next()
    qtbot.waitUntil(lambda: first.currentId() == PageId.WORKSPACES)
    spaces = first.currentPage()
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    labels = catalogue_labels()
    received = next(code for code, label in labels.items() if label == "Factures reçues")
    spaces.switches[received].setChecked(True)
    chosen = spaces.chosen()
    first.next()
    qtbot.waitUntil(lambda: first.currentId() == PageId.ACTIVATE)
    keeper.flush()
    quit_wizard(qtbot, first)
    first.shutdown()

    memory_keyring.passwords.clear()  # as on a machine without a keychain
    second, _ = new_wizard(qtbot, FakeService(), tmp_path)
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    activate = second.currentPage()
    note = activate.resume_note  # type: ignore[attr-defined]
    text = note.text()
    assert "n'a pas pu être relu" not in text
    for code in chosen:
        assert labels[code] in text
    assert "Factures reçues" in text
    assert "enregistré avec le compte" in text
    assert note.isVisible()
    # Another message on the page's message line does not take the note's place.
    activate.code.setText("un-code")  # type: ignore[attr-defined]
    activate.banner.show_message(Tone.ERROR, "Autre message.")  # type: ignore[attr-defined]
    assert note.isVisible() and note.text() == text


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_resume_of_an_account_activated_meanwhile_ends(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    create_account_then_close(qtbot, tmp_path)
    service = FakeService(account_state="ACTIF")
    second, _ = new_wizard(qtbot, service, tmp_path)
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.DONE)


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_resume_opens_the_saved_page_without_redoing_a_step(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """The saved record is put back as it was and the page opened straight: no step's call is
    made again on the way, and « Précédent » goes where it went before the restart."""
    create_account_then_close(qtbot, tmp_path)
    memory_keyring.passwords.clear()  # no token: the resume goes on to step 4
    service = FakeService()
    second, _ = new_wizard(qtbot, service, tmp_path)
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    assert second.visitedIds() == [
        PageId.IDENTIFY,
        PageId.COMPLETE,
        PageId.WORKSPACES,
        PageId.ACTIVATE,
    ]
    assert not {"create_account", "choose_workspaces"} & set(service.calls)
    signup = second.context.draft.signup
    assert (signup.email, signup.nom, signup.prenom) == (EMAIL, "Durand", "Marie")
    assert signup.identifier == "13002526500013"
    assert signup.raison_sociale == "DIRECTION INTERMINISTERIELLE DU NUMERIQUE"


@pytest.mark.qt_log_ignore(DIALOG_WARNING)  # « Quitter l'assistant ? »
def test_a_resume_after_the_account_keeps_the_business_category(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """Found by a walk through the program: after a resume the e-invoicing advice said the
    category was unknown (the directory is not asked again once the account exists)."""
    eti = {DINUM.siret: replace(DINUM, categorie_entreprise="ETI")}
    first, keeper = new_wizard(qtbot, FakeService(companies=eti), tmp_path)
    page = to_complete(qtbot, first)
    page.email_again.setText(EMAIL)
    page.nom.setText("Durand")
    page.prenom.setText("Marie")
    assert company_category(first.context.draft) == "ETI"
    first.next()
    qtbot.waitUntil(lambda: first.currentId() == PageId.WORKSPACES)
    keeper.flush()
    quit_wizard(qtbot, first)
    first.shutdown()
    memory_keyring.passwords.clear()
    second, _ = new_wizard(qtbot, FakeService(companies=eti), tmp_path)
    second.page_of(PageId.IDENTIFY).resume_box.resume_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: second.currentId() == PageId.ACTIVATE)
    assert company_category(second.context.draft) == "ETI"
