"""The ``chorus-wizard`` command holds the cycle collector until its first window is up."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.fresh import last_line, run_python


def test_the_command_turns_collection_off_before_importing_qt_or_the_wizard() -> None:
    script = r"""
import gc, sys
seen = {}

class Watch:  # notes whether automatic collection is on when each module is first looked for
    def find_spec(self, name, path=None, target=None):
        if name in ("PySide6", "chorus_wizard.app"):
            seen.setdefault(name, gc.isenabled())
        return None

sys.meta_path.insert(0, Watch())
from chorus_wizard.start import main
try:
    main(["--version"])
except SystemExit:
    pass
print(repr(seen))
"""
    assert ast.literal_eval(last_line(run_python(script))) == {
        "PySide6": False,
        "chorus_wizard.app": False,
    }


def test_the_start_up_objects_are_frozen_once_the_window_is_painted(tmp_path: Path) -> None:
    script = r"""
import gc, os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWizard
from chorus_wizard.config import Config
from chorus_wizard.launch import launch

frozen_before = gc.get_freeze_count()

def build(argv):
    def look():
        if gc.get_freeze_count() > frozen_before:
            print(repr({"frozen": True, "collector_on": gc.isenabled()}), flush=True)
            QCoreApplication.quit()
        else:
            QTimer.singleShot(20, look)
    QTimer.singleShot(0, look)
    QTimer.singleShot(10000, QCoreApplication.quit)  # never hang
    return QWizard()

sys.exit(launch(Config(backend="sandbox", data_dir=Path(sys.argv[1])), build))
"""
    # Frozen after the paint; automatic collection stays with the GUI thread's timer (the
    # wizard's composition turns it off: this bare window leaves it as it was).
    assert ast.literal_eval(last_line(run_python(script, str(tmp_path)))) == {
        "frozen": True,
        "collector_on": True,
    }
