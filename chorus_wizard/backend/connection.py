"""« Tester la connexion »: token → health check → attachments → structure lookup, step by step.

Qt-free and blocking (run it in a worker). Each step says what it did and, when it failed,
what to fix; the steps after a failure are reported as not tried, so the user fixes one thing
at a time. Nothing here writes anything, anywhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from chorus_wizard.backend.errors import (
    AuthenticationError,
    BackendError,
    NetworkError,
    RateLimited,
    Rejected,
    ServerError,
)
from chorus_wizard.backend.http import new_client
from chorus_wizard.backend.piste import NOT_SUBSCRIBED, PisteClient
from chorus_wizard.backend.profiles import (
    TECH_PASSWORD_LIFETIME_DAYS,
    TECH_PASSWORD_WARNING_DAYS,
    BackendProfile,
    PisteCredentials,
)
from chorus_wizard.texts import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    import httpx

#: DINUM: a SIRET that exists at INSEE, used when the user typed none.
DEFAULT_PROBE_SIRET = "13002526500013"


class StepStatus(Enum):
    OK = "✔"
    WARNING = "⚠"
    FAILED = "✖"
    SKIPPED = "–"


@dataclass(frozen=True)
class StepResult:
    """One line of the report: ``title``, what happened (``detail``), what to do (``fix``)."""

    title: str
    status: StepStatus
    detail: str
    fix: str = ""

    @property
    def symbol(self) -> str:
        return self.status.value


@dataclass(frozen=True)
class ConnectionReport:
    steps: list[StepResult] = field(default_factory=list)
    #: ``dateExpirationMotPasseCompteTech`` of the technical account's structure, if read.
    tech_password_expiry: date | None = None

    @property
    def ok(self) -> bool:
        return all(step.status in (StepStatus.OK, StepStatus.WARNING) for step in self.steps)


STEP_TOKEN = QT_TRANSLATE_NOOP("connection", "Jeton d'accès PISTE")
STEP_HEALTH = QT_TRANSLATE_NOOP("connection", "Disponibilité de l'API Chorus Pro")
STEP_ATTACHMENTS = QT_TRANSLATE_NOOP("connection", "Rattachements du compte technique")
STEP_LOOKUP = QT_TRANSLATE_NOOP("connection", "Recherche d'une structure")

FIX_NETWORK = QT_TRANSLATE_NOOP(
    "connection",
    "Vérifiez la connexion à Internet de cet ordinateur\u00a0; sur un réseau d'entreprise, "
    "demandez si un proxy ou un pare-feu bloque piste.gouv.fr.",
)
FIX_CLIENT = QT_TRANSLATE_NOOP(
    "connection",
    "Vérifiez l'identifiant client (client_id) et le secret (client_secret) de votre application "
    "sur piste.gouv.fr, et qu'elle appartient bien à l'environnement choisi (bac à sable PISTE "
    "pour la qualification, PISTE pour la production).",
)
FIX_SUBSCRIPTION = QT_TRANSLATE_NOOP(
    "connection",
    "Sur piste.gouv.fr, abonnez votre application à l'API Chorus Pro et acceptez ses conditions "
    "générales d'utilisation\u00a0; sur le portail Chorus Pro, rattachez le compte technique à "
    "votre structure (espace «\u00a0Raccordements EDI/API\u00a0»).",
)
FIX_TECH_TEMPLATE = QT_TRANSLATE_NOOP(
    "connection",
    "Vérifiez le login et le mot de passe du compte technique, créé sur le portail Chorus Pro par "
    "le gestionnaire de la structure. Son mot de passe expire au bout de {days} jours\u00a0: s'il "
    "a expiré, générez-en un nouveau sur le portail.",
)
FIX_TECH = FIX_TECH_TEMPLATE.format(days=TECH_PASSWORD_LIFETIME_DAYS)
FIX_LATER = QT_TRANSLATE_NOOP(
    "connection",
    "Le service est momentanément indisponible\u00a0: réessayez dans quelques minutes.",
)
SKIPPED = QT_TRANSLATE_NOOP("connection", "Non testé\u00a0: corrigez d'abord l'étape précédente.")


def _t(text: str) -> str:
    return translate("connection", text)


def _fix_for(error: BaseException, step: str) -> str:
    if isinstance(error, NetworkError):
        return _t(FIX_NETWORK)
    if isinstance(error, ServerError | RateLimited):
        return _t(FIX_LATER)
    if isinstance(error, AuthenticationError):
        if step == STEP_TOKEN:
            return _t(FIX_CLIENT)
        if str(error).startswith(translate("piste", NOT_SUBSCRIBED)):
            return _t(FIX_SUBSCRIPTION)
        return _t(FIX_TECH_TEMPLATE).format(days=TECH_PASSWORD_LIFETIME_DAYS)
    if isinstance(error, Rejected):
        return translate(
            "connection",
            "Chorus Pro a refusé la demande pour la raison indiquée\u00a0; corrigez la saisie.",
        )
    return translate(
        "connection",
        "Réessayez\u00a0; si le problème persiste, notez le message et contactez le support.",
    )


def _describe(error: BaseException) -> str:
    if isinstance(error, BackendError):
        return str(error)
    return translate("connection", "Erreur inattendue ({error}).").format(
        error=type(error).__name__
    )


def expiry_reminder(expiry: date | None, today: date) -> tuple[str, bool] | None:
    """The technical password reminder and whether it is a warning (< 30 days, or past)."""
    if expiry is None:
        return None
    left = (expiry - today).days
    when = expiry.strftime("%d/%m/%Y")
    if left < 0:
        return (
            translate(
                "connection",
                "Le mot de passe du compte technique a expiré le {date}\u00a0: générez-en un "
                "nouveau sur le portail Chorus Pro, puis saisissez-le ici.",
            ).format(date=when),
            True,
        )
    if left == 0:
        days = translate("connection", "aujourd'hui")
    elif left == 1:
        days = translate("connection", "dans 1 jour")
    else:
        days = translate("connection", "dans {count} jours").format(count=left)
    text = translate(
        "connection", "Le mot de passe du compte technique expire le {date} ({days})."
    ).format(date=when, days=days)
    if left < TECH_PASSWORD_WARNING_DAYS:
        renew = translate(
            "connection", "{text} Pensez à le renouveler sur le portail Chorus Pro dès maintenant."
        )
        return renew.format(text=text), True
    return text, False


def check_connection(
    profile: BackendProfile,
    credentials: PisteCredentials,
    siret: str = DEFAULT_PROBE_SIRET,
    *,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> ConnectionReport:
    """Try each step in turn against ``profile`` with ``credentials``; never raises a
    :class:`BackendError` (each becomes a failed step)."""
    http = client or new_client()
    try:
        return _run(
            PisteClient(http, profile.token_url, profile.api_base, credentials, sleep=sleep), siret
        )
    finally:
        if client is None:
            http.close()


def _run(piste: PisteClient, siret: str) -> ConnectionReport:
    steps: list[StepResult] = []
    expiry: date | None = None

    def failed(step: str, error: BaseException, title: str = "") -> ConnectionReport:
        steps.append(
            StepResult(
                title or _t(step), StepStatus.FAILED, _describe(error), _fix_for(error, step)
            )
        )
        for later in (STEP_TOKEN, STEP_HEALTH, STEP_ATTACHMENTS, STEP_LOOKUP)[len(steps) :]:
            steps.append(StepResult(_t(later), StepStatus.SKIPPED, _t(SKIPPED)))
        return ConnectionReport(steps, expiry)

    try:
        piste.authenticate()
    except Exception as error:
        return failed(STEP_TOKEN, error)
    steps.append(
        StepResult(
            _t(STEP_TOKEN),
            StepStatus.OK,
            translate(
                "connection",
                "Jeton obtenu\u00a0: l'application PISTE est reconnue.",
            ),
        )
    )

    try:
        piste.health_check()
    except Exception as error:
        return failed(STEP_HEALTH, error)
    steps.append(
        StepResult(
            _t(STEP_HEALTH),
            StepStatus.OK,
            translate(
                "connection",
                "L'API Chorus Pro répond.",
            ),
        )
    )

    try:
        attachments = piste.attachments()
    except Exception as error:
        return failed(STEP_ATTACHMENTS, error)
    if attachments:
        names = ", ".join(
            f"{a.designation or '?'} ({a.identifier})" if a.identifier else a.designation
            for a in attachments[:3]
        )
        if len(attachments) > 3:
            names = translate("connection", "{names} et {count} autre(s)").format(
                names=names, count=len(attachments) - 3
            )
        if len(attachments) == 1:
            detail = translate(
                "connection", "Compte technique accepté, rattaché à 1 structure\u00a0: {names}."
            )
        else:
            detail = translate(
                "connection",
                "Compte technique accepté, rattaché à {count} structures\u00a0: {names}.",
            )
        steps.append(
            StepResult(
                _t(STEP_ATTACHMENTS),
                StepStatus.OK,
                detail.format(count=len(attachments), names=names),
            )
        )
        try:
            expiry = piste.consult_structure(attachments[0].id_structure).tech_password_expiry
        except BackendError:
            expiry = None  # a reminder only: its absence is not a failure
    else:
        steps.append(
            StepResult(
                _t(STEP_ATTACHMENTS),
                StepStatus.WARNING,
                translate(
                    "connection",
                    "Compte technique accepté, mais rattaché à aucune structure.",
                ),
                translate(
                    "connection",
                    "Sur le portail Chorus Pro, rattachez le compte technique à votre structure.",
                ),
            )
        )

    title = translate("connection", "{step} (SIRET {siret})").format(
        step=_t(STEP_LOOKUP), siret=siret
    )
    try:
        found = piste.find_structure("SIRET", siret)
    except Exception as error:
        return failed(STEP_LOOKUP, error, title)
    if found is not None:
        detail = translate(
            "connection", "Structure trouvée sur Chorus Pro\u00a0: {name} (n° {number})."
        ).format(name=found.designation, number=found.id_structure)
    else:
        detail = translate(
            "connection",
            "La recherche fonctionne\u00a0; aucune structure n'est inscrite sur Chorus Pro avec ce "
            "SIRET.",
        )
    steps.append(StepResult(title, StepStatus.OK, detail))
    return ConnectionReport(steps, expiry)
