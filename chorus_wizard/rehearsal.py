"""A signup on the sandbox is a rehearsal: the words that say so wherever it shows.

Every page of a sandbox signup, its last page, the recap (PDF and text) and the sandbox's
mails say plainly that nothing reached Chorus Pro, and what to do for real: the portal's
address, or the wizard in portal mode. Qt-free (the sandbox's mails use it too).
"""

from __future__ import annotations

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

#: The real Chorus Pro portal, where an account is created for real.
REAL_PORTAL_URL = "https://portail.chorus-pro.gouv.fr/"

PAGE_BANNER = QT_TRANSLATE_NOOP(
    "rehearsal",
    "Répétition sur le bac à sable\u00a0: rien n'est envoyé à Chorus Pro et aucun compte n'y "
    "est créé. Pour vous inscrire pour de bon\u00a0: le portail {portal}, ou l'assistant en "
    "mode portail («\u00a0Plus › Paramètres\u00a0»).",
)
#: Step 2's note above « Valider », in a rehearsal (the guide's says the account is created on
#: Chorus Pro, for good).
COMMIT_NOTE = QT_TRANSLATE_NOOP(
    "rehearsal",
    "En cliquant sur «\u00a0Valider\u00a0», un compte d'essai et sa structure sont créés dans le "
    "bac à sable, comme Chorus Pro le ferait, et un courriel d'activation d'essai vous est "
    "envoyé. Rien n'est créé sur Chorus Pro.",
)
DONE_TITLE = QT_TRANSLATE_NOOP("rehearsal", "Répétition terminée")
DONE_MESSAGE = QT_TRANSLATE_NOOP(
    "rehearsal",
    "La répétition est réussie, mais ce compte d'essai n'existe que dans le bac à sable\u00a0: "
    "vous n'êtes pas inscrit sur Chorus Pro et ne pouvez pas y transmettre de factures.",
)
WHAT_TO_DO_FOR_REAL = QT_TRANSLATE_NOOP(
    "rehearsal",
    "Pour vous inscrire pour de bon, créez votre compte sur le portail {portal}, ou relancez "
    "chorus-wizard en mode portail («\u00a0Plus › Paramètres\u00a0», serveur Production, ou "
    "chorus-wizard --backend production)\u00a0: il vérifie et prépare vos données, puis vous "
    "guide sur le portail.",
)
RECAP_WARNING = QT_TRANSLATE_NOOP(
    "rehearsal",
    "RÉPÉTITION sur le bac à sable de chorus-wizard\u00a0: ce document ne prouve aucune "
    "inscription à Chorus Pro. Pour vous inscrire pour de bon\u00a0: {portal} (ou chorus-wizard "
    "en mode portail).",
)
RECAP_STATUS_ACTIVE = QT_TRANSLATE_NOOP(
    "rehearsal", "Compte d'essai activé dans le bac à sable (pas sur Chorus Pro)"
)
#: At the top of every mail of the sandbox (French, as the sandbox's mails are).
MAIL_NOTICE = (
    "RÉPÉTITION\u00a0: ce courriel vient du bac à sable de chorus-wizard. Aucun compte n'a été "
    "créé sur Chorus Pro. Pour vous inscrire pour de bon\u00a0: " + REAL_PORTAL_URL + " (ou "
    "chorus-wizard en mode portail)."
)


def is_rehearsal(profile_name: str) -> bool:
    """Whether a signup on the backend named ``profile_name`` is a rehearsal (the embedded
    sandbox, or a training room's)."""
    return profile_name == "sandbox"


def said(text: str) -> str:
    """``text`` in the interface's language, with the real portal's address."""
    return translate("rehearsal", text).format(portal=REAL_PORTAL_URL)
