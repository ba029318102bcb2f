"""Fixtures for the sandbox tests: a real SandboxServer on loopback, a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.store.seed import SeedData, load_seed
from tests.sandbox.helpers import FakeClock, cpro_account_header, get_token, serving


@pytest.fixture(scope="session")
def seed() -> SeedData:
    return load_seed()


@pytest.fixture(scope="session")
def free_siret(seed: SeedData) -> str:
    """An active SIRET of the directory that is not pre-registered (DINUM when present)."""
    registered = {s.identifier for s in seed.registered}
    active = sorted(
        siret
        for siret, est in seed.directory.by_siret.items()
        if est.active and siret not in registered
    )
    if not active:
        pytest.skip("no active SIRET in resources/sandbox/directory.json")
    return "13002526500013" if "13002526500013" in active else active[0]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sandbox(tmp_path: Path, clock: FakeClock) -> Iterator[SandboxServer]:
    """A real sandbox server on 127.0.0.1, a free port, data under the test's folder."""
    with serving(SandboxServer(tmp_path / "data", clock=clock)) as server:
        yield server


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, timeout=20) as http:
        yield http


@pytest.fixture
def piste_headers(client: httpx.Client) -> dict[str, str]:
    return {"Authorization": f"Bearer {get_token(client)}", "cpro-account": cpro_account_header()}
