"""One place that turns ``httpx`` outcomes into the project's exceptions (see ``errors``)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from chorus_wizard import __version__
from chorus_wizard.backend.errors import (
    BackendError,
    NetworkError,
    ProtocolError,
    RateLimited,
    ServerError,
)
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import httpx  # imported on first use, in a worker: not on the first window's path

USER_AGENT = f"chorus-wizard/{__version__} (assistant d'inscription Chorus Pro)"
#: Seconds: connecting, then each read/write.
CONNECT_TIMEOUT_S = 5.0
IO_TIMEOUT_S = 10.0


def new_client(*, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An ``httpx.Client`` with the project's User-Agent and timeouts.

    Without an explicit ``transport``, TLS is set up on the first https request only: the
    embedded sandbox is plain HTTP on loopback, and loading the system's certificates takes
    about 100 ms during which Python's other threads, the GUI's included, cannot run.
    """
    import httpx

    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(IO_TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
        transport=transport or _per_scheme_transport(),
        follow_redirects=False,
    )


def _per_scheme_transport() -> httpx.BaseTransport:
    import threading

    import httpx

    class PerScheme(httpx.BaseTransport):
        """An ``httpx.HTTPTransport`` per URL scheme, each made on first use."""

        def __init__(self) -> None:
            self._lock = threading.Lock()
            self._transports: dict[str, httpx.HTTPTransport] = {}

        def _for(self, scheme: str) -> httpx.HTTPTransport:
            with self._lock:
                transport = self._transports.get(scheme)
                if transport is None:
                    # Plain HTTP never uses the TLS context: no certificates to load for it.
                    transport = httpx.HTTPTransport(verify=scheme == "https")
                    self._transports[scheme] = transport
                return transport

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return self._for(request.url.scheme).handle_request(request)

        def close(self) -> None:
            with self._lock:
                transports, self._transports = list(self._transports.values()), {}
            for transport in transports:
                transport.close()

    return PerScheme()


#: Pauses before the 2nd and 3rd attempt of an idempotent call that met a transient fault.
BACKOFF_S = (0.5, 1.5)
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


def capitalized(service: str) -> str:
    """« l'annuaire… » → « L'annuaire… » (str.capitalize would lower-case « INSEE »)."""
    return service[:1].upper() + service[1:]


def service_message(text: str, service: str) -> str:
    """``text`` in the interface's language, ``{service}``/``{Service}`` filled in.

    ``service`` is one of the names marked ``QT_TRANSLATE_NOOP("http", …)`` by the clients
    (« l'annuaire des entreprises »…), translated here; ``{Service}`` starts a sentence. Other
    placeholders are left for the caller's ``format``.
    """
    name = translate("http", service)
    return (
        translate("http", text).replace("{Service}", capitalized(name)).replace("{service}", name)
    )


def _transport_error(exc: httpx.HTTPError, service: str) -> NetworkError:
    """A French sentence for each way a request can fail before any answer."""
    import httpx

    text = " ".join(str(part) for part in (exc, exc.__cause__, exc.__context__) if part)
    lowered = text.lower()
    if isinstance(exc, httpx.ConnectTimeout):
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} ne répond pas (délai de connexion dépassé). Vérifiez votre "
                    "connexion à Internet puis réessayez.",
                ),
                service,
            )
        )
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http", "{Service} n'a pas répondu à temps. Réessayez dans un instant."
                ),
                service,
            )
        )
    if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "La connexion sécurisée avec {service} a échoué (certificat refusé). Vérifiez "
                    "la date et l'heure de l'ordinateur ; sur un réseau d'entreprise, un proxy "
                    "peut en être la cause.",
                ),
                service,
            )
        )
    if any(
        word in lowered
        for word in (
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo",
            "name resolution",
            "no address associated",
        )
    ):
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "Adresse du serveur introuvable ({service}) : l'ordinateur n'est peut-être pas "
                    "connecté à Internet.",
                ),
                service,
            )
        )
    if "refused" in lowered:
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} refuse la connexion : le service est arrêté ou inaccessible. "
                    "Réessayez dans quelques minutes.",
                ),
                service,
            )
        )
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http", "{Service} a interrompu sa réponse avant la fin. Réessayez."
                ),
                service,
            )
        )
    if isinstance(exc, httpx.ConnectError):
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "Impossible de joindre {service}. Vérifiez votre connexion à Internet puis "
                    "réessayez.",
                ),
                service,
            )
        )
    return NetworkError(
        service_message(
            QT_TRANSLATE_NOOP(
                "http", "La communication avec {service} a échoué ({error}). Réessayez."
            ),
            service,
        ).format(error=type(exc).__name__)
    )


def send(
    client: httpx.Client,
    method: str,
    url: str,
    service: str,
    *,
    idempotent: bool | None = None,
    sleep: Callable[[float], None] = time.sleep,
    **kwargs: Any,
) -> httpx.Response:
    """Send one request; transport failures and 5xx/429 become :class:`BackendError`.

    ``service`` names the remote service in messages ("le bac à sable", "l'annuaire des
    entreprises"…). Other statuses are returned for the caller to interpret. Idempotent
    calls (GET, PUT… or ``idempotent=True``, e.g. a POST carrying an Idempotency-Key) are
    tried again after a transport fault or a 5xx, with a short back-off.
    """
    if idempotent is None:
        idempotent = method.upper() in _IDEMPOTENT_METHODS
    pauses = list(BACKOFF_S) if idempotent else []
    while True:
        try:
            return _send_once(client, method, url, service, **kwargs)
        except (NetworkError, ServerError):
            if not pauses:
                raise
            sleep(pauses.pop(0))


def _send_once(
    client: httpx.Client, method: str, url: str, service: str, **kwargs: Any
) -> httpx.Response:
    import httpx

    try:
        response = client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        raise _transport_error(exc, service) from exc
    if response.status_code == 429:
        retry_after = _retry_after(response)
        if retry_after:
            message = service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} reçoit trop de demandes. Patientez {seconds} s puis réessayez.",
                ),
                service,
            ).format(seconds=int(retry_after))
        else:
            message = service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} reçoit trop de demandes.",
                ),
                service,
            )
        raise RateLimited(message, retry_after)
    if response.status_code >= 500:
        raise ServerError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} rencontre un problème (erreur {status}). Réessayez dans quelques "
                    "minutes.",
                ),
                service,
            ).format(status=response.status_code),
            response.status_code,
        )
    return response


def json_body(response: httpx.Response, service: str) -> dict[str, Any]:
    """The response's JSON object, or :class:`ProtocolError` if it is not one."""
    try:
        data = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http", "{Service} a envoyé une réponse illisible (HTTP {status})."
                ),
                service,
            ).format(status=response.status_code)
        ) from exc
    if not isinstance(data, dict):
        raise ProtocolError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} a envoyé une réponse inattendue.",
                ),
                service,
            )
        )
    return data


def field(data: dict[str, Any], key: str, kind: type, service: str) -> Any:
    """``data[key]`` checked to be of ``kind``; :class:`ProtocolError` otherwise."""
    value = data.get(key)
    if not isinstance(value, kind):
        raise ProtocolError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http", "{Service} a envoyé une réponse inattendue : « {key} » manquant."
                ),
                service,
            ).format(key=key)
        )
    return value


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


__all__ = ["USER_AGENT", "BackendError", "field", "json_body", "new_client", "send"]
