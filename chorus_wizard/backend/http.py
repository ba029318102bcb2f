"""One place that turns ``httpx`` outcomes into the project's exceptions (see ``errors``)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime, timedelta
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
    embedded sandbox is plain HTTP on loopback, and loading the system's certificates holds
    the GIL long enough to stall Python's other threads, the GUI's included
    (docs/performance.md).
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


#: OpenSSL's words when the other end answers a TLS handshake with something else (plain HTTP).
_NOT_TLS_MARKERS = (
    "wrong_version_number",
    "wrong version number",
    "record layer failure",
    "record_layer_failure",
    "packet length too long",
    "packet_length_too_long",
    "unknown protocol",
    "http_request",
)


def human_wait(seconds: float) -> str:
    """« quelques secondes », « 30 secondes », « environ 5 minutes », « environ une heure »…"""
    if seconds < 10:
        return translate("http", "quelques secondes")
    if seconds < 60:
        return translate("http", "{count} secondes").format(count=int(seconds))
    minutes = round(seconds / 60)
    if minutes < 2:
        return translate("http", "environ une minute")
    if minutes < 50:
        return translate("http", "environ {count} minutes").format(count=minutes)
    hours = round(seconds / 3600)
    if hours < 2:
        return translate("http", "environ une heure")
    if hours < 20:
        return translate("http", "environ {count} heures").format(count=hours)
    days = round(seconds / 86400)
    if days < 2:
        return translate("http", "environ un jour")
    return translate("http", "environ {count} jours").format(count=days)


def wait_message(service: str, seconds: float, now: datetime | None = None) -> str:
    """What a 429 that asks to wait ``seconds`` tells the user: the wait in words and, past a
    few minutes, the time of day to come back (a reminder to note)."""
    wait = human_wait(seconds)
    if seconds < 300:
        return service_message(
            QT_TRANSLATE_NOOP("http", "{Service} reçoit trop de demandes. Réessayez dans {wait}."),
            service,
        ).format(wait=wait)
    then = (now or datetime.now().astimezone()) + timedelta(seconds=seconds)
    clock = translate("http", "{hour} h {minute:02d}").format(hour=then.hour, minute=then.minute)
    if seconds >= 86400:
        clock = translate("http", "le {day:02d}/{month:02d} à {clock}").format(
            day=then.day, month=then.month, clock=clock
        )
    return service_message(
        QT_TRANSLATE_NOOP(
            "http",
            "{Service} reçoit trop de demandes. Réessayez dans {wait} : notez de revenir vers "
            "{clock}.",
        ),
        service,
    ).format(wait=wait, clock=clock)


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
    if any(marker in lowered for marker in _NOT_TLS_MARKERS):
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} ne parle pas HTTPS à cette adresse : le serveur y répond en HTTP "
                    "simple, sans chiffrement. Vérifiez l'adresse configurée (https:// au lieu "
                    "de http://, ou le numéro de port).",
                ),
                service,
            )
        )
    if "certificate" in lowered or "cert_" in lowered:
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "La connexion sécurisée avec {service} a échoué (certificat refusé). Vérifiez "
                    "la date et l'heure de l'ordinateur\u00a0; sur un réseau d'entreprise, un "
                    "proxy peut en être la cause.",
                ),
                service,
            )
        )
    if "ssl" in lowered or "tls" in lowered:
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "La connexion sécurisée avec {service} a échoué (négociation TLS "
                    "interrompue). Réessayez ; sur un réseau d'entreprise, un proxy peut en être "
                    "la cause.",
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
                    "Adresse du serveur introuvable ({service})\u00a0: l'ordinateur n'est "
                    "peut-être pas connecté à Internet.",
                ),
                service,
            )
        )
    if "refused" in lowered:
        return NetworkError(
            service_message(
                QT_TRANSLATE_NOOP(
                    "http",
                    "{Service} refuse la connexion\u00a0: le service est arrêté ou inaccessible. "
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
            message = wait_message(service, retry_after)
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
                    "http",
                    "{Service} a envoyé une réponse inattendue\u00a0: "
                    "«\u00a0{key}\u00a0» manquant.",
                ),
                service,
            ).format(key=key)
        )
    return value


def _retry_after(response: httpx.Response) -> float | None:
    """``Retry-After`` in seconds: a number, or an HTTP date (RFC 9110)."""
    value = response.headers.get("Retry-After", "").strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - datetime.now(when.tzinfo)).total_seconds())


__all__ = ["USER_AGENT", "BackendError", "field", "json_body", "new_client", "send"]
