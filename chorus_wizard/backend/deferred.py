"""The signup service, built on its first use: its modules stay off the first window's path.

The window's title and the portal mode need only the backend's name and abilities, known at
once. The service itself, with the HTTP stack and the data it answers with (about 12 ms to
import on a shared 2-core machine), is imported and built by :meth:`DeferredService.ready`:
in the start-up work once step 1 is painted, or by whichever call comes first. So is the
embedded sandbox's address, known once its socket is bound.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chorus_wizard.backend.forms import SignupRequest
    from chorus_wizard.backend.models import (
        AccountCreated,
        AccountStatus,
        ActivationResent,
        AttachmentSent,
        ExistingStructure,
        Lookup,
        ReceivedMail,
        SecretQuestion,
        Workspace,
    )
    from chorus_wizard.backend.profiles import BackendProfile
    from chorus_wizard.backend.service import SignupService
    from chorus_wizard.domain.countries import Country
    from chorus_wizard.domain.identifiers import IdentifierType
    from chorus_wizard.domain.password import PasswordPolicy


class DeferredService:
    """A :class:`~chorus_wizard.backend.service.SignupService` that makes the real one, with
    ``build``, the first time it is needed (once, whichever thread asks first).

    ``profile`` may be a function that returns it (the embedded sandbox's, once its socket is
    bound): it is called once, by the first reader of :attr:`profile` or by :meth:`ready`.
    """

    def __init__(
        self,
        profile: BackendProfile | Callable[[], BackendProfile],
        build: Callable[[BackendProfile], SignupService],
    ) -> None:
        self._profile = profile
        self._build = build
        self._service: SignupService | None = None
        self._lock = threading.Lock()
        self._profile_lock = threading.Lock()

    @property
    def profile(self) -> BackendProfile:
        """The backend's profile; located now if it was given as a function. May block."""
        with self._profile_lock:
            if callable(self._profile):
                self._profile = self._profile()
            return self._profile

    @property
    def built(self) -> bool:
        return self._service is not None

    def ready(self) -> SignupService:
        """The real service, imported and built now if it was not yet. May block."""
        with self._lock:
            if self._service is None:
                self._service = self._build(self.profile)
            return self._service

    def reload_credentials(self) -> None:
        """The Paramètres changed: a service not built yet will read them when it is."""
        with self._lock:
            service = self._service
        reload = getattr(service, "reload_credentials", None)
        if reload is not None:
            reload()

    def close(self) -> None:
        with self._lock:
            service = self._service
        if service is not None:
            service.close()

    # -- the protocol's calls, made by the real service --------------------------------------

    def lookup(self, identifier_type: IdentifierType, identifier: str) -> Lookup:
        return self.ready().lookup(identifier_type, identifier)

    def verify_structure(
        self, identifier_type: IdentifierType, identifier: str
    ) -> ExistingStructure | None:
        return self.ready().verify_structure(identifier_type, identifier)

    def countries(self) -> list[Country]:
        return self.ready().countries()

    def request_attachment(
        self, email: str, nom: str, prenom: str, identifier_type: IdentifierType, identifier: str
    ) -> AttachmentSent:
        return self.ready().request_attachment(email, nom, prenom, identifier_type, identifier)

    def create_account(self, request: SignupRequest, idempotency_key: str) -> AccountCreated:
        return self.ready().create_account(request, idempotency_key)

    def workspaces(self) -> list[Workspace]:
        return self.ready().workspaces()

    def choose_workspaces(self, account: AccountCreated, codes: list[str]) -> list[str]:
        return self.ready().choose_workspaces(account, codes)

    def password_policy(self) -> PasswordPolicy:
        return self.ready().password_policy()

    def secret_questions(self) -> list[SecretQuestion]:
        return self.ready().secret_questions()

    def resend_activation(self, email: str) -> ActivationResent:
        return self.ready().resend_activation(email)

    def activate(self, email: str, code: str, password: str, question_id: int, answer: str) -> str:
        return self.ready().activate(email, code, password, question_id, answer)

    def account_status(self, account: AccountCreated) -> AccountStatus:
        return self.ready().account_status(account)

    def received_mails(self, email: str) -> list[ReceivedMail]:
        return self.ready().received_mails(email)
