"""The whole signup with the keyboard alone: Tab, typing, Space, Enter and Alt+letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chorus_wizard.ui.desk import BUTTON_ROW
from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.widgets.keyboard import mnemonic_of
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import CODE, EMAIL, PASSWORD, reach_activation

#: QTest types ASCII only (it aborts on « é »): the accented answer is tested elsewhere.
ANSWER = "Medor le chien"
#: More Tab presses than any page has controls: reaching a field must not need more.
MAX_TABS = 60


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_to(qtbot: QtBot, target: QWidget) -> None:
    """Press Tab until ``target`` has the focus (it must be in the focus chain)."""
    for _ in range(MAX_TABS):
        if focused() is target:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {target.accessibleName()!r}")


def type_into(qtbot: QtBot, target: QWidget, text: str) -> None:
    tab_to(qtbot, target)
    qtbot.keyClicks(focused(), text)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    qtbot.keyClick(focused(), key)


def test_signup_with_the_keyboard_only(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    type_into(qtbot, identify.email, EMAIL)
    type_into(qtbot, identify.identifier, "13002526500013")
    press(qtbot, Qt.Key.Key_Return)  # Suivant
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)

    complete = wizard.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    type_into(qtbot, complete.email_again, EMAIL)
    type_into(qtbot, complete.nom, "Durand")
    type_into(qtbot, complete.prenom, "Marie")
    tab_to(qtbot, complete.dume)
    press(qtbot, Qt.Key.Key_Space)  # tick, then untick: a check box answers to Space
    assert complete.dume.isChecked()
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)  # Valider
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)

    spaces = wizard.page_of(PageId.WORKSPACES)
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    received = spaces.switches["FACTURES_RECUES"]
    qtbot.waitUntil(received.isVisible)  # rows added to a shown page appear a moment later
    tab_to(qtbot, received)
    press(qtbot, Qt.Key.Key_Space)  # OUI
    assert received.isChecked()
    press(qtbot, Qt.Key.Key_Return)  # Valider
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)

    activate = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(activate, ActivatePage)
    qtbot.waitUntil(lambda: activate.question.count() > 0)
    type_into(qtbot, activate.code, CODE)
    type_into(qtbot, activate.password.password, PASSWORD)
    type_into(qtbot, activate.password.confirmation, PASSWORD)
    type_into(qtbot, activate.answer, ANSWER)
    press(qtbot, Qt.Key.Key_Return)  # Valider
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)

    assert service.created[0].email == EMAIL and not service.created[0].dume
    assert "FACTURES_RECUES" in service.chosen_workspaces
    assert service.activations == [(EMAIL, CODE, PASSWORD, 1, ANSWER)]


def test_help_panel_is_in_the_focus_chain(qtbot: QtBot, wizard: SignupWizard) -> None:
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    tab_to(qtbot, wizard.desk.help_button)
    press(qtbot, Qt.Key.Key_Space)
    assert wizard.desk.help_visible
    tab_to(qtbot, wizard.desk.panel.browser)
    tab_to(qtbot, wizard.desk.panel.export)


def test_mandatory_fields_are_announced_and_errors_take_the_description(
    wizard: SignupWizard,
) -> None:
    identify = wizard.page_of(PageId.IDENTIFY)
    field = identify.identifier  # type: ignore[attr-defined]
    assert field.accessibleDescription() == "Champ obligatoire"
    field.setText("1300252650001")
    field.editingFinished.emit()
    assert "14 chiffres attendus" in field.accessibleDescription()
    field.setText("13002526500013")
    field.editingFinished.emit()
    assert field.accessibleDescription() == "Champ obligatoire"


# -- Tab order and mnemonics, page by page --------------------------------------------------


def tab_cycle(qtbot: QtBot, wizard: SignupWizard) -> list[QWidget]:
    """Every widget Tab stops on, from the focused one until it comes round again."""
    start = focused()
    stops = [start]
    for _ in range(MAX_TABS * 2):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is start:
            return stops
        stops.append(focused())
    raise AssertionError("Tab never comes back to where it started")


def spoken_name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.accessibleName() or text.replace("&", "")


def check_tab_order(qtbot: QtBot, wizard: SignupWizard) -> list[str]:
    """No scroll area or unnamed stop; the bottom buttons in the order they are shown. Returns
    the bottom buttons' names, in Tab order."""
    stops = tab_cycle(qtbot, wizard)
    for widget in stops:
        assert not isinstance(widget, QAbstractScrollArea) or isinstance(widget, QTextEdit), widget
        assert spoken_name(widget), f"an unnamed Tab stop: {widget!r}"
    row = [wizard.button(which) for which in BUTTON_ROW]
    bottom = [w for w in stops if w in row]
    assert bottom, "the bottom buttons are not in the Tab order"
    xs = [w.mapTo(wizard, QPoint(0, 0)).x() for w in bottom]
    assert xs == sorted(xs), [spoken_name(w) for w in bottom]
    return [spoken_name(w) for w in bottom]


def mnemonic_buttons(wizard: SignupWizard) -> list[QAbstractButton]:
    page = wizard.currentPage()
    buttons = [wizard.button(which) for which in BUTTON_ROW]
    buttons += page.findChildren(QAbstractButton)
    return [b for b in buttons if b.isVisible() and any(c.isalpha() for c in b.text())]


def alt(qtbot: QtBot, letter: str) -> None:
    key = getattr(Qt.Key, f"Key_{letter.upper()}")
    qtbot.keyClick(focused(), key, Qt.KeyboardModifier.AltModifier)


def check_mnemonics(qtbot: QtBot, wizard: SignupWizard, *, skip: set[str]) -> None:
    """Each visible button has its own mnemonic; each one not in ``skip`` (the buttons that
    move between pages, tried by the walk itself) is pressed by Alt+letter here, then undone."""
    buttons = mnemonic_buttons(wizard)
    letters = [mnemonic_of(b.text()) for b in buttons]
    assert all(letters), [b.text() for b in buttons if not mnemonic_of(b.text())]
    assert len(set(letters)) == len(letters), sorted(b.text() for b in buttons)
    for button, letter in zip(buttons, letters, strict=True):
        if button.text().replace("&", "") not in skip:
            press_mnemonic(qtbot, wizard, button, letter)


def press_mnemonic(
    qtbot: QtBot, wizard: SignupWizard, button: QAbstractButton, letter: str
) -> None:
    """Alt+``letter`` presses ``button`` (or opens its menu); then undo what it did."""
    pressed: list[bool] = []
    button.clicked.connect(lambda *_: pressed.append(True))
    menu = button.menu() if isinstance(button, QPushButton) else None
    if menu is not None:  # it runs an event loop of its own: closed once it is shown
        menu.aboutToShow.connect(lambda: pressed.append(True))
        menu.aboutToShow.connect(lambda: QTimer.singleShot(0, menu.close))
    alt(qtbot, letter)
    qtbot.waitUntil(lambda: bool(pressed) or QApplication.activeModalWidget() is not None)
    assert pressed, f"Alt+{letter} did not press {button.text()!r}"
    if menu is not None:
        qtbot.waitUntil(lambda: not menu.isVisible())
        menu.aboutToShow.disconnect()
    qtbot.waitUntil(lambda: not button.isDown())  # a mnemonic's click is animated
    if button.isCheckable():
        before = not button.isChecked()
        alt(qtbot, mnemonic_of(button.text()))  # back (« Afficher » is now « Masquer »)
        qtbot.waitUntil(lambda: button.isChecked() is before)
    if wizard.desk.recap_dialog is not None:
        wizard.desk.recap_dialog.close()
    opened = QApplication.activeModalWidget()  # « Je ne connais pas mon SIRET » opens one
    if opened is not None and opened is not wizard:
        opened.close()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)


#: What the offscreen platform says of the recap dialog, the « Plus » menu and the quit box.
offscreen_popups = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@offscreen_popups
def test_keyboard_walk_tab_order_and_every_mnemonic(
    qtbot: QtBot, wizard: SignupWizard, service: FakeService
) -> None:
    """All four steps by keyboard: the real Tab cycle on each page, each mnemonic pressed, and
    Suivant, Précédent, Valider and Annuler by their Alt+letter."""
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    navigation = {"Suivant", "Valider", "Précédent", "Annuler", "Terminer"}  # by the walk
    identify = wizard.page_of(PageId.IDENTIFY)
    assert isinstance(identify, IdentifyPage)
    assert focused() is identify.email  # a page opens on its first field
    rows = [check_tab_order(qtbot, wizard)]
    check_mnemonics(qtbot, wizard, skip=navigation)
    type_into(qtbot, identify.email, EMAIL)
    type_into(qtbot, identify.identifier, "13002526500013")
    alt(qtbot, "s")  # Suivant
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)

    complete = wizard.page_of(PageId.COMPLETE)
    assert isinstance(complete, CompletePage)
    qtbot.waitUntil(lambda: not complete.is_busy)
    qtbot.waitUntil(lambda: focused() is complete.email_again)
    alt(qtbot, "p")  # Précédent, then Suivant again
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.IDENTIFY)
    alt(qtbot, "s")
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.COMPLETE)
    qtbot.waitUntil(lambda: focused() is complete.email_again)
    rows.append(check_tab_order(qtbot, wizard))
    check_mnemonics(qtbot, wizard, skip=navigation)
    type_into(qtbot, complete.email_again, EMAIL)
    type_into(qtbot, complete.nom, "Curie")
    type_into(qtbot, complete.prenom, "Marie")
    free = next(
        c for c in "wxzyqk" if c not in {mnemonic_of(b.text()) for b in mnemonic_buttons(wizard)}
    )
    alt(qtbot, free)  # taken by no button: types nothing either
    assert complete.prenom.text() == "Marie"
    alt(qtbot, "v")  # Valider
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.WORKSPACES)
    assert complete.prenom.text() == "Marie"  # « Mariev » no more

    spaces = wizard.page_of(PageId.WORKSPACES)
    assert isinstance(spaces, WorkspacesPage)
    qtbot.waitUntil(lambda: bool(spaces.switches))
    first = next(iter(spaces.switches.values()))
    qtbot.waitUntil(lambda: focused() is first)  # the switches come after the page
    rows.append(check_tab_order(qtbot, wizard))
    check_mnemonics(qtbot, wizard, skip=navigation)
    alt(qtbot, "v")
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.ACTIVATE)

    activate = wizard.page_of(PageId.ACTIVATE)
    assert isinstance(activate, ActivatePage)
    qtbot.waitUntil(lambda: activate.question.count() > 0)
    qtbot.waitUntil(lambda: focused() is activate.code)
    rows.append(check_tab_order(qtbot, wizard))
    check_mnemonics(qtbot, wizard, skip=navigation | {"Renvoyer le courriel"})
    type_into(qtbot, activate.code, CODE)
    type_into(qtbot, activate.password.password, PASSWORD)
    type_into(qtbot, activate.password.confirmation, PASSWORD)
    type_into(qtbot, activate.answer, ANSWER)
    alt(qtbot, "n")  # Annuler: something typed would be lost, so it asks
    qtbot.waitUntil(lambda: wizard.quit_question is not None)
    box = wizard.quit_question
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # « Rester »
    qtbot.waitUntil(lambda: wizard.quit_question is None)
    assert wizard.isVisible() and activate.code.text() == CODE
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    alt(qtbot, "v")
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DONE)
    assert service.activations == [(EMAIL, CODE, PASSWORD, 1, ANSWER)]

    # The bottom row is reached in the same order on every step (buttons absent on a step,
    # such as Précédent on step 1, are simply left out).
    order = ["Aide", "Récapitulatif", "Plus\u00a0: paramètres, à propos", "Précédent", "Suivant"]
    order += ["Valider", "Terminer", "Annuler"]
    for row in rows:
        assert row == [name for name in order if name in row], row
    # The final page: its buttons have their own letters too (saving asks for a file, and
    # the keychain is the system's: those two are only checked for a letter).
    skip = navigation | {"Enregistrer le récapitulatif"}
    skip |= {"Enregistrer le mot de passe dans le trousseau du système"}
    qtbot.waitUntil(lambda: all(mnemonic_of(b.text()) for b in mnemonic_buttons(wizard)))
    check_mnemonics(qtbot, wizard, skip=skip)


def test_escape_never_closes_the_wizard(qtbot: QtBot, wizard: SignupWizard) -> None:
    """Found by a walk through the program: Escape quit the whole signup at once, one press
    after closing the help panel. « Annuler » and the window's close button still quit (and
    ask first when something typed would be lost, see the keyboard walk above)."""
    identify = wizard.page_of(PageId.IDENTIFY)
    identify.email.setText(EMAIL)  # type: ignore[attr-defined]
    qtbot.keyClick(identify.email, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    activate = reach_activation(qtbot, wizard)
    qtbot.keyClick(activate.code, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert wizard.isVisible() and wizard.quit_question is None
    assert wizard.currentId() == PageId.ACTIVATE
