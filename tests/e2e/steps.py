"""Steps shared by the end-to-end tests: identify, then complete the person's part."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.wizard import SignupWizard

TIMEOUT = 20000


def reach_complete(
    qtbot: QtBot,
    wizard: SignupWizard,
    email: str,
    *,
    siret: str = "13002526500013",
    nom: str = "Martin",
    prenom: str = "Camille",
) -> CompletePage:
    """Step 1 with ``email`` and ``siret``, then step 2's person fields filled (not validated)."""
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.email.setText(email)
    identify.identifier.setText(siret)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE, timeout=TIMEOUT)
    complete = wizard.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy, timeout=TIMEOUT)
    complete.email_again.setText(email)
    complete.nom.setText(nom)
    complete.prenom.setText(prenom)
    return complete
