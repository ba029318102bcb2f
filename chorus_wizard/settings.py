"""The Paramètres file: chosen backend, PISTE client id, technical login — never a secret.

``<data-dir>/settings.json``, written atomically (temporary file + rename)::

    {"format": "chorus-wizard-settings", "version": 1, "backend": "production",
     "language": "fr", "path": "portail-actuel",
     "profiles": {"production": {"client_id": "…", "tech_login": "…",
                                 "tech_password_expiry": "2027-03-31"}}}

Only the keys below are read or written: a secret has no key, so it cannot reach the file.
A file that cannot be used is set aside (:func:`chorus_wizard.files.read_json`) and the
defaults apply; :meth:`SettingsStore.take_notice` tells the person once.
The secrets themselves (PISTE client secret, technical password, INSEE key) live in the
program's one secret store, :class:`chorus_wizard.keychain.SecretStore`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from chorus_wizard.backend.profiles import REAL_PROFILES, PisteCredentials, is_custom_url
from chorus_wizard.files import SetAside, Unusable, read_json, write_json_atomically
from chorus_wizard.keychain import INSEE_KEY, SecretStore, piste_client_secret, tech_password
from chorus_wizard.texts import translate

FORMAT = "chorus-wizard-settings"
VERSION = 1
FILE_NAME = "settings.json"
LANGUAGES = ("fr", "en")
#: The rehearsal's paths (``--parcours``): the guide's four steps, or today's portal.
PATHS = ("guide", "portail-actuel")


@dataclass(frozen=True)
class ProfileSettings:
    """What the user entered for one real Chorus Pro environment (no secret)."""

    client_id: str = ""
    tech_login: str = ""
    #: Entered by hand when known (the portal shows it), for the 424-day reminder.
    tech_password_expiry: date | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"client_id": self.client_id, "tech_login": self.tech_login}
        if self.tech_password_expiry is not None:
            data["tech_password_expiry"] = self.tech_password_expiry.isoformat()
        return data

    @classmethod
    def from_json(cls, data: object) -> ProfileSettings:
        if not isinstance(data, dict):
            return cls()
        expiry = None
        raw = data.get("tech_password_expiry")
        if isinstance(raw, str):
            try:
                expiry = date.fromisoformat(raw)
            except ValueError:
                expiry = None
        return cls(
            client_id=str(data.get("client_id") or "").strip(),
            tech_login=str(data.get("tech_login") or "").strip(),
            tech_password_expiry=expiry,
        )


@dataclass(frozen=True)
class Settings:
    """``backend``: ``sandbox``, ``qualification``, ``production`` or a sandbox URL."""

    backend: str = "sandbox"
    #: Interface language (``fr`` or ``en``), used from the next start; ``--lang`` wins.
    language: str = "fr"
    #: The rehearsal's path (one of :data:`PATHS`), used from the next start with a sandbox;
    #: "" when none is chosen (then a training room's, else the guide's). ``--parcours`` wins.
    path: str = ""
    profiles: Mapping[str, ProfileSettings] = field(default_factory=lambda: MappingProxyType({}))

    def for_profile(self, name: str) -> ProfileSettings:
        return self.profiles.get(name, ProfileSettings())

    def with_profile(self, name: str, values: ProfileSettings) -> Settings:
        return replace(self, profiles={**self.profiles, name: values})


def valid_backend(value: str) -> bool:
    return value == "sandbox" or value in REAL_PROFILES or is_custom_url(value)


def _settings_from_json(data: Any) -> Settings:
    """The settings in a JSON document (:func:`~chorus_wizard.files.read_json`'s check):
    unknown keys, profiles and values are ignored, a document of another kind is unusable."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Unusable()
    backend = str(data.get("backend") or "sandbox")
    profiles = data.get("profiles") if isinstance(data.get("profiles"), dict) else {}
    assert isinstance(profiles, dict)
    language = str(data.get("language") or "fr")
    path = str(data.get("path") or "")
    return Settings(
        backend=backend if valid_backend(backend) else "sandbox",
        language=language if language in LANGUAGES else "fr",
        path=path if path in PATHS else "",
        profiles={
            name: ProfileSettings.from_json(values)
            for name, values in profiles.items()
            if name in REAL_PROFILES
        },
    )


class SettingsStore:
    """Reads and writes ``settings.json`` of one data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        self._set_aside: SetAside | None = None

    def load(self) -> Settings:
        """The saved settings; defaults when there is no file or it cannot be used (then
        the file is set aside, and :meth:`take_notice` says so once)."""
        try:
            settings = read_json(self.path, _settings_from_json)
        except SetAside as aside:
            self._set_aside = aside
            return Settings()
        return settings if settings is not None else Settings()

    def take_notice(self) -> str | None:
        """Once, in French, what happened to a file :meth:`load` set aside; else None."""
        aside, self._set_aside = self._set_aside, None
        if aside is None:
            return None
        if aside.aside is None:
            return translate(
                "settings",
                "Les paramètres enregistrés n'ont pas pu être relus : {why}. Les valeurs par "
                "défaut s'appliquent ; vérifiez « Plus › Paramètres ».",
            ).format(why=aside.reason)
        return translate(
            "settings",
            "Les paramètres enregistrés n'ont pas pu être relus : {why}. Le fichier a été mis "
            "de côté ({file}) et les valeurs par défaut s'appliquent ; vérifiez « Plus › "
            "Paramètres ».",
        ).format(why=aside.reason, file=aside.aside.name)

    def save(self, settings: Settings) -> None:
        """Write atomically: the old file stays whole until the new one is complete."""
        data = {
            "format": FORMAT,
            "version": VERSION,
            "backend": settings.backend,
            "language": settings.language,
            "path": settings.path,
            "profiles": {
                name: values.to_json()
                for name, values in settings.profiles.items()
                if name in REAL_PROFILES
            },
        }
        write_json_atomically(self.path, data, indent=2)


def piste_credentials(
    profile_name: str, values: ProfileSettings, secrets: SecretStore
) -> PisteCredentials | None:
    """The four PISTE values for a real profile, or None while one is missing.

    Reads the keychain: call it off the GUI thread.
    """
    if not (values.client_id and values.tech_login):
        return None
    secret = secrets.get(piste_client_secret(profile_name, values.client_id))
    password = secrets.get(tech_password(profile_name, values.tech_login))
    if not (secret and password):
        return None
    return PisteCredentials(values.client_id, secret, values.tech_login, password)


def insee_key(secrets: SecretStore) -> str | None:
    """The INSEE API key (keychain, or this session's memory). Off the GUI thread."""
    return secrets.get(INSEE_KEY)
