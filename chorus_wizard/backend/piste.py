"""PISTE client for the Chorus Pro services the real API offers (structures, transverses)."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from chorus_wizard.backend.errors import AuthenticationError, ProtocolError, Rejected
from chorus_wizard.backend.http import field, json_body, send
from chorus_wizard.backend.models import ExistingStructure
from chorus_wizard.backend.profiles import PisteCredentials
from chorus_wizard.domain.countries import Country

if TYPE_CHECKING:
    import httpx  # imported lazily: not on the first window's path

SERVICE = "Chorus Pro"
RENEW_MARGIN_S = 300.0


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
    ) -> None:
        self._client = client
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
            response = send(
                self._client,
                "POST",
                self._token_url,
                "le service d'authentification PISTE",
                idempotent=True,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self._credentials.client_id,
                    "client_secret": self._credentials.client_secret,
                    "scope": "openid",
                },
            )
            if response.status_code in (400, 401):
                raise AuthenticationError(
                    "Identifiants PISTE incorrects : vérifiez l'identifiant client et le secret."
                )
            data = json_body(response, "PISTE")
            token = field(data, "access_token", str, "PISTE")
            expires_in = data.get("expires_in", 3600)
            self._token = token
            self._token_expiry = self._clock() + float(expires_in)
            return token

    def _headers(self) -> dict[str, str]:
        pair = f"{self._credentials.tech_login}:{self._credentials.tech_password}"
        return {
            "Authorization": f"Bearer {self._access_token()}",
            "cpro-account": base64.b64encode(pair.encode()).decode("ascii"),
            "Content-Type": "application/json;charset=utf-8",
            "Accept": "application/json",
        }

    def call(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST ``body`` to ``/cpro/<path>`` and return the success body (``codeRetour`` 0)."""
        response = send(
            self._client,
            "POST",
            self._api + path,
            SERVICE,
            idempotent=True,  # the /cpro/ services used here only read
            headers=self._headers(),
            json=body or {},
        )
        if response.status_code == 401:
            with self._lock:
                self._token = None
            raise AuthenticationError(
                "Compte technique refusé par Chorus Pro (mot de passe erroné ou expiré)."
            )
        if response.status_code == 403:
            raise AuthenticationError(
                "Accès refusé par Chorus Pro : l'application PISTE n'est pas abonnée à l'API, "
                "ou le compte technique n'est pas rattaché."
            )
        data = json_body(response, SERVICE)
        if response.status_code != 200 or data.get("codeRetour") not in (0, None):
            libelle = data.get("libelle") or f"Erreur {response.status_code}"
            code = data.get("codeRetour")
            raise Rejected(
                str(libelle),
                status=response.status_code,
                code=code if isinstance(code, int) else None,
            )
        return data

    def health_check(self) -> None:
        response = send(
            self._client,
            "GET",
            self._api + "transverses/v1/health-check",
            SERVICE,
            headers=self._headers(),
        )
        if response.status_code != 200:
            raise AuthenticationError(f"Chorus Pro indisponible (HTTP {response.status_code}).")

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
                raise ProtocolError("Réponse inattendue de Chorus Pro (structure).") from exc
        return None

    def countries(self) -> list[Country]:
        """``recupererPays``."""
        data = self.call("transverses/v1/recuperer/pays", {"codeLangue": "FR"})
        rows = field(data, "listePays", list, SERVICE)
        try:
            return [Country(str(r["codePays"]), str(r["libellePays"])) for r in rows]
        except (KeyError, TypeError) as exc:
            raise ProtocolError("Réponse inattendue de Chorus Pro (pays).") from exc
