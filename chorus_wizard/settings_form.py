"""« Paramètres » without Qt: what the dialog reads when it opens, tests, and saves.

The dialog (:mod:`chorus_wizard.ui.settings_dialog`) hands what its fields hold to a
:class:`SettingsForm` as a :class:`Typed`. The form keeps what was read, remembers what was
typed for each Chorus Pro environment while the user switches between them, and makes the work
that runs off the GUI thread: reading, testing the values typed before they are saved (a secret
left empty is the one kept), and saving (choices to ``settings.json``, never a secret; secrets
to the OS keychain or, where there is none, to memory for this session only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from chorus_wizard.backend.connection import (
    DEFAULT_PROBE_SIRET,
    ConnectionReport,
    check_connection,
    expiry_reminder,
)
from chorus_wizard.backend.profiles import (
    REAL_PROFILES,
    BackendProfile,
    PisteCredentials,
    is_custom_url,
    sandbox_profile,
)
from chorus_wizard.domain.identifiers import IdentifierType, check_identifier
from chorus_wizard.keychain import (
    INSEE_KEY,
    Kept,
    KeychainError,
    Secret,
    SecretStore,
    piste_client_secret,
    tech_password,
)
from chorus_wizard.settings import PATHS, ProfileSettings, Settings, SettingsStore
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

# The server choices that are not a real Chorus Pro environment (those are REAL_PROFILES).
SANDBOX = "sandbox"
URL = "url"

Checker = Callable[[BackendProfile, PisteCredentials, str], ConnectionReport]

URL_MISSING = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Saisissez l'adresse du bac à sable distant (http://… ou https://…)."
)


@dataclass(frozen=True)
class Loaded:
    """What was read when the dialog opened."""

    settings: Settings
    keychain: bool
    # the secrets that are kept (keychain or session)
    present: frozenset[Secret]


@dataclass(frozen=True)
class Saved:
    kept: Kept | None
    # Why the keychain refused a secret (then kept for this session only); "" when it did not.
    refused: str = ""


@dataclass(frozen=True)
class Typed:
    """What the dialog's fields hold."""

    # ``sandbox``, ``qualification``, ``production`` or ``url``
    choice: str = SANDBOX
    url: str = ""
    language: str = "fr"
    # The rehearsal's path ("" for none chosen: a training room's, else the guide's).
    path: str = ""
    # The fields of the environment shown (stripped; the expiry when the user knows it).
    profile: ProfileSettings = field(default_factory=ProfileSettings)
    client_secret: str = ""
    tech_password: str = ""
    insee_key: str = ""
    # The SIRET the connection test looks up ("" for the default one).
    probe: str = ""

    @property
    def backend(self) -> str:
        """The value for ``settings.json`` and ``--backend``: a profile's name or a URL."""
        return self.url.strip() if self.choice == URL else self.choice

    @property
    def real_profile(self) -> str | None:
        """The Chorus Pro environment chosen (the PISTE fields apply to it), or None."""
        return self.choice if self.choice in REAL_PROFILES else None


class Unfit(Exception):
    """What is typed cannot be tested or saved as it is; the message says why."""

    def __init__(self, message: str, *, warning: bool = False) -> None:
        super().__init__(message)
        # Something to do elsewhere first (a warning), rather than a value to correct.
        self.warning = warning


class SettingsForm:
    """The state behind « Paramètres », and the work it runs off the GUI thread."""

    def __init__(
        self,
        store: SettingsStore | None,
        secrets: SecretStore,
        running: BackendProfile,
        *,
        backend_option: str = "",
        checker: Checker = check_connection,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.store = store
        self.secrets = secrets
        # The server this run of the wizard uses.
        self.running = running
        # ``--backend`` as given on the command line ("" when none was).
        self.backend_option = backend_option
        self.today = today
        self._checker = checker
        self.settings = Settings()
        # Whether a keychain exists (else secrets are kept for this session only).
        self.keychain = True
        self._present: frozenset[Secret] = frozenset()
        # The real profile whose values the fields show ("" for none).
        self._shown = ""

    # -- opening ---------------------------------------------------------------------------

    def read(self) -> Loaded:
        """Off the GUI thread: the settings file, and which of their secrets are kept."""
        settings = self.store.load() if self.store is not None else Settings()
        wanted = [INSEE_KEY]
        for name in REAL_PROFILES:
            values = settings.for_profile(name)
            if values.client_id:
                wanted.append(piste_client_secret(name, values.client_id))
            if values.tech_login:
                wanted.append(tech_password(name, values.tech_login))
        present = frozenset(secret for secret in wanted if self.secrets.get(secret))
        return Loaded(settings, self.secrets.available(), present)

    def take(self, loaded: Loaded) -> str:
        """Keep what :meth:`read` found; returns the backend to show (``--backend`` wins)."""
        self.settings = loaded.settings
        self.keychain = loaded.keychain
        self._present = loaded.present
        return self.backend_option or loaded.settings.backend

    @property
    def insee_key_kept(self) -> bool:
        return INSEE_KEY in self._present

    # -- environment shown -----------------------------------------------------------------

    def show(self, name: str | None, typed: ProfileSettings) -> ProfileSettings | None:
        """The user chose ``name`` (a real profile, or None); ``typed`` is what its fields
        hold. Keeps that for the profile shown until now and returns the values to show for
        ``name``; None when the profile shown stays the same."""
        if (name or "") == self._shown:
            return None
        self._remember(typed)
        self._shown = name or ""
        return self.settings.for_profile(name) if name else ProfileSettings()

    def _remember(self, typed: ProfileSettings) -> None:
        if self._shown in REAL_PROFILES:
            self.settings = self.settings.with_profile(self._shown, typed)

    def kept_secrets(self, name: str | None, values: ProfileSettings) -> tuple[bool, bool]:
        """Whether the client secret and the technical password of ``values`` are kept."""
        if not name:
            return False, False
        return (
            piste_client_secret(name, values.client_id) in self._present,
            tech_password(name, values.tech_login) in self._present,
        )

    def runs_now(self, backend: str) -> bool:
        """Whether ``backend`` (a profile's name or a URL) is the server in use right now."""
        running = self.running
        running_value = running.api_base if running.name == SANDBOX else running.name
        return backend == running.name or (
            is_custom_url(backend) and backend.rstrip("/") == running_value.rstrip("/")
        )

    def reminder(self, expiry: date | None) -> tuple[str, bool] | None:
        """The technical password's reminder and whether it is a warning; None if unknown."""
        return expiry_reminder(expiry, self.today())

    # -- Tester la connexion -------------------------------------------------------------

    def connection_test(self, typed: Typed) -> Callable[[], ConnectionReport | None]:
        """The test of the values typed, to run off the GUI thread; it returns None when the
        credentials are incomplete. Raises :class:`Unfit` when there is nothing to test."""
        profile = self._profile_to_test(typed)
        check = check_identifier(IdentifierType.SIRET, typed.probe.strip() or DEFAULT_PROBE_SIRET)
        if not check.ok:
            raise Unfit(
                translate("SettingsDialog", "SIRET à rechercher\u00a0: {reason}").format(
                    reason=check.reason
                )
            )
        credentials = self._credentials(typed)
        checker, siret = self._checker, check.normalized

        def test() -> ConnectionReport | None:
            resolved = credentials()
            return None if resolved is None else checker(profile, resolved, siret)

        return test

    def _profile_to_test(self, typed: Typed) -> BackendProfile:
        if typed.real_profile is not None:
            return REAL_PROFILES[typed.real_profile]
        running = self.running
        if typed.choice == SANDBOX:
            if running.name == SANDBOX and running.credentials is not None:
                return running
            raise Unfit(
                translate(
                    "SettingsDialog",
                    "Le bac à sable intégré ne fonctionne pas en ce moment\u00a0: il démarrera "
                    "avec l'assistant une fois ce choix enregistré et l'assistant relancé.",
                ),
                warning=True,
            )
        url = typed.url.strip()
        if not is_custom_url(url):
            raise Unfit(translate("SettingsDialog", URL_MISSING), warning=True)
        return sandbox_profile(url)

    def _credentials(self, typed: Typed) -> Callable[[], PisteCredentials | None]:
        """Resolves, off the GUI thread, the credentials typed or kept (None: incomplete)."""
        name = typed.real_profile
        if name is None:
            running = self.running
            return lambda: running.credentials
        values, secrets = typed.profile, self.secrets
        secret, password = typed.client_secret, typed.tech_password

        def resolve() -> PisteCredentials | None:
            client_secret = secret or secrets.get(piste_client_secret(name, values.client_id))
            password_kept = password or secrets.get(tech_password(name, values.tech_login))
            if not (values.client_id and client_secret and values.tech_login and password_kept):
                return None
            return PisteCredentials(
                values.client_id, client_secret, values.tech_login, password_kept
            )

        return resolve

    # -- Enregistrer ---------------------------------------------------------------------

    def save(self, typed: Typed) -> Callable[[], Saved]:
        """The saving of the values typed, to run off the GUI thread. Raises :class:`Unfit`
        when the remote sandbox's address is missing."""
        if typed.choice == URL and not is_custom_url(typed.backend):
            raise Unfit(translate("SettingsDialog", URL_MISSING))
        self._remember(typed.profile)
        settings = Settings(
            backend=typed.backend,
            language=typed.language,
            path=typed.path if typed.path in PATHS else "",
            profiles=dict(self.settings.profiles),
        )
        writes: list[tuple[Secret, str]] = []
        name = typed.real_profile
        if name is not None:
            values = settings.for_profile(name)
            if typed.client_secret and values.client_id:
                writes.append((piste_client_secret(name, values.client_id), typed.client_secret))
            if typed.tech_password and values.tech_login:
                writes.append((tech_password(name, values.tech_login), typed.tech_password))
        if typed.insee_key:
            writes.append((INSEE_KEY, typed.insee_key.strip()))
        store, secrets = self.store, self.secrets

        def save() -> Saved:
            if store is not None:
                store.save(settings)
            kept: Kept | None = None
            try:
                for secret, value in writes:
                    kept = secrets.set(secret, value)
            except KeychainError as refused:
                return Saved(Kept.SESSION, str(refused))
            return Saved(kept)

        return save
