"""The shared widgets set their Qt enums through the property system (step 1, before ``Qt``)
and escape text for rich-text labels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from chorus_wizard.ui.pages.base import PageId
from chorus_wizard.ui.widgets.common import Banner, field_label, set_qt_enum, wrapped
from chorus_wizard.ui.widgets.explain import ExplainButton
from chorus_wizard.ui.wizard import SignupWizard


def test_set_qt_enum_takes_keys_and_refuses_unknown_ones(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    set_qt_enum(label, "alignment", "AlignRight|AlignBottom")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
    with pytest.raises(ValueError, match="textFormat"):
        set_qt_enum(label, "textFormat", "NoSuchFormat")
    with pytest.raises(ValueError, match="textFormt"):
        set_qt_enum(label, "textFormt", "PlainText")  # not a Qt property: a typo


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
    assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # The e-mail cell has three lines (field, hint, note): the « ? » stays beside the field.
    assert button.mapTo(page, QPoint(0, 0)).y() == email.mapTo(page, QPoint(0, 0)).y()
    assert button.cursor().shape() == Qt.CursorShape.ArrowCursor  # until the first hover
    inside = QPointF(2, 2)
    QCoreApplication.sendEvent(button, QEnterEvent(inside, inside, button.mapToGlobal(inside)))
    assert button.cursor().shape() == Qt.CursorShape.WhatsThisCursor


def test_a_label_shows_markup_characters_as_typed(qtbot: QtBot) -> None:
    field = QLabel()
    qtbot.addWidget(field)
    label = field_label("Nom <court> & prénom", field, required=True)
    qtbot.addWidget(label)
    assert label.text().startswith("Nom &lt;court&gt; &amp; prénom<span")
    assert field.accessibleName() == "Nom <court> & prénom"
