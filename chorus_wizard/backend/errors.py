"""The project's own exception tree for everything that can go wrong talking to a backend.

Every HTTP module translates ``httpx`` errors and status codes into these, so pages only ever
show ``str(error)``: a French sentence a small-business owner understands::

    BackendError
    ├── NetworkError          no answer: connection refused, DNS, TLS, timeout
    ├── ServerError           the service answered 5xx
    ├── RateLimited           429; ``retry_after`` seconds when the service said
    ├── ProtocolError         the answer was not what the contract says (bad JSON, schema)
    ├── AuthenticationError   credentials refused (PISTE token, technical account, 403)
    ├── NotSupported          the backend cannot do this (real Chorus Pro creates no account)
    └── Rejected              the service refused the request, with its reason (``libelle``)
        ├── FieldRefused      one value of the form was refused; ``field`` names its attribute
        ├── AlreadyRegistered the structure is already on Chorus Pro
        └── ActivationError   the activation was refused
            ├── InvalidActivationCode   wrong, used or replaced code
            ├── ActivationExpired       the link's 60 minutes are over
            └── ActivationLocked        too many failures; ``until`` when it ends

The signup API's client (``signup_api``) raises these from the contract's return codes, so a
page tests a class and an attribute of the form, never a number or a JSON name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime


class BackendError(Exception):
    """Base of every backend failure; ``str()`` is a French message for the user."""

    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NetworkError(BackendError):
    """The service could not be reached."""

    retryable = True


class ServerError(BackendError):
    """The service failed on its side (HTTP 5xx)."""

    retryable = True

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class RateLimited(BackendError):
    """Too many requests (HTTP 429)."""

    retryable = True

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ProtocolError(BackendError):
    """The answer does not follow the expected format."""


class AuthenticationError(BackendError):
    """Credentials were refused."""


class NotSupported(BackendError):
    """The chosen backend cannot perform this operation."""


class Rejected(BackendError):
    """The service refused the request and said why."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: int | None = None,
        details: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.details = details or {}


class FieldRefused(Rejected):
    """The service refused one value of the form: ``field`` is the form's attribute
    (``raison_sociale``, ``code_postal``, ``nom``, ``password``, ``answer``…)."""

    def __init__(self, message: str, *, field: str, status: int, code: int | None = None) -> None:
        super().__init__(message, status=status, code=code)
        self.field = field


class AlreadyRegistered(Rejected):
    """The structure already exists on Chorus Pro: the user must ask to be attached."""


class ActivationError(Rejected):
    """The activation was refused (see the subclasses)."""


class InvalidActivationCode(ActivationError):
    """The code is wrong, already used, or replaced by a newer mail's; ``tries_left`` is how
    many more wrong codes lock the activation, when the service said."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 400,
        code: int | None = None,
        tries_left: int | None = None,
    ) -> None:
        super().__init__(message, status=status, code=code)
        self.tries_left = tries_left


class ActivationExpired(ActivationError):
    """The activation link's 60 minutes are over: a new mail is needed."""


class ActivationLocked(ActivationError):
    """Too many failed attempts; ``until`` is the aware time the lock ends, when known."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 423,
        code: int | None = None,
        until: datetime | None = None,
    ) -> None:
        super().__init__(message, status=status, code=code)
        self.until = until
