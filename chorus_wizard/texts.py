"""Translation hook for the Qt-free modules (domain, backend, drafts, recap…).

Source strings are French. ``translate("Context", "texte")`` returns the text unchanged until
the application installs a translator function with :func:`install` (``app.py`` installs
``QCoreApplication.translate`` once the ``.qm`` file is loaded), so these modules never
import Qt. ``pyside6-lupdate`` extracts ``translate("Context", "…")`` calls by name; keep the
context and the source as literal strings so that it can.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None
_language = "fr"


def translate(context: str, text: str) -> str:
    """``text`` (French source) in the interface's language, or unchanged."""
    if _translator is None:
        return text
    return _translator(context, text) or text


def install(function: Callable[[str, str], str] | None) -> None:
    """Use ``function(context, text)`` to translate from now on; ``None`` to stop."""
    global _translator
    _translator = function


def language() -> str:
    """The interface's language code (``fr`` until the application sets another)."""
    return _language


def set_language(code: str) -> None:
    """Say which language the interface is in (data asked of a server comes in it too)."""
    global _language
    _language = code


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a constant for extraction by lupdate; returns ``text`` untranslated.

    Translate it with ``translate(context, constant)`` where it is shown.
    """
    return text
