"""The « Aide » panel beside the page: the guide's words for the step, what to have at hand,
the common problems and their remedies; help texts are Markdown files in ``resources/help/``.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from chorus_wizard.resources import resource_path
from chorus_wizard.texts import QT_TRANSLATE_NOOP

HEADING = QT_TRANSLATE_NOOP("HelpPanel", "Aide")
BROWSER_NAME = QT_TRANSLATE_NOOP("HelpPanel", "Aide de l'étape")
EXPORT_TEXT = QT_TRANSLATE_NOOP("HelpPanel", "Exporter un diagnostic")
EXPORT_DESCRIPTION = QT_TRANSLATE_NOOP(
    "HelpPanel",
    "Enregistre un fichier zip pour le support\u00a0: versions, serveur utilisé, derniers messages "
    "d'erreur et journal, sans aucun mot de passe, réponse ni code.",
)
CLOSE_TEXT = QT_TRANSLATE_NOOP("HelpPanel", "Fermer l'aide")
CLOSE_DESCRIPTION = QT_TRANSLATE_NOOP(
    "HelpPanel", "Ferme l'aide et revient à la page (touche Échap ou F1)."
)
MISSING = QT_TRANSLATE_NOOP("HelpPanel", "Aucune aide n'est disponible pour cette page.")
#: Width of the panel, in average characters of the current font (so it follows the scale).
WIDTH_IN_CHARS = 40
#: Below this width left to the page beside the panel, the panel covers the page instead of
#: squeezing it (in average characters, like the panel's width).
PAGE_WIDTH_IN_CHARS = 80
#: The files' headings (# and ##) are shown two levels smaller in the narrow panel.
_HEADING = re.compile(r"^(#{1,4}) ", re.MULTILINE)


def interface_language() -> str:
    """``en`` or ``fr``: the language ``install_translators`` made the default locale's."""
    return "en" if QLocale().language() == QLocale.Language.English else "fr"


@cache
def help_markdown(key: str, language: str = "fr") -> str:
    """The Markdown help of page ``key`` in ``language``, falling back to French."""
    for lang in (language, "fr"):
        path = resource_path("help", lang, f"{key}.md")
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return MISSING


class HelpPanel(QWidget):
    """A heading, the page's help in a keyboard-scrollable browser, « Exporter un diagnostic ».

    Docked in a wizard (:meth:`dock`), it stands beside the page when the window leaves the
    page room enough, and otherwise covers the page, with « Fermer l'aide » (also Escape):
    a narrow window never squeezes the page's fields.
    """

    #: The panel asked to be closed (« Fermer l'aide » or Escape).
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, language: str | None = None) -> None:
        super().__init__(parent)
        self.language = language or interface_language()
        self.key = ""
        self.setObjectName("help_panel")
        self.setAccessibleName(self.tr(HEADING))
        heading = QLabel(f"<b>{self.tr(HEADING)}</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr(BROWSER_NAME))
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        heading.setBuddy(self.browser)
        self.export = QPushButton(self.tr(EXPORT_TEXT))
        self.export.setAccessibleDescription(self.tr(EXPORT_DESCRIPTION))
        self.export.setToolTip(self.tr(EXPORT_DESCRIPTION))
        self.close_button = QPushButton(self.tr(CLOSE_TEXT))
        self.close_button.setAccessibleDescription(self.tr(CLOSE_DESCRIPTION))
        self.close_button.setToolTip(self.tr(CLOSE_DESCRIPTION))
        self.close_button.hide()
        self.close_button.clicked.connect(self.close_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_requested)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 8, 0)
        self._layout.addWidget(heading)
        self._layout.addWidget(self.browser, 1)
        self._layout.addWidget(self.export)
        self._layout.addWidget(self.close_button)
        self.side_width = self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARS + 24
        self.setFixedWidth(self.side_width)
        self._wizard: QWizard | None = None
        self._overlay = False
        self._focus_before: QWidget | None = None

    # -- beside or over the page -------------------------------------------------------------

    @property
    def covers_page(self) -> bool:
        """Whether the panel is laid over the page (narrow window) rather than beside it."""
        return self._overlay

    def dock(self, wizard: QWizard) -> None:
        """Stand beside ``wizard``'s pages, or over them when the window is narrow."""
        self._wizard = wizard
        wizard.setSideWidget(self)
        if self.parent() is None:
            # QWizard places a side widget when it next lays itself out: a window already
            # shown would leave it a window of its own, untitled, at the screen's corner.
            # Lay it out now.
            wizard.setTitleFormat(wizard.titleFormat())
        wizard.installEventFilter(self)
        wizard.currentIdChanged.connect(self._place_later)
        self._place()

    def _too_narrow(self) -> bool:
        assert self._wizard is not None
        page_width = self.fontMetrics().averageCharWidth() * PAGE_WIDTH_IN_CHARS
        return self._wizard.width() < self.side_width + page_width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._wizard and event.type() == QEvent.Type.Resize:
            self._place()
            self._place_later()
        return False

    def _place_later(self) -> None:
        """Once the wizard has laid its page out, cover it again."""
        QTimer.singleShot(0, self, self._place)

    def _place(self) -> None:
        wizard = self._wizard
        if wizard is None:
            return
        overlay = self._too_narrow()
        if overlay != self._overlay:
            visible = self.isVisibleTo(wizard) or self.isVisible()
            self._overlay = overlay
            if overlay:
                wizard.setSideWidget(None)  # type: ignore[arg-type]  # hides the panel; the page takes the width
                self.setParent(wizard)
                self.setMinimumWidth(0)
                self.setMaximumWidth(16777215)
                self._layout.setContentsMargins(8, 8, 8, 8)
            else:
                self.setFixedWidth(self.side_width)
                self._layout.setContentsMargins(0, 0, 8, 0)
                wizard.setSideWidget(self)
                wizard.setTitleFormat(wizard.titleFormat())
            self.setAutoFillBackground(overlay)
            self.close_button.setVisible(overlay)
            self.setVisible(visible)
        if overlay:
            self._cover_page()

    def _cover_page(self) -> None:
        wizard = self._wizard
        page = wizard.currentPage() if wizard is not None else None
        if wizard is None or page is None:
            return
        self.setGeometry(QRect(page.mapTo(wizard, QPoint(0, 0)), page.size()))
        self.raise_()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._overlay:
            self._cover_page()
            focused = QApplication.focusWidget()
            if focused is not None and not self.isAncestorOf(focused):
                self._focus_before = focused
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        before, self._focus_before = self._focus_before, None
        if before is not None and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_page(self, key: str) -> None:
        """Show the help of page ``key`` (``identify``, ``complete``…), scrolled to the top."""
        if key == self.key:
            return
        self.key = key
        text = help_markdown(key, self.language)
        if text == MISSING:
            text = self.tr(MISSING)
        self.browser.setMarkdown(_HEADING.sub(r"##\1 ", text))
        self.browser.setAccessibleDescription(self.browser.toPlainText().split("\n", 1)[0])

    def text(self) -> str:
        return self.browser.toPlainText()
