"""A scripted in-memory SignupService for page tests (tests only: it lives under tests/)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from chorus_wizard.backend.directory import SearchHit, SearchResults
from chorus_wizard.backend.errors import BackendError
from chorus_wizard.backend.models import (
    AccountCreated,
    AccountStatus,
    ActivationResent,
    AttachmentSent,
    CompanyRecord,
    ExistingStructure,
    Lookup,
    ReceivedMail,
    Room,
    SecretQuestion,
    Workspace,
)
from chorus_wizard.backend.profiles import BackendProfile, sandbox_profile
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.countries import Country
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.domain.password import PasswordPolicy

DINUM = CompanyRecord(
    siret="13002526500013",
    raison_sociale="DIRECTION INTERMINISTERIELLE DU NUMERIQUE",
    libelle="DIRECTION INTERMINISTERIELLE DU NUMERIQUE",
    adresse="20 AVENUE DE SEGUR",
    code_postal="75007",
    ville="PARIS",
)


@dataclass
class FakeService:
    """Answers from dictionaries; ``fail`` maps a method name to the error it raises once.

    ``valid_until`` is the activation link's limit given by ``create_account`` and
    ``resend_activation``; ``activations`` records what ``activate`` received.
    """

    companies: dict[str, CompanyRecord] = field(default_factory=lambda: {DINUM.siret: DINUM})
    existing: dict[str, ExistingStructure] = field(default_factory=dict)
    fail: dict[str, BackendError] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    created: list[Signup] = field(default_factory=list)
    gate: threading.Event | None = None
    account_state: str = "EN_ATTENTE_ACTIVATION"
    chosen_workspaces: list[str] = field(default_factory=list)
    valid_until: datetime | None = None
    #: Until when ``account_status`` says the activation is locked.
    locked_until: datetime | None = None
    activations: list[tuple[str, str, str, int, str]] = field(default_factory=list, repr=False)
    #: What ``received_mails`` answers (newest first).
    mails: list[ReceivedMail] = field(default_factory=list)
    #: The training room a sandbox reached by URL names (``GET /sante``).
    room_name: str | None = None
    #: The path that room's scenario sets ("" for none).
    room_path: str = ""
    #: What ``search`` looks through.
    found: list[SearchHit] = field(default_factory=list)
    _profile: BackendProfile = field(default_factory=lambda: sandbox_profile("http://fake"))

    @property
    def profile(self) -> BackendProfile:
        return self._profile

    def _enter(self, name: str) -> None:
        self.calls.append(name)
        if self.gate is not None:
            self.gate.wait(5)
        error = self.fail.pop(name, None)
        if error is not None:
            raise error

    def search(self, name: str, place: str = "") -> SearchResults:
        """The hits of :attr:`found` whose name holds ``name`` (``place`` is ignored)."""
        self._enter("search")
        hits = tuple(h for h in self.found if name.casefold() in h.name.casefold())
        return SearchResults(hits, len(hits))

    def lookup(self, identifier_type: IdentifierType, identifier: str) -> Lookup:
        self._enter("lookup")
        return Lookup(
            identifier_type,
            identifier,
            existing=self.existing.get(identifier),
            company=self.companies.get(identifier),
        )

    def verify_structure(
        self, identifier_type: IdentifierType, identifier: str
    ) -> ExistingStructure | None:
        self._enter("verify_structure")
        return self.existing.get(identifier)

    def countries(self) -> list[Country]:
        self._enter("countries")
        return [
            Country("FR", "France"),
            Country("DE", "Allemagne"),
            Country("NC", "Nouvelle-Calédonie"),
        ]

    def request_attachment(
        self, email: str, nom: str, prenom: str, identifier_type: IdentifierType, identifier: str
    ) -> AttachmentSent:
        self._enter("request_attachment")
        return AttachmentSent(7, "Votre demande de rattachement a été transmise.")

    def create_account(self, signup: Signup, idempotency_key: str) -> AccountCreated:
        self._enter("create_account")
        self.created.append(signup)
        return AccountCreated(1, 2, "jeton", "Compte créé", self.valid_until)

    def workspaces(self) -> list[Workspace]:
        self._enter("workspaces")
        return [
            Workspace("FACTURES_EMISES", "Factures émises", "Déposer vos factures", True),
            Workspace("SOLLICITATIONS_EMISES", "Sollicitations émises", "Poser une question", True),
            Workspace("FACTURES_RECUES", "Factures reçues", "Recevoir des factures", False),
        ]

    def choose_workspaces(self, account: AccountCreated, codes: list[str]) -> list[str]:
        self._enter("choose_workspaces")
        self.chosen_workspaces = list(codes)
        return codes

    def password_policy(self) -> PasswordPolicy:
        self._enter("password_policy")
        return PasswordPolicy()

    def secret_questions(self) -> list[SecretQuestion]:
        self._enter("secret_questions")
        return [SecretQuestion(1, "Quel est le nom de votre premier animal\u00a0?")]

    def resend_activation(self, email: str) -> ActivationResent:
        self._enter("resend_activation")
        return ActivationResent("Un nouveau courriel a été envoyé.", self.valid_until)

    def activate(self, email: str, code: str, password: str, question_id: int, answer: str) -> str:
        self._enter("activate")
        self.activations.append((email, code, password, question_id, answer))
        self.account_state = "ACTIF"
        return "Votre compte est désormais actif."

    def account_status(self, account: AccountCreated) -> AccountStatus:
        self._enter("account_status")
        return AccountStatus(
            account.account_id,
            "x",
            self.account_state,
            tuple(self.chosen_workspaces),
            True,
            self.valid_until if self.account_state == "EN_ATTENTE_ACTIVATION" else None,
            self.locked_until,
        )

    def received_mails(self, email: str) -> list[ReceivedMail]:
        self._enter("received_mails")
        return list(self.mails)

    def room(self) -> Room | None:
        self._enter("room")
        return Room(self.room_name, self.room_path) if self.room_name else None

    def close(self) -> None:
        pass
