"""« Aide » panel, « ? » buttons, recap (PDF, clipboard), diagnostic export, accessibility."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chorus_wizard.backend.errors import FieldRefused, InvalidActivationCode
from chorus_wizard.recap import recap_html
from chorus_wizard.ui.desk import spoken_progress
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.done import DonePage
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.widgets.explain import ExplainButton
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import ANSWER, CODE, EMAIL, PASSWORD, reach_activation, run_signup

#: The offscreen platform cannot size a dialog's native window: harmless here.
offscreen_dialog = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

SECRETS = (PASSWORD, ANSWER, CODE, "jeton")


def pdf_text(path: Path, recap_document_text: str) -> str:
    """The PDF's text by poppler's pdftotext when installed, else the document's own text."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return recap_document_text
    result = subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


# -- help panel --------------------------------------------------------------------------


def test_help_panel_follows_the_page(qtbot: QtBot, wizard: SignupWizard) -> None:
    desk = wizard.desk
    assert desk.panel.isHidden()
    qtbot.mouseClick(desk.help_button, Qt.MouseButton.LeftButton)
    assert desk.panel.isVisible()
    text = desk.panel.text()
    assert "Identifiez-vous" in text
    assert "SIRET" in text and "adresse électronique que vous garderez" in text
    assert "rattachement" in text  # the common problems are there
    run_signup(qtbot, wizard)
    assert "Inscription terminée" in desk.panel.text()
    qtbot.mouseClick(desk.help_button, Qt.MouseButton.LeftButton)
    assert desk.panel.isHidden()


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("identify", "fermé"),
        ("attach", "sollicitation"),
        ("complete", "DUME"),
        ("workspaces", "gestionnaire principal"),
        ("activate", "une heure"),
        ("done", "Exporter un diagnostic"),
    ],
)
def test_every_page_has_help(wizard: SignupWizard, key: str, expected: str) -> None:
    wizard.desk.panel.show_page(key)
    assert expected in wizard.desk.panel.text()


def test_help_visibility_is_remembered(tmp_path: Path, wizard: SignupWizard) -> None:
    settings = tmp_path / "data" / "interface.json"
    wizard.desk.use_settings_file(settings)
    assert not wizard.desk.help_visible
    wizard.desk.set_help_visible(True)
    assert json.loads(settings.read_text()) == {"aide_visible": True}
    wizard.desk.help_button.setChecked(False)
    assert json.loads(settings.read_text()) == {"aide_visible": False}
    settings.write_text('{"aide_visible": true}')
    wizard.desk.use_settings_file(settings)
    assert wizard.desk.help_visible and wizard.desk.panel.isVisible()
    settings.write_text("not json")
    wizard.desk.use_settings_file(settings)  # a damaged file is ignored
    assert not wizard.desk.help_visible


def test_f1_toggles_help(qtbot: QtBot, wizard: SignupWizard) -> None:
    wizard.activateWindow()
    qtbot.keyClick(wizard.page_of(PageId.IDENTIFY).email, Qt.Key.Key_F1)  # type: ignore[attr-defined]
    assert wizard.desk.help_visible


# -- « ? » buttons -------------------------------------------------------------------------


def test_explain_buttons(
    qtbot: QtBot, wizard: SignupWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    # The real popup grabs the keyboard, which the offscreen platform cannot do.
    monkeypatch.setattr(
        "chorus_wizard.ui.widgets.explain.QWhatsThis.showText",
        lambda _pos, text, _widget: shown.append(text),
    )
    names = set()
    for page in wizard.pages.values():
        for button in page.findChildren(ExplainButton):
            assert button.accessibleName().startswith("Aide\u00a0: ")
            # beside a field, the field gives the help (Maj+F1, its menu): Tab skips it
            assert bool(button.focusPolicy() & Qt.FocusPolicy.TabFocus) == (
                "Espaces de travail" in button.accessibleName()
            )
            assert button.toolTip() and button.accessibleDescription()
            names.add(button.accessibleName().removeprefix("Aide\u00a0: "))
    assert {
        "Adresse électronique de connexion",
        "Numéro de SIRET",
        "Libellé de la structure",
        "Créer et/ou consulter des DUME",
        "Espaces de travail",
        "Question secrète",
        "Mot de passe",
    } <= names
    page = wizard.page_of(PageId.IDENTIFY)
    button = next(iter(page.findChildren(ExplainButton)))
    button.click()
    assert shown and "garderez" in shown[0]
    assert page.email.toolTip()  # type: ignore[attr-defined]


def test_siret_help_only_for_siret(wizard: SignupWizard) -> None:
    page = wizard.page_of(PageId.IDENTIFY)
    assert not page.siret_help.isHidden()  # type: ignore[attr-defined]
    page.no_siret.setChecked(True)  # type: ignore[attr-defined]
    assert page.siret_help.isHidden()  # type: ignore[attr-defined]


# -- recap -------------------------------------------------------------------------------


def test_recap_pdf_and_clipboard(qtbot: QtBot, wizard: SignupWizard, tmp_path: Path) -> None:
    run_signup(qtbot, wizard)
    done = wizard.page_of(PageId.DONE)
    assert isinstance(done, DonePage)
    asked: list[Path] = []

    def choose(_title: str, suggested: Path, _filter: str) -> Path:
        asked.append(suggested)
        return tmp_path / "recap"  # no extension: .pdf is added

    wizard.desk.choose_path = choose
    qtbot.mouseClick(done.save_recap, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "recap.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert asked[0].name.startswith("recapitulatif-chorus-pro-13002526500013-")
    assert done.banner.tone is Tone.SUCCESS and str(pdf) in done.banner.text()
    document = QTextDocument()
    document.setHtml(recap_html(wizard.desk.recap()))
    text = " ".join(pdf_text(pdf, document.toPlainText()).split())
    for value in (EMAIL, "Durand", "130 025 265 00013", "Factures émises", "Bac à sable"):
        assert value in text
    for secret in SECRETS:
        assert secret not in text
        assert secret.encode() not in pdf.read_bytes()

    qtbot.mouseClick(done.copy_recap, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert EMAIL in copied and "Compte d'essai activé dans le bac à sable" in copied
    for secret in SECRETS:
        assert secret not in copied


@offscreen_dialog
def test_recap_on_demand(qtbot: QtBot, wizard: SignupWizard, tmp_path: Path) -> None:
    page = wizard.page_of(PageId.IDENTIFY)
    page.email.setText(EMAIL)  # type: ignore[attr-defined]
    page.identifier.setText("13002526500013")  # type: ignore[attr-defined]
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    qtbot.mouseClick(wizard.desk.recap_button, Qt.MouseButton.LeftButton)
    dialog = wizard.desk.recap_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Compte pas encore créé" in dialog.browser.toPlainText()
    wizard.desk.choose_path = lambda *_: None  # cancelled: nothing written, nothing said
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not list(tmp_path.glob("*.pdf"))
    wizard.desk.choose_path = lambda *_: tmp_path / "missing-folder" / "r.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage().banner.tone is Tone.ERROR  # type: ignore[attr-defined]
    dialog.close()


# -- diagnostic --------------------------------------------------------------------------


def test_diagnostic_has_no_secret(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService, tmp_path: Path
) -> None:
    service.fail["activate"] = InvalidActivationCode(
        "Ce code d'activation n'est pas valable.", status=400
    )
    activate = reach_activation(qtbot, wizard)
    wizard.next()  # the first activation is refused (said under the code's field)…
    qtbot.waitUntil(activate.code_hint.isVisible)
    assert QApplication.focusWidget() is activate.code  # …the cursor is in the faulty field
    assert "pas valable" in activate.code.accessibleDescription()
    activate.code.setText(CODE)
    wizard.next()  # …the second goes through
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
    wizard.desk.choose_path = lambda _t, suggested, _f: tmp_path / suggested.name
    path = wizard.desk.export_diagnostic()
    assert path is not None and path.name.startswith("diagnostic-chorus-wizard-")
    with zipfile.ZipFile(path) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
        info = json.loads(archive.read("environnement.json"))
        errors = archive.read("erreurs.txt").decode()
    assert info["profil"] == "sandbox" and info["pyside6"] and info["qt"]
    assert "Ce code d'activation n'est pas valable." in errors
    assert "Page\u00a0: Activez votre compte utilisateur" in everything
    for secret in SECRETS:
        assert secret not in everything


# -- accessibility -----------------------------------------------------------------------


def _named(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_every_control_has_an_accessible_name(qtbot: QtBot, wizard: SignupWizard) -> None:
    run_signup(qtbot, wizard)
    wizard.desk.set_help_visible(True)
    missing = []
    kinds = (QAbstractButton, QLineEdit, QComboBox, QTextBrowser)
    for kind in kinds:
        for widget in wizard.findChildren(kind):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not _named(widget).strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not missing


def test_progress_is_spoken(qtbot: QtBot, wizard: SignupWizard) -> None:
    assert spoken_progress(2) == (
        "Étape 2 sur 4\u00a0: Complétez. 1. Identifiez-vous, terminée\u00a0; 2. Complétez, en "
        "cours\u00a0; 3. Espaces de travail, à venir\u00a0; 4. Activez, à venir."
    )
    page = wizard.page_of(PageId.IDENTIFY)
    page.email.setText(EMAIL)  # type: ignore[attr-defined]
    page.identifier.setText("13002526500013")  # type: ignore[attr-defined]
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    assert wizard.currentPage().accessibleDescription() == spoken_progress(2)


def test_refused_field_gets_the_focus(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    service.fail["create_account"] = FieldRefused(
        "Le champ «\u00a0Code postal\u00a0» doit contenir 5 chiffres.",
        field="code_postal",
        status=400,
    )
    page = wizard.page_of(PageId.IDENTIFY)
    page.email.setText(EMAIL)  # type: ignore[attr-defined]
    page.identifier.setText("13002526500013")  # type: ignore[attr-defined]
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    complete = wizard.currentPage()
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    complete.email_again.setText(EMAIL)
    complete.nom.setText("Durand")
    complete.prenom.setText("Marie")
    wizard.next()
    qtbot.waitUntil(lambda: complete.banner.tone is Tone.ERROR)
    assert QApplication.focusWidget() is complete.fields["code_postal"]
    assert "5 chiffres" in complete.fields["code_postal"].accessibleDescription()


@offscreen_dialog
def test_a_new_recap_replaces_the_open_one(qtbot: QtBot, wizard: SignupWizard) -> None:
    first = wizard.desk.show_recap()
    second = wizard.desk.show_recap()  # « Récapitulatif » again: the first one closes
    assert second is not first and not first.isVisible()
    qtbot.wait(50)  # the first dialog is deleted meanwhile
    assert wizard.desk.recap_dialog is second and second.isVisible()
    third = wizard.desk.show_recap()
    assert not second.isVisible() and third.isVisible()
    third.close()
    qtbot.waitUntil(lambda: wizard.desk.recap_dialog is None)


def _read_save_dialog(qtbot: QtBot, wizard: SignupWizard) -> dict[str, object]:
    """Open « Enregistrer le récapitulatif » for real, read Qt's dialog, then cancel it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLabel

    seen: dict[str, object] = {}

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, read)
            return
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)]
        seen["directory"] = Path(dialog.directory().absolutePath())
        seen["name"] = dialog.selectedFiles()[0] if dialog.selectedFiles() else ""
        dialog.reject()

    QTimer.singleShot(0, read)
    wizard.desk.save_recap()
    return seen


@offscreen_dialog
@pytest.mark.parametrize("documents", [False, True])
def test_save_dialog_is_french_and_opens_in_documents_or_home(
    qtbot: QtBot, wizard: SignupWizard, documents: bool
) -> None:
    """The widget-based dialog (as here, offscreen): Qt 6's « &Look in: » and « Files of
    &type: » are missing from qtbase_fr.qm; with no Documents folder, the home folder."""
    home = Path.home()
    if documents:
        (home / "Documents").mkdir()
    seen = _read_save_dialog(qtbot, wizard)
    labels = seen["labels"]
    assert labels == ["&Voir dans\u00a0:", "&Nom de fichier\u00a0:", "Fichiers de &type\u00a0:"]
    assert seen["directory"] == (home / "Documents" if documents else home)
    assert Path(str(seen["name"])).name.startswith("recapitulatif-chorus-pro-")


@offscreen_dialog
def test_save_dialog_in_english(qtbot: QtBot, qapp: QApplication) -> None:
    from chorus_wizard.app import install_translators
    from tests.ui.flows import fake_wizard

    install_translators(qapp, "en")
    try:
        wizard = fake_wizard(qtbot, FakeService(), lang="en")
        labels = _read_save_dialog(qtbot, wizard)["labels"]
        assert labels == ["&Look in:", "File &name:", "Files of &type:"]
        wizard.shutdown()
    finally:
        install_translators(qapp, "fr")
