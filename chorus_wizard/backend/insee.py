"""INSEE API Sirene 3.11: ``GET /siret/{siret}`` with the ``X-INSEE-Api-Key-Integration`` key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from chorus_wizard.backend.company import EstablishmentData, company_record
from chorus_wizard.backend.errors import AuthenticationError, NotSupported, ProtocolError, Rejected
from chorus_wizard.backend.http import field, json_body, send, service_message
from chorus_wizard.backend.models import CompanyRecord
from chorus_wizard.einvoicing import category_of
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import httpx  # imported lazily: not on the first window's path

SERVICE = QT_TRANSLATE_NOOP("http", "l'API Sirene de l'INSEE")
INSEE_URL = "https://api.insee.fr/api-sirene/3.11"


def current_period(periods: list[dict[str, Any]]) -> dict[str, Any]:
    """The period in force: ``dateFin`` null (INSEE lists the newest first)."""
    for period in periods:
        if period.get("dateFin") is None:
            return period
    return periods[0] if periods else {}


def establishment_data(etablissement: dict[str, Any]) -> EstablishmentData:
    """Reduce an ``etablissement`` object of Sirene 3.11 to what the form needs."""
    unit = etablissement.get("uniteLegale") or {}
    address = etablissement.get("adresseEtablissement") or {}
    period = current_period(etablissement.get("periodesEtablissement") or [])
    return EstablishmentData(
        siret=str(etablissement.get("siret") or ""),
        legal_name=unit.get("denominationUniteLegale"),
        first_name=unit.get("prenomUsuelUniteLegale") or unit.get("prenom1UniteLegale"),
        last_name=unit.get("nomUsageUniteLegale") or unit.get("nomUniteLegale"),
        street_number=address.get("numeroVoieEtablissement"),
        last_street_number=address.get("dernierNumeroVoieEtablissement"),
        repetition=address.get("indiceRepetitionEtablissement"),
        street_kind=address.get("typeVoieEtablissement"),
        street_name=address.get("libelleVoieEtablissement"),
        complement=address.get("complementAdresseEtablissement"),
        special_distribution=address.get("distributionSpecialeEtablissement"),
        postal_code=address.get("codePostalEtablissement"),
        city=address.get("libelleCommuneEtablissement"),
        commune_code=address.get("codeCommuneEtablissement"),
        cedex=address.get("codeCedexEtablissement"),
        cedex_label=address.get("libelleCedexEtablissement"),
        foreign_city=address.get("libelleCommuneEtrangerEtablissement"),
        foreign_country=address.get("libellePaysEtrangerEtablissement"),
        establishment_closed=period.get("etatAdministratifEtablissement") == "F",
        unit_ceased=unit.get("etatAdministratifUniteLegale") == "C",
    )


def map_etablissement(etablissement: dict[str, Any]) -> CompanyRecord:
    """The form's fields, and the legal unit's ``categorieEntreprise``."""
    record = company_record(establishment_data(etablissement))
    unit = etablissement.get("uniteLegale") or {}
    return replace(record, categorie_entreprise=category_of(unit.get("categorieEntreprise")))


class InseeSireneClient:
    """Sirene 3.11 lookups; the key is fetched (in the worker) by ``api_key``, which the
    composition reads from the program's secret store (``chorus_wizard.keychain``)."""

    name = QT_TRANSLATE_NOOP("http", "l'INSEE")

    def __init__(
        self, client: httpx.Client, base_url: str, api_key: Callable[[], str | None]
    ) -> None:
        self._client = client
        self._base = base_url.rstrip("/")
        self._api_key = api_key

    def company(self, siret: str) -> CompanyRecord | None:
        key = self._api_key()
        if not key:
            raise NotSupported(
                translate(
                    "insee",
                    "Aucune clé d'API INSEE n'est enregistrée dans le trousseau du système.",
                )
            )
        response = send(
            self._client,
            "GET",
            f"{self._base}/siret/{siret}",
            SERVICE,
            headers={"X-INSEE-Api-Key-Integration": key, "Accept": "application/json"},
        )
        if response.status_code == 404:
            return None
        if response.status_code in (401, 403):
            raise AuthenticationError(
                translate(
                    "insee", "Clé d'API INSEE refusée\u00a0: vérifiez-la sur portail-api.insee.fr."
                )
            )
        data = json_body(response, SERVICE)
        if response.status_code != 200:
            header = data.get("header") or {}
            message = header.get("message") if isinstance(header, dict) else None
            raise Rejected(
                str(
                    message
                    or translate("insee", "Erreur INSEE {status}.").format(
                        status=response.status_code
                    )
                ),
                status=response.status_code,
            )
        etablissement = field(data, "etablissement", dict, SERVICE)
        try:
            return map_etablissement(etablissement)
        except (AttributeError, TypeError) as exc:
            raise ProtocolError(
                service_message(
                    QT_TRANSLATE_NOOP("http", "{Service} a envoyé une réponse inattendue."),
                    SERVICE,
                )
            ) from exc
