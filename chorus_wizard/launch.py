"""Start the wizard once per user and data folder, and route activation links to it.

Links arrive three ways: on the command line (Windows' URL protocol and Linux' desktop
entry start ``chorus-wizard "<link>"``), from a second launch through :mod:`instance`, and on
macOS as a ``QFileOpenEvent`` sent to the running application.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QWizard

from chorus_wizard.instance import SingleInstance, server_name
from chorus_wizard.resources import resource_path

log = logging.getLogger(__name__)


class UrlOpenFilter(QObject):
    """Turns macOS' open-URL events (``QEvent.FileOpen`` with a URL) into ``url_opened``."""

    url_opened = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            if url.isValid() and not url.isLocalFile():
                self.url_opened.emit(url.toString())
                return True
        return super().eventFilter(watched, event)


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication([sys.argv[0] if sys.argv else "chorus-wizard"])


def launch(
    args: argparse.Namespace,
    argv: list[str],
    build_wizard: Callable[[list[str]], QWizard],
    data_dir: Path,
) -> int:
    """Hand ``args.link`` to a running wizard, or build one, show it and run the event loop."""
    app = _application()
    link: str = getattr(args, "link", None) or ""
    instance = SingleInstance(server_name(data_dir))
    if instance.send(link):
        log.info("Link handed to the wizard already running")
        return 0
    instance.listen()
    icon = resource_path("icons", "chorus-wizard.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))

    wizard = build_wizard(argv)
    open_link = getattr(wizard, "open_activation_link", None)

    def on_link(url: str) -> None:
        if open_link is not None:
            open_link(url)

    def on_message(message: str) -> None:
        if message:
            on_link(message)
        else:
            bring_to_front = getattr(wizard, "bring_to_front", None)
            if bring_to_front is not None:
                bring_to_front()

    # macOS delivers the URL that launched the program once the event loop runs: the filter
    # is in place before that.
    url_filter = UrlOpenFilter(app)
    url_filter.url_opened.connect(on_link)
    app.installEventFilter(url_filter)
    instance.message_received.connect(on_message)
    wizard.finished.connect(instance.close)
    wizard.show()
    if link:
        QTimer.singleShot(0, lambda: on_link(link))
    try:
        return int(app.exec())
    finally:
        instance.close()
        app.removeEventFilter(url_filter)
