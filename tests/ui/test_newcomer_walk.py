"""What a newcomer met on a first walk through the wizard (issue « never fooled, never stuck »)."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import EMAIL, SIRET


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
