"""The company directory, in the shape of the API Recherche d'entreprises."""

from __future__ import annotations

import httpx
import pytest

from chorus_wizard.sandbox.seed import SeedData


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
        (s for s, est in seed.directory.by_siret.items() if est.entry["siege"]["siret"] != s),
        None,
    )
    if secondary is None:
        pytest.skip("no secondary establishment in the directory")
    [entry] = client.get("/search", params={"q": secondary}).json()["results"]
    assert secondary in {e["siret"] for e in entry["matching_etablissements"]}


def test_an_unknown_siret_is_200_with_no_result(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "73282932000074"})
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert response.json()["total_results"] == 0


def test_a_siren_returns_every_entry_of_that_company(client: httpx.Client, seed: SeedData) -> None:
    expected = [e for e in seed.directory.entries if e["siren"] == "356000000"]
    data = client.get("/search", params={"q": "356 000 000"}).json()
    assert data["total_results"] == len(expected) >= 1
    assert {e["siren"] for e in data["results"]} == {"356000000"}


@pytest.mark.parametrize("params", [{}, {"q": "12"}, {"q": "  "}])
def test_a_missing_or_short_query_is_400_with_erreur(
    client: httpx.Client, params: dict[str, str]
) -> None:
    response = client.get("/search", params=params)
    assert response.status_code == 400
    assert response.json()["erreur"]
