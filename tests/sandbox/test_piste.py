"""The PISTE-like part of the sandbox: OAuth token, technical account, Chorus Pro services."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest
from chorusapi.client import ChorusAPI

from chorus_wizard.backend.piste import parse_day
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.sandbox import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
    SANDBOX_TECH_PASSWORD,
)
from chorus_wizard.sandbox.server import SandboxServer
from tests.sandbox.helpers import FakeClock, cpro_account_header, get_token

DANONE = "55203253400703"
SEARCH = "/cpro/structures/v1/rechercher"


def _token_form(**overrides: str) -> dict[str, str]:
    return {
        "grant_type": "client_credentials",
        "client_id": SANDBOX_CLIENT_ID,
        "client_secret": SANDBOX_CLIENT_SECRET,
        "scope": "openid",
        **overrides,
    }


def test_token_is_issued_for_the_sandbox_client(client: httpx.Client) -> None:
    response = client.post("/api/oauth/token", data=_token_form())
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert body["scope"] == "openid"
    assert len(body["access_token"]) >= 32


def test_token_refused_for_a_wrong_secret(client: httpx.Client) -> None:
    response = client.post("/api/oauth/token", data=_token_form(client_secret="faux"))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.json()["error_description"]


def test_token_refused_for_another_grant_type(client: httpx.Client) -> None:
    response = client.post("/api/oauth/token", data=_token_form(grant_type="password"))
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_bearer_token_expires(
    client: httpx.Client, piste_headers: dict[str, str], clock: FakeClock
) -> None:
    assert client.get("/cpro/transverses/v1/health-check", headers=piste_headers).status_code == 200
    clock.advance(seconds=3601)
    response = client.get("/cpro/transverses/v1/health-check", headers=piste_headers)
    assert response.status_code == 401
    assert response.content == b""


@pytest.mark.parametrize("authorization", [None, "Bearer faux-jeton", "Basic abc"])
def test_cpro_without_a_valid_token_is_401_with_an_empty_body(
    client: httpx.Client, authorization: str | None
) -> None:
    headers = {"cpro-account": cpro_account_header()}
    if authorization:
        headers["Authorization"] = authorization
    response = client.post(SEARCH, json={"structure": {}}, headers=headers)
    assert response.status_code == 401
    assert response.content == b""
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


@pytest.mark.parametrize("account", [None, "pas-du-base64!", "wrong"])
def test_cpro_with_a_bad_technical_account_is_401_with_an_empty_body(
    client: httpx.Client, account: str | None
) -> None:
    headers = {"Authorization": f"Bearer {get_token(client)}"}
    if account == "wrong":
        headers["cpro-account"] = cpro_account_header(password="mauvais")
    elif account:
        headers["cpro-account"] = account
    response = client.post(SEARCH, json={"structure": {}}, headers=headers)
    assert response.status_code == 401
    assert response.content == b""
    assert "WWW-Authenticate" in response.headers


def test_unknown_cpro_route_or_method_is_403_with_an_empty_body(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post("/cpro/factures/v1/deposer/flux", json={}, headers=piste_headers)
    assert (response.status_code, response.content) == (403, b"")
    response = client.get(SEARCH, headers=piste_headers)
    assert (response.status_code, response.content) == (403, b"")


def test_rechercher_finds_a_registered_structure(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    body = {
        "structure": {
            "identifiantStructure": "552 032 534 00703",
            "typeIdentifiantStructure": "SIRET",
        },
        "restreindreStructuresPrivees": False,
        "parametres": {
            "nbResultatsParPage": 10,
            "pageResultatDemandee": 1,
            "triColonne": "IdentifiantStructure",
            "triSens": "Ascendant",
        },
    }
    response = client.post(SEARCH, json=body, headers=piste_headers)
    assert response.status_code == 200
    data = response.json()
    assert data["codeRetour"] == 0
    assert data["libelle"] == "GCU_MSG_01_000"
    [hit] = data["listeStructures"]
    assert hit["identifiantStructure"] == DANONE
    assert hit["typeIdentifiantStructure"] == "SIRET"
    assert hit["designationStructure"] == "DANONE"
    assert hit["statut"] == "ACTIF"
    assert isinstance(hit["idStructureCPP"], int)
    assert data["parametresRetour"] == {
        "nbResultatsParPage": 10,
        "pageCourante": 1,
        "pages": 1,
        "total": 1,
    }


def test_rechercher_without_a_hit_gives_an_empty_list(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    body = {
        "structure": {"identifiantStructure": "13002526500013", "typeIdentifiantStructure": "SIRET"}
    }
    data = client.post(SEARCH, json=body, headers=piste_headers).json()
    assert data["codeRetour"] == 0
    assert data["listeStructures"] == []
    assert data["parametresRetour"]["total"] == 0


def test_rechercher_with_a_bad_body_is_400_with_coderetour(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post(SEARCH, json={"parametres": {}}, headers=piste_headers)
    assert response.status_code == 400
    data = response.json()
    assert isinstance(data["codeRetour"], int) and data["codeRetour"] != 0
    assert "structure" in data["libelle"]
    response = client.post(SEARCH, content=b"{pas du json", headers=piste_headers)
    assert response.status_code == 400
    assert "JSON" in response.json()["libelle"]


def test_huge_numbers_are_4xx_not_500(client: httpx.Client, piste_headers: dict[str, str]) -> None:
    # Found by fuzzing the OpenAPI description: the offset overflowed SQLite's integers.
    search = {
        "structure": {"identifiantStructure": DANONE, "typeIdentifiantStructure": "SIRET"},
        "parametres": {"nbResultatsParPage": 468, "pageResultatDemandee": 1377421247393957888},
    }
    response = client.post(SEARCH, json=search, headers=piste_headers)
    assert response.status_code == 400
    assert response.json()["codeRetour"] != 0
    response = client.post(
        "/cpro/structures/v1/consulter",
        json={"idStructureCPP": 7470568344920655476555776},
        headers=piste_headers,
    )
    assert response.status_code == 400
    assert response.json()["libelle"] == "Structure inconnue"
    jeton = {"X-Jeton-Inscription": "o"}
    response = client.get("/sandbox/v1/comptes/721831966520860427157504", headers=jeton)
    assert response.status_code == 403


def test_consulter_gives_the_details_of_a_structure(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    search = {"structure": {"identifiantStructure": DANONE, "typeIdentifiantStructure": "SIRET"}}
    structure_id = client.post(SEARCH, json=search, headers=piste_headers).json()[
        "listeStructures"
    ][0]["idStructureCPP"]
    response = client.post(
        "/cpro/structures/v1/consulter",
        json={"idStructureCPP": structure_id, "codeLangue": "FR"},
        headers=piste_headers,
    )
    assert response.status_code == 200
    data = response.json()
    assert data["codeRetour"] == 0
    general = data["informationGenerales"]
    assert general["idStructureCPP"] == structure_id
    assert general["identifiantStructure"] == DANONE
    assert general["raisonSocialeStructure"] == "DANONE"
    assert general["structurePriveePublique"] == "PRIVEE"
    assert general["numeroTVA"] == "FR27552032534"
    assert set(general) >= {
        "typeIdentifiantStructure",
        "libelleStructure",
        "emailStructure",
        "nomStructure",
        "prenomStructure",
        "dateExpirationMotPasseCompteTech",
    }
    address = data["adressePostaleDuSiege"]
    assert address["codePostal"] == "75009"
    assert address["ville"] == "PARIS"
    assert address["pays"] == "FR"
    assert set(address) >= {"adresse", "complementAdresse1", "complementAdresse2", "telephone"}
    assert data["parametres"] == {
        name: False
        for name in (
            "codeServiceDoitEtreRenseigne",
            "connexionEDI",
            "estMoaUniquement",
            "estValideurDelegue",
            "gestionNumeroEJOuCodeService",
            "getaMoa",
            "nonDiffusibleInsee",
            "numeroEJDoitEtreRenseigne",
            "recevoirDonneesViaEDI",
            "statutMiseEnPaiementNestPasRemonte",
        )
    }


@pytest.mark.parametrize("key", ["idStructureCPP", "idStructure"])
def test_consulter_takes_either_request_key_and_serves_a_timestamp(
    client: httpx.Client, piste_headers: dict[str, str], key: str
) -> None:
    search = {"structure": {"identifiantStructure": DANONE, "typeIdentifiantStructure": "SIRET"}}
    structure_id = client.post(SEARCH, json=search, headers=piste_headers).json()[
        "listeStructures"
    ][0]["idStructureCPP"]
    response = client.post(
        "/cpro/structures/v1/consulter", json={key: structure_id}, headers=piste_headers
    )
    general = response.json()["informationGenerales"]
    assert general["idStructureCPP"] == structure_id
    # RFC 3339, the only form go-choruspro's time.Time reads (see docs/wire-format.md)
    expiry = general["dateExpirationMotPasseCompteTech"]
    assert datetime.fromisoformat(expiry.replace("Z", "+00:00")).tzinfo is not None


def test_consulter_without_an_identifier_is_400(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post("/cpro/structures/v1/consulter", json={}, headers=piste_headers)
    assert response.status_code == 400
    assert response.json()["codeRetour"] == 10000


def test_consulter_an_unknown_structure_is_400(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post(
        "/cpro/structures/v1/consulter", json={"idStructureCPP": 1}, headers=piste_headers
    )
    assert response.status_code == 400
    assert response.json() == {"codeRetour": 20001, "libelle": "Structure inconnue"}


def test_pays_lists_countries_with_french_names(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post(
        "/cpro/transverses/v1/recuperer/pays", json={"codeLangue": "FR"}, headers=piste_headers
    )
    data = response.json()
    assert data["codeRetour"] == 0
    countries = {c["codePays"]: c["libellePays"] for c in data["listePays"]}
    assert data["listePays"][0] == {"codePays": "FR", "libellePays": "France"}
    assert countries["DE"] == "Allemagne"
    assert len(countries) > 200


def test_typeidentifiant_lists_the_seven_codes(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post(
        "/cpro/transverses/v1/recuperer/typeidentifiant/structure", headers=piste_headers
    )
    data = response.json()
    assert data["codeRetour"] == 0
    codes = {
        t["typeIdentifiantStructure"]: t["libelleTypeIdentifiant"]
        for t in data["listeTypeIdentifiant"]
    }
    assert set(codes) == {t.value for t in IdentifierType}
    assert codes["SIRET"] == "SIRET"
    assert codes["RIDET"] == "Structure avec RIDET (Nouvelle-Calédonie)"


def test_health_check(client: httpx.Client, piste_headers: dict[str, str]) -> None:
    response = client.get("/cpro/transverses/v1/health-check", headers=piste_headers)
    assert response.status_code == 200
    # a Spring ResponseEntity serialised as JSON, as go-choruspro and chorus-api read it
    assert response.json() == {
        "headers": {},
        "body": "OK",
        "statusCode": "OK",
        "statusCodeValue": 200,
    }


# An independent client of the real API, installed from PyPI (chorus-api, dev dependency),
# pointed at the sandbox: what it cannot read in the sandbox's answers is a failure here.


def chorus_api_client(sandbox: SandboxServer) -> ChorusAPI:
    api = ChorusAPI(
        SANDBOX_CLIENT_ID,
        SANDBOX_CLIENT_SECRET,
        SANDBOX_TECH_LOGIN,
        SANDBOX_TECH_PASSWORD,
        sandbox=True,
    )
    # its two base URLs are plain attributes (chorusapi/models/api.py)
    api.auth_url = f"{sandbox.base_url}/api/oauth/token"
    api.api_url = sandbox.base_url
    return api.auth()


def test_chorus_api_reads_the_health_check(sandbox: SandboxServer) -> None:
    health = chorus_api_client(sandbox).health_check()
    assert (health.body, health.status_code, health.status_code_value) == ("OK", "OK", 200)


def test_chorus_api_finds_and_consults_a_structure(sandbox: SandboxServer) -> None:
    api = chorus_api_client(sandbox)
    found = api.rechercher_structure(DANONE)  # sends no parametres: the sandbox defaults them
    assert found.code_retour == 0
    [row] = found.liste_structures
    assert (row.identifiant_structure, row.designation_structure) == (DANONE, "DANONE")
    assert isinstance(row.id_structure_cpp, int)

    details = api.consulter_structure(row.id_structure_cpp)  # sends idStructureCPP
    assert details.code_retour == 0
    general = details.information_generales
    assert general.id_structure_cpp == row.id_structure_cpp
    assert general.raison_sociale_structure == "DANONE"
    assert general.numero_tva == "FR27552032534"
    assert general.liste_structure_dupliquees == []
    assert parse_day(general.date_expiration_mot_passe_compte_tech) is not None
    address = details.adresse_postale_du_siege
    assert (address.code_postal, address.ville, address.pays) == ("75009", "PARIS", "FR")
    settings = details.parametres
    for name in (
        "code_service_doit_etre_renseigne",
        "connexion_edi",
        "est_moa_uniquement",
        "est_valideur_delegue",
        "gestion_numero_ej_ou_code_service",
        "non_diffusible_insee",
        "numero_ej_doit_etre_renseigne",
        "recevoir_donnees_via_edi",
        "statut_mise_en_paiement_nest_pas_remonte",
    ):
        assert getattr(settings, name) is False, name
    # chorus-api reads « aMoa » where go-choruspro (and the sandbox) have « getaMoa »: the
    # client is wrong on this one field, so it reads nothing; the sandbox is not bent to it.
    assert settings.get_amoa is None


def test_chorus_api_sees_an_unknown_structure_as_an_empty_list(sandbox: SandboxServer) -> None:
    assert chorus_api_client(sandbox).rechercher_structure("73282932000074").liste_structures == []
