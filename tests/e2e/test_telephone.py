"""« Téléphone », an optional field of step 2, through every place the signup record goes: the
page (checked as typed), the draft file, the wire, the sandbox's rules and database, the recap,
and the English interface."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import httpx
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, install_translators
from chorus_wizard.recap import build_recap, recap_text
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import TIMEOUT, reach_complete
from tests.sandbox.helpers import account_body

EMAIL = "lea.dubois@exemple.fr"


def test_the_telephone_goes_from_step_2_to_the_database(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    data_dir = tmp_path / "data"
    wizard = build_wizard(["--data-dir", str(data_dir)])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        complete = reach_complete(qtbot, wizard, EMAIL)
        phone = complete.fields["telephone"]
        assert complete.isComplete()  # optional: empty is fine
        phone.setText("06 12 34")
        hint = complete.text_hints[phone][1]
        assert "10\u00a0chiffres" in hint.text()
        assert not complete.isComplete()
        assert "Téléphone" in complete.missing_fields()[0]
        phone.setText("06 12 34 56 78")
        assert hint.text() == ""
        assert complete.isComplete()

        qtbot.waitUntil(lambda: _saved_phone(data_dir) == "06 12 34 56 78", timeout=TIMEOUT)

        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES, timeout=TIMEOUT)
        account = wizard.context.draft.account
        assert account is not None
        with closing(sqlite3.connect(data_dir / "sandbox" / "sandbox.db")) as conn:
            stored = conn.execute(
                "SELECT telephone FROM accounts WHERE id = ?", (account.account_id,)
            ).fetchone()
        assert stored == ("06 12 34 56 78",)

        recap = build_recap(
            wizard.context.draft, profile_label="Bac à sable", now=datetime(2026, 12, 7, 10, 0)
        )
        assert "Téléphone\u00a0: 06 12 34 56 78" in recap_text(recap)
    finally:
        wizard.shutdown()


def test_the_sandbox_refuses_a_wrong_number_and_names_the_field(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "data") as server:
        server.wait_ready(30)
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            body = account_body("13002526500013", EMAIL)
            body["telephone"] = "06 12"
            refused = client.post("/sandbox/v1/comptes", json=body)
            assert refused.status_code == 400
            assert refused.json()["codeRetour"] == 16
            assert refused.json()["champ"] == "telephone"
            assert "10\u00a0chiffres" in refused.json()["libelle"]
            body["telephone"] = "+44 20 7946 0958"
            assert client.post("/sandbox/v1/comptes", json=body).status_code == 201


def test_the_field_is_labelled_in_english(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    install_translators(qapp, "en")
    try:
        wizard = build_wizard(["--data-dir", str(tmp_path / "data"), "--lang", "en"])
        assert isinstance(wizard, SignupWizard)
        qtbot.addWidget(wizard)
        wizard.show()
        try:
            complete = reach_complete(qtbot, wizard, EMAIL)
            phone = complete.fields["telephone"]
            assert phone.accessibleName() == "Telephone"
            phone.setText("12")
            assert "10 digits" in complete.text_hints[phone][1].text()
        finally:
            wizard.shutdown()
    finally:
        install_translators(qapp, "fr")


def _saved_phone(data_dir: Path) -> str | None:
    """The telephone in the draft file, once written."""
    try:
        draft = json.loads((data_dir / "draft.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return str(draft["signup"].get("telephone"))
