"""What the bundles' entry point and self-test do where nobody watches (the Windows bundle's
wizard is a windowed program: no console, and PyInstaller's traceback dialog otherwise)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chorus_wizard import start

ROOT = Path(__file__).resolve().parents[2]


def test_an_uncaught_exception_is_reported_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(argv: list[str] | None = None) -> int:
        raise FileExistsError("D:\\Users\\Élodie Dupont\\chorus-wizard")

    monkeypatch.setattr(start, "main", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert start.run() == 3
    reports = list(tmp_path.glob("chorus-wizard-erreur-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "FileExistsError: D:\\Users\\Élodie Dupont\\chorus-wizard" in text
    assert "in broken" in text  # the whole traceback, not only the message
    err = capsys.readouterr().err
    assert "FileExistsError" in err
    assert f"Rapport d'erreur\u00a0: {reports[0]}" in err


def test_the_report_is_written_without_a_standard_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A windowed program on Windows may have no standard streams at all.
    monkeypatch.setattr(start, "main", lambda argv=None: 1 // 0)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setattr(sys, "stderr", None)
    assert start.run() == 3
    [report] = tmp_path.glob("chorus-wizard-erreur-*.txt")
    assert "ZeroDivisionError" in report.read_text(encoding="utf-8")


def test_an_exit_asked_for_is_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def leave(argv: list[str] | None = None) -> int:
        raise SystemExit(2)  # argparse on a wrong option

    monkeypatch.setattr(start, "main", leave)
    with pytest.raises(SystemExit):
        start.run()


def self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "chorus_wizard", "--self-test"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path), **env},
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_the_self_test_passes_on_a_stream_that_cannot_encode_its_report(tmp_path: Path) -> None:
    # Windows without UTF-8 mode: a pipe is in the ANSI code page, where « → » does not exist.
    result = self_test(tmp_path, PYTHONIOENCODING="cp1252")
    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout.decode("cp1252")
    assert "Autotest réussi" in report
    assert "Identifiez-vous \\u2192 Votre structure" in report


def test_the_self_test_saves_a_picture_of_every_page_it_walks(tmp_path: Path) -> None:
    shots = tmp_path / "pages"
    result = self_test(tmp_path, CHORUS_WIZARD_SELFTEST_SHOTS=str(shots))
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in shots.iterdir()) == [
        "01-identification-55203253400703.png",
        "02-rattachement.png",
        "03-identification-13002526500013.png",
        "04-structure.png",
        "05-espaces.png",
        "06-activation.png",
        "07-termine.png",
    ]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in shots.iterdir())
