"""The rule every free-text field follows at both ends: no control character, a bounded length.

A carriage return or a line feed in « Nom » would end up in a mail header; a NUL or another C0
character is never typed on purpose. Nor is a bidirectional formatting character (U+202E
« right-to-left override » and its kin), which would show a name reversed on every page that
prints it, nor half of a UTF-16 surrogate pair, which no encoding can store. The wizard checks
this as the person types, the sandbox before it saves anything; both call :func:`text_problem`,
so both say the same thing.
"""

from __future__ import annotations

from datetime import date

from chorus_wizard.texts import translate

#: The explicit bidirectional formatting characters (Unicode Standard Annex #9, 2.1-2.6): marks,
#: embeddings, overrides and isolates. None belongs in a name, an address or an identifier.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def has_bidi_control(value: str) -> bool:
    """Whether ``value`` holds a bidirectional formatting character (U+202E…)."""
    return not BIDI_CONTROLS.isdisjoint(value)


def has_surrogate(value: str) -> bool:
    """Whether ``value`` holds a lone UTF-16 surrogate (U+D800 to U+DFFF), as JSON's
    ``"\\ud800"`` gives: no UTF-8 text can hold it."""
    return any("\ud800" <= char <= "\udfff" for char in value)


def has_control_character(value: str) -> bool:
    """Whether ``value`` holds a C0 control character (CR, LF, NUL, tab…), DEL, a
    bidirectional formatting character or a lone surrogate: nothing a person types."""
    return (
        any(ord(char) < 0x20 or char == "\x7f" for char in value)
        or has_bidi_control(value)
        or has_surrogate(value)
    )


def text_problem(value: str, max_length: int, label: str = "") -> str | None:
    """Why ``value`` cannot be sent as a text field, in French; None when it can.

    ``label`` names the field in the sentence (the sandbox's answer); without it the sentence
    speaks of « ce champ » (the hint under the field itself).
    """
    if "\r" in value or "\n" in value:
        named = translate("text", "Le champ « {label} » ne peut pas contenir de retour à la ligne.")
        plain = translate("text", "Ce champ ne peut pas contenir de retour à la ligne.")
    elif has_control_character(value):
        named = translate(
            "text",
            "Le champ « {label} » contient un caractère invisible (caractère de contrôle) : "
            "retapez-le.",
        )
        plain = translate(
            "text", "Ce champ contient un caractère invisible (caractère de contrôle) : retapez-le."
        )
    elif len(value) > max_length:
        named = translate("text", "Le champ « {label} » dépasse {limit} caractères.")
        plain = translate("text", "Ce champ dépasse {limit} caractères.")
    else:
        return None
    return (named if label else plain).format(label=label, limit=max_length)


_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def long_date(day: date, lang: str = "fr") -> str:
    """A date no reader can misread: « 7 décembre 2026 » (« 1ᵉʳ septembre 2026 »), or
    « 7 December 2026 » in English (never 07/12/2026, which an American reads as July)."""
    months = _MONTHS.get(lang, _MONTHS["fr"])
    number = "1\u1d49\u02b3" if day.day == 1 and lang not in ("en",) else str(day.day)
    return f"{number}\u00a0{months[day.month - 1]} {day.year}"
