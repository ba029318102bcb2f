"""Helper process for test_crash_resume: fills the wizard up to a stage, says READY once the
draft holds it, then idles until the test kills it (SIGKILL: no chance to clean up)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread

from chorus_wizard.app import build_wizard
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.wizard import SignupWizard

EMAIL = "camille.martin@exemple.fr"


def pump_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return
        QThread.msleep(10)
    raise TimeoutError("stage not reached")


def main() -> None:
    data_dir, stage = Path(sys.argv[1]), sys.argv[2]
    wizard = build_wizard(["--data-dir", str(data_dir)])  # as chorus-wizard
    assert isinstance(wizard, SignupWizard)
    wizard.show()
    identify = wizard.page_of(PageId.IDENTIFY)
    identify.email.setText(EMAIL)  # type: ignore[attr-defined]
    identify.identifier.setText("13002526500013")  # type: ignore[attr-defined]
    wizard.next()
    pump_until(
        lambda: wizard.currentId() == PageId.COMPLETE and not wizard.currentPage().is_busy  # type: ignore[attr-defined]
    )
    complete = wizard.currentPage()
    complete.email_again.setText(EMAIL)  # type: ignore[attr-defined]
    complete.nom.setText("Martin")  # type: ignore[attr-defined]
    complete.prenom.setText("Camille")  # type: ignore[attr-defined]
    complete.fields["complement1"].setText("Bâtiment B, 3e étage")  # type: ignore[attr-defined]
    expected: dict[str, object] = {"complement1": "Bâtiment B, 3e étage", "prenom": "Camille"}
    if stage == "page3":
        wizard.next()
        pump_until(lambda: wizard.currentId() == PageId.WORKSPACES)
        spaces = wizard.currentPage()
        pump_until(lambda: bool(spaces.switches))  # type: ignore[attr-defined]
        spaces.switches["FACTURES_RECUES"].setChecked(True)  # type: ignore[attr-defined]
        spaces.switches["SOLLICITATIONS_EMISES"].setChecked(False)  # type: ignore[attr-defined]
        expected = {"workspaces": ["FACTURES_EMISES", "FACTURES_RECUES"]}

    def saved() -> bool:
        try:
            document = json.loads((data_dir / "draft.json").read_text(encoding="utf-8"))
            fields = {**document["signup"], **document["progress"]}
        except (OSError, ValueError, KeyError):
            return False
        return all(fields.get(k) == v for k, v in expected.items())

    pump_until(saved)
    print("READY", flush=True)
    while True:
        QCoreApplication.processEvents()
        QThread.msleep(20)


if __name__ == "__main__":
    main()
