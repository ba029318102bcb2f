"""Save a PNG of every page of the wizard, driven against the embedded sandbox.

Usage: ``uv run python scripts/screenshots.py OUT_DIR [--width W --height H] [--long]
[--demo-keychain] [--lang fr|en]``. Run it under Xvfb (``xvfb-run -a``) to see real fonts and window
decorations, or with ``QT_QPA_PLATFORM=offscreen``. The final page shows this machine's
keychain as it is, untouched; ``--demo-keychain`` swaps in an in-memory one and stores the
password in it, to show that state too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from demo import activation_link, settle, use_memory_keychain
from PySide6.QtWidgets import QApplication

from chorus_wizard.app import build_wizard
from chorus_wizard.backend.errors import ActivationExpired, ActivationLocked
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.wizard import SignupWizard


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=820)
    parser.add_argument("--height", type=int, default=760)
    parser.add_argument("--long", action="store_true", help="type very long values")
    parser.add_argument("--siret", default="13002526500013")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument(
        "--demo-keychain", action="store_true", help="in-memory keychain, password stored in it"
    )
    args = parser.parse_args()
    if args.demo_keychain:
        use_memory_keychain()
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="chorus-shots-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    wizard = build_wizard(["--data-dir", str(data), "--lang", args.lang])
    assert isinstance(wizard, SignupWizard)
    wizard.resize(args.width, args.height)
    wizard.show()
    settle()
    lang = "" if args.lang == "fr" else f"{args.lang}-"
    tag = f"{lang}{args.width}x{args.height}{'-long' if args.long else ''}"

    def shot(name: str) -> None:
        settle()
        wizard.grab().save(str(args.out / f"{tag}-{name}.png"))

    identify = wizard.page_of(PageId.IDENTIFY)
    shot("1-identify-empty")
    identify.email.setText("camille.martin@exemple")  # type: ignore[attr-defined]
    identify.email.editingFinished.emit()  # type: ignore[attr-defined]
    identify.identifier.setText("13002526500014")  # type: ignore[attr-defined]
    identify.identifier.editingFinished.emit()  # type: ignore[attr-defined]
    shot("1-identify-errors")
    identify.no_siret.setChecked(True)  # type: ignore[attr-defined]
    identify.identifier.setText("FR40303265045")  # type: ignore[attr-defined]
    identify.identifier.editingFinished.emit()  # type: ignore[attr-defined]
    shot("1-identify-no-siret")
    identify.no_siret.setChecked(False)  # type: ignore[attr-defined]
    email = "camille.martin@exemple.fr"
    if args.long:
        email = "camille.martin-de-la-tour-d-auvergne.service-comptabilite@exemple-tres-long.fr"
    identify.email.setText(email)  # type: ignore[attr-defined]
    identify.identifier.setText("73282932000074")  # type: ignore[attr-defined]
    wizard.next()
    settle(lambda: identify.banner.isVisible())
    shot("1-identify-unknown")
    identify.identifier.setText(args.siret)  # type: ignore[attr-defined]
    identify.identifier.editingFinished.emit()  # type: ignore[attr-defined]
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.currentPage()
    settle(lambda: not complete.is_busy)  # type: ignore[attr-defined]
    complete.email_again.setText(email)  # type: ignore[attr-defined]
    complete.nom.setText("Martin-de-la-Tour-d'Auvergne" if args.long else "Martin")  # type: ignore[attr-defined]
    complete.prenom.setText("Camille")  # type: ignore[attr-defined]
    if args.long:
        complete.fields["raison_sociale"].setText("SOCIÉTÉ COOPÉRATIVE D'INTÉRÊT COLLECTIF " * 3)  # type: ignore[attr-defined]
    shot("2-complete")
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.WORKSPACES)
    spaces = wizard.currentPage()
    settle(lambda: bool(spaces.switches))  # type: ignore[attr-defined]
    list(spaces.switches.values())[2].setFocus()  # type: ignore[attr-defined]
    shot("3-workspaces")
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.ACTIVATE)
    activate = wizard.currentPage()
    settle(lambda: activate.question.count() > 0)  # type: ignore[attr-defined]
    activate.password.password.setText("Girafe-bleue")  # type: ignore[attr-defined]
    activate.password.confirmation.setText("Girafe-bleu")  # type: ignore[attr-defined]
    shot("4-activate-typing")
    # The states a trainee meets when late or unlucky (answers simulated, link kept valid).
    real_clock = activate.clock  # type: ignore[attr-defined]
    activate.clock = lambda: datetime.now(UTC) + timedelta(minutes=61)  # type: ignore[attr-defined]
    activate._refresh_validity()  # type: ignore[attr-defined]
    activate._on_activation_failed(  # type: ignore[attr-defined]
        ActivationExpired("Ce lien d'activation a expiré.", status=410)
    )
    shot("4-activate-expired")
    activate.clock = real_clock  # type: ignore[attr-defined]
    activate._expired_by_server = False  # type: ignore[attr-defined]
    activate._refresh_validity()  # type: ignore[attr-defined]
    activate._on_activation_failed(  # type: ignore[attr-defined]
        ActivationLocked("Trop de tentatives.", until=datetime.now(UTC) + timedelta(hours=1))
    )
    shot("4-activate-locked")
    activate.banner.clear_message()  # type: ignore[attr-defined]
    activate.code.setText(activation_link(wizard.context.service, email))  # type: ignore[attr-defined]
    activate.password.password.setText("Girafe-Bleue-2026")  # type: ignore[attr-defined]
    activate.password.confirmation.setText("Girafe-Bleue-2026")  # type: ignore[attr-defined]
    activate.answer.setText("Rex")  # type: ignore[attr-defined]
    shot("4-activate-ready")
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.DONE)
    done = wizard.currentPage()
    settle(lambda: not done.is_busy)  # type: ignore[attr-defined]
    shot("5-done")
    if args.demo_keychain:
        done.save_password.click()  # type: ignore[attr-defined]
        settle(lambda: done.keychain_status.tone is not None)  # type: ignore[attr-defined]
        shot("5-done-saved")
    wizard.close()
    wizard.shutdown()

    # The attachment path: a structure already registered in the sandbox.
    wizard = build_wizard(["--data-dir", str(data), "--lang", args.lang])
    assert isinstance(wizard, SignupWizard)
    wizard.resize(args.width, args.height)
    wizard.show()
    identify = wizard.page_of(PageId.IDENTIFY)
    identify.email.setText("comptable@exemple.fr")  # type: ignore[attr-defined]
    identify.identifier.setText("55203253400703")  # type: ignore[attr-defined]
    wizard.next()
    settle(lambda: wizard.currentId() == PageId.ATTACH)
    attach = wizard.currentPage()
    attach.nom.setText("Durand")  # type: ignore[attr-defined]
    attach.prenom.setText("Marie")  # type: ignore[attr-defined]
    shot("1b-attach")
    attach.send.click()  # type: ignore[attr-defined]
    settle(lambda: attach.isComplete())
    shot("1b-attach-sent")
    wizard.close()
    wizard.shutdown()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
