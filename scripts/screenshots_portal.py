"""Save PNGs of the portal mode (hand-off pages) and of the « Paramètres » dialog.

Usage: ``uv run python scripts/screenshots_portal.py OUT_DIR [--width W --height H]``, under
Xvfb (``xvfb-run -a``) or with ``QT_QPA_PLATFORM=offscreen``.

Nothing real is contacted and no browser is opened: the wizard runs in portal mode (the
production profile's wording and portal address) against a local sandbox server, the portal
opener is a no-op, and the keychain is an in-memory one (``--no-keychain``: none at all, to
show the session-only warning).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from demo import settle, use_memory_keychain
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QWidget

from chorus_wizard.app import Backend, compose, finish_build, install_translators
from chorus_wizard.backend.connection import ConnectionReport, check_connection
from chorus_wizard.backend.profiles import (
    PRODUCTION,
    DirectoryChoice,
    PisteCredentials,
    sandbox_profile,
)
from chorus_wizard.backend.service import ChorusSignupService
from chorus_wizard.config import Config
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.ui.pages.base import Page, PageId
from chorus_wizard.ui.settings_dialog import SettingsDialog


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=820)
    parser.add_argument("--height", type=int, default=760)
    parser.add_argument("--no-keychain", action="store_true")
    args = parser.parse_args()
    use_memory_keychain(not args.no_keychain)
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="chorus-portal-shots-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translators(app, "fr")
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
    opened: list[str] = []

    def opener(url: str) -> bool:
        opened.append(url)
        return True

    wizard = compose(
        Config(backend="production", data_dir=data),
        backend=Backend(profile, lambda: service),
        open_url=opener,
    )
    finish_build(wizard)
    wizard.resize(args.width, args.height)
    wizard.show()
    settle()
    tag = f"{args.width}x{args.height}"

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle()
        (widget or wizard).grab().save(str(args.out / f"{tag}-portal-{name}.png"))

    def bottom(page: Page) -> None:
        bar = page.scroll_area.verticalScrollBar()
        for _ in range(2):  # the layout may grow once the new values are shown
            settle()
            bar.setValue(bar.maximum())

    identify = wizard.page_of(PageId.IDENTIFY)
    identify.email.setText("camille.martin@exemple.fr")  # type: ignore[attr-defined]
    identify.identifier.setText("13002526500013")  # type: ignore[attr-defined]
    shot("1-identify")
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.currentPage()
    settle(lambda: not complete.is_busy)  # type: ignore[attr-defined]
    complete.email_again.setText("camille.martin@exemple.fr")  # type: ignore[attr-defined]
    complete.nom.setText("Martin")  # type: ignore[attr-defined]
    complete.prenom.setText("Camille")  # type: ignore[attr-defined]
    shot("2-complete-top")
    bottom(complete)  # type: ignore[arg-type]
    complete.handoff.copy_buttons["Raison sociale"].click()  # type: ignore[attr-defined]
    shot("2-complete-handoff")
    complete.handoff.confirm.setChecked(True)  # type: ignore[attr-defined]
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.WORKSPACES)
    spaces = wizard.currentPage()
    settle(lambda: bool(spaces.switches))  # type: ignore[attr-defined]
    shot("3-workspaces")
    bottom(spaces)  # type: ignore[arg-type]
    shot("3-workspaces-handoff")
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.PORTAL_ACTIVATE)
    activate = wizard.currentPage()
    shot("4-activate")
    activate.clock = lambda: datetime.now(UTC) - timedelta(minutes=12)  # type: ignore[attr-defined]
    activate.mail_arrived.click()  # type: ignore[attr-defined]
    activate.clock = lambda: datetime.now(UTC)  # type: ignore[attr-defined]
    activate._refresh_validity()  # type: ignore[attr-defined]
    bottom(activate)  # type: ignore[arg-type]
    shot("4-activate-mail-arrived")
    activate.handoff.confirm.setChecked(True)  # type: ignore[attr-defined]
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.DONE)
    done = wizard.currentPage()
    settle(lambda: done.message.tone is not None)  # type: ignore[attr-defined]
    shot("5-done-not-yet")

    # The Paramètres dialog: production chosen, a connection test with a wrong secret,
    # then with the right (sandbox) identities, both against the local sandbox.
    def checker(_profile: object, creds: PisteCredentials, siret: str) -> ConnectionReport:
        return check_connection(local, creds, siret)

    dialog = SettingsDialog(wizard.context, wizard.context.settings, wizard, checker=checker)
    dialog.resize(min(640, args.width), min(700, args.height))
    dialog.show()
    settle(lambda: dialog.save_button.isEnabled())
    dialog.backend.setCurrentIndex(dialog.backend.findData("production"))
    assert local.credentials is not None
    dialog.client_id.setText(local.credentials.client_id)
    dialog.client_secret.setText("pas-le-bon-secret")
    dialog.tech_login.setText(local.credentials.tech_login)
    dialog.tech_password.setText(local.credentials.tech_password)
    shot("6-settings", dialog)
    dialog.test_button.click()
    settle(lambda: dialog.results.isVisible())
    bar = dialog.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot("6-settings-test-failed", dialog)
    dialog.client_secret.setText(local.credentials.client_secret)
    dialog.probe.setText("55203253400703")
    dialog.test_button.click()
    settle(lambda: dialog.banner.tone is not None and dialog.save_button.isEnabled())
    bar.setValue(bar.maximum())
    shot("6-settings-test-ok", dialog)
    dialog.expiry.setDate(QDate.currentDate().addDays(12))
    shot("6-settings-expiry-soon", dialog)
    dialog.reject()

    # The attachment path: a structure already on Chorus Pro, with its consulterStructure card.
    wizard.restart()
    identify.email.setText("comptable@exemple.fr")  # type: ignore[attr-defined]
    identify.identifier.setText("55203253400703")  # type: ignore[attr-defined]
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.ATTACH)
    attach = wizard.currentPage()
    attach.nom.setText("Durand")  # type: ignore[attr-defined]
    attach.prenom.setText("Marie")  # type: ignore[attr-defined]
    shot("1b-attach")
    bottom(attach)  # type: ignore[arg-type]
    shot("1b-attach-handoff")

    wizard.shutdown()
    server.stop()
    assert all(url == PRODUCTION.portal_url for url in opened)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
