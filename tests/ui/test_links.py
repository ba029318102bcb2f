"""Activation links from outside the wizard, the single running instance, and « À propos »."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard import __version__
from chorus_wizard.backend.models import AccountCreated
from chorus_wizard.config import Config
from chorus_wizard.instance import SingleInstance, server_name
from chorus_wizard.launch import launch
from chorus_wizard.ui.application import WizardApplication
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.wizard import SignupWizard
from tests.fresh import run_python
from tests.ui.test_pages import fill_person, go_to_complete

LINK = "chorus-wizard://activer?code=Code_du-lien42"

#: The offscreen platform cannot size a message box's native window: harmless here.
offscreen_message_box = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints"
)


def activate_page(wizard: SignupWizard) -> ActivatePage:
    page = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(page, ActivatePage)
    return page


def go_to_workspaces(qtbot: QtBot, wizard: SignupWizard) -> None:
    fill_person(go_to_complete(qtbot, wizard))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    qtbot.waitUntil(wizard.currentPage().isComplete)


def shown_message(wizard: SignupWizard) -> str:
    box = wizard.message_box
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    text = box.text()
    box.close()
    return text


def test_link_on_the_workspaces_page_moves_on_and_fills_the_code(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    go_to_workspaces(qtbot, wizard)
    assert wizard.open_activation_link(LINK) is None
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    assert activate_page(wizard).code.text() == "Code_du-lien42"
    assert wizard.message_box is None


def test_link_on_the_activation_page_fills_the_code(qtbot: QtBot, wizard: SignupWizard) -> None:
    go_to_workspaces(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    page = activate_page(wizard)
    page.code.setText("ancien")
    port = "http://127.0.0.1:8123/sandbox/activer?code=NouveauCode"
    assert wizard.open_activation_link(port) is None
    assert page.code.text() == "NouveauCode"


def test_link_that_arrives_early_waits_for_the_activation_page(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    wizard.context.draft.account = AccountCreated(1, 2, "jeton", "Compte créé")
    assert wizard.open_activation_link(LINK) is None
    assert wizard.currentId() == PageId.IDENTIFY  # no jump over the steps still to do
    go_to_workspaces(qtbot, wizard)
    assert activate_page(wizard).code.text() == ""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    assert activate_page(wizard).code.text() == "Code_du-lien42"


@offscreen_message_box
def test_link_of_a_signup_started_elsewhere_is_explained(wizard: SignupWizard) -> None:
    reason = wizard.open_activation_link(LINK)
    assert reason is not None and "commencée ailleurs" in reason
    assert wizard.currentId() == PageId.IDENTIFY
    assert "commencée ailleurs" in shown_message(wizard)


@offscreen_message_box
@pytest.mark.parametrize(
    "url", ["https://evil.example/activer?code=x", "chorus-wizard://autre?code=x"]
)
def test_foreign_link_is_refused(qtbot: QtBot, wizard: SignupWizard, url: str) -> None:
    go_to_workspaces(qtbot, wizard)
    reason = wizard.open_activation_link(url)
    assert reason is not None and "n'est pas un lien d'activation" in reason
    assert wizard.currentId() == PageId.WORKSPACES
    assert wizard.message_box is not None
    assert wizard.message_box.icon() == QMessageBox.Icon.Warning
    assert reason in shown_message(wizard)


@offscreen_message_box
def test_about_names_version_licence_and_backend(qtbot: QtBot, wizard: SignupWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CustomButton1)
    assert isinstance(button, QPushButton)
    assert button.isVisible() and button.menu() is wizard.more_menu
    wizard.about_action.trigger()
    assert wizard.message_box is not None
    assert wizard.message_box.icon() == QMessageBox.Icon.Information
    text = shown_message(wizard)
    assert "chorus-wizard" in text and __version__ in text
    assert "MIT" in text and "Bac à sable" in text


def test_open_url_events_become_url_opened(qapp: QApplication) -> None:
    assert isinstance(qapp, WizardApplication)  # tests/conftest.py: the program's class
    received: list[str] = []
    qapp.url_opened.connect(received.append)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl(LINK)))
        QCoreApplication.sendEvent(qapp, QFileOpenEvent("/tmp/facture.pdf"))  # a file: not ours
    finally:
        qapp.url_opened.disconnect(received.append)
    assert received == [LINK]


def test_launch_gives_macos_links_to_the_wizard(tmp_path: Path) -> None:
    """A fresh interpreter: ``launch`` makes the application, and runs its event loop."""
    script = r"""
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QWizard
from chorus_wizard.config import Config
from chorus_wizard.launch import launch

class Window(QWizard):
    def open_activation_link(self, url):
        print("OPENED", url, flush=True)
        QCoreApplication.quit()

def build(argv):
    app = QCoreApplication.instance()
    QTimer.singleShot(0, lambda: QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl(sys.argv[2]))))
    QTimer.singleShot(10000, QCoreApplication.quit)  # never hang
    return Window()

sys.exit(launch(Config(backend="sandbox", data_dir=Path(sys.argv[1])), build))
"""
    assert run_python(script, str(tmp_path), LINK).splitlines() == [f"OPENED {LINK}"]


def test_server_name_depends_on_user_and_data_dir(tmp_path: Path) -> None:
    one = server_name(tmp_path / "a", user="marie")
    assert one == server_name(tmp_path / "a", user="marie")
    assert one != server_name(tmp_path / "b", user="marie")
    assert one != server_name(tmp_path / "a", user="paul")
    assert one.startswith("chorus-wizard-") and len(one) < 60
    # The same name as earlier versions computed with hashlib: a wizard already running and
    # a newer launch still find each other.
    key = f"marie\0{(tmp_path / 'a').resolve()}".encode()
    assert one == f"chorus-wizard-{hashlib.sha256(key).hexdigest()[:24]}"


def test_second_instance_hands_its_link_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(tmp_path)
    first = SingleInstance(name)
    second = SingleInstance(name)
    received: list[str] = []
    first.message_received.connect(received.append)
    try:
        assert not second.send(LINK)  # nobody listens yet
        assert first.listen()
        assert second.send(LINK)
        qtbot.waitUntil(lambda: received == [LINK])
        assert second.send("")  # a plain second launch: just come to the front
        qtbot.waitUntil(lambda: received == [LINK, ""])
    finally:
        first.close()


def test_launch_hands_the_link_over_and_exits(qtbot: QtBot, tmp_path: Path) -> None:
    running = SingleInstance(server_name(tmp_path), lock_path=tmp_path / "wizard.lock")
    received: list[str] = []
    running.message_received.connect(received.append)
    assert running.claim()
    assert running.listen()

    def must_not_build(config: Config) -> SignupWizard:
        raise AssertionError("a second launch must not build a wizard")

    try:
        assert launch(Config(backend="sandbox", data_dir=tmp_path, link=LINK), must_not_build) == 0
        qtbot.waitUntil(lambda: received == [LINK])
    finally:
        running.close()


#: A wizard in another process: takes the lock, says so, listens only after ``delay`` seconds
#: (its window being painted), prints the first message it receives; or, with ``crash``,
#: dies holding the lock.
OTHER_WIZARD = r"""
import os, sys, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QTimer
from chorus_wizard.instance import SingleInstance, server_name
app = QCoreApplication([])
data_dir, mode = Path(sys.argv[1]), sys.argv[2]
instance = SingleInstance(server_name(data_dir), lock_path=data_dir / "wizard.lock")
assert instance.claim()
print("CLAIMED", flush=True)
if mode == "crash":
    os._exit(3)
time.sleep(float(mode))
assert instance.listen()
instance.message_received.connect(lambda message: (print("RECEIVED", message), app.quit()))
QTimer.singleShot(20000, app.quit)
app.exec()
instance.close()
"""


def other_wizard(tmp_path: Path, mode: str) -> subprocess.Popen[str]:
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_WIZARD, str(tmp_path), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdout is not None
    assert other.stdout.readline().strip() == "CLAIMED"
    return other


def test_launch_waits_for_a_wizard_that_has_just_started(tmp_path: Path) -> None:
    """The first wizard listens only once painted: a second launch meanwhile waits for it."""
    other = other_wizard(tmp_path, "0.7")
    try:

        def must_not_build(config: Config) -> SignupWizard:
            raise AssertionError("a second launch must not build a wizard")

        assert launch(Config(backend="sandbox", data_dir=tmp_path, link=LINK), must_not_build) == 0
        output, _ = other.communicate(timeout=30)
        assert output.splitlines() == [f"RECEIVED {LINK}"]
    finally:
        other.kill()


def test_lock_of_a_wizard_open_for_long_is_not_taken(tmp_path: Path) -> None:
    """Age does not make a lock stale (here flock() would protect it anyway; not every file
    system has it)."""
    other = other_wizard(tmp_path, "0")
    try:
        hour_ago = time.time() - 3600
        os.utime(tmp_path / "wizard.lock", (hour_ago, hour_ago))
        instance = SingleInstance(server_name(tmp_path), lock_path=tmp_path / "wizard.lock")
        assert not instance.claim()
        assert instance.hand_over(LINK)
        output, _ = other.communicate(timeout=30)
        assert output.splitlines() == [f"RECEIVED {LINK}"]
    finally:
        other.kill()


def test_lock_of_a_crashed_wizard_is_taken_over(tmp_path: Path) -> None:
    other = other_wizard(tmp_path, "crash")
    assert other.wait(timeout=30) == 3
    assert (tmp_path / "wizard.lock").exists()  # left behind
    instance = SingleInstance(server_name(tmp_path), lock_path=tmp_path / "wizard.lock")
    try:
        assert instance.claim()
    finally:
        instance.close()
    assert not (tmp_path / "wizard.lock").exists()


@offscreen_message_box
def test_a_new_message_box_stays_the_current_one(qtbot: QtBot, wizard: SignupWizard) -> None:
    wizard.about_action.trigger()
    first = wizard.message_box
    assert first is not None
    wizard.open_activation_link("https://evil.example/activer?code=x")  # replaces the box
    second = wizard.message_box
    assert second is not None and second is not first
    qtbot.wait(50)  # the first box is deleted meanwhile
    assert wizard.message_box is second and second.isVisible()
    second.close()
    qtbot.waitUntil(lambda: wizard.message_box is None)
