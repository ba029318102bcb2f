"""Plain data the signup service answers with (Qt-free, I/O-free); what the pages send is in
:mod:`chorus_wizard.backend.forms`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from chorus_wizard.domain.identifiers import IdentifierType


@dataclass(frozen=True)
class CompanyRecord:
    """Company data from a directory, already mapped to the form's fields.

    ``masked`` names the form fields the directory hid (partially diffusible data); they are
    empty here and must be typed by the user.
    """

    siret: str
    raison_sociale: str = ""
    libelle: str = ""
    adresse: str = ""
    complement1: str = ""
    complement2: str = ""
    code_postal: str = ""
    ville: str = ""
    code_pays: str = "FR"
    active: bool = True
    closed_reason: str = ""
    #: The whole company ceased trading (not only this establishment): no other SIRET of it
    #: will do.
    ceased: bool = False
    masked: frozenset[str] = frozenset()
    notice: str = ""  # e.g. why the data comes from a fallback directory
    #: Shown beside the address fields: what the directory left unsure (a foreign address…).
    address_note: str = ""
    #: The company's category as the directory gives it (``PME``, ``ETI``, ``GE``), else "".
    categorie_entreprise: str = ""


@dataclass(frozen=True)
class ExistingStructure:
    """A structure already registered on Chorus Pro."""

    id_structure: int
    identifier: str
    identifier_type: str
    designation: str


@dataclass(frozen=True)
class StructureDetails:
    """``consulterStructure``: what Chorus Pro holds about a registered structure."""

    id_structure: int
    identifier: str
    identifier_type: str
    raison_sociale: str = ""
    libelle: str = ""
    adresse: str = ""
    complement1: str = ""
    complement2: str = ""
    code_postal: str = ""
    ville: str = ""
    pays: str = ""
    #: ``dateExpirationMotPasseCompteTech``: when the technical account's password expires.
    tech_password_expiry: date | None = None

    def address_lines(self) -> list[str]:
        """The postal address as it would be written on an envelope (empty parts left out)."""
        town = " ".join(part for part in (self.code_postal, self.ville) if part)
        lines = [self.adresse, self.complement1, self.complement2, town]
        if self.pays and self.pays.upper() not in ("FR", "FRANCE"):
            lines.append(self.pays)
        return [line for line in lines if line]


@dataclass(frozen=True)
class Attachment:
    """One structure the technical account is attached to (``rattachements``)."""

    id_structure: int
    identifier: str
    designation: str
    role: str = ""


@dataclass(frozen=True)
class Lookup:
    """What the identify step learned: an existing structure, or the prefill for a new one.

    ``details`` is Chorus Pro's own record of ``existing`` when it could be read.
    """

    identifier_type: IdentifierType
    identifier: str
    existing: ExistingStructure | None = None
    company: CompanyRecord | None = None
    details: StructureDetails | None = None
    #: False when no technical account could ask Chorus Pro whether the structure exists.
    existence_checked: bool = True
    #: True when nothing could be checked (portal mode without a network): typed by hand.
    offline: bool = False


@dataclass(frozen=True)
class Workspace:
    """One row of the workspace catalogue."""

    code: str
    label: str
    description: str
    default_on: bool


@dataclass(frozen=True)
class SecretQuestion:
    id: int
    label: str


@dataclass(frozen=True)
class AccountCreated:
    account_id: int
    structure_id: int
    signup_token: str = field(repr=False)
    message: str
    activation_valid_until: datetime | None = None
    #: Until when the activation is locked (too many wrong codes), as a resume found it.
    activation_locked_until: datetime | None = None


@dataclass(frozen=True)
class ActivationResent:
    """A new activation mail was asked for: the service's message and the new link's limit."""

    message: str
    valid_until: datetime | None = None


@dataclass(frozen=True)
class AccountStatus:
    account_id: int
    email: str
    status: str
    workspaces: tuple[str, ...]
    main_manager: bool
    #: Until when the last activation mail's link is valid (awaiting activation), if said.
    activation_valid_until: datetime | None = None
    #: Until when the activation is locked after too many wrong codes, while it is.
    activation_locked_until: datetime | None = None


@dataclass(frozen=True)
class AttachmentSent:
    request_id: int
    message: str


@dataclass(frozen=True)
class Room:
    """The training room a sandbox reached by URL was started for (``GET /sante``)."""

    #: Its scenario's title.
    name: str
    #: The rehearsal's path its scenario sets (``guide``, ``portail-actuel``; "" for none).
    path: str = ""


@dataclass(frozen=True)
class ReceivedMail:
    """A mail the sandbox "sent" to the person (its plain text), to show in the wizard."""

    subject: str
    sender: str
    text: str
    date: str
