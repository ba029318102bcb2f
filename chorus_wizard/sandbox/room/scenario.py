"""Exercise scenarios of a training room: fictitious companies and the situation each one teaches.

A scenario is a TOML file (format documented in ``resources/scenarios/README.md``)::

    titre = "Démonstration courte"
    parcours = "portail-actuel"   # optional: the wizards' path, when they did not choose one

    [[entreprise]]
    situation = "creation"
    raison_sociale = "BOULANGERIE DU PONT (FICTIVE)"
    siret = "918 273 640 00014"
    adresse = "12 RUE DU PONT"
    code_postal = "69002"
    ville = "LYON"

:func:`load_scenario` reads and checks it, raising :class:`ScenarioError` with a French
message that names the line and the key at fault; :meth:`Scenario.apply` adds its companies to
the sandbox's company directory and its already registered structures to the seed data.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.addresses import postcode_problem
from chorus_wizard.domain.countries import is_country_code
from chorus_wizard.domain.identifiers import (
    IdentifierType,
    check_identifier,
    compact,
    format_siret,
)
from chorus_wizard.sandbox.store.seed import Directory, Manager, SeedData


class Situation(StrEnum):
    """What a company of the scenario lets a trainee practise."""

    CREATION = "creation"
    ALREADY_REGISTERED = "deja_inscrite"
    CLOSED = "etablissement_ferme"
    PARTIALLY_DIFFUSIBLE = "diffusion_partielle"
    NO_SIRET = "sans_siret"
    FOREIGN = "etrangere"


#: The card's heading for each situation.
SITUATION_LABELS: dict[Situation, str] = {
    Situation.CREATION: "Créer une entreprise",
    Situation.ALREADY_REGISTERED: "Entreprise déjà inscrite (rattachement)",
    Situation.CLOSED: "Établissement fermé",
    Situation.PARTIALLY_DIFFUSIBLE: "Entrepreneur individuel en diffusion partielle",
    Situation.NO_SIRET: "Structure sans SIRET",
    Situation.FOREIGN: "Structure étrangère",
}

#: What the card asks the trainee to do, unless the scenario says otherwise (``consigne``).
DEFAULT_INSTRUCTIONS: dict[Situation, str] = {
    Situation.CREATION: "Inscrivez cette entreprise sur Chorus Pro : saisissez son SIRET, "
    "vérifiez ce que l'annuaire propose, créez le compte puis activez-le avec le courriel reçu.",
    Situation.ALREADY_REGISTERED: "Cette entreprise est déjà inscrite sur Chorus Pro : "
    "demandez à y être rattaché(e). Le formateur jouera le gestionnaire principal et "
    "acceptera ou refusera votre demande.",
    Situation.CLOSED: "Essayez d'inscrire cet établissement. Lisez ce que dit l'assistant : "
    "que faut-il faire quand l'établissement est fermé ?",
    Situation.PARTIALLY_DIFFUSIBLE: "Vous êtes entrepreneur individuel et l'INSEE ne diffuse "
    "pas vos coordonnées : l'annuaire ne remplit rien, saisissez vous-même votre nom et votre "
    "adresse.",
    Situation.NO_SIRET: "Votre entreprise est en cours d'immatriculation : choisissez « Je n'ai "
    "pas de numéro de SIRET », puis « En cours d'immatriculation ».",
    Situation.FOREIGN: "Votre entreprise est établie hors de France : choisissez « Je n'ai pas "
    "de numéro de SIRET », puis le type d'identifiant qui correspond à son pays.",
}

_SITUATIONS_WITH_SIRET = {
    Situation.CREATION,
    Situation.ALREADY_REGISTERED,
    Situation.CLOSED,
    Situation.PARTIALLY_DIFFUSIBLE,
}
_TOP_KEYS = {"titre", "description", "parcours", "entreprise"}
#: The rehearsal's paths a scenario may set (the wizard's ``--parcours``).
PATHS = ("guide", "portail-actuel")
_COMPANY_KEYS = {
    "situation",
    "raison_sociale",
    "siret",
    "type_identifiant",
    "identifiant",
    "adresse",
    "code_postal",
    "ville",
    "code_pays",
    "consigne",
    "nom",
    "prenom",
    "gestionnaire",
    "categorie",
}
#: ``categorie``: the company's size as API Recherche d'entreprises gives it.
CATEGORIES = ("PME", "ETI", "GE")
_MANAGER_KEYS = {"nom", "prenom", "email"}
_HEADER = re.compile(r"^\s*\[\[\s*entreprise\s*\]\]")
MAX_COMPANIES = 200


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message is French and names the place."""


@dataclass(frozen=True)
class Company:
    """One fictitious company of the scenario, as its card shows it."""

    situation: Situation
    raison_sociale: str
    identifier_type: IdentifierType
    identifier: str
    adresse: str
    code_postal: str
    ville: str
    code_pays: str
    instruction: str
    nom: str = ""
    prenom: str = ""
    manager: Manager | None = None
    #: ``PME``, ``ETI``, ``GE``, or "" (the directory gives none: ``null``).
    categorie: str = ""

    @property
    def shown_identifier(self) -> str:
        if self.identifier_type is IdentifierType.SIRET:
            return format_siret(self.identifier)
        return self.identifier

    def card(self) -> dict[str, str]:
        """What the trainer hands out: the situation, the company and what to do."""
        return {
            "situation": self.situation.value,
            "titre": SITUATION_LABELS[self.situation],
            "raisonSociale": self.raison_sociale,
            "typeIdentifiant": self.identifier_type.value,
            "identifiant": self.shown_identifier,
            "adresse": self.adresse,
            "codePostal": self.code_postal,
            "ville": self.ville,
            "codePays": self.code_pays,
            "entrepreneur": f"{self.prenom} {self.nom}".strip(),
            "consigne": self.instruction,
        }

    def directory_entry(self) -> dict[str, Any] | None:
        """The company as API Recherche d'entreprises would answer a lookup of its SIRET."""
        if self.identifier_type is not IdentifierType.SIRET:
            return None
        hidden = self.situation is Situation.PARTIALLY_DIFFUSIBLE
        closed = self.situation is Situation.CLOSED
        secret = "[NON-DIFFUSIBLE]"
        name = secret if hidden else self.raison_sociale
        street = secret if hidden else self.adresse
        postcode = secret if hidden else self.code_postal
        line = secret if hidden else f"{self.adresse} {self.code_postal} {self.ville}"
        state = "F" if closed else "A"
        siege = {
            "siret": self.identifier,
            "numero_voie": secret if hidden else None,
            "indice_repetition": secret if hidden else None,
            "type_voie": secret if hidden else None,
            "libelle_voie": street,
            "complement_adresse": secret if hidden else None,
            "distribution_speciale": secret if hidden else None,
            "cedex": secret if hidden else None,
            "libelle_cedex": secret if hidden else None,
            "code_postal": postcode,
            "libelle_commune": self.ville.upper(),
            "code_pays_etranger": None,
            "libelle_pays_etranger": None,
            "etat_administratif": state,
            "statut_diffusion_etablissement": "P" if hidden else "O",
            "est_siege": True,
            "adresse": line,
        }
        return {
            "_query_siret": self.identifier,
            "siren": self.identifier[:9],
            "nom_complet": name,
            "nom_raison_sociale": name,
            "sigle": secret if hidden else None,
            "categorie_entreprise": self.categorie or None,
            "annee_categorie_entreprise": None,
            "nature_juridique": "1000" if hidden else "5499",
            "etat_administratif": "A",
            "statut_diffusion": "P" if hidden else "O",
            "date_creation": "2021-03-01",
            "siege": siege,
            "matching_etablissements": [
                {
                    "siret": self.identifier,
                    "adresse": line,
                    "code_postal": postcode,
                    "libelle_commune": self.ville.upper(),
                    "etat_administratif": state,
                    "est_siege": True,
                }
            ],
            "complements": {
                "est_entrepreneur_individuel": hidden,
                "est_association": False,
                "est_service_public": False,
            },
        }

    def registered(self) -> Signup | None:
        """The structure already on Chorus Pro with its manager, for the attachment situation."""
        if self.manager is None:
            return None
        return Signup(
            email=self.manager.email,
            identifier_type=self.identifier_type,
            identifier=self.identifier,
            nom=self.manager.nom,
            prenom=self.manager.prenom,
            raison_sociale=self.raison_sociale,
            libelle=self.raison_sociale,
            adresse=self.adresse,
            code_postal=self.code_postal,
            ville=self.ville,
            code_pays=self.code_pays,
        )


@dataclass(frozen=True)
class Scenario:
    """A session's title, its description, its companies and the wizards' path."""

    title: str
    description: str
    companies: tuple[Company, ...]
    #: ``guide`` or ``portail-actuel`` for the trainees' wizards that chose none; "" for none.
    path: str = ""

    def apply(self, seed: SeedData) -> SeedData:
        """The seed data with the scenario's companies in the directory and the registry."""
        directory = Directory.from_entries(
            [
                *(e for e in (c.directory_entry() for c in self.companies) if e is not None),
                *seed.directory.entries,
            ]
        )
        registered = [r for r in (c.registered() for c in self.companies) if r is not None]
        return replace(seed, directory=directory, registered=[*seed.registered, *registered])

    def cards(self) -> list[dict[str, str]]:
        return [c.card() for c in self.companies]


def _where(line: int | None, index: int | None, key: str | None) -> str:
    parts = []
    if line is not None:
        parts.append(f"ligne {line}")
    if index is not None:
        parts.append(f"entreprise n° {index + 1}")
    if key is not None:
        parts.append(f"clé « {key} »")
    return ", ".join(parts)


def _fail(line: int | None, index: int | None, key: str | None, message: str) -> ScenarioError:
    where = _where(line, index, key)
    return ScenarioError(f"{where} : {message}" if where else message)


def _text(
    table: dict[str, Any], key: str, line: int | None, index: int | None, *, required: bool
) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise _fail(line, index, key, "cette clé est obligatoire.")
        return ""
    if not isinstance(value, str):
        raise _fail(line, index, key, "la valeur doit être une chaîne entre guillemets.")
    text = " ".join(value.split())
    if required and not text:
        raise _fail(line, index, key, "la valeur ne doit pas être vide.")
    return text


def _unknown_keys(table: dict[str, Any], allowed: set[str]) -> list[str]:
    return sorted(k for k in table if k not in allowed)


def _manager(raw: object, line: int | None, index: int) -> Manager:
    if not isinstance(raw, dict):
        raise _fail(line, index, "gestionnaire", "attendu : une table avec nom, prenom et email.")
    unknown = _unknown_keys(raw, _MANAGER_KEYS)
    if unknown:
        raise _fail(line, index, f"gestionnaire.{unknown[0]}", "clé inconnue.")
    fields = {k: _text(raw, k, line, index, required=True) for k in ("nom", "prenom", "email")}
    local, at, domain = fields["email"].rpartition("@")
    if not at or not local or "." not in domain:
        raise _fail(line, index, "gestionnaire.email", "adresse électronique invalide.")
    return Manager(fields["nom"], fields["prenom"], fields["email"])


def _company(raw: object, line: int | None, index: int) -> Company:
    if not isinstance(raw, dict):
        raise _fail(line, index, None, "chaque entreprise doit être une table [[entreprise]].")
    unknown = _unknown_keys(raw, _COMPANY_KEYS)
    if unknown:
        raise _fail(
            line,
            index,
            unknown[0],
            "clé inconnue (clés permises : " + ", ".join(sorted(_COMPANY_KEYS)) + ").",
        )
    kind = _text(raw, "situation", line, index, required=True)
    try:
        situation = Situation(kind)
    except ValueError:
        allowed = ", ".join(f"« {s.value} »" for s in Situation)
        raise _fail(
            line, index, "situation", f"« {kind} » est inconnue ; situations permises : {allowed}."
        ) from None
    name = _text(raw, "raison_sociale", line, index, required=True)
    if situation in _SITUATIONS_WITH_SIRET:
        for key in ("type_identifiant", "identifiant"):
            if key in raw:
                raise _fail(line, index, key, "inutile avec un SIRET : donnez la clé « siret ».")
        identifier_type = IdentifierType.SIRET
        given = _text(raw, "siret", line, index, required=True)
        id_key = "siret"
    else:
        if "siret" in raw:
            raise _fail(line, index, "siret", f"une situation « {kind} » n'a pas de SIRET.")
        default = "AUTRE" if situation is Situation.NO_SIRET else None
        type_text = _text(raw, "type_identifiant", line, index, required=default is None)
        try:
            identifier_type = IdentifierType(type_text or default or "")
        except ValueError:
            raise _fail(
                line, index, "type_identifiant", f"type d'identifiant inconnu : « {type_text} »."
            ) from None
        expected = (
            {IdentifierType.AUTRE, IdentifierType.PARTICULIER}
            if situation is Situation.NO_SIRET
            else {
                IdentifierType.UE_HORS_FRANCE,
                IdentifierType.HORS_UE,
                IdentifierType.RIDET,
                IdentifierType.TAHITI,
            }
        )
        if identifier_type not in expected:
            allowed = ", ".join(sorted(t.value for t in expected))
            raise _fail(
                line,
                index,
                "type_identifiant",
                f"« {identifier_type.value} » ne convient pas à la situation « {kind} » "
                f"(permis : {allowed}).",
            )
        given = _text(raw, "identifiant", line, index, required=situation is not Situation.NO_SIRET)
        given = given or name
        id_key = "identifiant"
    checked = check_identifier(identifier_type, given)
    if checked.reason:
        raise _fail(line, index, id_key, checked.reason)
    country = (_text(raw, "code_pays", line, index, required=False) or "FR").upper()
    if not is_country_code(country):
        raise _fail(line, index, "code_pays", f"code pays inconnu : « {country} ».")
    if situation is Situation.FOREIGN and country == "FR":
        raise _fail(line, index, "code_pays", "une structure étrangère n'a pas le code pays FR.")
    if situation is not Situation.FOREIGN and country != "FR":
        raise _fail(line, index, "code_pays", f"une situation « {kind} » est en France (FR).")
    postcode = _text(raw, "code_postal", line, index, required=True)
    problem = postcode_problem(postcode, country)
    if problem:
        raise _fail(line, index, "code_postal", problem)
    manager = None
    if situation is Situation.ALREADY_REGISTERED:
        manager = _manager(raw.get("gestionnaire"), line, index)
    elif "gestionnaire" in raw:
        raise _fail(
            line, index, "gestionnaire", "seule une entreprise « deja_inscrite » a un gestionnaire."
        )
    category = _text(raw, "categorie", line, index, required=False).upper()
    if category and category not in CATEGORIES:
        raise _fail(
            line,
            index,
            "categorie",
            f"«\u00a0{category}\u00a0» est inconnue\u00a0; catégories permises\u00a0: "
            + ", ".join(CATEGORIES)
            + ".",
        )
    entrepreneur = situation is Situation.PARTIALLY_DIFFUSIBLE
    if not entrepreneur:
        for key in ("nom", "prenom"):
            if key in raw:
                raise _fail(
                    line,
                    index,
                    key,
                    "seul un entrepreneur « diffusion_partielle » a nom et prénom.",
                )
    return Company(
        situation=situation,
        raison_sociale=name,
        identifier_type=identifier_type,
        identifier=checked.normalized,
        adresse=_text(raw, "adresse", line, index, required=True),
        code_postal=compact(postcode) if country == "FR" else postcode,
        ville=_text(raw, "ville", line, index, required=True),
        code_pays=country,
        instruction=_text(raw, "consigne", line, index, required=False)
        or DEFAULT_INSTRUCTIONS[situation],
        nom=_text(raw, "nom", line, index, required=entrepreneur),
        prenom=_text(raw, "prenom", line, index, required=entrepreneur),
        manager=manager,
        categorie=category,
    )


def parse_scenario(text: str) -> Scenario:
    """Check a scenario's TOML text; raises :class:`ScenarioError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"Le fichier n'est pas un document TOML valide : {exc}.") from None
    unknown = _unknown_keys(data, _TOP_KEYS)
    if unknown:
        raise _fail(
            None,
            None,
            unknown[0],
            "clé inconnue (permises : titre, description, parcours, [[entreprise]]).",
        )
    title = _text(data, "titre", None, None, required=True)
    description = _text(data, "description", None, None, required=False)
    path = _text(data, "parcours", None, None, required=False)
    if path and path not in PATHS:
        raise _fail(None, None, "parcours", "valeur inconnue (permises : guide, portail-actuel).")
    raw_companies = data.get("entreprise")
    if not isinstance(raw_companies, list) or not raw_companies:
        raise ScenarioError(
            "Le scénario ne contient aucune entreprise : ajoutez au moins une table [[entreprise]]."
        )
    if len(raw_companies) > MAX_COMPANIES:
        raise ScenarioError(f"Le scénario contient plus de {MAX_COMPANIES} entreprises.")
    lines = [n for n, row in enumerate(text.splitlines(), start=1) if _HEADER.match(row)]
    companies = []
    seen: dict[tuple[str, str], int] = {}
    managers: dict[str, int] = {}
    for index, raw in enumerate(raw_companies):
        line = lines[index] if index < len(lines) else None
        company = _company(raw, line, index)
        key = (company.identifier_type.value, company.identifier)
        if key in seen:
            raise _fail(
                line,
                index,
                "siret" if company.identifier_type is IdentifierType.SIRET else "identifiant",
                f"identifiant déjà donné à l'entreprise n° {seen[key] + 1}.",
            )
        seen[key] = index
        if company.manager is not None:
            address = company.manager.email.casefold()
            if address in managers:
                raise _fail(
                    line,
                    index,
                    "gestionnaire.email",
                    "adresse déjà donnée au gestionnaire de l'entreprise "
                    f"n° {managers[address] + 1}.",
                )
            managers[address] = index
        companies.append(company)
    return Scenario(title=title, description=description, companies=tuple(companies), path=path)


def load_scenario(path: Path) -> Scenario:
    """Read and check the scenario file at ``path``; the error names the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"Scénario {path} illisible : {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"Scénario {path} : le fichier doit être encodé en UTF-8.") from None
    try:
        return parse_scenario(text)
    except ScenarioError as exc:
        raise ScenarioError(f"Scénario {path} : {exc}") from None
