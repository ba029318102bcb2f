"""Backend profiles: where each service lives and what the backend can do."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from chorus_wizard.contracts.identities import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
    SANDBOX_TECH_PASSWORD,
)
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

RECHERCHE_ENTREPRISES_URL = "https://recherche-entreprises.api.gouv.fr"

DIRECTORY_KINDS = ("sandbox", "recherche-entreprises", "insee")


@dataclass(frozen=True, slots=True)
class PisteCredentials:
    """PISTE application and Chorus Pro technical account. Held in memory only."""

    client_id: str
    client_secret: str
    tech_login: str
    tech_password: str

    def __repr__(self) -> str:
        return f"PisteCredentials(client_id={self.client_id!r}, tech_login={self.tech_login!r})"


@dataclass(frozen=True, slots=True)
class DirectoryChoice:
    """Which company directory prefills the form (one of :data:`DIRECTORY_KINDS`), and at
    which base URL ("" for the public API's own)."""

    kind: str
    url: str


@dataclass(frozen=True, slots=True)
class BackendProfile:
    """One backend: its URLs, and whether it can create accounts itself.

    ``signup_url`` is the base of the sandbox-only signup services; real Chorus Pro has none,
    which is why ``can_create_accounts`` is false there and the portal takes over.
    """

    name: str
    label: str
    token_url: str
    api_base: str
    portal_url: str
    directory_url: str
    can_create_accounts: bool
    signup_url: str = ""
    credentials: PisteCredentials | None = None

    @property
    def portal_host(self) -> str:
        """``portail.chorus-pro.gouv.fr``: the portal named in the « Mode portail » banner."""
        return urlsplit(self.portal_url).netloc or self.portal_url

    @property
    def shown_label(self) -> str:
        """``label`` in the interface's language (the file and diagnostics keep the French)."""
        return translate("profiles", self.label)

    @property
    def is_real(self) -> bool:
        """Real Chorus Pro (qualification or production): its credentials are the user's."""
        return self.name in ("qualification", "production")


def sandbox_profile(base_url: str) -> BackendProfile:
    """The embedded (or a remote training-room) sandbox at ``base_url``."""
    base = base_url.rstrip("/")
    return BackendProfile(
        name="sandbox",
        label=QT_TRANSLATE_NOOP("profiles", "Bac à sable"),
        token_url=f"{base}/api/oauth/token",
        api_base=base,
        portal_url=f"{base}/sandbox/",
        directory_url=base,
        can_create_accounts=True,
        signup_url=f"{base}/sandbox/v1",
        credentials=PisteCredentials(
            SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TECH_LOGIN, SANDBOX_TECH_PASSWORD
        ),
    )


QUALIFICATION = BackendProfile(
    name="qualification",
    label=QT_TRANSLATE_NOOP("profiles", "Chorus Pro — qualification"),
    token_url="https://sandbox-oauth.piste.gouv.fr/api/oauth/token",
    api_base="https://sandbox-api.piste.gouv.fr",
    portal_url="https://qualif.chorus-pro.gouv.fr/aife_qual",
    directory_url=RECHERCHE_ENTREPRISES_URL,
    can_create_accounts=False,
)

PRODUCTION = BackendProfile(
    name="production",
    label=QT_TRANSLATE_NOOP("profiles", "Chorus Pro — production"),
    token_url="https://oauth.piste.gouv.fr/api/oauth/token",
    api_base="https://api.piste.gouv.fr",
    portal_url="https://portail.chorus-pro.gouv.fr/",
    directory_url=RECHERCHE_ENTREPRISES_URL,
    can_create_accounts=False,
)

REAL_PROFILES = {p.name: p for p in (QUALIFICATION, PRODUCTION)}

#: What the Paramètres dialog and ``--backend`` accept, in the order shown.
PROFILE_CHOICES = ("sandbox", "qualification", "production", "url")

#: Days a Chorus Pro technical account's password stays valid (domain.md §2).
TECH_PASSWORD_LIFETIME_DAYS = 424
#: Below this many days left, the reminder turns into a warning.
TECH_PASSWORD_WARNING_DAYS = 30


def is_custom_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def profile_for(backend: str, *, sandbox_url: str = "") -> BackendProfile:
    """The profile named by ``backend`` (``--backend`` value, or a saved setting).

    ``sandbox`` needs the embedded server's ``sandbox_url``; a URL is a sandbox run
    elsewhere (a training room); ``qualification`` and ``production`` are real Chorus Pro,
    without credentials: they come from the settings and the keychain, on first use.
    """
    if backend in REAL_PROFILES:
        return REAL_PROFILES[backend]
    if is_custom_url(backend):
        return sandbox_profile(backend)
    if backend == "sandbox" and sandbox_url:
        return sandbox_profile(sandbox_url)
    raise ValueError(f"unknown backend {backend!r}")


def portal_mode(profile: BackendProfile) -> BackendProfile:
    """The same URLs, but handing over to the portal as real Chorus Pro does.

    For tests and screenshots: the portal path driven against a sandbox, no real host.
    """
    return replace(profile, can_create_accounts=False, label=profile.label + " (mode portail)")
