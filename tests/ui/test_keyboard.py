"""The whole signup with the keyboard alone: Tab, typing, Space and Enter, nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chorus_wizard.ui.pages.activate import ActivatePage
from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.pages.complete import CompletePage
from chorus_wizard.ui.pages.identify import IdentifyPage
from chorus_wizard.ui.pages.workspaces import WorkspacesPage
from chorus_wizard.ui.wizard import SignupWizard
from tests.fakes import FakeService
from tests.ui.flows import CODE, EMAIL, PASSWORD

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
