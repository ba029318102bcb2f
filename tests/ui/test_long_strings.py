"""Layout survives long translations: a pseudo-translation lengthens every string by ~40 %.

Every translation of the English catalogue is replaced, at test time, by its French source
with accented letters and a padding of « ~ » words (« [Ïdéñtïfïéz-vöüs ~~~~ ~~] »), kept
placeholders and markup intact; the wizard is then built at 820×720 and walked through every
page with the FakeService. On each page, no visible button or check box may be narrower than
its text needs, no single-line label narrower than its text, no word-wrapped label shorter
than its wrapped text; and the window must not need more than 1000 px of width.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import ANSWER, CODE, EMAIL, PASSWORD, SIRET, fake_wizard

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "chorus_wizard_en.ts"
ACCENTS = str.maketrans("aceinouyACEINOUY", "áçéïñöüÿÁÇÉÏÑÖÜŸ")
#: Placeholders, markup and entities are kept as they are.
_KEEP = re.compile(r"(\{\w*\}|<[^>]*>|&\w+;)")
MAX_WIDTH = 1000


def pseudo(source: str) -> str:
    """« [Ŝöüŕçé ~~~~] »: accented, ~40 % longer, placeholders and tags untouched."""
    parts = _KEEP.split(source)
    text = "".join(part if _KEEP.fullmatch(part) else part.translate(ACCENTS) for part in parts)
    visible = sum(len(part) for part in parts if not _KEEP.fullmatch(part))
    extra = max(2, math.ceil(visible * 0.4) - 2)
    padding = " ".join("~" * min(6, extra - i) for i in range(0, extra, 6))
    return f"[{text} {padding}]"


def test_pseudo_keeps_placeholders_and_lengthens() -> None:
    text = pseudo("Étape {step} sur 4 — <b>{steps}</b>")
    assert "{step}" in text and "<b>{steps}</b>" in text
    assert len(pseudo("Identifiez-vous")) >= 1.4 * len("Identifiez-vous")


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pseudo")
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.text = pseudo(message.findtext("source") or "")
        translation.attrib.pop("type", None)
    ts = folder / "chorus_wizard_pseudo.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "chorus_wizard_pseudo.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture
def long_wizard(qtbot: QtBot, qapp: QApplication, pseudo_qm: Path) -> Iterator[SignupWizard]:
    wizard = fake_wizard(qtbot, FakeService(), lang="en", catalog=pseudo_qm)
    wizard.resize(820, 720)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    wizard.shutdown()
    wizard.context.runner.wait_for_done(5000)
    install_translators(qapp, "fr")


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0


def clipped(root: QWidget) -> list[str]:
    """Visible texts that do not fit the room their layout gave them."""
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton | QCheckBox) or not _visible(button):
            continue
        if button.text() and button.sizeHint().width() > button.width() + 1:
            problems.append(
                f"button {button.text()!r}: needs {button.sizeHint().width()}, has {button.width()}"
            )
    for label in root.findChildren(QLabel):
        if not _visible(label) or not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                problems.append(
                    f"label {label.text()[:60]!r}: needs {needed} px high, has {label.height()}"
                )
        elif label.sizeHint().height() > label.height() + 1:
            problems.append(
                f"label {label.text()[:60]!r}: "
                f"needs {label.sizeHint().height()} px high, has {label.height()}"
            )
        elif label.sizeHint().width() > label.width() + 1:
            problems.append(
                f"label {label.text()[:60]!r}: "
                f"needs {label.sizeHint().width()}, has {label.width()}"
            )
    width = root.minimumSizeHint().width()
    if width > MAX_WIDTH:
        problems.append(f"the window needs {width} px of width")
    return problems


def check_page(qtbot: QtBot, wizard: SignupWizard) -> None:
    qtbot.wait(50)  # layouts settle
    page = wizard.currentPage()
    assert "[" in page.title(), "the pseudo-translation is not loaded"
    assert clipped(wizard) == [], page.title()


def test_clipping_is_detected(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Un texte bien trop long pour ce bouton", window)
    button.setFixedWidth(40)
    label = QLabel("Un libellé sur plusieurs lignes, " * 8, window)
    label.setWordWrap(True)
    label.setGeometry(0, 40, 120, 20)
    window.show()
    qtbot.waitExposed(window)
    problems = clipped(window)
    assert any(problem.startswith("button") for problem in problems), problems
    assert any("px high" in problem for problem in problems), problems


def test_every_page_with_long_strings(qtbot: QtBot, long_wizard: SignupWizard) -> None:
    wizard = long_wizard
    check_page(qtbot, wizard)
    wizard.desk.set_help_visible(True)  # the help panel takes room beside the page
    check_page(qtbot, wizard)
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    identify.no_siret.setChecked(True)  # the identifier type row
    check_page(qtbot, wizard)
    identify.no_siret.setChecked(False)
    identify.email.setText(EMAIL)
    identify.identifier.setText(SIRET)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    check_page(qtbot, wizard)
    wizard.desk.set_help_visible(False)
    complete.email_again.setText(EMAIL)
    complete.nom.setText("Durand")
    complete.prenom.setText("Marie")
    check_page(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    spaces = wizard.page_of(PageId.WORKSPACES)
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    check_page(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)
    activate = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(activate, ActivatePage)
    qtbot.waitUntil(lambda: activate.question.count() > 0)
    activate.password.password.setText("court")
    check_page(qtbot, wizard)
    activate.code.setText(CODE)
    activate.password.password.setText(PASSWORD)
    activate.password.confirmation.setText(PASSWORD)
    activate.answer.setText(ANSWER)
    check_page(qtbot, wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
    check_page(qtbot, wizard)


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_settings_dialog_with_long_strings(
    qtbot: QtBot, long_wizard: SignupWizard, memory_keyring: object
) -> None:
    dialog = long_wizard.show_settings()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())  # loaded in a worker
    qtbot.wait(50)
    assert "[" in dialog.windowTitle()
    assert clipped(dialog) == []
    dialog.backend.setCurrentIndex(dialog.backend.findData("production"))  # PISTE fields
    qtbot.wait(50)
    assert clipped(dialog) == []
    dialog.reject()
