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
from chorus_wizard.domain.identifiers import NO_SIRET_LABELS, IdentifierType
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages.base import WizardContext
from chorus_wizard.ui.widgets.handoff import HandoffPanel

#: The portal's activation link is valid this long after the mail is sent (domain.md §6).
ACTIVATION_WINDOW = timedelta(minutes=60)

#: Today's portal (domain.md §8), in its order: the account, its activation and password, the
#: second factor at the first login, then the structure (created or joined), then the spaces.
BEFORE_START = QT_TRANSLATE_NOOP(
    "portal",
    "Avant de commencer sur le portail, ayez à portée de main\u00a0: votre numéro de SIRET (ou "
    "l'identifiant de votre structure), votre messagerie (deux courriels vont arriver\u00a0: le "
    "lien d'activation, puis un code de connexion), et un téléphone avec une application "
    "d'authentification (par exemple FreeOTP, Aegis ou Google Authenticator, gratuites) ou une "
    "clé de sécurité\u00a0: depuis septembre 2024, le portail la demande à chaque utilisateur "
    "dès sa première connexion.",
)
COMPLETE_NOTE = QT_TRANSLATE_NOOP(
    "portal",
    "Mode portail\u00a0: l'API de Chorus Pro ne permet pas de créer un compte. "
    "«\u00a0Suivant\u00a0» ne crée rien\u00a0: sur le portail, créez d'abord votre compte "
    "utilisateur (ci-dessous)\u00a0; la structure viendra après votre première connexion "
    "(étape 4). Vos données restent dans l'assistant pour les étapes suivantes.",
)
COMPLETE_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Ouvrez le portail et cliquez sur «\u00a0Créer un compte\u00a0» (en haut à droite).",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Saisissez votre adresse électronique de connexion, votre nom, votre prénom, votre "
        "téléphone (facultatif) et votre adresse de contact (boutons «\u00a0Copier\u00a0»), "
        "acceptez les conditions générales d'utilisation, recopiez le captcha, puis cliquez sur "
        "«\u00a0Créer mon compte\u00a0».",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Le portail vous envoie un courriel d'activation\u00a0: son lien n'est valable que 60 "
        "minutes (étape 4).",
    ),
)
COMPLETE_CONFIRM = QT_TRANSLATE_NOOP(
    "portal", "J'ai demandé la création de mon compte sur le portail"
)

WORKSPACES_NOTE = QT_TRANSLATE_NOOP(
    "portal",
    "Mode portail\u00a0: choisissez ici les espaces de travail dont vous aurez besoin. L'assistant "
    "ne les ouvre pas\u00a0: vous les activerez vous-même sur le portail, en dernier, une fois "
    "votre compte activé, votre double authentification en place et votre structure créée "
    "(étape 4).",
)
WORKSPACES_MANAGER = QT_TRANSLATE_NOOP(
    "portal",
    "Si vous êtes le premier à créer votre entreprise dans Chorus Pro, vous en deviendrez le "
    "<b>gestionnaire principal</b>, avec tous les droits de modification sur celle-ci.",
)
WORKSPACES_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Après l'activation de votre compte, la double authentification et la création de votre "
        "structure (étape 4), connectez-vous au portail.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Dans la gestion de vos espaces de travail, passez à OUI les espaces choisis sur cette "
        "page.",
    ),
)

ACTIVATE_INTRO = QT_TRANSLATE_NOOP(
    "portal",
    "Le portail envoie le courriel d'activation à {email}. Suivez les quatre temps ci-dessous "
    "dans l'ordre du portail\u00a0: le lien d'activation et le mot de passe, la double "
    "authentification à la première connexion, la structure, puis les espaces de travail.",
)
#: Step 4's panels in the portal's order: (title, checklist).
ACTIVATE_PASSWORD_TITLE = QT_TRANSLATE_NOOP(
    "portal", "1. Activez votre compte et choisissez votre mot de passe"
)
ACTIVATE_PASSWORD_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Ouvrez le lien du courriel d'activation dans les 60 minutes\u00a0: dites à "
        "l'assistant quand le courriel est arrivé, il vous indiquera l'heure limite. Lien "
        "expiré\u00a0: demandez-en un nouveau sur le portail.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Le lien mène au choix du mot de passe (et de sa confirmation)\u00a0: il n'y a plus de "
        "question secrète.",
    ),
)
SECOND_FACTOR_TITLE = QT_TRANSLATE_NOOP(
    "portal", "2. Première connexion\u00a0: la double authentification"
)
SECOND_FACTOR_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Connectez-vous avec votre adresse de connexion et votre mot de passe\u00a0: le portail "
        "envoie un code à 6 chiffres à cette adresse. Saisissez-le.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Le portail vous fait alors configurer une application d'authentification (FreeOTP, "
        "Aegis, Google Authenticator ou Microsoft Authenticator, gratuites)\u00a0: scannez "
        "le code QR affiché avec votre téléphone, puis saisissez le code à 6 chiffres que "
        "l'application affiche. Une clé de sécurité convient aussi.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Ensuite, chaque connexion demande votre mot de passe et le code du moment de "
        "l'application. Gardez ce téléphone\u00a0: sans lui, seul le support peut vous rendre "
        "l'accès.",
    ),
)
STRUCTURE_TITLE = QT_TRANSLATE_NOOP(
    "portal", "3. Créez votre structure, ou demandez votre rattachement"
)
STRUCTURE_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Une fois connecté, choisissez «\u00a0Créer une nouvelle structure\u00a0»\u00a0: "
        "choisissez le type d'identifiant, saisissez l'identifiant, puis les valeurs "
        "ci-dessous.",
    ),
    QT_TRANSLATE_NOOP(
        "portal",
        "Si le portail indique que la structure existe déjà, demandez votre rattachement\u00a0: "
        "son gestionnaire principal le validera.",
    ),
)
WORKSPACES_TITLE = QT_TRANSLATE_NOOP("portal", "4. Ouvrez vos espaces de travail")
OPEN_WORKSPACES_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "portal",
        "Dans la gestion de vos espaces de travail, passez à OUI les espaces choisis à l'étape 3.",
    ),
)
ACTIVATE_CONFIRM = QT_TRANSLATE_NOOP(
    "portal",
    "J'ai activé mon compte, configuré la double authentification et créé (ou demandé) ma "
    "structure sur le portail",
)

#: The identifier type as the portal's structure form lists it.
IDENTIFIER_TYPE_LABEL = QT_TRANSLATE_NOOP("portal", "Type d'identifiant")
CONTACT_EMAIL_LABEL = QT_TRANSLATE_NOOP("portal", "Adresse électronique de contact")


def text(source: str) -> str:
    """One of this module's constants in the interface's language."""
    return QCoreApplication.translate("portal", source)


def handoff_panel(
    context: WizardContext,
    title: str,
    checklist: Sequence[str],
    confirmation: str = "",
    *,
    with_portal: bool = True,
) -> HandoffPanel:
    panel = HandoffPanel(
        context.profile.portal_url,
        context.open_url,
        title=title,
        confirmation=text(confirmation) if confirmation else "",
        with_portal=with_portal,
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
    """The values to copy into the portal's account form, in its order: the login e-mail,
    step 2's person (nom, prénom, téléphone), then the contact e-mail (the login's)."""
    fields = (record.BY_NAME["email"], *record.on_step(Step.COMPLETE, Part.PERSON))
    values = [
        (QCoreApplication.translate("signup", f.label), getattr(signup, f.name))
        for f in fields
        if f.kind is str
    ]
    values.append((text(CONTACT_EMAIL_LABEL), signup.email))
    return values


def identifier_type_label(kind: IdentifierType) -> str:
    """The identifier type as the portal's list names it."""
    if kind is IdentifierType.SIRET:
        return "SIRET"
    return QCoreApplication.translate("identifiers", NO_SIRET_LABELS[kind])


def structure_values(signup: Signup, country_label: str = "") -> list[tuple[str, str]]:
    """The values to copy into the portal's structure form, in its order: the identifier's
    type and value first (the portal's form starts with them), then the structure."""
    values = [
        (text(IDENTIFIER_TYPE_LABEL), identifier_type_label(signup.identifier_type)),
        (identifier_label(signup.identifier_type), signup.identifier),
    ]
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
