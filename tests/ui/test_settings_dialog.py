"""« Paramètres »: profile choice, secrets to the keychain (or the session), connection test."""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path

import keyring.core
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from chorus_wizard.backend.connection import ConnectionReport, StepResult, StepStatus
from chorus_wizard.backend.profiles import BackendProfile, PisteCredentials
from chorus_wizard.keychain import SecretStore, piste_client_secret
from chorus_wizard.settings import SettingsStore
from chorus_wizard.ui.settings_dialog import SettingsDialog
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.memory_keyring import MemoryKeyring

TODAY = date(2026, 11, 27)

# The offscreen platform warns when a top-level dialog is shown; nothing to fix there.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def open_dialog(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path, **kwargs: object
) -> SettingsDialog:
    wizard.context.settings = SettingsStore(tmp_path / "data")
    dialog = SettingsDialog(
        wizard.context,
        wizard.context.settings,
        wizard,
        today=lambda: TODAY,
        **kwargs,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())  # loaded in a worker
    return dialog


def choose(dialog: SettingsDialog, value: str) -> None:
    dialog.backend.setCurrentIndex(dialog.backend.findData(value))


def fill(dialog: SettingsDialog) -> None:
    dialog.client_id.setText("mon-appli")
    dialog.client_secret.setText("secret-client")
    dialog.tech_login.setText("TECH_1@exemple.fr")
    dialog.tech_password.setText("mot-de-passe-tech")


def test_the_wizard_has_a_parametres_button(qtbot: QtBot, wizard: SignupWizard) -> None:
    from PySide6.QtWidgets import QPushButton, QWizard

    more = wizard.button(QWizard.WizardButton.CustomButton1)
    assert isinstance(more, QPushButton) and more.menu() is wizard.more_menu
    assert wizard.settings_action.text() == "Paramètres…"
    wizard.settings_action.trigger()
    dialog = wizard.settings_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.reject()
    qtbot.waitUntil(lambda: wizard.settings_dialog is None)


def test_saving_writes_choices_to_the_file_and_secrets_to_the_keychain(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, wizard, tmp_path)
    assert dialog.keychain_status.tone is Tone.INFO
    assert not dialog.piste_group.isEnabled()  # the sandbox needs nothing
    choose(dialog, "production")
    assert dialog.piste_group.isEnabled()
    assert "prochain démarrage" in dialog.backend_note.text()
    fill(dialog)
    dialog.insee_key.setText("cle-insee")
    dialog.expiry_known.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    text = (tmp_path / "data" / "settings.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["backend"] == "production"
    assert data["profiles"]["production"]["client_id"] == "mon-appli"
    assert data["profiles"]["production"]["tech_password_expiry"] == "2026-11-27"
    for secret in ("secret-client", "mot-de-passe-tech", "cle-insee"):
        assert secret not in text
    stored = memory_keyring.passwords
    assert stored[("chorus-wizard", "piste-client-secret:production:mon-appli")] == "secret-client"
    assert stored[("chorus-wizard", "compte-technique:production:TECH_1@exemple.fr")] == (
        "mot-de-passe-tech"
    )
    assert stored[("chorus-wizard", "insee-api-key")] == "cle-insee"


def test_reopening_shows_what_is_kept_without_showing_secrets(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, wizard, tmp_path)
    choose(dialog, "qualification")
    fill(dialog)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    again = open_dialog(qtbot, wizard, tmp_path)
    assert again.backend.currentData() == "qualification"
    assert again.client_id.text() == "mon-appli"
    assert again.client_secret.text() == ""
    assert "trousseau" in again.client_secret.placeholderText()
    choose(again, "production")  # another environment, other credentials
    assert again.client_id.text() == ""


def test_without_keychain_it_says_so_and_keeps_secrets_for_the_session(
    qtbot: QtBot,
    wizard: SignupWizard,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    dialog = open_dialog(qtbot, wizard, tmp_path)
    assert dialog.keychain_status.tone is Tone.WARNING
    assert "en mémoire pour cette session seulement" in dialog.keychain_status.text()
    choose(dialog, "production")
    fill(dialog)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    secrets = wizard.context.secrets
    assert secrets.get(piste_client_secret("production", "mon-appli")) == "secret-client"
    written = "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.rglob("*") if p.is_file()
    )
    assert "secret-client" not in written and "mot-de-passe-tech" not in written


def test_connection_test_reports_each_step(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path
) -> None:
    seen: list[tuple[BackendProfile, PisteCredentials, str]] = []

    def checker(profile: BackendProfile, creds: PisteCredentials, siret: str) -> ConnectionReport:
        seen.append((profile, creds, siret))
        return ConnectionReport(
            [
                StepResult("Jeton d'accès PISTE", StepStatus.OK, "Jeton obtenu."),
                StepResult(
                    "Disponibilité de l'API Chorus Pro",
                    StepStatus.FAILED,
                    "Accès refusé.",
                    "Abonnez l'application.",
                ),
            ],
            tech_password_expiry=date(2026, 12, 10),
        )

    dialog = open_dialog(qtbot, wizard, tmp_path, checker=checker)
    choose(dialog, "production")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.banner.tone is Tone.ERROR)
    assert "Identifiants incomplets" in dialog.banner.text()
    assert seen == []
    fill(dialog)
    dialog.probe.setText("552 032 534 00703")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.results.isVisible())
    profile, creds, siret = seen[0]
    assert profile.name == "production"
    assert (creds.client_id, creds.tech_password) == ("mon-appli", "mot-de-passe-tech")
    assert siret == "55203253400703"
    html = dialog.results.text()
    assert "✔ Jeton d&#x27;accès PISTE" in html or "✔ Jeton d'accès PISTE" in html
    assert "✖ Disponibilité" in html
    assert "À faire\u00a0: Abonnez l&#x27;application." in html or "Abonnez l'application" in html
    assert dialog.reminder.tone is Tone.WARNING  # 13 days left
    assert "expire le 10/12/2026 (dans 13 jours)" in dialog.reminder.text()


def test_the_sandbox_is_tested_with_its_own_identities(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path
) -> None:
    seen: list[PisteCredentials] = []

    def checker(profile: BackendProfile, creds: PisteCredentials, siret: str) -> ConnectionReport:
        seen.append(creds)
        return ConnectionReport([StepResult("Jeton d'accès PISTE", StepStatus.OK, "ok")])

    dialog = open_dialog(qtbot, wizard, tmp_path, checker=checker)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.banner.tone is Tone.SUCCESS)
    assert seen[0].client_id == "chorus-wizard-sandbox"


def test_password_expiry_typed_by_hand(qtbot: QtBot, wizard: SignupWizard, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate

    dialog = open_dialog(qtbot, wizard, tmp_path)
    choose(dialog, "production")
    dialog.expiry_known.setChecked(True)
    dialog.expiry.setDate(QDate(2027, 6, 30))
    assert dialog.reminder.tone is Tone.INFO
    assert "expire le 30/06/2027" in dialog.reminder.text()
    dialog.expiry.setDate(QDate(2026, 12, 1))
    assert dialog.reminder.tone is Tone.WARNING


class SlowSecrets(SecretStore):
    """A keychain that answers only once ``gate`` is set."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def available(self) -> bool:
        self.gate.wait(30)
        return super().available()


def test_closing_while_reading_drops_the_late_answer(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path
) -> None:
    secrets = SlowSecrets()
    wizard.context.secrets = secrets
    wizard.context.settings = SettingsStore(tmp_path / "data")
    dialog = SettingsDialog(wizard.context, wizard.context.settings, wizard)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy.isVisibleTo(dialog) and not dialog.save_button.isEnabled()
    assert dialog.busy.format() == "Lecture des paramètres…"
    dialog.reject()
    secrets.gate.set()
    qtbot.waitUntil(lambda: not wizard.context.runner.busy)
    assert dialog.keychain_status.tone is None  # what was read did not land
    assert not dialog.busy.isVisibleTo(dialog)


def test_the_sandbox_s_test_speaks_of_the_sandbox_not_of_chorus_pro(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path
) -> None:
    def checker(profile: BackendProfile, creds: PisteCredentials, siret: str) -> ConnectionReport:
        return ConnectionReport(
            [
                StepResult("Jeton d'accès PISTE", StepStatus.OK, "ok"),
                StepResult("Rattachements du compte technique", StepStatus.WARNING, "aucune"),
            ],
            tech_password_expiry=date(2000, 1, 1),
        )

    dialog = open_dialog(qtbot, wizard, tmp_path, checker=checker)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.banner.tone is Tone.SUCCESS)
    assert "bac à sable" in dialog.banner.text()
    assert "La connexion à Chorus Pro fonctionne" not in dialog.banner.text()
    assert not dialog.expiry_known.isChecked()  # no « 01/01/2000 » from the sandbox
    assert "aucune" not in dialog.results.text()  # its orange remark is not shown


def test_the_rehearsal_s_path_is_saved_and_the_command_line_wins(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    from chorus_wizard.config import resolve_config

    data = tmp_path / "data"
    assert not resolve_config(["--data-dir", str(data)]).path_chosen  # nothing chosen yet
    dialog = open_dialog(qtbot, wizard, tmp_path)
    assert dialog.path.currentData() == ""  # the room's, else the guide's
    assert "bac à sable" in dialog.path_note.text() and "--parcours" in dialog.path_note.text()
    dialog.path.setCurrentIndex(dialog.path.findData("portail-actuel"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    saved = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    assert saved["path"] == "portail-actuel"
    config = resolve_config(["--data-dir", str(data)])
    assert (config.path, config.path_chosen) == ("portail-actuel", True)
    config = resolve_config(["--data-dir", str(data), "--parcours", "guide"])
    assert (config.path, config.path_chosen) == ("guide", True)
    reopened = open_dialog(qtbot, wizard, tmp_path)
    assert reopened.path.currentData() == "portail-actuel"
