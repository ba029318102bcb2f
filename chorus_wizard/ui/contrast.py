"""WCAG 2 contrast of the wizard's own colours (pure functions, no Qt).

Colours drawn on the window's background (the hint under a refused field, the red asterisk)
depend on the palette: :func:`on_background` picks, from a light-theme and a dark-theme
colour, the one that reads on the given background.
"""

from __future__ import annotations

#: Minimum contrast ratio for normal text (WCAG 2.1 AA, 1.4.3) and for non-text marks (1.4.11).
AA_TEXT = 4.5
AA_NON_TEXT = 3.0

#: The hint under a refused field: dark red on light windows, light red on dark ones.
HINT_ON_LIGHT = "#b00020"
HINT_ON_DARK = "#ff8a80"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def parse_hex(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` (or ``#rgb``) → (r, g, b)."""
    text = color.lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def relative_luminance(color: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    r, g, b = (_channel(v) for v in parse_hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), from 1 to 21."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(background: str) -> bool:
    return relative_luminance(background) < 0.18


def on_background(background: str, light_theme: str, dark_theme: str) -> str:
    """``light_theme`` on a light background, ``dark_theme`` on a dark one."""
    return dark_theme if is_dark(background) else light_theme


def hint_color(background: str) -> str:
    return on_background(background, HINT_ON_LIGHT, HINT_ON_DARK)


def readable_on(background: str, color: str, minimum: float = AA_TEXT) -> str:
    """``color``, or the nearest shade of it that reaches ``minimum`` contrast on
    ``background``: mixed towards white on a dark background, towards black on a light one."""
    if contrast_ratio(color, background) >= minimum:
        return color
    target = 255 if is_dark(background) else 0
    red, green, blue = parse_hex(color)
    for step in range(1, 21):
        share = step / 20
        mixed = tuple(round(c + (target - c) * share) for c in (red, green, blue))
        candidate = "#{:02x}{:02x}{:02x}".format(*mixed)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return "#ffffff" if target else "#000000"
