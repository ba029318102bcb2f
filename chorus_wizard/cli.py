"""The command lines in the interface's language: argparse's own words included.

argparse writes « usage: », « options: », « show this help message and exit » and its error
messages through ``gettext``, and Python ships no French catalogue for them. :class:`Parser`
gives argparse the French words of :data:`FRENCH` while it builds, parses or formats (English
keeps argparse's own). A group's title is followed by argparse's own ":": end a French title
with a no-break space (``"relais SMTP\\u00a0"``). The program's own help texts are
translated by the caller: see :func:`translator`. Qt is imported only for a language other
than French.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from chorus_wizard.resources import resource_path

NBSP = "\u00a0"

#: argparse's messages (Python 3.11 to 3.13) in French.
FRENCH: dict[str, str] = {
    "usage: ": f"utilisation{NBSP}: ",
    # A section's title is followed by argparse's own ":" (hence the no-break space).
    "options": f"options{NBSP}",
    "positional arguments": f"arguments positionnels{NBSP}",
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version du programme et quitte",
    "%(prog)s: error: %(message)s\n": f"%(prog)s{NBSP}: erreur{NBSP}: %(message)s\n",
    "argument %(argument_name)s: %(message)s": f"argument %(argument_name)s{NBSP}: %(message)s",
    "unrecognized arguments: %s": f"arguments non reconnus{NBSP}: %s",
    "the following arguments are required: %s": f"arguments obligatoires manquants{NBSP}: %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "not allowed with argument %s": "impossible avec l'argument %s",
    "ignored explicit argument %r": "argument explicite %r ignoré",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "expected %s argument": "%s valeur attendue",
    "expected %s arguments": "%s valeurs attendues",
    "ambiguous option: %(option)s could match %(matches)s": (
        f"option ambiguë{NBSP}: %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": f"option inattendue{NBSP}: %s",
    "invalid %(type)s value: %(value)r": f"valeur invalide (%(type)s){NBSP}: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        f"choix invalide{NBSP}: %(value)r (choisissez parmi %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": (
        f"impossible d'ouvrir «{NBSP}%(filename)s{NBSP}»{NBSP}: %(error)s"
    ),
    'argument "-" with mode %r': f"argument «{NBSP}-{NBSP}» en mode %r",
    "%r is not callable": "%r n'est pas appelable",
}


def french(message: str) -> str:
    return FRENCH.get(message, message)


def french_plural(singular: str, plural: str, count: int) -> str:
    return french(singular if count == 1 else plural)


@contextmanager
def _argparse_in(language: str) -> Iterator[None]:
    """argparse's ``_`` and ``ngettext`` in ``language`` for the time of the block."""
    if language != "fr":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = french, french_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` whose own words are in ``language`` (fr or en)."""

    def __init__(self, *args: Any, language: str = "fr", **kwargs: Any) -> None:
        self.language = language
        with _argparse_in(language):
            super().__init__(*args, **kwargs)

    def add_version(self, version: str) -> None:
        """``--version``, its help in the parser's language."""
        with _argparse_in(self.language):
            self.add_argument(
                "--version",
                action="version",
                version=version,
                help=argparse._("show program's version number and exit"),  # type: ignore[attr-defined]
            )

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _argparse_in(self.language):
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _argparse_in(self.language):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _argparse_in(self.language):
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_in(self.language):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _argparse_in(self.language):
            super().error(message)


Translate = Callable[[str, str], str]


def translator(language: str) -> Translate:
    """``translate(context, text)`` for the help texts: French (the source) as it is, another
    language from the interface's own catalogue (``chorus_wizard_<language>.qm``)."""
    if language == "fr":
        return lambda context, text: text
    # Here, not at the top: ``chorus-wizard-sandbox`` parses its command line with this
    # module, and its bundled executable holds no Qt (it only ever speaks French).
    from PySide6.QtCore import QTranslator

    catalogue = QTranslator()
    if not catalogue.load(str(resource_path("translations", f"chorus_wizard_{language}.qm"))):
        return lambda context, text: text

    def translate(context: str, text: str) -> str:
        return catalogue.translate(context, text) or text

    return translate
