"""The secret questions shipped with the sandbox, marked for translation.

The server sends each question as ``{id, libelle}`` in French and expects the ``id`` back
(``idQuestionSecrete``): only the text shown changes with the interface's language. A question
the server words otherwise (a training room's own list) is shown as the server sends it.
Keep this list in step with ``resources/sandbox/secret_questions.json`` (a test checks it).
"""

from __future__ import annotations

from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

SHIPPED_QUESTIONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("questions", "Quel est le nom de votre premier animal de compagnie\u00a0?"),
    QT_TRANSLATE_NOOP("questions", "Dans quelle ville êtes-vous né(e)\u00a0?"),
    QT_TRANSLATE_NOOP("questions", "Quel est le nom de jeune fille de votre mère\u00a0?"),
    QT_TRANSLATE_NOOP("questions", "Quel est le nom de votre école primaire\u00a0?"),
    QT_TRANSLATE_NOOP("questions", "Quel était le modèle de votre première voiture\u00a0?"),
    QT_TRANSLATE_NOOP(
        "questions", "Quel est le prénom de votre meilleur(e) ami(e) d'enfance\u00a0?"
    ),
    QT_TRANSLATE_NOOP("questions", "Quel est le titre de votre livre préféré\u00a0?"),
)


def question_label(label: str) -> str:
    """``label`` as the server sends it, in the interface's language when it is known."""
    return translate("questions", label)
