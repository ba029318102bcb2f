"""Portal mode of steps 2 to 4: same pages and data, but the portal does the creating.

Real Chorus Pro's API creates no account, structure or workspace (domain.md §2). In portal
mode each page keeps its fields and shows a :class:`HandoffPanel` instead of committing: the
portal's address, every prepared value with « Copier », a short checklist, and a confirmation
the user ticks once it is done there. The wording never says something was created.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from chorus_wizard.contracts import record
from chorus_wizard.contracts.record import Part, Signup, Step
from chorus_wizard.domain.countries import countries
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages.base import WizardContext
from chorus_wizard.ui.widgets.handoff import HandoffPanel

#: The portal's activation link is valid this long after the mail is sent (domain.md §6).
ACTIVATION_WINDOW = timedelta(minutes=60)

COMPLETE_NOTE = QT_TRANSLATE_NOOP(
    "portal",
    "Mode portail\u00a0: l'API de Chorus Pro ne permet pas de créer un compte. "
    "«\u00a0Suivant\u00a0» ne crée rien\u00a0: créez votre compte utilisateur sur le portail en "
    "suivant les indications ci-dessous, puis revenez ici. Vos données restent dans l'assistant "
    "pour les étapes suivantes.",
)
COMPLETE_CHECKLIST = (
    QT_TRANSLATE_NOOP("portal", "Ouvrez le portail et choisissez de créer un compte utilisateur."),
    QT_TRANSLATE_NOOP(
        "portal",
        "Saisissez votre adresse électronique, votre nom et votre prénom (boutons "
        "«\u00a0Copier\u00a0») et validez\u00a0: le portail vous envoie un courriel d'activation, "
        "valable 60 minutes.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Gardez l'assistant ouvert\u00a0: les données de la structure vous serviront une fois "
        "connecté (étape 4).",
    ),
)
COMPLETE_CONFIRM = QT_TRANSLATE_NOOP(
    "portal", "J'ai demandé la création de mon compte sur le portail"
)

WORKSPACES_NOTE = QT_TRANSLATE_NOOP(
    "portal",
    "Mode portail\u00a0: choisissez ici les espaces de travail dont vous aurez besoin. L'assistant "
    "ne les ouvre pas\u00a0: vous les activerez vous-même sur le portail, une fois votre compte "
    "activé et votre structure créée (étape 4).",
)
WORKSPACES_MANAGER = QT_TRANSLATE_NOOP(
    "portal",
    "Si vous êtes le premier à créer votre entreprise dans Chorus Pro, vous en deviendrez le "
    "<b>gestionnaire principal</b>, avec tous les droits de modification sur celle-ci.",
)
WORKSPACES_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Après l'activation de votre compte et la création de votre structure (étape 4), "
        "connectez-vous au portail.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Dans la gestion de vos espaces de travail, passez à OUI les espaces choisis sur cette "
        "page.",
    ),
)

ACTIVATE_INTRO = QT_TRANSLATE_NOOP(
    "portal",
    "Le portail envoie le courriel d'activation à {email}. Son lien n'est valable que 60 "
    "minutes\u00a0: dites à l'assistant quand le courriel est arrivé, il vous indiquera l'heure "
    "limite.",
)
ACTIVATE_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Ouvrez le lien du courriel d'activation avant son expiration et choisissez votre mot de "
        "passe sur le portail. Lien expiré\u00a0: demandez-en un nouveau sur le portail.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Connectez-vous, puis créez votre structure avec les valeurs ci-dessous (si le portail "
        "indique qu'elle existe déjà, demandez-y votre rattachement).",
    ),
    QT_TRANSLATE_NOOP("portal", "Ouvrez les espaces de travail choisis à l'étape 3."),
)
ACTIVATE_CONFIRM = QT_TRANSLATE_NOOP(
    "portal", "J'ai activé mon compte et créé (ou demandé) ma structure sur le portail"
)


def text(source: str) -> str:
    """One of this module's constants in the interface's language."""
    return QCoreApplication.translate("portal", source)


def handoff_panel(
    context: WizardContext, title: str, checklist: Sequence[str], confirmation: str = ""
) -> HandoffPanel:
    panel = HandoffPanel(
        context.profile.portal_url,
        context.open_url,
        title=title,
        confirmation=text(confirmation) if confirmation else "",
    )
    panel.set_checklist([text(item) for item in checklist])
    return panel


def identifier_label(kind: IdentifierType) -> str:
    return (
        QCoreApplication.translate("portal", "SIRET")
        if kind is IdentifierType.SIRET
        else QCoreApplication.translate("portal", "Identifiant de la structure")
    )


def person_values(signup: Signup) -> list[tuple[str, str]]:
    """The values to copy into the portal's account form: the e-mail and step 2's person."""
    fields = (record.BY_NAME["email"], *record.on_step(Step.COMPLETE, Part.PERSON))
    return [
        (QCoreApplication.translate("signup", f.label), getattr(signup, f.name))
        for f in fields
        if f.kind is str
    ]


def structure_values(signup: Signup, country_label: str = "") -> list[tuple[str, str]]:
    """The values to copy into the portal's structure form, in its order."""
    values = [(identifier_label(signup.identifier_type), signup.identifier)]
    for f in record.on_step(Step.COMPLETE, Part.STRUCTURE):
        value = getattr(signup, f.name)
        if f.name == "code_pays":
            value = country_label or country_name(value)
        values.append((QCoreApplication.translate("signup", f.label), value))
    return values


def country_name(code: str) -> str:
    for country in countries():
        if country.code == code:
            return country.label
    return code


def activation_deadline(mail_arrived: datetime) -> datetime:
    """The latest the portal's link is still valid (counted from its arrival: an estimate)."""
    return mail_arrived + ACTIVATION_WINDOW
