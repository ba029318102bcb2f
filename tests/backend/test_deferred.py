"""DeferredService: the profile at once, the real service on first use, built once."""

from __future__ import annotations

import threading
import time

from chorus_wizard.backend.deferred import DeferredService
from chorus_wizard.backend.forms import SignupRequest, StructureForm
from chorus_wizard.backend.profiles import sandbox_profile
from chorus_wizard.backend.service import SignupService
from chorus_wizard.domain.identifiers import IdentifierType
from tests.fakes import DINUM, FakeService


class Recorder(FakeService):
    def __init__(self) -> None:
        super().__init__()
        self.closed = 0
        self.reloaded = 0

    def close(self) -> None:
        self.closed += 1

    def reload_credentials(self) -> None:
        self.reloaded += 1


def test_profile_without_building_then_calls_go_to_the_one_service() -> None:
    profile = sandbox_profile("http://127.0.0.1:1")
    made: list[Recorder] = []

    def build() -> SignupService:
        made.append(Recorder())
        return made[-1]

    service = DeferredService(profile, build)
    assert service.profile is profile
    service.reload_credentials()  # nothing built: nothing to reload, nothing built for it
    service.close()
    assert made == [] and not service.built

    lookup = service.lookup(IdentifierType.SIRET, DINUM.siret)
    assert lookup.company == DINUM
    request = SignupRequest("a@b.fr", "Nom", "Prénom", StructureForm(identifier=DINUM.siret))
    service.create_account(request, "clé")
    service.workspaces()
    assert len(made) == 1 and service.built
    assert made[0].calls == ["lookup", "create_account", "workspaces"]
    service.reload_credentials()
    service.close()
    assert (made[0].reloaded, made[0].closed) == (1, 1)


def test_threads_asking_at_once_build_it_once() -> None:
    started = threading.Barrier(8)
    builds: list[int] = []

    def build() -> SignupService:
        builds.append(1)
        time.sleep(0.05)  # an import takes a while: the others arrive meanwhile
        return FakeService()

    service = DeferredService(sandbox_profile("http://127.0.0.1:1"), build)

    def ask() -> None:
        started.wait()
        service.ready()

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert builds == [1]
