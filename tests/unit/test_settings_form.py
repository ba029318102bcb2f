"""« Paramètres » without Qt: reading, switching environments, testing, saving."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from chorus_wizard.backend.connection import (
    DEFAULT_PROBE_SIRET,
    ConnectionReport,
    StepResult,
    StepStatus,
)
from chorus_wizard.backend.profiles import BackendProfile, PisteCredentials, sandbox_profile
from chorus_wizard.keychain import Kept, SecretStore, piste_client_secret
from chorus_wizard.settings import ProfileSettings, Settings, SettingsStore
from chorus_wizard.settings_form import SettingsForm, Typed, Unfit
from tests.memory_keyring import MemoryKeyring

RUNNING = sandbox_profile("http://127.0.0.1:8765")
TODAY = date(2026, 11, 27)
TYPED = ProfileSettings("mon-appli", "TECH_1@exemple.fr")

Seen = list[tuple[BackendProfile, PisteCredentials, str]]


def make_form(tmp_path: Path, seen: Seen | None = None, **kwargs: object) -> SettingsForm:
    def checker(profile: BackendProfile, creds: PisteCredentials, siret: str) -> ConnectionReport:
        if seen is not None:
            seen.append((profile, creds, siret))
        return ConnectionReport([StepResult("Jeton d'accès PISTE", StepStatus.OK, "ok")])

    return SettingsForm(
        SettingsStore(tmp_path),
        SecretStore(),
        RUNNING,
        checker=checker,
        today=lambda: TODAY,
        **kwargs,  # type: ignore[arg-type]
    )


def test_reading_tells_which_secrets_are_kept(tmp_path: Path) -> None:
    SettingsStore(tmp_path).save(Settings(profiles={"production": TYPED}))
    secrets = SecretStore()
    secrets.set(piste_client_secret("production", "mon-appli"), "secret-client")
    form = SettingsForm(SettingsStore(tmp_path), secrets, RUNNING)
    loaded = form.read()
    assert loaded.keychain
    assert loaded.present == {piste_client_secret("production", "mon-appli")}
    assert form.take(loaded) == "sandbox"
    assert not form.insee_key_kept
    assert form.show("production", ProfileSettings()) == TYPED
    assert form.kept_secrets("production", TYPED) == (True, False)


def test_the_command_line_backend_wins_over_the_saved_one(tmp_path: Path) -> None:
    SettingsStore(tmp_path).save(Settings(backend="production"))
    form = make_form(tmp_path, backend_option="http://salle:8765")
    assert form.take(form.read()) == "http://salle:8765"


def test_switching_environments_keeps_what_was_typed_for_each(tmp_path: Path) -> None:
    form = make_form(tmp_path)
    form.take(form.read())
    assert form.show(None, ProfileSettings()) is None  # the sandbox, shown already
    assert form.show("production", ProfileSettings()) == ProfileSettings()
    assert form.show("production", TYPED) is None  # the same environment stays
    assert form.show("qualification", TYPED) == ProfileSettings()
    assert form.show("production", ProfileSettings("q")) == TYPED
    assert form.settings.for_profile("qualification") == ProfileSettings("q")


def test_runs_now_compares_with_the_server_in_use(tmp_path: Path) -> None:
    form = make_form(tmp_path)
    assert form.runs_now("sandbox")
    assert form.runs_now("http://127.0.0.1:8765/")
    assert not form.runs_now("http://salle:8765")
    assert not form.runs_now("production")


def test_the_reminder_counts_from_today(tmp_path: Path) -> None:
    form = make_form(tmp_path)
    assert form.reminder(None) is None
    reminder = form.reminder(date(2026, 12, 10))
    assert reminder is not None and reminder[1]  # a warning: 13 days left
    assert "dans 13 jours" in reminder[0]


def test_the_connection_test_uses_the_typed_values_or_the_kept_secrets(
    tmp_path: Path,
) -> None:
    seen: Seen = []
    form = make_form(tmp_path, seen)
    form.secrets.set(piste_client_secret("production", "mon-appli"), "gardé")
    typed = Typed(choice="production", profile=TYPED, tech_password="mot-de-passe-tech")
    test = form.connection_test(typed)
    assert seen == []  # nothing runs before the worker does
    report = test()
    assert report is not None and report.ok
    profile, creds, siret = seen[0]
    assert profile.name == "production"
    assert (creds.client_secret, creds.tech_password) == ("gardé", "mot-de-passe-tech")
    assert siret == DEFAULT_PROBE_SIRET
    assert form.connection_test(Typed(choice="production", profile=TYPED))() is None


def test_the_sandbox_is_tested_with_its_own_identities(tmp_path: Path) -> None:
    seen: Seen = []
    form = make_form(tmp_path, seen)
    form.connection_test(Typed(probe="552 032 534 00703"))()
    assert seen[0][1] == RUNNING.credentials
    assert seen[0][2] == "55203253400703"


@pytest.mark.parametrize(
    ("typed", "words", "warning"),
    [
        (Typed(choice="url", url="salle"), "adresse du bac à sable distant", True),
        (Typed(probe="123"), "SIRET à rechercher", False),
    ],
)
def test_what_cannot_be_tested_says_why(
    tmp_path: Path, typed: Typed, words: str, warning: bool
) -> None:
    with pytest.raises(Unfit) as raised:
        make_form(tmp_path).connection_test(typed)
    assert words in str(raised.value)
    assert raised.value.warning is warning


def test_a_stopped_embedded_sandbox_cannot_be_tested(tmp_path: Path) -> None:
    form = make_form(tmp_path)
    form.running = replace(RUNNING, credentials=None)
    with pytest.raises(Unfit, match="ne fonctionne pas en ce moment"):
        form.connection_test(Typed())


def test_saving_writes_choices_to_the_file_and_secrets_aside(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    form = make_form(tmp_path)
    form.take(form.read())
    form.show("production", ProfileSettings())
    typed = Typed(
        choice="production",
        language="en",
        profile=TYPED,
        client_secret="secret-client",
        insee_key=" cle-insee ",
    )
    saved = form.save(typed)()
    assert saved.kept is Kept.KEYCHAIN and saved.refused == ""
    text = (tmp_path / "settings.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert (data["backend"], data["language"]) == ("production", "en")
    assert data["profiles"]["production"]["client_id"] == "mon-appli"
    assert "secret-client" not in text and "cle-insee" not in text
    stored = memory_keyring.passwords
    assert stored[("chorus-wizard", "piste-client-secret:production:mon-appli")] == "secret-client"
    assert stored[("chorus-wizard", "insee-api-key")] == "cle-insee"


def test_a_remote_sandbox_needs_its_address_to_be_saved(tmp_path: Path) -> None:
    form = make_form(tmp_path)
    with pytest.raises(Unfit, match="adresse du bac à sable distant") as raised:
        form.save(Typed(choice="url", url="   "))
    assert not raised.value.warning
    form.save(Typed(choice="url", url=" http://salle:8765 "))()
    assert SettingsStore(tmp_path).load().backend == "http://salle:8765"
