"""The one secret store: every secret under the names earlier releases used, the session
fallback only where it is allowed, typed errors, nothing secret in a log; and ``keyring`` is
imported by one module of the program only."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from chorus_wizard.keychain import (
    INSEE_KEY,
    Kept,
    KeychainRefused,
    KeychainUnavailable,
    SecretStore,
    login_password,
    piste_client_secret,
    signup_token,
    smtp_password,
    tech_password,
)
from tests.memory_keyring import MemoryKeyring

PACKAGE = Path(__file__).resolve().parents[2] / "chorus_wizard"


# -- one module imports keyring --------------------------------------------------------------


def imports_keyring(path: Path) -> bool:
    """Whether ``path`` imports ``keyring`` (or one of its modules) anywhere in its code,
    with an import statement or through ``importlib.import_module`` / ``__import__``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else None
            called = called or (function.id if isinstance(function, ast.Name) else None)
            first = node.args[0]
            if called in ("import_module", "__import__") and isinstance(first, ast.Constant):
                names.append(str(first.value))
    return any(name == "keyring" or name.startswith("keyring.") for name in names)


def test_only_the_secret_store_imports_keyring() -> None:
    importers = sorted(
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py") if imports_keyring(path)
    )
    assert importers == ["keychain.py"]


@pytest.mark.parametrize(
    ("source", "imports"),
    [
        ("def f():\n    import keyring\n", True),
        ("from keyring.errors import KeyringError\n", True),
        ("import keyring.core as core\n", True),
        ("import importlib\nk = importlib.import_module('keyring')\n", True),
        ("k = __import__('keyring.backends')\n", True),
        ("import keyrings_alt\nfrom . import keyring\n", False),
        ("KEYRING_SERVICE = 'keyring'\n", False),
    ],
)
def test_the_import_check_sees_every_way_in(tmp_path: Path, source: str, imports: bool) -> None:
    module = tmp_path / "m.py"
    module.write_text(source, encoding="utf-8")
    assert imports_keyring(module) is imports


# -- the names users already have in their keychain ------------------------------------------


def test_secrets_stored_by_earlier_releases_are_found(memory_keyring: MemoryKeyring) -> None:
    """Written by hand: the (service, user name) pairs earlier releases stored secrets under.
    Users have them in their OS keychain; a renamed one would be lost."""
    memory_keyring.passwords.update(
        {
            ("chorus-wizard", "insee-api-key"): "cle-insee",
            ("chorus-wizard", "piste-client-secret:production:mon-appli"): "secret-client",
            ("chorus-wizard", "compte-technique:qualification:TECH_1@exemple.fr"): "mdp-tech",
            ("chorus-wizard", "jeanne.martin@exemple.fr"): "mot-de-passe-du-compte",
            ("chorus-wizard-inscription", "42"): "jeton-inscription",
            ("chorus-wizard-smtp", "relais@exemple.fr"): "mdp-smtp",
        }
    )
    store = SecretStore()
    assert store.get(INSEE_KEY) == "cle-insee"
    assert store.get(piste_client_secret("production", "mon-appli")) == "secret-client"
    assert store.get(tech_password("qualification", "TECH_1@exemple.fr")) == "mdp-tech"
    assert store.get(login_password("jeanne.martin@exemple.fr")) == "mot-de-passe-du-compte"
    assert store.get(signup_token(42)) == "jeton-inscription"
    assert store.get(smtp_password("relais@exemple.fr")) == "mdp-smtp"
    # … and written back under the same names.
    store.set(signup_token(7), "autre-jeton")
    assert memory_keyring.passwords[("chorus-wizard-inscription", "7")] == "autre-jeton"


# -- with a keychain -------------------------------------------------------------------------


def test_set_get_delete_through_the_keychain(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.available()
    assert store.set(INSEE_KEY, "cle") is Kept.KEYCHAIN
    assert memory_keyring.passwords[("chorus-wizard", "insee-api-key")] == "cle"
    assert SecretStore().get(INSEE_KEY) == "cle"  # another store, the same keychain
    store.delete(INSEE_KEY)
    assert memory_keyring.passwords == {}
    assert store.get(INSEE_KEY) is None
    store.delete(INSEE_KEY)  # absent already: nothing to say
    store.set(INSEE_KEY, "cle")
    assert store.set(INSEE_KEY, "") is Kept.KEYCHAIN  # an empty value forgets
    assert store.get(INSEE_KEY) is None


def test_a_refusing_keychain_keeps_a_session_secret_in_memory_only(
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.refuse = True
    store = SecretStore()
    with pytest.raises(KeychainRefused, match="cette session"):
        store.set(piste_client_secret("production", "cid"), "s3cret")
    assert store.get(piste_client_secret("production", "cid")) == "s3cret"
    assert memory_keyring.passwords == {}
    store.forget_session()
    assert store.get(piste_client_secret("production", "cid")) is None


def test_a_refusing_keychain_keeps_the_login_password_nowhere(
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.refuse = True
    store = SecretStore()
    with pytest.raises(KeychainRefused, match="gestionnaire de mots de passe"):
        store.set(login_password("jeanne@exemple.fr"), "Mot-de-passe-1")
    assert store.get(login_password("jeanne@exemple.fr")) is None
    memory_keyring.refuse = False  # a retry may work
    assert store.set(login_password("jeanne@exemple.fr"), "Mot-de-passe-1") is Kept.KEYCHAIN


# -- without a keychain ----------------------------------------------------------------------


@pytest.fixture
def no_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())


@pytest.mark.usefixtures("no_keychain")
def test_without_keychain_session_secrets_wait_in_memory(tmp_path: Path) -> None:
    store = SecretStore()
    assert not store.available()
    assert store.backend_name() == "keyring.backends.fail.Keyring"
    for secret in (INSEE_KEY, piste_client_secret("p", "c"), tech_password("p", "t")):
        assert store.set(secret, "valeur") is Kept.SESSION
        assert store.get(secret) == "valeur"
        assert store.read(secret) == "valeur"
    store.forget_session()
    assert store.get(INSEE_KEY) is None
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # nothing written, even in HOME


@pytest.mark.usefixtures("no_keychain")
def test_without_keychain_the_others_are_kept_nowhere_and_say_so() -> None:
    store = SecretStore()
    for secret in (login_password("j@exemple.fr"), signup_token(1), smtp_password("relais")):
        with pytest.raises(KeychainUnavailable, match="Aucun trousseau"):
            store.set(secret, "valeur")
        assert store.get(secret) is None
        with pytest.raises(KeychainUnavailable):
            store.read(secret)


# -- no secret in a log or a message ---------------------------------------------------------


class LeakyKeyring(KeyringBackend):
    """A backend whose errors repeat the secret, as a careless one might."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"cannot read {service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"cannot store {password!r}")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError(f"cannot delete {username}")


def test_failures_are_typed_and_never_repeat_the_secret(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", LeakyKeyring())
    caplog.set_level(logging.DEBUG)
    store = SecretStore()
    secret = login_password("jeanne@exemple.fr")
    with pytest.raises(KeychainRefused) as refused:
        store.set(secret, "Mot-de-passe-Tres-Secret")
    with pytest.raises(KeychainRefused, match="n'a pas pu être lu") as unread:
        store.read(secret)
    assert store.get(secret) is None
    store.delete(secret)
    said = caplog.text + str(refused.value) + str(unread.value)
    assert "RuntimeError" in caplog.text
    assert "Mot-de-passe-Tres-Secret" not in said
    assert "jeanne@exemple.fr" not in said
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
