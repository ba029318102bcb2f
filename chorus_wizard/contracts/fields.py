"""The signup API's text fields: JSON name, the form attribute it fills, label and limits.

Light on purpose (no pydantic, plain dataclasses: step 1 reads it before its first
paint). The pages take their limits from here, the sandbox checks each value against them
with :func:`chorus_wizard.domain.text.text_problem` before it saves anything, and the client
turns the field a refusal names (``champ``) back into the form's attribute, so the pages never
see a JSON name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextField:
    """One text field of a request body (``json`` is its dotted path in the body)."""

    json: str
    attribute: str
    label: str
    max_length: int
    required: bool = False


EMAIL = TextField("email", "email", "Adresse électronique de connexion", 254, required=True)
NOM = TextField("nom", "nom", "Nom", 60, required=True)
PRENOM = TextField("prenom", "prenom", "Prénom", 60, required=True)
IDENTIFIER_LENGTH = 40

#: The structure part of ``POST /comptes``, in the form's order.
STRUCTURE_FIELDS = (
    TextField("structure.raisonSociale", "raison_sociale", "Raison sociale", 100, required=True),
    TextField("structure.libelleStructure", "libelle", "Libellé de la structure", 100),
    TextField("structure.adresse", "adresse", "Adresse", 100, required=True),
    TextField("structure.complementAdresse1", "complement1", "Complément adresse 1", 100),
    TextField("structure.complementAdresse2", "complement2", "Complément adresse 2", 100),
    TextField("structure.codePostal", "code_postal", "Code postal", 10, required=True),
    TextField("structure.ville", "ville", "Ville", 60, required=True),
    TextField("structure.codePays", "code_pays", "Pays", 3, required=True),
)
ACCOUNT_FIELDS = (
    EMAIL,
    NOM,
    PRENOM,
    TextField("structure.typeIdentifiantStructure", "identifier_type", "Type d'identifiant", 20),
    TextField(
        "structure.identifiantStructure", "identifier", "Identifiant", IDENTIFIER_LENGTH, True
    ),
    *STRUCTURE_FIELDS,
)
ATTACHMENT_FIELDS = (
    EMAIL,
    NOM,
    PRENOM,
    TextField("typeIdentifiantStructure", "identifier_type", "Type d'identifiant", 20),
    TextField("identifiantStructure", "identifier", "Identifiant", IDENTIFIER_LENGTH, True),
)
ANSWER = TextField("reponseQuestionSecrete", "answer", "Réponse à la question secrète", 100)
CODE = TextField("code", "code", "Lien ou code d'activation", 500)

#: The longest value each form attribute may hold.
MAX_LENGTH = {f.attribute: f.max_length for f in (*ACCOUNT_FIELDS, ANSWER, CODE)}

#: Form attribute of each field a refusal can name (``champ``), text or not.
FORM_ATTRIBUTE = {
    **{f.json: f.attribute for f in (*ACCOUNT_FIELDS, *ATTACHMENT_FIELDS, ANSWER, CODE)},
    "motDePasse": "password",
    "idQuestionSecrete": "question_id",
    "espaces": "workspaces",
}
