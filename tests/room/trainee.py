"""Simulated trainees: the wizard's own HTTP clients driving a training room's sandbox.

Each step calls :class:`~chorus_wizard.backend.service.ChorusSignupService`, the client the
wizard uses with ``--backend URL``, so the room sees the very requests a trainee's wizard
sends; the activation code is read from the sandbox's Maildir, as the trainee reads the mail.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import httpx
import pyotp

from chorus_wizard.backend.errors import ActivationError
from chorus_wizard.backend.http import new_client
from chorus_wizard.backend.models import AccountCreated, AttachmentSent, CompanyRecord, Lookup
from chorus_wizard.backend.portal_api import PortalApi
from chorus_wizard.backend.profiles import sandbox_profile
from chorus_wizard.backend.service import ChorusSignupService
from chorus_wizard.contracts import portal
from chorus_wizard.contracts.record import Signup, new_idempotency_key
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.sandbox.room.mails import delivery_time

ACTIVATION_SUBJECT = "Activez votre compte Chorus Pro"
LOGIN_CODE_SUBJECT = "Chorus Pro - Votre code de connexion"
PASSWORD = "Tournesol-Vert-42"
ANSWER = "Médor le Chien"


def latest_activation_code(mail_dir: Path, to: str) -> str:
    """The code of the last activation mail sent to ``to`` (the line after the paste hint);
    mails of one second share their Date, so the last is the one the outbox wrote last."""
    box = mailbox.Maildir(mail_dir, create=False)
    found: list[tuple[float, str]] = []
    for key in box.iterkeys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        if to.casefold() not in str(message["To"]).casefold():
            continue
        if message["Subject"] != ACTIVATION_SUBJECT:
            continue
        part = message.get_body(("plain",))
        assert isinstance(part, EmailMessage)
        lines = str(part.get_content()).splitlines()
        index = next(i for i, line in enumerate(lines) if "coller ce code" in line)
        found.append((delivery_time(key), lines[index + 2].strip()))
    assert found, f"no activation mail to {to}"
    return max(found)[1]


@dataclass
class Trainee:
    """One person of the room, at their own machine, with their own company."""

    base_url: str
    mail_dir: Path
    email: str
    siret: str
    first_name: str = "Jeanne"
    last_name: str = "Martin"
    service: ChorusSignupService = field(init=False)
    lookup_result: Lookup | None = None
    account: AccountCreated | None = None

    def __post_init__(self) -> None:
        self.service = ChorusSignupService(sandbox_profile(self.base_url))

    def close(self) -> None:
        self.service.close()

    def identify(self) -> Lookup:
        """Step 1: type the SIRET; the wizard asks Chorus Pro and the directory."""
        self.lookup_result = self.service.lookup(IdentifierType.SIRET, self.siret)
        return self.lookup_result

    def create_account(self) -> AccountCreated:
        """Steps 2-3: the form prefilled from the directory, then the account's creation."""
        lookup = self.lookup_result or self.identify()
        # No prefill when the structure is already registered (the wizard would offer the
        # attachment instead) or when the directory hides it: the trainee types it all.
        company = lookup.company or CompanyRecord(self.siret)
        signup = Signup(
            email=self.email,
            nom=self.last_name,
            prenom=self.first_name,
            identifier_type=IdentifierType.SIRET,
            identifier=self.siret,
            raison_sociale=company.raison_sociale or f"{self.first_name} {self.last_name}",
            adresse=company.adresse or "1 RUE DE L'ESSAI",
            code_postal=company.code_postal or "75001",
            ville=company.ville or "PARIS",
        )
        self.account = self.service.create_account(signup, new_idempotency_key())
        return self.account

    def choose_workspaces(self) -> list[str]:
        assert self.account is not None
        codes = [w.code for w in self.service.workspaces() if w.default_on]
        return self.service.choose_workspaces(self.account, codes)

    def activate(self) -> str:
        code = latest_activation_code(self.mail_dir, self.email)
        return self.service.activate(self.email, code, PASSWORD, 1, ANSWER)

    def fail_activation(self, times: int) -> ActivationError:
        """Type a wrong code ``times`` times; returns the last refusal."""
        last: ActivationError | None = None
        for _ in range(times):
            try:
                self.service.activate(self.email, "code-faux", PASSWORD, 1, ANSWER)
            except ActivationError as exc:
                last = exc
        assert last is not None
        return last

    def request_attachment(self) -> AttachmentSent:
        return self.service.request_attachment(
            self.email, self.last_name, self.first_name, IdentifierType.SIRET, self.siret
        )


def latest_login_code(mail_dir: Path, to: str) -> str:
    """The 6-digit code of the last first-login mail sent to ``to`` (on a line of its own)."""
    box = mailbox.Maildir(mail_dir, create=False)
    found: list[tuple[float, str]] = []
    for key in box.iterkeys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        if to.casefold() not in str(message["To"]).casefold():
            continue
        if message["Subject"] != LOGIN_CODE_SUBJECT:
            continue
        part = message.get_body(("plain",))
        assert isinstance(part, EmailMessage)
        codes = [line for line in str(part.get_content()).splitlines() if line.isdigit()]
        assert len(codes) == 1 and len(codes[0]) == 6, codes
        found.append((delivery_time(key), codes[0]))
    assert found, f"no login code mail to {to}"
    return max(found)[1]


@dataclass
class TodayTrainee:
    """A trainee on today's path (« parcours du portail actuel »), through the wizard's own
    client of it; each TOTP code is computed by pyotp from the URI the sandbox gave."""

    base_url: str
    mail_dir: Path
    email: str
    first_name: str = "Camille"
    last_name: str = "Durand"
    http: httpx.Client = field(init=False)
    api: PortalApi = field(init=False)
    authenticator: pyotp.TOTP | None = None
    ticket: str = ""

    def __post_init__(self) -> None:
        self.http = new_client()
        self.api = PortalApi(self.http, sandbox_profile(self.base_url).signup_url)

    def close(self) -> None:
        self.http.close()

    def create_account(self) -> portal.AccountCreatedAnswer:
        return self.api.create_account(self.email, self.last_name, self.first_name, "", "", True)

    def activate(self) -> None:
        self.api.activate(latest_activation_code(self.mail_dir, self.email), PASSWORD)

    def log_in(self) -> portal.LoginAnswer:
        answer = self.api.login(self.email, PASSWORD)
        self.ticket = answer.jetonConnexion or ""
        return answer

    def send_mail_code(self) -> portal.LoginAnswer:
        answer = self.api.send_code(self.ticket, latest_login_code(self.mail_dir, self.email))
        assert answer.uriTotp, answer
        totp = pyotp.parse_uri(answer.uriTotp)
        assert isinstance(totp, pyotp.TOTP)
        self.authenticator = totp
        self.ticket = answer.jetonConnexion or ""
        return answer

    def send_app_code(self, code: str | None = None) -> portal.LoginAnswer:
        assert self.authenticator is not None
        answer = self.api.send_code(self.ticket, code or self.authenticator.now())
        self.ticket = answer.jetonConnexion or ""
        return answer

    def secure(self) -> None:
        """Activation, first login: the e-mail code, then the app's first code."""
        self.activate()
        self.log_in()
        self.send_mail_code()
        self.send_app_code()

    def create_structure(self, siret: str, name: str) -> portal.StructureAnswer:
        signup = Signup(
            identifier_type=IdentifierType.SIRET,
            identifier=siret,
            raison_sociale=name,
            adresse="1 RUE DE L'ESSAI",
            code_postal="75001",
            ville="PARIS",
        )
        return self.api.structure(signup)
