"""Never lose work: the pages are saved as a draft as they change, and a signup is resumed.

:class:`DraftKeeper` saves a moment after each change (and at each page change), writing
from a one-thread pool so saves never block typing and never overtake one another. At start,
:func:`offer_resume` puts « Reprendre » / « Recommencer » on the first page; resuming puts
every saved value back, then re-reads the backend (is the structure registered now? was the
account created, are its workspaces chosen, is it already active?) rather than trusting the
file, and goes to the page where the user was. A draft of « parcours du portail actuel » is
resumed by :func:`chorus_wizard.ui.pages.today.resume_today`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QComboBox, QLineEdit, QMessageBox

from chorus_wizard.backend.models import AccountCreated, AccountStatus, CompanyRecord, Lookup
from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType, check_identifier, format_siret
from chorus_wizard.domain.text import long_date
from chorus_wizard.drafts import DraftSetAside, DraftStore, SavedDraft
from chorus_wizard.files import WriteProblem, write_problem
from chorus_wizard.keychain import (
    KeychainError,
    KeychainUnavailable,
    Secret,
    SecretStore,
    signup_token,
)
from chorus_wizard.texts import QT_TRANSLATE_NOOP, language
from chorus_wizard.ui.desk import catalogue_labels
from chorus_wizard.ui.pages import today
from chorus_wizard.ui.pages.base import STEPS, Page, PageId, describe_error
from chorus_wizard.ui.widgets.common import Banner, ResumeOffer, Tone
from chorus_wizard.ui.wizard import SignupWizard

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 400


#: While writing fails, the draft is written again this often (and at every change).
RETRY_MS = 1500

DISK_FULL = QT_TRANSLATE_NOOP(
    "drafts",
    "Le disque est plein : vos saisies ne peuvent plus être enregistrées. Libérez de la place "
    "sur le disque : l'enregistrement reprendra de lui-même ; d'ici là, ne fermez pas "
    "l'assistant.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "drafts",
    "Le dossier {folder} est en lecture seule : vos saisies ne peuvent plus être "
    "enregistrées. L'enregistrement reprendra de lui-même dès que le dossier acceptera "
    "l'écriture ; d'ici là, ne fermez pas l'assistant.",
)
DENIED = QT_TRANSLATE_NOOP(
    "drafts",
    "Le dossier {folder} n'autorise pas l'écriture : vos saisies ne peuvent plus être "
    "enregistrées. L'enregistrement reprendra de lui-même dès que le dossier acceptera "
    "l'écriture ; d'ici là, ne fermez pas l'assistant.",
)
IN_USE = QT_TRANSLATE_NOOP(
    "drafts",
    "Le fichier {file} est ouvert par un autre programme : vos saisies ne peuvent pas y être "
    "enregistrées pour l'instant. Fermez ce programme ; l'enregistrement reprendra de "
    "lui-même ; d'ici là, ne fermez pas l'assistant.",
)
NOT_SAVED = QT_TRANSLATE_NOOP(
    "drafts",
    "Vos saisies ne peuvent plus être enregistrées dans le dossier {folder} ({reason}). "
    "L'enregistrement reprendra de lui-même dès que possible ; d'ici là, ne fermez pas "
    "l'assistant.",
)
_PROBLEM_TEXTS = {
    WriteProblem.DISK_FULL: DISK_FULL,
    WriteProblem.READ_ONLY: READ_ONLY,
    WriteProblem.DENIED: DENIED,
    WriteProblem.IN_USE: IN_USE,
}


def describe_write_failure(error: BaseException, folder: Path) -> str:
    """What to tell a person whose draft could not be written to ``folder``."""
    text = _PROBLEM_TEXTS.get(write_problem(error), NOT_SAVED)
    reason = (error.strerror if isinstance(error, OSError) else None) or type(error).__name__
    held = error.filename if isinstance(error, OSError) else None
    return QCoreApplication.translate("drafts", text).format(
        folder=folder, reason=reason, file=held or folder
    )


def _keep_signup_token(secrets: SecretStore, secret: Secret, token: str) -> None:
    """Best effort: without a keychain, an interrupted signup resumes at step 4 instead."""
    try:
        secrets.set(secret, token)
    except KeychainUnavailable:
        log.info("Jeton d'inscription non conservé (aucun trousseau)")
    except KeychainError as exc:
        log.warning("Jeton d'inscription non conservé (%s)", type(exc).__name__)


class _Write(QRunnable):
    """One write, in the keeper's pool; ``done`` or ``failed(error)`` is called from there."""

    def __init__(
        self,
        write: Callable[[], object],
        done: Callable[[], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        super().__init__()
        self._write = write
        self._done = done
        self._failed = failed

    def run(self) -> None:
        try:
            self._write()
        except Exception as exc:  # a full disk must not crash the wizard: it is said, retried
            log.warning("Brouillon non enregistré (%s)", type(exc).__name__)
            if self._failed is not None:
                self._failed(exc)
            return
        if self._done is not None:
            self._done()


class DraftKeeper(QObject):
    """Saves the wizard's pages to a :class:`DraftStore` a moment after every change.

    A write that fails (a full disk, a read-only folder) is said at once, on the page shown,
    in a banner of the keeper's own; the draft is then written again every :data:`RETRY_MS`
    and at every change, and the banner goes once a write succeeds.
    """

    #: A draft write failed: the French message shown (emitted from the writing thread).
    write_failed = Signal(str)
    #: A draft write succeeded (emitted from the writing thread).
    written = Signal()

    def __init__(self, wizard: SignupWizard, store: DraftStore) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._store = store
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # saves are written in order
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.paused = False
        #: The message shown while the draft cannot be written; None when all is well.
        self.problem: str | None = None
        #: The keeper's banners, by page id: made on the first page the message is shown on.
        self.banners: dict[int, Banner] = {}
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.save_now)
        self.write_failed.connect(self._on_write_failed)
        self.written.connect(self._on_written)
        self._token_kept_for: int | None = None
        self._last_page = int(PageId.IDENTIFY)
        for page in wizard.pages.values():
            page.edited.connect(self.schedule)
            for edit in page.findChildren(QLineEdit):
                if edit.echoMode() == QLineEdit.EchoMode.Normal:
                    edit.textChanged.connect(self.schedule)
            for box in page.findChildren(QCheckBox):
                box.toggled.connect(self.schedule)
            for combo in page.findChildren(QComboBox):
                combo.currentIndexChanged.connect(self.schedule)
        wizard.currentIdChanged.connect(self._on_wizard_current_id_changed)

    def schedule(self) -> None:
        if not self.paused:
            self._timer.start()

    def _on_wizard_current_id_changed(self, page_id: int) -> None:
        if page_id < 0:
            return  # the wizard is closing: the last save stands, at the page it was on
        self._last_page = page_id
        if self.problem is not None:
            self._show_problem()
        self.save_now()
        context = self._wizard.context
        account = context.draft.account
        if account is None or not account.signup_token:
            return
        secrets, secret = context.secrets, signup_token(account.account_id)
        if page_id == PageId.WORKSPACES and account.account_id != self._token_kept_for:
            self._token_kept_for = account.account_id
            token = account.signup_token
            self._pool.start(_Write(lambda: _keep_signup_token(secrets, secret, token)))
        elif page_id == PageId.DONE:
            self._pool.start(_Write(lambda: secrets.delete(secret)))

    def snapshot(self) -> tuple[int, Signup, dict[str, Any]] | None:
        """(page, record, progress) to save, or None when there is nothing worth keeping."""
        wizard = self._wizard
        draft = wizard.context.draft
        page = wizard.currentId() if wizard.currentId() >= 0 else self._last_page
        if draft.activated or page in (PageId.ATTACH, PageId.DONE, PageId.TODAY_DONE):
            return None
        shown = wizard.page(page)
        if isinstance(shown, Page):
            shown.collect()  # what is typed on the page shown, into the record
        progress: dict[str, Any] = {}
        for each in wizard.pages.values():
            progress.update(each.draft_values())
        if draft.account is not None:
            progress["account_id"] = draft.account.account_id
            progress["structure_id"] = draft.account.structure_id
        if not (draft.signup.email or draft.signup.identifier):
            return None
        return page, replace(draft.signup), progress

    def save_now(self) -> None:
        """Write the draft now (off the GUI thread), or forget it once it has no purpose."""
        self._timer.stop()
        if self.paused:
            return
        snapshot = self.snapshot()
        store = self._store
        done, failed = self.written.emit, self._report_failure
        if snapshot is None:
            self._pool.start(_Write(store.discard, done, failed))
            return
        page, signup, progress = snapshot
        self._pool.start(_Write(lambda: store.save(page, signup, progress), done, failed))

    def _report_failure(self, error: Exception) -> None:
        """In the writing thread: the message is made here, shown on the GUI thread."""
        self.write_failed.emit(describe_write_failure(error, self._store.path.parent))

    def _on_write_failed(self, message: str) -> None:
        if message != self.problem:
            self.problem = message
            self._show_problem()
        if not self.paused:
            self._retry.start()  # quietly, until it works again

    def _on_written(self) -> None:
        self._retry.stop()
        if self.problem is None:
            return
        self.problem = None
        for banner in self.banners.values():
            banner.clear_message()
        log.info("Brouillon de nouveau enregistré")

    def _show_problem(self) -> None:
        """The message on the page shown (pages left keep theirs hidden)."""
        wizard = self._wizard
        current = wizard.currentId() if wizard.currentId() >= 0 else self._last_page
        for page_id, other in self.banners.items():
            if page_id != current:
                other.clear_message()
        page = wizard.page(current)
        if page is None or self.problem is None:
            return
        banner = self.banners.get(current)
        if banner is None:
            banner = self.banners[current] = Banner()
            banner.setAccessibleName(QCoreApplication.translate("drafts", "Enregistrement"))
            layout = page.layout()
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(0, banner)
            if wizard.complete:  # heard by the diagnostic like the pages' own messages
                banner.message_shown.connect(wizard.desk.journal.message_shown)
        banner.show_message(Tone.ERROR, self.problem)

    def flush(self, msecs: int = 5000) -> None:
        """Save pending changes and wait for the writes (closing, tests)."""
        if self._timer.isActive():
            self.save_now()
        self._pool.waitForDone(msecs)


RESUME_OFFER = QT_TRANSLATE_NOOP(
    "drafts",
    "Reprendre l'inscription de {structure}, laissée le {date} à {hour}\u00a0h\u00a0{minute} à "
    "l'étape\u00a0{step} ({name})\u00a0?",
)
RESUME_TODAY = QT_TRANSLATE_NOOP(
    "drafts",
    "Reprendre l'inscription au portail actuel de {email}, laissée le {date} à "
    "{hour}\u00a0h\u00a0{minute} à l'étape\u00a0{step} ({name})\u00a0?",
)
OTHER_PATH = QT_TRANSLATE_NOOP(
    "drafts",
    "Une inscription commencée sur l'autre parcours de la répétition est gardée\u00a0: pour la "
    "reprendre, choisissez ce parcours dans «\u00a0Plus › Paramètres\u00a0» et redémarrez "
    "l'assistant. Elle sera remplacée dès que vous saisirez ici.",
)
RESUME_OFFER_UNNAMED = QT_TRANSLATE_NOOP(
    "drafts",
    "Reprendre l'inscription laissée le {date} à {hour}\u00a0h\u00a0{minute} à "
    "l'étape\u00a0{step} ({name})\u00a0?",
)


def _saved_structure(signup: Signup) -> str:
    """The structure a draft is about: its name as typed on step 2, else its identifier."""
    name = signup.raison_sociale.strip()
    if name:
        return name
    identifier = signup.identifier.strip()
    if signup.identifier_type is IdentifierType.SIRET:
        check = check_identifier(IdentifierType.SIRET, identifier)
        if check.ok:
            return QCoreApplication.translate("drafts", "SIRET {siret}").format(
                siret=format_siret(check.normalized)
            )
    return identifier


def describe_saved(saved: SavedDraft) -> str:
    """« Reprendre l'inscription de DINUM, laissée le 02/12/2026 à 9 h 05 à l'étape 2
    (Complétez) ? »: the time is the last save's, when the person stopped, not the start."""
    local = saved.saved_at.astimezone()
    if today.is_today_draft(saved):
        step = today.saved_step(saved)
        return QCoreApplication.translate("drafts", RESUME_TODAY).format(
            email=saved.signup.email,
            date=long_date(local.date(), language()),
            hour=local.hour,
            minute=f"{local.minute:02d}",
            step=step,
            name=today.step_name(step),
        )
    step = int(min(max(saved.page, PageId.COMPLETE), PageId.ACTIVATE))
    if saved.page in (PageId.IDENTIFY, PageId.ATTACH):
        step = 1
    structure = _saved_structure(saved.signup)
    return QCoreApplication.translate(
        "drafts", RESUME_OFFER if structure else RESUME_OFFER_UNNAMED
    ).format(
        structure=structure,
        date=long_date(local.date(), language()),
        hour=local.hour,
        minute=f"{local.minute:02d}",
        step=step,
        name=QCoreApplication.translate("Page", STEPS[step - 1]),
    )


@dataclass(frozen=True)
class _BackendState:
    """What the backend says now about the saved signup."""

    lookup: Lookup | None = None
    status: AccountStatus | None = None
    account: AccountCreated | None = None
    token_missing: bool = False


def offer_resume(wizard: SignupWizard, keeper: DraftKeeper, store: DraftStore) -> None:
    """On the first page: offer to resume a saved signup, or say why it was set aside.

    The same message says which other files were set aside since the start (the Paramètres,
    the interface's preferences: their notices are taken once from the context's settings
    store and the desk), so that a person hears of each once.
    """
    # The path's first page: step 1, or the account's page on today's portal.
    identify = wizard.page_of(PageId(wizard.startId()))
    notices = [
        notice
        for notice in (
            wizard.context.settings.take_notice() if wizard.context.settings else None,
            wizard.desk.take_notice() if wizard.complete else None,
        )
        if notice
    ]
    try:
        saved = store.load()
    except DraftSetAside as aside:
        notices.append(str(aside))
        saved = None
    on_today = wizard.startId() == PageId.TODAY_ACCOUNT
    if saved is not None and today.is_today_draft(saved) != on_today:
        notices.append(QCoreApplication.translate("drafts", OTHER_PATH))
        saved = None
    if notices:
        identify.banner.show_message(Tone.WARNING, "\n".join(notices))
    if saved is None:
        return
    offer = getattr(identify, "resume_box", None)
    if not isinstance(offer, ResumeOffer):
        return
    keeper.paused = True  # until the user chooses, the saved draft must stay as it is
    offer.offer(describe_saved(saved))

    def discard() -> None:
        offer.hide()
        keeper.paused = False
        store.discard()

    def restart() -> None:
        if saved.progress.get("account_id") is None and not saved.progress.get("today_reached"):
            discard()
            return
        # An account exists: starting over would leave it behind, and the same address and
        # structure would then be refused (« déjà le gestionnaire principal »). Ask first.
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("drafts", "Recommencer ?"),
            (
                QCoreApplication.translate(
                    "drafts",
                    "Un compte d'essai a déjà été créé pour {email}. Si vous recommencez, "
                    "l'assistant oublie cette inscription, mais le compte reste sur le serveur : "
                    "la même adresse mènera à ce compte, pas à un nouveau. Reprenez plutôt "
                    "l'inscription.",
                )
                if saved.progress.get("today_reached")
                else QCoreApplication.translate(
                    "drafts",
                    "Un compte a déjà été créé pour {email}. Si vous recommencez, l'assistant "
                    "oublie cette inscription, mais le compte reste sur le serveur : la même "
                    "adresse et la même structure seraient refusées. Reprenez plutôt "
                    "l'inscription pour l'activer.",
                )
            ).format(email=saved.signup.email),
            QMessageBox.StandardButton.NoButton,
            wizard,
        )
        keep = box.addButton(
            QCoreApplication.translate("drafts", "Reprendre l'inscription"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        drop = box.addButton(
            QCoreApplication.translate("drafts", "Recommencer quand même"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        keep.clicked.connect(resume)
        drop.clicked.connect(discard)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard._message_box.show(box)

    def resume() -> None:
        offer.hide()
        resume_draft(wizard, saved, on_done=lambda: setattr(keeper, "paused", False))

    offer.resume_button.clicked.connect(resume)
    offer.restart_button.clicked.connect(restart)


def resume_draft(
    wizard: SignupWizard, saved: SavedDraft, *, on_done: Callable[[], None] | None = None
) -> None:
    """Put the saved record back, re-read the backend, and open the page where it stopped."""
    fields = saved.progress
    wizard.context.draft.signup = dataclasses.replace(saved.signup)
    values = {**saved.signup.values(), **saved.progress}
    for page in wizard.pages.values():
        page.restore_draft(values)
    if today.is_today_draft(saved):
        today.resume_today(wizard, saved)
        if on_done:
            on_done()
        return
    identify = wizard.page_of(PageId.IDENTIFY)
    if saved.page <= PageId.IDENTIFY or not identify.isComplete():
        if on_done:
            on_done()
        return

    context = wizard.context
    kind = saved.signup.identifier_type
    identifier = check_identifier(kind, saved.signup.identifier).normalized
    account_id = fields.get("account_id")
    structure_id = fields.get("structure_id", 0)

    def reread() -> _BackendState:
        if account_id is None:
            return _BackendState(lookup=context.service.lookup(kind, identifier))
        token = context.secrets.get(signup_token(account_id))
        if token is None:
            return _BackendState(token_missing=True)
        account = AccountCreated(account_id, structure_id, token, "")
        status = context.service.account_status(account)
        # The link's time left, as the account's creation had said it (step 4 shows it).
        account = dataclasses.replace(
            account,
            activation_valid_until=status.activation_valid_until,
            activation_locked_until=status.activation_locked_until,  # shown at once
        )
        return _BackendState(status=status, account=account)

    def arrived(state: _BackendState) -> None:
        try:
            _go_to_saved_page(wizard, saved, kind, identifier, state)
        finally:
            if on_done:
                on_done()

    def failed(error: BaseException) -> None:
        identify.banner.show_message(
            Tone.ERROR,
            QCoreApplication.translate(
                "drafts",
                "{error} Vos saisies ont été remises en place\u00a0; cliquez sur "
                "«\u00a0Suivant\u00a0» pour poursuivre.",
            ).format(error=describe_error(error)),
        )
        if on_done:
            on_done()

    identify.run(
        QCoreApplication.translate("drafts", "Reprise de votre inscription…"),
        reread,
        arrived,
        failed,
    )


def _go_to_saved_page(
    wizard: SignupWizard,
    saved: SavedDraft,
    kind: IdentifierType,
    identifier: str,
    state: _BackendState,
) -> None:
    """Open the page the backend's state and the saved progress point to, straight (no step is
    redone: each page on the way is only shown, so that « Précédent » goes where it went)."""
    draft = wizard.context.draft
    progress = saved.progress
    category = str(progress.get("categorie_entreprise", ""))
    known = CompanyRecord(identifier, categorie_entreprise=category) if category else None
    lookup = state.lookup or Lookup(kind, identifier, company=known)
    draft.lookup = lookup
    wizard.page_of(PageId.IDENTIFY).mark_step_done()
    if lookup.existing is not None:  # registered meanwhile: the attachment page explains
        wizard.setCurrentId(PageId.ATTACH)
        return
    target = PageId(min(max(saved.page, PageId.COMPLETE), PageId.ACTIVATE))
    if state.status is not None and state.status.status == "ACTIF":
        draft.account = state.account
        draft.activated = True
        target = PageId.DONE
    elif state.account is not None or state.token_missing:
        draft.account = state.account or AccountCreated(
            int(progress["account_id"]), int(progress.get("structure_id", 0)), "", ""
        )
        chosen = list(state.status.workspaces) if state.status else []
        saved_choice = progress.get("workspaces_saved", False)
        if state.token_missing or saved_choice:
            target = PageId.ACTIVATE
            if not chosen and saved_choice:  # the backend did not say: the choice then made
                chosen = [str(code) for code in progress.get("workspaces", [])]
            draft.workspaces = chosen
        else:
            target = max(target, PageId.WORKSPACES)
    elif wizard.context.portal_mode and progress.get("portal_account_created") is True:
        # The account was created on the portal (the user ticked it): back to the saved page,
        # workspaces or activation, with the portal's checklist as it was. The workspaces to
        # open there are the saved choice, named from the portal's catalogue (shipped).
        target = PageId(min(max(saved.page, PageId.WORKSPACES), PageId.ACTIVATE))
        draft.workspaces = [str(code) for code in progress.get("workspaces", [])]
        draft.workspace_labels.update(catalogue_labels())
    else:
        target = PageId.COMPLETE
    path = [PageId.COMPLETE, PageId.WORKSPACES, PageId.ACTIVATE, PageId.DONE]
    for page_id in path[: path.index(target) + 1]:
        if page_id == PageId.ACTIVATE and wizard.context.portal_mode:
            page_id = PageId.PORTAL_ACTIVATE
        wizard.setCurrentId(page_id)
        if page_id != target:
            wizard.page_of(page_id).mark_step_done()
    if state.token_missing:
        # The choice is in the draft (not a secret); without the signup token it cannot be
        # sent: say which it was, so it can be made on Chorus Pro after the activation.
        saved_choice = progress.get("workspaces", []) if progress.get("workspaces_saved") else []
        unsent = [] if progress.get("workspaces_saved") else progress.get("workspaces", [])
        labels = {**catalogue_labels(), **draft.workspace_labels}
        text = QCoreApplication.translate(
            "drafts",
            "Votre compte a déjà été créé. Le choix des espaces de travail n'a pas pu être "
            "relu (aucun trousseau du système) : vous pourrez le revoir après "
            "l'activation.",
        )
        if saved_choice:
            # The service took the choice before the window closed (the draft says so): name
            # it, as the recap does, rather than say it could not be read.
            text = QCoreApplication.translate(
                "drafts",
                "Votre compte a déjà été créé, avec les espaces de travail choisis "
                "({spaces})\u00a0: ce choix est enregistré avec le compte et vaudra dès son "
                "activation. Sans trousseau du système, l'assistant ne peut pas le relire "
                "auprès de Chorus Pro\u00a0: vous pourrez le revoir sur Chorus Pro après "
                "l'activation.",
            ).format(spaces=", ".join(labels.get(str(c), str(c)) for c in saved_choice))
        elif unsent:
            text = QCoreApplication.translate(
                "drafts",
                "Votre compte a déjà été créé. Les espaces de travail choisis ({spaces}) n'ont "
                "pas encore été ouverts, et sans trousseau du système l'assistant ne peut plus "
                "les demander\u00a0: ouvrez-les après l'activation, sur Chorus Pro.",
            ).format(spaces=", ".join(labels.get(str(c), str(c)) for c in unsent))
        wizard.currentPage().show_resume_note(text)  # type: ignore[attr-defined]
