"""French is the source, English the translation: complete, up to date, loaded by --lang."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.backend.models import SecretQuestion
from chorus_wizard.domain.countries import Country
from chorus_wizard.texts import translate
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import fake_wizard

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "chorus_wizard_en.ts"
QM = ROOT / "resources" / "translations" / "chorus_wizard_en.qm"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_entry_is_translated() -> None:
    messages = _messages(TS)
    assert messages, "the .ts holds no string: run scripts/update_translations.py"
    unfinished = [
        f"{context}: {source!r}"
        for context, source, message in messages
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_placeholders_are_kept() -> None:
    import re

    field = re.compile(r"\{\w*\}")
    wrong = [
        source
        for _, source, message in _messages(TS)
        if sorted(field.findall(source))
        != sorted(field.findall(message.findtext("translation") or ""))
    ]
    assert wrong == []


def test_ts_holds_every_string_of_the_code(tmp_path: Path) -> None:
    script = _script()
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    script.lupdate(copy)
    before = {(context, source) for context, source, _ in _messages(TS)}
    after = {(context, source) for context, source, _ in _messages(copy)}
    assert sorted(after - before) == [], "run scripts/update_translations.py and translate"
    assert sorted(before - after) == [], "strings gone from the code: run the script"


def test_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    _script().lrelease(TS, built)
    assert QM.read_bytes() == built.read_bytes(), "run scripts/update_translations.py"


def test_update_script_check_mode() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("saved", ["fr", "en"])
def test_language_setting_round_trip(tmp_path: Path, saved: str) -> None:
    from chorus_wizard.settings import Settings, SettingsStore

    store = SettingsStore(tmp_path)
    store.save(Settings(language=saved))
    assert store.load().language == saved


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "fr")


def _english_wizard(qtbot: QtBot) -> SignupWizard:
    return fake_wizard(qtbot, FakeService(), lang="en")


def test_english_wizard(qtbot: QtBot, english: None) -> None:
    wizard = _english_wizard(qtbot)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.page_of(PageId.IDENTIFY)
    assert page.title() == "Identify yourself"
    assert page.subTitle().startswith("Step 1 of 4")
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Cancel"
    assert wizard.buttonText(QWizard.WizardButton.CustomButton1) == "&More"
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert any(text.startswith("Login email address") for text in labels), labels
    assert not any("Adresse électronique" in text for text in labels)
    assert translate("IdentifyPage", "Identifiez-vous") == "Identify yourself"
    wizard.desk.set_help_visible(True)
    assert wizard.desk.panel.text().startswith("Step 1 — Identify yourself")
    wizard.shutdown()


def test_every_help_text_exists_in_english() -> None:
    help_dir = ROOT / "resources" / "help"
    french = sorted(path.name for path in (help_dir / "fr").glob("*.md"))
    assert french
    assert sorted(path.name for path in (help_dir / "en").glob("*.md")) == french


def test_french_is_the_default(qtbot: QtBot, qapp: QApplication) -> None:
    install_translators(qapp, "en")
    wizard = fake_wizard(qtbot, FakeService())  # no language asked for
    assert wizard.page_of(PageId.IDENTIFY).title() == "Identifiez-vous"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Annuler"
    wizard.shutdown()


@pytest.mark.parametrize(
    ("option", "title"), [([], "Identify yourself"), (["--lang", "fr"], "Identifiez-vous")]
)
def test_saved_language_unless_lang_option(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, option: list[str], title: str
) -> None:
    from chorus_wizard.app import build_wizard
    from chorus_wizard.settings import Settings, SettingsStore

    SettingsStore(tmp_path).save(Settings(language="en"))
    try:
        wizard = build_wizard(
            ["--backend", "http://127.0.0.1:9", "--data-dir", str(tmp_path), *option]
        )
        assert isinstance(wizard, SignupWizard)
        qtbot.addWidget(wizard)
        assert wizard.page_of(PageId.IDENTIFY).title() == title
        wizard.shutdown()
    finally:
        install_translators(qapp, "fr")


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_settings_dialog_saves_the_language(
    qtbot: QtBot, wizard: SignupWizard, tmp_path: Path, memory_keyring: object
) -> None:
    from chorus_wizard.settings import SettingsStore
    from tests.ui.test_settings_dialog import open_dialog

    dialog = open_dialog(qtbot, wizard, tmp_path)
    assert dialog.language.currentData() == "fr"
    assert "prochain démarrage" in dialog.language_note.text()
    assert "--lang" in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert SettingsStore(tmp_path / "data").load().language == "en"


#: A space (ordinary, no-break or narrow no-break) before ; : ? !, or French quotes.
_FRENCH_TYPOGRAPHY = re.compile(r"[ \u00a0\u202f][;:?!]|[«»]")


def _french_typography(text: str) -> list[str]:
    return [text[max(0, m.start() - 20) : m.end()] for m in _FRENCH_TYPOGRAPHY.finditer(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Note: done; really? yes!", False),
        ("Note : done", True),
        ("Note\u00a0: done", True),
        ("Done\u202f!", True),
        ("Really ?", True),
        ("Open “Factures émises”", False),
        ("Open «\u00a0Factures émises\u00a0»", True),
    ],
)
def test_french_typography_check(text: str, found: bool) -> None:
    assert bool(_french_typography(text)) is found


def test_english_uses_english_typography() -> None:
    """No space before ; : ? ! and no « » in an English translation (design.md)."""
    wrong = [
        f"{context}: {found!r}"
        for context, _, message in _messages(TS)
        if (translation := message.find("translation")) is not None
        for found in _french_typography("".join(translation.itertext()))
    ]
    assert wrong == []


class _EnglishDataService(FakeService):
    """Country names as a server sends them in English, in no particular order."""

    def countries(self) -> list[Country]:
        self._enter("countries")
        return [
            Country("ZW", "Zimbabwe"),
            Country("CI", "Côte d'Ivoire"),
            Country("FR", "France"),
            Country("AX", "Åland Islands"),
            Country("CO", "Colombia"),
            Country("AL", "Albania"),
        ]


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_english_step_1_and_2_data(qtbot: QtBot, english: None) -> None:
    from tests.ui.test_pages import go_to_complete

    wizard = fake_wizard(qtbot, _EnglishDataService(), lang="en")
    wizard.show()
    qtbot.waitExposed(wizard)
    identify = wizard.page_of(PageId.IDENTIFY)
    assert identify.email.placeholderText() == "firstname.lastname@company.com"  # type: ignore[attr-defined]
    page = go_to_complete(qtbot, wizard)
    qtbot.waitUntil(lambda: page.country.count() == 6)
    shown = [page.country.itemText(i) for i in range(page.country.count())]
    assert shown == [
        "France",
        "Åland Islands",
        "Albania",
        "Colombia",
        "Côte d'Ivoire",
        "Zimbabwe",
    ]
    wizard.shutdown()


def test_country_names_follow_the_interface_language(english: None) -> None:
    from chorus_wizard.backend.piste import PisteClient
    from chorus_wizard.backend.profiles import PisteCredentials

    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        asked.append(json.loads(request.content)["codeLangue"])
        return httpx.Response(200, json={"codeRetour": 0, "libelle": "ok", "listePays": []})

    client = PisteClient(
        httpx.Client(transport=httpx.MockTransport(handler)),
        "https://oauth.test/token",
        "https://api.test",
        PisteCredentials("id", "secret", "tech@x.fr", "pw"),
    )
    assert client.countries() == []
    assert asked == ["EN"]


def test_the_local_country_list_is_in_english(english: None) -> None:
    from chorus_wizard.backend.service import ChorusSignupService

    countries = {c.code: c.label for c in ChorusSignupService.countries(_no_piste())}
    assert countries["DE"] == "Germany"
    assert countries["CI"] == "Côte d'Ivoire"


def _no_piste() -> Any:
    class NoPiste:
        _piste = None

    return NoPiste()


def test_every_shipped_secret_question_has_an_english_text(english: None) -> None:
    from chorus_wizard.backend.questions import SHIPPED_QUESTIONS, question_label

    shipped = json.loads((ROOT / "resources" / "sandbox" / "secret_questions.json").read_text())
    labels = [q["libelle"] for q in shipped["questions"]]
    assert sorted(labels) == sorted(SHIPPED_QUESTIONS)
    english_labels = [question_label(label) for label in labels]
    assert english_labels[0] == "What was the name of your first pet?"
    assert not set(english_labels) & set(labels)
    assert question_label("Une question d'une salle de formation ?") == (
        "Une question d'une salle de formation ?"
    )


def test_secret_questions_are_shown_in_english_and_sent_by_id(english: None) -> None:
    from chorus_wizard.backend.signup_api import SignupApi

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "codeRetour": 0,
                "libelle": "ok",
                "listeQuestions": [
                    {"id": 4, "libelle": "Quel est le nom de votre école primaire\u00a0?"}
                ],
            },
        )

    api = SignupApi(httpx.Client(transport=httpx.MockTransport(handler)), "https://sandbox.test")
    assert api.secret_questions() == [
        SecretQuestion(4, "What was the name of your primary school?")
    ]


def test_every_shipped_workspace_has_an_english_name_and_description(english: None) -> None:
    from chorus_wizard.backend.workspace_texts import SHIPPED_WORKSPACE_TEXTS, workspace_text

    shipped = json.loads((ROOT / "resources" / "sandbox" / "workspaces.json").read_text())
    texts = [w[key] for w in shipped["espaces"] for key in ("libelle", "description")]
    assert sorted(texts) == sorted(SHIPPED_WORKSPACE_TEXTS)
    shown = [workspace_text(text) for text in texts]
    assert shown[0] == "Invoices sent"
    assert not set(shown) & set(texts)
    assert workspace_text("Un espace d'une salle de formation") == (
        "Un espace d'une salle de formation"
    )


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_final_message_follows_the_interface_language(qtbot: QtBot, english: None) -> None:
    from chorus_wizard.ui.pages.done import FINAL_MESSAGE, DonePage

    wizard = _english_wizard(qtbot)
    done = wizard.page_of(PageId.DONE)
    assert isinstance(done, DonePage)
    done.context.draft.final_message = FINAL_MESSAGE  # the sandbox's own French words
    done.initializePage()
    # a sandbox's signup is a rehearsal: its words, in English, instead of « now active »
    assert "The rehearsal succeeded" in done.message.text()
    assert "Your account is now active" not in done.message.text()
    done.context.draft.final_message = "Compte activé par la salle de formation."
    done.initializePage()
    assert "Compte activé" not in done.message.text()  # a rehearsal's words, whatever it said
    assert "The rehearsal succeeded" in done.message.text()
    wizard.shutdown()
