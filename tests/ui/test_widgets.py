"""The shared widgets: Qt enums set through the property system (step 1, before ``Qt``),
text escaped for rich-text labels, and what they tell screen readers and keyboard users."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chorus_wizard.app import install_translators
from chorus_wizard.domain.password import PasswordPolicy
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.widgets.common import (
    Banner,
    FieldHint,
    FormComboBox,
    Tone,
    announcer,
    field_label,
    form_layout,
    stacked,
    wrapped,
)
from chorus_wizard.ui.widgets.explain import ExplainButton
from chorus_wizard.ui.widgets.keyboard import AltLetterGuard, ensure_mnemonics, mnemonic_of
from chorus_wizard.ui.widgets.password import PasswordInput
from chorus_wizard.ui.widgets.switch import ToggleSwitch
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import fake_wizard


def test_labels_and_banner_keep_their_formats(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    assert banner.textFormat() == Qt.TextFormat.PlainText  # a server's text is never markup
    assert banner.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert wrapped("<b>x</b>").textFormat() == Qt.TextFormat.PlainText
    assert wrapped("<b>x</b>", rich=True).textFormat() == Qt.TextFormat.RichText


def test_explain_button_at_the_top_of_its_cell_with_the_whats_this_pointer(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.page_of(PageId.IDENTIFY)
    email = page.email  # type: ignore[attr-defined]
    button = next(b for b in page.findChildren(ExplainButton) if "électronique" in b.help.name)
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # the field gives it: Maj+F1
    # The e-mail cell has three lines (field, hint, note): the « ? » stays beside the field.
    assert button.mapTo(page, QPoint(0, 0)).y() == email.mapTo(page, QPoint(0, 0)).y()
    assert button.cursor().shape() == Qt.CursorShape.WhatsThisCursor


def test_a_label_shows_markup_characters_as_typed(qtbot: QtBot) -> None:
    field = QLabel()
    qtbot.addWidget(field)
    label = field_label("Nom <court> & prénom", field, required=True)
    qtbot.addWidget(label)
    assert label.text().startswith("Nom &lt;court&gt; &amp; prénom<span")
    assert field.accessibleName() == "Nom <court> & prénom"


# -- what screen readers are told ------------------------------------------------------------


class Heard:
    """What :func:`announce` said while a test ran."""

    def __init__(self) -> None:
        self.said: list[tuple[str, bool]] = []
        announcer().said.connect(self._on_said)

    def _on_said(self, text: str, assertive: bool) -> None:
        self.said.append((text, assertive))

    def close(self) -> None:
        announcer().said.disconnect(self._on_said)


@pytest.fixture
def heard() -> Iterator[Heard]:
    listener = Heard()
    yield listener
    listener.close()


def test_every_banner_message_is_announced_even_twice_the_same(qtbot: QtBot, heard: Heard) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message(Tone.ERROR, "Code refusé.")
    banner.show_message(Tone.ERROR, "Code refusé.")  # « Valider » pressed again
    banner.show_message(Tone.SUCCESS, "Récapitulatif copié.")
    assert heard.said == [
        ("Code refusé.", True),
        ("Code refusé.", True),
        ("Récapitulatif copié.", False),
    ]


def test_password_rules_are_in_the_description_and_their_end_is_announced(
    qtbot: QtBot, heard: Heard
) -> None:
    widget = PasswordInput()
    form = QWidget()
    qtbot.addWidget(form)
    widget.add_rows(form_layout())
    widget.set_policy(PasswordPolicy(), email="marie@exemple.fr", company_name="DINUM")
    widget.password.setText("court")
    description = widget.password.accessibleDescription()
    assert description.startswith("Champ obligatoire. Règles non respectées\u00a0: ")
    assert "12" in description
    assert not any("respectées." in text for text, _ in heard.said)
    heard.said.clear()
    widget.password.setText("Girafe-Bleue-2026")
    assert widget.password.accessibleDescription() == "Champ obligatoire"
    texts = [text for text, assertive in heard.said if not assertive]
    assert "Toutes les règles du mot de passe sont respectées." in texts
    assert any(text.startswith("Robustesse\u00a0: ") for text in texts)
    heard.said.clear()
    widget.password.setText("Girafe-Bleue-2026!")  # the rules were met already
    assert "Toutes les règles du mot de passe sont respectées." not in [t for t, _ in heard.said]


@pytest.mark.parametrize("typed", ["motdepasse1", "Password1"])
def test_a_common_password_is_not_ticked_as_uncommon(qtbot: QtBot, typed: str) -> None:
    """Found by a walk: both showed a green « N'est pas un mot de passe courant »."""
    widget = PasswordInput()
    form = QWidget()
    qtbot.addWidget(form)
    widget.add_rows(form_layout())
    widget.set_policy(PasswordPolicy(), email="marie@exemple.fr", company_name="DINUM")
    widget.password.setText(typed)
    [common] = [rule for rule in widget.rules() if rule.key == "common"]
    assert not common.met
    assert "N'est pas un mot de passe courant" in widget.password.accessibleDescription()


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # a window
def test_a_refused_field_keeps_its_frame_and_height_and_shows_an_icon(qtbot: QtBot) -> None:
    field = QLineEdit()
    hint = FieldHint(field)
    box = QWidget()
    layout = stacked(field, hint)
    box.setLayout(layout)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    height = field.sizeHint().height()
    hint.set_reason("14 chiffres attendus.")
    assert field.styleSheet() == ""  # the platform's frame and focus ring stay
    assert field.sizeHint().height() == height
    assert hint.icon_shown and len(field.actions()) == 1
    assert hint.isVisible() and hint.text() == "14 chiffres attendus."
    assert field.accessibleDescription() == "14 chiffres attendus."
    hint.set_reason(None)
    assert not hint.icon_shown and not field.actions()


def test_labels_name_their_field_without_the_asterisk(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    label = field_label("Pays", combo, required=True)
    qtbot.addWidget(label)
    assert "*" in label.text()
    assert label.accessibleName() == "Pays" and combo.accessibleName() == "Pays"
    assert combo.accessibleDescription() == "Champ obligatoire"


def test_the_switch_reports_the_area_it_paints(qtbot: QtBot) -> None:
    switch = ToggleSwitch()
    switch.setAccessibleName("Factures reçues")
    qtbot.addWidget(switch)
    switch.show()
    qtbot.waitExposed(switch)
    reported = QAccessible.queryAccessibleInterface(switch).rect()
    assert reported.size() == switch.size()
    assert switch.width() >= 40  # a check box's indicator alone is 14 x 14


def test_mnemonics_take_the_first_free_letter() -> None:
    assert (
        mnemonic_of("&Suivant") == "s" and mnemonic_of("R&&D") == "" and mnemonic_of("É&té") == "t"
    )
    assert mnemonic_of("&Étape") == "e"


def test_ensure_mnemonics_gives_each_button_its_own_letter(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    buttons = [QPushButton(text, box) for text in ("&Suivant", "Réessayer", "Recommencer", "?")]
    box.show()
    ensure_mnemonics(buttons)
    assert [b.text() for b in buttons] == ["&Suivant", "&Réessayer", "R&ecommencer", "?"]
    assert buttons[1].accessibleName() == "Réessayer"


def test_an_unclaimed_alt_letter_types_nothing(qtbot: QtBot, qapp: QApplication) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    guard = AltLetterGuard()
    qapp.installEventFilter(guard)
    try:
        qtbot.keyClicks(field, "Marie")
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
        assert field.text() == "Marie"
        qtbot.keyClick(
            field,
            Qt.Key.Key_E,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
        )
        assert field.text() == "Mariee"  # AltGr on Windows (Ctrl+Alt) still types
    finally:
        qapp.removeEventFilter(guard)


def test_siret_count_while_typing_and_the_reason_next_waits(wizard: SignupWizard) -> None:
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    assert page.next_reason.isVisible()
    assert "Adresse électronique de connexion" in page.next_reason.text()
    page.email.setText("marie.durand@exemple.fr")
    page.identifier.setText("1300252650001")
    assert page.identifier_count.isVisible()
    assert page.identifier_count.text() == "13 chiffres sur 14"
    assert not page.identifier_hint.isVisible()  # not wrong: unfinished
    assert page.identifier.accessibleDescription() == "Champ obligatoire. 13 chiffres sur 14"
    assert (
        page.next_reason.text() == "Pour continuer, complétez ou corrigez\u00a0: Numéro de SIRET."
    )
    page.identifier.setText("1300252650001A")  # can no longer become valid: said at once
    assert page.identifier_hint.isVisible() and not page.identifier_count.isVisible()
    page.identifier.setText("13002526500013")
    assert not page.identifier_count.isVisible() and not page.next_reason.isVisible()


def test_the_resume_question_is_read_with_its_buttons(wizard: SignupWizard) -> None:
    page = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(page, IdentifyPage)
    page.resume_box.offer("Reprendre l'inscription commencée le 2 décembre\u00a0?")
    assert page.resume_box.resume_button.accessibleDescription() == page.resume_box.question.text()
    assert page.resume_box.restart_button.accessibleDescription() == page.resume_box.question.text()


def test_f1_on_step_1_docks_the_help_when_the_pages_came_after_the_paint(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_translators(qapp, "fr")
    wizard = fake_wizard(qtbot, FakeService(), finished=False)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.build_the_rest()  # what follows the first paint
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    panel = wizard.desk.panel
    assert panel.isVisible() and not panel.isWindow() and panel.window() is wizard
    wizard.shutdown()


def test_a_page_change_is_announced(qtbot: QtBot, wizard: SignupWizard, heard: Heard) -> None:
    page = wizard.page_of(PageId.IDENTIFY)
    page.email.setText("marie.durand@exemple.fr")  # type: ignore[attr-defined]
    page.identifier.setText("13002526500013")  # type: ignore[attr-defined]
    wizard.next()
    qtbot.waitUntil(
        lambda: ("Étape 2 sur 4\u00a0: Complétez les informations demandées", False) in heard.said
    )


def _wheel(widget: QWidget, steps: int) -> None:
    """A turn of the mouse wheel over ``widget``'s middle (``steps`` notches down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, -120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_past_a_list_it_has_not_been_given(
    qtbot: QtBot, wizard: SignupWizard
) -> None:
    """Found by a walk through the program: scrolling step 2 with the wheel turned « Pays »
    from France to Allemagne as the list passed under the pointer."""
    wizard.build_the_rest()
    combo = wizard.page_of(PageId.COMPLETE).country  # type: ignore[attr-defined]
    assert isinstance(combo, FormComboBox)
    for code in ("DE", "BE"):
        combo.addItem(code, code)
    wizard.activateWindow()
    identify = wizard.page_of(PageId.IDENTIFY)
    identify.email.setFocus()  # type: ignore[attr-defined]
    _wheel(combo, 1)
    assert combo.currentData() == "FR"  # the page scrolls instead
    combo.setFocus()
    _wheel(combo, 1)
    assert combo.currentData() == "DE"  # chosen on purpose: the wheel works
