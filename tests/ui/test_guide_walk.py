"""What a newcomer's second walk found on the guide's path: fields that jumped while typing,
help that named what is not there, keys that did nothing, words of the wrong language."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chorus_wizard.resources import resource_path
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.ui.flows import PASSWORD, reach_activation


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def top_of(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), widget.rect().topLeft()).y()


def test_the_email_error_does_not_move_the_siret_field(qtbot: QtBot, wizard: SignupWizard) -> None:
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    settle()
    before = top_of(page.identifier)
    page.email.setText("marie.durand@")
    page.email.editingFinished.emit()  # leaving the field judges it
    settle()
    assert page.email_hint.isVisible()
    assert top_of(page.identifier) == before
    page.email.setText("marie.durand@exemple.fr")
    settle()
    assert page.email_hint.isHidden()
    assert top_of(page.identifier) == before


def test_the_confirmation_is_not_judged_while_it_is_being_typed(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    page = reach_activation(qtbot, wizard)
    widget = page.password
    settle()
    below = top_of(page.answer)
    widget.confirmation.clear()
    for end in range(1, len(PASSWORD)):
        widget.confirmation.setText(PASSWORD[:end])  # as typed, key by key
        assert widget.mismatch.isHidden(), PASSWORD[:end]
    widget.confirmation.editingFinished.emit()  # left half typed: now it is wrong
    assert widget.mismatch.isVisible()
    assert widget.mismatch.text() == "La confirmation ne correspond pas au mot de passe."
    settle()
    assert top_of(page.answer) == below  # the line was kept for it: « Réponse » stays
    widget.confirmation.setText(PASSWORD)
    assert widget.mismatch.isHidden()
    widget.confirmation.setText(PASSWORD + "x")  # longer: judged at once
    assert widget.mismatch.isVisible()
    widget.confirmation.setText("Gx")  # not the start of the password: judged at once
    assert widget.mismatch.isVisible()


def test_step_1_help_names_only_what_the_page_shows(qtbot: QtBot, wizard: SignupWizard) -> None:
    """Found by a walk: the help said to click « Mon entreprise est en cours
    d'immatriculation », a button that does not exist (it is an entry of a list)."""
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    shown = {page.no_siret.text().replace("&", "")} | {
        page.kind.itemText(i) for i in range(page.kind.count())
    }
    for lang, box, entry, kind in (
        (
            "fr",
            "Je n'ai pas de numéro de SIRET",
            "En cours d'immatriculation",
            "Type d'identifiant",
        ),
        ("en", "I have no\nSIRET number", "Being registered", "Identifier type"),
    ):
        text = resource_path("help", lang, "identify.md").read_text(encoding="utf-8")
        assert "Mon entreprise est en cours" not in text and "My company" not in text
        bolded = [" ".join(b.split()) for b in re.findall(r"\*\*(.+?)\*\*", text, re.S)]
        assert " ".join(box.split()) in bolded and entry in bolded and kind in bolded
    assert {"Je n'ai pas de numéro de SIRET", "En cours d'immatriculation"} <= shown


def test_step_2_says_where_the_prefill_really_comes_from(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    """Found by a walk: « la base INSEE » on the sandbox, whose directory is its own."""
    assert wizard.context.directory == "sandbox"
    page = wizard.page_of(PageId.COMPLETE)
    assert isinstance(page, CompletePage)
    shown = page.prefill_note.text()
    assert "l'annuaire du bac à sable" in shown and "INSEE" not in shown
    public = page.prefill_text("recherche-entreprises")
    assert "API Recherche d'entreprises" in public
    assert "base Sirene de l'INSEE" in page.prefill_text("insee")
    assert "bac à sable" not in public + page.prefill_text("insee")
