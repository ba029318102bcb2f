"""The command line and the saved « Paramètres », resolved once into a :class:`Config`.

``chorus-wizard`` parses its arguments here, reads ``settings.json`` for what the command
line leaves open (server, language, the rehearsal's path), and hands the result to the
composition root (:func:`chorus_wizard.app.compose`). Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from chorus_wizard import __version__
from chorus_wizard.backend.profiles import DIRECTORY_KINDS, REAL_PROFILES, is_custom_url
from chorus_wizard.cli import Parser, translator
from chorus_wizard.settings import LANGUAGES, SettingsStore

APP_NAME = "chorus-wizard"


@dataclass(frozen=True)
class Config:
    """Everything the wizard is started with."""

    #: ``sandbox`` (embedded), ``qualification``, ``production`` or a sandbox's URL.
    backend: str
    #: Where everything the program writes goes (draft, settings, the embedded sandbox).
    data_dir: Path
    lang: str = "fr"
    #: ``--backend`` as given ("" when it came from the Paramètres or the default).
    backend_option: str = ""
    #: ``--directory``: None for the default (the sandbox's own with a sandbox).
    directory: str | None = None
    directory_url: str | None = None
    #: An activation link to open once the window is up.
    link: str = ""
    self_test: bool = False
    #: A ``.qm`` file replacing the interface's own translation (the long-strings check).
    catalog: Path | None = None
    #: ``--parcours``: ``guide`` (the guide's four steps) or ``portail-actuel`` (today's
    #: portal, rehearsed in the sandbox).
    path: str = "guide"
    #: Whether ``--parcours`` or the Paramètres chose :attr:`path` (else a training room's
    #: answer may choose it).
    path_chosen: bool = False
    #: The Paramètres as read here: a file it had to set aside is said once, by the wizard.
    settings: SettingsStore | None = field(default=None, compare=False, repr=False)

    @property
    def directory_kind(self) -> str:
        """The company directory that prefills the form."""
        if self.directory:
            return self.directory
        return "recherche-entreprises" if self.backend in REAL_PROFILES else "sandbox"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def argument_parser(language: str = "fr") -> argparse.ArgumentParser:
    """The options of ``chorus-wizard``, their help and argparse's own words in ``language``."""
    translate = translator(language)
    parser = Parser(
        prog="chorus-wizard",
        description=translate("cli", "Assistant d'inscription à Chorus Pro, en quatre étapes."),
        language=language,
    )
    parser.add_argument(
        "--backend",
        metavar=translate("cli", "SERVEUR"),
        default=None,
        help=translate(
            "cli",
            "sandbox (serveur local intégré), qualification, production, ou l'URL d'un serveur "
            "bac à sable (salle de formation)\u00a0; défaut\u00a0: le choix enregistré dans "
            "«\u00a0Paramètres\u00a0», sinon sandbox",
        ),
    )
    parser.add_argument(
        "--data-dir",
        metavar=translate("cli", "DOSSIER"),
        type=Path,
        default=None,
        help=translate(
            "cli", "dossier où le programme écrit tout (défaut\u00a0: dossier utilisateur)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=translate(
            "cli",
            "langue de l'interface, et de cette aide (défaut\u00a0: celle choisie dans "
            "«\u00a0Paramètres\u00a0», sinon fr)",
        ),
    )
    parser.add_argument(
        "--directory",
        choices=DIRECTORY_KINDS,
        default=None,
        help=translate(
            "cli",
            "annuaire qui préremplit la structure (défaut\u00a0: celui du bac à sable avec le "
            "bac à sable, l'API Recherche d'entreprises sinon\u00a0; insee\u00a0: clé dans le "
            "trousseau)",
        ),
    )
    parser.add_argument(
        "--directory-url",
        metavar="URL",
        default=None,
        help=translate(
            "cli", "URL de base remplaçant celle de l'annuaire public (miroir, serveur de test)"
        ),
    )
    parser.add_argument(
        "--parcours",
        choices=("guide", "portail-actuel"),
        default=None,
        help=translate(
            "cli",
            "guide (les quatre étapes du guide, par défaut) ou portail-actuel (le parcours du "
            "portail actuel\u00a0: compte, activation, double authentification, puis "
            "structure\u00a0; bac à sable seulement)\u00a0; défaut\u00a0: le choix enregistré "
            "dans «\u00a0Paramètres\u00a0», sinon celui de la salle de formation, sinon guide",
        ),
    )
    parser.add_version(f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate(
            "cli",
            "vérifie que le programme est complet (traductions, ressources, bac à sable), "
            "affiche un rapport et quitte",
        ),
    )
    parser.add_argument(
        "link",
        metavar=translate("cli", "LIEN"),
        nargs="?",
        default=None,
        help=translate(
            "cli", "lien d'activation reçu par courriel (chorus-wizard://activer?code=…)"
        ),
    )
    return parser


def _early_options(argv: list[str]) -> tuple[str | None, Path | None]:
    """``--lang`` and ``--data-dir`` as given, before the full parse (whose help and messages
    are in the language they choose); (None, None) when they cannot be read."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--lang")
    early.add_argument("--data-dir", type=Path)
    try:
        known, _ = early.parse_known_args(argv)
    except argparse.ArgumentError:
        return None, None
    return known.lang, known.data_dir


def _data_dir(option: Path | None) -> Path:
    return (option or default_data_dir()).expanduser().resolve()


def resolve_config(argv: list[str]) -> Config:
    """Parse ``argv`` (exits with a message on bad options) and fill in the Paramètres.

    The help and the messages about the options are in the language the wizard will speak:
    ``--lang``, else the one saved in the Paramètres, else French.
    """
    lang_option, data_dir_option = _early_options(argv)
    data_dir = _data_dir(data_dir_option)
    settings = SettingsStore(data_dir)
    saved = settings.load()
    language = lang_option if lang_option in LANGUAGES else saved.language
    translate = translator(language)
    parser = argument_parser(language)
    args = parser.parse_args(argv)
    if _data_dir(args.data_dir) != data_dir:  # the early reading was wrong (never in practice)
        data_dir = _data_dir(args.data_dir)
        settings = SettingsStore(data_dir)
        saved = settings.load()
    option = args.backend or ""
    if option and option != "sandbox" and option not in REAL_PROFILES and not is_custom_url(option):
        parser.error(translate("cli", "--backend inconnu\u00a0: {option}").format(option=option))
    backend = option or saved.backend
    if args.directory == "sandbox" and backend in REAL_PROFILES and not args.directory_url:
        parser.error(
            translate("cli", "--directory sandbox demande le bac à sable, ou --directory-url")
        )
    return Config(
        backend=backend,
        data_dir=data_dir,
        lang=args.lang or saved.language,
        backend_option=option,
        directory=args.directory,
        directory_url=args.directory_url,
        link=args.link or "",
        path=args.parcours or saved.path or "guide",
        path_chosen=bool(args.parcours or saved.path),
        self_test=args.self_test,
        settings=settings,
    )
