"""Request bodies of the sandbox, as Pydantic models with Chorus Pro's field names.

Every model refuses a string longer than :data:`MAX_STRING`, and a NUL character, anywhere in
the body, including in keys it does not know, and ignores unknown keys otherwise. Business
rules (mandatory fields, formats) are checked by the routes so each broken rule gets its own
``codeRetour``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

MAX_STRING = 500
TOO_LONG_ERROR = "chaine_trop_longue"
NUL_ERROR = "caractere_nul"


def _too_long(value: Any, path: str = "") -> str | None:
    """Path of the first string longer than :data:`MAX_STRING` inside ``value``, if any."""
    return _find(value, lambda text: len(text) > MAX_STRING, path)


def _with_nul(value: Any, path: str = "") -> str | None:
    """Path of the first string holding a NUL inside ``value`` (a key counts), if any."""
    return _find(value, lambda text: "\x00" in text, path)


def _find(value: Any, wrong: Callable[[str], bool], path: str) -> str | None:
    if isinstance(value, str):
        return (path or "corps") if wrong(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and wrong(key):
                return where
            found = _find(item, wrong, where)
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _find(item, wrong, f"{path}[{index}]")
            if found:
                return found
    return None


class SandboxModel(BaseModel):
    """Base of every request body: unknown keys ignored, long strings and NUL refused."""

    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _limit_strings(cls, data: Any) -> Any:
        path = _too_long(data)
        if path:
            raise PydanticCustomError(
                TOO_LONG_ERROR,
                "Le champ « {champ} » dépasse {limite} caractères.",
                {"champ": path, "limite": MAX_STRING},
            )
        path = _with_nul(data)
        if path:
            raise PydanticCustomError(
                NUL_ERROR,
                "Le champ « {champ} » contient un caractère nul, qui n'est pas permis.",
                {"champ": path},
            )
        return data


# PISTE / Chorus Pro -----------------------------------------------------------------------


class StructureCriteria(SandboxModel):
    identifiantStructure: str | None = None
    typeIdentifiantStructure: str | None = None


class SearchParameters(SandboxModel):
    nbResultatsParPage: int = Field(default=10, ge=1, le=1000)
    pageResultatDemandee: int = Field(default=1, ge=1, le=1_000_000)
    triColonne: str = "IdentifiantStructure"
    triSens: str = "Ascendant"


class SearchStructureRequest(SandboxModel):
    """Body of ``rechercherStructure``."""

    structure: StructureCriteria
    restreindreStructuresPrivees: bool = False
    parametres: SearchParameters = Field(default_factory=SearchParameters)


class ConsultStructureRequest(SandboxModel):
    """Body of ``consulterStructure`` (``idStructureCPP``, or ``idStructure`` as some clients
    send it)."""

    idStructureCPP: int | None = None
    idStructure: int | None = None
    codeLangue: str = "FR"


class AttachmentsRequest(SandboxModel):
    """Body of ``recupererRattachementsMonCompteUtilisateur``."""

    parametresRecherche: SearchParameters = Field(default_factory=SearchParameters)


class LanguageRequest(SandboxModel):
    """Optional body of the reference-list services."""

    codeLangue: str = "FR"


# Sandbox signup ---------------------------------------------------------------------------


class NewStructure(SandboxModel):
    typeIdentifiantStructure: str | None = None
    identifiantStructure: str | None = None
    raisonSociale: str | None = None
    libelleStructure: str | None = None
    adresse: str | None = None
    complementAdresse1: str | None = None
    complementAdresse2: str | None = None
    codePostal: str | None = None
    ville: str | None = None
    codePays: str | None = None


class Functionalities(SandboxModel):
    deposerDemandesPaiement: bool = True
    dume: bool = False


class CreateAccountRequest(SandboxModel):
    """Body of ``POST /sandbox/v1/comptes``."""

    email: str | None = None
    nom: str | None = None
    prenom: str | None = None
    structure: NewStructure = Field(default_factory=NewStructure)
    fonctionnalites: Functionalities = Field(default_factory=Functionalities)


class WorkspacesRequest(SandboxModel):
    """Body of ``PUT /sandbox/v1/comptes/{idCompte}/espaces``."""

    espaces: list[str]


class AttachmentRequest(SandboxModel):
    """Body of ``POST /sandbox/v1/rattachements``."""

    email: str | None = None
    nom: str | None = None
    prenom: str | None = None
    typeIdentifiantStructure: str | None = None
    identifiantStructure: str | None = None


class ResendRequest(SandboxModel):
    """Body of ``POST /sandbox/v1/activation/renvoyer``."""

    email: str | None = None


class ActivationRequest(SandboxModel):
    """Body of ``POST /sandbox/v1/activation``."""

    email: str | None = None
    code: str | None = None
    motDePasse: str | None = None
    idQuestionSecrete: int | None = None
    reponseQuestionSecrete: str | None = None
