"""The « Aide » panel beside the page: the guide's words for the step, what to have at hand,
the common problems and their remedies; help texts are Markdown files in ``resources/help/``.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from chorus_wizard.resources import resource_path
from chorus_wizard.texts import QT_TRANSLATE_NOOP

HEADING = QT_TRANSLATE_NOOP("HelpPanel", "Aide")
BROWSER_NAME = QT_TRANSLATE_NOOP("HelpPanel", "Aide de l'étape")
EXPORT_TEXT = QT_TRANSLATE_NOOP("HelpPanel", "Exporter un diagnostic")
EXPORT_DESCRIPTION = QT_TRANSLATE_NOOP(
    "HelpPanel",
    "Enregistre un fichier zip pour le support : versions, serveur utilisé, derniers messages "
    "d'erreur et journal, sans aucun mot de passe, réponse ni code.",
)
MISSING = QT_TRANSLATE_NOOP("HelpPanel", "Aucune aide n'est disponible pour cette page.")
#: Width of the panel, in average characters of the current font (so it follows the scale).
WIDTH_IN_CHARS = 40
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
    """A heading, the page's help in a keyboard-scrollable browser, « Exporter un diagnostic »."""

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.export)
        self.setFixedWidth(self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARS + 24)

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
