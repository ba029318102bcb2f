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


STEP_TOKEN = "Jeton d'accès PISTE"
STEP_HEALTH = "Disponibilité de l'API Chorus Pro"
STEP_ATTACHMENTS = "Rattachements du compte technique"
STEP_LOOKUP = "Recherche d'une structure"

FIX_NETWORK = (
    "Vérifiez la connexion à Internet de cet ordinateur ; sur un réseau d'entreprise, "
    "demandez si un proxy ou un pare-feu bloque piste.gouv.fr."
)
FIX_CLIENT = (
    "Vérifiez l'identifiant client (client_id) et le secret (client_secret) de votre "
    "application sur piste.gouv.fr, et qu'elle appartient bien à l'environnement choisi "
    "(bac à sable PISTE pour la qualification, PISTE pour la production)."
)
FIX_SUBSCRIPTION = (
    "Sur piste.gouv.fr, abonnez votre application à l'API Chorus Pro et acceptez ses "
    "conditions générales d'utilisation ; sur le portail Chorus Pro, rattachez le compte "
    "technique à votre structure (espace « Raccordements EDI/API »)."
)
FIX_TECH = (
    "Vérifiez le login et le mot de passe du compte technique, créé sur le portail Chorus Pro "
    f"par le gestionnaire de la structure. Son mot de passe expire au bout de "
    f"{TECH_PASSWORD_LIFETIME_DAYS} jours : s'il a expiré, générez-en un nouveau sur le portail."
)
FIX_LATER = "Le service est momentanément indisponible : réessayez dans quelques minutes."
SKIPPED = "Non testé : corrigez d'abord l'étape précédente."


def _fix_for(error: BaseException, step: str) -> str:
    if isinstance(error, NetworkError):
        return FIX_NETWORK
    if isinstance(error, ServerError | RateLimited):
        return FIX_LATER
    if isinstance(error, AuthenticationError):
        if step == STEP_TOKEN:
            return FIX_CLIENT
        if str(error).startswith(NOT_SUBSCRIBED):
            return FIX_SUBSCRIPTION
        return FIX_TECH
    if isinstance(error, Rejected):
        return "Chorus Pro a refusé la demande pour la raison indiquée ; corrigez la saisie."
    return "Réessayez ; si le problème persiste, notez le message et contactez le support."


def _describe(error: BaseException) -> str:
    if isinstance(error, BackendError):
        return str(error)
    return f"Erreur inattendue ({type(error).__name__})."


def expiry_reminder(expiry: date | None, today: date) -> tuple[str, bool] | None:
    """The technical password reminder and whether it is a warning (< 30 days, or past)."""
    if expiry is None:
        return None
    left = (expiry - today).days
    when = expiry.strftime("%d/%m/%Y")
    if left < 0:
        return (
            f"Le mot de passe du compte technique a expiré le {when} : générez-en un nouveau "
            "sur le portail Chorus Pro, puis saisissez-le ici.",
            True,
        )
    days = "aujourd'hui" if left == 0 else f"dans {left} jour{'s' if left > 1 else ''}"
    text = f"Le mot de passe du compte technique expire le {when} ({days})."
    if left < TECH_PASSWORD_WARNING_DAYS:
        return text + " Pensez à le renouveler sur le portail Chorus Pro dès maintenant.", True
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

    def failed(title: str, error: BaseException) -> ConnectionReport:
        steps.append(StepResult(title, StepStatus.FAILED, _describe(error), _fix_for(error, title)))
        for later in (STEP_TOKEN, STEP_HEALTH, STEP_ATTACHMENTS, STEP_LOOKUP)[len(steps) :]:
            steps.append(StepResult(later, StepStatus.SKIPPED, SKIPPED))
        return ConnectionReport(steps, expiry)

    try:
        piste.authenticate()
    except Exception as error:
        return failed(STEP_TOKEN, error)
    steps.append(
        StepResult(STEP_TOKEN, StepStatus.OK, "Jeton obtenu : l'application PISTE est reconnue.")
    )

    try:
        piste.health_check()
    except Exception as error:
        return failed(STEP_HEALTH, error)
    steps.append(StepResult(STEP_HEALTH, StepStatus.OK, "L'API Chorus Pro répond."))

    try:
        attachments = piste.attachments()
    except Exception as error:
        return failed(STEP_ATTACHMENTS, error)
    if attachments:
        names = ", ".join(
            f"{a.designation or '?'} ({a.identifier})" if a.identifier else a.designation
            for a in attachments[:3]
        )
        more = f" et {len(attachments) - 3} autre(s)" if len(attachments) > 3 else ""
        count = len(attachments)
        steps.append(
            StepResult(
                STEP_ATTACHMENTS,
                StepStatus.OK,
                f"Compte technique accepté, rattaché à {count} structure"
                f"{'s' if count > 1 else ''} : {names}{more}.",
            )
        )
        try:
            expiry = piste.consult_structure(attachments[0].id_structure).tech_password_expiry
        except BackendError:
            expiry = None  # a reminder only: its absence is not a failure
    else:
        steps.append(
            StepResult(
                STEP_ATTACHMENTS,
                StepStatus.WARNING,
                "Compte technique accepté, mais rattaché à aucune structure.",
                "Sur le portail Chorus Pro, rattachez le compte technique à votre structure.",
            )
        )

    title = f"{STEP_LOOKUP} (SIRET {siret})"
    try:
        found = piste.find_structure("SIRET", siret)
    except Exception as error:
        return failed(title, error)
    if found is not None:
        detail = (
            f"Structure trouvée sur Chorus Pro : {found.designation} (n° {found.id_structure})."
        )
    else:
        detail = (
            "La recherche fonctionne ; aucune structure n'est inscrite sur Chorus Pro avec ce "
            "SIRET."
        )
    steps.append(StepResult(title, StepStatus.OK, detail))
    return ConnectionReport(steps, expiry)
