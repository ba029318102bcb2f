"""The rules a signup request must follow before the sandbox acts on it: the e-mail, the
names, the identifier and its existence at INSEE, and each field's own rule from the record's
table (:data:`chorus_wizard.contracts.record.FIELDS`). Each broken rule raises a
:class:`~chorus_wizard.sandbox.refusal.Refusal` naming its field."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from email_validator import EmailNotValidError, validate_email

from chorus_wizard.contracts import record
from chorus_wizard.contracts.record import BY_NAME, Part, Signup
from chorus_wizard.contracts.signup import (
    Code,
    CreateAccountRequest,
)
from chorus_wizard.domain.countries import is_country_code
from chorus_wizard.domain.identifiers import (
    FIELD_LABELS,
    IdentifierType,
    check_identifier,
    format_siret,
)
from chorus_wizard.sandbox.refusal import check_texts, field_refusal, missing
from chorus_wizard.sandbox.store.seed import Directory

#: The return code of a field whose rule (record.Field.rule) is broken.
_RULE_CODES = {"code_postal": Code.INVALID_POSTCODE}


def text_of(value: str | None) -> str:
    return (value or "").strip()


def check_email(value: str | None, field: str = "email") -> str:
    """The normalised address; :class:`Refusal` when there is none or it is not one."""
    text = text_of(value)
    if not text:
        raise missing(field, BY_NAME["email"].label)
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise field_refusal(
            Code.INVALID_EMAIL,
            field,
            "Le champ «\u00a0Adresse électronique de connexion\u00a0» n'est pas une adresse "
            "valide\u00a0: elle doit avoir la forme nom@domaine.fr.",
        ) from None


def check_names(nom: str | None, prenom: str | None) -> None:
    for field, value in ((BY_NAME["nom"], nom), (BY_NAME["prenom"], prenom)):
        if not text_of(value):
            raise missing(field.wire, field.label)


def identifier_type_of(value: str | None, field: str) -> IdentifierType:
    text = text_of(value) or IdentifierType.SIRET.value
    try:
        return IdentifierType(text)
    except ValueError:
        raise field_refusal(
            Code.UNKNOWN_ID_TYPE,
            field,
            f"Type d'identifiant de structure inconnu\u00a0: «\u00a0{text}\u00a0».",
        ) from None


def code_from(value: str | None) -> str:
    """The code itself, also when the whole activation link was pasted."""
    text = text_of(value)
    if "code=" in text:
        codes = parse_qs(urlsplit(text).query).get("code")
        if codes:
            return codes[0].strip()
    return text


def check_new_account(body: CreateAccountRequest, directory: Directory) -> Signup:
    """The record a creation request holds, normalised, once every rule of its fields
    (:data:`chorus_wizard.contracts.record.FIELDS`) holds; :class:`Refusal` otherwise."""
    check_texts(body, record.RECORD_FIELDS)
    values = record.from_wire(body.model_dump())
    email = check_email(values["email"])
    for field in record.RECORD_FIELDS:
        if field.part is Part.PERSON and field.required and not text_of(values[field.name]):
            raise missing(field.wire, field.label)
    id_type = identifier_type_of(values["identifier_type"], BY_NAME["identifier_type"].wire)
    checked = check_identifier(id_type, values["identifier"] or "")
    if checked.reason:
        raise field_refusal(
            Code.INVALID_IDENTIFIER,
            BY_NAME["identifier"].wire,
            f"{FIELD_LABELS[id_type]}\u00a0: {checked.reason}",
        )
    for field in record.RECORD_FIELDS:
        if field.part is Part.STRUCTURE and field.required and not text_of(values[field.name]):
            raise missing(field.wire, field.label)
    country = text_of(values["code_pays"]).upper()
    if not is_country_code(country):
        raise field_refusal(
            Code.UNKNOWN_COUNTRY,
            BY_NAME["code_pays"].wire,
            "Le champ «\u00a0Pays\u00a0» contient un code pays inconnu\u00a0: "
            f"«\u00a0{text_of(values['code_pays'])}\u00a0».",
        )
    signup = Signup.from_values(
        {
            **{name: text_of(v) if isinstance(v, str) else v for name, v in values.items()},
            "email": email,
            "identifier_type": id_type.value,
            "identifier": checked.normalized,
            "code_pays": country,
        }
    )
    for field in record.RECORD_FIELDS:
        reason = record.problem(field, signup)
        if reason is not None:
            raise field_refusal(_RULE_CODES.get(field.name, Code.INVALID_VALUE), field.wire, reason)
    if country == "FR":
        signup.code_postal = "".join(signup.code_postal.split())
    if id_type is IdentifierType.SIRET:
        check_siret_at_insee(checked.normalized, directory)
    return signup


def check_siret_at_insee(siret: str, directory: Directory) -> None:
    found = directory.lookup(siret)
    shown = format_siret(siret)
    if found is None:
        raise field_refusal(
            Code.UNKNOWN_SIRET,
            "structure.identifiantStructure",
            f"Le numéro de SIRET {shown} est introuvable au répertoire Sirene de l'INSEE. "
            "Chorus Pro exige que le SIRET existe à l'INSEE\u00a0: vérifiez le numéro, ou "
            "choisissez «\u00a0Je n'ai pas de numéro de SIRET\u00a0» si votre structure est en "
            "cours d'immatriculation.",
        )
    if not found.active:
        what = (
            "l'entreprise a cessé son activité"
            if found.legal_unit_state != "A"
            else "cet établissement est fermé"
        )
        raise field_refusal(
            Code.CLOSED_ESTABLISHMENT,
            "structure.identifiantStructure",
            f"Établissement fermé\u00a0: d'après le répertoire Sirene, {what} (SIRET {shown}). "
            "Chorus Pro n'accepte qu'un établissement actif\u00a0: indiquez le SIRET de votre "
            "établissement en activité.",
        )
