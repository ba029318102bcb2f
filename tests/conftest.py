"""Test-wide setup: headless Qt, nothing written outside the test's own folder, no real keychain."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring.core
import pytest
from PySide6.QtWidgets import QApplication

import chorus_wizard.backend.http
from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every per-user location at the test's folder so no real profile is touched."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    """The tests run on the program's own application class."""
    from chorus_wizard.ui.application import WizardApplication

    return WizardApplication


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests collect garbage on the GUI thread, as the wizard does (ui/collector.py)."""
    if not {"qapp", "qtbot"} & set(request.fixturenames):
        yield
        return
    from chorus_wizard.ui.collector import collect_on_gui_thread

    collector = collect_on_gui_thread(request.getfixturevalue("qapp"))
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def _no_backoff_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries keep happening, without the real pauses between them."""
    monkeypatch.setattr(chorus_wizard.backend.http, "BACKOFF_S", (0.0, 0.0))


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """Swap in an in-memory keyring for this test; child processes get the fail backend."""
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return backend
