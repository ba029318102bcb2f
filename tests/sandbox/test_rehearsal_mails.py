"""Every mail of the sandbox says first that it comes from a rehearsal, and what to do for real."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

from chorus_wizard.rehearsal import REAL_PORTAL_URL
from chorus_wizard.sandbox.mail.outbox import (
    activation_message,
    attachment_ack_message,
)

NOW = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


def parts(message: EmailMessage) -> tuple[str, str]:
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert isinstance(text, EmailMessage) and isinstance(html, EmailMessage)
    return str(text.get_content()), str(html.get_content())


def test_the_activation_mail_opens_with_the_rehearsal_notice() -> None:
    message = activation_message(
        to_email="marie@exemple.fr",
        first_name="Marie",
        last_name="Durand",
        link="chorus-wizard://activer?code=abc",
        code="abc",
        valid_minutes=60,
        now=NOW,
    )
    text, html = parts(message)
    first = text.splitlines()[0]
    assert first.startswith("RÉPÉTITION") and REAL_PORTAL_URL in first
    assert "Aucun compte n'a été créé sur Chorus Pro" in first
    assert "Votre compte Chorus Pro a été créé" not in text
    body = html.split("<body", 1)[1]
    assert body.index("RÉPÉTITION") < body.index("Bonjour")
    # the code is still the line after the paste hint (tools read it there)
    lines = text.splitlines()
    assert lines[next(i for i, x in enumerate(lines) if "coller ce code" in x) + 2] == "abc"


def test_every_other_mail_opens_with_it_too() -> None:
    message = attachment_ack_message(
        requester_email="marie@exemple.fr",
        requester_name="Marie Durand",
        structure_name="DINUM",
        structure_identifier="13002526500013",
        request_id=7,
        now=NOW,
    )
    text, _html = parts(message)
    assert text.startswith("RÉPÉTITION")


def test_the_activation_mail_says_when_its_http_link_may_fail_and_what_then() -> None:
    message = activation_message(
        to_email="marie@exemple.fr",
        first_name="Marie",
        last_name="Durand",
        link="http://127.0.0.1:41234/sandbox/activer?code=abc",
        code="abc",
        valid_minutes=60,
        now=NOW,
    )
    text, _html = parts(message)
    lines = text.splitlines()
    at = lines.index("chorus-wizard://activer?code=abc")
    hint = " ".join(lines[lines.index("http://127.0.0.1:41234/sandbox/activer?code=abc") + 1 : at])
    assert "garde son port d'un démarrage à l'autre" in hint
    assert "sauf si un autre programme l'a pris" in hint
