"""The OS keychain (through ``keyring``): the new account's password, the Paramètres' secrets.

Every call may block (a desktop prompt, D-Bus): run them off the GUI thread. When the machine
has no usable keychain, :class:`KeychainUnavailable` says so in French (and
:class:`KeychainRefused` when it exists but said no); the password is then stored nowhere,
never in a plain file instead.
"""

from __future__ import annotations

import logging
import threading
from enum import Enum
from typing import Protocol

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

#: Service name of the passwords chorus-wizard stores; the user name is the login e-mail.
KEYRING_SERVICE = "chorus-wizard"
#: Service name of the signup token of an account being created (user name: its id), kept
#: so that a signup interrupted by a crash can be resumed with the backend state re-read.
SIGNUP_TOKEN_SERVICE = "chorus-wizard-inscription"

#: User names, under :data:`KEYRING_SERVICE`, of the Paramètres' secrets.
INSEE_USER = "insee-api-key"  # the name backend/insee.py reads


def client_secret_user(profile: str, client_id: str) -> str:
    """Keychain user name of the PISTE client secret of ``client_id`` in ``profile``."""
    return f"piste-client-secret:{profile}:{client_id}"


def tech_password_user(profile: str, login: str) -> str:
    """Keychain user name of the technical account's password."""
    return f"compte-technique:{profile}:{login}"


NO_KEYCHAIN_SETTINGS = QT_TRANSLATE_NOOP(
    "keychain",
    "Aucun trousseau du système n'est disponible sur cet ordinateur\u00a0: les secrets saisis ici "
    "sont gardés en mémoire pour cette session seulement, jamais écrits dans un fichier. Il faudra "
    "les saisir de nouveau au prochain démarrage.",
)

NO_KEYCHAIN = QT_TRANSLATE_NOOP(
    "keychain",
    "Aucun trousseau du système n'est disponible sur cet ordinateur\u00a0: le mot de passe n'a pas "
    "été enregistré. Conservez-le dans un gestionnaire de mots de passe.",
)


class KeychainError(Exception):
    """The password was not stored; ``str()`` is a French message for the user."""


class KeychainUnavailable(KeychainError):
    """This machine has no usable keychain."""


class KeychainRefused(KeychainError):
    """The keychain exists but refused (locked, access denied): a retry may work."""


class Keychain(Protocol):
    """Where the wizard may store a password at the user's request."""

    def available(self) -> bool: ...

    def store_password(self, login: str, password: str) -> None: ...

    def keep_signup_token(self, account_id: int, token: str) -> bool: ...

    def signup_token(self, account_id: int) -> str | None: ...

    def forget_signup_token(self, account_id: int) -> None: ...


def _usable(backend: object) -> bool:
    from keyring.backends import fail, null

    return not isinstance(backend, fail.Keyring | null.Keyring)


class SystemKeychain:
    """The OS keychain chosen by ``keyring`` (Trousseau, Credential Manager, Secret Service…)."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def available(self) -> bool:
        """Whether a real keychain backend exists (the fail and null backends do not count)."""
        import keyring

        try:
            return _usable(keyring.get_keyring())
        except Exception as exc:  # a broken backend must not break the wizard
            log.warning("Trousseau inutilisable (%s)", type(exc).__name__)
            return False

    def store_password(self, login: str, password: str) -> None:
        """Store ``password`` for ``login``; raises a :class:`KeychainError` on failure."""
        import keyring

        if not self.available():
            raise KeychainUnavailable(translate("keychain", NO_KEYCHAIN))
        try:
            keyring.set_password(self.service, login, password)
        except Exception as exc:  # keyring backends raise many kinds; none may leak the secret
            log.warning("Échec de l'enregistrement dans le trousseau (%s)", type(exc).__name__)
            raise KeychainRefused(
                translate(
                    "keychain",
                    "Le trousseau du système a refusé d'enregistrer le mot de passe (trousseau "
                    "verrouillé ou accès refusé). Conservez-le dans un gestionnaire de mots de "
                    "passe.",
                )
            ) from None

    # The signup token: best effort, never an error for the user (without a keychain, an
    # interrupted signup resumes at the activation step instead of the workspaces).

    def keep_signup_token(self, account_id: int, token: str) -> bool:
        """Keep the token for resuming; False when no keychain took it."""
        import keyring

        if not self.available():
            return False
        try:
            keyring.set_password(SIGNUP_TOKEN_SERVICE, str(account_id), token)
        except Exception as exc:
            log.warning("Jeton d'inscription non conservé (%s)", type(exc).__name__)
            return False
        return True

    def signup_token(self, account_id: int) -> str | None:
        import keyring

        if not self.available():
            return None
        try:
            return keyring.get_password(SIGNUP_TOKEN_SERVICE, str(account_id)) or None
        except Exception as exc:
            log.warning("Jeton d'inscription illisible (%s)", type(exc).__name__)
            return None

    def forget_signup_token(self, account_id: int) -> None:
        import keyring

        if not self.available():
            return
        try:
            keyring.delete_password(SIGNUP_TOKEN_SERVICE, str(account_id))
        except Exception as exc:  # absent already, or the keychain refused: nothing to do
            log.debug("Jeton d'inscription non effacé (%s)", type(exc).__name__)


class Kept(Enum):
    """Where :meth:`SecretStore.set` put a secret."""

    KEYCHAIN = "keychain"
    SESSION = "session"  # memory only, until the wizard closes


class SecretStore:
    """The Paramètres' secrets: the OS keychain, or this session's memory when there is none.

    Never a plain file. Every method may block (keychain): call them off the GUI thread.
    A secret kept for the session is also returned by :meth:`get` before the keychain is
    asked, so a value typed in this session wins over an older stored one.
    """

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service
        self._session: dict[str, str] = {}
        self._lock = threading.Lock()

    def available(self) -> bool:
        import keyring

        try:
            return _usable(keyring.get_keyring())
        except Exception as exc:
            log.warning("Trousseau inutilisable (%s)", type(exc).__name__)
            return False

    def get(self, user: str) -> str | None:
        with self._lock:
            if user in self._session:
                return self._session[user] or None
        if not self.available():
            return None
        import keyring

        try:
            return keyring.get_password(self.service, user) or None
        except Exception as exc:
            log.warning("Secret illisible dans le trousseau (%s)", type(exc).__name__)
            return None

    def set(self, user: str, value: str) -> Kept:
        """Keep ``value`` (an empty one forgets it). Raises :class:`KeychainRefused` when a
        keychain exists but said no; the value is then kept for the session meanwhile."""
        if not value:
            self.delete(user)
            return Kept.KEYCHAIN if self.available() else Kept.SESSION
        if not self.available():
            with self._lock:
                self._session[user] = value
            return Kept.SESSION
        import keyring

        try:
            keyring.set_password(self.service, user, value)
        except Exception as exc:
            log.warning("Secret non enregistré dans le trousseau (%s)", type(exc).__name__)
            with self._lock:
                self._session[user] = value
            raise KeychainRefused(
                translate(
                    "keychain",
                    "Le trousseau du système a refusé d'enregistrer le secret (trousseau "
                    "verrouillé ou accès refusé)\u00a0: il est gardé en mémoire pour cette session "
                    "seulement.",
                )
            ) from None
        with self._lock:
            self._session.pop(user, None)
        return Kept.KEYCHAIN

    def delete(self, user: str) -> None:
        with self._lock:
            self._session.pop(user, None)
        if not self.available():
            return
        import keyring

        try:
            keyring.delete_password(self.service, user)
        except Exception as exc:  # absent already, or refused: nothing more to do
            log.debug("Secret non effacé (%s)", type(exc).__name__)

    def forget_session(self) -> None:
        """Drop the secrets kept in memory (the wizard is closing)."""
        with self._lock:
            self._session.clear()
