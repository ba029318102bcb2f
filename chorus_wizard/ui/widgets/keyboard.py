"""The keyboard: mnemonics on every button, and no Alt+letter typed into a field.

Wired by the help desk once the pages exist (:mod:`chorus_wizard.ui.desk`).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def _letter(char: str) -> str:
    """« é » → « e »: the key that types it."""
    return unicodedata.normalize("NFD", char)[0].lower()


def mnemonic_of(text: str) -> str:
    """The letter after a single « & » in ``text`` (lower case, unaccented), or ""."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return ""
        if text[index + 1] == "&":
            index += 2
            continue
        return _letter(text[index + 1])


def ensure_mnemonics(buttons: Iterable[QAbstractButton]) -> None:
    """Give every button of ``buttons`` without a mnemonic the first letter of its text that no
    other of them uses (« Réessayer » → « Ré&essayer » when R is taken). Buttons without a
    letter (« ? », the switches) are left to Tab."""
    candidates = [b for b in buttons if b.isVisible() and any(c.isalpha() for c in b.text())]
    taken = {mnemonic_of(b.text()) for b in candidates} - {""}
    for button in candidates:
        text = button.text()
        if mnemonic_of(text):
            continue
        for index, char in enumerate(text):
            if char.isalpha() and _letter(char) not in taken:
                taken.add(_letter(char))
                name = button.accessibleName()
                button.setText(text[:index] + "&" + text[index:])
                if not name:  # the name stays the visible text, without the « & »
                    button.setAccessibleName(text)
                break


class AltLetterGuard(QObject):
    """An Alt+letter that no mnemonic took never types its letter into a text field.

    Qt hands an unclaimed Alt+V to the focused line edit, which types « v ». Not on macOS,
    where Option+letter is how many characters are typed (and mnemonics are not used).
    Ctrl+Alt (AltGr on Windows) types characters too: left alone.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(
            watched, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox
        ):
            assert isinstance(event, QKeyEvent)
            modifiers = event.modifiers()
            alt = modifiers & modifiers.AltModifier
            ctrl = modifiers & modifiers.ControlModifier
            if alt and not ctrl and event.text().strip() and sys.platform != "darwin":
                return True
        return super().eventFilter(watched, event)
