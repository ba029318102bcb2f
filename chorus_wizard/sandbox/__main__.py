"""``chorus-wizard-sandbox``: run the sandbox on its own, e.g. for a training room."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import logging
import signal
import sqlite3
import sys
import threading
from pathlib import Path

from chorus_wizard.cli import Parser
from chorus_wizard.contracts.room import ROOM_PATH
from chorus_wizard.keychain import SMTP_SERVICE, SecretStore
from chorus_wizard.sandbox.faults import start_line
from chorus_wizard.sandbox.mail.relay import (
    KeychainPasswordMissing,
    SmtpRelay,
    password_from_keychain,
)
from chorus_wizard.sandbox.process.child import check_data_folder, child_main
from chorus_wizard.sandbox.process.listening import is_unspecified
from chorus_wizard.sandbox.process.parent import CHILD_FLAG
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import ScenarioError, load_scenario
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.store.schema import SchemaTooNew
from chorus_wizard.sandbox.store.storage import Storage


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("chorus-wizard", appauthor=False))


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="chorus-wizard-sandbox",
        description="Bac à sable Chorus Pro de chorus-wizard\u00a0: un serveur local qui imite "
        "Chorus Pro (API PISTE, annuaire, inscription). Les courriels sont déposés dans "
        "<dossier de données>/sandbox/mail (format Maildir).",
    )
    parser.add_argument(
        "--host",
        metavar="ADRESSE",
        default="127.0.0.1",
        help="adresse d'écoute (défaut\u00a0: 127.0.0.1, accessible depuis ce poste "
        "seulement\u00a0; 0.0.0.0 pour une salle de formation)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=0,
        metavar="PORT",
        help="port d'écoute (défaut\u00a0: 0, un port libre)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        type=Path,
        default=None,
        help="dossier des données (défaut\u00a0: le dossier de données de chorus-wizard)",
    )
    parser.add_argument(
        "--scenario",
        type=Path,
        metavar="FICHIER",
        help="scénario d'exercice (TOML)\u00a0: ses entreprises fictives rejoignent l'annuaire et "
        "les structures déjà inscrites, ses fiches s'affichent dans la page du formateur "
        "(exemples\u00a0: resources/scenarios/)",
    )
    smtp = parser.add_argument_group(
        "relais SMTP (facultatif)\u00a0",
        "Envoie aussi chaque courriel par ce serveur SMTP, en plus du Maildir. Le mot de passe "
        "est lu dans le trousseau du système, service "
        f"«\u00a0{SMTP_SERVICE}\u00a0», identifiant donné par --smtp-user (jamais sur la "
        "ligne de commande ni dans un fichier).",
    )
    smtp.add_argument("--smtp-host", metavar="SERVEUR", help="serveur SMTP de relais")
    smtp.add_argument(
        "--smtp-port", type=int, metavar="PORT", default=587, help="port SMTP (défaut\u00a0: 587)"
    )
    smtp.add_argument(
        "--smtp-starttls", action="store_true", help="chiffrer la connexion avec STARTTLS"
    )
    smtp.add_argument(
        "--smtp-user", metavar="IDENTIFIANT", help="identifiant de connexion au serveur SMTP"
    )
    return parser


def smtp_relay(args: argparse.Namespace, secrets: SecretStore | None = None) -> SmtpRelay | None:
    """The relay the options describe, its password read from ``secrets`` (by default the
    program's secret store: the OS keychain); None without one.

    Raises :class:`KeychainPasswordMissing` when a login is given but no password is stored.
    """
    if not args.smtp_host:
        return None
    if args.smtp_user:
        password = password_from_keychain(args.smtp_user, secrets or SecretStore())
    else:
        password = None
    return SmtpRelay(
        host=args.smtp_host,
        port=args.smtp_port,
        starttls=args.smtp_starttls,
        user=args.smtp_user or None,
        password=password,
    )


def why_not_started(error: BaseException, data_dir: Path) -> str:
    """One French line saying why the sandbox cannot start with ``data_dir``."""
    if isinstance(error, SchemaTooNew):
        return str(error)
    folder = data_dir / "sandbox"
    return start_line(error, folder) or (
        f"Le bac à sable ne peut pas démarrer\u00a0: erreur inattendue ({type(error).__name__}) "
        f"avec le dossier de données {folder}."
    )


def open_data_folder(data_dir: Path) -> None:
    """Meet before serving what the server would meet in its thread: a folder it cannot
    write to, a full disk, a database it cannot use or must bring to the current version.
    Raises what it met."""
    folder = data_dir / "sandbox"
    folder.mkdir(parents=True, exist_ok=True)
    check_data_folder(folder)
    Storage(folder / "sandbox.db")


def main(argv: list[str] | None = None) -> int:
    """Start the sandbox, print its URL, and serve until Ctrl-C (or, started by the wizard
    with :data:`~chorus_wizard.sandbox.process.parent.CHILD_FLAG`, serve the wizard's socket)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [CHILD_FLAG]:
        return child_main(argv[1:])
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not _is_loopback(args.host):
        print(
            f"Attention\u00a0: le bac à sable écoute sur {args.host}, d'autres machines du réseau "
            "peuvent l'atteindre. C'est un serveur de formation qui ne contient que des "
            "données fictives\u00a0; ses identifiants sont publics\u00a0: ne l'exposez que sur un "
            "réseau de confiance (salle de formation) et n'y saisissez aucune donnée réelle.",
            file=sys.stderr,
        )
    if (args.smtp_user or args.smtp_starttls) and not args.smtp_host:
        print("Les options --smtp-… demandent --smtp-host.", file=sys.stderr)
        return 2
    try:
        relay = smtp_relay(args, SecretStore())
    except KeychainPasswordMissing as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if relay is not None and relay.user and not relay.starttls and not _is_loopback(relay.host):
        print(
            "Attention\u00a0: sans --smtp-starttls, le mot de passe SMTP circule en clair sur le "
            "réseau.",
            file=sys.stderr,
        )
    try:
        scenario = load_scenario(args.scenario) if args.scenario else None
    except ScenarioError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    room = RoomConfig(scenario=scenario)
    data_dir = args.data_dir or _default_data_dir()
    try:
        open_data_folder(data_dir)
    except (OSError, sqlite3.Error, SchemaTooNew) as exc:
        print(why_not_started(exc, data_dir), file=sys.stderr)
        return 1
    server = SandboxServer(data_dir, host=args.host, port=args.port, smtp=relay, room=room)
    try:
        server.start()
    except OSError as exc:
        print(f"Impossible d'écouter sur {args.host}:{args.port}\u00a0: {exc}", file=sys.stderr)
        return 1
    try:
        server.wait_ready(timeout=60)
    except TimeoutError:
        print("Le bac à sable n'a pas démarré dans la minute.", file=sys.stderr)
        server.stop()
        return 1
    except RuntimeError as exc:
        print(why_not_started(exc.__cause__ or exc, data_dir), file=sys.stderr)
        server.stop()
        return 1
    print(f"Bac à sable Chorus Pro prêt sur {server.base_url}", flush=True)
    if scenario is not None:
        print(f"Scénario\u00a0: {scenario.title} ({len(scenario.companies)} entreprises fictives).")
    # The token is printed here only, for the trainer: never logged, never stored; apart from
    # the address, which a browser would keep in its history.
    print(f"Salle de formation\u00a0: {server.base_url}{ROOM_PATH}", flush=True)
    print(f"Jeton de la salle\u00a0: {room.token} (à coller dans la page)", flush=True)
    if is_unspecified(args.host):  # every interface: no single address to give
        print(
            "Stagiaires\u00a0: chorus-wizard --backend http://ADRESSE-DE-CE-POSTE:"
            f"{server.port} (l'adresse de ce poste sur le réseau de la salle)."
        )
    elif not _is_loopback(args.host):
        print(f"Stagiaires\u00a0: chorus-wizard --backend {server.base_url}")
    print(
        f"Données\u00a0: {data_dir / 'sandbox'}\u00a0; courriels\u00a0: "
        f"{data_dir / 'sandbox' / 'mail'}"
    )
    if relay is not None:
        print(f"Courriels relayés aussi par {relay.describe()}.")
    print("Arrêt\u00a0: Ctrl-C.", flush=True)
    stop = threading.Event()
    with contextlib.suppress(ValueError):  # only possible from the main thread
        signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    try:
        while server.running and not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        print("Arrêt du bac à sable…", file=sys.stderr)
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
