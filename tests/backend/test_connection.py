"""« Tester la connexion »: each step reported, and what to fix, on recorded shapes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import httpx
import pytest

from chorus_wizard.backend.connection import (
    FIX_CLIENT,
    FIX_LATER,
    FIX_NETWORK,
    FIX_SUBSCRIPTION,
    FIX_TECH,
    StepStatus,
    check_connection,
    expiry_reminder,
)
from chorus_wizard.backend.profiles import PRODUCTION, PisteCredentials

CREDS = PisteCredentials("cid", "csecret", "tech@x.fr", "techpw")
TOKEN = "/api/oauth/token"
HEALTH = "/cpro/transverses/v1/health-check"
ATTACHMENTS = "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements"
CONSULT = "/cpro/structures/v1/consulter"
SEARCH = "/cpro/structures/v1/rechercher"

GOOD: dict[str, httpx.Response] = {
    TOKEN: httpx.Response(200, json={"access_token": "t", "expires_in": 3600}),
    HEALTH: httpx.Response(
        200, json={"headers": {}, "body": "OK", "statusCode": "OK", "statusCodeValue": 200}
    ),
    ATTACHMENTS: httpx.Response(
        200,
        json={
            "codeRetour": 0,
            "libelle": "ok",
            "listeStructureRattachement": [
                {
                    "idRattachementStructure": 31,
                    "idStructure": 9,
                    "identifiantStructure": "13002526500013",
                    "typeIdentifiantStructure": "SIRET",
                    "designationStructure": "DINUM",
                    "roleUtilisateur": "GESTIONNAIRE",
                    "statutRattachementStructure": "ACTIF",
                    "listeServicesRattache": [],
                }
            ],
            "parametresRetour": {"nbResultatsParPage": 100, "pageCourante": 1, "pages": 1},
        },
    ),
    CONSULT: httpx.Response(
        200,
        json={
            "codeRetour": 0,
            "libelle": "ok",
            "informationGenerales": {
                "idStructureCPP": 9,
                "raisonSocialeStructure": "DINUM",
                "dateExpirationMotPasseCompteTech": "2027-02-01",
            },
            "adressePostaleDuSiege": {},
        },
    ),
    SEARCH: httpx.Response(
        200,
        json={
            "codeRetour": 0,
            "libelle": "ok",
            "listeStructures": [
                {
                    "idStructureCPP": 9,
                    "identifiantStructure": "13002526500013",
                    "typeIdentifiantStructure": "SIRET",
                    "designationStructure": "DINUM",
                }
            ],
        },
    ),
}


def transport(**overrides: httpx.Response | Callable[[], httpx.Response]) -> httpx.Client:
    routes = {
        {"token": TOKEN, "health": HEALTH, "attachments": ATTACHMENTS, "search": SEARCH}.get(
            k, k
        ): v
        for k, v in overrides.items()
    }
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        seen.append(path)
        answer = routes.get(path, GOOD.get(path))
        if answer is None:
            return httpx.Response(404)
        if callable(answer):
            return answer()
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    client.seen = seen  # type: ignore[attr-defined]
    return client


def test_all_steps_pass_and_the_password_expiry_is_read() -> None:
    report = check_connection(PRODUCTION, CREDS, client=transport())
    assert [s.status for s in report.steps] == [StepStatus.OK] * 4
    assert report.ok
    assert "DINUM (13002526500013)" in report.steps[2].detail
    assert "Structure trouvée" in report.steps[3].detail
    assert report.tech_password_expiry == date(2027, 2, 1)


@pytest.mark.parametrize(
    ("overrides", "failed_at", "words", "fix"),
    [
        (
            {"token": httpx.Response(401, json={"error": "invalid_client"})},
            0,
            "Identifiants PISTE incorrects",
            FIX_CLIENT,
        ),
        (
            {"token": httpx.Response(400, json={"error": "invalid_request"})},
            0,
            "Identifiants PISTE incorrects",
            FIX_CLIENT,
        ),
        ({"health": httpx.Response(403)}, 1, "pas abonnée", FIX_SUBSCRIPTION),
        (
            {
                "attachments": httpx.Response(
                    401,
                    headers={
                        "WWW-Authenticate": 'Basic error="invalid_account", '
                        'error_description="Mot de passe expire"'
                    },
                )
            },
            2,
            "«\u00a0Mot de passe expire\u00a0»",
            FIX_TECH,
        ),
        (
            {"search": httpx.Response(400, json={"codeRetour": 20002, "libelle": "Type inconnu"})},
            3,
            "Type inconnu",
            "",
        ),
    ],
)
def test_each_failure_says_what_to_fix_and_stops(
    overrides: dict[str, httpx.Response], failed_at: int, words: str, fix: str
) -> None:
    report = check_connection(PRODUCTION, CREDS, client=transport(**overrides))
    assert not report.ok
    statuses = [s.status for s in report.steps]
    assert statuses[:failed_at] == [StepStatus.OK] * failed_at
    assert statuses[failed_at] is StepStatus.FAILED
    assert statuses[failed_at + 1 :] == [StepStatus.SKIPPED] * (3 - failed_at)
    assert words in report.steps[failed_at].detail
    if fix:
        assert report.steps[failed_at].fix == fix
    for step in report.steps:
        assert "csecret" not in step.detail + step.fix
        assert "techpw" not in step.detail + step.fix


def test_a_health_check_body_saying_unavailable_fails_that_step() -> None:
    down = httpx.Response(
        200,
        json={
            "headers": {},
            "body": None,
            "statusCode": "SERVICE_UNAVAILABLE",
            "statusCodeValue": 503,
        },
    )
    report = check_connection(PRODUCTION, CREDS, client=transport(health=down))
    assert report.steps[1].status is StepStatus.FAILED
    assert "503" in report.steps[1].detail
    assert report.steps[1].fix == FIX_LATER


def test_the_expiry_is_read_from_the_real_attachment_shape() -> None:
    client = transport()
    report = check_connection(PRODUCTION, CREDS, client=client)
    # the password expiry comes from consulterStructure on the structure of the attachment
    assert CONSULT in client.seen  # type: ignore[attr-defined]
    assert report.tech_password_expiry == date(2027, 2, 1)


def test_no_network() -> None:
    def refuse() -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused")

    report = check_connection(PRODUCTION, CREDS, client=transport(token=refuse))
    assert report.steps[0].status is StepStatus.FAILED
    assert report.steps[0].fix == FIX_NETWORK


def test_a_short_quota_wait_is_absorbed() -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "1"}), GOOD[HEALTH]])
    slept: list[float] = []
    report = check_connection(
        PRODUCTION, CREDS, client=transport(health=lambda: next(answers)), sleep=slept.append
    )
    assert report.ok
    assert slept == [1.0]


def test_no_attachment_is_a_warning_not_a_failure() -> None:
    empty = httpx.Response(
        200, json={"codeRetour": 0, "libelle": "ok", "listeStructureRattachement": []}
    )
    report = check_connection(PRODUCTION, CREDS, client=transport(attachments=empty))
    assert report.steps[2].status is StepStatus.WARNING
    assert report.ok
    assert report.tech_password_expiry is None


@pytest.mark.parametrize(
    ("expiry", "words", "warning"),
    [
        (date(2026, 12, 31), "expire le 31/12/2026 (dans 34 jours)", False),
        (date(2026, 12, 10), "dans 13 jours", True),
        (date(2026, 11, 27), "(aujourd'hui)", True),
        (date(2026, 11, 1), "a expiré le 01/11/2026", True),
    ],
)
def test_expiry_reminder(expiry: date, words: str, warning: bool) -> None:
    reminder = expiry_reminder(expiry, date(2026, 11, 27))
    assert reminder is not None
    assert words in reminder[0]
    assert reminder[1] is warning
    assert expiry_reminder(None, date(2026, 11, 27)) is None
