"""The HTML page an activation link opens in a browser: where to paste the code."""

from __future__ import annotations

from html import escape


def activation_page(code: str) -> str:
    """The page an activation link opens: the code to paste into chorus-wizard."""
    if code:
        body = (
            "<p>Pour activer votre compte, revenez dans le programme "
            "<strong>chorus-wizard</strong> et collez-y le lien de cette page (copiez-le "
            "depuis la barre d'adresse) ou le code d'activation ci-dessous\u00a0:</p>\n"
            f'<p><code style="font-size: larger; user-select: all">{escape(code)}</code></p>\n'
            "<p>L'activation se termine dans chorus-wizard, où vous choisirez votre mot de passe "
            "et votre question secrète. Le lien est valable 60 minutes.</p>"
        )
    else:
        body = (
            "<p>Ce lien d'activation est incomplet\u00a0: le code manque. Ouvrez le lien complet "
            "du courriel, ou demandez un nouveau courriel d'activation depuis chorus-wizard.</p>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        "<title>Activation du compte utilisateur</title></head>\n"
        '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">\n'
        "<h1>Activation du compte utilisateur</h1>\n"
        f"{body}\n"
        '<p style="color: #666">Chorus Pro — bac à sable de chorus-wizard.</p>\n'
        "</body></html>\n"
    )
