"""A draft that cannot be written is said on the page at once, and written again quietly."""

from __future__ import annotations

import errno
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.contracts.record import Signup
from chorus_wizard.drafts import DraftStore
from chorus_wizard.ui.drafts import DraftKeeper, offer_resume
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.tmpfs import fill, remount, tiny_tmpfs
from tests.ui.flows import fake_wizard

EMAIL = "marie.durand@exemple.fr"
DISK_FULL = "Le disque est plein\u00a0: vos saisies ne peuvent plus être enregistrées."


class FailingStore(DraftStore):
    """A draft store whose writes fail with ``failure`` while it is set (a disk made full)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.failure: OSError | None = None
        self.attempts = 0

    def save(self, page: int, signup: Signup, progress: dict[str, Any]) -> None:
        self.attempts += 1
        if self.failure is not None:
            raise self.failure
        super().save(page, signup, progress)


def keeper_on(qtbot: QtBot, store: DraftStore) -> tuple[SignupWizard, DraftKeeper, IdentifyPage]:
    wizard = fake_wizard(qtbot, FakeService())
    keeper = DraftKeeper(wizard, store)
    offer_resume(wizard, keeper, store)
    wizard.show()
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    return wizard, keeper, identify


def shown(keeper: DraftKeeper, page: PageId) -> str:
    """The keeper's message on ``page`` if it is shown there, else ""."""
    banner = keeper.banners.get(page)
    return banner.text() if banner is not None and banner.isVisible() else ""


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), DISK_FULL),
        (OSError(errno.EROFS, "Read-only file system"), "est en lecture seule\u00a0: vos saisies"),
        (PermissionError(errno.EACCES, "Permission denied"), "n'autorise pas l'écriture"),
    ],
    ids=["ENOSPC", "EROFS", "EACCES"],
)
def test_a_failed_write_is_said_at_once_then_goes_when_writing_works(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, error: OSError, words: str
) -> None:
    store = FailingStore(tmp_path)
    store.failure = error
    wizard, keeper, identify = keeper_on(qtbot, store)
    typed = time.monotonic()
    identify.email.setText(EMAIL)
    qtbot.waitUntil(lambda: bool(shown(keeper, PageId.IDENTIFY)))
    print(f"message shown {time.monotonic() - typed:.2f} s after typing")
    assert store.attempts == 1  # said on the first failed write, not after retries
    text = shown(keeper, PageId.IDENTIFY)
    assert words in text
    if error.errno != errno.ENOSPC:
        assert str(tmp_path) in text  # the folder is named
    assert keeper.banners[PageId.IDENTIFY].tone is Tone.ERROR
    assert not (tmp_path / "draft.json").exists()

    store.failure = None  # space is back: no keystroke needed, the keeper tries again
    qtbot.waitUntil(lambda: not shown(keeper, PageId.IDENTIFY), timeout=10000)
    assert keeper.problem is None
    saved = DraftStore(tmp_path).load()
    assert saved is not None and saved.signup.email == EMAIL
    wizard.close()


def test_the_message_follows_the_page_shown(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    store = FailingStore(tmp_path)
    store.failure = OSError(errno.ENOSPC, "No space left on device")
    wizard, keeper, identify = keeper_on(qtbot, store)
    identify.email.setText(EMAIL)
    identify.identifier.setText("13002526500013")
    qtbot.waitUntil(lambda: bool(shown(keeper, PageId.IDENTIFY)))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    qtbot.waitUntil(lambda: DISK_FULL in shown(keeper, PageId.COMPLETE))
    assert not shown(keeper, PageId.IDENTIFY)
    wizard.close()


def test_the_diagnostic_hears_the_message(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    store = FailingStore(tmp_path)
    store.failure = OSError(errno.ENOSPC, "No space left on device")
    wizard, keeper, identify = keeper_on(qtbot, store)
    identify.email.setText(EMAIL)
    qtbot.waitUntil(lambda: bool(shown(keeper, PageId.IDENTIFY)))
    assert any(DISK_FULL in line for line in wizard.desk.journal.messages)
    wizard.close()


@pytest.mark.slow
def test_a_real_full_disk_then_a_read_only_folder(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with tiny_tmpfs(tmp_path / "tiny") as folder:
        a_full_disk_then_a_read_only_folder(qtbot, folder)


def a_full_disk_then_a_read_only_folder(qtbot: QtBot, tiny_tmpfs: Path) -> None:
    filler = fill(tiny_tmpfs)
    wizard, keeper, identify = keeper_on(qtbot, DraftStore(tiny_tmpfs))
    typed = time.monotonic()
    identify.email.setText(EMAIL)
    qtbot.waitUntil(lambda: DISK_FULL in shown(keeper, PageId.IDENTIFY))
    print(f"full disk said {time.monotonic() - typed:.2f} s after typing")

    filler.unlink()  # space is back
    qtbot.waitUntil(lambda: not shown(keeper, PageId.IDENTIFY), timeout=10000)
    assert (tiny_tmpfs / "draft.json").exists()

    remount(tiny_tmpfs, "ro")
    try:
        identify.identifier.setText("13002526500013")
        qtbot.waitUntil(lambda: "lecture seule" in shown(keeper, PageId.IDENTIFY))
        assert str(tiny_tmpfs) in shown(keeper, PageId.IDENTIFY)
    finally:
        remount(tiny_tmpfs, "rw")
    qtbot.waitUntil(lambda: not shown(keeper, PageId.IDENTIFY), timeout=10000)
    saved = DraftStore(tiny_tmpfs).load()
    assert saved is not None and saved.signup.identifier == "13002526500013"
    keeper.flush()
    wizard.close()
