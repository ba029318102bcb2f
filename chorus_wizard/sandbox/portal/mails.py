"""The mails of today's portal rehearsal: the activation link (the guide path's mail, with this
path's link) and the first login's 6-digit code."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from html import escape

from chorus_wizard.contracts.portal import ACTIVATION_MINUTES, MAIL_CODE_MINUTES
from chorus_wizard.sandbox.mail.outbox import _message, activation_message

LOGIN_CODE_SUBJECT = "Chorus Pro - Votre code de connexion"


def account_activation(
    *, to_email: str, first_name: str, last_name: str, link: str, code: str, now: datetime
) -> EmailMessage:
    return activation_message(
        to_email=to_email,
        first_name=first_name,
        last_name=last_name,
        link=link,
        code=code,
        valid_minutes=ACTIVATION_MINUTES,
        now=now,
    )


def login_code(
    *, to_email: str, first_name: str, last_name: str, code: str, now: datetime
) -> EmailMessage:
    """The first login's code: on its own line, with its validity."""
    name = f"{first_name} {last_name}".strip()
    text = (
        f"Bonjour {name},\n\n"
        "Pour terminer votre première connexion à Chorus Pro, saisissez ce code\u00a0:\n\n"
        f"{code}\n\n"
        f"Il est valable {MAIL_CODE_MINUTES} minutes. Vous configurerez ensuite une "
        "application d'authentification, qui donnera les codes des connexions suivantes.\n\n"
        "Si vous n'êtes pas à l'origine de cette connexion, changez votre mot de passe.\n\n"
        "L'équipe Chorus Pro (bac à sable)\n"
    )
    html_body = (
        f"<p>Bonjour {escape(name)},</p>\n"
        "<p>Pour terminer votre première connexion à Chorus Pro, saisissez ce code\u00a0:</p>\n"
        f'<p style="font-family: monospace; font-size: larger">{escape(code)}</p>\n'
        f"<p>Il est valable {MAIL_CODE_MINUTES} minutes. Vous configurerez ensuite une "
        "application d'authentification, qui donnera les codes des connexions suivantes.</p>\n"
        "<p>Si vous n'êtes pas à l'origine de cette connexion, changez votre mot de passe.</p>\n"
        "<p>L'équipe Chorus Pro (bac à sable)</p>"
    )
    return _message(
        to_name=name,
        to_email=to_email,
        subject=LOGIN_CODE_SUBJECT,
        text=text,
        html_body=html_body,
        now=now,
    )
