"""The trainer's page as HTML: the template filled with the room's labels and scenario cards,
the sign-in form that takes the room's token, and the headers every page answer carries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path
from string import Template

from chorus_wizard.contracts.room import (
    API_PREFIX,
    ROOM_PATH,
    TOKEN_QUERY,
)
from chorus_wizard.resources import resource_path
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import Scenario

FORM_SELF, FORM_NONE = "'self'", "'none'"


# The page -----------------------------------------------------------------------------------


def _cards_html(scenario: Scenario | None, labels: dict[str, str]) -> str:
    if scenario is None:
        return f'<p class="empty">{escape(labels["noCards"])}</p>'
    parts = []
    for number, company in enumerate(scenario.companies, start=1):
        card = company.card()
        lines = [
            f'<article class="card situation-{escape(card["situation"])}">',
            f'<p class="card-kind">{number}. {escape(card["titre"])}</p>',
            f"<h3>{escape(card['raisonSociale'])}</h3>",
        ]
        if card["entrepreneur"]:
            shown = labels["entrepreneur"].format(nom=card["entrepreneur"])
            lines.append(f"<p>{escape(shown)}</p>")
        if card["typeIdentifiant"] != "AUTRE":
            lines.append(
                f'<p class="card-id"><span>{escape(card["typeIdentifiant"])}</span> '
                f"{escape(card['identifiant'])}</p>"
            )
        lines.append(
            f"<p>{escape(card['adresse'])}<br>{escape(card['codePostal'])} "
            f"{escape(card['ville'])} ({escape(card['codePays'])})</p>"
        )
        lines.append(f'<p class="card-task">{escape(card["consigne"])}</p>')
        lines.append("</article>")
        parts.append("\n".join(lines))
    return "\n".join(parts)


@dataclass(frozen=True)
class PageTemplate:
    """``resources/room/``: the page, its style sheet, its script and its words, read once.

    ``labels.json`` holds the page's words, French first; ``?lang=en`` picks English.
    """

    html: Template
    css: str
    script: str
    labels: dict[str, dict[str, str]]

    @classmethod
    def load(cls, folder: Path | None = None) -> PageTemplate:
        base = folder or resource_path("room")
        return cls(
            Template((base / "salle.html").read_text(encoding="utf-8")),
            (base / "salle.css").read_text(encoding="utf-8"),
            (base / "salle.js").read_text(encoding="utf-8"),
            json.loads((base / "labels.json").read_text(encoding="utf-8")),
        )

    def render(self, *, room: RoomConfig, lang: str, nonce: str) -> str:
        labels = self.labels[lang]
        scenario = room.scenario
        # Inside <script type="application/json">: only "</" could end the element early.
        config = json.dumps(
            {"labels": labels, "token": room.token, "state": f"{API_PREFIX}/etat"},
            ensure_ascii=False,
        ).replace("</", "<\\/")
        return self.html.substitute(
            lang=escape(lang),
            title=escape(room.title),
            heading=escape(labels["heading"]),
            subtitle=escape(labels["subtitle"]),
            description=escape(scenario.description if scenario else ""),
            trainees=escape(labels["trainees"]),
            cards_heading=escape(labels["cards"]),
            cards=_cards_html(scenario, labels),
            log=escape(labels["log"]),
            reset_room=escape(labels["resetRoom"]),
            print_cards=escape(labels["printCards"]),
            confirm=escape(labels["confirm"]),
            cancel=escape(labels["cancel"]),
            close=escape(labels["close"]),
            nonce=nonce,
            css=self.css,
            script=self.script,
            config=config,
        )

    def sign_in(self, *, room: RoomConfig, lang: str, nonce: str, wrong: bool) -> str:
        """The page asking for the room's token (a form posted to ``/salle``)."""
        return _sign_in_page(self.labels[lang], room.title, lang, nonce, wrong)


def _sign_in_page(labels: dict[str, str], title: str, lang: str, nonce: str, wrong: bool) -> str:
    return _SIGN_IN.format(
        lang=escape(lang),
        title=escape(title),
        heading=escape(labels["signInTitle"]),
        text=escape(labels["signInText"]),
        wrong=(
            f'<p class="wrong" role="alert">{escape(labels["signInWrong"])}</p>\n' if wrong else ""
        ),
        action=ROOM_PATH + ("?lang=en" if lang == "en" else ""),
        field=escape(labels["signInField"]),
        name=TOKEN_QUERY,
        button=escape(labels["signInButton"]),
        nonce=nonce,
    )


def page_headers(nonce: str, *, form: bool = False) -> dict[str, str]:
    """The page's headers; ``form``: the sign-in page, whose form posts to the page itself."""
    return {
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
            f"form-action {FORM_SELF if form else FORM_NONE}; "
            "frame-ancestors 'none'"
        ),
    }


_SIGN_IN = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>{title} — {heading}</title>
<style nonce="{nonce}">
body {{ font-family: "Marianne", "Segoe UI", "DejaVu Sans", Arial, sans-serif; margin: 0;
  color: #14171a; line-height: 1.5; font-size: clamp(16px, 0.55vw + 11px, 24px); }}
main {{ max-width: 34rem; margin: 3rem auto; padding: 0 1.2rem; }}
h1 {{ font-size: 1.5rem; }}
label {{ display: block; font-weight: 700; margin: 1rem 0 0.3rem; }}
input {{ font: inherit; width: 100%; padding: 0.4em; border: 2px solid #555d66;
  border-radius: 0.3em; }}
button {{ font: inherit; margin-top: 0.8rem; padding: 0.4em 1em; border: 0;
  border-radius: 0.4em; background: #0b4fa8; color: #fff; }}
:focus-visible {{ outline: 4px solid #ffbf47; outline-offset: 2px; }}
.wrong {{ color: #b0221b; font-weight: 600; }}
</style></head>
<body><main>
<h1>{title}</h1>
<p>{text}</p>
{wrong}<form method="post" action="{action}">
<label for="jeton">{field}</label>
<input id="jeton" name="{name}" type="password" autocomplete="off" required autofocus>
<button type="submit">{button}</button>
</form>
</main></body></html>
"""
