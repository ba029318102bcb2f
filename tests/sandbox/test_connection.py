"""The PISTE client and « Tester la connexion » against a real sandbox server (same wire format)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import httpx
import pytest

from chorus_wizard.backend.connection import FIX_TECH, StepStatus, check_connection
from chorus_wizard.backend.errors import NotSupported
from chorus_wizard.backend.piste import PisteClient
from chorus_wizard.backend.profiles import PisteCredentials, portal_mode, sandbox_profile
from chorus_wizard.backend.service import ChorusSignupService
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.sandbox import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
)
from chorus_wizard.sandbox.piste.routes import TECH_PASSWORD_DAYS_LEFT
from chorus_wizard.sandbox.server import SandboxServer
from tests.sandbox.helpers import FakeClock

DANONE = "55203253400703"
DINUM = "13002526500013"


def test_rattachements_in_the_public_clients_shape(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    response = client.post(
        "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements", json={}, headers=piste_headers
    )
    assert response.status_code == 200
    body = response.json()
    assert body["codeRetour"] == 0
    rows = body["listeStructureRattachement"]
    assert DANONE in {r["identifiantStructure"] for r in rows}
    assert {r["roleUtilisateur"] for r in rows} == {"GESTIONNAIRE"}
    assert {r["statutRattachementStructure"] for r in rows} == {"ACTIF"}
    assert all(isinstance(r["idStructure"], int) and r["designationStructure"] for r in rows)
    assert all(r["listeServicesRattache"] == [] for r in rows)
    assert body["parametresRetour"]["total"] == len(rows)


def test_rattachements_honour_parametres_recherche(
    client: httpx.Client, piste_headers: dict[str, str]
) -> None:
    path = "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements"
    every = client.post(path, json={}, headers=piste_headers).json()
    assert every["parametresRetour"]["total"] >= 2
    body = {"parametresRecherche": {"nbResultatsParPage": 1, "pageResultatDemandee": 2}}
    page = client.post(path, json=body, headers=piste_headers).json()
    assert page["listeStructureRattachement"] == every["listeStructureRattachement"][1:2]
    assert page["parametresRetour"]["pageCourante"] == 2
    assert page["parametresRetour"]["pages"] == every["parametresRetour"]["total"]


def test_rattachements_need_the_technical_account(client: httpx.Client) -> None:
    response = client.post("/cpro/utilisateurs/v1/monCompte/recuperer/rattachements", json={})
    assert response.status_code == 401
    assert not response.content


def test_every_step_passes_against_the_sandbox(sandbox: SandboxServer, clock: FakeClock) -> None:
    profile = sandbox_profile(sandbox.base_url)
    assert profile.credentials is not None
    report = check_connection(profile, profile.credentials, DANONE)
    assert [s.status for s in report.steps] == [StepStatus.OK] * 4, report.steps
    assert "DANONE" in report.steps[2].detail
    assert "Structure trouvée sur Chorus Pro\u00a0: DANONE" in report.steps[3].detail
    assert report.tech_password_expiry == (clock.now + timedelta(TECH_PASSWORD_DAYS_LEFT)).date()


def test_a_wrong_technical_password_is_reported_with_what_to_fix(sandbox: SandboxServer) -> None:
    profile = sandbox_profile(sandbox.base_url)
    wrong = PisteCredentials(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_TECH_LOGIN, "faux")
    report = check_connection(profile, wrong)
    assert report.steps[0].status is StepStatus.OK
    assert report.steps[1].status is StepStatus.FAILED
    assert "Compte technique refusé" in report.steps[1].detail
    assert "inconnu ou mot de passe errone" in report.steps[1].detail  # the header's words
    assert report.steps[1].fix == FIX_TECH
    assert "faux" not in report.steps[1].detail


def test_a_wrong_client_secret_fails_at_the_token(sandbox: SandboxServer) -> None:
    profile = sandbox_profile(sandbox.base_url)
    wrong = PisteCredentials(SANDBOX_CLIENT_ID, "faux", SANDBOX_TECH_LOGIN, "x")
    report = check_connection(profile, wrong)
    assert report.steps[0].status is StepStatus.FAILED
    assert "Identifiants PISTE incorrects" in report.steps[0].detail
    assert [s.status for s in report.steps[1:]] == [StepStatus.SKIPPED] * 3


def test_consult_structure_against_the_sandbox(sandbox: SandboxServer) -> None:
    profile = sandbox_profile(sandbox.base_url)
    assert profile.credentials is not None
    with httpx.Client() as http:
        piste = PisteClient(http, profile.token_url, profile.api_base, profile.credentials)
        found = piste.find_structure("SIRET", DANONE)
        assert found is not None
        details = piste.consult_structure(found.id_structure)
    assert details.raison_sociale == "DANONE"
    assert details.address_lines() == ["59 RUE LA FAYETTE", "75009 PARIS"]


def test_portal_mode_service_over_the_sandbox(sandbox: SandboxServer) -> None:
    """Portal mode creates nothing, but reads what the API offers."""
    service = ChorusSignupService(portal_mode(sandbox_profile(sandbox.base_url)))
    try:
        lookup = service.lookup(IdentifierType.SIRET, DANONE)
        assert lookup.existing is not None and lookup.existence_checked
        assert lookup.details is not None and lookup.details.ville == "PARIS"
        assert service.verify_structure(IdentifierType.SIRET, DINUM) is None
        assert service.verify_structure(IdentifierType.SIRET, DANONE) is not None
        codes = [w.code for w in service.workspaces()]  # the catalogue, from shipped data
        assert "FACTURES_EMISES" in codes and "ACTIVITES_GESTIONNAIRE" not in codes
        with pytest.raises(NotSupported, match="portail"):
            service.password_policy()
    finally:
        service.close()


def test_real_profile_without_credentials_cannot_verify(sandbox: SandboxServer) -> None:
    profile = portal_mode(sandbox_profile(sandbox.base_url))
    bare = replace(profile, credentials=None)
    service = ChorusSignupService(bare, credentials=lambda: None)
    try:
        lookup = service.lookup(IdentifierType.SIRET, DANONE)
        assert lookup.existing is None and not lookup.existence_checked
        with pytest.raises(NotSupported, match="Paramètres"):
            service.verify_structure(IdentifierType.SIRET, DANONE)
    finally:
        service.close()


def test_credentials_come_from_the_provider_and_are_reloaded(sandbox: SandboxServer) -> None:
    profile = portal_mode(sandbox_profile(sandbox.base_url))
    bare = replace(profile, credentials=None)
    given: list[PisteCredentials | None] = [None]
    service = ChorusSignupService(bare, credentials=lambda: given[0])
    try:
        assert not service.lookup(IdentifierType.SIRET, DANONE).existence_checked
        given[0] = sandbox_profile(sandbox.base_url).credentials
        assert not service.lookup(IdentifierType.SIRET, DANONE).existence_checked  # cached
        service.reload_credentials()
        assert service.lookup(IdentifierType.SIRET, DANONE).existing is not None
    finally:
        service.close()
