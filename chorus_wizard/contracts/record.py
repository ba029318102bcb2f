"""The signup as one record, and the table that describes each of its fields once.

:class:`Signup` is what a person fills in; :data:`FIELDS` says, for each field, its name (the
record's attribute, the draft file's key and the sandbox's database column), its name on the
wire (a dotted path in the body of ``POST /sandbox/v1/comptes``), its French label, its limit,
whether it is required, the rule its value follows (a function of :mod:`chorus_wizard.domain`),
whether it is secret, the step of the guide where it is typed and the table that stores it.

Everything else is derived from this table: step 2's widgets, the client's request body and the
sandbox's reading of it (:func:`to_wire`, :func:`from_wire`, :data:`CREATE_ACCOUNT_BODY`), the
checks both ends run (:func:`problem`), the database columns, the draft file (the record minus
its secrets) and the recap's rows. A new field is one attribute and one row here, plus its rule
and its database migration.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from enum import Enum, IntEnum
from typing import Any

from chorus_wizard.domain.addresses import postcode_problem
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.domain.phone import phone_problem
from chorus_wizard.domain.text import text_problem
from chorus_wizard.texts import QT_TRANSLATE_NOOP


@dataclass
class Signup:
    """What a person fills in to create an account and its structure (never a secret)."""

    email: str = ""
    identifier_type: IdentifierType = IdentifierType.SIRET
    identifier: str = ""
    nom: str = ""
    prenom: str = ""
    telephone: str = ""
    raison_sociale: str = ""
    libelle: str = ""
    adresse: str = ""
    complement1: str = ""
    complement2: str = ""
    code_postal: str = ""
    ville: str = ""
    code_pays: str = "FR"
    deposer_demandes_paiement: bool = True
    dume: bool = False

    def values(self) -> dict[str, Any]:
        """Every field's value by name (the identifier type as its code): the draft's shape."""
        return {f.name: _plain(getattr(self, f.name)) for f in RECORD_FIELDS}

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> Signup:
        """A record from :meth:`values` (unknown keys and values of the wrong type ignored)."""
        signup = cls()
        for f in RECORD_FIELDS:
            value = values.get(f.name)
            if f.name == "identifier_type":
                if value in IdentifierType.__members__:
                    signup.identifier_type = IdentifierType(str(value))
            elif isinstance(value, f.kind) and not (f.kind is not bool and isinstance(value, bool)):
                setattr(signup, f.name, value)
        return signup

    def stripped(self) -> Signup:
        """The record with the spaces around its texts removed, as it is sent."""
        return replace(
            self,
            **{f.name: getattr(self, f.name).strip() for f in RECORD_FIELDS if f.kind is str},
        )


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def new_idempotency_key() -> str:
    """A fresh key for sending one signup (128 random bits, hex; the server only compares it).

    It goes in the ``Idempotency-Key`` header of ``POST /sandbox/v1/comptes``, so that a request
    sent twice (a retry after a timeout) creates one account.
    """
    return os.urandom(16).hex()


class Step(IntEnum):
    """The guide's step where a field is typed."""

    IDENTIFY = 1
    COMPLETE = 2
    ACTIVATE = 4


class Part(Enum):
    """What a field describes, and so the sandbox's table that stores it."""

    PERSON = "accounts"
    STRUCTURE = "structures"
    SECRET = ""  # never stored as typed (the sandbox keeps a hash, the wizard nothing)


#: A rule: why ``value`` cannot be sent, given the whole record (French, translatable); None
#: when it can. The length and control-character rule applies to every text field anyway.
Rule = Callable[[str, Signup], str | None]


def _postcode_rule(value: str, signup: Signup) -> str | None:
    return postcode_problem(value, signup.code_pays)


def _phone_rule(value: str, signup: Signup) -> str | None:
    return phone_problem(value)


@dataclass(frozen=True)
class Field:
    """One field of the signup (see the module's docstring)."""

    name: str
    wire: str
    label: str
    step: Step
    part: Part
    max_length: int = 100
    required: bool = False
    rule: Rule | None = None
    kind: type = str
    #: The column in the sandbox's database when it is not :attr:`name`.
    column: str = ""

    @property
    def secret(self) -> bool:
        return self.part is Part.SECRET

    @property
    def stored_as(self) -> str:
        return self.column or self.name


#: Every field of the signup, in the order of the pages. Labels are French; they are shown
#: through ``translate("signup", label)``.
# fmt: off
FIELDS = (
    #     name, wire path,
    #     label,
    #     step, part, longest value, options
    Field("email", "email",
          QT_TRANSLATE_NOOP("signup", "Adresse électronique de connexion"),
          Step.IDENTIFY, Part.PERSON, 254, required=True),
    Field("identifier_type", "structure.typeIdentifiantStructure",
          QT_TRANSLATE_NOOP("signup", "Type d'identifiant"),
          Step.IDENTIFY, Part.STRUCTURE, 20, column="type_identifiant"),
    Field("identifier", "structure.identifiantStructure",
          QT_TRANSLATE_NOOP("signup", "Identifiant"),
          Step.IDENTIFY, Part.STRUCTURE, 40, required=True, column="identifiant"),
    Field("nom", "nom",
          QT_TRANSLATE_NOOP("signup", "Nom"),
          Step.COMPLETE, Part.PERSON, 60, required=True),
    Field("prenom", "prenom",
          QT_TRANSLATE_NOOP("signup", "Prénom"),
          Step.COMPLETE, Part.PERSON, 60, required=True),
    Field("telephone", "telephone",
          QT_TRANSLATE_NOOP("signup", "Téléphone"),
          Step.COMPLETE, Part.PERSON, 30, rule=_phone_rule),
    Field("raison_sociale", "structure.raisonSociale",
          QT_TRANSLATE_NOOP("signup", "Raison sociale"),
          Step.COMPLETE, Part.STRUCTURE, required=True),
    Field("libelle", "structure.libelleStructure",
          QT_TRANSLATE_NOOP("signup", "Libellé de la structure"),
          Step.COMPLETE, Part.STRUCTURE),
    Field("adresse", "structure.adresse",
          QT_TRANSLATE_NOOP("signup", "Adresse"),
          Step.COMPLETE, Part.STRUCTURE, required=True),
    Field("complement1", "structure.complementAdresse1",
          QT_TRANSLATE_NOOP("signup", "Complément adresse 1"),
          Step.COMPLETE, Part.STRUCTURE),
    Field("complement2", "structure.complementAdresse2",
          QT_TRANSLATE_NOOP("signup", "Complément adresse 2"),
          Step.COMPLETE, Part.STRUCTURE),
    Field("code_postal", "structure.codePostal",
          QT_TRANSLATE_NOOP("signup", "Code postal"),
          Step.COMPLETE, Part.STRUCTURE, 10, required=True, rule=_postcode_rule),
    Field("ville", "structure.ville",
          QT_TRANSLATE_NOOP("signup", "Ville"),
          Step.COMPLETE, Part.STRUCTURE, 60, required=True),
    Field("code_pays", "structure.codePays",
          QT_TRANSLATE_NOOP("signup", "Pays"),
          Step.COMPLETE, Part.STRUCTURE, 3, required=True),
    Field("deposer_demandes_paiement", "fonctionnalites.deposerDemandesPaiement",
          QT_TRANSLATE_NOOP("signup", "Déposer des demandes de paiement"),
          Step.COMPLETE, Part.PERSON, kind=bool),
    Field("dume", "fonctionnalites.dume",
          QT_TRANSLATE_NOOP("signup", "Créer et/ou consulter des DUME"),
          Step.COMPLETE, Part.PERSON, kind=bool),
    Field("password", "motDePasse",
          QT_TRANSLATE_NOOP("signup", "Mot de passe"),
          Step.ACTIVATE, Part.SECRET, 500),
    Field("answer", "reponseQuestionSecrete",
          QT_TRANSLATE_NOOP("signup", "Réponse à la question secrète"),
          Step.ACTIVATE, Part.SECRET),
    Field("code", "code",
          QT_TRANSLATE_NOOP("signup", "Lien ou code d'activation"),
          Step.ACTIVATE, Part.SECRET, 500),
)
# fmt: on

#: The fields a :class:`Signup` holds (every one but the secrets), in the table's order.
RECORD_FIELDS = tuple(f for f in FIELDS if not f.secret)
BY_NAME = {f.name: f for f in FIELDS}

#: The longest value each field may hold, by name.
MAX_LENGTH = {f.name: f.max_length for f in FIELDS}


def on_step(step: Step, part: Part | None = None) -> tuple[Field, ...]:
    """The record's fields typed on ``step`` (of ``part``), in the table's order."""
    return tuple(f for f in RECORD_FIELDS if f.step is step and part in (None, f.part))


def problem(field: Field, signup: Signup) -> str | None:
    """Why ``field``'s value in ``signup`` cannot be sent (French, translatable), or None.

    Empty required fields are not a problem here: the form and the sandbox name them apart.
    """
    value = getattr(signup, field.name)
    if not isinstance(value, str):
        return None
    reason = text_problem(value, field.max_length)
    if reason is None and value.strip() and field.rule is not None:
        reason = field.rule(value, signup)
    return reason


# The wire -----------------------------------------------------------------------------------


def to_wire(signup: Signup) -> dict[str, Any]:
    """The body of ``POST /comptes`` for ``signup`` (nested by the wire's dotted paths)."""
    body: dict[str, Any] = {}
    for f in RECORD_FIELDS:
        section, _dot, key = f.wire.rpartition(".")
        target = body.setdefault(section, {}) if section else body
        target[key] = _plain(getattr(signup, f.name))
    return body


def from_wire(body: dict[str, Any]) -> dict[str, Any]:
    """Each field's value in a request body, by name (absent ones as None), unchecked."""
    values: dict[str, Any] = {}
    for f in RECORD_FIELDS:
        value: Any = body
        for key in f.wire.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        values[f.name] = value
    return values


#: The body's shape, for the contract's pydantic model: section → key → (type, default).
CREATE_ACCOUNT_BODY: dict[str, dict[str, tuple[type, Any]]] = {}
for _field in RECORD_FIELDS:
    _section, _dot, _key = _field.wire.rpartition(".")
    CREATE_ACCOUNT_BODY.setdefault(_section, {})[_key] = (
        _field.kind,
        getattr(Signup(), _field.name) if _field.kind is bool else None,
    )

#: The body of ``POST /rattachements``: the same person and identifier, at the top level.
ATTACHMENT_FIELDS = (
    BY_NAME["email"],
    BY_NAME["nom"],
    BY_NAME["prenom"],
    replace(BY_NAME["identifier_type"], wire="typeIdentifiantStructure"),
    replace(BY_NAME["identifier"], wire="identifiantStructure"),
)

#: Which field a refusal's ``champ`` (a wire path) names, the choices that are not text too.
FIELD_OF_WIRE = {
    **{f.wire: f.name for f in (*FIELDS, *ATTACHMENT_FIELDS)},
    "idQuestionSecrete": "question_id",
    "espaces": "workspaces",
}


def _check_table() -> None:
    """The record's attributes and the table's rows name the same fields (at import: a field
    added to one and not the other fails at once, in every test)."""
    attributes = [f.name for f in fields(Signup)]
    if attributes != [f.name for f in RECORD_FIELDS]:
        raise TypeError(f"Signup's attributes {attributes} differ from the table's fields")


_check_table()
