"""What the pages of « parcours du portail actuel » share: the path's name, its client, what the
earlier pages learned (in memory only: tickets, session and codes are secrets), « Voir le
courriel reçu », and the resume of a draft saved on that path.

That path rehearses today's Chorus Pro portal against the sandbox (domain.md §8): the account
first, its activation and password, the first login's e-mail code and authenticator app,
then the structure and the workspaces. Its pages are ``today_*.py``.

A draft saved on this path (:mod:`chorus_wizard.ui.drafts`) keeps what was typed (never the
password, a code or the authenticator's link) and how far the path went
(``today_reached``: the account created, activated, the second factor passed); a resume opens
the page after the last step done. The session does not outlive the window: a resume after
the second factor asks to log in again (password, then the app's code), as the portal does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from chorus_wizard.backend.errors import ActivationLocked, Rejected
from chorus_wizard.backend.http import new_client
from chorus_wizard.backend.portal_api import PortalApi
from chorus_wizard.contracts.portal import MAIL_CODE_MINUTES, Expected
from chorus_wizard.contracts.signup import Code
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext, describe_error
from chorus_wizard.ui.widgets.common import Tone, field_label
from chorus_wizard.ui.widgets.mail_viewer import MailViewer

if TYPE_CHECKING:
    from chorus_wizard.backend.models import ReceivedMail
    from chorus_wizard.drafts import SavedDraft
    from chorus_wizard.ui.wizard import SignupWizard

#: The values of ``--parcours`` (and of the Paramètres and a scenario's ``parcours``).
GUIDE_PATH = "guide"
TODAY_PATH = "portail-actuel"
PATHS = (GUIDE_PATH, TODAY_PATH)

#: The path's pages before its end, in order; ``today_reached`` steps done lead to
#: ``ROUTE[today_reached]``.
ROUTE = (PageId.TODAY_ACCOUNT, PageId.TODAY_ACTIVATE, PageId.TODAY_LOGIN, PageId.TODAY_STRUCTURE)
#: The steps done so far (``TodayState.reached``).
ACCOUNT_CREATED, ACTIVATED, LOGGED_IN = 1, 2, 3
#: The path's steps as the resume offer names them (the pages' titles say the same).
STEPS = (
    QT_TRANSLATE_NOOP("today", "Créez votre compte"),
    QT_TRANSLATE_NOOP("today", "Activez votre compte"),
    QT_TRANSLATE_NOOP("today", "Connectez-vous"),
    QT_TRANSLATE_NOOP("today", "Votre structure et vos espaces"),
)


@dataclass
class TodayState:
    """What today's path carries from page to page (in memory only)."""

    base_url: str
    email: str = ""
    login_ticket: str = ""
    #: The ``otpauth://`` URI while the authenticator is enrolled.
    totp_uri: str = ""
    workspaces: list[str] = field(default_factory=list)
    #: The steps done: 0, then :data:`ACCOUNT_CREATED`, :data:`ACTIVATED`, :data:`LOGGED_IN`.
    reached: int = 0
    #: The structure's outcome once sent (``StructureOutcome``'s value), else "".
    structure: str = ""

    @cached_property
    def api(self) -> PortalApi:
        """The sandbox's client for this path, made at its first call (in a worker)."""
        return PortalApi(new_client(), self.base_url)

    def done(self, step: int) -> None:
        self.reached = max(self.reached, step)


# What the sandbox answers, in the interface's language ------------------------------------
#
# The sandbox's ``libelle`` is French (it is the portal's own words); the path shows the
# contract's codes as its own translated sentences, as the guide's path does for its codes.
# An answer this map does not know is shown as the sandbox wrote it.

#: Where a refusal happened: the same code means different things on each page.
ACCOUNT, ACTIVATION, LOGIN, LOGIN_CODE, STRUCTURE = (
    "account",
    "activation",
    "login",
    "login-code",
    "structure",
)


def refusal_text(error: BaseException, where: str, email: str = "") -> str:
    """The sentence to show for ``error`` refused on the page ``where``."""
    if not isinstance(error, Rejected) or error.code is None:
        return describe_error(error)
    code = error.code
    if code == Code.LOCKED and isinstance(error, ActivationLocked) and error.until is not None:
        local = error.until.astimezone()
        return QCoreApplication.translate(
            "today",
            "Trop de tentatives infructueuses : votre compte est bloqué pendant une heure, "
            "jusqu'à {hour} h {minute}. Reconnectez-vous ensuite.",
        ).format(hour=local.hour, minute=f"{local.minute:02d}")
    if code == Code.INVALID_EMAIL:
        return QCoreApplication.translate(
            "today",
            "Le champ « Adresse électronique de connexion » n'est pas une adresse "
            "valide : elle doit avoir la forme nom@domaine.fr.",
        )
    if code == Code.EMAIL_EXISTS:
        return QCoreApplication.translate(
            "today",
            "Un compte Chorus Pro existe déjà pour l'adresse {email} : connectez-vous avec "
            "cette adresse.",
        ).format(email=email)
    if code == Code.WEAK_PASSWORD:
        return QCoreApplication.translate(
            "today",
            "Le mot de passe ne respecte pas toutes les règles de sécurité : corrigez les "
            "règles signalées.",
        )
    if code == Code.EXPIRED_CODE:
        return QCoreApplication.translate(
            "today",
            "Ce lien d'activation a expiré (il n'est valable que 60 minutes). Créez de nouveau "
            "votre compte.",
        )
    if code == Code.INVALID_JETON:
        return QCoreApplication.translate(
            "today",
            "Votre connexion a expiré ou n'existe pas : reconnectez-vous avec votre adresse "
            "et votre mot de passe.",
        )
    if code == Code.STRUCTURE_EXISTS:
        return QCoreApplication.translate(
            "today", "Cette structure existe déjà sur Chorus Pro : demandez-y votre rattachement."
        )
    if code == Code.INVALID_CODE:
        if where == ACTIVATION:
            return QCoreApplication.translate(
                "today",
                "Ce lien d'activation n'est pas valable : il a peut-être déjà servi. "
                "Utilisez le lien du dernier courriel reçu.",
            )
        if where == LOGIN:
            return QCoreApplication.translate(
                "today",
                "Adresse électronique ou mot de passe incorrect, ou compte pas encore activé.",
            )
        if where == LOGIN_CODE:
            return QCoreApplication.translate(
                "today",
                "Ce code n'est pas le bon, ou il a expiré ou déjà servi : saisissez le "
                "dernier code reçu par courriel, ou celui que votre application affiche en ce "
                "moment (vérifiez que l'heure du téléphone est juste).",
            )
    return str(error)


def login_text(expected: Expected, email: str, enrolled_now: bool = False) -> str:
    """What the login waits for next (or that it is done), for ``LoginAnswer.attendu``."""
    if expected is Expected.MAIL_CODE:
        return QCoreApplication.translate(
            "today",
            "Un code à 6 chiffres vient d'être envoyé à {email} : saisissez-le (il est "
            "valable {minutes} minutes).",
        ).format(email=email, minutes=MAIL_CODE_MINUTES)
    if expected is Expected.ENROL:
        return QCoreApplication.translate(
            "today",
            "Code accepté. Configurez maintenant votre application d'authentification : "
            "scannez le code QR, puis saisissez le code à 6 chiffres qu'elle affiche.",
        )
    if expected is Expected.TOTP:
        return QCoreApplication.translate(
            "today", "Saisissez le code à 6 chiffres de votre application d'authentification."
        )
    if enrolled_now:
        return QCoreApplication.translate(
            "today",
            "Application d'authentification configurée : vous êtes connecté. Chaque "
            "connexion demandera désormais votre mot de passe et le code de l'application.",
        )
    return QCoreApplication.translate("today", "Vous êtes connecté.")


def quit_warning(page: Page) -> str:
    """« Annuler » and the close button ask first once the account exists (as on the guide's
    step 3): quitting leaves it half-way; « Reprendre » at the next start goes on. Once the
    structure is sent the path is finished: nothing to ask."""
    state = state_of(page.context)
    if not state.reached or state.structure:
        return ""  # nothing made yet, or the path is finished: nothing is left pending
    return QCoreApplication.translate(
        "today",
        "Votre compte d'essai existe déjà pour {email}. Si vous quittez maintenant, "
        "l'inscription reste en attente : au prochain lancement, « Reprendre » la "
        "poursuit (un mot de passe ou un code saisi ici n'est jamais gardé). Quitter quand "
        "même ?",
    ).format(email=state.email)


def state_of(context: WizardContext) -> TodayState:
    """The path's state for this wizard, kept on its context (built on first use)."""
    if context.today is None:
        context.today = TodayState(context.profile.signup_url)
    return context.today


def add_row(form: QFormLayout, label: str, edit: QLineEdit, *, required: bool = False) -> None:
    edit.setAccessibleName(label.replace("&", ""))
    form.addRow(field_label(label, edit, required=required), edit)


def line(parent: QWidget | None = None) -> QLineEdit:
    return QLineEdit(parent)


def latest_mail(context: WizardContext, email: str) -> ReceivedMail | None:
    """The newest mail the sandbox "sent" to ``email`` (run in a worker)."""
    mails = context.service.received_mails(email)
    return mails[0] if mails else None


class MailPage(Page):
    """A page of the path with « Voir le courriel reçu »: the newest mail to the path's address
    in the guide's mail viewer (its activation link clickable, « Utiliser ce code »)."""

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        #: The mail shown, while it is.
        self.mail_viewer: MailViewer | None = None

    def show_latest_mail(self, on_chosen: Callable[[str], None] | None = None) -> None:
        """Read the newest mail in a worker and show it; « Utiliser ce code » (and the link)
        hand the link to ``on_chosen`` (none: a mail without a link, the viewer only shows)."""
        email = state_of(self.context).email
        context = self.context
        self.run(
            QCoreApplication.translate("today", "Lecture du courriel…"),
            lambda: latest_mail(context, email),
            lambda mail: self._show_mail(mail, on_chosen),
            kind="mail",
        )

    def _show_mail(
        self, mail: ReceivedMail | None, on_chosen: Callable[[str], None] | None
    ) -> None:
        if mail is None:
            self.banner.show_message(
                Tone.INFO, QCoreApplication.translate("today", "Aucun courriel pour le moment.")
            )
            return
        if self.mail_viewer is not None:
            self.mail_viewer.close()
        self.mail_viewer = MailViewer(mail, self)
        if on_chosen is None:
            self.mail_viewer.use_code.hide()
        else:
            self.mail_viewer.code_chosen.connect(on_chosen)
        self.mail_viewer.open()


# Resuming a draft saved on this path ------------------------------------------------------


def is_today_draft(saved: SavedDraft) -> bool:
    return saved.progress.get("path") == TODAY_PATH


def saved_step(saved: SavedDraft) -> int:
    """The number (1 to 4) of the page a resume opens."""
    return min(max(int(saved.progress.get("today_reached", 0)), 0), len(ROUTE) - 1) + 1


def step_name(number: int) -> str:
    return QCoreApplication.translate("today", STEPS[number - 1])


def resume_today(wizard: SignupWizard, saved: SavedDraft) -> None:
    """Open the page after the last step done, each page on the way only shown (no step is
    redone, « Précédent » goes where it went); every page has its saved values back."""
    state = state_of(wizard.context)
    state.email = saved.signup.email.strip()
    state.reached = saved_step(saved) - 1
    target = ROUTE[state.reached]
    for before, page_id in pairwise(ROUTE[: state.reached + 1]):
        wizard.page_of(before).mark_step_done()
        wizard.setCurrentId(page_id)
    if target == PageId.TODAY_STRUCTURE:
        page = wizard.page_of(target)
        ask = getattr(page, "ask_to_log_in_again", None)
        if ask is not None:
            ask()
