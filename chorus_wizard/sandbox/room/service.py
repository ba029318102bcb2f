"""The training room's state and actions: each trainee's row (path, step, mails, failed codes,
lock), and what the trainer may do (resend, show a mail, unlock, reset, settle requests, and
on today's path reset a trainee's second factor)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from chorus_wizard.contracts.portal import Stage, StructureOutcome
from chorus_wizard.contracts.signup import ResendRequest
from chorus_wizard.domain.identifiers import IdentifierType, format_siret
from chorus_wizard.sandbox.context import SandboxContext, iso_utc
from chorus_wizard.sandbox.mail.outbox import ACTIVATION_SUBJECT, attachment_decision_message
from chorus_wizard.sandbox.portal.desk import PortalDesk, RoomRow
from chorus_wizard.sandbox.portal.mails import LOGIN_CODE_SUBJECT
from chorus_wizard.sandbox.portal.queries import PortalQueries
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.journal import (
    HostActivity,
    RoomJournal,
)
from chorus_wizard.sandbox.room.mails import MailIndex, MailInfo
from chorus_wizard.sandbox.room.queries import RoomAccountRow, RoomAttachmentRow, RoomSession
from chorus_wizard.sandbox.signup.desk import SignupDesk
from chorus_wizard.sandbox.store.storage import STATUS_ACTIVE

POLL_INTERVAL_MS = 1000
ATTACHMENT_PENDING = "EN_ATTENTE"
ATTACHMENT_ACCEPTED = "ACCEPTEE"
ATTACHMENT_REFUSED = "REFUSEE"

#: Steps of a signup, in order; the page draws the first four as a progress line.
STEP_IDENTIFIED = "identifie"
STEP_CREATED = "compte_cree"
STEP_WORKSPACES = "espaces_choisis"
STEP_ACTIVATED = "active"
STEP_ATTACHMENT = "rattachement_demande"
STEP_ATTACHMENT_ACCEPTED = "rattachement_accepte"
STEP_ATTACHMENT_REFUSED = "rattachement_refuse"

#: The two paths a trainee may follow (the wizard's ``--parcours``).
PATH_GUIDE = "guide"
PATH_TODAY = "portail-actuel"

#: Today's path's steps, by the sandbox's stage: the page draws five of them as a progress
#: line (account, activation, second factor, structure, workspaces); the first login's
#: e-mail code and the app's enrolment sit between the activation and the second factor.
TODAY_STEPS = {
    Stage.CREATED: "portail_compte_cree",
    Stage.ACTIVE: "portail_active",
    Stage.MAIL_CODE: "portail_code_courriel",
    Stage.ENROL: "portail_enrolement",
    Stage.SECURED: "portail_double_facteur",
    Stage.STRUCTURE: "portail_structure",
    Stage.DONE: "portail_espaces",
}
#: The structure was joined, not created: said instead of ``portail_structure``.
TODAY_STEP_JOINED = "portail_rattachement"


# The room's state and actions ---------------------------------------------------------------


def iso_or_none(stamp: float | None) -> str | None:
    return iso_utc(datetime.fromtimestamp(stamp, UTC)) if stamp else None


def _mail_kind(subject: str) -> str:
    """``activation``, ``code`` (today's first login), ``decision`` (of an attachment
    request) or ``rattachement``."""
    if subject == ACTIVATION_SUBJECT:
        return "activation"
    if subject == LOGIN_CODE_SUBJECT:
        return "code"
    if subject.endswith(("est acceptée", "est refusée")):
        return "decision"
    return "rattachement"


def masked(email_address: str) -> str:
    """``jeanne.martin@exemple.fr`` as the projected page shows it: ``je…@exemple.fr``.

    The page is made for a projector: the room sees the names, the trainer tells the rows
    apart, and nobody copies the addresses off the wall (the page keeps them for its actions).
    """
    local, at, domain = email_address.partition("@")
    if not at:
        return email_address[:2] + "…"
    return f"{local[:2]}…@{domain}"


def _shown(id_type: str, identifier: str) -> str:
    return format_siret(identifier) if id_type == IdentifierType.SIRET.value else identifier


class RoomService:
    """Reads the room for the page and carries out the trainer's actions."""

    def __init__(self, ctx: SandboxContext, room: RoomConfig, journal: RoomJournal) -> None:
        self.ctx = ctx
        self.room = room
        self.journal = journal
        self.mails = MailIndex(ctx.outbox.path)
        self.signup = SignupDesk(ctx)
        self.portal = PortalDesk(ctx)

    # What stays when the room is reset: the seeded structures and their managers.

    def _kept_emails(self) -> set[str]:
        return {s.email.casefold() for s in self.ctx.seed.registered}

    def _kept_structures(self) -> set[tuple[str, str]]:
        return {(s.identifier_type, s.identifier) for s in self.ctx.seed.registered}

    def _now(self) -> float:
        return self.ctx.now().timestamp()

    def log(self, text: str) -> None:
        self.journal.log(self._now(), text)

    # Reading ----------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The state the page draws (JSON-ready)."""
        with self.ctx.storage.transaction(write=False) as session:
            room = RoomSession.of(session)
            accounts = room.room_accounts()
            attachments = room.room_attachments()
            attempts = room.attempts_by_source()
        today = self.portal.room_rows()
        mails = self.mails.by_recipient()
        kept = self._kept_emails()
        now = self._now()
        rows: list[dict[str, Any]] = []
        taken: set[tuple[str, str]] = set()
        for account in accounts:
            if account.email.casefold() in kept:
                continue
            rows.append(self._account_row(account, mails, now, attempts))
            taken.add((account.id_type, account.identifier))
        for request in attachments:
            rows.append(self._attachment_row(request, mails, now))
            taken.add((request.id_type, request.identifier))
        for trainee in today:
            rows.append(self._today_row(trainee, mails, now))
            if trainee.structure is not None:
                structure = trainee.structure
                taken.add((structure.identifier_type, structure.identifier))
        # A machine whose trainee is on today's path looks a SIRET up for the structure's
        # page, after creating the account: that trainee has a row already.
        today_since: dict[str | None, float] = {}
        for t in today:
            owner = self.journal.owner(t.email)
            today_since[owner] = min(today_since.get(owner, t.created_at), t.created_at)
        for host, activity in self.journal.hosts().items():
            if (activity.id_type, activity.identifier) in taken:
                continue
            if host in today_since and activity.looked_up_at >= today_since[host]:
                continue
            rows.append(self._host_row(host, activity))
        rows.sort(key=lambda r: (r["_debut"], r["cle"]))
        for row in rows:
            del row["_debut"]
        pending = sum(1 for r in rows if r["etape"] == STEP_ATTACHMENT)
        return {
            "salle": self.room.title,
            "horodatage": iso_or_none(now),
            "intervalleMs": POLL_INTERVAL_MS,
            "stagiaires": rows,
            "demandesEnAttente": pending,
            "journal": [
                {"heure": iso_or_none(t), "texte": text} for t, text in self.journal.actions()
            ],
        }

    def _mail_list(self, mails: dict[str, list[MailInfo]], email_address: str) -> list[Any]:
        return [
            {"objet": m.subject, "genre": _mail_kind(m.subject), "heure": iso_or_none(m.sent_at)}
            for m in mails.get(email_address.casefold(), [])
        ]

    def _attempts(
        self,
        email_address: str,
        attempts: dict[tuple[str, str], tuple[int, float | None]],
        failures: int,
        locked_until: float | None,
    ) -> tuple[int, float | None]:
        """The failures and lock the row shows: those of the trainee's own machine (the one
        that created the account) when known, so another machine trying codes for that
        address cannot paint a lock on it (the lock never applied to the trainee anyway)."""
        owner = self.journal.owner(email_address)
        if owner is None:
            return failures, locked_until
        return attempts.get((email_address.casefold(), owner), (0, None))

    def _account_row(
        self,
        a: RoomAccountRow,
        mails: dict[str, list[MailInfo]],
        now: float,
        attempts: dict[tuple[str, str], tuple[int, float | None]],
    ) -> dict[str, Any]:
        failures, locked_until = self._attempts(a.email, attempts, a.failures, a.locked_until)
        if a.status == STATUS_ACTIVE:
            step = STEP_ACTIVATED
        elif self.journal.workspaces_chosen(a.account_id):
            step = STEP_WORKSPACES
        else:
            step = STEP_CREATED
        sent = self._mail_list(mails, a.email)
        locked = locked_until is not None and locked_until > now
        last = max(
            a.created_at,
            a.activated_at or 0.0,
            self.journal.last_seen(a.email, a.account_id),
            *(m.sent_at for m in mails.get(a.email.casefold(), [])),
        )
        return {
            "cle": f"compte:{a.account_id}",
            "parcours": PATH_GUIDE,
            "email": a.email,
            "nom": f"{a.first_name} {a.last_name}".strip(),
            "typeIdentifiant": a.id_type,
            "identifiant": _shown(a.id_type, a.identifier),
            "raisonSociale": a.company_name,
            "etape": step,
            "courriels": sent,
            "echecs": failures,
            "verrouilleJusqua": iso_or_none(locked_until) if locked else None,
            "derniereActivite": iso_or_none(last),
            "refus": self.journal.refusal(a.email),
            "idCompte": a.account_id,
            "idDemande": None,
            "_debut": a.created_at,
        }

    def _attachment_row(
        self, r: RoomAttachmentRow, mails: dict[str, list[MailInfo]], now: float
    ) -> dict[str, Any]:
        step = {
            ATTACHMENT_ACCEPTED: STEP_ATTACHMENT_ACCEPTED,
            ATTACHMENT_REFUSED: STEP_ATTACHMENT_REFUSED,
        }.get(r.status, STEP_ATTACHMENT)
        locked = r.locked_until is not None and r.locked_until > now
        last = max(
            r.created_at,
            self.journal.last_seen(r.email),
            *(m.sent_at for m in mails.get(r.email.casefold(), [])),
        )
        return {
            "cle": f"demande:{r.request_id}",
            "parcours": PATH_GUIDE,
            "email": r.email,
            "nom": f"{r.first_name} {r.last_name}".strip(),
            "typeIdentifiant": r.id_type,
            "identifiant": _shown(r.id_type, r.identifier),
            "raisonSociale": r.company_name,
            "etape": step,
            "courriels": self._mail_list(mails, r.email),
            "echecs": r.failures,
            "verrouilleJusqua": iso_or_none(r.locked_until) if locked else None,
            "derniereActivite": iso_or_none(last),
            "refus": self.journal.refusal(r.email),
            "idCompte": None,
            "idDemande": r.request_id,
            "_debut": r.created_at,
        }

    def _today_row(
        self, t: RoomRow, mails: dict[str, list[MailInfo]], now: float
    ) -> dict[str, Any]:
        """A trainee of today's path: account first, then its second factor, then the
        structure (so the structure's columns stay empty until then)."""
        step = TODAY_STEPS[t.stage]
        if t.stage is Stage.STRUCTURE and t.structure_outcome is StructureOutcome.JOIN_REQUESTED:
            step = TODAY_STEP_JOINED
        structure = t.structure
        locked = t.locked_until is not None and t.locked_until > now
        last = max(
            t.created_at,
            self.journal.last_seen(t.email),
            *(m.sent_at for m in mails.get(t.email.casefold(), [])),
        )
        return {
            "cle": f"portail:{t.account_id}",
            "parcours": PATH_TODAY,
            "email": t.email,
            "nom": f"{t.prenom} {t.nom}".strip(),
            "typeIdentifiant": structure.identifier_type if structure else "",
            "identifiant": _shown(structure.identifier_type, structure.identifier)
            if structure
            else "",
            "raisonSociale": structure.raison_sociale if structure else "",
            "etape": step,
            "doubleFacteur": t.totp_enrolled,
            "courriels": self._mail_list(mails, t.email),
            "echecs": t.failures,
            "verrouilleJusqua": iso_or_none(t.locked_until) if locked else None,
            "derniereActivite": iso_or_none(last),
            "refus": self.journal.refusal(t.email),
            "idCompte": None,
            "idDemande": None,
            "_debut": t.created_at,
        }

    def _host_row(self, host: str, activity: HostActivity) -> dict[str, Any]:
        name = ""
        if activity.id_type == IdentifierType.SIRET.value:
            found = self.ctx.seed.directory.lookup(activity.identifier)
            if found is not None:
                name = str(found.entry.get("nom_raison_sociale") or "")
        return {
            "cle": f"poste:{host}",
            # a SIRET looked up before any account: the guide's first step (today's path asks
            # for the structure only once logged in, so its trainee has a row by then)
            "parcours": PATH_GUIDE,
            "email": "",
            "nom": "",
            "poste": host,
            "typeIdentifiant": activity.id_type,
            "identifiant": _shown(activity.id_type, activity.identifier),
            "raisonSociale": name,
            "etape": STEP_IDENTIFIED,
            "courriels": [],
            "echecs": 0,
            "verrouilleJusqua": None,
            "derniereActivite": iso_or_none(activity.last_seen),
            "refus": activity.refusal,
            "idCompte": None,
            "idDemande": None,
            "_debut": activity.looked_up_at,
        }

    # Actions ----------------------------------------------------------------------------

    def resend(self, email_address: str, base_url: str) -> bool:
        with self.ctx.storage.transaction(write=False) as session:
            account = session.find_account_by_email(email_address)
        if account is None or account.status == STATUS_ACTIVE:
            return False
        self.signup.resend(ResendRequest(email=account.email), base_url, owner=True)
        self.log(f"Courriel d'activation renvoyé à {masked(account.email)}.")
        return True

    def activation_mail(self, email_address: str) -> tuple[MailInfo, str] | None:
        found = self.mails.latest_activation(email_address)
        if found is not None:
            self.log(f"Courriel d'activation de {masked(found[0].to)} affiché.")
        return found

    def unlock(self, email_address: str) -> bool:
        with self.ctx.storage.transaction() as session:
            failures, locked_until = RoomSession.of(session).attempts_of(email_address)
            if not failures and locked_until is None:
                return False
            sources = session.failure_sources(email_address)
            session.reset_attempts(email_address)
        for source in sources:  # and the delay those sources were made to wait
            self.ctx.throttles.activation.succeeded(source)
        self.log(f"Activation de {masked(email_address)} débloquée (tentatives remises à zéro).")
        return True

    def reset_trainee(self, key: str) -> bool:
        """Remove one row's signup (``compte:ID``, ``demande:ID`` or ``poste:HOST``)."""
        kind, _, value = key.partition(":")
        if kind == "poste" and value:
            if value not in self.journal.hosts():
                return False
            self.journal.forget(host=value)
            self.log(f"Poste {value} réinitialisé.")
            return True
        if not value.isdigit():
            return False
        number = int(value[:18])
        if kind == "portail":
            return self._reset_today_trainee(number)
        with self.ctx.storage.transaction() as session:
            room = RoomSession.of(session)
            address = ""
            identity: tuple[str, str] | None = None
            if kind == "compte":
                account = room.get_account(number)
                structure = room.get_structure(account.structure_id) if account else None
                if account is not None and account.email.casefold() not in self._kept_emails():
                    address = account.email
                    if structure is not None:
                        identity = (structure.identifier_type, structure.identifier)
            elif kind == "demande":
                request = room.get_attachment_request(number)
                if request is not None:
                    address = request.email
            if not address or not room.delete_signup(
                address, keep_structures=self._kept_structures()
            ):
                return False
        self.mails.remove_to(address)
        self.journal.forget(email=address, account_id=number if kind == "compte" else 0)
        if identity is not None:
            self.journal.forget_identifier(*identity)
        self.log(f"Stagiaire {masked(address)} réinitialisé : l'exercice peut être rejoué.")
        return True

    def _reset_today_trainee(self, account_id: int) -> bool:
        address = self.portal.reset_account(account_id, keep_structures=self._kept_structures())
        if not address:
            return False
        self.mails.remove_to(address)
        self.journal.forget(email=address)
        self.log(f"Stagiaire {masked(address)} réinitialisé\u00a0: l'exercice peut être rejoué.")
        return True

    def reset_second_factor(self, email_address: str) -> bool:
        """Today's path: forget the trainee's authenticator app, failures and lock; the next
        login asks a code by e-mail again, then enrols the app anew (a lost phone)."""
        if not email_address or not self.portal.reset_second_factor(email_address):
            return False
        self.log(
            f"Double authentification de {masked(email_address)} réinitialisée\u00a0: la prochaine "
            "connexion demandera un code par courriel, puis de configurer à nouveau "
            "l'application."
        )
        return True

    def reset_room(self) -> None:
        with self.ctx.storage.transaction() as session:
            today = PortalQueries(session)
            for account in today.all_accounts():  # first: they may point at structures
                today.delete_account(account.id)
            RoomSession.of(session).reset_room(
                keep_emails=self._kept_emails(), keep_structures=self._kept_structures()
            )
            session.seed_registered(self.ctx.seed.registered, now=self._now())
        self.mails.remove_to(None)
        self.journal.clear()
        self.log("Salle réinitialisée : toutes les inscriptions et tous les courriels effacés.")

    def settle(self, request_id: int, accepted: bool) -> bool:
        with self.ctx.storage.transaction() as session:
            room = RoomSession.of(session)
            request = room.get_attachment_request(request_id)
            if request is None or request.status != ATTACHMENT_PENDING:
                return False
            room.settle_attachment_request(
                request_id, ATTACHMENT_ACCEPTED if accepted else ATTACHMENT_REFUSED
            )
            # the decision's mail is part of the same transaction (the outbox delivers it)
            self.ctx.outbox.enqueue(
                session,
                attachment_decision_message(
                    requester_email=request.email,
                    requester_name=f"{request.first_name} {request.last_name}".strip(),
                    structure_name=request.company_name,
                    structure_identifier=_shown(request.id_type, request.identifier),
                    request_id=request_id,
                    accepted=accepted,
                    now=self.ctx.now(),
                ),
            )
        verb = "acceptée" if accepted else "refusée"
        self.log(
            f"Demande de rattachement de {masked(request.email)} à {request.company_name} {verb}."
        )
        return True
