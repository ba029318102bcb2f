"""The workspace catalogue shipped with the sandbox, marked for translation.

The server sends each workspace's ``libelle`` and ``description`` in French and expects its
``code`` back: only the text shown changes with the interface's language. A workspace the
server words otherwise is shown as the server sends it. Keep this list in step with
``resources/sandbox/workspaces.json`` (a test checks it).
"""

from __future__ import annotations

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

SHIPPED_WORKSPACE_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("workspaces", "Factures émises"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Déposer ou saisir les factures destinées à vos clients publics et suivre leur "
        "traitement jusqu'au paiement.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Sollicitations émises"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Poser une question ou signaler une difficulté au support Chorus Pro ou à un client "
        "public, et suivre les réponses.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Factures reçues"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Consulter les factures que d'autres structures vous adressent par Chorus Pro (utile "
        "surtout aux entités publiques).",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Sollicitations reçues"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Traiter les questions que d'autres utilisateurs de Chorus Pro adressent à votre "
        "structure.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Factures de travaux"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Déposer et suivre les documents d'un marché de travaux\u00a0: projets de décompte mensuel "
        "ou final, états d'acompte.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Factures à valider"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Valider les factures qui vous sont soumises, par exemple celles d'un sous-traitant quand "
        "vous êtes titulaire du marché.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Engagements"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Consulter les engagements juridiques (bons de commande) que vos clients publics ont émis "
        "à votre intention.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Mémoires de frais de justice"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Déposer des mémoires de frais de justice (experts, interprètes, traducteurs requis par "
        "une juridiction).",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Demande de remboursement TIC"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Demander le remboursement partiel de la taxe intérieure de consommation sur le "
        "carburant (exploitants agricoles).",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Raccordements EDI/API"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Raccorder votre logiciel de facturation à Chorus Pro (EDI ou API) et gérer le compte "
        "technique.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Activités du gestionnaire"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Gérer la structure, ses services, ses utilisateurs et les demandes de rattachement.",
    ),
    QT_TRANSLATE_NOOP("workspaces", "Mon compte"),
    QT_TRANSLATE_NOOP(
        "workspaces",
        "Gérer vos informations personnelles, votre mot de passe et vos rattachements aux "
        "structures.",
    ),
)


def workspace_text(text: str) -> str:
    """A workspace's name or description as the server sends it, in the interface's language
    when it is known."""
    return translate("workspaces", text)
