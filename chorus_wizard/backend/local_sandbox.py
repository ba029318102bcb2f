"""The embedded sandbox that could not start says why, at the first call, not after a timeout.

The wizard binds the sandbox's socket itself and its process serves it (see
:mod:`chorus_wizard.sandbox.process.parent`): a process that fails (a full disk, a read-only data
folder, a damaged database) would leave requests waiting in the socket's backlog until the
HTTP timeout, then blamed on the network. :func:`sandbox_client` gives the signup service a
client whose requests to the sandbox fail with :class:`SandboxUnavailable` instead, as soon
as the process has said why it stopped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

import httpx

from chorus_wizard.backend.errors import BackendError
from chorus_wizard.backend.http import new_client
from chorus_wizard.files import StartFailure, WriteProblem
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

#: After a transport fault while the process is still starting, how long to wait for it to
#: say whether it failed (it says so as it ends: this is only an upper bound).
GRACE_S = 2.0

_PROBLEMS = {
    WriteProblem.DISK_FULL.value: QT_TRANSLATE_NOOP("local_sandbox", "le disque est plein"),
    WriteProblem.READ_ONLY.value: QT_TRANSLATE_NOOP(
        "local_sandbox", "son dossier {path} est en lecture seule"
    ),
    WriteProblem.DENIED.value: QT_TRANSLATE_NOOP(
        "local_sandbox", "son dossier {path} n'autorise pas l'écriture"
    ),
    WriteProblem.DAMAGED_DATABASE.value: QT_TRANSLATE_NOOP(
        "local_sandbox", "sa base de données {path} est endommagée"
    ),
}
OTHER_PROBLEM = QT_TRANSLATE_NOOP("local_sandbox", "erreur inattendue ({error}, {path})")
NOT_STARTED = QT_TRANSLATE_NOOP(
    "local_sandbox",
    "Le bac à sable n'a pas pu démarrer : {why}. Corrigez ce problème, puis fermez et "
    "relancez l'assistant ; vos saisies sont conservées.",
)
DISK_FULL_HINT = QT_TRANSLATE_NOOP(
    "local_sandbox",
    "Le bac à sable n'a pas pu démarrer : le disque est plein ({path}). Libérez de la "
    "place, puis fermez et relancez l'assistant ; vos saisies sont conservées.",
)


class SandboxUnavailable(BackendError):
    """The embedded sandbox's process could not start; ``str()`` says why, in French.

    Not retryable: the same process will not start on a second try; the wizard must be
    started again once the cause is fixed.
    """

    def __init__(self, message: str, failure: StartFailure) -> None:
        super().__init__(message)
        self.failure = failure


def describe_start_failure(failure: StartFailure) -> str:
    """« Le bac à sable n'a pas pu démarrer : le disque est plein… » for ``failure``."""
    if failure.problem == WriteProblem.DISK_FULL.value:
        return translate("local_sandbox", DISK_FULL_HINT).format(path=failure.path)
    why = translate("local_sandbox", _PROBLEMS.get(failure.problem, OTHER_PROBLEM)).format(
        path=failure.path, error=failure.error
    )
    return translate("local_sandbox", NOT_STARTED).format(why=why)


class GuardedTransport(httpx.BaseTransport):
    """Sends requests; those to ``origin`` fail with :class:`SandboxUnavailable` once
    ``failure(timeout)`` (which may wait up to ``timeout`` seconds) reports one."""

    def __init__(self, origin: str, failure: Callable[[float], StartFailure | None]) -> None:
        self._origin = httpx.URL(origin)
        self._failure = failure
        self._lock = threading.Lock()
        self._transports: dict[str, httpx.HTTPTransport] = {}

    def _for(self, scheme: str) -> httpx.HTTPTransport:
        with self._lock:
            transport = self._transports.get(scheme)
            if transport is None:
                # As new_client's own: no certificates loaded for plain HTTP (the sandbox).
                transport = httpx.HTTPTransport(verify=scheme == "https")
                self._transports[scheme] = transport
            return transport

    def _to_sandbox(self, url: httpx.URL) -> bool:
        origin = self._origin
        return (url.scheme, url.host, url.port) == (origin.scheme, origin.host, origin.port)

    def _raise_if_failed(self, timeout: float, cause: BaseException | None = None) -> None:
        failure = self._failure(timeout)
        if failure is not None:
            raise SandboxUnavailable(describe_start_failure(failure), failure) from cause

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self._to_sandbox(request.url):
            return self._for(request.url.scheme).handle_request(request)
        self._raise_if_failed(0)
        try:
            return self._for(request.url.scheme).handle_request(request)
        except httpx.TransportError as exc:
            self._raise_if_failed(GRACE_S, exc)
            raise

    def close(self) -> None:
        with self._lock:
            transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            transport.close()


class LocalSandbox(Protocol):
    """What the client needs of the embedded sandbox's process
    (:class:`chorus_wizard.sandbox.process.parent.SandboxProcess`)."""

    def bind(self) -> str: ...

    def wait_failure(self, timeout: float) -> StartFailure | None: ...


def sandbox_client(sandbox: LocalSandbox) -> httpx.Client:
    """The signup service's HTTP client for the embedded ``sandbox`` (binds its socket)."""
    return new_client(transport=GuardedTransport(sandbox.bind(), sandbox.wait_failure))
