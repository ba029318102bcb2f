"""Electronic invoicing through the wizard: « Ai-je besoin de Chorus Pro ? » on step 1, and on
the last page (sandbox and portal modes) and in the recap, what follows for a PME, an ETI, a
GE and a business the directory gives no category."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.backend.profiles import PRODUCTION
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.recap import recap_text
from chorus_wizard.texts import set_language
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import DINUM, FakeService
from tests.ui.flows import fake_wizard, run_signup

# category, what the page names it, a sentence only that category gets, one it never gets
CASES = [
    ("PME", "PME (petite ou moyenne entreprise", "à partir du 1ᵉʳ septembre 2027", "GE) ou"),
    ("ETI", "ETI (entreprise de taille intermédiaire)", "intermédiaire, vous émettez", "2027"),
    ("GE", "GE (grande entreprise)", "grande entreprise, vous émettez", "2027"),
    ("", "inconnue", "décret n° 2008-1354", "vous émettrez"),
]


def wizard_for(qtbot: QtBot, qapp: QApplication, category: str, **kw: object) -> SignupWizard:
    install_translators(qapp, "fr")
    company = replace(DINUM, categorie_entreprise=category)
    service = FakeService(companies={DINUM.siret: company}, **kw)  # type: ignore[arg-type]
    wizard = fake_wizard(qtbot, service)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def close(wizard: SignupWizard) -> None:
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)


@pytest.mark.parametrize(("category", "name", "own", "never"), CASES)
def test_the_last_page_and_the_recap_say_what_follows(
    qtbot: QtBot, qapp: QApplication, category: str, name: str, own: str, never: str
) -> None:
    wizard = wizard_for(qtbot, qapp, category)
    try:
        run_signup(qtbot, wizard)
        done = wizard.currentPage()
        assert isinstance(done, DonePage)
        assert done.einvoicing.isVisible()
        shown = done.einvoicing.text()
        assert f"Catégorie de votre entreprise selon l'annuaire\u00a0: <b>{name}" in shown
        assert "depuis le 1ᵉʳ septembre 2026, toute entreprise assujettie à la TVA" in shown
        assert own in shown
        assert never not in shown
        for kind in ("factures de travaux", "frais de justice", "demandes de remboursement"):
            assert kind in shown
        assert "représentant légal" in shown and "pièce d'identité" in shown
        assert "Il n'a pas d'API publique" in shown
        assert 'href="https://portail.chorus-pro.gouv.fr/"' in shown
        if not category:  # both dates
            assert "le 1ᵉʳ septembre 2026 pour une grande entreprise" in shown
            assert "le 1ᵉʳ septembre 2027 pour une PME" in shown

        text = recap_text(wizard.desk.recap())
        assert f"Catégorie d'entreprise\u00a0: {name}" in text
        assert own in text
    finally:
        close(wizard)


@pytest.mark.parametrize(("category", "name", "own", "never"), [CASES[2], CASES[3]])
def test_the_portal_mode_says_it_too(
    qtbot: QtBot, qapp: QApplication, category: str, name: str, own: str, never: str
) -> None:
    wizard = wizard_for(qtbot, qapp, category, _profile=PRODUCTION)
    try:
        service = wizard.context.service
        assert wizard.context.portal_mode
        done = wizard.page_of(PageId.DONE)
        assert isinstance(done, DonePage)
        wizard.context.draft.lookup = service.lookup(IdentifierType.SIRET, DINUM.siret)
        done.initializePage()
        shown = done.einvoicing.text()
        assert f"<b>{name}" in shown and own in shown and never not in shown
        assert f"Catégorie d'entreprise\u00a0: {name}" in recap_text(wizard.desk.recap())
    finally:
        close(wizard)


def test_the_step_1_question_opens_its_answer_in_the_help(qtbot: QtBot, qapp: QApplication) -> None:
    wizard = wizard_for(qtbot, qapp, "PME")
    try:
        identify = wizard.page_of(PageId.IDENTIFY)
        assert isinstance(identify, IdentifyPage)
        link = identify.chorus_pro_question
        assert link.isVisible()
        assert "Ai-je besoin de Chorus Pro\u00a0?" in link.text()
        assert not wizard.desk.help_visible
        link.linkActivated.emit("#besoin-chorus-pro")
        assert wizard.desk.help_visible
        text = wizard.desk.panel.text()
        assert text.startswith("Ai-je besoin de Chorus Pro")
        assert "factures de travaux" in text and "plateforme agréée" in text
        # the next page shows its own help again
        wizard.desk.set_help_visible(False)
        wizard.desk.set_help_visible(True)
        assert wizard.desk.panel.text().startswith("Étape 1")
    finally:
        close(wizard)


def test_in_english(qtbot: QtBot, qapp: QApplication) -> None:
    install_translators(qapp, "en")
    set_language("en")
    service = FakeService(companies={DINUM.siret: replace(DINUM, categorie_entreprise="PME")})
    wizard = fake_wizard(qtbot, service, lang="en")
    wizard.show()
    qtbot.waitExposed(wizard)
    try:
        identify = wizard.page_of(PageId.IDENTIFY)
        assert isinstance(identify, IdentifyPage)
        assert "Do I need Chorus Pro?" in identify.chorus_pro_question.text()
        identify.chorus_pro_question.linkActivated.emit("#besoin-chorus-pro")
        assert wizard.desk.panel.text().startswith("Do I need Chorus Pro?")
        wizard.desk.set_help_visible(False)
        run_signup(qtbot, wizard)
        done = wizard.currentPage()
        assert isinstance(done, DonePage)
        shown = done.einvoicing.text()
        assert "Electronic invoicing: what follows for you" in shown
        assert "PME (small or medium-sized company" in shown
        assert "from 1 September 2027" in shown
        assert "Chorus Pro" in shown and "frais de justice" in shown
        text = recap_text(wizard.desk.recap())
        assert "Company category: PME (small" in text
        assert "Catégorie" not in text
        # found by a walk: a French space before « ; », « Annuaire: », a date read as 12 July
        assert "\u00a0;" not in text and "(public works contracts); court costs" in text
        assert "Annuaire:" not in text and "Electronic invoicing directory: https://" in text
        assert "«" not in text
        assert re.search(r"Drawn up on \d{1,2}\u00a0[A-Z][a-z]+ 20\d\d at ", text), text
        assert not re.search(r"\d\d/\d\d/20\d\d", text)
        assert "e-mail" not in text
    finally:
        close(wizard)
        set_language("fr")
        install_translators(qapp, "fr")
