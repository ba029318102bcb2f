"""The sandbox's FastAPI application: PISTE-like API, company directory and signup services.

:func:`create_app` wires the routers to one :class:`SandboxContext` and makes every error,
including FastAPI's own, answer in the shape of the part of the API it belongs to: PISTE's
for ``/cpro`` and the token service, the directory's for ``/search``, the sandbox's own
(``codeRetour``, French ``libelle``) everywhere else. An unexpected exception answers 500 and
leaves the connection open for the client's next request.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chorus_wizard import __version__
from chorus_wizard.contracts.room import TOKEN_HEADER as ROOM_TOKEN_HEADER
from chorus_wizard.contracts.signup import Code
from chorus_wizard.sandbox.context import SandboxContext, utc_now
from chorus_wizard.sandbox.faults import folder_words, request_words, storage_problem
from chorus_wizard.sandbox.mail.outbox import Outbox
from chorus_wizard.sandbox.mail.relay import SmtpRelay
from chorus_wizard.sandbox.piste.directory import build_directory_router
from chorus_wizard.sandbox.piste.models import NUL_ERROR, TOO_LONG_ERROR
from chorus_wizard.sandbox.piste.routes import (
    CODE_INVALID_BODY,
    EmptyReplyError,
    build_cpro_router,
    build_token_router,
)
from chorus_wizard.sandbox.portal.routes import build_portal_router
from chorus_wizard.sandbox.refusal import Refusal, refusal_handler, reply
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.journal import RoomJournal, RoomObserver
from chorus_wizard.sandbox.room.routes import build_room_router
from chorus_wizard.sandbox.signup.routes import build_signup_router
from chorus_wizard.sandbox.store.seed import load_seed
from chorus_wizard.sandbox.store.storage import Storage

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024

_TAGS = [
    {"name": "PISTE", "description": "Services de l'API Chorus Pro, au format PISTE réel."},
    {
        "name": "Annuaire",
        "description": "Annuaire des entreprises, au format recherche-entreprises.",
    },
    {
        "name": "Bac à sable",
        "description": "Services d'inscription propres au bac à sable (le portail seul les offre).",
    },
]

_TYPE_WORDS = {
    "string_type": "doit être une chaîne de caractères",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "bool_type": "doit valoir true ou false",
    "bool_parsing": "doit valoir true ou false",
    "list_type": "doit être une liste",
    "dict_type": "doit être un objet JSON",
    "model_type": "doit être un objet JSON",
    "model_attributes_type": "doit être un objet JSON",
    "greater_than_equal": "est trop petit",
    "less_than_equal": "est trop grand",
}


def _validation_message(exc: RequestValidationError) -> tuple[str, str, Code]:
    """``(field, French message, return code)`` for the first problem; never echoes the input."""
    errors = exc.errors()
    if not errors:
        return "", "La requête est invalide.", Code.INVALID_BODY
    error = errors[0]
    kind = str(error.get("type", ""))
    loc = [str(p) for p in error.get("loc", ())]
    if loc and loc[0] in ("body", "query", "path", "header"):
        loc = loc[1:]
    field = ".".join(loc)
    if kind == TOO_LONG_ERROR:
        champ = str((error.get("ctx") or {}).get("champ", field))
        return champ, str(error.get("msg", "")), Code.TOO_LONG
    if kind == NUL_ERROR:
        champ = str((error.get("ctx") or {}).get("champ", field))
        return champ, str(error.get("msg", "")), Code.CONTROL_CHARACTER
    if kind == "json_invalid":
        return "", "Le corps de la requête n'est pas un document JSON valide.", Code.INVALID_BODY
    if not field:
        if kind == "missing":
            return "", "Le corps de la requête (JSON) est obligatoire.", Code.INVALID_BODY
        return "", "Le corps de la requête doit être un objet JSON.", Code.INVALID_BODY
    if kind == "missing":
        return field, f"Le champ «\u00a0{field}\u00a0» est obligatoire.", Code.INVALID_BODY
    return (
        field,
        f"Le champ «\u00a0{field}\u00a0» {_TYPE_WORDS.get(kind, 'est invalide')}.",
        Code.INVALID_BODY,
    )


def _too_large_body(path: str) -> dict[str, Any]:
    libelle = f"La requête est trop volumineuse\u00a0: {MAX_BODY_BYTES // 1024} Kio au plus."
    if path.startswith("/search"):
        return {"erreur": libelle}
    return {"codeRetour": int(Code.BODY_TOO_LARGE), "libelle": libelle}


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413, announced or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            status = 413 if declared.isdigit() else 400
            body = _too_large_body(scope.get("path", ""))
            await JSONResponse(body, status_code=status)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise StarletteHTTPException(413)
            return message

        await self.app(scope, limited_receive, send)


class InternalErrorMiddleware:
    """Answer an unexpected exception with the sandbox's 500, and keep the connection open.

    An ``Exception`` handler registered on the app goes into Starlette's
    ``ServerErrorMiddleware``, which sends the handler's answer and then raises the exception
    again (so that servers log it); uvicorn, seeing an exception after the response has
    started, closes the connection, and the client's next request on it fails with a reset.
    Here the exception ends: it is logged by its type only and answered once.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            # The type only: messages could carry values from the request.
            log.error(
                "Erreur interne du bac à sable (%s) sur %s", type(exc).__name__, scope["path"]
            )
            if started:  # half an answer is out: only closing the connection can tell
                raise
            response = reply(500, Code.INTERNAL_ERROR, "Erreur interne du bac à sable.")
            await response(scope, receive, send)


#: French words for the refusals Starlette and FastAPI raise themselves.
_HTTP_WORDS = {
    400: "La requête est invalide\u00a0: son corps n'a pas pu être lu (un document JSON encodé en "
    "UTF-8 est attendu).",
    404: "Service inconnu du bac à sable.",
    405: "Méthode non permise pour ce service.",
}
_HTTP_CODES = {400: Code.INVALID_BODY, 404: Code.UNKNOWN_SERVICE, 405: Code.METHOD_NOT_ALLOWED}


def _install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Refusal, refusal_handler)

    @app.exception_handler(EmptyReplyError)
    async def empty_reply(request: Request, exc: EmptyReplyError) -> Response:
        return Response(status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        path = request.url.path
        field, message, code = _validation_message(exc)
        if path.startswith("/cpro/"):
            return JSONResponse({"codeRetour": CODE_INVALID_BODY, "libelle": message}, 400)
        if path.startswith("/search"):
            return JSONResponse({"erreur": message}, 400)
        return reply(400, code, message, **({"champ": field} if field else {}))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if path.startswith("/cpro/") and exc.status_code in (404, 405):
            # PISTE answers an unknown route or method with 403 and nothing else.
            return Response(status_code=403)
        status = exc.status_code
        headers = getattr(exc, "headers", None)
        if status == 413:
            return JSONResponse(_too_large_body(path), 413, headers=headers)
        # Never FastAPI's English detail: it may also echo what the request sent.
        words = _HTTP_WORDS.get(status, f"La requête a été refusée (HTTP {status}).")
        if path.startswith("/cpro/"):
            return JSONResponse(
                {"codeRetour": CODE_INVALID_BODY, "libelle": words}, status, headers=headers
            )
        if path.startswith("/search"):
            return JSONResponse({"erreur": words}, status, headers=headers)
        if path.startswith("/api/oauth/"):
            # PISTE's token service speaks OAuth 2 (RFC 6749 §5.2), in English.
            description = "Method not allowed" if status == 405 else "Malformed request"
            return JSONResponse(
                {"error": "invalid_request", "error_description": description},
                status,
                headers=headers,
            )
        response = reply(status, _HTTP_CODES.get(status, Code.INVALID_BODY), words)
        response.headers.update(headers or {})
        return response


def _install_storage_fault_handler(app: FastAPI, folder: Path) -> None:
    """A request that fails because the data folder ``folder`` cannot be written (a full
    disk, a read-only folder) answers 503 saying so, and logs one line; any other database or
    system error goes on to :class:`InternalErrorMiddleware` (500)."""

    async def storage_fault(request: Request, exc: Exception) -> Response:
        problem = storage_problem(exc, folder)
        if problem is None:
            raise exc
        log.error(
            "Demande refusée (503) sur %s\u00a0: %s (%s).",
            request.url.path,
            folder_words(problem, folder),
            type(exc).__name__,
        )
        words = request_words(problem)
        if request.url.path.startswith("/search"):
            return JSONResponse({"erreur": words}, 503)
        return reply(503, Code.INTERNAL_ERROR, words)

    app.add_exception_handler(sqlite3.Error, storage_fault)
    app.add_exception_handler(OSError, storage_fault)


def create_app(
    data_dir: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    public_url: str | None = None,
    seed_dir: Path | None = None,
    smtp: SmtpRelay | None = None,
    room: RoomConfig | None = None,
) -> FastAPI:
    """Build the sandbox application storing its state under ``data_dir / "sandbox"``.

    ``clock`` returns aware UTC datetimes (tests move it to expire codes and tokens);
    ``public_url`` is the base of activation links (default: the URL the request came to);
    ``seed_dir`` holds the seed JSON files (default: the shipped ``resources/sandbox``);
    ``smtp`` also sends every mail through that relay, besides the Maildir;
    ``room`` makes it a training room: its scenario's companies join the seed data, and the
    trainer's page is served under ``/salle`` (:mod:`chorus_wizard.sandbox.room.routes`).
    """
    seed = load_seed(seed_dir)
    if room is not None and room.scenario is not None:
        seed = room.scenario.apply(seed)
    root = data_dir / "sandbox"
    storage = Storage(root / "sandbox.db")
    ctx = SandboxContext(
        storage=storage,
        outbox=Outbox(root / "mail", storage, relay=smtp),
        seed=seed,
        clock=clock or utc_now,
        public_url=public_url.rstrip("/") if public_url else None,
        room_title=room.title if room is not None else None,
        room_path=(room.path or None) if room is not None else None,
    )
    with storage.transaction() as session:
        session.seed_registered(seed.registered, now=ctx.now().timestamp())
    ctx.outbox.recover()  # the mail a crash left between a commit and its delivery

    app = FastAPI(
        title="Chorus Pro — bac à sable de chorus-wizard",
        version=__version__,
        description="Serveur local qui tient lieu de Chorus Pro pour s'exercer à l'inscription.",
        openapi_tags=_TAGS,
        openapi_url="/openapi.json",
    )
    app.state.sandbox = ctx
    app.include_router(build_token_router(ctx))
    app.include_router(build_cpro_router(ctx))
    app.include_router(build_directory_router(seed.directory))
    app.include_router(
        build_signup_router(
            ctx,
            trainer=(lambda r: room.accepts(r.headers.get(ROOM_TOKEN_HEADER))) if room else None,
        )
    )
    app.include_router(build_portal_router(ctx))
    if room is not None:
        journal = RoomJournal()
        app.include_router(build_room_router(ctx, room, journal))
        app.add_middleware(RoomObserver, journal=journal, ctx=ctx)
    _install_error_handlers(app)
    _install_storage_fault_handler(app, root)
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(InternalErrorMiddleware)  # outermost: also catches the others' errors
    return app
