"""Activation links and codes as users paste them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit


def activation_code(text: str) -> str:
    """The activation code in what the user pasted: a whole link, or the code itself.

    Links look like ``http://127.0.0.1:PORT/sandbox/activer?code=…`` or
    ``chorus-wizard://activer?code=…``; blanks around a pasted code are ignored.
    """
    value = text.strip()
    if "://" in value or value.startswith("/") or "?" in value:
        codes = parse_qs(urlsplit(value).query).get("code")
        return codes[0].strip() if codes else ""
    return "".join(value.split())
