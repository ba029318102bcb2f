"""Client of the sandbox's signup API (``/sandbox/v1``), on its contract.

Requests are built and answers read with the shapes of :mod:`chorus_wizard.contracts.signup`;
every refusal becomes a typed exception of :mod:`chorus_wizard.backend.errors` naming the
record's field (:data:`chorus_wizard.contracts.record.FIELD_OF_WIRE`), so the pages never
see a JSON name or a return code.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from chorus_wizard.backend.errors import (
    ActivationError,
    ActivationExpired,
    ActivationLocked,
    AlreadyRegistered,
    FieldRefused,
    InvalidActivationCode,
    ProtocolError,
    Rejected,
)
from chorus_wizard.backend.http import json_body, send, service_message
from chorus_wizard.backend.models import (
    AccountCreated,
    AccountStatus,
    ActivationResent,
    AttachmentSent,
    ReceivedMail,
    Room,
    SecretQuestion,
    Workspace,
)
from chorus_wizard.backend.questions import question_label
from chorus_wizard.backend.workspace_texts import workspace_text
from chorus_wizard.contracts import record
from chorus_wizard.contracts import signup as api
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.domain.password import PasswordPolicy
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

SIGNUP_SERVICE = QT_TRANSLATE_NOOP("http", "le service d'inscription")

A = TypeVar("A", bound=BaseModel)

_ACTIVATION_ERRORS: dict[int, type[ActivationError]] = {
    api.Code.INVALID_CODE: InvalidActivationCode,
    api.Code.EXPIRED_CODE: ActivationExpired,
}


def parse_time(value: object) -> datetime | None:
    """An aware datetime from the wire's ISO 8601 (``…Z``); None when absent or naive."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _unexpected() -> ProtocolError:
    return ProtocolError(
        service_message(
            QT_TRANSLATE_NOOP("http", "{Service} a envoyé une réponse inattendue."),
            SIGNUP_SERVICE,
        )
    )


def refusal(status: int, data: dict[str, Any]) -> Rejected:
    """The typed exception for a refusal (any status but the expected one)."""
    try:
        refused = api.Refused.model_validate(data)
    except ValidationError:
        refused = api.Refused()
    message = refused.libelle or translate("service", "Demande refusée (HTTP {status}).").format(
        status=status
    )
    code = refused.codeRetour
    if code == api.Code.STRUCTURE_EXISTS:
        return AlreadyRegistered(message, status=status, code=code)
    if code == api.Code.LOCKED or status == 423:
        return ActivationLocked(
            message, status=status, code=code, until=parse_time(refused.verrouilleJusqua)
        )
    if code == api.Code.INVALID_CODE:
        return InvalidActivationCode(
            message, status=status, code=code, tries_left=refused.tentativesRestantes
        )
    if code in _ACTIVATION_ERRORS:
        return _ACTIVATION_ERRORS[code](message, status=status, code=code)
    field = record.FIELD_OF_WIRE.get(refused.champ or "")
    if field is not None:
        return FieldRefused(message, field=field, status=status, code=code)
    return Rejected(message, status=status, code=code)


def call(
    http: httpx.Client,
    method: str,
    url: str,
    shape: type[A],
    *,
    expected: int = 200,
    body: BaseModel | None = None,
    headers: dict[str, str] | None = None,
    params: dict[str, str | int] | None = None,
) -> A:
    """One call of the sandbox's own services (``/sandbox/v1``, its signup and today's path):
    the answer read as ``shape``, a refusal as its typed exception (:func:`refusal`)."""
    all_headers = dict(headers or {})
    response = send(
        http,
        method,
        url,
        SIGNUP_SERVICE,
        # a POST is repeated only when it carries an idempotency key (account creation)
        idempotent=method != "POST" or api.IDEMPOTENCY_HEADER in all_headers,
        json=body.model_dump(mode="json") if body is not None else None,
        headers=all_headers,
        params=params,
    )
    data = json_body(response, SIGNUP_SERVICE)
    if response.status_code != expected:
        raise refusal(response.status_code, data)
    try:
        return shape.model_validate(data)
    except ValidationError as exc:
        raise _unexpected() from exc


class SignupApi:
    """The ``/sandbox/v1`` calls, on ``http``, at ``base_url`` (the profile's ``signup_url``)."""

    def __init__(self, http: httpx.Client, base_url: str) -> None:
        self._http = http
        self._base = base_url.rstrip("/")

    def _call(
        self,
        method: str,
        path: str,
        shape: type[A],
        *,
        expected: int = 200,
        body: BaseModel | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str | int] | None = None,
    ) -> A:
        return call(
            self._http,
            method,
            self._base + path,
            shape,
            expected=expected,
            body=body,
            headers=headers,
            params=params,
        )

    def request_attachment(
        self, email: str, nom: str, prenom: str, identifier_type: IdentifierType, identifier: str
    ) -> AttachmentSent:
        body = api.AttachmentRequest(
            email=email,
            nom=nom,
            prenom=prenom,
            typeIdentifiantStructure=identifier_type.value,
            identifiantStructure=identifier,
        )
        sent = self._call("POST", api.ATTACHMENTS, api.AttachmentAnswer, expected=201, body=body)
        return AttachmentSent(sent.idDemande, sent.libelle)

    def create_account(self, signup: Signup, idempotency_key: str) -> AccountCreated:
        body = api.CreateAccountRequest.model_validate(record.to_wire(signup))
        created = self._call(
            "POST",
            api.ACCOUNTS,
            api.AccountCreatedAnswer,
            expected=201,
            body=body,
            headers={api.IDEMPOTENCY_HEADER: idempotency_key},
        )
        return AccountCreated(
            account_id=created.idCompte,
            structure_id=created.idStructureCPP,
            signup_token=created.jetonInscription,
            message=created.libelle,
            activation_valid_until=parse_time(created.activationValideJusqua),
        )

    def workspaces(self) -> list[Workspace]:
        listed = self._call("GET", api.WORKSPACES, api.WorkspacesAnswer)
        return [
            Workspace(
                w.code, workspace_text(w.libelle), workspace_text(w.description), w.activeParDefaut
            )
            for w in listed.listeEspaces
        ]

    def choose_workspaces(self, account: AccountCreated, codes: list[str]) -> list[str]:
        chosen = self._call(
            "PUT",
            api.ACCOUNT_WORKSPACES.format(idCompte=account.account_id),
            api.ChosenWorkspacesAnswer,
            body=api.WorkspacesRequest(espaces=codes),
            headers={api.JETON_HEADER: account.signup_token},
        )
        return chosen.espaces

    def password_policy(self) -> PasswordPolicy:
        answer = self._call("GET", api.PASSWORD_POLICY, api.PolicyAnswer)
        try:
            return PasswordPolicy.from_json(answer.politique)
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(
                translate("service", "Politique de mot de passe illisible.")
            ) from exc

    def secret_questions(self) -> list[SecretQuestion]:
        listed = self._call("GET", api.SECRET_QUESTIONS, api.QuestionsAnswer)
        return [SecretQuestion(q.id, question_label(q.libelle)) for q in listed.listeQuestions]

    def resend_activation(self, email: str) -> ActivationResent:
        resent = self._call(
            "POST", api.RESEND, api.ResentAnswer, body=api.ResendRequest(email=email)
        )
        return ActivationResent(resent.libelle, parse_time(resent.activationValideJusqua))

    def activate(self, email: str, code: str, password: str, question_id: int, answer: str) -> str:
        body = api.ActivationRequest(
            email=email,
            code=code,
            motDePasse=password,
            idQuestionSecrete=question_id,
            reponseQuestionSecrete=answer,
        )
        return self._call("POST", api.ACTIVATION, api.ActivatedAnswer, body=body).libelle

    def account_status(self, account: AccountCreated) -> AccountStatus:
        found = self._call(
            "GET",
            api.ACCOUNT.format(idCompte=account.account_id),
            api.AccountAnswer,
            headers={api.JETON_HEADER: account.signup_token},
        )
        return AccountStatus(
            account_id=found.idCompte,
            email=found.email,
            status=found.statut,
            workspaces=tuple(found.espaces),
            main_manager=found.gestionnairePrincipal,
            activation_valid_until=parse_time(found.activationValideJusqua),
            activation_locked_until=parse_time(found.verrouilleJusqua),
        )

    def room(self) -> Room | None:
        """The training room this sandbox was started for (its scenario's title and the path
        it sets), if any."""
        health = self._call("GET", api.HEALTH, api.HealthAnswer)
        return Room(health.salle, health.parcours or "") if health.salle else None

    def received_mails(
        self, email: str, limit: int = api.MAILS_DEFAULT, *, token: str | None = None
    ) -> list[ReceivedMail]:
        """The mails the sandbox sent to ``email``, newest first; ``token`` is the signup token
        of the account of that address, without which the sandbox refuses to show them."""
        listed = self._call(
            "GET",
            api.MAILS,
            api.MailsAnswer,
            params={"email": email, "limite": limit},
            headers={api.JETON_HEADER: token} if token else None,
        )
        return [ReceivedMail(m.objet, m.expediteur, m.texte, m.date) for m in listed.courriels]
