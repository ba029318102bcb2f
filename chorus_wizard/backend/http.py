"""One place that turns ``httpx`` outcomes into the project's exceptions (see ``errors``)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from chorus_wizard import __version__
from chorus_wizard.backend.errors import (
    BackendError,
    NetworkError,
    ProtocolError,
    RateLimited,
    ServerError,
)

USER_AGENT = f"chorus-wizard/{__version__} (assistant d'inscription Chorus Pro)"
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


def new_client(*, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An ``httpx.Client`` with the project's User-Agent and timeouts."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=DEFAULT_TIMEOUT,
        transport=transport,
        follow_redirects=False,
    )


def send(
    client: httpx.Client, method: str, url: str, service: str, **kwargs: Any
) -> httpx.Response:
    """Send one request; transport failures and 5xx/429 become :class:`BackendError`.

    ``service`` names the remote service in messages ("le bac à sable", "l'annuaire des
    entreprises"…). Other statuses are returned for the caller to interpret.
    """
    try:
        response = client.request(method, url, **kwargs)
    except httpx.TimeoutException as exc:
        raise NetworkError(
            f"{service.capitalize()} n'a pas répondu à temps. Vérifiez votre connexion "
            "puis réessayez."
        ) from exc
    except httpx.ConnectError as exc:
        raise NetworkError(
            f"Impossible de joindre {service}. Vérifiez votre connexion à Internet puis réessayez."
        ) from exc
    except httpx.HTTPError as exc:
        raise NetworkError(
            f"La communication avec {service} a échoué ({type(exc).__name__}). Réessayez."
        ) from exc
    if response.status_code == 429:
        retry_after = _retry_after(response)
        wait = f" Patientez {int(retry_after)} s puis réessayez." if retry_after else ""
        raise RateLimited(f"{service.capitalize()} reçoit trop de demandes.{wait}", retry_after)
    if response.status_code >= 500:
        raise ServerError(
            f"{service.capitalize()} rencontre un problème (erreur {response.status_code}). "
            "Réessayez dans quelques minutes.",
            response.status_code,
        )
    return response


def json_body(response: httpx.Response, service: str) -> dict[str, Any]:
    """The response's JSON object, or :class:`ProtocolError` if it is not one."""
    try:
        data = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(
            f"Réponse illisible de {service} (HTTP {response.status_code})."
        ) from exc
    if not isinstance(data, dict):
        raise ProtocolError(f"Réponse inattendue de {service}.")
    return data


def field(data: dict[str, Any], key: str, kind: type, service: str) -> Any:
    """``data[key]`` checked to be of ``kind``; :class:`ProtocolError` otherwise."""
    value = data.get(key)
    if not isinstance(value, kind):
        raise ProtocolError(f"Réponse inattendue de {service} : « {key} » manquant.")
    return value


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


__all__ = ["USER_AGENT", "BackendError", "field", "json_body", "new_client", "send"]
