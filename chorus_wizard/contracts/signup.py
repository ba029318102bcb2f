"""The sandbox's signup API (``/sandbox/v1``): paths, return codes, field names and shapes.

The real portal has no API for these steps (domain.md §2); the sandbox serves them and the
wizard calls them, both through this module. Every answer carries ``codeRetour``
(:class:`Code`, 0 = success) and a French ``libelle``; a refusal names the field it refused
in ``champ`` (a dotted JSON path, see :mod:`chorus_wizard.contracts.fields`).

Request bodies refuse a string longer than :data:`MAX_STRING` anywhere, including in keys they
do not know, and ignore unknown keys otherwise; business rules (mandatory fields, formats,
each field's own limit) are checked by the sandbox so each broken rule gets its own code.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator
from pydantic_core import PydanticCustomError

from chorus_wizard.contracts import record

PREFIX = "/sandbox/v1"
HEALTH = "/sante"
WORKSPACES = "/espaces"
PASSWORD_POLICY = "/politique-mot-de-passe"
SECRET_QUESTIONS = "/questions-secretes"
ACCOUNTS = "/comptes"
ACCOUNT = "/comptes/{idCompte}"
ACCOUNT_WORKSPACES = "/comptes/{idCompte}/espaces"
ATTACHMENTS = "/rattachements"
RESEND = "/activation/renvoyer"
ACTIVATION = "/activation"
MAILS = "/courriels"
#: The page an activation link opens (outside ``/v1``: it is HTML for a browser).
ACTIVATION_PAGE = "/sandbox/activer"

JETON_HEADER = "X-Jeton-Inscription"
IDEMPOTENCY_HEADER = "Idempotency-Key"


#: ``GET /courriels``: how many mails by default, and at most.
MAILS_DEFAULT = 5
MAILS_MAX = 20

MAX_STRING = 500
TOO_LONG_ERROR = "chaine_trop_longue"
NUL_ERROR = "caractere_nul"


class Code(IntEnum):
    """``codeRetour`` values of the signup services."""

    OK = 0
    INVALID_BODY = 1
    TOO_LONG = 2
    INVALID_EMAIL = 3
    MISSING_FIELD = 4
    INVALID_POSTCODE = 5
    UNKNOWN_COUNTRY = 6
    UNKNOWN_ID_TYPE = 7
    INVALID_IDENTIFIER = 8
    UNKNOWN_SIRET = 9
    STRUCTURE_EXISTS = 10
    EMAIL_EXISTS = 11
    IDEMPOTENCY_MISMATCH = 12
    CLOSED_ESTABLISHMENT = 13
    BODY_TOO_LARGE = 14
    CONTROL_CHARACTER = 15
    #: A field's value breaks the rule its table row gives (contracts/record.py), the
    #: postcode's excepted (INVALID_POSTCODE, older).
    INVALID_VALUE = 16
    INVALID_CODE = 20
    EXPIRED_CODE = 21
    WEAK_PASSWORD = 22
    INVALID_SECRET_QUESTION = 23
    LOCKED = 24
    THROTTLED = 25
    INVALID_JETON = 30
    UNKNOWN_WORKSPACE = 32
    UNKNOWN_STRUCTURE = 40
    ALREADY_MANAGER = 41
    UNKNOWN_SERVICE = 50
    METHOD_NOT_ALLOWED = 51
    INTERNAL_ERROR = 99


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


class RequestBody(BaseModel):
    """Base of every request body: unknown keys ignored, long strings and NUL refused."""

    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _limit_strings(cls, data: Any) -> Any:
        # The rule of domain/text.py that holds for every string of a body, keys included: a
        # lone surrogate fails at the first write or answer, a bidi override reverses what a
        # page shows. (Other control characters are refused field by field, by the sandbox.)
        from chorus_wizard.domain.text import BIDI_CONTROLS, has_bidi_control, has_surrogate

        def shown(path: str) -> str:
            """The path as the answer may name it: a key may hold what is refused here."""
            kept = path.encode("utf-8", "replace").decode("utf-8")
            return "".join("?" if char in BIDI_CONTROLS else char for char in kept)

        path = _too_long(data)
        if path:
            raise PydanticCustomError(
                TOO_LONG_ERROR,
                "Le champ «\u00a0{champ}\u00a0» dépasse {limite} caractères.",
                {"champ": shown(path), "limite": MAX_STRING},
            )
        path = _with_nul(data)
        if path:
            raise PydanticCustomError(
                NUL_ERROR,
                "Le champ «\u00a0{champ}\u00a0» contient un caractère invisible (un caractère "
                "nul), qui n'est pas permis.",
                {"champ": shown(path)},
            )
        path = _find(data, lambda text: has_surrogate(text) or has_bidi_control(text), "")
        if path:
            raise PydanticCustomError(
                NUL_ERROR,
                "Le champ «\u00a0{champ}\u00a0» contient un caractère invisible (caractère de "
                "contrôle, d'orientation du texte ou de substitution), qui n'est pas permis.",
                {"champ": shown(path)},
            )
        return data


class Answer(BaseModel):
    """Base of every answer: ``codeRetour`` and ``libelle``; unknown keys ignored."""

    model_config = ConfigDict(extra="ignore")

    codeRetour: int = Code.OK
    libelle: str = ""


class HealthAnswer(Answer):
    """``GET /sante``: a sandbox run for a training room names it (the scenario's title), and
    the rehearsal's path its scenario sets (``guide`` or ``portail-actuel``; None: not set)."""

    salle: str | None = None
    parcours: str | None = None


# Requests ---------------------------------------------------------------------------------


class Functionalities(BaseModel):
    """``fonctionnalites`` as an account's answer gives them."""

    deposerDemandesPaiement: bool = True
    dume: bool = False


def _section(name: str, keys: dict[str, tuple[type, Any]]) -> type[RequestBody]:
    """A part of a request body with the record's keys (a text may be absent: None)."""
    return create_model(  # type: ignore[call-overload]
        name,
        __base__=RequestBody,
        **{
            key: (kind if kind is bool else kind | None, default)
            for key, (kind, default) in keys.items()
        },
    )


# The body of ``POST /comptes`` is the signup record's table (record.CREATE_ACCOUNT_BODY): its
# top-level keys, ``structure`` and ``fonctionnalites``.
_NewStructure = _section("NewStructure", record.CREATE_ACCOUNT_BODY["structure"])
_NewFunctionalities = _section("NewFunctionalities", record.CREATE_ACCOUNT_BODY["fonctionnalites"])
_CreateAccountBody = create_model(
    "_CreateAccountBody",
    __base__=_section("_Person", record.CREATE_ACCOUNT_BODY[""]),
    structure=(_NewStructure, Field(default_factory=_NewStructure)),
    fonctionnalites=(_NewFunctionalities, Field(default_factory=_NewFunctionalities)),
)


class CreateAccountRequest(_CreateAccountBody):  # type: ignore[misc, valid-type]
    """Body of ``POST /comptes``: the fields of :data:`chorus_wizard.contracts.record.FIELDS`
    at their wire paths (read with :func:`~chorus_wizard.contracts.record.from_wire`)."""


class WorkspacesRequest(RequestBody):
    """Body of ``PUT /comptes/{idCompte}/espaces``."""

    espaces: list[str]


class AttachmentRequest(RequestBody):
    """Body of ``POST /rattachements``."""

    email: str | None = None
    nom: str | None = None
    prenom: str | None = None
    typeIdentifiantStructure: str | None = None
    identifiantStructure: str | None = None


class ResendRequest(RequestBody):
    """Body of ``POST /activation/renvoyer``."""

    email: str | None = None


class ActivationRequest(RequestBody):
    """Body of ``POST /activation``."""

    email: str | None = None
    code: str | None = None
    motDePasse: str | None = None
    idQuestionSecrete: int | None = None
    reponseQuestionSecrete: str | None = None


# Answers ----------------------------------------------------------------------------------


class Refused(Answer):
    """Any refusal: the field it names, and what some refusals add."""

    champ: str | None = None
    reglesNonRespectees: list[str] | None = None
    verrouilleJusqua: str | None = None
    #: A wrong activation code: how many more tries before the lock.
    tentativesRestantes: int | None = None
    idStructureCPP: int | None = None


class WorkspaceEntry(BaseModel):
    code: str
    libelle: str
    description: str = ""
    activeParDefaut: bool = False


class WorkspacesAnswer(Answer):
    listeEspaces: list[WorkspaceEntry]


class PolicyAnswer(Answer):
    politique: dict[str, Any]


class QuestionEntry(BaseModel):
    id: int
    libelle: str


class QuestionsAnswer(Answer):
    listeQuestions: list[QuestionEntry]


class AccountCreatedAnswer(Answer):
    """``201`` of ``POST /comptes`` (``jetonInscription`` opens the account's other calls)."""

    idCompte: int
    idStructureCPP: int
    gestionnairePrincipal: bool = True
    activationValideJusqua: str | None = None
    jetonInscription: str


class ChosenWorkspacesAnswer(Answer):
    espaces: list[str]


class StructureEntry(BaseModel):
    idStructureCPP: int
    typeIdentifiantStructure: str
    identifiantStructure: str
    raisonSociale: str
    libelleStructure: str = ""
    adresse: str = ""
    complementAdresse1: str = ""
    complementAdresse2: str = ""
    codePostal: str = ""
    ville: str = ""
    codePays: str = ""


class AccountAnswer(Answer):
    """``GET /comptes/{idCompte}``."""

    idCompte: int
    email: str = ""
    nom: str = ""
    prenom: str = ""
    statut: str
    espaces: list[str] = Field(default_factory=list)
    fonctionnalites: Functionalities = Field(default_factory=Functionalities)
    gestionnairePrincipal: bool = False
    structure: StructureEntry | None = None
    #: Until when the last activation mail's link is valid (an account awaiting activation).
    activationValideJusqua: str | None = None
    #: Until when its activation is locked after too many wrong codes, while it is.
    verrouilleJusqua: str | None = None


class AttachmentAnswer(Answer):
    idDemande: int


class ResentAnswer(Answer):
    activationValideJusqua: str | None = None


class ActivatedAnswer(Answer):
    idCompte: int


class MailEntry(BaseModel):
    """One mail the sandbox "sent" (its plain-text part)."""

    expediteur: str
    destinataire: str
    objet: str
    date: str
    texte: str


class MailsAnswer(Answer):
    """``GET /courriels?email=…&limite=…``: the newest first."""

    courriels: list[MailEntry]
