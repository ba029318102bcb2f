"""Sandbox-only signup services under ``/sandbox``: the portal steps the real API does not have.

Create the account and its structure, choose workspaces, activate with the code from the mail,
ask to be attached to an existing structure. Every answer carries ``codeRetour`` (0 = success)
and a French ``libelle`` that a small-business owner understands.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from enum import IntEnum
from html import escape
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from email_validator import EmailNotValidError, validate_email
from fastapi import APIRouter, Header, Request
from fastapi.responses import HTMLResponse, JSONResponse

from chorus_wizard.domain.countries import is_country_code
from chorus_wizard.domain.identifiers import (
    FIELD_LABELS,
    IdentifierType,
    check_identifier,
    format_siret,
)
from chorus_wizard.domain.password import PasswordPolicy, evaluate, normalize_secret_answer
from chorus_wizard.sandbox.context import SandboxContext, iso_utc
from chorus_wizard.sandbox.mail import (
    activation_message,
    attachment_ack_message,
    attachment_request_message,
)
from chorus_wizard.sandbox.models import (
    ActivationRequest,
    AttachmentRequest,
    CreateAccountRequest,
    ResendRequest,
    WorkspacesRequest,
)
from chorus_wizard.sandbox.room_contract import HEALTH_ROOM_KEY
from chorus_wizard.sandbox.security import (
    digest,
    new_secret,
    same_digest,
    scrypt_hash,
)
from chorus_wizard.sandbox.seed import MANAGER_WORKSPACE
from chorus_wizard.sandbox.storage import STATUS_PENDING, AccountRow, Session
from chorus_wizard.sandbox.throttle import source_of

TAG = "Bac à sable"

ACTIVATION_VALIDITY = timedelta(minutes=60)
JETON_VALIDITY = timedelta(hours=24)
LOCK_DURATION = timedelta(hours=1)
MAX_FAILURES = 5


class Code(IntEnum):
    """``codeRetour`` values of the sandbox services."""

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


def reply(status: int, code: Code, libelle: str, **extra: Any) -> JSONResponse:
    """A sandbox answer: ``{"codeRetour", "libelle", ...}``."""
    return JSONResponse({"codeRetour": int(code), "libelle": libelle, **extra}, status_code=status)


def _field_error(code: Code, field: str, libelle: str) -> JSONResponse:
    return reply(400, code, libelle, champ=field)


def _missing(field: str, label: str) -> JSONResponse:
    return _field_error(Code.MISSING_FIELD, field, f"Le champ « {label} » est obligatoire.")


def _text(value: str | None) -> str:
    return (value or "").strip()


def _check_email(value: str | None, field: str = "email") -> str | JSONResponse:
    """The normalised address, or the error to send back."""
    text = _text(value)
    if not text:
        return _missing(field, "Adresse électronique de connexion")
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return _field_error(
            Code.INVALID_EMAIL,
            field,
            "Le champ « Adresse électronique de connexion » n'est pas une adresse valide : "
            "elle doit avoir la forme nom@domaine.fr.",
        )


def _id_type(value: str | None, field: str) -> IdentifierType | JSONResponse:
    text = _text(value) or IdentifierType.SIRET.value
    try:
        return IdentifierType(text)
    except ValueError:
        return _field_error(
            Code.UNKNOWN_ID_TYPE, field, f"Type d'identifiant de structure inconnu : « {text} »."
        )


@dataclass(frozen=True)
class NewAccount:
    """A creation request that passed every check, with its values normalised."""

    email: str
    last_name: str
    first_name: str
    id_type: IdentifierType
    identifier: str
    company_name: str
    label: str
    address: str
    address_2: str
    address_3: str
    postcode: str
    city: str
    country: str
    payment_requests: bool
    dume: bool


class SignupService:
    """The rules of the signup services; routes only translate HTTP to these calls."""

    def __init__(self, ctx: SandboxContext) -> None:
        self.ctx = ctx
        self.policy = PasswordPolicy()

    # Checks -----------------------------------------------------------------------------

    def check_new_account(self, body: CreateAccountRequest) -> NewAccount | JSONResponse:
        email = _check_email(body.email)
        if isinstance(email, JSONResponse):
            return email
        for field, label, value in (("nom", "Nom", body.nom), ("prenom", "Prénom", body.prenom)):
            if not _text(value):
                return _missing(field, label)
        s = body.structure
        id_type = _id_type(s.typeIdentifiantStructure, "structure.typeIdentifiantStructure")
        if isinstance(id_type, JSONResponse):
            return id_type
        checked = check_identifier(id_type, s.identifiantStructure or "")
        if checked.reason:
            return _field_error(
                Code.INVALID_IDENTIFIER,
                "structure.identifiantStructure",
                f"{FIELD_LABELS[id_type]} : {checked.reason}",
            )
        for field, label, value in (
            ("raisonSociale", "Raison sociale", s.raisonSociale),
            ("adresse", "Adresse", s.adresse),
            ("codePostal", "Code postal", s.codePostal),
            ("ville", "Ville", s.ville),
            ("codePays", "Pays", s.codePays),
        ):
            if not _text(value):
                return _missing(f"structure.{field}", label)
        country = _text(s.codePays).upper()
        if not is_country_code(country):
            return _field_error(
                Code.UNKNOWN_COUNTRY,
                "structure.codePays",
                f"Le champ « Pays » contient un code pays inconnu : « {_text(s.codePays)} ».",
            )
        postcode = "".join(_text(s.codePostal).split())
        if country == "FR" and not (len(postcode) == 5 and postcode.isdigit()):
            return _field_error(
                Code.INVALID_POSTCODE,
                "structure.codePostal",
                "Le champ « Code postal » doit contenir 5 chiffres pour une adresse en France.",
            )
        if id_type is IdentifierType.SIRET:
            refused = self._check_siret_at_insee(checked.normalized)
            if refused:
                return refused
        return NewAccount(
            email=email,
            last_name=_text(body.nom),
            first_name=_text(body.prenom),
            id_type=id_type,
            identifier=checked.normalized,
            company_name=_text(s.raisonSociale),
            label=_text(s.libelleStructure),
            address=_text(s.adresse),
            address_2=_text(s.complementAdresse1),
            address_3=_text(s.complementAdresse2),
            postcode=postcode if country == "FR" else _text(s.codePostal),
            city=_text(s.ville),
            country=country,
            payment_requests=body.fonctionnalites.deposerDemandesPaiement,
            dume=body.fonctionnalites.dume,
        )

    def _check_siret_at_insee(self, siret: str) -> JSONResponse | None:
        found = self.ctx.seed.directory.lookup(siret)
        shown = format_siret(siret)
        if found is None:
            return _field_error(
                Code.UNKNOWN_SIRET,
                "structure.identifiantStructure",
                f"Le numéro de SIRET {shown} est introuvable au répertoire Sirene de l'INSEE. "
                "Chorus Pro exige que le SIRET existe à l'INSEE : vérifiez le numéro, ou "
                "choisissez « Je n'ai pas de numéro de SIRET » si votre structure est en cours "
                "d'immatriculation.",
            )
        if not found.active:
            what = (
                "l'entreprise a cessé son activité"
                if found.legal_unit_state != "A"
                else "cet établissement est fermé"
            )
            return _field_error(
                Code.CLOSED_ESTABLISHMENT,
                "structure.identifiantStructure",
                f"Établissement fermé : d'après le répertoire Sirene, {what} (SIRET {shown}). "
                "Chorus Pro n'accepte qu'un établissement actif : indiquez le SIRET de votre "
                "établissement en activité.",
            )
        return None

    # Accounts ---------------------------------------------------------------------------

    def create_account(
        self, account: NewAccount, *, request_hash: str, idempotency_key: str | None, base_url: str
    ) -> JSONResponse:
        now = self.ctx.now()
        code, jeton = new_secret(), new_secret()
        valid_until = now + ACTIVATION_VALIDITY
        key_hash = digest("idempotency\x00" + idempotency_key) if idempotency_key else None
        defaults = [w.code for w in self.ctx.seed.workspaces if w.on_by_default]
        # Rendered before the transaction: the write lock is not held for it.
        mail = self._activation_mail(account.email, account, code, base_url, now).as_bytes()
        try:
            with self.ctx.storage.transaction() as session:
                if key_hash and idempotency_key:
                    prior = session.idempotent_reply(key_hash)
                    if prior is not None:
                        if prior.request_hash != request_hash:
                            return reply(
                                422,
                                Code.IDEMPOTENCY_MISMATCH,
                                "Cette clé d'idempotence a déjà servi pour une autre demande.",
                            )
                        # Same answer, with a fresh signup token: the first one was only
                        # ever stored as a hash, and whoever retries lost that answer.
                        body = json.loads(prior.response)
                        session.renew_jeton(
                            int(body["idCompte"]),
                            digest(jeton),
                            expires_at=(now + JETON_VALIDITY).timestamp(),
                        )
                        body["jetonInscription"] = jeton
                        self.ctx.outbox.deliver_after(session)  # if the first try crashed
                        return JSONResponse(body, status_code=prior.status)
                conflict = self._conflict(session, account)
                if conflict:
                    return conflict
                structure_id = session.insert_structure(
                    id_type=account.id_type.value,
                    identifier=account.identifier,
                    company_name=account.company_name,
                    label=account.label,
                    address=account.address,
                    address_2=account.address_2,
                    address_3=account.address_3,
                    postcode=account.postcode,
                    city=account.city,
                    country=account.country,
                    now=now.timestamp(),
                )
                account_id = session.insert_account(
                    email=account.email,
                    last_name=account.last_name,
                    first_name=account.first_name,
                    structure_id=structure_id,
                    main_manager=True,
                    payment_requests=account.payment_requests,
                    dume=account.dume,
                    status=STATUS_PENDING,
                    jeton_hash=digest(jeton),
                    jeton_expires_at=(now + JETON_VALIDITY).timestamp(),
                    now=now.timestamp(),
                )
                session.set_workspaces(account_id, defaults)
                session.insert_code(
                    account_id,
                    digest(code),
                    now=now.timestamp(),
                    expires_at=valid_until.timestamp(),
                )
                self.ctx.outbox.enqueue(session, mail)
                body = {
                    "codeRetour": int(Code.OK),
                    "libelle": "Votre compte est créé et un courriel d'activation a été envoyé "
                    f"à {account.email}.",
                    "idCompte": account_id,
                    "idStructureCPP": structure_id,
                    "gestionnairePrincipal": True,
                    "activationValideJusqua": iso_utc(valid_until),
                }
                if key_hash and idempotency_key:
                    session.store_reply(
                        key_hash,
                        request_hash=request_hash,
                        status=201,
                        response=json.dumps(body),
                        now=now.timestamp(),
                    )
        except sqlite3.IntegrityError:
            # Only reachable if another writer slipped past BEGIN IMMEDIATE: answer as a clash.
            with self.ctx.storage.transaction(write=False) as session:
                conflict = self._conflict(session, account)
            if conflict:
                return conflict
            raise
        return JSONResponse({**body, "jetonInscription": jeton}, status_code=201)

    def _conflict(self, session: Session, account: NewAccount) -> JSONResponse | None:
        existing = session.find_structure(account.id_type.value, account.identifier)
        if existing is not None:
            return reply(
                409,
                Code.STRUCTURE_EXISTS,
                "Cette structure est déjà inscrite sur Chorus Pro : demandez à y être rattaché.",
                idStructureCPP=existing.id,
            )
        if session.find_account_by_email(account.email) is not None:
            return reply(
                409,
                Code.EMAIL_EXISTS,
                f"Un compte Chorus Pro existe déjà pour l'adresse {account.email} : "
                "connectez-vous avec cette adresse, ou demandez un nouveau courriel "
                "d'activation s'il n'est pas encore activé.",
            )
        return None

    def _activation_mail(
        self, email: str, who: NewAccount | AccountRow, code: str, base_url: str, now: datetime
    ) -> EmailMessage:
        return activation_message(
            to_email=email,
            first_name=who.first_name,
            last_name=who.last_name,
            link=f"{base_url}/sandbox/activer?code={code}",
            code=code,
            valid_minutes=int(ACTIVATION_VALIDITY.total_seconds() // 60),
            now=now,
        )

    def _authorised(
        self, session: Session, account_id: int, jeton: str | None
    ) -> AccountRow | None:
        account = session.get_account(account_id)
        if account is None or not jeton or not same_digest(jeton, account.jeton_hash):
            return None
        if (
            account.jeton_expires_at is None
            or account.jeton_expires_at <= self.ctx.now().timestamp()
        ):
            return None
        return account

    @staticmethod
    def _forbidden() -> JSONResponse:
        return reply(
            403,
            Code.INVALID_JETON,
            "Accès refusé : le jeton d'inscription est absent, erroné ou expiré. "
            "Reprenez l'inscription depuis le début.",
        )

    def _workspaces_of(self, session: Session, account: AccountRow) -> list[str]:
        chosen = session.workspaces(account.id)
        return [
            w.code
            for w in self.ctx.seed.workspaces
            if w.code in chosen or (w.code == MANAGER_WORKSPACE and account.main_manager)
        ]

    def set_workspaces(self, account_id: int, jeton: str | None, codes: list[str]) -> JSONResponse:
        known = self.ctx.seed.workspace_codes()
        unknown = [c for c in codes if c not in known]
        with self.ctx.storage.transaction() as session:
            account = self._authorised(session, account_id, jeton)
            if account is None:
                return self._forbidden()
            if unknown:
                return _field_error(
                    Code.UNKNOWN_WORKSPACE,
                    "espaces",
                    f"Espace de travail inconnu : « {unknown[0]} ».",
                )
            session.set_workspaces(account.id, [c for c in codes if c != MANAGER_WORKSPACE])
            workspaces = self._workspaces_of(session, account)
        return reply(200, Code.OK, "Vos espaces de travail sont enregistrés.", espaces=workspaces)

    def get_account(self, account_id: int, jeton: str | None) -> JSONResponse:
        with self.ctx.storage.transaction(write=False) as session:
            account = self._authorised(session, account_id, jeton)
            if account is None:
                return self._forbidden()
            structure = session.get_structure(account.structure_id)
            workspaces = self._workspaces_of(session, account)
        assert structure is not None
        return reply(
            200,
            Code.OK,
            "OK",
            idCompte=account.id,
            email=account.email,
            nom=account.last_name,
            prenom=account.first_name,
            statut=account.status,
            espaces=workspaces,
            fonctionnalites={
                "deposerDemandesPaiement": account.payment_requests,
                "dume": account.dume,
            },
            gestionnairePrincipal=account.main_manager,
            structure={
                "idStructureCPP": structure.id,
                "typeIdentifiantStructure": structure.id_type,
                "identifiantStructure": structure.identifier,
                "raisonSociale": structure.company_name,
                "libelleStructure": structure.label,
                "adresse": structure.address,
                "complementAdresse1": structure.address_2,
                "complementAdresse2": structure.address_3,
                "codePostal": structure.postcode,
                "ville": structure.city,
                "codePays": structure.country,
            },
        )

    # Attachment -------------------------------------------------------------------------

    def request_attachment(self, body: AttachmentRequest) -> JSONResponse:
        email = _check_email(body.email)
        if isinstance(email, JSONResponse):
            return email
        for field, label, value in (("nom", "Nom", body.nom), ("prenom", "Prénom", body.prenom)):
            if not _text(value):
                return _missing(field, label)
        id_type = _id_type(body.typeIdentifiantStructure, "typeIdentifiantStructure")
        if isinstance(id_type, JSONResponse):
            return id_type
        identifier = check_identifier(id_type, body.identifiantStructure or "").normalized
        if not identifier:
            return _missing("identifiantStructure", FIELD_LABELS[id_type])
        now = self.ctx.now()
        name = f"{_text(body.prenom)} {_text(body.nom)}"
        with self.ctx.storage.transaction() as session:
            structure = session.find_structure(id_type.value, identifier)
            if structure is None:
                return reply(
                    404,
                    Code.UNKNOWN_STRUCTURE,
                    "Aucune structure n'est inscrite sur Chorus Pro avec cet identifiant : "
                    "vérifiez-le, ou créez la structure.",
                )
            manager = session.main_manager(structure.id)
            if manager is not None and manager.email.casefold() == email.casefold():
                return reply(
                    409,
                    Code.ALREADY_MANAGER,
                    "Vous êtes déjà le gestionnaire principal de cette structure.",
                )
            request_id = session.insert_attachment_request(
                structure.id,
                email=email,
                last_name=_text(body.nom),
                first_name=_text(body.prenom),
                now=now.timestamp(),
            )
            shown = format_siret(identifier) if id_type is IdentifierType.SIRET else identifier
            if manager is not None:
                self.ctx.outbox.enqueue(
                    session,
                    attachment_request_message(
                        manager_email=manager.email,
                        manager_name=f"{manager.first_name} {manager.last_name}",
                        requester_name=name,
                        requester_email=email,
                        structure_name=structure.company_name,
                        structure_identifier=shown,
                        request_id=request_id,
                        now=now,
                    ),
                )
            self.ctx.outbox.enqueue(
                session,
                attachment_ack_message(
                    requester_email=email,
                    requester_name=name,
                    structure_name=structure.company_name,
                    structure_identifier=shown,
                    request_id=request_id,
                    now=now,
                ),
            )
        return reply(
            201,
            Code.OK,
            "Votre demande de rattachement a été transmise au gestionnaire principal de la "
            "structure. Vous serez informé de sa décision par courriel.",
            idDemande=request_id,
        )

    # Activation -------------------------------------------------------------------------

    def resend(self, body: ResendRequest, base_url: str) -> JSONResponse:
        email = _check_email(body.email)
        if isinstance(email, JSONResponse):
            return email
        now = self.ctx.now()
        valid_until = now + ACTIVATION_VALIDITY
        code = new_secret()
        with self.ctx.storage.transaction() as session:
            account = session.find_account_by_email(email)
            if account is not None and account.status == STATUS_PENDING:
                session.invalidate_codes(account.id, now=now.timestamp())
                session.insert_code(
                    account.id,
                    digest(code),
                    now=now.timestamp(),
                    expires_at=valid_until.timestamp(),
                )
                self.ctx.outbox.enqueue(
                    session, self._activation_mail(account.email, account, code, base_url, now)
                )
        return reply(
            200,
            Code.OK,
            "Si un compte en attente d'activation correspond à cette adresse, un nouveau "
            "courriel d'activation vient d'y être envoyé. Seul le lien du dernier courriel "
            "reste valable.",
            # Given whether or not an account exists, so the answer reveals nothing.
            activationValideJusqua=iso_utc(valid_until),
        )

    def activate(self, body: ActivationRequest, source: str) -> JSONResponse:
        email = _text(body.email).casefold()
        if not email:
            return _missing("email", "Adresse électronique de connexion")
        code = _code_from(body.code)
        now = self.ctx.now()
        stamp = now.timestamp()
        throttle = self.ctx.throttles.activation
        with self.ctx.storage.transaction() as session:
            locked = session.locked_until(email, source)
            if locked is not None and locked > stamp:
                return self._locked(locked)
            wait = throttle.retry_after(source, stamp)
            if wait is not None:
                return self._throttled(wait)
            row = session.find_code(digest(code)) if code else None
            account = session.get_account(row.account_id) if row else None
            if (
                row is None
                or account is None
                or account.email.casefold() != email
                or row.used_at is not None
                or row.invalidated_at is not None
                or account.status != STATUS_PENDING
            ):
                if account is None or account.email.casefold() != email:
                    throttle.failed(source, stamp)  # a guess, not a code already used
                if session.record_failure(email, source) >= MAX_FAILURES:
                    until = (now + LOCK_DURATION).timestamp()
                    session.lock(email, source, until)
                    return self._locked(until)
                return reply(
                    400,
                    Code.INVALID_CODE,
                    "Ce code d'activation n'est pas valable : il a peut-être déjà servi ou été "
                    "remplacé par un courriel plus récent. Vérifiez l'adresse électronique et "
                    "utilisez le lien du dernier courriel reçu.",
                )
            if row.expires_at <= stamp:
                return reply(
                    410,
                    Code.EXPIRED_CODE,
                    "Ce lien d'activation a expiré (il n'est valable que 60 minutes). "
                    "Demandez un nouveau courriel d'activation.",
                )
            structure = session.get_structure(account.structure_id)
            password = body.motDePasse or ""
            broken = [
                r.key
                for r in evaluate(
                    self.policy,
                    password,
                    email=account.email,
                    company_name=structure.company_name if structure else "",
                )
                if not r.met
            ]
            if broken:
                return reply(
                    400,
                    Code.WEAK_PASSWORD,
                    "Le mot de passe ne respecte pas toutes les règles de sécurité : "
                    "corrigez les règles signalées.",
                    champ="motDePasse",
                    reglesNonRespectees=broken,
                )
            answer = normalize_secret_answer(body.reponseQuestionSecrete or "")
            question_id = body.idQuestionSecrete
            if question_id is None or self.ctx.seed.question(question_id) is None:
                return _field_error(
                    Code.INVALID_SECRET_QUESTION,
                    "idQuestionSecrete",
                    "Choisissez une question secrète dans la liste proposée.",
                )
            if not answer:
                return _field_error(
                    Code.INVALID_SECRET_QUESTION,
                    "reponseQuestionSecrete",
                    "Le champ « Réponse à la question secrète » est obligatoire.",
                )
            session.activate_account(
                account.id,
                password_hash=scrypt_hash(password),
                question_id=question_id,
                answer_hash=scrypt_hash(answer),
                now=stamp,
            )
            session.mark_code_used(row.id, now=stamp)
            session.invalidate_codes(account.id, now=stamp)
            session.reset_attempts(email)
        throttle.succeeded(source)
        return reply(
            200,
            Code.OK,
            "Votre compte est désormais actif et vous pouvez dès à présent transmettre vos "
            "factures à votre client public.",
            idCompte=account.id,
        )

    @staticmethod
    def _throttled(wait: int) -> JSONResponse:
        response = reply(
            429,
            Code.THROTTLED,
            "Trop de codes d'activation erronés depuis ce poste : patientez "
            f"{wait} s avant de réessayer.",
        )
        response.headers["Retry-After"] = str(wait)
        return response

    @staticmethod
    def _locked(until: float) -> JSONResponse:
        moment = datetime.fromtimestamp(until).astimezone()
        return reply(
            423,
            Code.LOCKED,
            "Trop de tentatives infructueuses : l'activation de ce compte est bloquée pendant "
            f"une heure, jusqu'à {moment.hour} h {moment:%M}. Réessayez ensuite avec le lien "
            "du dernier courriel reçu.",
            verrouilleJusqua=iso_utc(moment),
        )


def _code_from(value: str | None) -> str:
    """The code itself, also when the whole activation link was pasted."""
    text = _text(value)
    if "code=" in text:
        codes = parse_qs(urlsplit(text).query).get("code")
        if codes:
            return codes[0].strip()
    return text


def _activation_page(code: str) -> str:
    if code:
        body = (
            "<p>Pour activer votre compte, revenez dans le programme "
            "<strong>chorus-wizard</strong> et collez-y le lien de cette page (copiez-le "
            "depuis la barre d'adresse) ou le code d'activation ci-dessous :</p>\n"
            f'<p><code style="font-size: larger; user-select: all">{escape(code)}</code></p>\n'
            "<p>L'activation se termine dans chorus-wizard, où vous choisirez votre mot de passe "
            "et votre question secrète. Le lien est valable 60 minutes.</p>"
        )
    else:
        body = (
            "<p>Ce lien d'activation est incomplet : le code manque. Ouvrez le lien complet du "
            "courriel, ou demandez un nouveau courriel d'activation depuis chorus-wizard.</p>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        "<title>Activation du compte utilisateur</title></head>\n"
        '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">\n'
        "<h1>Activation du compte utilisateur</h1>\n"
        f"{body}\n"
        '<p style="color: #666">Chorus Pro — bac à sable de chorus-wizard.</p>\n'
        "</body></html>\n"
    )


def build_signup_router(ctx: SandboxContext) -> APIRouter:
    """Routes under ``/sandbox``."""
    service = SignupService(ctx)
    router = APIRouter(prefix="/sandbox", tags=[TAG])

    def base_url(request: Request) -> str:
        return ctx.public_url.rstrip("/") if ctx.public_url else str(request.base_url).rstrip("/")

    @router.get("/v1/sante", summary="État du bac à sable")
    def health() -> JSONResponse:
        room = {HEALTH_ROOM_KEY: ctx.room_title} if ctx.room_title else {}
        return reply(200, Code.OK, "OK", **room)

    @router.get("/v1/espaces", summary="Catalogue des espaces de travail")
    def workspaces() -> JSONResponse:
        return reply(
            200,
            Code.OK,
            "OK",
            listeEspaces=[w.to_json() for w in ctx.seed.choosable_workspaces],
        )

    @router.get("/v1/politique-mot-de-passe", summary="Règles du mot de passe")
    def password_policy() -> JSONResponse:
        return reply(200, Code.OK, "OK", politique=service.policy.to_json())

    @router.get("/v1/questions-secretes", summary="Questions secrètes proposées")
    def secret_questions() -> JSONResponse:
        return reply(
            200,
            Code.OK,
            "OK",
            listeQuestions=[{"id": q.id, "libelle": q.label} for q in ctx.seed.questions],
        )

    @router.post("/v1/comptes", status_code=201, summary="Créer le compte et la structure")
    def create_account(
        body: CreateAccountRequest,
        request: Request,
        idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
    ) -> JSONResponse:
        checked = service.check_new_account(body)
        if isinstance(checked, JSONResponse):
            return checked
        return service.create_account(
            checked,
            request_hash=digest(body.model_dump_json()),
            idempotency_key=idempotency_key or None,
            base_url=base_url(request),
        )

    @router.put("/v1/comptes/{idCompte}/espaces", summary="Choisir les espaces de travail")
    def put_workspaces(
        idCompte: int,
        body: WorkspacesRequest,
        jeton: Annotated[str | None, Header(alias="X-Jeton-Inscription")] = None,
    ) -> JSONResponse:
        return service.set_workspaces(idCompte, jeton, body.espaces)

    @router.get("/v1/comptes/{idCompte}", summary="Consulter le compte créé")
    def get_account(
        idCompte: int,
        jeton: Annotated[str | None, Header(alias="X-Jeton-Inscription")] = None,
    ) -> JSONResponse:
        return service.get_account(idCompte, jeton)

    @router.post("/v1/rattachements", status_code=201, summary="Demander un rattachement")
    def request_attachment(body: AttachmentRequest) -> JSONResponse:
        return service.request_attachment(body)

    @router.post("/v1/activation/renvoyer", summary="Renvoyer le courriel d'activation")
    def resend(body: ResendRequest, request: Request) -> JSONResponse:
        return service.resend(body, base_url(request))

    @router.post("/v1/activation", summary="Activer le compte")
    def activate(body: ActivationRequest, request: Request) -> JSONResponse:
        return service.activate(body, source_of(request))

    @router.get("/activer", response_class=HTMLResponse, summary="Page du lien d'activation")
    def activation_page(code: str = "") -> HTMLResponse:
        return HTMLResponse(_activation_page(code.strip()[:500]))

    return router
