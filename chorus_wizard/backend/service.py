"""The signup service: one Qt-free seam between the pages and every backend.

:class:`SignupService` is the protocol pages depend on. :class:`ChorusSignupService` is the
real implementation: PISTE for what Chorus Pro offers, the company directory for the prefill,
and the sandbox's ``/sandbox/v1`` services (:mod:`~chorus_wizard.backend.signup_api`) for
what only the portal does. Against real
Chorus Pro (``can_create_accounts`` false) the portal-only operations raise
:class:`NotSupported` instead of pretending; the pages then hand over to the portal, and
:meth:`ChorusSignupService.verify_structure` checks afterwards, through the API, that the
structure now exists. Real profiles get their PISTE credentials from ``credentials`` (the
settings and the keychain), read in a worker on first use and again after
:meth:`ChorusSignupService.reload_credentials`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from chorus_wizard import texts
from chorus_wizard.backend.errors import BackendError, NotSupported, ProtocolError
from chorus_wizard.backend.http import new_client
from chorus_wizard.backend.models import (
    AccountCreated,
    AccountStatus,
    ActivationResent,
    AttachmentSent,
    ExistingStructure,
    Lookup,
    ReceivedMail,
    Room,
    SecretQuestion,
    Workspace,
)
from chorus_wizard.backend.profiles import (
    RECHERCHE_ENTREPRISES_URL,
    BackendProfile,
    DirectoryChoice,
    PisteCredentials,
)
from chorus_wizard.backend.workspace_texts import workspace_text
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    # The clients are imported where they are made, in a worker on first use: httpx, the
    # directories' mappings and the PISTE client stay off the first window's path.
    import httpx

    from chorus_wizard.backend.company import CompanyDirectory
    from chorus_wizard.backend.directory import SearchResults
    from chorus_wizard.backend.piste import PisteClient
    from chorus_wizard.backend.signup_api import SignupApi
    from chorus_wizard.domain.countries import Country
    from chorus_wizard.domain.password import PasswordPolicy

log = logging.getLogger(__name__)

NO_CREDENTIALS = QT_TRANSLATE_NOOP(
    "service",
    "Aucun compte technique Chorus Pro n'est configuré\u00a0: l'assistant ne peut pas interroger "
    "Chorus Pro. Renseignez l'application PISTE et le compte technique dans "
    "«\u00a0Paramètres\u00a0».",
)


class SignupService(Protocol):
    """Everything the four pages ask of a backend. Every method may block: call it off the GUI
    thread. Every failure is a :class:`~chorus_wizard.backend.errors.BackendError`."""

    @property
    def profile(self) -> BackendProfile: ...

    def lookup(self, identifier_type: IdentifierType, identifier: str) -> Lookup: ...

    def search(self, name: str, place: str = "") -> SearchResults:
        """Establishments matching a company name, narrowed by a postcode, a department or a
        town (API Recherche d'entreprises, or the sandbox's copy of it)."""
        ...

    def verify_structure(
        self, identifier_type: IdentifierType, identifier: str
    ) -> ExistingStructure | None: ...

    def countries(self) -> list[Country]: ...

    def request_attachment(
        self, email: str, nom: str, prenom: str, identifier_type: IdentifierType, identifier: str
    ) -> AttachmentSent: ...

    def create_account(self, signup: Signup, idempotency_key: str) -> AccountCreated: ...

    def workspaces(self) -> list[Workspace]: ...

    def choose_workspaces(self, account: AccountCreated, codes: list[str]) -> list[str]: ...

    def password_policy(self) -> PasswordPolicy: ...

    def secret_questions(self) -> list[SecretQuestion]: ...

    def resend_activation(self, email: str) -> ActivationResent: ...

    def activate(
        self, email: str, code: str, password: str, question_id: int, answer: str
    ) -> str: ...

    def account_status(self, account: AccountCreated) -> AccountStatus: ...

    def received_mails(self, email: str) -> list[ReceivedMail]: ...

    def room(self) -> Room | None: ...

    def close(self) -> None: ...


def make_directory(
    choice: DirectoryChoice,
    client: httpx.Client,
    insee_key: Callable[[], str | None] | None = None,
) -> CompanyDirectory:
    """The directory client for ``choice``; INSEE falls back to API Recherche d'entreprises.

    ``insee_key`` supplies the INSEE key (from the secret store); without it, there is none.
    """
    from chorus_wizard.backend.company import FallbackDirectory
    from chorus_wizard.backend.directory import RechercheEntreprisesClient
    from chorus_wizard.backend.insee import INSEE_URL, InseeSireneClient

    if choice.kind == "insee":
        return FallbackDirectory(
            InseeSireneClient(client, choice.url or INSEE_URL, insee_key or (lambda: None)),
            RechercheEntreprisesClient(client, RECHERCHE_ENTREPRISES_URL),
        )
    return RechercheEntreprisesClient(client, choice.url or RECHERCHE_ENTREPRISES_URL)


def workspace_catalogue() -> list[Workspace]:
    """The workspaces offered on the portal (shipped data, domain.md §5), for portal mode."""
    from chorus_wizard.contracts.catalogue import load_workspaces
    from chorus_wizard.resources import resource_path

    try:
        rows = load_workspaces(resource_path("sandbox", "workspaces.json"))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise ProtocolError(
            translate("service", "Catalogue des espaces de travail illisible.")
        ) from exc
    return [
        Workspace(w.code, workspace_text(w.label), workspace_text(w.description), w.on_by_default)
        for w in rows
        if not w.managers_only
    ]


@dataclass(frozen=True)
class _Clients:
    http: httpx.Client
    directory: CompanyDirectory
    signup: SignupApi


class ChorusSignupService:
    """The real :class:`SignupService` over HTTP, for any :class:`BackendProfile`.

    ``credentials`` supplies the PISTE credentials when the profile carries none (real
    Chorus Pro: settings + keychain); it may block, and is called in a worker.
    """

    def __init__(
        self,
        profile: BackendProfile,
        *,
        client: httpx.Client | None = None,
        directory: DirectoryChoice | None = None,
        credentials: Callable[[], PisteCredentials | None] | None = None,
        insee_key: Callable[[], str | None] | None = None,
    ) -> None:
        self._profile = profile
        self._directory_choice = directory or DirectoryChoice(
            "recherche-entreprises", profile.directory_url
        )
        self._given_client = client
        self._credentials_source = credentials
        self._insee_key = insee_key
        self._clients: _Clients | None = None
        self._piste_client: PisteClient | None = None
        self._piste_resolved = False
        self._lock = threading.Lock()
        # The signup token of each account this service created or resumed, by address: the
        # sandbox shows an address's mails only to its own account's token.
        self._signup_tokens: dict[str, str] = {}

    def _connected(self) -> _Clients:
        """The HTTP clients, made on first use (in a worker: httpx stays off start-up)."""
        with self._lock:
            if self._clients is None:
                from chorus_wizard.backend.signup_api import SignupApi

                http = self._given_client or new_client()
                self._clients = _Clients(
                    http,
                    make_directory(self._directory_choice, http, self._insee_key),
                    SignupApi(http, self._profile.signup_url),
                )
            return self._clients

    def reload_credentials(self) -> None:
        """The Paramètres changed: read the credentials again on the next call."""
        with self._lock:
            self._piste_client = None
            self._piste_resolved = False

    @property
    def _http(self) -> httpx.Client:
        return self._connected().http

    @property
    def _directory(self) -> CompanyDirectory:
        return self._connected().directory

    @property
    def _piste(self) -> PisteClient | None:
        http = self._connected().http
        with self._lock:
            if self._piste_resolved:
                return self._piste_client
        credentials = self._profile.credentials
        if credentials is None and self._credentials_source is not None:
            credentials = self._credentials_source()
        profile = self._profile
        from chorus_wizard.backend.piste import PisteClient

        client = (
            PisteClient(http, profile.token_url, profile.api_base, credentials)
            if credentials
            else None
        )
        with self._lock:
            self._piste_client, self._piste_resolved = client, True
        return client

    @property
    def profile(self) -> BackendProfile:
        return self._profile

    def close(self) -> None:
        with self._lock:
            clients, self._clients = self._clients, None
            self._piste_client, self._piste_resolved = None, False
        if clients is not None and self._given_client is None:
            clients.http.close()

    # -- Chorus Pro (PISTE) and directory -------------------------------------------------

    def search(self, name: str, place: str = "") -> SearchResults:
        from chorus_wizard.backend.directory import RechercheEntreprisesClient

        choice = self._directory_choice
        # INSEE has no name search: the public API answers it, as it backs INSEE up
        url = choice.url if choice.kind != "insee" and choice.url else RECHERCHE_ENTREPRISES_URL
        return RechercheEntreprisesClient(self._http, url).search(name, place)

    def lookup(self, identifier_type: IdentifierType, identifier: str) -> Lookup:
        piste = self._piste
        existing = piste.find_structure(identifier_type.value, identifier) if piste else None
        details = None
        if existing is not None and piste is not None:
            try:
                details = piste.consult_structure(existing.id_structure)
            except BackendError as exc:  # the details only enrich the attachment page
                log.info("consulterStructure indisponible (%s)", type(exc).__name__)
        company = None
        if existing is None and identifier_type is IdentifierType.SIRET:
            company = self._directory.company(identifier)
        return Lookup(
            identifier_type,
            identifier,
            existing=existing,
            company=company,
            details=details,
            existence_checked=piste is not None,
        )

    def verify_structure(
        self, identifier_type: IdentifierType, identifier: str
    ) -> ExistingStructure | None:
        """After the portal hand-off: is the structure now on Chorus Pro (rechercherStructure)?

        :class:`NotSupported` when no technical account is configured.
        """
        piste = self._piste
        if piste is None:
            raise NotSupported(translate("service", NO_CREDENTIALS))
        return piste.find_structure(identifier_type.value, identifier)

    def countries(self) -> list[Country]:
        if self._piste:
            return self._piste.countries()
        from chorus_wizard.domain.countries import countries

        return list(countries(texts.language()))

    # -- portal-only services (sandbox) ---------------------------------------------------

    @property
    def _signup(self) -> SignupApi:
        if not self._profile.can_create_accounts:
            raise NotSupported(
                translate(
                    "service",
                    "Ce service n'existe que sur le portail Chorus Pro\u00a0: l'API ne permet pas "
                    "de créer un compte. Poursuivez sur {portal}",
                ).format(portal=self._profile.portal_url)
            )
        return self._connected().signup

    def request_attachment(
        self, email: str, nom: str, prenom: str, identifier_type: IdentifierType, identifier: str
    ) -> AttachmentSent:
        return self._signup.request_attachment(email, nom, prenom, identifier_type, identifier)

    def create_account(self, signup: Signup, idempotency_key: str) -> AccountCreated:
        created = self._signup.create_account(signup, idempotency_key)
        self._signup_tokens[signup.email.strip().casefold()] = created.signup_token
        return created

    def workspaces(self) -> list[Workspace]:
        if not self._profile.can_create_accounts:
            return workspace_catalogue()  # chosen here, opened on the portal
        return self._signup.workspaces()

    def choose_workspaces(self, account: AccountCreated, codes: list[str]) -> list[str]:
        return self._signup.choose_workspaces(account, codes)

    def password_policy(self) -> PasswordPolicy:
        return self._signup.password_policy()

    def secret_questions(self) -> list[SecretQuestion]:
        return self._signup.secret_questions()

    def resend_activation(self, email: str) -> ActivationResent:
        return self._signup.resend_activation(email)

    def activate(self, email: str, code: str, password: str, question_id: int, answer: str) -> str:
        return self._signup.activate(email, code, password, question_id, answer)

    def account_status(self, account: AccountCreated) -> AccountStatus:
        status = self._signup.account_status(account)
        self._signup_tokens[status.email.strip().casefold()] = account.signup_token
        return status

    def received_mails(self, email: str) -> list[ReceivedMail]:
        """The mails the sandbox "sent" to ``email``, newest first (sandbox only), read with
        the signup token of the account this service created or resumed for that address."""
        token = self._signup_tokens.get(email.strip().casefold())
        return self._signup.received_mails(email, token=token)

    def room(self) -> Room | None:
        """The training room a sandbox reached by URL was started for; None elsewhere."""
        if not self._profile.can_create_accounts:
            return None
        return self._signup.room()
