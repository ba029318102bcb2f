"""WCAG AA contrast of the wizard's own colours, on light and dark windows."""

from __future__ import annotations

import pytest

from chorus_wizard.ui.contrast import (
    AA_NON_TEXT,
    AA_TEXT,
    contrast_ratio,
    hint_color,
    on_background,
    relative_luminance,
)
from chorus_wizard.ui.widgets.common import Tone
from chorus_wizard.ui.widgets.switch import OFF_COLOR, ON_COLOR

#: Window colours: Fusion light, plain white, Fusion-like dark, Windows/GNOME dark.
LIGHT_WINDOWS = ("#efefef", "#ffffff", "#f6f5f4")
DARK_WINDOWS = ("#353535", "#1e1e1e", "#2b2b2b", "#242424")
#: Highlight colours drawn as the switch's focus ring (Fusion light and dark palettes).
FOCUS_RINGS = {"#efefef": "#308cc6", "#353535": "#2a82da"}


def test_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert relative_luminance("#fff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("tone", list(Tone))
def test_banner_text_on_its_background(tone: Tone) -> None:
    background, foreground, _icon = tone.value
    assert contrast_ratio(foreground, background) >= AA_TEXT
    # The banner draws its own background: the palette (light or dark) does not matter.


@pytest.mark.parametrize("track", [ON_COLOR, OFF_COLOR])
def test_switch_text_on_its_track(track: str) -> None:
    assert contrast_ratio("#ffffff", track) >= AA_TEXT


@pytest.mark.parametrize("window", LIGHT_WINDOWS + DARK_WINDOWS)
def test_field_hint_reads_on_light_and_dark_windows(window: str) -> None:
    assert contrast_ratio(hint_color(window), window) >= AA_TEXT


@pytest.mark.parametrize("window", LIGHT_WINDOWS + DARK_WINDOWS)
def test_required_asterisk(window: str) -> None:
    red = on_background(window, "#c00000", "#ff8a80")
    assert contrast_ratio(red, window) >= AA_TEXT


@pytest.mark.parametrize(("window", "ring"), FOCUS_RINGS.items())
def test_switch_focus_ring(window: str, ring: str) -> None:
    assert contrast_ratio(ring, window) >= AA_NON_TEXT


@pytest.mark.parametrize(
    "color", ["#6b6b6b", "#4a4a4a", "#9a5200", "#8a1212", "#6b3d00", "#1f6f43", "#b00020"]
)
@pytest.mark.parametrize("background", ["#efefef", "#ffffff", "#353535", "#1e1e1e"])
def test_readable_on_reaches_aa_and_keeps_good_colours(color: str, background: str) -> None:
    from chorus_wizard.ui.contrast import AA_TEXT, contrast_ratio, readable_on

    shade = readable_on(background, color)
    assert contrast_ratio(shade, background) >= AA_TEXT
    if contrast_ratio(color, background) >= AA_TEXT:
        assert shade == color  # a colour that already reads is left alone
