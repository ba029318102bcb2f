"""The rules of today's portal rehearsed: account, activation, second factor, structure, spaces.

:class:`PortalDesk` answers with :mod:`chorus_wizard.contracts.portal`'s shapes and raises
:class:`~chorus_wizard.sandbox.refusal.Refusal` for every broken rule; the routes
(:mod:`~chorus_wizard.sandbox.portal.routes`) only translate HTTP to these calls.

Five failures of the password, the e-mail code or the TOTP code lock the account for an hour,
and the refusal says until when; a TOTP code is accepted one step (30 s) early or late, and
once only (RFC 6238 §5.2). The TOTP secret is stored in the database (the server side of a
rehearsal), never logged.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from chorus_wizard.contracts import portal as api
from chorus_wizard.contracts.portal import Expected, Stage, StructureOutcome
from chorus_wizard.contracts.record import BY_NAME, Part, Signup
from chorus_wizard.contracts.signup import Answer, Code
from chorus_wizard.domain.countries import is_country_code
from chorus_wizard.domain.identifiers import FIELD_LABELS, IdentifierType, check_identifier
from chorus_wizard.domain.password import PasswordPolicy, evaluate
from chorus_wizard.sandbox.context import SandboxContext, iso_utc
from chorus_wizard.sandbox.portal import mails, totp
from chorus_wizard.sandbox.portal.queries import (
    ACTIVATION,
    LOGIN_MAIL,
    SESSION,
    PortalAccount,
    PortalQueries,
)
from chorus_wizard.sandbox.refusal import Refusal, field_refusal, missing
from chorus_wizard.sandbox.security import digest, new_secret, scrypt_hash, scrypt_matches
from chorus_wizard.sandbox.signup.checks import (
    check_email,
    check_siret_at_insee,
    code_from,
    text_of,
)
from chorus_wizard.sandbox.store.storage import StructureRow, is_row_id

LOGIN_VALIDITY = timedelta(minutes=15)
SESSION_VALIDITY = timedelta(hours=8)


def _mail_code_hash(account_id: int, code: str) -> str:
    # Six digits are few: the account's id is mixed in so a digest is never shared.
    return digest(f"{account_id}\x00{code}")


def locked_text(until: float) -> str:
    moment = datetime.fromtimestamp(until).astimezone()
    return f"{moment.hour} h {moment:%M}"


@dataclass(frozen=True)
class RoomRow:
    """One trainee on today's path, for the trainer's page."""

    email: str
    nom: str
    prenom: str
    stage: Stage
    totp_enrolled: bool
    locked_until: float | None
    failures: int
    account_id: int = 0
    created_at: float = 0.0
    #: The structure created or joined (once logged in), and how.
    structure: StructureRow | None = None
    structure_outcome: StructureOutcome | None = None


class PortalDesk:
    """The sandbox's side of today's portal."""

    def __init__(self, ctx: SandboxContext) -> None:
        self.ctx = ctx
        self.policy = PasswordPolicy()

    # Account ----------------------------------------------------------------------------

    def create_account(
        self, body: api.CreateAccountRequest, base_url: str
    ) -> api.AccountCreatedAnswer:
        email = check_email(body.email)
        for field, value in ((BY_NAME["nom"], body.nom), (BY_NAME["prenom"], body.prenom)):
            if not text_of(value):
                raise missing(field.wire, field.label)
        contact = check_email(body.emailContact or email, "emailContact")
        if not body.cguAcceptees:
            raise field_refusal(
                Code.MISSING_FIELD,
                "cguAcceptees",
                "Acceptez les conditions générales d'utilisation pour créer votre compte.",
            )
        now = self.ctx.now()
        code = new_secret()
        until = now + timedelta(minutes=api.ACTIVATION_MINUTES)
        mail = mails.account_activation(
            to_email=email,
            first_name=text_of(body.prenom),
            last_name=text_of(body.nom),
            link=f"{base_url}{api.ACTIVATION_PAGE}?code={code}",
            code=code,
            now=now,
        ).as_bytes()
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            if queries.account_by_email(email) or queries.legacy_email_taken(email):
                raise Refusal(
                    409,
                    Code.EMAIL_EXISTS,
                    f"Un compte Chorus Pro existe déjà pour l'adresse {email}\u00a0: "
                    "connectez-vous avec cette adresse.",
                )
            account_id = queries.insert_account(
                email=email,
                nom=text_of(body.nom),
                prenom=text_of(body.prenom),
                telephone=text_of(body.telephone),
                email_contact=contact,
                now=now.timestamp(),
            )
            queries.insert_code(account_id, ACTIVATION, digest(code), until.timestamp())
            self.ctx.outbox.enqueue(session, mail)
        return api.AccountCreatedAnswer(
            libelle="Votre compte est créé. Un courriel d'activation a été envoyé à "
            f"{email}\u00a0: son lien est valable {api.ACTIVATION_MINUTES} minutes.",
            idCompte=account_id,
            activationValideJusqua=iso_utc(until),
        )

    def resend_activation(self, body: api.ResendRequest, base_url: str) -> Answer:
        """A new activation mail, when the address has an account still waiting for its
        activation; the earlier links stay valid (anyone may type an address). The answer is
        the same either way."""
        email = check_email(body.email)
        now = self.ctx.now()
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            account = queries.account_by_email(email)
            if account is not None and account.password_hash is None:
                code = new_secret()
                until = now + timedelta(minutes=api.ACTIVATION_MINUTES)
                queries.add_code(account.id, ACTIVATION, digest(code), until.timestamp())
                mail = mails.account_activation(
                    to_email=account.email,
                    first_name=account.prenom,
                    last_name=account.nom,
                    link=f"{base_url}{api.ACTIVATION_PAGE}?code={code}",
                    code=code,
                    now=now,
                )
                self.ctx.outbox.enqueue(session, mail.as_bytes())
        return Answer(
            libelle="Si un compte en attente d'activation correspond à cette adresse, un nouveau "
            "courriel d'activation vient d'y être envoyé. Utilisez le lien du dernier courriel "
            "reçu."
        )

    def activate(self, body: api.ActivationRequest) -> Answer:
        """The activation link's code and the password: nothing else (no secret question)."""
        code = code_from(body.code)
        password = body.motDePasse or ""
        now = self.ctx.now().timestamp()
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            found = queries.code(ACTIVATION, digest(code)) if code else None
            account = queries.account(found[0]) if found else None
            if found is None or account is None or found[2] is not None:
                raise Refusal(
                    400,
                    Code.INVALID_CODE,
                    "Ce lien d'activation n'est pas valable\u00a0: il a peut-être déjà servi. "
                    "Utilisez le lien du dernier courriel reçu.",
                    champ="code",
                )
            if found[1] <= now:
                raise Refusal(
                    410,
                    Code.EXPIRED_CODE,
                    "Ce lien d'activation a expiré (il n'est valable que 60 minutes). "
                    "Créez de nouveau votre compte.",
                    champ="code",
                )
            broken = [
                r.key for r in evaluate(self.policy, password, email=account.email) if not r.met
            ]
            if broken:
                raise Refusal(
                    400,
                    Code.WEAK_PASSWORD,
                    "Le mot de passe ne respecte pas toutes les règles de sécurité\u00a0: "
                    "corrigez les règles signalées.",
                    champ="motDePasse",
                    reglesNonRespectees=broken,
                )
            queries.set_password(account.id, scrypt_hash(password))
            queries.use_code(account.id, ACTIVATION, now)
        return Answer(
            libelle="Votre compte est activé. Connectez-vous\u00a0: la première connexion vous "
            "demandera un code reçu par courriel, puis de configurer une application "
            "d'authentification."
        )

    # Login and second factor ------------------------------------------------------------

    def login(self, body: api.LoginRequest) -> api.LoginAnswer:
        email = text_of(body.email)
        now = self.ctx.now()
        stamp = now.timestamp()
        refusal: Refusal | None = None
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            account = queries.account_by_email(email) if email else None
            if account is None or account.password_hash is None:
                raise Refusal(
                    400,
                    Code.INVALID_CODE,
                    "Adresse électronique ou mot de passe incorrect, ou compte pas encore activé.",
                    champ="motDePasse",
                )
            self._refuse_if_locked(account, stamp)
            if not scrypt_matches(body.motDePasse or "", account.password_hash):
                refusal = self._failure(
                    queries,
                    account,
                    now,
                    "Adresse électronique ou mot de passe incorrect.",
                    "motDePasse",
                )
            elif account.totp_enrolled_at is None:
                answer = self._send_mail_code(queries, account, now)
            else:
                ticket = self._ticket(queries, account.id, Expected.TOTP, now + LOGIN_VALIDITY)
                answer = api.LoginAnswer(
                    libelle="Saisissez le code à 6 chiffres de votre application "
                    "d'authentification.",
                    attendu=Expected.TOTP,
                    jetonConnexion=ticket,
                )
        if refusal is not None:
            raise refusal
        return answer

    def _send_mail_code(
        self, queries: PortalQueries, account: PortalAccount, now: datetime
    ) -> api.LoginAnswer:
        code = f"{secrets.randbelow(10**api.MAIL_CODE_DIGITS):0{api.MAIL_CODE_DIGITS}d}"
        until = now + timedelta(minutes=api.MAIL_CODE_MINUTES)
        queries.insert_code(
            account.id, LOGIN_MAIL, _mail_code_hash(account.id, code), until.timestamp()
        )
        mail = mails.login_code(
            to_email=account.email,
            first_name=account.prenom,
            last_name=account.nom,
            code=code,
            now=now,
        )
        self.ctx.outbox.enqueue(queries.session, mail.as_bytes())
        if account.stage in (Stage.ACTIVE, Stage.ENROL):
            queries.set_stage(account.id, Stage.MAIL_CODE)
        ticket = self._ticket(queries, account.id, Expected.MAIL_CODE, now + LOGIN_VALIDITY)
        return api.LoginAnswer(
            libelle=f"Un code à 6 chiffres vient d'être envoyé à {account.email}\u00a0: "
            f"saisissez-le (il est valable {api.MAIL_CODE_MINUTES} minutes).",
            attendu=Expected.MAIL_CODE,
            jetonConnexion=ticket,
            codeValideJusqua=iso_utc(until),
        )

    def second_factor(self, body: api.CodeRequest) -> api.LoginAnswer:
        """The code the login waits for: the e-mail code, the enrolment's first TOTP code, or
        a later login's TOTP code."""
        now = self.ctx.now()
        stamp = now.timestamp()
        ticket = text_of(body.jetonConnexion)
        code = text_of(body.code).replace(" ", "")
        refusal: Refusal | None = None
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            expected, account = self._login_of(queries, ticket, stamp)
            self._refuse_if_locked(account, stamp)
            if expected is Expected.MAIL_CODE:
                current = queries.account_code(account.id, LOGIN_MAIL)
                if (
                    current is None
                    or current[2] is not None
                    or current[1] <= stamp
                    or not hmac.compare_digest(current[0], _mail_code_hash(account.id, code))
                ):
                    refusal = self._failure(
                        queries,
                        account,
                        now,
                        "Ce code n'est pas le bon, ou il a expiré\u00a0: saisissez le code du "
                        "dernier courriel reçu.",
                        "code",
                    )
                else:
                    queries.use_code(account.id, LOGIN_MAIL, stamp)
                    queries.clear_failures(account.id)
                    secret = totp.new_secret()
                    queries.set_totp_secret(account.id, secret)
                    if account.stage in (Stage.ACTIVE, Stage.MAIL_CODE):
                        queries.set_stage(account.id, Stage.ENROL)
                    queries.drop_tickets(account.id)
                    answer = api.LoginAnswer(
                        libelle="Code accepté. Configurez maintenant votre application "
                        "d'authentification\u00a0: scannez le code QR, puis saisissez le code "
                        "à 6 chiffres qu'elle affiche.",
                        attendu=Expected.ENROL,
                        jetonConnexion=self._ticket(
                            queries, account.id, Expected.ENROL, now + LOGIN_VALIDITY
                        ),
                        uriTotp=totp.provisioning_uri(secret, account.email),
                    )
            else:
                refusal, step = self._check_totp(queries, account, code, now)
                if refusal is None:
                    assert step is not None
                    enrolling = expected is Expected.ENROL
                    queries.totp_accepted(
                        account.id, step, enrolled_at=stamp if enrolling else None
                    )
                    queries.clear_failures(account.id)
                    if enrolling and account.stage in (Stage.ENROL, Stage.MAIL_CODE):
                        queries.set_stage(account.id, Stage.SECURED)
                    queries.drop_tickets(account.id)
                    answer = api.LoginAnswer(
                        libelle="Vous êtes connecté."
                        if not enrolling
                        else "Application d'authentification configurée\u00a0: vous êtes "
                        "connecté. Chaque connexion demandera désormais votre mot de passe et "
                        "le code de l'application.",
                        attendu=Expected.NONE,
                        jetonSession=self._ticket(
                            queries, account.id, SESSION, now + SESSION_VALIDITY
                        ),
                    )
        if refusal is not None:
            raise refusal
        return answer

    def _check_totp(
        self, queries: PortalQueries, account: PortalAccount, code: str, now: datetime
    ) -> tuple[Refusal | None, int | None]:
        secret = account.totp_secret or ""
        stamp = now.timestamp()
        step = totp.matching_step(secret, code, stamp, after=account.totp_last_step)
        if step is not None:
            return None, step
        if totp.matching_step(secret, code, stamp) is not None:
            reason = (
                "Ce code a déjà servi\u00a0: attendez que l'application en affiche un nouveau "
                "(toutes les 30 secondes)."
            )
        else:
            reason = (
                "Ce code n'est pas le bon\u00a0: saisissez le code à 6 chiffres affiché en ce "
                "moment par votre application (vérifiez que l'heure du téléphone est juste)."
            )
        return self._failure(queries, account, now, reason, "code"), None

    def _login_of(
        self, queries: PortalQueries, ticket: str, stamp: float
    ) -> tuple[Expected, PortalAccount]:
        for expected in (Expected.MAIL_CODE, Expected.ENROL, Expected.TOTP):
            account_id = queries.ticket(digest(ticket), expected.value, stamp) if ticket else None
            account = queries.account(account_id) if account_id is not None else None
            if account is not None:
                return expected, account
        raise Refusal(
            403,
            Code.INVALID_JETON,
            "Cette connexion a expiré ou n'existe pas\u00a0: reconnectez-vous avec votre "
            "adresse et votre mot de passe.",
        )

    def _ticket(self, queries: PortalQueries, account_id: int, kind: str, until: datetime) -> str:
        ticket = new_secret()
        queries.insert_ticket(digest(ticket), account_id, kind, until.timestamp())
        return ticket

    def _refuse_if_locked(self, account: PortalAccount, stamp: float) -> None:
        if account.locked_until is not None and account.locked_until > stamp:
            raise self._locked(account.locked_until)

    def _failure(
        self,
        queries: PortalQueries,
        account: PortalAccount,
        now: datetime,
        reason: str,
        field: str,
    ) -> Refusal:
        """Count one failure (answered after the commit, so that it is saved)."""
        if queries.record_failure(account.id) >= api.MAX_FAILURES:
            until = (now + timedelta(minutes=api.LOCK_MINUTES)).timestamp()
            queries.lock(account.id, until)
            queries.drop_tickets(account.id)
            return self._locked(until)
        return Refusal(400, Code.INVALID_CODE, reason, champ=field)

    @staticmethod
    def _locked(until: float) -> Refusal:
        return Refusal(
            423,
            Code.LOCKED,
            "Trop de tentatives infructueuses\u00a0: votre compte est bloqué pendant une heure, "
            f"jusqu'à {locked_text(until)}. Reconnectez-vous ensuite.",
            verrouilleJusqua=iso_utc(datetime.fromtimestamp(until).astimezone()),
        )

    # Structure and workspaces -----------------------------------------------------------

    def _session_account(self, queries: PortalQueries, token: str | None) -> PortalAccount:
        stamp = self.ctx.now().timestamp()
        account_id = queries.ticket(digest(token), SESSION, stamp) if token else None
        account = queries.account(account_id) if account_id is not None else None
        if account is None:
            raise Refusal(
                403,
                Code.INVALID_JETON,
                "Vous n'êtes pas connecté (ou votre session a expiré)\u00a0: reconnectez-vous.",
            )
        return account

    def structure(self, token: str | None, body: api.StructureRequest) -> api.StructureAnswer:
        """Create the structure as its main manager, or ask to join it when it exists."""
        now = self.ctx.now().timestamp()
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            account = self._session_account(queries, token)  # logged in first
            signup = self._structure_signup(body)
            existing = session.find_structure(signup.identifier_type.value, signup.identifier)
            if existing is not None and not body.rattachement:
                raise Refusal(
                    409,
                    Code.STRUCTURE_EXISTS,
                    "Cette structure existe déjà sur Chorus Pro\u00a0: demandez-y votre "
                    "rattachement.",
                    idStructureCPP=existing.id,
                )
            if existing is not None:
                structure_id, outcome = existing.id, StructureOutcome.JOIN_REQUESTED
                libelle = (
                    "Votre demande de rattachement est envoyée au gestionnaire principal de la "
                    "structure\u00a0: vous serez prévenu par courriel."
                )
            else:
                structure_id = session.insert_structure(signup, now=now)
                outcome = StructureOutcome.CREATED
                libelle = "Votre structure est créée\u00a0: vous en êtes le gestionnaire principal."
            queries.set_structure(account.id, structure_id, outcome.value)
        return api.StructureAnswer(libelle=libelle, idStructureCPP=structure_id, resultat=outcome)

    def _structure_signup(self, body: api.StructureRequest) -> Signup:
        id_field = BY_NAME["identifier_type"].wire
        kind_text = text_of(body.typeIdentifiantStructure) or IdentifierType.SIRET.value
        try:
            kind = IdentifierType(kind_text)
        except ValueError:
            raise field_refusal(
                Code.UNKNOWN_ID_TYPE,
                id_field,
                f"Type d'identifiant de structure inconnu\u00a0: «\u00a0{kind_text}\u00a0».",
            ) from None
        checked = check_identifier(kind, text_of(body.identifiantStructure))
        if checked.reason:
            raise field_refusal(
                Code.INVALID_IDENTIFIER,
                BY_NAME["identifier"].wire,
                f"{FIELD_LABELS[kind]}\u00a0: {checked.reason}",
            )
        values = {
            "identifier_type": kind.value,
            "identifier": checked.normalized,
            "raison_sociale": text_of(body.raisonSociale),
            "libelle": text_of(body.libelleStructure),
            "adresse": text_of(body.adresse),
            "complement1": text_of(body.complementAdresse1),
            "complement2": text_of(body.complementAdresse2),
            "code_postal": text_of(body.codePostal),
            "ville": text_of(body.ville),
            "code_pays": text_of(body.codePays).upper() or "FR",
        }
        if not body.rattachement:
            for name in ("raison_sociale", "adresse", "code_postal", "ville"):
                field = BY_NAME[name]
                if field.part is Part.STRUCTURE and not values[name]:
                    raise missing(field.wire, field.label)
            if not is_country_code(str(values["code_pays"])):
                raise field_refusal(
                    Code.UNKNOWN_COUNTRY,
                    BY_NAME["code_pays"].wire,
                    "Le champ «\u00a0Pays\u00a0» contient un code pays inconnu.",
                )
        if kind is IdentifierType.SIRET:
            check_siret_at_insee(checked.normalized, self.ctx.seed.directory)
        return Signup.from_values(values)

    def workspaces(self, token: str | None, body: api.WorkspacesRequest) -> api.WorkspacesAnswer:
        known = {w.code for w in self.ctx.seed.choosable_workspaces}
        unknown = [code for code in body.espaces if code not in known]
        if unknown:
            raise field_refusal(
                Code.UNKNOWN_WORKSPACE,
                "espaces",
                f"Espace de travail inconnu\u00a0: «\u00a0{unknown[0]}\u00a0».",
            )
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            account = self._session_account(queries, token)
            if account.structure_id is None:
                raise Refusal(
                    409,
                    Code.UNKNOWN_STRUCTURE,
                    "Créez votre structure (ou demandez votre rattachement) avant d'ouvrir vos "
                    "espaces de travail.",
                )
            queries.set_workspaces(account.id, body.espaces)
        return api.WorkspacesAnswer(
            libelle="Vos espaces de travail sont ouverts.", espaces=list(body.espaces)
        )

    # The trainer's page -----------------------------------------------------------------

    def room_rows(self) -> list[RoomRow]:
        with self.ctx.storage.transaction(write=False) as session:
            accounts = PortalQueries(session).all_accounts()
            structures = {
                a.structure_id: session.get_structure(a.structure_id)
                for a in accounts
                if a.structure_id is not None
            }
        return [
            RoomRow(
                email=a.email,
                nom=a.nom,
                prenom=a.prenom,
                stage=a.stage,
                totp_enrolled=a.totp_enrolled_at is not None,
                locked_until=a.locked_until,
                failures=a.failures,
                account_id=a.id,
                created_at=a.created_at,
                structure=structures.get(a.structure_id) if a.structure_id else None,
                structure_outcome=(
                    StructureOutcome(a.structure_outcome) if a.structure_outcome else None
                ),
            )
            for a in accounts
        ]

    def reset_second_factor(self, email: str) -> bool:
        """Forget a trainee's authenticator and lock: the next login asks the e-mail code and
        enrols a new one. False when there is no such account."""
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            account = queries.account_by_email(email)
            if account is None:
                return False
            queries.set_totp_secret(account.id, None)
            queries.clear_failures(account.id)
            queries.drop_tickets(account.id)
            if account.stage in (Stage.MAIL_CODE, Stage.ENROL, Stage.SECURED):
                queries.set_stage(account.id, Stage.ACTIVE)
        return True

    def reset_all(self) -> None:
        """The room is reset: every account of today's path goes."""
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            for account in queries.all_accounts():
                queries.delete_account(account.id)

    def reset_account(self, account_id: int, *, keep_structures: set[tuple[str, str]]) -> str:
        """Remove one trainee's account of today's path, and the structure it created unless
        another account uses it or it is in ``keep_structures`` (the seeded ones), so that the
        exercise can be replayed. Returns the account's address ("" when there is none)."""
        with self.ctx.storage.transaction() as session:
            queries = PortalQueries(session)
            account = queries.account(account_id) if is_row_id(account_id) else None
            if account is None:
                return ""
            queries.delete_account(account.id)
            structure = (
                session.get_structure(account.structure_id) if account.structure_id else None
            )
            if (
                structure is not None
                and account.structure_outcome == StructureOutcome.CREATED.value
                and (structure.identifier_type, structure.identifier) not in keep_structures
                and not queries.structure_in_use(structure.id)
            ):
                queries.delete_structure(structure.id)
        return account.email
