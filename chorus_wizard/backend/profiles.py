"""Backend profiles: where each service lives and what the backend can do."""

from __future__ import annotations

from dataclasses import dataclass, replace

from chorus_wizard.sandbox import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
    SANDBOX_TECH_PASSWORD,
)

RECHERCHE_ENTREPRISES_URL = "https://recherche-entreprises.api.gouv.fr"


@dataclass(frozen=True)
class PisteCredentials:
    """PISTE application and Chorus Pro technical account. Held in memory only."""

    client_id: str
    client_secret: str
    tech_login: str
    tech_password: str

    def __repr__(self) -> str:
        return f"PisteCredentials(client_id={self.client_id!r}, tech_login={self.tech_login!r})"


@dataclass(frozen=True)
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


def sandbox_profile(base_url: str) -> BackendProfile:
    """The embedded (or a remote training-room) sandbox at ``base_url``."""
    base = base_url.rstrip("/")
    return BackendProfile(
        name="sandbox",
        label="Bac à sable",
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
    label="Chorus Pro — qualification",
    token_url="https://sandbox-oauth.piste.gouv.fr/api/oauth/token",
    api_base="https://sandbox-api.piste.gouv.fr",
    portal_url="https://qualif.chorus-pro.gouv.fr/aife_qual",
    directory_url=RECHERCHE_ENTREPRISES_URL,
    can_create_accounts=False,
)

PRODUCTION = BackendProfile(
    name="production",
    label="Chorus Pro — production",
    token_url="https://oauth.piste.gouv.fr/api/oauth/token",
    api_base="https://api.piste.gouv.fr",
    portal_url="https://portail.chorus-pro.gouv.fr/",
    directory_url=RECHERCHE_ENTREPRISES_URL,
    can_create_accounts=False,
)

REAL_PROFILES = {p.name: p for p in (QUALIFICATION, PRODUCTION)}


def with_credentials(profile: BackendProfile, credentials: PisteCredentials) -> BackendProfile:
    return replace(profile, credentials=credentials)
