"""``python -m chorus_wizard --self-test`` checks an installation and says so in French."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_self_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "chorus_wizard", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "«\u00a0Annuler\u00a0»" in result.stdout
    assert "/sandbox/v1/sante → 200" in result.stdout
    assert "Autotest réussi" in result.stdout
    assert "ÉCHEC" not in result.stdout
    # Here the keyring is the « fail » backend (tests/conftest.py): no keychain at all, said
    # as a warning, never as « OK ».
    assert "ATTENTION  trousseau du système\u00a0: absent" in result.stdout
    assert "OK     trousseau" not in result.stdout
