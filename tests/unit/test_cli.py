"""The command lines' help and errors: fully French by default, fully English with --lang en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chorus_wizard.config import resolve_config
from chorus_wizard.sandbox.__main__ import _parser as sandbox_parser
from chorus_wizard.settings import Settings, SettingsStore

#: argparse's own English words, none of which may show in French.
ARGPARSE_ENGLISH = re.compile(
    r"usage:|options:|positional arguments|show this help|show program's|error:|"
    r"unrecognized|invalid choice|expected one|choose from|invalid int"
)
#: French words of the program's help, none of which may show in English.
FRENCH_WORDS = re.compile(r"défaut|dossier|langue|utilisation|erreur|« |Paramètres")


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # one help line per option: the texts read whole


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        resolve_config(argv)
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out + captured.err


def test_help_is_french_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["--data-dir", str(tmp_path), "--help"], capsys)
    assert code == 0
    assert text.startswith("utilisation\u00a0: chorus-wizard")
    assert "options\u00a0:" in text
    assert "arguments positionnels\u00a0:" in text
    assert "affiche cette aide et quitte" in text
    assert "affiche la version du programme et quitte" in text
    assert "dossier où le programme écrit tout" in text
    assert ARGPARSE_ENGLISH.findall(text) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus"], "arguments non reconnus\u00a0: --bogus"),
        (["--lang"], "argument --lang\u00a0: une valeur attendue"),
        (
            ["--lang", "de"],
            "argument --lang\u00a0: choix invalide\u00a0: 'de' (choisissez parmi 'fr', 'en')",
        ),
        (["--backend", "zz"], "--backend inconnu\u00a0: zz"),
    ],
)
def test_errors_are_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, text = run(["--data-dir", str(tmp_path), *argv], capsys)
    assert code == 2
    assert "chorus-wizard\u00a0: erreur\u00a0: " + message in text
    assert ARGPARSE_ENGLISH.findall(text) == []


def test_help_is_english_with_lang_en(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["--lang", "en", "--data-dir", str(tmp_path), "--help"], capsys)
    assert code == 0
    assert text.startswith("usage: chorus-wizard")
    assert "show this help message and exit" in text
    assert "folder where the program writes everything (default: user folder)" in text
    assert "Chorus Pro sign-up wizard, in four steps." in text
    assert FRENCH_WORDS.findall(text) == []


def test_help_follows_the_saved_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    SettingsStore(tmp_path).save(Settings(language="en"))
    _, text = run(["--data-dir", str(tmp_path), "--bogus"], capsys)
    assert "chorus-wizard: error: unrecognized arguments: --bogus" in text
    assert FRENCH_WORDS.findall(text) == []
    _, text = run(["--data-dir", str(tmp_path), "--lang", "fr", "--help"], capsys)
    assert text.startswith("utilisation\u00a0:")


def test_english_errors_of_the_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, text = run(["--lang", "en", "--data-dir", str(tmp_path), "--backend", "zz"], capsys)
    assert "chorus-wizard: error: unknown --backend: zz" in text


def test_french_does_not_leak_into_other_parsers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    run(["--data-dir", str(tmp_path), "--help"], capsys)
    assert "usage:" in argparse.ArgumentParser(prog="other").format_usage()


def test_sandbox_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    parser = sandbox_parser()
    text = parser.format_help()
    assert text.startswith("utilisation\u00a0: chorus-wizard-sandbox")
    assert "relais SMTP (facultatif)\u00a0:" in text
    assert "affiche cette aide et quitte" in text
    assert ARGPARSE_ENGLISH.findall(text) == []
    with pytest.raises(SystemExit):
        parser.parse_args(["--port", "x"])
    error = capsys.readouterr().err
    assert "argument --port\u00a0: valeur invalide (int)\u00a0: 'x'" in error
    assert ARGPARSE_ENGLISH.findall(error) == []
