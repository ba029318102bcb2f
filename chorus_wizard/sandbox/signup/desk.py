"""The rules of the signup services: what the sandbox checks, saves and mails for each request.

:class:`SignupDesk` answers with the contract's shapes and raises
:class:`~chorus_wizard.sandbox.refusal.Refusal` for every broken rule; the routes
(:mod:`~chorus_wizard.sandbox.signup.routes`) only translate HTTP to these calls.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

from chorus_wizard.contracts.catalogue import MANAGER_WORKSPACE
from chorus_wizard.contracts.record import ATTACHMENT_FIELDS, BY_NAME, Signup
from chorus_wizard.contracts.signup import (
    ACTIVATION_PAGE,
    AccountAnswer,
    AccountCreatedAnswer,
    ActivatedAnswer,
    ActivationRequest,
    AttachmentAnswer,
    AttachmentRequest,
    ChosenWorkspacesAnswer,
    Code,
    Functionalities,
    ResendRequest,
    ResentAnswer,
    StructureEntry,
)
from chorus_wizard.domain.identifiers import (
    FIELD_LABELS,
    IdentifierType,
    check_identifier,
    format_siret,
)
from chorus_wizard.domain.password import PasswordPolicy, evaluate, normalize_secret_answer
from chorus_wizard.sandbox.context import SandboxContext, iso_utc
from chorus_wizard.sandbox.mail.outbox import (
    activation_message,
    attachment_ack_message,
    attachment_request_message,
)
from chorus_wizard.sandbox.refusal import Refusal, check_texts, field_refusal, missing
from chorus_wizard.sandbox.security import digest, new_secret, same_digest, scrypt_hash
from chorus_wizard.sandbox.signup.checks import (
    check_email,
    check_names,
    code_from,
    identifier_type_of,
    text_of,
)
from chorus_wizard.sandbox.store.storage import (
    STATUS_PENDING,
    STRUCTURE_FIELDS,
    AccountRow,
    CodeRow,
    Session,
)

ACTIVATION_VALIDITY = timedelta(minutes=60)
JETON_VALIDITY = timedelta(hours=24)
LOCK_DURATION = timedelta(hours=1)
MAX_FAILURES = 5
MAX_CREATORS = 10_000


def _live_code(
    row: CodeRow | None, account: AccountRow | None, email: str
) -> tuple[CodeRow, AccountRow] | None:
    """``row`` and ``account`` when ``row`` is a live activation code (neither used nor
    replaced) of ``email``'s account still waiting for its activation; None otherwise."""
    if (
        row is None
        or account is None
        or account.email.casefold() != email
        or row.used_at is not None
        or row.invalidated_at is not None
        or account.status != STATUS_PENDING
    ):
        return None
    return row, account


class SignupDesk:
    """The sandbox's side of the signup: checks, accounts, workspaces, attachment, activation."""

    def __init__(self, ctx: SandboxContext) -> None:
        self.ctx = ctx
        self.policy = PasswordPolicy()
        #: The machine (source address) that created each account during this run: its
        #: requests speak for the account, as its signup token does (see :meth:`resend`).
        self.created_from: dict[int, str] = {}

    def note_creator(self, account_id: int, source: str) -> None:
        """``source`` created account ``account_id`` (the oldest notes go beyond 10,000)."""
        self.created_from.pop(account_id, None)
        self.created_from[account_id] = source
        while len(self.created_from) > MAX_CREATORS:
            del self.created_from[next(iter(self.created_from))]

    # Accounts ---------------------------------------------------------------------------

    def create_account(
        self, account: Signup, *, request_hash: str, idempotency_key: str | None, base_url: str
    ) -> AccountCreatedAnswer:
        now = self.ctx.now()
        code, jeton = new_secret(), new_secret()
        valid_until = now + ACTIVATION_VALIDITY
        key_hash = digest("idempotency\x00" + idempotency_key) if idempotency_key else None
        defaults = [w.code for w in self.ctx.seed.workspaces if w.on_by_default]
        # Rendered before the transaction: the write lock is not held for it.
        mail = self._activation_mail(account.email, account, code, base_url, now).as_bytes()
        try:
            with self.ctx.storage.transaction() as session:
                if key_hash:
                    prior = session.idempotent_reply(key_hash)
                    if prior is not None:
                        if prior.request_hash != request_hash:
                            raise Refusal(
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
                        self.ctx.outbox.deliver_after(session)  # if the first try crashed
                        return AccountCreatedAnswer.model_validate(
                            {**body, "jetonInscription": jeton}
                        )
                self._refuse_conflict(session, account)
                structure_id = session.insert_structure(account, now=now.timestamp())
                account_id = session.insert_account(
                    account,
                    structure_id=structure_id,
                    main_manager=True,
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
                created = AccountCreatedAnswer(
                    libelle="Votre compte est créé et un courriel d'activation a été envoyé "
                    f"à {account.email}.",
                    idCompte=account_id,
                    idStructureCPP=structure_id,
                    gestionnairePrincipal=True,
                    activationValideJusqua=iso_utc(valid_until),
                    jetonInscription=jeton,
                )
                if key_hash:
                    session.store_reply(
                        key_hash,
                        request_hash=request_hash,
                        status=201,
                        response=created.model_dump_json(exclude={"jetonInscription"}),
                        now=now.timestamp(),
                    )
        except sqlite3.IntegrityError:
            # Only reachable if another writer slipped past BEGIN IMMEDIATE: answer as a clash.
            with self.ctx.storage.transaction(write=False) as session:
                self._refuse_conflict(session, account)
            raise
        return created

    def _refuse_conflict(self, session: Session, account: Signup) -> None:
        existing = session.find_structure(account.identifier_type.value, account.identifier)
        if existing is not None:
            raise Refusal(
                409,
                Code.STRUCTURE_EXISTS,
                "Cette structure est déjà inscrite sur Chorus Pro\u00a0: demandez à y être "
                "rattaché.",
                idStructureCPP=existing.id,
            )
        if session.find_account_by_email(account.email) is not None:
            raise Refusal(
                409,
                Code.EMAIL_EXISTS,
                f"Un compte Chorus Pro existe déjà pour l'adresse {account.email}\u00a0: "
                "connectez-vous avec cette adresse, ou demandez un nouveau courriel "
                "d'activation s'il n'est pas encore activé.",
            )

    def _activation_mail(
        self, email: str, who: Signup | AccountRow, code: str, base_url: str, now: datetime
    ) -> EmailMessage:
        return activation_message(
            to_email=email,
            first_name=who.prenom,
            last_name=who.nom,
            link=f"{base_url}{ACTIVATION_PAGE}?code={code}",
            code=code,
            valid_minutes=int(ACTIVATION_VALIDITY.total_seconds() // 60),
            now=now,
        )

    def _authorised(self, session: Session, account_id: int, jeton: str | None) -> AccountRow:
        account = session.get_account(account_id)
        if (
            account is None
            or not jeton
            or not same_digest(jeton, account.jeton_hash)
            or account.jeton_expires_at is None
            or account.jeton_expires_at <= self.ctx.now().timestamp()
        ):
            raise Refusal(
                403,
                Code.INVALID_JETON,
                "Accès refusé\u00a0: le jeton d'inscription est absent, erroné ou expiré. "
                "Reprenez l'inscription depuis le début.",
            )
        return account

    def _workspaces_of(self, session: Session, account: AccountRow) -> list[str]:
        chosen = session.workspaces(account.id)
        return [
            w.code
            for w in self.ctx.seed.workspaces
            if w.code in chosen or (w.code == MANAGER_WORKSPACE and account.main_manager)
        ]

    def set_workspaces(
        self, account_id: int, jeton: str | None, codes: list[str]
    ) -> ChosenWorkspacesAnswer:
        known = self.ctx.seed.workspace_codes()
        unknown = [c for c in codes if c not in known]
        with self.ctx.storage.transaction() as session:
            account = self._authorised(session, account_id, jeton)
            if unknown:
                raise field_refusal(
                    Code.UNKNOWN_WORKSPACE,
                    "espaces",
                    f"Espace de travail inconnu\u00a0: «\u00a0{unknown[0]}\u00a0».",
                )
            session.set_workspaces(account.id, [c for c in codes if c != MANAGER_WORKSPACE])
            workspaces = self._workspaces_of(session, account)
        return ChosenWorkspacesAnswer(
            libelle="Vos espaces de travail sont enregistrés.", espaces=workspaces
        )

    def get_account(self, account_id: int, jeton: str | None) -> AccountAnswer:
        with self.ctx.storage.transaction(write=False) as session:
            account = self._authorised(session, account_id, jeton)
            structure = session.get_structure(account.structure_id)
            workspaces = self._workspaces_of(session, account)
            valid_until = (
                session.code_valid_until(account.id) if account.status == STATUS_PENDING else None
            )
            locks = [
                session.locked_until(account.email, s) or 0.0
                for s in session.failure_sources(account.email.casefold())
            ]
            locked = max(locks, default=0.0)
            if account.status != STATUS_PENDING or locked <= self.ctx.now().timestamp():
                locked = 0.0
        assert structure is not None
        return AccountAnswer(
            libelle="OK",
            idCompte=account.id,
            email=account.email,
            nom=account.nom,
            prenom=account.prenom,
            statut=account.status,
            espaces=workspaces,
            fonctionnalites=Functionalities(
                deposerDemandesPaiement=account.deposer_demandes_paiement, dume=account.dume
            ),
            gestionnairePrincipal=account.main_manager,
            structure=StructureEntry(
                idStructureCPP=structure.id,
                **{
                    f.wire.removeprefix("structure."): getattr(structure, f.name)
                    for f in STRUCTURE_FIELDS
                },
            ),
            activationValideJusqua=(
                iso_utc(datetime.fromtimestamp(valid_until, UTC))
                if valid_until is not None
                else None
            ),
            verrouilleJusqua=iso_utc(datetime.fromtimestamp(locked, UTC)) if locked else None,
        )

    # Attachment -------------------------------------------------------------------------

    def request_attachment(self, body: AttachmentRequest) -> AttachmentAnswer:
        check_texts(body, ATTACHMENT_FIELDS)
        email = check_email(body.email)
        check_names(body.nom, body.prenom)
        id_type = identifier_type_of(body.typeIdentifiantStructure, "typeIdentifiantStructure")
        identifier = check_identifier(id_type, body.identifiantStructure or "").normalized
        if not identifier:
            raise missing("identifiantStructure", FIELD_LABELS[id_type])
        now = self.ctx.now()
        name = f"{text_of(body.prenom)} {text_of(body.nom)}"
        with self.ctx.storage.transaction() as session:
            structure = session.find_structure(id_type.value, identifier)
            if structure is None:
                raise Refusal(
                    404,
                    Code.UNKNOWN_STRUCTURE,
                    "Aucune structure n'est inscrite sur Chorus Pro avec cet identifiant\u00a0: "
                    "vérifiez-le, ou créez la structure.",
                )
            manager = session.main_manager(structure.id)
            if manager is not None and manager.email.casefold() == email.casefold():
                raise Refusal(
                    409,
                    Code.ALREADY_MANAGER,
                    "Vous êtes déjà le gestionnaire principal de cette structure.",
                )
            request_id = session.insert_attachment_request(
                structure.id,
                email=email,
                last_name=text_of(body.nom),
                first_name=text_of(body.prenom),
                now=now.timestamp(),
            )
            # The mails are part of the transaction that records the request.
            shown = format_siret(identifier) if id_type is IdentifierType.SIRET else identifier
            if manager is not None:
                self.ctx.outbox.enqueue(
                    session,
                    attachment_request_message(
                        manager_email=manager.email,
                        manager_name=f"{manager.prenom} {manager.nom}",
                        requester_name=name,
                        requester_email=email,
                        structure_name=structure.raison_sociale,
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
                    structure_name=structure.raison_sociale,
                    structure_identifier=shown,
                    request_id=request_id,
                    now=now,
                ),
            )
        return AttachmentAnswer(
            libelle="Votre demande de rattachement a été transmise au gestionnaire principal de "
            "la structure. Vous serez informé de sa décision par courriel.",
            idDemande=request_id,
        )

    # Activation -------------------------------------------------------------------------

    def owns(self, session: Session, email: str, jeton: str | None) -> AccountRow | None:
        """The account of ``email`` when ``jeton`` is its signup token (valid), else None."""
        account = session.find_account_by_email(email)
        if account is None or not jeton:
            return None
        try:
            return self._authorised(session, account.id, jeton)
        except Refusal:
            return None

    def check_mail_reader(self, email: str, jeton: str | None) -> None:
        """Only the account's own signup token reads the mails sent to its address: they hold
        its activation code, and whoever reads the code could activate it with their own
        password. (The trainer of a room reads them through the room's token instead.)"""
        with self.ctx.storage.transaction(write=False) as session:
            if self.owns(session, email, jeton) is not None:
                return
        raise Refusal(
            403,
            Code.INVALID_JETON,
            "Dans une salle de formation, seul l'assistant qui a créé le compte peut afficher "
            "ses courriels. Demandez au formateur de vous montrer le courriel d'activation "
            "(page de la salle, «\u00a0Voir le courriel\u00a0»).",
        )

    def resend(
        self,
        body: ResendRequest,
        base_url: str,
        *,
        jeton: str | None = None,
        source: str | None = None,
        owner: bool = False,
    ) -> ResentAnswer:
        """Send a new activation mail. The earlier codes are voided only at the request of the
        account itself (its signup token, or the machine ``source`` that created it) or of the
        trainer (``owner``): the address alone, which anyone in a room can read, must not
        cancel somebody else's link; the new mail goes to the address's owner anyway."""
        check_texts(body, (BY_NAME["email"],))
        email = check_email(body.email)
        now = self.ctx.now()
        valid_until = now + ACTIVATION_VALIDITY
        code = new_secret()
        with self.ctx.storage.transaction() as session:
            account = session.find_account_by_email(email)
            if account is not None and account.status == STATUS_PENDING:
                voids = (
                    owner
                    or (source is not None and self.created_from.get(account.id) == source)
                    or self.owns(session, email, jeton) is not None
                )
                if voids:
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
        return ResentAnswer(
            libelle="Si un compte en attente d'activation correspond à cette adresse, un nouveau "
            "courriel d'activation vient d'y être envoyé. Utilisez le lien du dernier courriel "
            "reçu.",
            # Given whether or not an account exists, so the answer reveals nothing.
            activationValideJusqua=iso_utc(valid_until),
        )

    def activate(self, body: ActivationRequest, source: str) -> ActivatedAnswer:
        """Activate the account; ``source`` (the client's address) is throttled on its own."""
        check_texts(body, (BY_NAME["email"], BY_NAME["answer"]))
        email = text_of(body.email).casefold()
        if not email:
            raise missing("email", BY_NAME["email"].label)
        code = code_from(body.code)
        now = self.ctx.now()
        stamp = now.timestamp()
        throttle = self.ctx.throttles.activation
        hashes = self._hashes_for(code, email, body)
        with self.ctx.storage.transaction() as session:
            locked = session.locked_until(email, source)
            if locked is not None and locked > stamp:
                raise self._locked(locked)
            wait = throttle.retry_after(source, stamp)
            if wait is not None:
                raise self._throttled(wait)
            row = session.find_code(digest(code)) if code else None
            account = session.get_account(row.account_id) if row else None
            live = _live_code(row, account, email)
            if live is None:
                # Answered after the commit: the failure and the lock must be saved.
                if account is None or account.email.casefold() != email:
                    throttle.failed(source, stamp)  # a guess, not a code already used
                refusal = self._wrong_code(session, email, source, now)
            else:
                refusal = None
                live_row, live_account = live
                self._activate_with(session, live_account, live_row, body, stamp, hashes)
        if refusal is not None:
            raise refusal
        assert account is not None
        throttle.succeeded(source)
        return ActivatedAnswer(
            libelle="Votre compte est désormais actif et vous pouvez dès à présent transmettre "
            "vos factures à votre client public.",
            idCompte=account.id,
        )

    def _hashes_for(self, code: str, email: str, body: ActivationRequest) -> tuple[str, str] | None:
        """The scrypt hashes of the password and the answer, made before the write lock when
        the code is one of ``email``'s pending codes: tens of milliseconds each, they would
        otherwise hold every other signup of a room waiting (60 trainees activating at once
        timed out). A wrong code pays for none."""
        if not code:
            return None
        with self.ctx.storage.transaction(write=False) as session:
            row = session.find_code(digest(code))
            account = session.get_account(row.account_id) if row else None
        if _live_code(row, account, email) is None:
            return None
        answer = normalize_secret_answer(body.reponseQuestionSecrete or "")
        return scrypt_hash(body.motDePasse or ""), scrypt_hash(answer)

    def _wrong_code(self, session: Session, email: str, source: str, now: datetime) -> Refusal:
        failures = session.record_failure(email, source)
        if failures >= MAX_FAILURES:
            until = (now + LOCK_DURATION).timestamp()
            session.lock(email, source, until)
            return self._locked(until)
        return Refusal(
            400,
            Code.INVALID_CODE,
            "Ce code d'activation n'est pas valable\u00a0: il a peut-être déjà servi ou été "
            "remplacé par un courriel plus récent. Vérifiez l'adresse électronique et "
            "utilisez le lien du dernier courriel reçu.",
            tentativesRestantes=MAX_FAILURES - failures,
        )

    def _activate_with(
        self,
        session: Session,
        account: AccountRow,
        row: CodeRow,
        body: ActivationRequest,
        stamp: float,
        hashes: tuple[str, str] | None = None,
    ) -> None:
        """The code is right: check the rest, then activate (or raise :class:`Refusal`);
        ``hashes``: the password's and the answer's, made before the transaction."""
        if row.expires_at <= stamp:
            raise Refusal(
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
                company_name=structure.raison_sociale if structure else "",
            )
            if not r.met
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
        answer = normalize_secret_answer(body.reponseQuestionSecrete or "")
        question_id = body.idQuestionSecrete
        if question_id is None or self.ctx.seed.question(question_id) is None:
            raise field_refusal(
                Code.INVALID_SECRET_QUESTION,
                "idQuestionSecrete",
                "Choisissez une question secrète dans la liste proposée.",
            )
        if not answer:
            raise field_refusal(
                Code.INVALID_SECRET_QUESTION,
                "reponseQuestionSecrete",
                "Le champ «\u00a0Réponse à la question secrète\u00a0» est obligatoire.",
            )
        password_hash, answer_hash = hashes or (scrypt_hash(password), scrypt_hash(answer))
        session.activate_account(
            account.id,
            password_hash=password_hash,
            question_id=question_id,
            answer_hash=answer_hash,
            now=stamp,
        )
        session.mark_code_used(row.id, now=stamp)
        session.invalidate_codes(account.id, now=stamp)
        session.reset_attempts(text_of(body.email).casefold())

    @staticmethod
    def _throttled(wait: int) -> Refusal:
        return Refusal(
            429,
            Code.THROTTLED,
            "Trop de codes d'activation erronés depuis ce poste\u00a0: patientez "
            f"{wait} s avant de réessayer.",
            headers={"Retry-After": str(wait)},
        )

    @staticmethod
    def _locked(until: float) -> Refusal:
        moment = datetime.fromtimestamp(until).astimezone()
        return Refusal(
            423,
            Code.LOCKED,
            "Trop de tentatives infructueuses\u00a0: l'activation de ce compte est bloquée pendant "
            f"une heure, jusqu'à {moment.hour} h {moment:%M}. Réessayez ensuite avec le lien "
            "du dernier courriel reçu, ou demandez-en un nouveau s'il a expiré.",
            verrouilleJusqua=iso_utc(moment),
        )
