"""The four steps end to end, through build_wizard, against the real embedded sandbox."""

from __future__ import annotations

import mailbox
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import reach_complete

EMAIL = "camille.martin@exemple.fr"
PASSWORD = "Girafe-Bleue-2026"
ANSWER = "Rex"
TIMEOUT = 15000


def activation_mail(mail_dir: Path) -> EmailMessage:
    box = mailbox.Maildir(mail_dir, create=False)
    messages = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.iterkeys()]
    mine = [m for m in messages if EMAIL in str(m["To"])]
    assert len(mine) == 1
    message = mine[0]
    assert isinstance(message, EmailMessage)
    return message


def test_four_steps_against_the_embedded_sandbox(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    wizard = build_wizard(["--data-dir", str(data_dir)])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    try:
        # 1. Identifiez-vous
        identify = wizard.currentPage()
        assert isinstance(identify, IdentifyPage)
        identify.email.setText(EMAIL)
        identify.identifier.setText("130 025 265 00013")
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE, timeout=TIMEOUT)

        # 2. Complétez: prefilled from the sandbox directory
        complete = wizard.currentPage()
        assert isinstance(complete, CompletePage)
        qtbot.waitUntil(lambda: not complete.is_busy, timeout=TIMEOUT)
        assert (
            complete.fields["raison_sociale"].text() == "DIRECTION INTERMINISTERIELLE DU NUMERIQUE"
        )
        assert complete.fields["adresse"].text() == "20 AVENUE DE SEGUR"
        assert complete.fields["code_postal"].text() == "75007"
        assert complete.fields["ville"].text() == "PARIS"
        assert complete.country.currentText() == "France"
        assert complete.country.count() > 200  # the backend's list
        complete.email_again.setText(EMAIL)
        complete.nom.setText("Martin")
        complete.prenom.setText("Camille")
        assert complete.isComplete()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES, timeout=TIMEOUT)

        # 3. Espaces de travail: defaults plus "Factures reçues"
        spaces = wizard.currentPage()
        assert isinstance(spaces, WorkspacesPage)
        qtbot.waitUntil(lambda: bool(spaces.switches), timeout=TIMEOUT)
        assert spaces.switches["FACTURES_EMISES"].isChecked()
        assert spaces.switches["SOLLICITATIONS_EMISES"].isChecked()
        spaces.switches["FACTURES_RECUES"].setChecked(True)
        chosen = spaces.chosen()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE, timeout=TIMEOUT)

        # 4. Activez: the link from the mail the sandbox wrote into its Maildir
        mail = activation_mail(data_dir / "sandbox" / "mail")
        body = mail.get_body(preferencelist=("plain",))
        assert body is not None
        text = body.get_content()
        link = re.search(r"http://127\.0\.0\.1:\d+/sandbox/activer\?code=[\w-]+", text)
        assert link is not None
        activate = wizard.currentPage()
        assert isinstance(activate, ActivatePage)
        qtbot.waitUntil(lambda: activate.question.count() > 0, timeout=TIMEOUT)
        activate.code.setText(link.group(0))
        activate.password.password.setText(PASSWORD)
        activate.password.confirmation.setText(PASSWORD)
        activate.question.setCurrentIndex(1)
        activate.answer.setText(ANSWER)
        assert activate.isComplete()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE, timeout=TIMEOUT)
        done = wizard.currentPage()
        said = done.message.text()  # type: ignore[attr-defined]
        assert "n'êtes pas inscrit sur Chorus Pro" in said  # a rehearsal, never « actif »

        # The sandbox API confirms: active, with the chosen workspaces.
        account = wizard.context.draft.account
        assert account is not None
        status = wizard.context.service.account_status(account)
        assert status.status == "ACTIF"
        assert set(chosen) <= set(status.workspaces)
        assert status.main_manager
    finally:
        wizard.close()
        wizard.shutdown()


def test_as_chorus_wizard_builds_it_the_sandbox_starts_after_step_1_is_shown(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """As ``chorus-wizard`` builds it: step 1 first, then the sandbox's process.

    Suivant comes at once: the later pages are built then, and the lookup waits in the
    socket's backlog until the sandbox serves.
    """
    wizard = build_wizard(["--data-dir", str(tmp_path / "data")])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    try:
        assert not wizard.complete
        complete = reach_complete(qtbot, wizard, EMAIL)
        assert complete.fields["adresse"].text() == "20 AVENUE DE SEGUR"  # from the sandbox
    finally:
        wizard.shutdown()
