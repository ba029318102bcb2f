"""The rule every free-text field follows at both ends: no control character, a bounded length.

A carriage return or a line feed in « Nom » would end up in a mail header; a NUL or another C0
character is never typed on purpose. The wizard checks this as the person types, the sandbox
before it saves anything; both call :func:`text_problem`, so both say the same thing.
"""

from __future__ import annotations

from chorus_wizard.texts import translate


def has_control_character(value: str) -> bool:
    """Whether ``value`` holds a C0 control character (CR, LF, NUL, tab…) or DEL."""
    return any(ord(char) < 0x20 or char == "\x7f" for char in value)


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
