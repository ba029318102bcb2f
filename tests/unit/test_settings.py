"""Paramètres: the file holds choices and never a secret; secrets go to the keychain or memory."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import keyring.core
import pytest
from keyring.backends import fail

from chorus_wizard.keychain import (
    INSEE_KEY,
    Kept,
    KeychainRefused,
    SecretStore,
    piste_client_secret,
    tech_password,
)
from chorus_wizard.settings import (
    ProfileSettings,
    Settings,
    SettingsStore,
    piste_credentials,
)
from tests.memory_keyring import MemoryKeyring


def test_round_trip_without_secrets(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "data")
    assert store.load() == Settings()
    settings = Settings(
        backend="production",
        profiles={"production": ProfileSettings("cid", "tech@x.fr", date(2027, 1, 2))},
    )
    store.save(settings)
    assert store.load() == settings
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["profiles"]["production"] == {
        "client_id": "cid",
        "tech_login": "tech@x.fr",
        "tech_password_expiry": "2027-01-02",
    }
    assert list(store.path.parent.iterdir()) == [store.path]  # no temporary file left behind


@pytest.mark.parametrize(
    "content",
    ["", "{not json", '{"format": "autre"}', '{"format": "chorus-wizard-settings", "backend": 3}'],
)
def test_unreadable_file_gives_defaults(tmp_path: Path, content: str) -> None:
    (tmp_path / "settings.json").write_text(content, encoding="utf-8")
    assert SettingsStore(tmp_path).load().backend == "sandbox"


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,  # RecursionError in the JSON decoder
        bytes(range(128, 256)) * 8,  # not UTF-8
        b'{"format": "autre", "backend": "production"}',
        b"{not json",
    ],
    ids=["nested 100,000 deep", "random bytes", "another format", "truncated"],
)
def test_a_broken_file_is_set_aside_and_said_once(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "settings.json").write_bytes(content)
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    (aside,) = tmp_path.glob("settings.endommage-*.json")
    assert aside.read_bytes() == content  # kept for support
    notice = store.take_notice()
    assert notice is not None
    assert notice.startswith("Les paramètres enregistrés n'ont pas pu être relus\u00a0: ")
    assert f"mis de côté ({aside.name})" in notice
    assert store.take_notice() is None  # said once
    assert store.load() == Settings()  # the next read finds no file: nothing more to say
    assert store.take_notice() is None


def test_a_good_file_has_nothing_to_say(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.save(Settings(backend="qualification"))
    assert store.load().backend == "qualification"
    assert store.take_notice() is None


def test_unknown_profiles_and_backends_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {
                "format": "chorus-wizard-settings",
                "backend": "ftp://ailleurs",
                "profiles": {"autre": {"client_id": "x"}, "qualification": {"client_id": "q"}},
            }
        ),
        encoding="utf-8",
    )
    loaded = SettingsStore(tmp_path).load()
    assert loaded.backend == "sandbox"
    assert set(loaded.profiles) == {"qualification"}


def test_secrets_go_to_the_keychain(memory_keyring: MemoryKeyring) -> None:
    secrets = SecretStore()
    assert secrets.set(INSEE_KEY, "cle") is Kept.KEYCHAIN
    assert memory_keyring.passwords[("chorus-wizard", "insee-api-key")] == "cle"
    assert secrets.get(INSEE_KEY) == "cle"


def test_without_keychain_secrets_stay_in_memory_for_the_session(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    secrets = SecretStore()
    assert not secrets.available()
    assert secrets.set(INSEE_KEY, "cle") is Kept.SESSION
    assert secrets.get(INSEE_KEY) == "cle"
    secrets.forget_session()
    assert secrets.get(INSEE_KEY) is None
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not written  # nothing was written anywhere, not even under HOME


def test_a_refusing_keychain_keeps_the_secret_for_the_session(
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.refuse = True
    secrets = SecretStore()
    with pytest.raises(KeychainRefused, match="cette session"):
        secrets.set(INSEE_KEY, "cle")
    assert secrets.get(INSEE_KEY) == "cle"


def test_credentials_need_all_four_values(memory_keyring: MemoryKeyring) -> None:
    secrets = SecretStore()
    values = ProfileSettings("cid", "tech@x.fr")
    assert piste_credentials("production", values, secrets) is None
    secrets.set(piste_client_secret("production", "cid"), "s3cret")
    assert piste_credentials("production", values, secrets) is None
    secrets.set(tech_password("production", "tech@x.fr"), "pw")
    credentials = piste_credentials("production", values, secrets)
    assert credentials is not None
    assert (credentials.client_secret, credentials.tech_password) == ("s3cret", "pw")
    assert "s3cret" not in repr(credentials) and "pw'" not in repr(credentials)
    assert piste_credentials("qualification", values, secrets) is None  # per environment
