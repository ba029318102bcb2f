"""Start the wizard once per user and data folder, and route activation links to it.

Links arrive three ways: on the command line (Windows' URL protocol and Linux' desktop
entry start ``chorus-wizard "<link>"``), from a second launch through :mod:`instance`, and on
macOS as a ``QFileOpenEvent`` sent to the running application.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon

from chorus_wizard.config import Config
from chorus_wizard.instance import SingleInstance, server_name
from chorus_wizard.resources import resource_path
from chorus_wizard.ui.application import WizardApplication, application
from chorus_wizard.ui.wizard import SignupWizard

log = logging.getLogger(__name__)


def launch(config: Config, compose: Callable[[Config], SignupWizard]) -> int:
    """Hand ``config.link`` to a running wizard, or build one, show it and run the event loop."""
    app = application()
    link = config.link
    data_dir = config.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    instance = SingleInstance(server_name(data_dir), lock_path=data_dir / "wizard.lock")
    if not instance.claim():
        if instance.hand_over(link):
            log.info("Link handed to the wizard already running")
            return 0
        log.warning("The wizard holding %s does not answer: opening another", data_dir)
    icon = resource_path("icons", "chorus-wizard.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))

    wizard = compose(config)

    def on_link(url: str) -> None:
        wizard.open_activation_link(url)

    def on_message(message: str) -> None:
        if message:
            on_link(message)
        else:
            wizard.bring_to_front()

    # macOS delivers the URL that launched the program once the event loop runs: connected
    # before that.
    if isinstance(app, WizardApplication):
        app.url_opened.connect(on_link)
    instance.message_received.connect(on_message)
    wizard.finished.connect(instance.close)
    instance.listen()
    wizard.show()
    if link:
        QTimer.singleShot(0, lambda: on_link(link))
    try:
        return int(app.exec())
    finally:
        instance.close()
