"""The training room: the trainer's live page at ``/salle`` and the actions it offers.

The page, its state (``GET /salle/v1/etat``, polled every second by the page) and every action
need the room's token, a random value printed once when ``chorus-wizard-sandbox`` starts:

- ``GET /salle?jeton=…`` checks it, keeps it in an ``HttpOnly`` cookie limited to ``/salle``
  and redirects to ``/salle``, so the token never stays in an address bar shown on a projector;
- ``/salle/v1/…`` takes it in the ``X-Jeton-Salle`` header only (a header a page from another
  machine cannot send without the sandbox's consent), so a trainee who knows the address can
  neither read the room nor act on it.

Without the token every route answers 403 in the sandbox's own shape (``codeRetour``,
``libelle``). What the database does not keep (the SIRET a trainee looked up, the workspaces
chosen, the last request) is noted by :mod:`~chorus_wizard.sandbox.room.journal`.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from chorus_wizard.contracts.room import (
    API_PREFIX,
    ROOM_PATH,
    TOKEN_HEADER,
    TOKEN_QUERY,
)
from chorus_wizard.contracts.signup import Code
from chorus_wizard.sandbox.context import SandboxContext
from chorus_wizard.sandbox.refusal import reply
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.journal import (
    RoomJournal,
    json_object,
    string_field,
)
from chorus_wizard.sandbox.room.page import PageTemplate, page_headers
from chorus_wizard.sandbox.room.service import RoomService, iso_or_none

TOKEN_COOKIE = "jeton_salle"


def forbidden() -> JSONResponse:
    """The answer to any request without the room's token."""
    response = reply(
        403,
        Code.INVALID_JETON,
        "Accès refusé : cette page est réservée au formateur. Le jeton de la salle de "
        "formation est absent ou erroné ; utilisez l'adresse affichée au démarrage du bac à "
        "sable.",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


async def _body(request: Request) -> dict[str, Any]:
    """The JSON object of an action's body; anything else counts as an empty object."""
    return json_object(await request.body())


def _done(libelle: str, **extra: Any) -> JSONResponse:
    response = reply(200, Code.OK, libelle, **extra)
    response.headers["Cache-Control"] = "no-store"
    return response


def _nothing(libelle: str) -> JSONResponse:
    return reply(404, Code.UNKNOWN_STRUCTURE, libelle)


def build_room_router(
    ctx: SandboxContext, room: RoomConfig, journal: RoomJournal, page: PageTemplate | None = None
) -> APIRouter:
    """``/salle`` and ``/salle/v1/…``, every route behind the room's token.

    The token is checked before anything of the request is read, so a caller without it
    learns nothing, not even whether its body would have been valid.
    """
    service = RoomService(ctx, room, journal)
    template = page or PageTemplate.load()
    router = APIRouter(include_in_schema=False)

    def base_url(request: Request) -> str:
        return ctx.public_url.rstrip("/") if ctx.public_url else str(request.base_url).rstrip("/")

    def allowed(request: Request) -> bool:
        return room.accepts(request.headers.get(TOKEN_HEADER))

    def signed_in(language: str) -> Response:
        """The token was right: keep it in the cookie and go to the clean address."""
        target = ROOM_PATH + ("?lang=en" if language == "en" else "")
        response: Response = RedirectResponse(target, status_code=303)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.set_cookie(
            TOKEN_COOKIE, room.token, path=ROOM_PATH, httponly=True, samesite="strict"
        )
        return response

    def sign_in(language: str, wrong: bool) -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        return HTMLResponse(
            template.sign_in(room=room, lang=language, nonce=nonce, wrong=wrong),
            status_code=403,
            headers=page_headers(nonce, form=True),
        )

    @router.get(ROOM_PATH)
    def trainer_page(request: Request) -> Response:
        language = "en" if request.query_params.get("lang") == "en" else "fr"
        given = request.query_params.get(TOKEN_QUERY)
        if given is not None:
            # Still accepted (scripts), but a browser keeps this address in its history,
            # redirect or not: the address printed at start-up no longer carries the token.
            return signed_in(language) if room.accepts(given) else sign_in(language, True)
        if not room.accepts(request.cookies.get(TOKEN_COOKIE)):
            return sign_in(language, False)
        nonce = secrets.token_urlsafe(16)
        return HTMLResponse(
            template.render(room=room, lang=language, nonce=nonce), headers=page_headers(nonce)
        )

    @router.post(ROOM_PATH)
    async def sign_in_form(request: Request) -> Response:
        """The sign-in form's POST: the token travels in the body, never in an address."""
        language = "en" if request.query_params.get("lang") == "en" else "fr"
        raw = await request.body()
        fields = parse_qs(raw.decode("utf-8", "replace")[:1000], max_num_fields=5)
        given = (fields.get(TOKEN_QUERY) or [""])[0].strip()
        return signed_in(language) if room.accepts(given) else sign_in(language, True)

    @router.get(f"{API_PREFIX}/etat")
    def state(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        return _done("OK", **service.snapshot())

    @router.post(f"{API_PREFIX}/renvoyer")
    async def resend(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        address = string_field(await _body(request), "email")
        if not await run_in_threadpool(service.resend, address, base_url(request)):
            return _nothing("Aucun compte en attente d'activation pour cette adresse.")
        return _done("Courriel d'activation renvoyé.")

    @router.post(f"{API_PREFIX}/courriel")
    async def show_mail(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        address = string_field(await _body(request), "email")
        found = await run_in_threadpool(service.activation_mail, address)
        if found is None:
            return _nothing("Aucun courriel d'activation pour cette adresse.")
        info, text = found
        return _done("OK", objet=info.subject, heure=iso_or_none(info.sent_at), texte=text)

    @router.post(f"{API_PREFIX}/debloquer")
    async def unlock(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        address = string_field(await _body(request), "email")
        if not await run_in_threadpool(service.unlock, address):
            return _nothing("Aucune tentative d'activation à effacer pour cette adresse.")
        return _done("Activation débloquée.")

    @router.post(f"{API_PREFIX}/reinitialiser-double-facteur")
    async def reset_second_factor(request: Request) -> JSONResponse:
        """Today's path: a trainee lost the phone (or the app), the trainer starts it over."""
        if not allowed(request):
            return forbidden()
        address = string_field(await _body(request), "email")
        if not await run_in_threadpool(service.reset_second_factor, address):
            return _nothing("Aucun compte du parcours du portail actuel pour cette adresse.")
        return _done("Double authentification réinitialisée.")

    @router.post(f"{API_PREFIX}/reinitialiser-stagiaire")
    async def reset_trainee(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        key = string_field(await _body(request), "cle")
        if not await run_in_threadpool(service.reset_trainee, key):
            return _nothing("Rien à réinitialiser pour ce stagiaire.")
        return _done("Stagiaire réinitialisé.")

    @router.post(f"{API_PREFIX}/reinitialiser-salle")
    async def reset_room(request: Request) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        await run_in_threadpool(service.reset_room)
        return _done("Salle réinitialisée.")

    @router.post(API_PREFIX + "/rattachements/{demande}/{decision}")
    async def settle(request: Request, demande: str, decision: str) -> JSONResponse:
        if not allowed(request):
            return forbidden()
        if decision not in ("accepter", "refuser") or not demande.isdigit():
            return _nothing("Décision inconnue : « accepter » ou « refuser ».")
        accepted = decision == "accepter"
        if not await run_in_threadpool(service.settle, int(demande[:18]), accepted):
            return _nothing("Aucune demande de rattachement en attente avec ce numéro.")
        return _done("Demande acceptée." if accepted else "Demande refusée.")

    return router
