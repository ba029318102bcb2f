"""Routes of the signup services under ``/sandbox``: the portal steps the real API does not have.

Create the account and its structure, choose workspaces, activate with the code from the mail,
ask to be attached to an existing structure, and read the mails the sandbox "sent". Paths and
shapes are the contract's (:mod:`chorus_wizard.contracts.signup`); the rules are
:class:`~chorus_wizard.sandbox.signup.desk.SignupDesk`'s; a broken rule raises a
:class:`~chorus_wizard.sandbox.refusal.Refusal`, answered by the app's handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from chorus_wizard.contracts import signup as api
from chorus_wizard.contracts.signup import (
    ActivationRequest,
    AttachmentRequest,
    CreateAccountRequest,
    MailsAnswer,
    PolicyAnswer,
    QuestionEntry,
    QuestionsAnswer,
    ResendRequest,
    WorkspaceEntry,
    WorkspacesAnswer,
    WorkspacesRequest,
)
from chorus_wizard.sandbox.context import SandboxContext
from chorus_wizard.sandbox.mail.sent import mails_to
from chorus_wizard.sandbox.refusal import answer
from chorus_wizard.sandbox.security import digest
from chorus_wizard.sandbox.signup.activation_page import PAGE_HEADERS, activation_page
from chorus_wizard.sandbox.signup.checks import check_email, check_new_account
from chorus_wizard.sandbox.signup.desk import SignupDesk
from chorus_wizard.sandbox.signup.throttle import source_of

TAG = "Bac à sable"

Jeton = Annotated[str | None, Header(alias=api.JETON_HEADER)]


def build_signup_router(
    ctx: SandboxContext, trainer: Callable[[Request], bool] | None = None
) -> APIRouter:
    """Routes under ``/sandbox``; ``trainer`` (a training room only) tells a request of the
    room's trainer (the room's token), who may read every address's mails."""
    desk = SignupDesk(ctx)
    router = APIRouter(prefix="/sandbox", tags=[TAG])
    v1 = api.PREFIX.removeprefix("/sandbox")

    def base_url(request: Request) -> str:
        return ctx.public_url.rstrip("/") if ctx.public_url else str(request.base_url).rstrip("/")

    @router.get(v1 + api.HEALTH, summary="État du bac à sable")
    def health() -> JSONResponse:
        return answer(
            200,
            api.HealthAnswer(libelle="OK", salle=ctx.room_title or None, parcours=ctx.room_path),
        )

    @router.get(v1 + api.WORKSPACES, summary="Catalogue des espaces de travail")
    def workspaces() -> JSONResponse:
        entries = [WorkspaceEntry(**w.to_json()) for w in ctx.seed.choosable_workspaces]
        return answer(200, WorkspacesAnswer(libelle="OK", listeEspaces=entries))

    @router.get(v1 + api.PASSWORD_POLICY, summary="Règles du mot de passe")
    def password_policy() -> JSONResponse:
        return answer(200, PolicyAnswer(libelle="OK", politique=desk.policy.to_json()))

    @router.get(v1 + api.SECRET_QUESTIONS, summary="Questions secrètes proposées")
    def secret_questions() -> JSONResponse:
        questions = [QuestionEntry(id=q.id, libelle=q.label) for q in ctx.seed.questions]
        return answer(200, QuestionsAnswer(libelle="OK", listeQuestions=questions))

    @router.post(v1 + api.ACCOUNTS, status_code=201, summary="Créer le compte et la structure")
    def create_account(
        body: CreateAccountRequest,
        request: Request,
        idempotency_key: Annotated[str | None, Header(alias=api.IDEMPOTENCY_HEADER)] = None,
    ) -> JSONResponse:
        created = desk.create_account(
            check_new_account(body, ctx.seed.directory),
            request_hash=digest(body.model_dump_json()),
            idempotency_key=idempotency_key or None,
            base_url=base_url(request),
        )
        desk.note_creator(created.idCompte, source_of(request))
        return answer(201, created)

    @router.put(v1 + api.ACCOUNT_WORKSPACES, summary="Choisir les espaces de travail")
    def put_workspaces(idCompte: int, body: WorkspacesRequest, jeton: Jeton = None) -> JSONResponse:
        return answer(200, desk.set_workspaces(idCompte, jeton, body.espaces))

    @router.get(v1 + api.ACCOUNT, summary="Consulter le compte créé")
    def get_account(idCompte: int, jeton: Jeton = None) -> JSONResponse:
        return answer(200, desk.get_account(idCompte, jeton))

    @router.post(v1 + api.ATTACHMENTS, status_code=201, summary="Demander un rattachement")
    def request_attachment(body: AttachmentRequest) -> JSONResponse:
        return answer(201, desk.request_attachment(body))

    @router.post(v1 + api.RESEND, summary="Renvoyer le courriel d'activation")
    def resend(body: ResendRequest, request: Request, jeton: Jeton = None) -> JSONResponse:
        return answer(
            200, desk.resend(body, base_url(request), jeton=jeton, source=source_of(request))
        )

    @router.post(v1 + api.ACTIVATION, summary="Activer le compte")
    def activate(body: ActivationRequest, request: Request) -> JSONResponse:
        return answer(200, desk.activate(body, source_of(request)))

    @router.get(
        v1 + api.MAILS,
        summary="Courriels envoyés à une adresse",
        description="Les courriels que le bac à sable a «\u00a0envoyés\u00a0» à cette adresse "
        "(leur partie texte), du plus récent au plus ancien\u00a0: ils tiennent lieu de boîte aux "
        "lettres pendant une formation. Réservé au bac à sable\u00a0: le vrai Chorus Pro envoie "
        "ses courriels, il ne les montre pas. Ils portent le code d'activation du compte\u00a0: "
        "seul le jeton d'inscription du compte de cette adresse (en-tête "
        f"{api.JETON_HEADER}) les lit, ou le formateur d'une salle de formation.",
        response_model=MailsAnswer,
    )
    def mails(
        request: Request,
        email: Annotated[str, Query(max_length=254)],
        limite: Annotated[int, Query(ge=1, le=api.MAILS_MAX)] = api.MAILS_DEFAULT,
        jeton: Jeton = None,
    ) -> JSONResponse:
        address = check_email(email)
        # In a training room, a mailbox answers to its account's token or to the trainer; the
        # wizard's own embedded sandbox has one user, on this machine only: its mail is theirs.
        if trainer is not None and not trainer(request):
            desk.check_mail_reader(address, jeton)
        found = mails_to(ctx.outbox.path, address, limite)
        return answer(200, MailsAnswer(libelle="OK", courriels=found))

    @router.get(
        api.ACTIVATION_PAGE.removeprefix("/sandbox"),
        response_class=HTMLResponse,
        summary="Page du lien d'activation",
    )
    def activation_link_page(code: str = "") -> HTMLResponse:
        return HTMLResponse(activation_page(code.strip()[:500]), headers=PAGE_HEADERS)

    return router
