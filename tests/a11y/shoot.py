"""Screenshots of the four steps, to look at (not a test): scale, palette and refusals.

    QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 2560x2048x24" \\
        uv run python -m tests.a11y.shoot OUT_DIR [dark]

Drives a wizard on the scripted fake service (values set directly, as tests/ui/flows.py
does), shows a refused SIRET with the focus in the field, and saves one PNG per step.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QStyleFactory

from chorus_wizard.app import Backend, compose, finish_build, install_translators
from chorus_wizard.config import Config
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.a11y.test_contrast_palettes import dark_palette
from tests.fakes import FakeService
from tests.ui.flows import CODE, EMAIL, PASSWORD

PAUSE_MS = 400


def settle(app: QApplication, wizard: SignupWizard, condition: object = None) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(10000)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if condition is None or condition():  # type: ignore[operator]
            break
    end = QDeadlineTimer(PAUSE_MS)
    while not end.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def main(out: Path, dark: bool) -> None:
    app = QApplication([])
    app.setStyle(QStyleFactory.create("Fusion"))
    if dark:
        app.setPalette(dark_palette("#353535"))
    install_translators(app, "fr")
    service = FakeService()
    data = Path(tempfile.mkdtemp(prefix="chorus-a11y-shots-"))
    wizard = finish_build(
        compose(
            Config(backend=service.profile.api_base, data_dir=data),
            backend=Backend(service.profile, lambda: service),
        )
    )
    wizard.show()
    wizard.activateWindow()
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-dark" if dark else ""

    def shot(name: str) -> None:
        settle(app, wizard)
        wizard.grab().save(str(out / f"{name}{suffix}.png"))

    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    settle(app, wizard)
    identify.email.setText(EMAIL)
    identify.identifier.setFocus()
    identify.identifier.setText("1300252650001")  # 13 digits: the count, and why Suivant waits
    shot("1-identify-typing")
    identify.identifier.setText("13002526500014")  # a wrong key: said at once
    shot("1-identify-refused")
    identify.identifier.setText("13002526500013")
    wizard.next()
    settle(app, wizard, lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.currentPage()
    complete.email_again.setText(EMAIL)  # type: ignore[attr-defined]
    complete.nom.setText("Curie")  # type: ignore[attr-defined]
    complete.prenom.setText("Marie")  # type: ignore[attr-defined]
    shot("2-complete")
    wizard.next()
    settle(app, wizard, lambda: wizard.currentId() == PageId.WORKSPACES)
    shot("3-workspaces")
    wizard.next()
    settle(app, wizard, lambda: wizard.currentId() == PageId.ACTIVATE)
    activate = wizard.currentPage()
    activate.code.setText(CODE)  # type: ignore[attr-defined]
    activate.password.password.setText(PASSWORD[:8])  # type: ignore[attr-defined]
    shot("4-activate")
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)


if __name__ == "__main__":
    main(Path(sys.argv[1]), dark=len(sys.argv) > 2 and sys.argv[2] == "dark")
