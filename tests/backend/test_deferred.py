"""DeferredService: the profile at once (or located on first use), the real service on first
use, built once."""

from __future__ import annotations

import threading
import time

from chorus_wizard.backend.deferred import DeferredService
from chorus_wizard.backend.forms import SignupRequest, StructureForm
from chorus_wizard.backend.profiles import BackendProfile, sandbox_profile
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

    def build(built_for: BackendProfile) -> SignupService:
        assert built_for is profile
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

    def build(_profile: BackendProfile) -> SignupService:
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


def test_a_profile_given_as_a_function_is_located_once_when_first_needed() -> None:
    located: list[BackendProfile] = []
    built_for: list[BackendProfile] = []

    def locate() -> BackendProfile:
        time.sleep(0.05)  # binding a socket: the other threads arrive meanwhile
        located.append(sandbox_profile(f"http://127.0.0.1:{1000 + len(located)}"))
        return located[-1]

    def build(profile: BackendProfile) -> SignupService:
        built_for.append(profile)
        return FakeService()

    service = DeferredService(locate, build)
    assert located == []  # nothing bound by making it
    started = threading.Barrier(4)
    seen: list[str] = []

    def ask() -> None:
        started.wait()
        seen.append(service.profile.api_base)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert len(located) == 1
    assert seen == ["http://127.0.0.1:1000"] * 4
    service.ready()
    assert built_for == located
