"""« Je ne connais pas mon SIRET » through the wizard, against the sandbox's directory: a name,
a name with a postcode, no result, a closed establishment, and a 429 that is waited out."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.app import build_wizard, install_translators
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.company_search import CompanySearchDialog
from chorus_wizard.ui.wizard import SignupWizard
from tests.e2e.steps import TIMEOUT

# the offscreen platform says it cannot size a dialog's window: harmless there
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def hits(dialog: CompanySearchDialog) -> list[str]:
    """The SIRETs listed, in order."""
    return [
        dialog.results.item(row).data(Qt.ItemDataRole.UserRole).siret
        for row in range(dialog.results.count())
    ]


def search(qtbot: QtBot, dialog: CompanySearchDialog, name: str, place: str = "") -> None:
    dialog.place.setText(place)
    dialog.name.setText(name)
    dialog.status.clear_message()  # the next message is this search's
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Entrée: at once, no pause
    qtbot.waitUntil(
        lambda: not dialog.busy.isVisible() and bool(dialog.status.text()), timeout=TIMEOUT
    )


@pytest.fixture
def wizard(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[SignupWizard]:
    install_translators(qapp, "fr")
    built = build_wizard(["--data-dir", str(tmp_path / "data")])
    assert isinstance(built, SignupWizard)
    qtbot.addWidget(built)
    built.show()
    yield built
    built.shutdown()


def open_search(wizard: SignupWizard) -> tuple[IdentifyPage, CompanySearchDialog]:
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    assert identify.find_siret.isVisible()
    return identify, identify.open_company_search()


def test_a_name_lists_establishments_and_choosing_an_open_one_fills_the_siret(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    identify, dialog = open_search(wizard)
    search(qtbot, dialog, "ganymede")
    # three companies of that name in the sandbox's directory, one establishment each
    assert sorted(hits(dialog)) == ["38365746700023", "42320818000012", "88087814500015"]
    assert "3 établissements trouvés" in dialog.status.text()
    texts = [dialog.results.item(r).text() for r in range(dialog.results.count())]
    narbonne = next(t for t in texts if "NARBONNE" in t)
    assert "siège, ouvert" in narbonne and "SIRET 423 208 180 00012" in narbonne
    # arrows then Entrée choose, as with the mouse
    dialog.results.setFocus()
    dialog.results.setCurrentRow(0)
    while dialog.current_hit() is not None and dialog.current_hit().siret != "42320818000012":  # type: ignore[union-attr]
        qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert identify.identifier.text().replace(" ", "") == "42320818000012"
    assert identify.identifier_hint.text() == ""


def test_arrows_and_entree_choose_from_the_search_fields(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    """Found by a walk: ↓, ↑ and Entrée did nothing from the name and place fields."""
    identify, dialog = open_search(wizard)
    search(qtbot, dialog, "ganymede")
    first = dialog.results.currentRow()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == first + 1
    assert dialog.name.hasFocus() or not dialog.isActiveWindow()  # the field keeps the keys
    qtbot.keyClick(dialog.place, Qt.Key.Key_Up)
    assert dialog.results.currentRow() == first
    qtbot.keyClick(dialog.name, Qt.Key.Key_Down)
    wanted = dialog.current_hit()
    assert wanted is not None and wanted.open
    # a blank typed and removed: the same words, so the list is still this search's
    dialog.name.setText("ganymede ")
    dialog.name.setText("ganymede")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert identify.identifier.text().replace(" ", "") == wanted.siret


def test_entree_in_a_field_searches_what_was_typed_since(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    _identify, dialog = open_search(wizard)
    search(qtbot, dialog, "ganymede")
    assert len(hits(dialog)) == 3
    search(qtbot, dialog, "ganymede", "75008")  # Entrée after a change: a search, no choice
    assert dialog.isVisible()
    assert hits(dialog) == ["88087814500015"]
    dialog.reject()


def test_a_closed_establishment_says_why_it_cannot_be_chosen(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    identify, dialog = open_search(wizard)
    search(qtbot, dialog, "ganymede", "75008")
    assert hits(dialog) == ["88087814500015"]
    assert "fermé" in dialog.results.item(0).text()
    dialog.choose_button.click()
    assert dialog.isVisible()
    assert "cessé son activité" in dialog.status.text()
    assert "établissements ouverts" in dialog.status.text()
    assert identify.identifier.text() == ""
    dialog.reject()


def test_a_name_with_a_postcode_keeps_the_establishments_located_there(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    _identify, dialog = open_search(wizard)
    search(qtbot, dialog, "la poste")
    everywhere = hits(dialog)
    assert "33840382700011" in everywhere  # Grenoble, closed
    search(qtbot, dialog, "la poste", "75015")
    assert sorted(hits(dialog)) == ["35600000000048", "35600000041439", "35600000041452"]
    texts = [dialog.results.item(r).text() for r in range(dialog.results.count())]
    assert all("75015 PARIS" in t for t in texts)
    assert sum("siège" in t for t in texts) == 1
    # a town narrows it too
    search(qtbot, dialog, "ganymede", "Narbonne")
    assert hits(dialog) == ["42320818000012"]
    dialog.reject()


def test_no_result_says_so(qtbot: QtBot, wizard: SignupWizard) -> None:
    _identify, dialog = open_search(wizard)
    search(qtbot, dialog, "entreprise qui n'existe pas")
    assert hits(dialog) == []
    assert "Aucune entreprise trouvée" in dialog.status.text()
    assert not dialog.choose_button.isEnabled()
    dialog.reject()


def test_typing_is_searched_after_a_pause(qtbot: QtBot, wizard: SignupWizard) -> None:
    _identify, dialog = open_search(wizard)
    dialog.name.setText("ga")
    dialog.name.setText("gan")
    dialog.name.setText("ganymede")  # three changes, one request after the pause
    assert hits(dialog) == []
    qtbot.waitUntil(lambda: len(hits(dialog)) == 3, timeout=TIMEOUT)
    dialog.reject()


class _Limited(BaseHTTPRequestHandler):
    """Answers the first /search with 429 (Retry-After: 1), then forwards to the sandbox."""

    target = ""
    seen: ClassVar[list[int]] = []

    def do_GET(self) -> None:
        if not self.seen:
            self.seen.append(429)
            self.send_response(429)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        answer = httpx.get(self.target + self.path, timeout=20)
        self.seen.append(answer.status_code)
        self.send_response(answer.status_code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_429_waits_the_time_asked_says_so_and_searches_again(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    install_translators(qapp, "fr")
    with SandboxServer(tmp_path / "sandbox") as server:
        server.wait_ready(30)
        _Limited.target, _Limited.seen = server.base_url, []
        limited = ThreadingHTTPServer(("127.0.0.1", 0), _Limited)
        threading.Thread(target=limited.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{limited.server_address[1]}"
        wizard = build_wizard(
            [
                "--data-dir",
                str(tmp_path / "data"),
                "--backend",
                server.base_url,
                "--directory-url",
                url,
            ]
        )
        assert isinstance(wizard, SignupWizard)
        qtbot.addWidget(wizard)
        wizard.show()
        try:
            _identify, dialog = open_search(wizard)
            search(qtbot, dialog, "ganymede")
            assert "trop de demandes" in dialog.status.text()
            assert "1\u00a0s" in dialog.status.text()
            assert hits(dialog) == []
            qtbot.waitUntil(lambda: len(hits(dialog)) == 3, timeout=TIMEOUT)
            assert _Limited.seen == [429, 200]
            assert "3 établissements trouvés" in dialog.status.text()
            dialog.reject()
        finally:
            wizard.shutdown()
            limited.shutdown()
            limited.server_close()
