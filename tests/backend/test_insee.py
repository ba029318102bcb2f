"""INSEE Sirene 3.11 on recorded bodies (tests/data/insee, see SOURCES.md), and the fallback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from chorus_wizard.backend.company import FallbackDirectory
from chorus_wizard.backend.directory import RechercheEntreprisesClient
from chorus_wizard.backend.errors import (
    AuthenticationError,
    NotSupported,
    ProtocolError,
    RateLimited,
    ServerError,
)
from chorus_wizard.backend.insee import InseeSireneClient, map_etablissement
from chorus_wizard.resources import resource_path

DATA = Path(__file__).parent.parent / "data" / "insee"


def etablissement(name: str) -> dict[str, Any]:
    body = json.loads((DATA / name).read_text(encoding="utf-8"))
    return body.get("etablissement", body)  # *.element.json files hold the object alone


# file, raison sociale, adresse, complément 1, code postal, ville, active, masked
RECORDED = [
    (
        "12000015300011.json",
        "DELEGATION GENERALE A L'EMPLOI ET A LA FORMATION PROFESSIONNELLE",
        "10 PLACE 5 MARTYRS LYCEE BUFFON",
        "10-18",
        "75015",
        "PARIS",
        True,
        set(),
    ),
    # closed establishment (current period F) of a ceased unit; "PARIS 8" loses its suffix
    ("88087814500015.json", "GANYMEDE", "128 RUE LA BOETIE", "", "75008", "PARIS", False, set()),
    # no street type, no number
    ("20000982700037.json", None, "VC ZONE ARTISANALE", "", "20250", "CORTE", True, set()),
    # BD code expanded; trailing blanks in the recorded values are trimmed
    (
        "12345678900017.json",
        "LE PETIT RINTINTIN",
        "1 BOULEVARD POISSONIERE",
        "",
        "75002",
        "PARIS",
        True,
        set(),
    ),
    # natural person: first name + last name
    ("12345678900045.json", "PIERRE EXEMPLE", "3 RUE DE VALOIS", "", "75001", "PARIS", True, set()),
    # partially diffusible: [ND] values empty and reported, Marseille arrondissement stripped
    (
        "12345678900001.json",
        "",
        "",
        "",
        "",
        "MARSEILLE",
        True,
        {"raison_sociale", "adresse", "code_postal", "complement1"},
    ),
    # cedex code and label preferred; La Poste secondary establishment, closed
    (
        "35600000000295.element.json",
        "LA POSTE",
        "44 BOULEVARD DE VAUGIRARD",
        "",
        "75757",
        "PARIS CEDEX 15",
        False,
        set(),
    ),
    (
        "88301031600015.element.json",
        "RAPHAEL DUBIGNY",
        "17 RUE DE FRANCEVILLE",
        "RED NEEDLES",
        "93220",
        "GAGNY",
        False,
        set(),
    ),
]


@pytest.mark.parametrize(
    ("name", "raison", "adresse", "complement", "postal", "city", "active", "masked"), RECORDED
)
def test_recorded_insee_shapes(
    name: str,
    raison: str | None,
    adresse: str,
    complement: str,
    postal: str,
    city: str,
    active: bool,
    masked: set[str],
) -> None:
    record = map_etablissement(etablissement(name))
    if raison is not None:
        assert record.raison_sociale == raison
    assert (record.adresse, record.complement1) == (adresse, complement)
    assert (record.code_postal, record.ville, record.code_pays) == (postal, city, "FR")
    assert record.active is active
    assert record.masked == masked
    assert "[ND]" not in repr(record)


def constructed(**address: str | None) -> dict[str, Any]:
    """A body built from the documented schema, for cases no public recording shows."""
    return {
        "siret": "13002526500013",
        "uniteLegale": {"denominationUniteLegale": "EXEMPLE", "etatAdministratifUniteLegale": "A"},
        "adresseEtablissement": address,
        "periodesEtablissement": [
            {"dateFin": None, "etatAdministratifEtablissement": "A"},
            {"dateFin": "2019-12-31", "etatAdministratifEtablissement": "F"},
        ],
    }


def test_special_distribution_goes_to_complement_2() -> None:
    record = map_etablissement(
        constructed(
            numeroVoieEtablissement="3",
            typeVoieEtablissement="RTE",
            libelleVoieEtablissement="DE LA GARE",
            distributionSpecialeEtablissement="BP 42",
            codePostalEtablissement="31000",
            libelleCommuneEtablissement="TOULOUSE",
        )
    )
    assert (record.adresse, record.complement2) == ("3 ROUTE DE LA GARE", "BP 42")
    assert record.active  # the open period is the one without dateFin


def test_lieu_dit_and_repetition_index() -> None:
    record = map_etablissement(
        constructed(
            numeroVoieEtablissement="12",
            indiceRepetitionEtablissement="B",
            typeVoieEtablissement="LD",
            libelleVoieEtablissement="LES GRANDS CHAMPS",
            codePostalEtablissement="81170",
            libelleCommuneEtablissement="CORDES-SUR-CIEL",
        )
    )
    assert record.adresse == "12 BIS LIEU-DIT LES GRANDS CHAMPS"


def test_foreign_address_keeps_its_country() -> None:
    record = map_etablissement(
        constructed(
            numeroVoieEtablissement="5",
            libelleVoieEtablissement="KOENIGSALLEE",
            libelleCommuneEtrangerEtablissement="DUSSELDORF",
            codePaysEtrangerEtablissement="99109",
            libellePaysEtrangerEtablissement="ALLEMAGNE",
        )
    )
    assert (record.ville, record.code_pays) == ("DUSSELDORF", "DE")

    assert record.address_note == ""  # nothing moved: no warning


def test_foreign_street_and_town_swapped_by_insee_are_put_back() -> None:
    """INSEE's fields of P&T TECHNOLOGY AG's head office, as recherche-entreprises recorded
    them (tests/data/recherche-entreprises/435246145.json), in the Sirene shape."""
    record = map_etablissement(
        constructed(
            libelleVoieEtablissement="20099 HAMBOURG",
            libelleCommuneEtrangerEtablissement="AN DER ALSTER 3",
            codePaysEtrangerEtablissement="99109",
            libellePaysEtrangerEtablissement="ALLEMAGNE",
        )
    )
    assert (record.adresse, record.code_postal, record.ville, record.code_pays) == (
        "AN DER ALSTER 3",
        "20099",
        "HAMBOURG",
        "DE",
    )
    assert record.address_note  # said beside the fields: check them


def test_a_foreign_town_with_its_postcode_is_split_without_warning() -> None:
    record = map_etablissement(
        constructed(
            libelleVoieEtablissement="AN DER ALSTER 3",
            libelleCommuneEtrangerEtablissement="20099 HAMBURG",
            libellePaysEtrangerEtablissement="ALLEMAGNE",
        )
    )
    assert (record.adresse, record.code_postal, record.ville) == (
        "AN DER ALSTER 3",
        "20099",
        "HAMBURG",
    )
    assert record.address_note == ""


def test_a_number_range_and_a_cedex_box() -> None:
    record = map_etablissement(
        constructed(
            numeroVoieEtablissement="1",
            dernierNumeroVoieEtablissement="3",
            typeVoieEtablissement="RUE",
            libelleVoieEtablissement="D'ENGHIEN",
            distributionSpecialeEtablissement="CS 70001",
            codePostalEtablissement="75010",
            libelleCommuneEtablissement="PARIS 10",
            codeCedexEtablissement="75468",
            libelleCedexEtablissement="PARIS CEDEX 10",
        )
    )
    assert (record.adresse, record.complement2) == ("1-3 RUE D'ENGHIEN", "CS 70001")
    assert (record.code_postal, record.ville) == ("75468", "PARIS CEDEX 10")


def test_a_box_typed_in_the_complement_moves_to_complement_2() -> None:
    record = map_etablissement(
        constructed(
            complementAdresseEtablissement="ZI DU PONT BP 12",
            numeroVoieEtablissement="4",
            typeVoieEtablissement="RUE",
            libelleVoieEtablissement="DES FORGES",
            codePostalEtablissement="69003",
            libelleCommuneEtablissement="LYON 3EME",
        )
    )
    assert (record.complement1, record.complement2) == ("ZI DU PONT", "BP 12")
    assert (record.code_postal, record.ville) == ("69003", "LYON")


def client(handler: Any, key: str | None = "cle") -> InseeSireneClient:
    return InseeSireneClient(
        httpx.Client(transport=httpx.MockTransport(handler)), "https://insee.test", lambda: key
    )


def test_lookup_sends_the_key_and_maps() -> None:
    body = json.loads((DATA / "88087814500015.json").read_text(encoding="utf-8"))

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/siret/88087814500015"
        assert request.headers["X-INSEE-Api-Key-Integration"] == "cle"
        return httpx.Response(200, json=body)

    record = client(handler).company("88087814500015")
    assert record is not None and record.raison_sociale == "GANYMEDE"


@pytest.mark.parametrize(
    ("response", "outcome"),
    [
        (httpx.Response(404, json=json.loads((DATA / "error-404-siren.json").read_text())), None),
        (httpx.Response(401), AuthenticationError),
        (httpx.Response(429, headers={"Retry-After": "60"}), RateLimited),
        (httpx.Response(503), ServerError),
        (httpx.Response(200, text="<html>maintenance</html>"), ProtocolError),
        (httpx.Response(200, json={"header": {"statut": 200}}), ProtocolError),
    ],
)
def test_errors_are_mapped(response: httpx.Response, outcome: type[Exception] | None) -> None:
    lookup = client(lambda request: response)
    if outcome is None:
        assert lookup.company("13002526500013") is None
    else:
        with pytest.raises(outcome):
            lookup.company("13002526500013")


def test_missing_key_is_said_plainly() -> None:
    with pytest.raises(NotSupported, match="clé d'API INSEE"):
        client(lambda request: httpx.Response(200), key=None).company("13002526500013")


def recherche_entreprises() -> RechercheEntreprisesClient:
    data = json.loads(resource_path("sandbox", "directory.json").read_text(encoding="utf-8"))
    entry = next(e for e in data["results"] if e["_query_siret"] == "13002526500013")
    entry = {k: v for k, v in entry.items() if k != "_query_siret"}
    return RechercheEntreprisesClient(
        httpx.Client(
            transport=httpx.MockTransport(lambda r: httpx.Response(200, json={"results": [entry]}))
        ),
        "https://annuaire.test",
    )


def test_insee_unavailable_falls_back_and_says_so() -> None:
    directory = FallbackDirectory(
        client(lambda request: httpx.Response(503)), recherche_entreprises()
    )
    record = directory.company("13002526500013")
    assert record is not None and record.raison_sociale.startswith("DIRECTION")
    assert "l'annuaire des entreprises" in record.notice
    assert "problème" in record.notice


def test_unknown_at_insee_is_not_a_reason_to_fall_back() -> None:
    directory = FallbackDirectory(
        client(lambda request: httpx.Response(404)), recherche_entreprises()
    )
    assert directory.company("13002526500013") is None


# uniteLegale.categorieEntreprise of recorded Sirene answers, read by hand from the raw files
@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("35600000000295.element.json", "GE"),
        ("12000015300011.json", "PME"),
        ("12345678900001.json", ""),  # "categorieEntreprise": null
    ],
)
def test_the_company_category_is_read_from_sirene(name: str, category: str) -> None:
    assert map_etablissement(etablissement(name)).categorie_entreprise == category
