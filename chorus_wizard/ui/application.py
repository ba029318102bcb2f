"""The program's ``QApplication`` (macOS' open-URL events arrive on it as ``url_opened``),
and :func:`after_first_paint`, which builds the rest of the wizard once step 1 is painted.

macOS sends the link that launched the program, or one clicked while it runs, to the
application object as a ``QFileOpenEvent``, which :meth:`WizardApplication.event` sees.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QWidget

APP_NAME = "chorus-wizard"


class WizardApplication(QApplication):
    """A ``QApplication`` that turns open-URL events into ``url_opened``."""

    url_opened = Signal(str)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            if url.isValid() and not url.isLocalFile():
                self.url_opened.emit(url.toString())
                return True
        return super().event(event)


def application() -> QApplication:
    """The running application, or a new :class:`WizardApplication`.

    An application made elsewhere (a host program, the tests' own) is used as it is; it only
    lacks ``url_opened``.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return WizardApplication([sys.argv[0] if sys.argv else APP_NAME])


class _FirstPaint(QObject):
    """Calls back once, right after the widget's first paint (or after ``fallback_ms``)."""

    def __init__(self, widget: QWidget, callback: Callable[[], object], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], object] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self, self._fire)  # once the paint is on screen
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._widget.removeEventFilter(self)
            callback()


def after_first_paint(
    widget: QWidget, callback: Callable[[], object], fallback_ms: int = 1500
) -> None:
    """Call ``callback`` once ``widget`` has been painted the first time (docs/performance.md,
    « Step 1 first »)."""
    _FirstPaint(widget, callback, fallback_ms)
