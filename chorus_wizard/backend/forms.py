"""What the person fills in and the wizard sends: the structure form and the signup request
(Qt-free, I/O-free). Apart from :mod:`~chorus_wizard.backend.models` (the service's answers)
because the draft holds a form from the first window on, before the service is imported.
"""

from __future__ import annotations

import os

from chorus_wizard.domain.identifiers import IdentifierType


class StructureForm:
    """The structure part of the *Compléter* step.

    Plain classes here and in the draft: nothing compares them by value, only by identity.
    """

    def __init__(
        self,
        identifier_type: IdentifierType = IdentifierType.SIRET,
        identifier: str = "",
        raison_sociale: str = "",
        libelle: str = "",
        adresse: str = "",
        complement1: str = "",
        complement2: str = "",
        code_postal: str = "",
        ville: str = "",
        code_pays: str = "FR",
    ) -> None:
        self.identifier_type = identifier_type
        self.identifier = identifier
        self.raison_sociale = raison_sociale
        self.libelle = libelle
        self.adresse = adresse
        self.complement1 = complement1
        self.complement2 = complement2
        self.code_postal = code_postal
        self.ville = ville
        self.code_pays = code_pays


class SignupRequest:
    """Everything needed to create the account and its structure."""

    def __init__(
        self,
        email: str,
        nom: str,
        prenom: str,
        structure: StructureForm,
        deposer_demandes_paiement: bool = True,
        dume: bool = False,
    ) -> None:
        self.email = email
        self.nom = nom
        self.prenom = prenom
        self.structure = structure
        self.deposer_demandes_paiement = deposer_demandes_paiement
        self.dume = dume


def new_idempotency_key() -> str:
    """A fresh key for one account creation (128 random bits, hex; the server only compares it)."""
    return os.urandom(16).hex()
