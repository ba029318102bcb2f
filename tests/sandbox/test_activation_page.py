"""The page an activation link opens in a browser: a rehearsal, said first; « Ouvrir dans
chorus-wizard » with the mail's own link; the code to copy; nothing fetched from elsewhere."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import httpx

from chorus_wizard.domain.activation import parse_activation_link
from chorus_wizard.rehearsal import REAL_PORTAL_URL
from chorus_wizard.sandbox.signup.activation_page import activation_page

CODE = "Zq3_xY-9aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"


class Page(HTMLParser):
    """What a browser would see of the page: its language, links, texts, inline code."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = ""
        self.title = ""
        self.links: list[tuple[str, str]] = []  # (class, href)
        self.texts: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.sources: list[str] = []  # src= anywhere, <link>: external resources
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "a":
            self.links.append((values.get("class", ""), values.get("href", "")))
        if "src" in values or tag == "link":
            self.sources.append(tag)
        if tag in ("script", "style", "title"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        elif self._in == "title":
            self.title = data
        elif data.strip():
            self.texts.append(data.strip())

    @property
    def text(self) -> str:
        return " ".join(self.texts)


def test_the_page_is_french_says_rehearsal_first_and_opens_the_wizard() -> None:
    page = Page(activation_page(CODE))
    assert page.lang == "fr"
    assert "bac à sable" in page.title
    assert page.texts[0].startswith(  # the first words a person reads
        "Répétition\u00a0: cette page vient du bac à sable de chorus-wizard, pas de Chorus Pro."
    )
    assert "Aucun compte n'a été créé sur Chorus Pro." in page.text
    [opener] = [href for cls, href in page.links if cls == "open"]
    assert parse_activation_link(opener) == CODE
    assert opener == f"chorus-wizard://activer?code={CODE}"
    assert "Ouvrir dans chorus-wizard" in page.texts
    assert CODE in page.texts and "Copier le code" in page.texts
    # every other link is the real portal's (what to do for real)
    assert {href for cls, href in page.links if cls != "open"} == {REAL_PORTAL_URL}
    assert page.sources == []  # no script, image or stylesheet from elsewhere


def test_a_hostile_code_is_escaped_and_gets_no_button() -> None:
    html = activation_page('"><script>alert(1)</script>')
    page = Page(html)
    assert "<script>alert" not in html and "alert(1)" not in html
    assert [cls for cls, _ in page.links if cls == "open"] == []
    assert "Lien d'activation illisible" in page.texts
    assert page.scripts == []


def test_a_link_without_a_code_gets_a_clear_page() -> None:
    page = Page(activation_page(""))
    assert page.lang == "fr"
    assert "Lien d'activation incomplet" in page.texts
    assert "Ce lien d'activation ne contient pas de code." in page.texts
    assert "Aucun compte n'a été créé sur Chorus Pro." in page.text
    assert [cls for cls, _ in page.links if cls == "open"] == []


def _allowed(policy: str, directive: str, source: str) -> bool:
    digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
    [rule] = [r.strip() for r in policy.split(";") if r.strip().startswith(directive + " ")]
    return f"'sha256-{digest}'" in rule.split()


def test_the_served_page_allows_its_own_style_and_script_and_nothing_else(
    client: httpx.Client,
) -> None:
    response = client.get("/sandbox/activer", params={"code": CODE})
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert re.search(r"(^|;)\s*default-src 'none'", policy)
    page = Page(response.text)
    [script] = page.scripts
    [style] = page.styles
    assert _allowed(policy, "script-src", script) and _allowed(policy, "style-src", style)
    assert response.headers["referrer-policy"] == "no-referrer"  # the address holds the code
    assert response.headers["cache-control"] == "no-store"
    assert "style=" not in response.text  # an inline attribute would be blocked
