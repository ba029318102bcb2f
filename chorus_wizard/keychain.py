"""The one store of every secret the program keeps: the OS keychain, or this session's memory.

Each secret is declared once below as a :class:`Secret`: its keychain service and user name,
and whether it may wait in memory for the session when there is no keychain. The names are
those earlier releases used, so what users already stored is still found; changing one loses
it. :class:`SecretStore` holds them all, for the wizard (the « Paramètres » secrets, the INSEE
key, the signup token, the saved login password) and for ``chorus-wizard-sandbox`` (its SMTP
relay's password); it is built once and handed to whoever needs it.

Every call may block (a desktop prompt, D-Bus): run them off the GUI thread. A failure is a
:class:`KeychainUnavailable` (no usable keychain on this machine) or a
:class:`KeychainRefused` (a keychain that said no, or could not be read), whose ``str()`` is a
French message for the user. A secret is never written to a file, and never to a log: failures
are logged with the kind of error only. This is the only module that imports ``keyring``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from enum import Enum
from types import ModuleType

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

#: Service of the wizard's own secrets: the Paramètres' secrets, the INSEE key, and the
#: login password the final page offers to keep (user name: the login e-mail).
KEYRING_SERVICE = "chorus-wizard"
#: Service of the signup token of an account being created (user name: its id), kept so that
#: a signup interrupted by a crash can be resumed with the backend state re-read.
SIGNUP_TOKEN_SERVICE = "chorus-wizard-inscription"
#: Service under which ``chorus-wizard-sandbox --smtp-user U`` finds U's relay password.
SMTP_SERVICE = "chorus-wizard-smtp"


@dataclass(frozen=True)
class Secret:
    """Where one secret lives in the keychain. ``session``: when there is no keychain (or it
    refuses), the secret waits in memory until the wizard closes, rather than nowhere."""

    service: str
    user: str
    session: bool = False


#: The INSEE API Sirene key (« Paramètres », or ``keyring set chorus-wizard insee-api-key``).
INSEE_KEY = Secret(KEYRING_SERVICE, "insee-api-key", session=True)


def piste_client_secret(profile: str, client_id: str) -> Secret:
    """The PISTE client secret of ``client_id`` in the Chorus Pro environment ``profile``."""
    return Secret(KEYRING_SERVICE, f"piste-client-secret:{profile}:{client_id}", session=True)


def tech_password(profile: str, login: str) -> Secret:
    """The password of the technical account ``login`` in ``profile``."""
    return Secret(KEYRING_SERVICE, f"compte-technique:{profile}:{login}", session=True)


def login_password(email: str) -> Secret:
    """The new account's password, kept at the person's request: in the keychain or nowhere
    (a password kept for the session only would be a promise the wizard cannot keep)."""
    return Secret(KEYRING_SERVICE, email)


def signup_token(account_id: int) -> Secret:
    """The signup token of an account being created: only worth keeping across a crash."""
    return Secret(SIGNUP_TOKEN_SERVICE, str(account_id))


def smtp_password(login: str) -> Secret:
    """The sandbox's SMTP relay password for ``login`` (stored by hand, read at start)."""
    return Secret(SMTP_SERVICE, login)


NO_KEYCHAIN_SETTINGS = QT_TRANSLATE_NOOP(
    "keychain",
    "Aucun trousseau du système n'est disponible sur cet ordinateur\u00a0: les secrets saisis ici "
    "sont gardés en mémoire pour cette session seulement, jamais écrits dans un fichier. Il faudra "
    "les saisir de nouveau au prochain démarrage.",
)

#: Said when a secret that may not wait in memory finds no keychain. Worded for the login
#: password: of those secrets, it is the only one the person is told about.
NO_KEYCHAIN = QT_TRANSLATE_NOOP(
    "keychain",
    "Aucun trousseau du système n'est disponible sur cet ordinateur\u00a0: le mot de passe n'a pas "
    "été enregistré. Conservez-le dans un gestionnaire de mots de passe.",
)

REFUSED = QT_TRANSLATE_NOOP(
    "keychain",
    "Le trousseau du système a refusé d'enregistrer le mot de passe (trousseau verrouillé ou "
    "accès refusé). Conservez-le dans un gestionnaire de mots de passe.",
)

REFUSED_KEPT_FOR_SESSION = QT_TRANSLATE_NOOP(
    "keychain",
    "Le trousseau du système a refusé d'enregistrer le secret (trousseau verrouillé ou accès "
    "refusé)\u00a0: il est gardé en mémoire pour cette session seulement.",
)

NOTHING_TO_READ = QT_TRANSLATE_NOOP(
    "keychain", "Aucun trousseau du système n'est disponible sur cet ordinateur."
)

UNREADABLE = QT_TRANSLATE_NOOP(
    "keychain",
    "Le trousseau du système n'a pas pu être lu (trousseau verrouillé ou accès refusé).",
)


class KeychainError(Exception):
    """The keychain did not do what was asked; ``str()`` is a French message for the user."""


class KeychainUnavailable(KeychainError):
    """This machine has no usable keychain."""


class KeychainRefused(KeychainError):
    """The keychain exists but refused (locked, access denied): a retry may work."""


class Kept(Enum):
    """Where :meth:`SecretStore.set` put a secret."""

    KEYCHAIN = "keychain"
    SESSION = "session"  # memory only, until the wizard closes


def _keyring() -> ModuleType:
    """``keyring``, imported on first use: it stays off the first paint (see
    docs/performance.md, « Other findings »: looking for a keychain is not free)."""
    import keyring

    return keyring


class SecretStore:
    """Every secret of the program: the OS keychain chosen by ``keyring`` (Trousseau,
    Credential Manager, Secret Service…), and this session's memory where a :class:`Secret`
    allows it. A value kept for the session is returned by :meth:`get` before the keychain
    is asked, so a value typed in this session wins over an older stored one."""

    def __init__(self) -> None:
        self._session: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    # -- the keychain itself -----------------------------------------------------------------

    def backend_name(self) -> str:
        """The keychain backend ``keyring`` chose (``module.Class``), for the self-test."""
        try:
            backend = _keyring().get_keyring()
        except Exception as exc:
            return f"inutilisable ({type(exc).__name__})"
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def available(self) -> bool:
        """Whether a real keychain exists (keyring's fail and null backends do not count)."""
        try:
            from keyring.backends import fail, null

            backend = _keyring().get_keyring()
        except Exception as exc:  # a broken backend must not break the program
            log.warning("Trousseau inutilisable (%s)", type(exc).__name__)
            return False
        return not isinstance(backend, fail.Keyring | null.Keyring)

    # -- reading -----------------------------------------------------------------------------

    def read(self, secret: Secret) -> str | None:
        """The secret, or None when none is kept. Raises :class:`KeychainUnavailable` when
        there is no keychain to ask, :class:`KeychainRefused` when it could not be read."""
        with self._lock:
            if (key := (secret.service, secret.user)) in self._session:
                return self._session[key]
        if not self.available():
            raise KeychainUnavailable(translate("keychain", NOTHING_TO_READ))
        try:
            return _keyring().get_password(secret.service, secret.user) or None
        except Exception as exc:  # keyring backends raise many kinds; none may leak the secret
            log.warning("Secret illisible dans le trousseau (%s)", type(exc).__name__)
            raise KeychainRefused(translate("keychain", UNREADABLE)) from None

    def get(self, secret: Secret) -> str | None:
        """The secret, or None when none is kept or it cannot be read (the reason is logged,
        never the value)."""
        try:
            return self.read(secret)
        except KeychainError:
            return None

    # -- writing -----------------------------------------------------------------------------

    def set(self, secret: Secret, value: str) -> Kept:
        """Keep ``value`` (an empty one forgets the secret) and say where.

        Without a keychain, a session secret waits in memory (:attr:`Kept.SESSION`); any
        other raises :class:`KeychainUnavailable`. A keychain that says no raises
        :class:`KeychainRefused`, after keeping a session secret in memory meanwhile.
        """
        if not value:
            self.delete(secret)
            return Kept.KEYCHAIN if self.available() else Kept.SESSION
        key = (secret.service, secret.user)
        if not self.available():
            if not secret.session:
                raise KeychainUnavailable(translate("keychain", NO_KEYCHAIN))
            with self._lock:
                self._session[key] = value
            return Kept.SESSION
        try:
            _keyring().set_password(secret.service, secret.user, value)
        except Exception as exc:  # keyring backends raise many kinds; none may leak the secret
            log.warning("Secret non enregistré dans le trousseau (%s)", type(exc).__name__)
            if not secret.session:
                raise KeychainRefused(translate("keychain", REFUSED)) from None
            with self._lock:
                self._session[key] = value
            raise KeychainRefused(translate("keychain", REFUSED_KEPT_FOR_SESSION)) from None
        with self._lock:
            self._session.pop(key, None)
        return Kept.KEYCHAIN

    def delete(self, secret: Secret) -> None:
        """Forget the secret, in memory and in the keychain; absent already is fine."""
        with self._lock:
            self._session.pop((secret.service, secret.user), None)
        if not self.available():
            return
        try:
            _keyring().delete_password(secret.service, secret.user)
        except Exception as exc:  # absent already, or refused: nothing more to do
            log.debug("Secret non effacé (%s)", type(exc).__name__)

    def forget_session(self) -> None:
        """Drop the secrets kept in memory (the wizard is closing)."""
        with self._lock:
            self._session.clear()
