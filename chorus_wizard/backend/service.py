"""The signup service: one Qt-free seam between the pages and every backend.

:class:`SignupService` is the protocol pages depend on. :class:`ChorusSignupService` is the
real implementation: PISTE for what Chorus Pro offers, the company directory for the prefill,
and the sandbox's ``/sandbox/v1`` services for what only the portal does. Against real
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
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from chorus_wizard.backend.errors import (
    ActivationError,
    AlreadyRegistered,
    BackendError,
    NotSupported,
    ProtocolError,
    Rejected,
)
from chorus_wizard.backend.forms import SignupRequest
from chorus_wizard.backend.http import field, json_body, new_client, send
from chorus_wizard.backend.models import (
    AccountCreated,
    AccountStatus,
    ActivationResent,
    AttachmentSent,
    ExistingStructure,
    Lookup,
    SecretQuestion,
    StructureDetails,
    Workspace,
)
from chorus_wizard.backend.profiles import (
    RECHERCHE_ENTREPRISES_URL,
    BackendProfile,
    DirectoryChoice,
    PisteCredentials,
)
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    # The clients are imported where they are made, in a worker on first use: httpx, the
    # directories' mappings and the PISTE client stay off the first window's path.
    import httpx

    from chorus_wizard.backend.company import CompanyDirectory
    from chorus_wizard.backend.piste import PisteClient
    from chorus_wizard.domain.countries import Country
    from chorus_wizard.domain.password import PasswordPolicy

log = logging.getLogger(__name__)

NO_CREDENTIALS = QT_TRANSLATE_NOOP(
    "service",
    "Aucun compte technique Chorus Pro n'est configuré : l'assistant ne peut pas interroger Chorus "
    "Pro. Renseignez l'application PISTE et le compte technique dans « Paramètres ».",
)


class SignupService(Protocol):
    """Everything the four pages ask of a backend. Every method may block: call it off the GUI
    thread. Every failure is a :class:`~chorus_wizard.backend.errors.BackendError`."""

    @property
    def profile(self) -> BackendProfile: ...

    def lookup(self, identifier_type: IdentifierType, identifier: str) -> Lookup: ...

    def verify_structure(
        self, identifier_type: IdentifierType, identifier: str
    ) -> ExistingStructure | None: ...

    def countries(self) -> list[Country]: ...

    def request_attachment(
        self, email: str, nom: str, prenom: str, identifier_type: IdentifierType, identifier: str
    ) -> AttachmentSent: ...

    def create_account(self, request: SignupRequest, idempotency_key: str) -> AccountCreated: ...

    def workspaces(self) -> list[Workspace]: ...

    def choose_workspaces(self, account: AccountCreated, codes: list[str]) -> list[str]: ...

    def password_policy(self) -> PasswordPolicy: ...

    def secret_questions(self) -> list[SecretQuestion]: ...

    def resend_activation(self, email: str) -> ActivationResent: ...

    def activate(
        self, email: str, code: str, password: str, question_id: int, answer: str
    ) -> str: ...

    def account_status(self, account: AccountCreated) -> AccountStatus: ...

    def close(self) -> None: ...


SIGNUP_SERVICE = QT_TRANSLATE_NOOP("http", "le service d'inscription")


def make_directory(
    choice: DirectoryChoice,
    client: httpx.Client,
    insee_key: Callable[[], str | None] | None = None,
) -> CompanyDirectory:
    """The directory client for ``choice``; INSEE falls back to API Recherche d'entreprises.

    ``insee_key`` defaults to the key kept in the keychain.
    """
    from chorus_wizard.backend.company import FallbackDirectory
    from chorus_wizard.backend.directory import RechercheEntreprisesClient
    from chorus_wizard.backend.insee import INSEE_URL, InseeSireneClient, keychain_insee_key

    if choice.kind == "insee":
        insee_key = insee_key or keychain_insee_key
        return FallbackDirectory(
            InseeSireneClient(client, choice.url or INSEE_URL, insee_key),
            RechercheEntreprisesClient(client, RECHERCHE_ENTREPRISES_URL),
        )
    return RechercheEntreprisesClient(client, choice.url or RECHERCHE_ENTREPRISES_URL)


def workspace_catalogue() -> list[Workspace]:
    """The workspaces offered on the portal (shipped data, domain.md §5), for portal mode."""
    from chorus_wizard.resources import resource_path
    from chorus_wizard.sandbox.seed import load_workspaces

    try:
        rows = load_workspaces(resource_path("sandbox", "workspaces.json"))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise ProtocolError(
            translate("service", "Catalogue des espaces de travail illisible.")
        ) from exc
    return [
        Workspace(w.code, w.label, w.description, w.on_by_default)
        for w in rows
        if not w.managers_only
    ]


@dataclass(frozen=True)
class _Clients:
    http: httpx.Client
    directory: CompanyDirectory


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

    def _connected(self) -> _Clients:
        """The HTTP clients, made on first use (in a worker: httpx stays off start-up)."""
        with self._lock:
            if self._clients is None:
                http = self._given_client or new_client()
                self._clients = _Clients(
                    http, make_directory(self._directory_choice, http, self._insee_key)
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

    def structure_details(self, id_structure: int) -> StructureDetails:
        piste = self._piste
        if piste is None:
            raise NotSupported(translate("service", NO_CREDENTIALS))
        return piste.consult_structure(id_structure)

    def countries(self) -> list[Country]:
        if self._piste:
            return self._piste.countries()
        from chorus_wizard.domain.countries import countries

        return list(countries())

    # -- portal-only services (sandbox) ---------------------------------------------------

    def _signup(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        if not self._profile.can_create_accounts:
            raise NotSupported(
                translate(
                    "service",
                    "Ce service n'existe que sur le portail Chorus Pro : l'API ne permet pas de "
                    "créer un compte. Poursuivez sur {portal}",
                ).format(portal=self._profile.portal_url)
            )
        all_headers = dict(headers or {})
        if token:
            all_headers["X-Jeton-Inscription"] = token
        response = send(
            self._http,
            method,
            self._profile.signup_url + path,
            SIGNUP_SERVICE,
            # a POST is repeated only when it carries an idempotency key (account creation)
            idempotent=method != "POST" or "Idempotency-Key" in all_headers,
            json=json,
            headers=all_headers,
        )
        return response.status_code, json_body(response, SIGNUP_SERVICE)

    @staticmethod
    def _rejected(status: int, data: dict[str, Any]) -> Rejected:
        code = data.get("codeRetour")
        return Rejected(
            str(
                data.get("libelle")
                or translate("service", "Demande refusée (HTTP {status}).").format(status=status)
            ),
            status=status,
            code=code if isinstance(code, int) else None,
            details=data,
        )

    def request_attachment(
        self, email: str, nom: str, prenom: str, identifier_type: IdentifierType, identifier: str
    ) -> AttachmentSent:
        status, data = self._signup(
            "POST",
            "/rattachements",
            json={
                "email": email,
                "nom": nom,
                "prenom": prenom,
                "typeIdentifiantStructure": identifier_type.value,
                "identifiantStructure": identifier,
            },
        )
        if status != 201:
            raise self._rejected(status, data)
        return AttachmentSent(
            int(field(data, "idDemande", int, SIGNUP_SERVICE)), str(data.get("libelle", ""))
        )

    def create_account(self, request: SignupRequest, idempotency_key: str) -> AccountCreated:
        s = request.structure
        body = {
            "email": request.email,
            "nom": request.nom,
            "prenom": request.prenom,
            "structure": {
                "typeIdentifiantStructure": s.identifier_type.value,
                "identifiantStructure": s.identifier,
                "raisonSociale": s.raison_sociale,
                "libelleStructure": s.libelle,
                "adresse": s.adresse,
                "complementAdresse1": s.complement1,
                "complementAdresse2": s.complement2,
                "codePostal": s.code_postal,
                "ville": s.ville,
                "codePays": s.code_pays,
            },
            "fonctionnalites": {
                "deposerDemandesPaiement": request.deposer_demandes_paiement,
                "dume": request.dume,
            },
        }
        status, data = self._signup(
            "POST", "/comptes", json=body, headers={"Idempotency-Key": idempotency_key}
        )
        if status == 409 and data.get("codeRetour") == 10:
            raise AlreadyRegistered(str(data.get("libelle")), status=409, code=10, details=data)
        if status not in (200, 201):
            raise self._rejected(status, data)
        until = data.get("activationValideJusqua")
        return AccountCreated(
            account_id=int(field(data, "idCompte", int, SIGNUP_SERVICE)),
            structure_id=int(field(data, "idStructureCPP", int, SIGNUP_SERVICE)),
            signup_token=str(field(data, "jetonInscription", str, SIGNUP_SERVICE)),
            message=str(data.get("libelle", "")),
            activation_valid_until=_parse_time(until),
        )

    def workspaces(self) -> list[Workspace]:
        if not self._profile.can_create_accounts:
            return workspace_catalogue()  # chosen here, opened on the portal
        status, data = self._signup("GET", "/espaces")
        if status != 200:
            raise self._rejected(status, data)
        rows = field(data, "listeEspaces", list, SIGNUP_SERVICE)
        try:
            return [
                Workspace(
                    str(r["code"]),
                    str(r["libelle"]),
                    str(r.get("description", "")),
                    bool(r.get("activeParDefaut", False)),
                )
                for r in rows
            ]
        except (KeyError, TypeError) as exc:
            raise ProtocolError(translate("service", "Catalogue des espaces illisible.")) from exc

    def choose_workspaces(self, account: AccountCreated, codes: list[str]) -> list[str]:
        status, data = self._signup(
            "PUT",
            f"/comptes/{account.account_id}/espaces",
            json={"espaces": codes},
            token=account.signup_token,
        )
        if status != 200:
            raise self._rejected(status, data)
        return [str(c) for c in field(data, "espaces", list, SIGNUP_SERVICE)]

    def password_policy(self) -> PasswordPolicy:
        from chorus_wizard.domain.password import PasswordPolicy

        status, data = self._signup("GET", "/politique-mot-de-passe")
        if status != 200:
            raise self._rejected(status, data)
        try:
            return PasswordPolicy.from_json(field(data, "politique", dict, SIGNUP_SERVICE))
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(
                translate("service", "Politique de mot de passe illisible.")
            ) from exc

    def secret_questions(self) -> list[SecretQuestion]:
        status, data = self._signup("GET", "/questions-secretes")
        if status != 200:
            raise self._rejected(status, data)
        rows = field(data, "listeQuestions", list, SIGNUP_SERVICE)
        try:
            return [SecretQuestion(int(r["id"]), str(r["libelle"])) for r in rows]
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(
                translate("service", "Liste des questions secrètes illisible.")
            ) from exc

    def resend_activation(self, email: str) -> ActivationResent:
        status, data = self._signup("POST", "/activation/renvoyer", json={"email": email})
        if status != 200:
            raise self._rejected(status, data)
        return ActivationResent(
            str(data.get("libelle", "")), _parse_time(data.get("activationValideJusqua"))
        )

    def activate(self, email: str, code: str, password: str, question_id: int, answer: str) -> str:
        status, data = self._signup(
            "POST",
            "/activation",
            json={
                "email": email,
                "code": code,
                "motDePasse": password,
                "idQuestionSecrete": question_id,
                "reponseQuestionSecrete": answer,
            },
        )
        if status != 200:
            code_retour = data.get("codeRetour")
            raise ActivationError(
                str(
                    data.get("libelle")
                    or translate("service", "Activation refusée (HTTP {status}).").format(
                        status=status
                    )
                ),
                status=status,
                code=code_retour if isinstance(code_retour, int) else None,
                details={k: v for k, v in data.items() if k != "libelle"},
                locked_until=_parse_time(data.get("verrouilleJusqua")),
            )
        return str(data.get("libelle", ""))

    def account_status(self, account: AccountCreated) -> AccountStatus:
        status, data = self._signup(
            "GET", f"/comptes/{account.account_id}", token=account.signup_token
        )
        if status != 200:
            raise self._rejected(status, data)
        return AccountStatus(
            account_id=int(field(data, "idCompte", int, SIGNUP_SERVICE)),
            email=str(data.get("email", "")),
            status=str(field(data, "statut", str, SIGNUP_SERVICE)),
            workspaces=tuple(str(c) for c in data.get("espaces") or []),
            main_manager=bool(data.get("gestionnairePrincipal")),
        )


def _parse_time(value: object) -> datetime | None:
    """An aware datetime from the wire's ISO 8601 (``…Z``); None when absent or naive."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
