"""PISTE client for the Chorus Pro services the real API offers (structures, transverses).

Error mapping (domain.md §2), every message in words a small-business owner understands:

- token service 400/401 → identifiants PISTE incorrects (client id or secret);
- ``/cpro/`` 401 whose ``WWW-Authenticate`` says the token is invalid → one new token, then
  the call again; any other 401 → compte technique refusé, with the header's
  ``error_description`` when there is one (never a secret);
- 403, usually with an empty body → application PISTE non abonnée à l'API, ou compte technique
  non rattaché;
- 400 → the service's own ``libelle`` (:class:`Rejected`);
- 429 → wait as long as ``Retry-After`` says when that is short (this runs in a worker), then
  try again; otherwise :class:`RateLimited` with the wait to tell the user.
"""

from __future__ import annotations

import base64
import re
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from chorus_wizard import texts
from chorus_wizard.backend.errors import (
    AuthenticationError,
    ProtocolError,
    RateLimited,
    Rejected,
    ServerError,
)
from chorus_wizard.backend.http import field, json_body, send
from chorus_wizard.backend.models import Attachment, ExistingStructure, StructureDetails
from chorus_wizard.backend.profiles import PisteCredentials
from chorus_wizard.domain.countries import Country
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import httpx  # imported lazily: not on the first window's path

SERVICE = "Chorus Pro"
RENEW_MARGIN_S = 300.0
#: A 429 is waited out in the worker only when ``Retry-After`` asks for at most this long.
MAX_RETRY_AFTER_S = 5.0
#: Pause before trying again after a 429 that gave no ``Retry-After``.
DEFAULT_RATE_PAUSE_S = 1.0
RATE_LIMIT_RETRIES = 2

#: ``rattachements`` is read page by page, this many rows a page, at most this many pages.
ATTACHMENTS_PER_PAGE = 100
MAX_ATTACHMENT_PAGES = 5
#: ``statutRattachementStructure`` values that mean the attachment no longer counts.
INACTIVE_ATTACHMENT = frozenset({"INACTIF", "SUPPRIME", "REFUSE", "EN_ATTENTE", "ARCHIVE"})

BAD_CLIENT = QT_TRANSLATE_NOOP(
    "piste", "Identifiants PISTE incorrects\u00a0: vérifiez l'identifiant client et le secret."
)
TECH_REFUSED = QT_TRANSLATE_NOOP(
    "piste", "Compte technique refusé par Chorus Pro (mot de passe erroné ou expiré)."
)
NOT_SUBSCRIBED = QT_TRANSLATE_NOOP(
    "piste",
    "Accès refusé par Chorus Pro\u00a0: l'application PISTE n'est pas abonnée à l'API, ou le "
    "compte technique n'est pas rattaché.",
)

_DESCRIPTION = re.compile(r'error_description="([^"]*)"', re.IGNORECASE)
_ERROR = re.compile(r'error="([^"]*)"', re.IGNORECASE)


def authenticate_detail(header: str) -> str:
    """The ``error_description`` of a ``WWW-Authenticate`` header, bounded, or ``""``."""
    match = _DESCRIPTION.search(header)
    if not match:
        return ""
    return " ".join(match.group(1).split())[:200]


def parse_day(value: object) -> date | None:
    """A date from Chorus Pro, in any of the forms public sources show: ``2026-05-31``,
    ``2026-05-31T00:00:00Z`` (RFC 3339), ``2026-05-31 10:00``, ``31/05/2026``, or Java's
    epoch milliseconds (``1780185600000``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _active_attachment(row: Any) -> bool:
    """False only when ``statutRattachementStructure`` says the attachment is not active."""
    status = row.get("statutRattachementStructure") if isinstance(row, dict) else None
    if not isinstance(status, str) or not status.strip():
        return True
    return status.strip().upper() not in INACTIVE_ATTACHMENT


class PisteClient:
    """OAuth2 client-credentials token (cached, renewed early) and ``/cpro/`` JSON calls."""

    def __init__(
        self,
        client: httpx.Client,
        token_url: str,
        api_base: str,
        credentials: PisteCredentials,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        self._sleep = sleep
        self._token_url = token_url
        self._api = api_base.rstrip("/") + "/cpro/"
        self._credentials = credentials
        self._clock = clock
        self._token: str | None = None
        self._token_expiry = 0.0
        self._lock = threading.Lock()

    def _access_token(self) -> str:
        with self._lock:
            if self._token and self._clock() < self._token_expiry - RENEW_MARGIN_S:
                return self._token
            response = self._send(
                "POST",
                self._token_url,
                QT_TRANSLATE_NOOP("http", "le service d'authentification PISTE"),
                data={
                    "grant_type": "client_credentials",
                    "client_id": self._credentials.client_id,
                    "client_secret": self._credentials.client_secret,
                    "scope": "openid",
                },
            )
            if response.status_code in (400, 401):
                raise AuthenticationError(translate("piste", BAD_CLIENT))
            if response.status_code != 200:
                raise AuthenticationError(
                    translate(
                        "piste",
                        "Le service d'authentification PISTE a refusé la demande de jeton (HTTP "
                        "{status}).",
                    ).format(status=response.status_code)
                )
            data = json_body(response, "PISTE")
            token = field(data, "access_token", str, "PISTE")
            expires_in = data.get("expires_in", 3600)
            self._token = token
            self._token_expiry = self._clock() + float(expires_in)
            return token

    def authenticate(self) -> None:
        """Obtain a token now (the first step of « Tester la connexion »)."""
        self._access_token()

    def _headers(self) -> dict[str, str]:
        pair = f"{self._credentials.tech_login}:{self._credentials.tech_password}"
        return {
            "Authorization": f"Bearer {self._access_token()}",
            "cpro-account": base64.b64encode(pair.encode()).decode("ascii"),
            "Content-Type": "application/json;charset=utf-8",
            "Accept": "application/json",
        }

    def _send(self, method: str, url: str, service: str, **kwargs: Any) -> httpx.Response:
        """:func:`send`, waiting out a short 429 (we are in a worker) before giving up."""
        attempts = RATE_LIMIT_RETRIES
        while True:
            try:
                return send(self._client, method, url, service, idempotent=True, **kwargs)
            except RateLimited as limited:
                wait = limited.retry_after
                if attempts <= 0 or (wait is not None and wait > MAX_RETRY_AFTER_S):
                    raise
                attempts -= 1
                self._sleep(DEFAULT_RATE_PAUSE_S if wait is None else wait)

    def _forget_token(self) -> None:
        with self._lock:
            self._token = None

    def _request(self, method: str, path: str, body: dict[str, Any] | None) -> httpx.Response:
        """One ``/cpro/`` call with its two headers; a token PISTE no longer takes is renewed
        once."""
        for fresh_token in (False, True):
            extra = {} if method == "GET" else {"json": body or {}}
            response = self._send(
                method, self._api + path, SERVICE, headers=self._headers(), **extra
            )
            if response.status_code != 401:
                break
            header = response.headers.get("WWW-Authenticate", "")
            match = _ERROR.search(header)
            if header.lower().startswith("bearer") and match and match.group(1) == "invalid_token":
                self._forget_token()
                if not fresh_token:
                    continue
                raise AuthenticationError(
                    translate(
                        "piste",
                        "Le jeton PISTE est refusé même tout juste renouvelé\u00a0: vérifiez que "
                        "l'application PISTE est bien celle de cet environnement.",
                    )
                )
            detail = authenticate_detail(header)
            message = translate("piste", TECH_REFUSED)
            if detail:
                message = translate(
                    "piste", "{message} Détail\u00a0: «\u00a0{detail}\u00a0»."
                ).format(message=message, detail=detail)
            raise AuthenticationError(message)
        if response.status_code == 403:
            reason = ""
            if response.content:
                try:
                    reason = str(response.json().get("libelle") or "")
                except (ValueError, AttributeError):
                    reason = ""
            message = translate("piste", NOT_SUBSCRIBED)
            raise AuthenticationError(f"{message} ({reason})" if reason else message)
        return response

    def call(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST ``body`` to ``/cpro/<path>`` and return the success body (``codeRetour`` 0)."""
        response = self._request("POST", path, body)
        data = json_body(response, SERVICE)
        if response.status_code != 200 or data.get("codeRetour") not in (0, None):
            libelle = data.get("libelle") or translate("piste", "Erreur {status}").format(
                status=response.status_code
            )
            code = data.get("codeRetour")
            raise Rejected(
                str(libelle),
                status=response.status_code,
                code=code if isinstance(code, int) else None,
            )
        return data

    def health_check(self) -> str:
        """``GET transverses/v1/health-check``; returns what the service said (``body``).

        The answer is a Spring ``ResponseEntity`` serialised as JSON (``body``,
        ``statusCode``, ``statusCodeValue``): a 200 whose ``statusCodeValue`` is an error
        means the API is up but not healthy.
        """
        response = self._request("GET", "transverses/v1/health-check", None)
        if response.status_code != 200:
            raise ProtocolError(
                translate(
                    "piste",
                    "Chorus Pro ne répond pas normalement au test de santé (HTTP {status}).",
                ).format(status=response.status_code)
            )
        try:
            data = response.json()
        except ValueError:
            return ""
        if not isinstance(data, dict):
            return ""
        inner = data.get("statusCodeValue")
        if isinstance(inner, int) and not isinstance(inner, bool) and inner >= 400:
            raise ServerError(
                translate(
                    "piste",
                    "Chorus Pro répond, mais se dit indisponible (état {status}). Réessayez dans "
                    "quelques minutes.",
                ).format(status=inner),
                inner,
            )
        said = data.get("body")
        if said is None or isinstance(said, dict | list):
            said = data.get("statusCode") or data.get("libelle")
        return str(said or "")

    def attachments(self) -> list[Attachment]:
        """``recupererRattachementsMonCompteUtilisateur``: the technical account's structures.

        Sent with ``parametresRecherche``; read from ``listeStructureRattachement`` with
        ``idStructure`` and ``roleUtilisateur`` (go-choruspro, see docs/wire-format.md). Every
        page is read, up to :data:`MAX_ATTACHMENT_PAGES`. An attachment whose
        ``statutRattachementStructure`` says it is not active is left out.
        """
        found: list[Attachment] = []
        for page in range(1, MAX_ATTACHMENT_PAGES + 1):
            data = self.call(
                "utilisateurs/v1/monCompte/recuperer/rattachements",
                {
                    "parametresRecherche": {
                        "nbResultatsParPage": ATTACHMENTS_PER_PAGE,
                        "pageResultatDemandee": page,
                    }
                },
            )
            rows = data.get("listeStructureRattachement")
            if rows is None:
                rows = data.get("listeRattachements") or []
            if not isinstance(rows, list):
                raise ProtocolError(
                    translate("piste", "Réponse inattendue de Chorus Pro (rattachements).")
                )
            found.extend(self._attachment(row) for row in rows if _active_attachment(row))
            pages = (data.get("parametresRetour") or {}).get("pages")
            if not isinstance(pages, int) or page >= pages or not rows:
                break
        return found

    @staticmethod
    def _attachment(row: Any) -> Attachment:
        try:
            key = row.get("idStructure")
            if key is None:
                key = row["idStructureCPP"]
            return Attachment(
                id_structure=int(key),
                identifier=str(row.get("identifiantStructure") or ""),
                designation=str(row.get("designationStructure") or row.get("raisonSociale") or ""),
                role=str(row.get("roleUtilisateur") or row.get("role") or ""),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ProtocolError(
                translate("piste", "Réponse inattendue de Chorus Pro (rattachements).")
            ) from exc

    def consult_structure(self, id_structure: int) -> StructureDetails:
        """``consulterStructure``: raison sociale, address, technical password expiry."""
        data = self.call(
            "structures/v1/consulter", {"idStructureCPP": id_structure, "codeLangue": "FR"}
        )
        info = data.get("informationGenerales")
        if info is None:  # some sources spell it with the s
            info = data.get("informationsGenerales")
        if not isinstance(info, dict):
            info = field(data, "informationGenerales", dict, SERVICE)
        address = data.get("adressePostaleDuSiege") or {}
        if not isinstance(address, dict):
            raise ProtocolError(translate("piste", "Réponse inattendue de Chorus Pro (adresse)."))

        def text(source: dict[str, Any], key: str) -> str:
            value = source.get(key)
            return str(value).strip() if value is not None else ""

        try:
            return StructureDetails(
                id_structure=int(
                    info.get("idStructureCPP") or info.get("idStructure") or id_structure
                ),
                identifier=text(info, "identifiantStructure"),
                identifier_type=text(info, "typeIdentifiantStructure"),
                raison_sociale=text(info, "raisonSocialeStructure"),
                libelle=text(info, "libelleStructure"),
                adresse=text(address, "adresse"),
                complement1=text(address, "complementAdresse1"),
                complement2=text(address, "complementAdresse2"),
                code_postal=text(address, "codePostal"),
                ville=text(address, "ville"),
                pays=text(address, "pays"),
                tech_password_expiry=parse_day(info.get("dateExpirationMotPasseCompteTech")),
            )
        except (TypeError, ValueError) as exc:
            raise ProtocolError(
                translate("piste", "Réponse inattendue de Chorus Pro (structure).")
            ) from exc

    def find_structure(self, identifier_type: str, identifier: str) -> ExistingStructure | None:
        """``rechercherStructure``: the registered structure with this identifier, if any."""
        data = self.call(
            "structures/v1/rechercher",
            {
                "structure": {
                    "identifiantStructure": identifier,
                    "typeIdentifiantStructure": identifier_type,
                },
                "restreindreStructuresPrivees": False,
                "parametres": {"nbResultatsParPage": 10, "pageResultatDemandee": 1},
            },
        )
        for row in data.get("listeStructures") or []:
            try:
                return ExistingStructure(
                    id_structure=int(row["idStructureCPP"]),
                    identifier=str(row["identifiantStructure"]),
                    identifier_type=str(row.get("typeIdentifiantStructure", identifier_type)),
                    designation=str(row.get("designationStructure") or ""),
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise ProtocolError(
                    translate("piste", "Réponse inattendue de Chorus Pro (structure).")
                ) from exc
        return None

    def countries(self) -> list[Country]:
        """``recupererPays``, the names in the interface's language (French or English)."""
        language = "EN" if texts.language() == "en" else "FR"
        data = self.call("transverses/v1/recuperer/pays", {"codeLangue": language})
        rows = field(data, "listePays", list, SERVICE)
        try:
            return [Country(str(r["codePays"]), str(r["libellePays"])) for r in rows]
        except (KeyError, TypeError) as exc:
            raise ProtocolError(
                translate("piste", "Réponse inattendue de Chorus Pro (pays).")
            ) from exc
