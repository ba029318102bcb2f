"""Request bodies of the sandbox's PISTE services, as Pydantic models with Chorus Pro's names.

They share the signup contract's base (:class:`~chorus_wizard.contracts.signup.RequestBody`):
every model refuses a string longer than :data:`MAX_STRING`, and a NUL character, anywhere in
the body, including in keys it does not know, and ignores unknown keys otherwise. The signup
services' bodies are in :mod:`chorus_wizard.contracts.signup`.
"""

from __future__ import annotations

from pydantic import Field

from chorus_wizard.contracts.signup import MAX_STRING, NUL_ERROR, TOO_LONG_ERROR
from chorus_wizard.contracts.signup import RequestBody as SandboxModel

__all__ = ["MAX_STRING", "NUL_ERROR", "TOO_LONG_ERROR", "SandboxModel"]


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
