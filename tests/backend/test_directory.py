"""Mapping API Recherche d'entreprises answers to the form, on recorded shapes."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from chorus_wizard.backend.company import city_label, street_from_adresse, street_type
from chorus_wizard.backend.directory import RechercheEntreprisesClient, map_result
from chorus_wizard.backend.errors import NetworkError, ProtocolError, RateLimited, ServerError
from chorus_wizard.resources import resource_path


def recorded(siret: str) -> dict[str, Any]:
    data = json.loads(resource_path("sandbox", "directory.json").read_text(encoding="utf-8"))
    for entry in data["results"]:
        if entry["_query_siret"] == siret:
            return {k: v for k, v in entry.items() if k != "_query_siret"}
    raise LookupError(siret)


# siret, raison sociale, adresse, complément 1, code postal, ville, active, masked
RECORDED_CASES = [
    (
        "13002526500013",
        "DIRECTION INTERMINISTERIELLE DU NUMERIQUE",
        "20 AVENUE DE SEGUR",
        "",
        "75007",
        "PARIS",
        True,
        set(),
    ),
    # La Poste secondary establishment: its own street from `adresse`, not the head office's
    ("35600000041439", "LA POSTE", "102 RUE DE LA CONVENTION", "", "75015", "PARIS", True, set()),
    (
        "35600000000048",
        "LA POSTE",
        "9 RUE DU COLONEL PIERRE AVIA",
        "DIRECTION GENERALE DE LA POSTE",
        "75015",
        "PARIS",
        True,
        set(),
    ),
    # lieu-dit: the LD code is expanded
    (
        "84370107900017",
        "BESOIN DE TOIT",
        "LIEU-DIT LA VAURELLE",
        "",
        "81170",
        "CORDES-SUR-CIEL",
        True,
        set(),
    ),
    # cedex: code and label preferred to the commune
    (
        "77567227221138",
        "CROIX ROUGE FRANCAISE",
        "98 RUE DIDOT",
        "SITE CROIX ROUGE",
        "75694",
        "PARIS CEDEX 14",
        True,
        set(),
    ),
    # no street type, no number
    (
        "33836505900017",
        "CENTRE SOCIAL 'CAP DE TOUT'",
        "RUE JULES FERRY",
        "",
        "64110",
        "MAZERES-LEZONS",
        True,
        set(),
    ),
    (
        "42320818000012",
        "GANYMEDE",
        "ROUTE DE GRUISSAN",
        "ESPACE SOLEIL BAT C",
        "11100",
        "NARBONNE",
        True,
        set(),
    ),
    # masked individual entrepreneur: empty, reported, the city stays
    (
        "30002576400048",
        "",
        "",
        "",
        "",
        "RENNES",
        True,
        {"raison_sociale", "adresse", "code_postal", "complement1"},
    ),
    # individual entrepreneur without legal name: nom_complet
    (
        "88301031600015",
        "RAPHAEL DUBIGNY",
        "17 RUE DE FRANCEVILLE",
        "RED NEEDLES",
        "93220",
        "GAGNY",
        False,
        set(),
    ),
    # closed establishment of a ceased company; "PARIS 8" loses its arrondissement
    ("88087814500015", "GANYMEDE", "128 RUE LA BOETIE", "", "75008", "PARIS", False, set()),
    # closed secondary establishment of an active company
    ("33840382700011", "LA POSTE", "1 RUE THIERS", "", "38000", "GRENOBLE", False, set()),
    (
        "21750001600019",
        "VILLE DE PARIS",
        "4 PLACE HOTEL VILLE ESP LIBERATION",
        "",
        "75004",
        "PARIS",
        True,
        set(),
    ),
]


@pytest.mark.parametrize(
    ("siret", "name", "adresse", "complement", "postal", "city", "active", "masked"),
    RECORDED_CASES,
)
def test_recorded_recherche_entreprises_shapes(
    siret: str,
    name: str,
    adresse: str,
    complement: str,
    postal: str,
    city: str,
    active: bool,
    masked: set[str],
) -> None:
    record = map_result(recorded(siret), siret)
    assert (record.raison_sociale, record.adresse, record.complement1) == (
        name,
        adresse,
        complement,
    )
    assert (record.code_postal, record.ville, record.code_pays) == (postal, city, "FR")
    assert record.active is active
    assert record.active != bool(record.closed_reason)
    assert record.masked == masked
    assert "[" not in repr(record)  # no placeholder ever reaches the form


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


SLEPT: list[float] = []


def client_for(handler: Any) -> RechercheEntreprisesClient:
    return RechercheEntreprisesClient(
        httpx.Client(transport=httpx.MockTransport(handler)),
        "https://annuaire.test",
        sleep=SLEPT.append,
    )


def test_short_retry_after_is_waited_out_once() -> None:
    answers = [
        httpx.Response(429, headers={"Retry-After": "1"}),
        httpx.Response(200, json={"results": [recorded("13002526500013")]}),
    ]
    SLEPT.clear()
    record = client_for(lambda request: answers.pop(0)).company("13002526500013")
    assert record is not None and SLEPT == [1.0]


def test_long_retry_after_is_reported_not_waited() -> None:
    SLEPT.clear()
    with pytest.raises(RateLimited, match="Réessayez dans 30 secondes") as caught:
        client_for(lambda r: httpx.Response(429, headers={"Retry-After": "30"})).company("1")
    assert caught.value.retry_after == 30.0 and SLEPT == []


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
        (httpx.Response(429, headers={"Retry-After": "30"}), RateLimited),
        (httpx.Response(503, text="busy"), ServerError),
        (httpx.Response(200, text="{not json"), ProtocolError),
        (httpx.Response(200, json={"unexpected": True}), ProtocolError),
        (httpx.Response(200, json={"results": [{"siege": "oops"}]}), ProtocolError),
        (httpx.Response(200, content=b'{"results": [{"siege": {"siret": "1300'), ProtocolError),
    ],
)
def test_faults_become_project_errors(response: httpx.Response, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        client_for(lambda request: response).company("13002526500013")
    assert str(caught.value)  # a French sentence to show


def test_connection_refused_is_a_network_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(NetworkError, match="refuse la connexion"):
        client_for(handler).company("13002526500013")
