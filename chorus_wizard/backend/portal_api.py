"""Client of the sandbox's rehearsal of today's portal (``/sandbox/v1/portail``), on its
contract (:mod:`chorus_wizard.contracts.portal`). Refusals become the signup client's typed
exceptions (:func:`chorus_wizard.backend.signup_api.refusal`)."""

from __future__ import annotations

from typing import TypeVar

import httpx
from pydantic import BaseModel

from chorus_wizard.backend.signup_api import call
from chorus_wizard.contracts import portal as api
from chorus_wizard.contracts.record import Signup
from chorus_wizard.contracts.signup import Answer

A = TypeVar("A", bound=BaseModel)


class PortalApi:
    """The calls of today's path, at ``signup_url`` (the profile's) + ``/portail``."""

    def __init__(self, http: httpx.Client, signup_url: str) -> None:
        self._http = http
        self._base = signup_url.rstrip("/") + api.PREFIX.removeprefix("/sandbox/v1")
        #: The session's token once both factors are passed (kept in memory only).
        self.session_token = ""

    def _call(
        self, method: str, path: str, body: BaseModel, shape: type[A], expected: int = 200
    ) -> A:
        headers = {api.SESSION_HEADER: self.session_token} if self.session_token else {}
        return call(
            self._http,
            method,
            self._base + path,
            shape,
            expected=expected,
            body=body,
            headers=headers,
        )

    def create_account(
        self, email: str, nom: str, prenom: str, telephone: str, contact: str, terms: bool
    ) -> api.AccountCreatedAnswer:
        body = api.CreateAccountRequest(
            email=email,
            nom=nom,
            prenom=prenom,
            telephone=telephone or None,
            emailContact=contact or None,
            cguAcceptees=terms,
        )
        return self._call("POST", api.ACCOUNTS, body, api.AccountCreatedAnswer, 201)

    def activate(self, code: str, password: str) -> Answer:
        body = api.ActivationRequest(code=code, motDePasse=password)
        return self._call("POST", api.ACTIVATION, body, Answer)

    def resend_activation(self, email: str) -> Answer:
        body = api.ResendRequest(email=email)
        return self._call("POST", api.ACTIVATION_RESEND, body, Answer)

    def login(self, email: str, password: str) -> api.LoginAnswer:
        body = api.LoginRequest(email=email, motDePasse=password)
        return self._call("POST", api.LOGIN, body, api.LoginAnswer)

    def send_code(self, ticket: str, code: str) -> api.LoginAnswer:
        body = api.CodeRequest(jetonConnexion=ticket, code=code)
        answer = self._call("POST", api.SECOND_FACTOR, body, api.LoginAnswer)
        if answer.jetonSession:
            self.session_token = answer.jetonSession
        return answer

    def structure(self, signup: Signup, join: bool = False) -> api.StructureAnswer:
        body = api.StructureRequest(
            typeIdentifiantStructure=signup.identifier_type.value,
            identifiantStructure=signup.identifier,
            raisonSociale=signup.raison_sociale,
            libelleStructure=signup.libelle,
            adresse=signup.adresse,
            complementAdresse1=signup.complement1,
            complementAdresse2=signup.complement2,
            codePostal=signup.code_postal,
            ville=signup.ville,
            codePays=signup.code_pays,
            rattachement=join,
        )
        return self._call("POST", api.STRUCTURES, body, api.StructureAnswer, 201)

    def workspaces(self, codes: list[str]) -> api.WorkspacesAnswer:
        body = api.WorkspacesRequest(espaces=codes)
        return self._call("PUT", api.WORKSPACES, body, api.WorkspacesAnswer)
