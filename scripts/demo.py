"""What the screenshot scripts share: an event loop that settles, a keychain in memory, the
activation link the sandbox mailed (read over its HTTP API), a PNG saved small, the wizard in
portal mode against a local sandbox server, and the pages filled in as a person does."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QThread
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from chorus_wizard.backend.service import SignupService
from chorus_wizard.ui.pages.base import Page, PageId

if TYPE_CHECKING:
    from chorus_wizard.backend.profiles import BackendProfile
    from chorus_wizard.sandbox.server import SandboxServer
    from chorus_wizard.ui.wizard import SignupWizard

PASSWORD = "Girafe-Bleue-2026"  # a demo value typed into the sandbox only
ANSWER = "Rex"


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


def save_png(widget: QWidget, path: Path) -> None:
    """Grab ``widget``; fewer colours when that keeps text crisp and the file small."""
    image = widget.grab().toImage()
    image.save(str(path), quality=0)
    if path.stat().st_size > 150_000:
        smaller = image.convertToFormat(QImage.Format.Format_Indexed8)
        smaller.save(str(path), quality=0)


def portal_wizard(
    data: Path, *, lang: str = "fr", opened: list[str] | None = None
) -> tuple[SignupWizard, SandboxServer, BackendProfile]:
    """The wizard in portal mode, built by ``compose`` and not yet shown: the production
    profile's wording and portal address, its API calls sent to a local sandbox server
    started here (stop it after the wizard). The portal opener only records the addresses in
    ``opened``: no browser is opened. Returns the wizard, the server and the local profile."""
    from chorus_wizard.app import Backend, compose, finish_build
    from chorus_wizard.backend.profiles import PRODUCTION, DirectoryChoice, sandbox_profile
    from chorus_wizard.backend.service import ChorusSignupService
    from chorus_wizard.config import Config
    from chorus_wizard.sandbox.server import SandboxServer

    server = SandboxServer(data / "sandbox-data")
    server.start()
    server.wait_ready(30)
    local = sandbox_profile(server.base_url)
    # Production's wording and portal address; the API calls go to the local sandbox.
    profile = replace(
        PRODUCTION,
        label="Chorus Pro — production (démonstration sur le bac à sable local)",
        token_url=local.token_url,
        api_base=local.api_base,
        directory_url=local.directory_url,
        credentials=local.credentials,
    )
    service = ChorusSignupService(profile, directory=DirectoryChoice("sandbox", server.base_url))
    seen = opened if opened is not None else []

    def opener(url: str) -> bool:
        seen.append(url)
        return True

    wizard = compose(
        Config(backend="production", data_dir=data, lang=lang),
        backend=Backend(profile, lambda: service),
        open_url=opener,
    )
    finish_build(wizard)
    return wizard, server, local


# -- the pages, filled in as a person does -----------------------------------------------


def page(wizard: SignupWizard, page_id: PageId) -> Page:
    return wizard.page_of(page_id)


def wait_idle(wizard: SignupWizard) -> None:
    """Until the current page's call, if any, has answered."""
    settle(lambda: not wizard.currentPage().is_busy)  # type: ignore[attr-defined]


def arrived(wizard: SignupWizard, expected: PageId) -> Page:
    """The ``expected`` page once it is shown, idle, and holds what it asked the service for
    on arrival (step 3's switches, step 4's secret questions)."""
    settle(lambda: wizard.currentId() == expected)
    wait_idle(wizard)
    current: Page = wizard.currentPage()  # type: ignore[assignment]
    if expected == PageId.WORKSPACES:
        settle(lambda: bool(current.switches))  # type: ignore[attr-defined]
    elif expected == PageId.ACTIVATE:
        settle(lambda: current.question.count() > 0)  # type: ignore[attr-defined]
    return current


def go_next(wizard: SignupWizard, expected: PageId) -> Page:
    """« Suivant » (or « Valider »), then the ``expected`` page once it has :func:`arrived`."""
    wizard.next()
    return arrived(wizard, expected)


def fill_identify(wizard: SignupWizard, email: str, identifier: str) -> Page:
    """Step 1 filled in, each field left as a person leaves it (its checks run)."""
    identify = page(wizard, PageId.IDENTIFY)
    identify.email.setText(email)  # type: ignore[attr-defined]
    identify.email.editingFinished.emit()  # type: ignore[attr-defined]
    identify.identifier.setText(identifier)  # type: ignore[attr-defined]
    identify.identifier.editingFinished.emit()  # type: ignore[attr-defined]
    return identify


def fill_complete(wizard: SignupWizard, email: str, nom: str = "Martin") -> Page:
    """Step 2 once prefilled: the e-mail typed again and the names."""
    complete = page(wizard, PageId.COMPLETE)
    wait_idle(wizard)
    complete.email_again.setText(email)  # type: ignore[attr-defined]
    complete.nom.setText(nom)  # type: ignore[attr-defined]
    complete.prenom.setText("Camille")  # type: ignore[attr-defined]
    return complete


def to_workspaces(wizard: SignupWizard, email: str, siret: str) -> Page:
    """Steps 1 and 2 done (the account created): step 3 with its switches."""
    fill_identify(wizard, email, siret)
    go_next(wizard, PageId.COMPLETE)
    fill_complete(wizard, email)
    return go_next(wizard, PageId.WORKSPACES)


def to_activate(wizard: SignupWizard, email: str, siret: str) -> Page:
    """Steps 1 to 3 done: step 4 with its secret questions."""
    to_workspaces(wizard, email, siret)
    return go_next(wizard, PageId.ACTIVATE)


def fill_activate(
    wizard: SignupWizard, code: str, password: str = PASSWORD, answer: str = ANSWER
) -> Page:
    """Step 4 filled in (not yet validated)."""
    activate = page(wizard, PageId.ACTIVATE)
    activate.code.setText(code)  # type: ignore[attr-defined]
    activate.password.password.setText(password)  # type: ignore[attr-defined]
    activate.password.confirmation.setText(password)  # type: ignore[attr-defined]
    activate.answer.setText(answer)  # type: ignore[attr-defined]
    return activate
