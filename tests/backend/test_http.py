"""Every way a request can fail says what happened; idempotent calls are tried again."""

from __future__ import annotations

import ssl
from datetime import UTC

import httpx
import pytest

from chorus_wizard.backend.errors import NetworkError, RateLimited, ServerError
from chorus_wizard.backend.http import human_wait, send, wait_message

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


@pytest.mark.parametrize(
    "text",
    [
        "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)",
        "[SSL] record layer failure (_ssl.c:1000)",
        "[SSL: PACKET_LENGTH_TOO_LONG] packet length too long",
    ],
)
def test_tls_to_a_plain_http_port_says_so(text: str) -> None:
    with pytest.raises(NetworkError, match="ne parle pas HTTPS") as caught:
        send(failing(httpx.ConnectError(text)), "GET", "https://x.test/", SERVICE)
    assert "certificat" not in str(caught.value)


def test_https_to_a_real_plain_http_server_says_it_does_not_speak_https() -> None:
    """The words OpenSSL really gives on this machine, from a real plain-HTTP listener."""
    import http.server
    import threading

    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with httpx.Client(timeout=5) as client, pytest.raises(NetworkError) as caught:
            send(client, "GET", f"https://127.0.0.1:{port}/", SERVICE, idempotent=False)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert "ne parle pas HTTPS" in str(caught.value)
    assert "certificat refusé" not in str(caught.value)


def test_a_handshake_failure_that_is_not_a_certificate_is_not_called_one() -> None:
    with pytest.raises(NetworkError, match="négociation TLS") as caught:
        send(
            failing(httpx.ConnectError("[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] alert")),
            "GET",
            "https://x.test/",
            SERVICE,
        )
    assert "certificat" not in str(caught.value)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (3, "quelques secondes"),
        (30, "30 secondes"),
        (90, "environ 2 minutes"),
        (600, "environ 10 minutes"),
        (3600, "environ une heure"),
        (3 * 3600, "environ 3 heures"),
        (86400, "environ un jour"),
        (3 * 86400, "environ 3 jours"),
    ],
)
def test_waits_are_said_in_words(seconds: float, words: str) -> None:
    assert human_wait(seconds) == words


def test_a_429_of_an_hour_reads_about_an_hour_and_when_to_come_back() -> None:
    client = httpx.Client(
        transport=httpx.MockTransport(
            lambda r: httpx.Response(429, headers={"Retry-After": "3600"})
        )
    )
    with pytest.raises(RateLimited) as caught:
        send(client, "GET", "https://x.test/", SERVICE)
    message = str(caught.value)
    assert "environ une heure" in message and "notez de revenir vers" in message
    assert "3600" not in message and "Patientez" not in message
    assert caught.value.retry_after == 3600


def test_the_time_to_come_back_is_the_local_clock() -> None:
    from datetime import datetime

    now = datetime(2026, 5, 4, 18, 50, tzinfo=UTC)
    assert wait_message(SERVICE, 3600, now).endswith("vers 19 h 50.")
    assert "le 06/05 à 18 h 50" in wait_message(SERVICE, 2 * 86400, now)
    assert wait_message(SERVICE, 30, now).endswith("Réessayez dans 30 secondes.")


def test_retry_after_as_an_http_date() -> None:
    from datetime import datetime, timedelta
    from email.utils import format_datetime

    later = format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
    client = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(429, headers={"Retry-After": later}))
    )
    with pytest.raises(RateLimited, match="environ 2 heures") as caught:
        send(client, "GET", "https://x.test/", SERVICE)
    assert caught.value.retry_after is not None and 7000 < caught.value.retry_after <= 7200


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
