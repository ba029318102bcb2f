"""Scenario files: the shipped ones load and cover every situation; a broken one is refused
with a French message naming the line and the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chorus_wizard.domain.identifiers import IdentifierType, check_siret
from chorus_wizard.sandbox.room.scenario import (
    Scenario,
    ScenarioError,
    Situation,
    load_scenario,
    parse_scenario,
)
from chorus_wizard.sandbox.store.seed import load_seed
from tests.room.conftest import FULL_SESSION, SHORT_DEMO

GOOD = """\
titre = "Essai"

[[entreprise]]
situation = "creation"
raison_sociale = "ESSAI (FICTIVE)"
siret = "918 273 640 00014"
adresse = "1 RUE A"
code_postal = "69002"
ville = "LYON"
"""


def test_the_full_session_covers_every_situation(scenario: Scenario) -> None:
    assert {c.situation for c in scenario.companies} == set(Situation)
    assert scenario.title == "Session complète — inscription à Chorus Pro"
    for company in scenario.companies:
        if company.identifier_type is IdentifierType.SIRET:
            assert check_siret(company.identifier).ok, company


def test_the_short_demo_loads() -> None:
    demo = load_scenario(SHORT_DEMO)
    assert demo.title == "Démonstration courte"
    assert [c.situation for c in demo.companies] == [
        Situation.CREATION,
        Situation.ALREADY_REGISTERED,
        Situation.CLOSED,
    ]


def test_the_scenario_joins_the_directory_and_the_registry(scenario: Scenario) -> None:
    seed = scenario.apply(load_seed())
    creation = seed.directory.lookup("91827364000014")
    assert creation is not None and creation.active
    assert creation.entry["nom_raison_sociale"] == "BOULANGERIE DU PONT NEUF (FICTIVE)"
    closed = seed.directory.lookup("93645172300014")
    assert closed is not None and not closed.active
    assert closed.establishment_state == "F"
    hidden = seed.directory.lookup("98425163700018")
    assert hidden is not None and hidden.entry["statut_diffusion"] == "P"
    assert hidden.entry["nom_complet"] == "[NON-DIFFUSIBLE]"
    registered = {(s.identifier, s.email) for s in seed.registered}
    assert ("92736451300014", "helene.roussel@metallerie.sandbox.invalid") in registered
    # The shipped seed stays: its real directory entries and registered structures.
    assert seed.directory.lookup("13002526500013") is not None
    assert ("55203253400703", "camille.martin@danone.sandbox.invalid") in registered


def test_cards_say_what_to_do(scenario: Scenario) -> None:
    cards = scenario.cards()
    assert len(cards) == len(scenario.companies)
    foreign = next(c for c in cards if c["typeIdentifiant"] == "UE_HORS_FRANCE")
    assert foreign["identifiant"] == "BE0412345614"
    assert foreign["consigne"].startswith("Votre entreprise est établie hors de France")
    creation = cards[0]
    assert creation["identifiant"] == "918 273 640 00014"
    assert creation["titre"] == "Créer une entreprise"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('titre = "x"\n[[entreprise]\n', "Le fichier n'est pas un document TOML valide"),
        ("description = 'x'\n", "clé « titre » : cette clé est obligatoire."),
        ('titre = "x"\n', "Le scénario ne contient aucune entreprise"),
        (GOOD + "couleur = 'bleu'\n", "ligne 3, entreprise n° 1, clé « couleur » : clé inconnue"),
        (
            GOOD.replace("00014", "00015"),
            "ligne 3, entreprise n° 1, clé « siret » : Clé de contrôle incorrecte",
        ),
        (
            GOOD.replace('"creation"', '"fermee"'),
            "ligne 3, entreprise n° 1, clé « situation » : « fermee » est inconnue",
        ),
        (
            GOOD.replace('"creation"', '"deja_inscrite"'),
            "clé « gestionnaire » : attendu : une table avec nom, prenom et email.",
        ),
        (
            GOOD.replace('"69002"', '"690"'),
            "clé « code_postal » : Un code postal français comporte 5 chiffres.",
        ),
        (GOOD.replace('ville = "LYON"', "ville = 3"), "clé « ville » : la valeur doit être"),
        (
            GOOD + "\n" + GOOD.split("\n", 2)[2],
            "ligne 11, entreprise n° 2, clé « siret » : "
            "identifiant déjà donné à l'entreprise n° 1.",
        ),
        (
            GOOD.replace('"creation"', '"etrangere"').replace(
                'siret = "918 273 640 00014"',
                'type_identifiant = "UE_HORS_FRANCE"\nidentifiant = "BE0412345615"\n'
                'code_pays = "BE"',
            ),
            "clé « identifiant » : Clé de contrôle du numéro de TVA incorrecte.",
        ),
        (
            GOOD.replace('"creation"', '"etrangere"').replace(
                'siret = "918 273 640 00014"',
                'type_identifiant = "UE_HORS_FRANCE"\nidentifiant = "BE0412345614"',
            ),
            "clé « code_pays » : une structure étrangère n'a pas le code pays FR.",
        ),
        (
            GOOD.replace('"creation"', '"sans_siret"'),
            "clé « siret » : une situation « sans_siret » n'a pas de SIRET.",
        ),
    ],
)
def test_a_broken_scenario_is_refused_with_its_place(text: str, message: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text)
    assert message in str(caught.value)


def test_a_manager_is_given_to_one_structure_only() -> None:
    registered = GOOD.replace('"creation"', '"deja_inscrite"') + (
        "[entreprise.gestionnaire]\n"
        'nom = "Roussel"\nprenom = "Hélène"\nemail = "h.roussel@exemple.invalid"\n'
    )
    assert parse_scenario(registered).companies[0].manager is not None
    second = registered.split("\n", 2)[2].replace("918 273 640 00014", "927 364 513 00014")
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(registered + "\n" + second)
    assert "ligne 15, entreprise n° 2, clé «\u00a0gestionnaire.email\u00a0»" in str(caught.value)
    assert "adresse déjà donnée au gestionnaire de l'entreprise n° 1." in str(caught.value)


def test_the_file_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "salle.toml"
    path.write_text(GOOD.replace("00014", "00015"), encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^Scénario .*salle\.toml : ligne 3, "):
        load_scenario(path)
    with pytest.raises(ScenarioError, match="illisible"):
        load_scenario(tmp_path / "absent.toml")


def test_the_sandbox_does_not_start_on_a_broken_scenario(tmp_path: Path) -> None:
    path = tmp_path / "salle.toml"
    path.write_text(GOOD.replace("LYON", ""), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "chorus_wizard.sandbox",
            "--data-dir",
            str(tmp_path / "data"),
            "--scenario",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "clé « ville » : la valeur ne doit pas être vide." in result.stderr
    assert not (tmp_path / "data").exists()


def test_the_shipped_files_are_where_the_docs_say() -> None:
    assert FULL_SESSION.name == "session-complete.toml" and FULL_SESSION.is_file()
    assert SHORT_DEMO.name == "demo-courte.toml" and SHORT_DEMO.is_file()


def test_a_category_reaches_the_directory_entry() -> None:
    scenario = parse_scenario(GOOD + 'categorie = "eti"\n')
    [company] = scenario.companies
    entry = company.directory_entry()
    assert entry is not None
    assert entry["categorie_entreprise"] == "ETI"
    [plain] = parse_scenario(GOOD).companies
    plain_entry = plain.directory_entry()
    assert plain_entry is not None
    assert plain_entry["categorie_entreprise"] is None


def test_an_unknown_category_is_refused() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(GOOD + 'categorie = "TPE"\n')
    assert "clé «\u00a0categorie\u00a0»\u00a0: «\u00a0TPE\u00a0» est inconnue" in str(caught.value)
    assert "PME, ETI, GE" in str(caught.value)


def test_the_full_session_rehearses_each_category(scenario: Scenario) -> None:
    categories = {c.categorie for c in scenario.companies if c.situation is Situation.CREATION}
    assert categories == {"PME", "ETI", "GE", ""}


def test_a_scenario_may_set_the_wizards_path() -> None:
    assert parse_scenario(GOOD).path == ""  # none: each wizard's own choice, else the guide's
    with_path = GOOD.replace('titre = "Essai"', 'titre = "Essai"\nparcours = "portail-actuel"')
    assert parse_scenario(with_path).path == "portail-actuel"
    with pytest.raises(ScenarioError, match=r"parcours.*valeur inconnue"):
        parse_scenario(GOOD.replace('titre = "Essai"', 'titre = "Essai"\nparcours = "autre"'))
