"""What the person fills in and the wizard sends: the structure form and the signup request
(Qt-free, I/O-free). Apart from :mod:`~chorus_wizard.backend.models` (the service's answers)
because the draft holds a form from the first window on, before the service is imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from chorus_wizard.domain.identifiers import IdentifierType


@dataclass
class StructureForm:
    """The structure part of the *Compléter* step."""

    identifier_type: IdentifierType = IdentifierType.SIRET
    identifier: str = ""
    raison_sociale: str = ""
    libelle: str = ""
    adresse: str = ""
    complement1: str = ""
    complement2: str = ""
    code_postal: str = ""
    ville: str = ""
    code_pays: str = "FR"


@dataclass
class SignupRequest:
    """Everything needed to create the account and its structure."""

    email: str
    nom: str
    prenom: str
    structure: StructureForm
    deposer_demandes_paiement: bool = True
    dume: bool = False


def new_idempotency_key() -> str:
    """A fresh key for one account creation (128 random bits, hex; the server only compares it)."""
    return os.urandom(16).hex()
