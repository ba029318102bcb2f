"""What the screenshot scripts share: an event loop that settles, a keychain in memory, and
the activation link the sandbox mailed (read over its HTTP API)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QThread

from chorus_wizard.backend.service import SignupService


def settle(condition: Callable[[], bool] | None = None, timeout: float = 15.0) -> None:
    """Run the event loop until ``condition`` holds, or for a short while when there is none."""
    deadline = QDeadlineTimer(int(timeout * 1000))
    while not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if condition is None or condition():
            QThread.msleep(150 if condition is None else 0)
            QCoreApplication.processEvents()
            return
        QThread.msleep(20)
    raise TimeoutError("the wizard did not reach the expected state")


def use_memory_keychain(enabled: bool = True) -> None:
    """Replace the OS keychain by a dict (or by keyring's "no keychain" backend), so that
    screenshots never read or write the real one."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.backends import fail

    class DemoKeyring(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.passwords.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.passwords[(service, username)] = password

    keyring.set_keyring(DemoKeyring() if enabled else fail.Keyring())


def activation_link(service: SignupService, email: str) -> str:
    """The link in the sandbox's last mail to ``email``, asked over HTTP ("" when none)."""
    mails = service.received_mails(email)
    match = re.search(r"http\S+code=[\w-]+", mails[0].text) if mails else None
    return match.group(0) if match else ""
