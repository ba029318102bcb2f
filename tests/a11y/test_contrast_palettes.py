"""Contrast measured on the colours the widgets really use, under a light and dark palettes.

The light palette is Fusion's own; the dark ones are the dark Fusion palette applications
commonly set (window #353535) and two darker windows. The offscreen platform reports no dark
mode of its own (``QStyleHints.setColorScheme`` changes nothing there), so the platform's
dark mode is checked by hand on each system (docs/accessibility.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from chorus_wizard.domain.password import PasswordPolicy
from chorus_wizard.ui.contrast import AA_NON_TEXT, AA_TEXT, contrast_ratio, hint_color
from chorus_wizard.ui.widgets.common import form_layout, readable, readable_placeholders
from chorus_wizard.ui.widgets.password import STRENGTH_COLORS, PasswordInput
from chorus_wizard.ui.widgets.switch import track_colors

Role = QPalette.ColorRole


def dark_palette(window: str) -> QPalette:
    """The dark Fusion palette (Window #353535, Base #2a2a2a…), on ``window``."""
    palette = QPalette()
    base = QColor(window).darker(125).name()
    for role, color in (
        (Role.Window, window),
        (Role.WindowText, "#ffffff"),
        (Role.Base, base),
        (Role.AlternateBase, "#424242"),
        (Role.Text, "#ffffff"),
        (Role.Button, window),
        (Role.ButtonText, "#ffffff"),
        (Role.Highlight, "#2a82da"),
        (Role.HighlightedText, "#ffffff"),
        (Role.Mid, "#5a5a5a"),
    ):
        palette.setColor(role, QColor(color))
    placeholder = QColor("#ffffff")
    placeholder.setAlphaF(0.5)  # as Qt derives it: the text colour at half opacity
    palette.setColor(Role.PlaceholderText, placeholder)
    return palette


PALETTES = {
    "light Fusion": lambda: QStyleFactory.create("Fusion").standardPalette(),
    "dark Fusion #353535": lambda: dark_palette("#353535"),
    "dark #2a2a2a": lambda: dark_palette("#2a2a2a"),
    "dark #1e1e1e": lambda: dark_palette("#1e1e1e"),
}


@pytest.fixture(params=sorted(PALETTES))
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    chosen = PALETTES[request.param]()
    qapp.setPalette(chosen)
    yield chosen
    qapp.setPalette(before)


def window_of(palette: QPalette) -> str:
    return palette.color(Role.Window).name()


def test_switch_tracks_and_their_text(palette: QPalette) -> None:
    window = window_of(palette)
    for checked in (True, False):
        track, text = track_colors(window, checked)
        assert contrast_ratio(track, window) >= AA_NON_TEXT, (checked, track, window)
        assert contrast_ratio(text, track) >= AA_TEXT, (checked, text, track)


def test_strength_bar_fill_at_every_score(qtbot: QtBot, palette: QPalette) -> None:
    widget = PasswordInput()
    form = QWidget()
    form.setLayout(form_layout())
    qtbot.addWidget(form)
    widget.add_rows(form.layout())  # type: ignore[arg-type]
    widget.set_policy(PasswordPolicy(), email="marie@exemple.fr", company_name="DINUM")
    window = window_of(palette)
    seen = set()
    for password in ("a", "azerty12", "Girafe-2026", "Girafe-Bleue-2026", "kX9#vQ2!mZ7@pL4$"):
        widget.password.setText(password)
        assert widget.strength is not None
        fill = re.search(r"background: (#[0-9a-f]{6})", widget.strength_bar.styleSheet())
        assert fill is not None
        assert contrast_ratio(fill.group(1), window) >= AA_NON_TEXT, (password, fill.group(1))
        seen.add(widget.strength.score)
    assert len(seen) >= 3  # several levels, several colours


def test_placeholders_read_at_4_5_to_1(qtbot: QtBot, palette: QPalette) -> None:
    box = QWidget()
    field = QLineEdit(box)
    qtbot.addWidget(box)
    readable_placeholders(box)
    base = field.palette().color(Role.Base).name()
    placeholder = field.palette().color(Role.PlaceholderText)
    assert placeholder.alphaF() == 1.0 or placeholder.alpha() == 255
    assert contrast_ratio(placeholder.name(), base) >= AA_TEXT, (placeholder.name(), base)


def test_texts_drawn_on_the_window(palette: QPalette) -> None:
    window = window_of(palette)
    assert contrast_ratio(hint_color(window), window) >= AA_TEXT
    for color in ("#1f6f43", "#6b6b6b", *STRENGTH_COLORS):  # rules and strength label
        assert contrast_ratio(readable(color), window) >= AA_TEXT, color
    text = palette.color(Role.WindowText).name()
    assert contrast_ratio(text, window) >= AA_TEXT


def test_the_focus_ring_colour(palette: QPalette) -> None:
    """Fusion and the switch draw focus in the Highlight colour."""
    window = window_of(palette)
    assert contrast_ratio(palette.color(Role.Highlight).name(), window) >= AA_NON_TEXT
