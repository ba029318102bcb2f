"""The HTML page an activation link opens in a browser: a rehearsal's code, and the way back
into chorus-wizard.

One French page, self-contained (an inline stylesheet and a small script, both allowed by
hash in :data:`PAGE_HEADERS`, nothing fetched from elsewhere), readable from 360 px wide: it
says first that it comes from the sandbox's rehearsal, not from Chorus Pro; offers
« Ouvrir dans chorus-wizard », the mail's own ``chorus-wizard://`` link
(:func:`chorus_wizard.domain.activation.wizard_link`), which works whatever port the sandbox
has after a restart; and shows the code with « Copier le code ». Opening it activates nothing.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from chorus_wizard.domain.activation import (
    InvalidActivationLink,
    parse_activation_link,
    wizard_link,
)
from chorus_wizard.rehearsal import REAL_PORTAL_URL

#: The first thing the page says (French, as the sandbox's mails are).
REHEARSAL_NOTICE = (
    "Répétition\u00a0: cette page vient du bac à sable de chorus-wizard, pas de Chorus Pro. "
    "Aucun compte n'a été créé sur Chorus Pro."
)

_STYLE = """
:root { color-scheme: light; }
body { margin: 0; background: #f4f5f7; color: #14171a; line-height: 1.5;
  font-family: "Marianne", "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 17px; }
main { max-width: 38rem; margin: 0 auto; padding: 1rem; }
.rehearsal { margin: 0 0 1.2rem; padding: 0.7rem 0.9rem; border: 2px solid #8a1212;
  border-radius: 0.4rem; background: #fff4f4; color: #8a1212; }
.rehearsal p { margin: 0.2rem 0; }
.card { background: #fff; border: 1px solid #c9ced6; border-radius: 0.5rem;
  padding: 1rem 1.2rem; }
h1 { font-size: 1.45rem; line-height: 1.25; margin: 0.2rem 0 0.8rem; }
a { color: #0b4fa8; overflow-wrap: anywhere; }
a.open { display: block; margin: 1rem 0 0.4rem; padding: 0.8rem 1rem; border-radius: 0.45rem;
  background: #0b4fa8; color: #fff; font-size: 1.15rem; font-weight: 700;
  text-align: center; text-decoration: none; }
a.open:hover { background: #083c80; }
.code { display: block; margin: 0.4rem 0; padding: 0.6rem 0.7rem; border: 2px dashed #555d66;
  border-radius: 0.4rem; background: #f4f5f7; font-family: "DejaVu Sans Mono", Consolas,
  monospace; font-size: 1.05rem; word-break: break-all; user-select: all; }
button { font: inherit; padding: 0.45rem 1rem; border: 2px solid #0b4fa8;
  border-radius: 0.4rem; background: #fff; color: #0b4fa8; font-weight: 700; cursor: pointer; }
.small { color: #4a525c; font-size: 0.92rem; }
#copied { margin-left: 0.6rem; color: #18753c; font-weight: 700; }
:focus-visible { outline: 4px solid #ffbf47; outline-offset: 2px; }
"""

# « Copier le code »: the clipboard where the browser allows it (a loopback address is a
# secure context), else the code selected and copied the old way; said in a live region.
_SCRIPT = """
const button = document.getElementById("copy");
const code = document.getElementById("code");
const said = document.getElementById("copied");
if (button && code && said) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.textContent.trim());
    } catch (error) {
      window.getSelection().selectAllChildren(code);
      document.execCommand("copy");
    }
    said.textContent = "Code copié.";
  });
}
"""


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: The page's headers: nothing but its own style and script runs, no one frames it, the
#: address (which holds the code) goes to no other site and stays out of caches.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        f"default-src 'none'; style-src {_hash(_STYLE)}; script-src {_hash(_SCRIPT)}; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
}


def _notice() -> str:
    return (
        '<section class="rehearsal" role="note" aria-label="Répétition">\n'
        f"<p><strong>{escape(REHEARSAL_NOTICE)}</strong></p>\n"
        "<p>Pour vous inscrire pour de bon\u00a0: le portail "
        f'<a href="{REAL_PORTAL_URL}">{REAL_PORTAL_URL}</a>, ou chorus-wizard en mode portail '
        "(«\u00a0Plus › Paramètres\u00a0»).</p>\n</section>\n"
    )


def _with_code(code: str) -> str:
    link = escape(wizard_link(code))
    return (
        "<h1>Activer votre compte d'essai</h1>\n"
        "<p>L'activation se termine dans chorus-wizard, où vous choisirez votre mot de passe "
        "et votre question secrète.</p>\n"
        f'<a class="open" href="{link}">Ouvrir dans chorus-wizard</a>\n'
        '<p class="small">Ce bouton ouvre chorus-wizard s\'il est installé sur cet ordinateur, '
        "même si le bac à sable a redémarré depuis l'envoi du courriel. Sinon, revenez dans "
        "chorus-wizard et collez-y le code ci-dessous, ou l'adresse de cette page, à "
        "l'étape «\u00a0Activez votre compte utilisateur\u00a0».</p>\n"
        '<p id="code-label"><strong>Code d\'activation\u00a0:</strong></p>\n'
        f'<code class="code" id="code" aria-labelledby="code-label">{escape(code)}</code>\n'
        '<p><button type="button" id="copy" hidden>Copier le code</button>'
        '<span id="copied" role="status" aria-live="polite"></span></p>\n'
        '<p class="small">Le lien et le code sont valables 60\u00a0minutes après l\'envoi du '
        "courriel. Passé ce délai, demandez un nouveau courriel d'activation depuis "
        "chorus-wizard. Ouvrir cette page n'active rien.</p>\n"
    )


def _without_code(title: str, reason: str) -> str:
    return (
        f"<h1>{escape(title)}</h1>\n"
        f"<p>{escape(reason)}</p>\n"
        "<p>Ouvrez le lien complet du courriel d'activation (copiez-le en entier s'il tient sur "
        "plusieurs lignes), ou demandez un nouveau courriel d'activation depuis chorus-wizard, "
        "à l'étape «\u00a0Activez votre compte utilisateur\u00a0» («\u00a0Renvoyer le "
        "courriel\u00a0»).</p>\n"
    )


def activation_page(code: str) -> str:
    """The page an activation link opens: the rehearsal said first, then « Ouvrir dans
    chorus-wizard » and the code; a link without a code, or with an unreadable one, says so."""
    script = ""
    if not code:
        body = _without_code(
            "Lien d'activation incomplet", "Ce lien d'activation ne contient pas de code."
        )
    else:
        try:
            # the wizard's own door: a code it would refuse gets no « Ouvrir » button
            parse_activation_link(wizard_link(code))
        except InvalidActivationLink:
            body = _without_code(
                "Lien d'activation illisible",
                "Le code de ce lien d'activation est illisible (il a pu être coupé ou modifié).",
            )
        else:
            body = _with_code(code)
            script = f"<script>{_SCRIPT}</script>\n"
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">\n'
        "<title>Activation du compte d'essai — bac à sable de chorus-wizard</title>\n"
        f"<style>{_STYLE}</style></head>\n"
        f'<body><main>\n{_notice()}<div class="card">\n{body}</div>\n'
        '<p class="small">Page produite par le bac à sable de chorus-wizard, pas par '
        "Chorus Pro.</p>\n"
        f"</main>\n{script}</body></html>\n"
    )
