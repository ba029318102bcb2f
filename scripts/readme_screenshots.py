"""Screenshots of every page, in French, for the README and the support guide.

Usage (from the repository root)::

    xvfb-run -a -s "-screen 0 2400x1800x24" uv run python scripts/readme_screenshots.py

writes ``docs/screenshots/*.png`` (wizard at 820×720, against the embedded sandbox, with an
in-memory keychain: the real one is never touched). ``--out DIR`` writes elsewhere;
``--review`` also saves every page with the « Aide » panel open and closed, and the recap
PDF, for a look before a release. ``QT_SCALE_FACTOR=1.5`` or ``2`` shows the high-DPI
rendering (the files are then larger).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from demo import (
    activation_link,
    fill_activate,
    fill_complete,
    fill_identify,
    go_next,
    page,
    save_png,
    settle,
    use_memory_keychain,
)
from PySide6.QtWidgets import QApplication

from chorus_wizard.app import build_wizard
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.wizard import SignupWizard

WIDTH, HEIGHT = 820, 720
EMAIL = "camille.martin@exemple.fr"
SIRET = "13002526500013"  # DINUM, in the sandbox's directory
REGISTERED_SIRET = "55203253400703"  # Danone, already registered in the sandbox
PASSWORD = "Girafe-Bleue-2026"  # a demo value typed into the sandbox only


class Shooter:
    def __init__(self, out: Path, review: bool) -> None:
        self.out = out
        self.review = review
        self.saved: list[Path] = []

    def shot(self, wizard: SignupWizard, name: str, *, help_panel: bool = False) -> None:
        """``name``.png with the help panel as asked; with --review, closed and open (-aide)."""
        states = [(False, ""), (True, "-aide")] if self.review else [(help_panel, "")]
        for shown, suffix in states:
            wizard.desk.set_help_visible(shown)
            settle()
            path = self.out / f"{name}{suffix}.png"
            save_png(wizard, path)
            self.saved.append(path)
        wizard.desk.set_help_visible(False)


def new_wizard(data: Path) -> SignupWizard:
    wizard = build_wizard(["--data-dir", str(data)])
    assert isinstance(wizard, SignupWizard)
    wizard.desk.settings_path = None  # never remember the demo's choices
    wizard.resize(WIDTH, HEIGHT)
    wizard.show()
    settle()
    return wizard


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--review", action="store_true", help="help open and closed, and PDF")
    args = parser.parse_args()
    use_memory_keychain()
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="chorus-readme-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    shooter = Shooter(args.out, args.review)

    wizard = new_wizard(data)
    fill_identify(wizard, EMAIL, SIRET)
    shooter.shot(wizard, "1-identifiez-vous")
    if not args.review:
        shooter.shot(wizard, "1-identifiez-vous-aide", help_panel=True)
    go_next(wizard, PageId.COMPLETE)
    fill_complete(wizard, EMAIL)
    shooter.shot(wizard, "2-completez")
    go_next(wizard, PageId.WORKSPACES)
    shooter.shot(wizard, "3-espaces-de-travail")
    go_next(wizard, PageId.ACTIVATE)
    fill_activate(wizard, activation_link(wizard.context.service, EMAIL), PASSWORD)
    shooter.shot(wizard, "4-activez")
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.DONE)
    done = page(wizard, PageId.DONE)
    settle(lambda: not done.is_busy)
    shooter.shot(wizard, "5-termine")
    dialog = wizard.desk.show_recap()
    settle()
    save_png(dialog, args.out / "5-recapitulatif.png")
    shooter.saved.append(args.out / "5-recapitulatif.png")
    dialog.close()
    if args.review:
        wizard.desk.choose_path = lambda _title, suggested, _filter: args.out / suggested.name
        pdf = wizard.desk.save_recap()
        print(f"PDF: {pdf}")
    wizard.close()
    wizard.shutdown()

    wizard = new_wizard(data)
    identify = page(wizard, PageId.IDENTIFY)
    identify.email.setText("comptable@exemple.fr")  # type: ignore[attr-defined]
    identify.identifier.setText(REGISTERED_SIRET)  # type: ignore[attr-defined]
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.ATTACH)
    attach = page(wizard, PageId.ATTACH)
    attach.nom.setText("Durand")  # type: ignore[attr-defined]
    attach.prenom.setText("Marie")  # type: ignore[attr-defined]
    shooter.shot(wizard, "1b-rattachement")
    wizard.close()
    wizard.shutdown()
    shutil.rmtree(data, ignore_errors=True)
    for path in shooter.saved:
        print(f"{path}  {path.stat().st_size // 1024} Ko")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
