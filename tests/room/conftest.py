"""Fixtures of the training-room tests: a real sandbox on loopback, run as a room with the
full shipped scenario, and simulated trainees using the wizard's own HTTP client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from chorus_wizard.contracts.room import TOKEN_HEADER
from chorus_wizard.resources import resource_path
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import Scenario, Situation, load_scenario
from chorus_wizard.sandbox.server import SandboxServer
from tests.room.trainee import TodayTrainee, Trainee
from tests.sandbox.helpers import serving

FULL_SESSION = resource_path("scenarios", "session-complete.toml")
SHORT_DEMO = resource_path("scenarios", "demo-courte.toml")


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    return load_scenario(FULL_SESSION)


def sirets(scenario: Scenario, situation: Situation) -> list[str]:
    return [c.identifier for c in scenario.companies if c.situation is situation]


@pytest.fixture
def room(scenario: Scenario) -> RoomConfig:
    return RoomConfig(scenario=scenario)


@pytest.fixture
def room_server(tmp_path: Path, room: RoomConfig) -> Iterator[SandboxServer]:
    """The sandbox as ``chorus-wizard-sandbox --scenario session-complete.toml`` runs it."""
    with serving(SandboxServer(tmp_path / "data", room=room)) as server:
        yield server


@pytest.fixture
def trainer(room_server: SandboxServer, room: RoomConfig) -> Iterator[httpx.Client]:
    """The trainer's HTTP client: the room's token on every request."""
    with httpx.Client(
        base_url=room_server.base_url, headers={TOKEN_HEADER: room.token}, timeout=20
    ) as http:
        yield http


@pytest.fixture
def make_trainee(room_server: SandboxServer) -> Iterator[Callable[..., Trainee]]:
    made: list[Trainee] = []

    def make(
        email: str, siret: str, first_name: str = "Jeanne", last_name: str = "Martin"
    ) -> Trainee:
        trainee = Trainee(
            room_server.base_url,
            room_server.data_dir / "sandbox" / "mail",
            email,
            siret,
            first_name,
            last_name,
        )
        made.append(trainee)
        return trainee

    yield make
    for trainee in made:
        trainee.close()


@pytest.fixture
def make_today(room_server: SandboxServer) -> Iterator[Callable[..., TodayTrainee]]:
    made: list[TodayTrainee] = []

    def make(email: str, first_name: str = "Camille", last_name: str = "Durand") -> TodayTrainee:
        trainee = TodayTrainee(
            room_server.base_url,
            room_server.data_dir / "sandbox" / "mail",
            email,
            first_name,
            last_name,
        )
        made.append(trainee)
        return trainee

    yield make
    for trainee in made:
        trainee.close()
