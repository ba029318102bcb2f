"""Mapping API Recherche d'entreprises answers to the form, on recorded shapes."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from chorus_wizard.backend.directory import (
    RechercheEntreprisesClient,
    city_label,
    map_result,
    street_from_adresse,
    street_type,
)
from chorus_wizard.backend.errors import NetworkError, ProtocolError, RateLimited, ServerError
from chorus_wizard.resources import resource_path


def recorded(siret: str) -> dict[str, Any]:
    data = json.loads(resource_path("sandbox", "directory.json").read_text(encoding="utf-8"))
    for entry in data["results"]:
        if entry["_query_siret"] == siret:
            return {k: v for k, v in entry.items() if k != "_query_siret"}
    raise LookupError(siret)


def test_dinum_head_office() -> None:
    record = map_result(recorded("13002526500013"), "13002526500013")
    assert record.raison_sociale == "DIRECTION INTERMINISTERIELLE DU NUMERIQUE"
    assert record.adresse == "20 AVENUE DE SEGUR"
    assert (record.code_postal, record.ville, record.code_pays) == ("75007", "PARIS", "FR")
    assert record.active and not record.masked


def test_la_poste_secondary_establishment_takes_its_own_address() -> None:
    record = map_result(recorded("35600000041439"), "35600000041439")
    assert record.raison_sociale == "LA POSTE"
    assert record.adresse == "102 RUE DE LA CONVENTION"
    assert record.code_postal == "75015"
    assert record.complement1 == ""  # the head office's complement does not leak in


def test_closed_establishment_is_flagged() -> None:
    record = map_result(recorded("88087814500015"), "88087814500015")
    assert not record.active
    assert "cessé" in record.closed_reason or "fermé" in record.closed_reason
    assert record.ville == "PARIS"  # "PARIS 8" loses its arrondissement


def test_masked_values_are_empty_and_reported() -> None:
    record = map_result(recorded("30002576400048"), "30002576400048")
    assert "[" not in record.raison_sociale + record.adresse
    assert "raison_sociale" in record.masked
    assert record.ville  # the city stays visible


@pytest.mark.parametrize(
    ("code", "word"), [("AV", "AVENUE"), ("LD", "LIEU-DIT"), ("RUE", "RUE"), ("AVENUE", "AVENUE")]
)
def test_street_types_expand_exact_codes_only(code: str, word: str) -> None:
    assert street_type(code) == word


@pytest.mark.parametrize(
    ("label", "city"),
    [
        ("PARIS 08", "PARIS"),
        ("PARIS 8", "PARIS"),
        ("LYON 3E ARRONDISSEMENT", "LYON"),
        ("MARSEILLE 8E", "MARSEILLE"),
        ("PARIS-L'HOPITAL", "PARIS-L'HOPITAL"),
    ],
)
def test_arrondissement_suffix_removed(label: str, city: str) -> None:
    assert city_label(label) == city


def test_street_from_adresse_drops_the_town() -> None:
    assert street_from_adresse("102 RUE DE LA CONVENTION 75015 PARIS", "75015", "PARIS") == (
        "102 RUE DE LA CONVENTION"
    )


def client_for(handler: Any) -> RechercheEntreprisesClient:
    return RechercheEntreprisesClient(
        httpx.Client(transport=httpx.MockTransport(handler)), "https://annuaire.test"
    )


def test_lookup_hit_and_miss() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.params["q"] in ("13002526500013", "12345678200010")
        if request.url.params["q"] == "13002526500013":
            return httpx.Response(200, json={"results": [recorded("13002526500013")]})
        return httpx.Response(200, json={"results": [], "total_results": 0})

    client = client_for(handler)
    found = client.company("13002526500013")
    assert found is not None and found.ville == "PARIS"
    assert client.company("12345678200010") is None


@pytest.mark.parametrize(
    ("response", "error"),
    [
        (httpx.Response(429, headers={"Retry-After": "3"}), RateLimited),
        (httpx.Response(503, text="busy"), ServerError),
        (httpx.Response(200, text="{not json"), ProtocolError),
        (httpx.Response(200, json={"unexpected": True}), ProtocolError),
    ],
)
def test_faults_become_project_errors(response: httpx.Response, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        client_for(lambda request: response).company("13002526500013")
    assert str(caught.value)  # a French sentence to show
    if isinstance(caught.value, RateLimited):
        assert caught.value.retry_after == 3.0
        assert "3 s" in str(caught.value)


def test_connection_refused_is_a_network_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(NetworkError, match="Impossible de joindre"):
        client_for(handler).company("13002526500013")
