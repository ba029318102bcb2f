"""The company directory, in the shape of the API Recherche d'entreprises."""

from __future__ import annotations

import httpx
import pytest
import requests
from annuaire_entreprises_py import AnnuaireEntreprisesGet

from chorus_wizard.backend.directory import map_result
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.store.seed import SeedData


def test_a_siret_with_spaces_returns_its_entry(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "130 025 265 00013"})
    assert response.status_code == 200
    data = response.json()
    assert data["total_results"] == 1
    assert (data["page"], data["per_page"], data["total_pages"]) == (1, 10, 1)
    [entry] = data["results"]
    assert entry["siren"] == "130025265"
    assert entry["siege"]["siret"] == "13002526500013"
    assert "_query_siret" not in entry


def test_a_secondary_establishment_lists_itself_in_matching_etablissements(
    client: httpx.Client, seed: SeedData
) -> None:
    secondary = next(
        s for s, est in seed.directory.by_siret.items() if est.entry["siege"]["siret"] != s
    )
    [entry] = client.get("/search", params={"q": secondary}).json()["results"]
    assert secondary in {e["siret"] for e in entry["matching_etablissements"]}


def test_an_unknown_siret_is_200_with_no_result(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "73282932000074"})
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert response.json()["total_results"] == 0


def test_a_siren_returns_that_company_once_with_its_establishments(
    client: httpx.Client, seed: SeedData
) -> None:
    known = {
        e["siret"]
        for entry in seed.directory.entries
        if entry["siren"] == "356000000"
        for e in entry["matching_etablissements"]
    }
    data = client.get("/search", params={"q": "356 000 000"}).json()
    # one result per company (SIREN), as the real API: not one per establishment
    assert data["total_results"] == 1
    [company] = data["results"]
    assert company["siren"] == "356000000"
    found = [e["siret"] for e in company["matching_etablissements"]]
    assert len(found) == len(set(found)) and set(found) == known and len(known) >= 2


def test_a_siret_lists_only_that_establishment(client: httpx.Client) -> None:
    [company] = client.get("/search", params={"q": "35600000041439"}).json()["results"]
    assert company["siren"] == "356000000"
    assert [e["siret"] for e in company["matching_etablissements"]] == ["35600000041439"]


def test_the_wrapper_has_the_real_fields(client: httpx.Client) -> None:
    data = client.get("/search", params={"q": "la poste", "per_page": 2}).json()
    assert set(data) == {
        "results",
        "total_results",
        "page",
        "per_page",
        "total_pages",
        "execution_time",
    }
    assert isinstance(data["execution_time"], int) and data["execution_time"] >= 0
    assert len(data["results"]) == 2
    assert data["total_pages"] == -(-data["total_results"] // 2)
    assert len({r["siren"] for r in data["results"]}) == 2


def test_limite_matching_etablissements_caps_the_list(client: httpx.Client) -> None:
    params = {"q": "356000000", "limite_matching_etablissements": "1"}
    [company] = client.get("/search", params=params).json()["results"]
    assert len(company["matching_etablissements"]) == 1


@pytest.mark.parametrize(
    ("params", "erreur"),
    [
        ({}, "Veuillez indiquer au moins un paramètre de recherche."),
        ({"siret": "13002526500013"}, "Veuillez indiquer au moins un paramètre de recherche."),
        (
            {"q": "ab"},
            "3 caractères minimum pour les termes de la requête (ou utilisez au moins un filtre)",
        ),
        ({"q": "dinum", "page": "x"}, "Veuillez indiquer un paramètre `page` entier."),
        (
            {"q": "dinum", "per_page": "26"},
            "Veuillez indiquer un paramètre `per_page` entre `1` et `25`, par défaut `10`.",
        ),
    ],
)
def test_errors_are_the_real_api_sentences(
    client: httpx.Client, params: dict[str, str], erreur: str
) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 400
    assert response.json() == {"erreur": erreur}


@pytest.mark.parametrize("params", [{}, {"q": "12"}, {"q": "  "}])
def test_a_missing_or_short_query_is_400_with_erreur(
    client: httpx.Client, params: dict[str, str]
) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 400
    assert response.json()["erreur"]


# An independent client of the real API, installed from PyPI (annuaire-entreprises-py, dev
# dependency), pointed at the sandbox.


def annuaire_client(sandbox: SandboxServer) -> AnnuaireEntreprisesGet:
    client = AnnuaireEntreprisesGet()
    client.BASE_URL = f"{sandbox.base_url}/search"  # its one base URL, a class attribute
    # search() reads default_page and default_per_page, which the client never sets (a bug of
    # annuaire-entreprises-py 0.2.0): without them it cannot send any query.
    client.default_page = 1
    client.default_per_page = 10
    return client


def test_annuaire_entreprises_py_reads_a_siret_answer(sandbox: SandboxServer) -> None:
    data = annuaire_client(sandbox).search(q="13002526500013")
    assert (data["total_results"], data["page"], data["per_page"]) == (1, 1, 10)
    [company] = data["results"]
    assert company["siren"] == "130025265"
    assert [e["siret"] for e in company["matching_etablissements"]] == ["13002526500013"]
    # and what it received maps to the form as the wizard's own client would
    record = map_result(company, "13002526500013")
    assert (record.adresse, record.code_postal, record.ville) == (
        "20 AVENUE DE SEGUR",
        "75007",
        "PARIS",
    )


def test_annuaire_entreprises_py_get_by_siret_is_refused_as_by_the_real_api(
    sandbox: SandboxServer,
) -> None:
    # get_by_siret() sends ?siret=…, a parameter the real API does not have (search-api's
    # SearchParams ignores unknown keys, then finds no criterion): the client is wrong about
    # the API, and the sandbox answers what the real API answers.
    client = annuaire_client(sandbox)
    with pytest.raises(requests.HTTPError) as caught:
        client.get_by_siret("13002526500013")
    assert caught.value.response is not None
    assert caught.value.response.status_code == 400
    assert caught.value.response.json() == {
        "erreur": "Veuillez indiquer au moins un paramètre de recherche."
    }


def test_annuaire_entreprises_py_reads_a_siren_answer_once(sandbox: SandboxServer) -> None:
    data = annuaire_client(sandbox).search(q="356000000")
    assert [c["siren"] for c in data["results"]] == ["356000000"]


@pytest.mark.parametrize(
    ("siret", "category", "year"),
    [
        # values of the recorded answers the entries come from (directory.json's "source")
        ("55203253400703", "GE", "2023"),
        ("48744469700428", "ETI", "2023"),
        ("84370107900017", "PME", "2023"),
        ("88087814500015", None, None),
    ],
)
def test_the_directory_gives_each_company_its_category(
    client: httpx.Client, siret: str, category: str | None, year: str | None
) -> None:
    [company] = client.get("/search", params={"q": siret}).json()["results"]
    assert company["categorie_entreprise"] == category
    assert company["annee_categorie_entreprise"] == year
    assert map_result(company, siret).categorie_entreprise == (category or "")
