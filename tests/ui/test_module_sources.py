"""PySide6's import hook no longer leaves every imported module's source in linecache."""

from __future__ import annotations

import importlib
import linecache
import subprocess
import sys
from pathlib import Path

import pytest

import chorus_wizard.ui.contrast
import chorus_wizard.workers
from chorus_wizard.ui.module_sources import (
    CHECK,
    FEATURE_MODULE,
    keep_no_module_sources,
    uses_pyside,
)


def test_the_installed_pyside6_has_the_check_and_it_is_replaced() -> None:
    # Fails when PySide6 drops or renames its check: then see whether the leak is gone too.
    assert keep_no_module_sources()
    assert getattr(sys.modules[FEATURE_MODULE], CHECK) is uses_pyside


def test_modules_imported_after_pyside6_keep_their_answer_but_not_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cw_with_qt.py").write_text("import PySide6.QtCore\nVALUE = 1\n")
    (tmp_path / "cw_without_qt.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature = sys.modules[FEATURE_MODULE]
    for name in ("cw_with_qt", "cw_without_qt"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        # What PySide6's import hook does after an import. Called here directly: which hook
        # builtins.__import__ holds at a given moment is PySide6's business (shiboken's lazy
        # loader sometimes takes its place), and the test must not depend on it.
        feature.feature_imported(importlib.import_module(name))
    features = feature.pyside_feature_dict
    assert features["cw_with_qt"] == 0
    assert features["cw_without_qt"] == -1
    cached = set(linecache.cache)
    assert str(tmp_path / "cw_with_qt.py") not in cached
    assert str(tmp_path / "cw_without_qt.py") not in cached


def test_the_answer_comes_from_the_source_when_there_is_one() -> None:
    assert uses_pyside(chorus_wizard.workers)
    assert not uses_pyside(chorus_wizard.ui.contrast)
    assert not uses_pyside(sys)  # built in
    assert not uses_pyside(sys.modules["PySide6.QtCore"])  # an extension module


def test_the_answer_does_not_depend_on_the_source_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cw_latin1.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nimport PySide6.QtCore\nNOM = 'Pr\xe9nom'\n"
    )
    (tmp_path / "cw_utf8.py").write_text("NOM = 'Prénom'  # Qt\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("cw_latin1", "cw_utf8"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert uses_pyside(importlib.import_module("cw_latin1"))
    assert not uses_pyside(importlib.import_module("cw_utf8"))


def test_a_fresh_wizard_process_keeps_no_module_source() -> None:
    code = (
        "import linecache, PySide6.QtWidgets, chorus_wizard.app; "
        "kept = [f for f in linecache.cache if 'chorus_wizard' in f or 'httpx' in f]; "
        "import chorus_wizard.backend.http, httpx; "
        "kept += [f for f in linecache.cache if 'httpx' in f]; "
        "assert not kept, kept"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
