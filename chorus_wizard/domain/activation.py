"""Activation links and codes: as users paste them, and as other programs hand them over."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from chorus_wizard.texts import translate


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


#: The URL scheme the installers register, so the mail's link opens the wizard.
LINK_SCHEME = "chorus-wizard"
_LINK_HOST = "activer"
_SANDBOX_PATH = "/sandbox/activer"
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_CODE = re.compile(r"[A-Za-z0-9_\-]{1,200}")


def wizard_link(code: str) -> str:
    """``chorus-wizard://activer?code=…``: the link that opens the installed wizard, whatever
    port a sandbox had when it sent the mail."""
    return f"{LINK_SCHEME}://{_LINK_HOST}?code={code}"


_URL = re.compile(r"(?:https?|" + LINK_SCHEME + r")://[^\s<>\"']+")


def activation_links(text: str) -> list[str]:
    """The activation links of a mail's text (each carries a code), in their order."""
    return [url for url in _URL.findall(text) if activation_code(url)]


class InvalidActivationLink(ValueError):
    """A link that is not an activation link of this program; ``str()`` is the French reason."""


def parse_activation_link(url: str, *, sandbox_origins: Iterable[str] = ()) -> str:
    """The activation code carried by an activation link handed to the program.

    Unlike :func:`activation_code` (what the user pastes into the field), this guards the door
    through which other programs reach the wizard (the ``chorus-wizard://`` scheme, a second
    launch, macOS' open events), so anything else than ``chorus-wizard://activer?code=…`` or
    the sandbox's own ``http://127.0.0.1:PORT/sandbox/activer?code=…`` is refused.
    ``sandbox_origins`` adds the ``scheme://host:port`` of a sandbox run elsewhere.
    """
    text = url.strip()
    foreign = InvalidActivationLink(
        translate(
            "activation",
            "Ce lien n'est pas un lien d'activation de l'assistant Chorus Pro\u00a0: il a été "
            "refusé. Ouvrez le lien du courriel d'activation tel quel.",
        )
    )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise foreign from None
    if parts.username is not None or parts.password is not None or parts.fragment:
        raise foreign
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme == LINK_SCHEME:
        if host != _LINK_HOST or port is not None or parts.path not in ("", "/"):
            raise foreign
    elif scheme in ("http", "https"):
        origin = f"{scheme}://{parts.netloc.lower()}"
        trusted = {o.rstrip("/").lower() for o in sandbox_origins}
        loopback = scheme == "http" and host in _LOOPBACK_HOSTS
        if not (loopback or origin in trusted) or parts.path.rstrip("/") != _SANDBOX_PATH:
            raise foreign
    else:
        raise foreign
    codes = parse_qs(parts.query, keep_blank_values=True).get("code", [])
    if not codes or not codes[0].strip():
        raise InvalidActivationLink(
            translate(
                "activation",
                "Ce lien d'activation ne contient pas de code\u00a0: ouvrez le lien complet du "
                "courriel.",
            )
        )
    if len(codes) > 1 or not _CODE.fullmatch(codes[0].strip()):
        raise InvalidActivationLink(
            translate(
                "activation",
                "Le code de ce lien d'activation est illisible\u00a0: ouvrez le lien complet du "
                "courriel.",
            )
        )
    return codes[0].strip()
