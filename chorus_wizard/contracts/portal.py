"""The contract of the sandbox's rehearsal of today's portal (``/sandbox/v1/portail``).

Today's Chorus Pro portal (domain.md §8) puts the account first, then its activation and the
password, then a second factor at the first login (a 6-digit code by e-mail, then an
authenticator app: TOTP, RFC 6238), and only then the structure, created or joined by the
logged-in user, then the workspaces. The sandbox rehearses that path under these paths; the
wizard's « parcours du portail actuel » is their client. Qt-free; imported by both ends.

Return codes are the signup services' (:class:`chorus_wizard.contracts.signup.Code`); a
refusal has their shape (:class:`chorus_wizard.contracts.signup.Refused`).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from chorus_wizard.contracts.signup import PREFIX as SIGNUP_PREFIX
from chorus_wizard.contracts.signup import Answer, RequestBody

PREFIX = SIGNUP_PREFIX + "/portail"

#: POST: create the account (no structure). 201 :class:`AccountCreatedAnswer`.
ACCOUNTS = "/comptes"
#: POST: the activation mail's code and the password. 200 :class:`Answer`.
ACTIVATION = "/comptes/activer"
#: POST: a new activation mail for an account still waiting for it. 200 :class:`Answer`, the
#: same whether or not the address has such an account (the address alone proves nothing).
ACTIVATION_RESEND = "/comptes/renvoyer"
#: POST: e-mail and password. 200 :class:`LoginAnswer` (what the second factor expects).
LOGIN = "/connexion"
#: POST: the code the login waits for (e-mail code, or TOTP). 200 :class:`LoginAnswer`.
SECOND_FACTOR = "/connexion/code"
#: POST (session): create the structure, or ask to join it when it exists. 201.
STRUCTURES = "/structures"
#: PUT (session): the workspaces to open. 200.
WORKSPACES = "/espaces"
#: The activation mail's link: a page that shows the code to paste (sandbox only).
ACTIVATION_PAGE = PREFIX + "/lien-activation"

#: The header carrying the session's token, once both factors are passed.
SESSION_HEADER = "X-Jeton-Session"

#: The TOTP's parameters (RFC 6238): what authenticator apps expect by default.
TOTP_DIGITS = 6
TOTP_PERIOD = 30
TOTP_ALGORITHM = "SHA1"
#: The issuer shown by the authenticator app.
TOTP_ISSUER = "Chorus Pro (bac à sable)"
#: The e-mail code of the first login: digits, and how long it is valid.
MAIL_CODE_DIGITS = 6
MAIL_CODE_MINUTES = 10
#: Five failures (password, e-mail code or TOTP) lock the account for an hour.
MAX_FAILURES = 5
LOCK_MINUTES = 60
#: The activation link's validity.
ACTIVATION_MINUTES = 60


class Stage(StrEnum):
    """Where a trainee's account is on today's path (the trainer's page shows it)."""

    CREATED = "COMPTE_CREE"  # waits for its activation
    ACTIVE = "COMPTE_ACTIF"  # password chosen, never logged in
    MAIL_CODE = "CODE_COURRIEL"  # first login: waits for the e-mail code
    ENROL = "ENROLEMENT_TOTP"  # e-mail code passed: waits for the app's first code
    SECURED = "DOUBLE_AUTHENTIFICATION"  # authenticator enrolled: logins ask password + TOTP
    STRUCTURE = "STRUCTURE"  # structure created or joined
    DONE = "ESPACES"  # workspaces chosen


class Expected(StrEnum):
    """What a login waits for next."""

    MAIL_CODE = "CODE_COURRIEL"
    ENROL = "ENROLEMENT_TOTP"
    TOTP = "TOTP"
    NONE = "AUCUN"  # logged in: ``jetonSession`` is given


class StructureOutcome(StrEnum):
    CREATED = "CREEE"
    JOIN_REQUESTED = "RATTACHEMENT_DEMANDE"


# Requests ---------------------------------------------------------------------------------


class CreateAccountRequest(RequestBody):
    email: str | None = None
    nom: str | None = None
    prenom: str | None = None
    telephone: str | None = None
    #: The contact e-mail; the login's when absent.
    emailContact: str | None = None
    cguAcceptees: bool = False


class ActivationRequest(RequestBody):
    code: str | None = None
    motDePasse: str | None = None


class ResendRequest(RequestBody):
    email: str | None = None


class LoginRequest(RequestBody):
    email: str | None = None
    motDePasse: str | None = None


class CodeRequest(RequestBody):
    #: The login's ticket, from :class:`LoginAnswer`.
    jetonConnexion: str | None = None
    code: str | None = None


class StructureRequest(RequestBody):
    typeIdentifiantStructure: str | None = None
    identifiantStructure: str | None = None
    raisonSociale: str | None = None
    libelleStructure: str | None = None
    adresse: str | None = None
    complementAdresse1: str | None = None
    complementAdresse2: str | None = None
    codePostal: str | None = None
    ville: str | None = None
    codePays: str | None = None
    #: Ask to join the structure when it exists already (else 409 says it exists).
    rattachement: bool = False


class WorkspacesRequest(RequestBody):
    espaces: list[str] = Field(default_factory=list)


# Answers ----------------------------------------------------------------------------------


class AccountCreatedAnswer(Answer):
    idCompte: int
    activationValideJusqua: str


class LoginAnswer(Answer):
    """What the login waits for next; the ticket for it; the session once logged in."""

    attendu: Expected
    jetonConnexion: str | None = None
    #: ``otpauth://totp/…`` while the authenticator is being enrolled (attendu ENROLEMENT_TOTP).
    uriTotp: str | None = None
    #: When the e-mail code stops being valid (attendu CODE_COURRIEL).
    codeValideJusqua: str | None = None
    jetonSession: str | None = None


class StructureAnswer(Answer):
    idStructureCPP: int
    resultat: StructureOutcome


class WorkspacesAnswer(Answer):
    espaces: list[str]
