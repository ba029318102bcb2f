"""How the signup services say no: raise :class:`Refusal`, one handler answers it.

The rules (:mod:`~chorus_wizard.sandbox.signup.desk`) raise a :class:`Refusal` wherever a
request breaks one; :func:`refusal_handler`, registered once on the app, turns it into the
sandbox's own error shape ``{"codeRetour", "libelle", "champ"?, ...}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from chorus_wizard.contracts.record import Field
from chorus_wizard.contracts.signup import Code
from chorus_wizard.domain.text import has_control_character, text_problem


def reply(status: int, code: Code, libelle: str, **extra: Any) -> JSONResponse:
    """A sandbox answer: ``{"codeRetour", "libelle", ...}``."""
    return JSONResponse({"codeRetour": int(code), "libelle": libelle, **extra}, status_code=status)


def answer(status: int, body: BaseModel) -> JSONResponse:
    """A success answer of the contract's shape (absent optional keys left out)."""
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=status)


class Refusal(Exception):
    """A request the signup services refuse: status, code, French reason, refused field."""

    def __init__(
        self,
        status: int,
        code: Code,
        libelle: str,
        *,
        champ: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(libelle)
        self.status = status
        self.code = code
        self.libelle = libelle
        self.headers = headers or {}
        self.extra = {**({"champ": champ} if champ else {}), **extra}

    def response(self) -> JSONResponse:
        response = reply(self.status, self.code, self.libelle, **self.extra)
        response.headers.update(self.headers)
        return response


async def refusal_handler(request: Request, exc: Exception) -> JSONResponse:
    """The app's one handler for :class:`Refusal`."""
    assert isinstance(exc, Refusal)
    return exc.response()


def field_refusal(code: Code, field: str, libelle: str) -> Refusal:
    return Refusal(400, code, libelle, champ=field)


def missing(field: str, label: str) -> Refusal:
    return field_refusal(
        Code.MISSING_FIELD, field, f"Le champ «\u00a0{label}\u00a0» est obligatoire."
    )


def _value_at(data: dict[str, Any], path: str) -> object:
    value: object = data
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def check_texts(body: BaseModel, fields: Iterable[Field]) -> None:
    """Refuse the first of ``fields`` whose text, at its wire path in ``body``, holds a control
    character or is too long."""
    data = body.model_dump()
    for field in fields:
        value = _value_at(data, field.wire)
        if not isinstance(value, str):
            continue
        problem = text_problem(value, field.max_length, field.label)
        if problem:
            code = Code.CONTROL_CHARACTER if has_control_character(value) else Code.TOO_LONG
            raise field_refusal(code, field.wire, problem)
