"""The command line and the saved « Paramètres », resolved once into a :class:`Config`.

``chorus-wizard`` parses its arguments here, reads ``settings.json`` for what the command
line leaves open (server, language), and hands the result to the composition root
(:func:`chorus_wizard.app.compose`). Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from chorus_wizard import __version__
from chorus_wizard.backend.profiles import DIRECTORY_KINDS, REAL_PROFILES, is_custom_url
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


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chorus-wizard",
        description="Assistant d'inscription à Chorus Pro, en quatre étapes.",
    )
    parser.add_argument(
        "--backend",
        default=None,
        help="sandbox (serveur local intégré), qualification, production, ou l'URL d'un "
        "serveur bac à sable (salle de formation) ; défaut : le choix enregistré dans « Paramètres "
        "», sinon sandbox",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="dossier où le programme écrit tout (défaut : dossier utilisateur)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="langue de l'interface (défaut : celle choisie dans « Paramètres », sinon fr)",
    )
    parser.add_argument(
        "--directory",
        choices=DIRECTORY_KINDS,
        default=None,
        help="annuaire qui préremplit la structure (défaut : celui du bac à sable avec le bac à "
        "sable, l'API Recherche d'entreprises sinon ; insee : clé dans le trousseau)",
    )
    parser.add_argument(
        "--directory-url",
        default=None,
        help="URL de base remplaçant celle de l'annuaire public (miroir, serveur de test)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="vérifie que le programme est complet (traductions, ressources, bac à sable), "
        "affiche un rapport et quitte",
    )
    parser.add_argument(
        "link",
        nargs="?",
        default=None,
        help="lien d'activation reçu par courriel (chorus-wizard://activer?code=…)",
    )
    return parser


def resolve_config(argv: list[str]) -> Config:
    """Parse ``argv`` (exits with a message on bad options) and fill in the Paramètres."""
    parser = argument_parser()
    args = parser.parse_args(argv)
    option = args.backend or ""
    if option and option != "sandbox" and option not in REAL_PROFILES and not is_custom_url(option):
        parser.error(f"--backend inconnu : {option}")
    data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    settings = SettingsStore(data_dir)
    saved = settings.load()
    backend = option or saved.backend
    if args.directory == "sandbox" and backend in REAL_PROFILES and not args.directory_url:
        parser.error("--directory sandbox demande le bac à sable, ou --directory-url")
    return Config(
        backend=backend,
        data_dir=data_dir,
        lang=args.lang or saved.language,
        backend_option=option,
        directory=args.directory,
        directory_url=args.directory_url,
        link=args.link or "",
        self_test=args.self_test,
        settings=settings,
    )
