"""Every way a request can fail says what happened; idempotent calls are tried again."""

from __future__ import annotations

import ssl

import httpx
import pytest

from chorus_wizard.backend.errors import NetworkError, ServerError
from chorus_wizard.backend.http import send

SERVICE = "l'API Sirene de l'INSEE"


def failing(exc: Exception) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return httpx.Client(transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(
    ("exc", "words"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "refuse la connexion"),
        (httpx.ConnectError("[Errno -2] Name or service not known"), "introuvable"),
        (httpx.ConnectError("[Errno 8] nodename nor servname provided"), "introuvable"),
        (
            httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
            "connexion sécurisée",
        ),
        (httpx.ConnectTimeout("timed out"), "délai de connexion dépassé"),
        (httpx.ReadTimeout("timed out"), "n'a pas répondu à temps"),
        (httpx.RemoteProtocolError("peer closed connection"), "interrompu sa réponse"),
        (httpx.ConnectError("something else"), "Impossible de joindre"),
    ],
)
def test_transport_faults_have_their_own_words(exc: Exception, words: str) -> None:
    with pytest.raises(NetworkError, match=words):
        send(failing(exc), "POST", "https://x.test/", SERVICE)


def test_tls_error_from_the_cause() -> None:
    error = httpx.ConnectError("handshake")
    error.__cause__ = ssl.SSLCertVerificationError("certificate verify failed")
    with pytest.raises(NetworkError, match="certificat refusé"):
        send(failing(error), "GET", "https://x.test/", SERVICE)


def test_service_name_keeps_its_capitals() -> None:
    with pytest.raises(NetworkError, match=r"^L'API Sirene de l'INSEE n'a pas répondu"):
        send(failing(httpx.ReadTimeout("t")), "POST", "https://x.test/", SERVICE)


def counting(*responses: httpx.Response) -> tuple[httpx.Client, list[str]]:
    seen: list[str] = []
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return httpx.Client(transport=httpx.MockTransport(handler)), seen


def test_get_is_tried_three_times_then_reported() -> None:
    client, seen = counting(httpx.Response(503))
    pauses: list[float] = []
    with pytest.raises(ServerError):
        send(client, "GET", "https://x.test/", SERVICE, sleep=pauses.append)
    assert seen == ["GET"] * 3 and len(pauses) == 2


def test_get_recovers_after_a_transient_fault() -> None:
    client, seen = counting(httpx.Response(502), httpx.Response(200, json={}))
    assert send(client, "GET", "https://x.test/", SERVICE).status_code == 200
    assert len(seen) == 2


def test_plain_post_is_never_repeated() -> None:
    client, seen = counting(httpx.Response(503))
    with pytest.raises(ServerError):
        send(client, "POST", "https://x.test/", SERVICE)
    assert seen == ["POST"]


def test_post_with_an_idempotency_key_is_repeated() -> None:
    client, seen = counting(httpx.Response(500), httpx.Response(201, json={}))
    response = send(client, "POST", "https://x.test/", SERVICE, idempotent=True)
    assert response.status_code == 201 and seen == ["POST", "POST"]


def test_tls_is_set_up_for_https_only_and_verifies() -> None:
    import ssl

    from chorus_wizard.backend.http import new_client

    client = new_client()
    transport = client._transport
    https = transport._for("https")  # type: ignore[attr-defined]
    http = transport._for("http")  # type: ignore[attr-defined]
    assert https is transport._for("https")  # type: ignore[attr-defined]  # made once
    assert https._pool._ssl_context.verify_mode == ssl.CERT_REQUIRED
    assert https._pool._ssl_context.check_hostname
    assert http is not https
    client.close()
