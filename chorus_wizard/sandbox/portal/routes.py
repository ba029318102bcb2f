"""Routes of today's portal rehearsed, under ``/sandbox/v1/portail`` (contracts/portal.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import HTMLResponse, JSONResponse

from chorus_wizard.contracts import portal as api
from chorus_wizard.sandbox.context import SandboxContext
from chorus_wizard.sandbox.portal.desk import PortalDesk
from chorus_wizard.sandbox.refusal import answer
from chorus_wizard.sandbox.signup.activation_page import activation_page

TAG = "Bac à sable"

Session = Annotated[str | None, Header(alias=api.SESSION_HEADER)]


def build_portal_router(ctx: SandboxContext, desk: PortalDesk | None = None) -> APIRouter:
    """Routes under ``/sandbox/v1/portail``."""
    desk = desk or PortalDesk(ctx)
    router = APIRouter(prefix=api.PREFIX, tags=[TAG])

    def base_url(request: Request) -> str:
        return ctx.public_url.rstrip("/") if ctx.public_url else str(request.base_url).rstrip("/")

    @router.post(api.ACCOUNTS, status_code=201, summary="Créer le compte (sans structure)")
    def create_account(body: api.CreateAccountRequest, request: Request) -> JSONResponse:
        return answer(201, desk.create_account(body, base_url(request)))

    @router.post(api.ACTIVATION, summary="Activer le compte et choisir le mot de passe")
    def activate(body: api.ActivationRequest) -> JSONResponse:
        return answer(200, desk.activate(body))

    @router.post(api.ACTIVATION_RESEND, summary="Renvoyer le courriel d'activation")
    def resend_activation(body: api.ResendRequest, request: Request) -> JSONResponse:
        return answer(200, desk.resend_activation(body, base_url(request)))

    @router.post(api.LOGIN, summary="Se connecter (premier facteur)")
    def login(body: api.LoginRequest) -> JSONResponse:
        return answer(200, desk.login(body))

    @router.post(api.SECOND_FACTOR, summary="Code de connexion (courriel ou application)")
    def second_factor(body: api.CodeRequest) -> JSONResponse:
        return answer(200, desk.second_factor(body))

    @router.post(api.STRUCTURES, status_code=201, summary="Créer ou rejoindre la structure")
    def structure(body: api.StructureRequest, jeton: Session = None) -> JSONResponse:
        return answer(201, desk.structure(jeton, body))

    @router.put(api.WORKSPACES, summary="Ouvrir les espaces de travail")
    def workspaces(body: api.WorkspacesRequest, jeton: Session = None) -> JSONResponse:
        return answer(200, desk.workspaces(jeton, body))

    @router.get(
        api.ACTIVATION_PAGE.removeprefix(api.PREFIX),
        response_class=HTMLResponse,
        summary="Page du lien d'activation (portail actuel)",
    )
    def activation_link_page(code: str = "") -> HTMLResponse:
        return HTMLResponse(activation_page(code.strip()[:500]))

    return router
