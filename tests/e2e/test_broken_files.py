"""Each kind of broken file the wizard reads: it starts, with the file set aside and a message.

Built as the command builds it (``build_wizard``), on a backend URL nobody serves: nothing is
asked of it before Suivant.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, finish_build
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.wizard import SignupWizard

BROKEN = {
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "random bytes": random.Random(23).randbytes(4096),
    "a list": b"[]",
    "truncated": b'{"format": "chorus-wizard-',
}
FILES = {
    "draft.json": "L'inscription commencée précédemment n'a pas pu être reprise",
    "settings.json": "Les paramètres enregistrés n'ont pas pu être relus",
    "interface.json": "Les préférences d'affichage n'ont pas pu être relues",
}


@pytest.mark.parametrize("kind", BROKEN)
@pytest.mark.parametrize("name", FILES)
def test_the_wizard_starts_with_the_broken_file_set_aside(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, name: str, kind: str
) -> None:
    content = BROKEN[kind]
    (tmp_path / name).write_bytes(content)
    wizard = build_wizard(["--backend", "http://127.0.0.1:9", "--data-dir", str(tmp_path)])
    assert isinstance(wizard, SignupWizard)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        finish_build(wizard)  # what follows the first paint
        identify = wizard.page_of(PageId.IDENTIFY)
        assert isinstance(identify, IdentifyPage)
        stem = name.removesuffix(".json")
        (aside,) = tmp_path.glob(f"{stem}.endommage-*.json")
        assert aside.read_bytes() == content  # kept for support
        assert identify.banner.tone is Tone.WARNING
        text = identify.banner.text()
        assert FILES[name] in text
        assert f"mis de côté ({aside.name})" in text
        assert text.count("mis de côté") == 1  # said once, for this file only
        assert not identify.resume_box.isVisible()
    finally:
        wizard.close()
        wizard.shutdown()
