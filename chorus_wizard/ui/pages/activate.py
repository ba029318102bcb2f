"""Step 4 — Activez votre compte: code from the mail, its time left, password, secret question."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
)

from chorus_wizard.backend.errors import (
    ActivationExpired,
    ActivationLocked,
    FieldRefused,
    InvalidActivationCode,
)
from chorus_wizard.backend.models import (
    AccountStatus,
    ActivationResent,
    ReceivedMail,
    SecretQuestion,
)
from chorus_wizard.backend.service import SignupService
from chorus_wizard.contracts.record import MAX_LENGTH
from chorus_wizard.domain.activation import activation_code
from chorus_wizard.domain.password import PasswordPolicy, load_strength_estimator
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import (
    Banner,
    FieldHint,
    FormComboBox,
    Tone,
    announce,
    field_label,
    form_layout,
    readable,
    stacked,
    wrapped,
)
from chorus_wizard.ui.widgets.explain import explained
from chorus_wizard.ui.widgets.mail_viewer import MailViewer
from chorus_wizard.ui.widgets.password import PasswordInput
from chorus_wizard.ui.widgets.whole_rows import WholeRows

#: How often the link's time left is redrawn.
VALIDITY_REFRESH_MS = 30_000
# How often the time left of a lock is redrawn.
LOCK_REFRESH_MS = 1000
# A lock whose end the service did not say lasts this long.
DEFAULT_LOCK = timedelta(hours=1)
#: While a lock is shown, how often the account's state is asked (a trainer may lift it).
LOCK_STATUS_MS = 10_000
# A change of the code field during a lock asks the account's state this long after.
LOCK_STATUS_AFTER_EDIT_MS = 600

log = logging.getLogger(__name__)

EXPIRED_TEXT = QT_TRANSLATE_NOOP(
    "ActivatePage",
    "Ce lien a expiré\u00a0: cliquez sur «\u00a0Renvoyer le courriel\u00a0» pour recevoir un "
    "nouveau lien, puis collez-le ici.",
)
EXPIRED_ERROR = QT_TRANSLATE_NOOP(
    "ActivatePage",
    "Ce lien d'activation a expiré\u00a0: un lien n'est valable que 60 minutes. Cliquez sur "
    "«\u00a0Renvoyer le courriel\u00a0» pour en recevoir un nouveau, puis collez le nouveau lien "
    "et validez à nouveau. Vos autres saisies sont conservées.",
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def time_left_text(left: timedelta) -> str | None:
    """« Ce lien est valable encore 57 minutes. », or None once expired."""
    seconds = left.total_seconds()
    if seconds <= 0:
        return None
    minutes = int(seconds // 60)
    if minutes == 0:
        return QCoreApplication.translate(
            "ActivatePage", "Ce lien est valable encore moins d'une minute."
        )
    if minutes == 1:
        return QCoreApplication.translate("ActivatePage", "Ce lien est valable encore 1 minute.")
    return QCoreApplication.translate(
        "ActivatePage", "Ce lien est valable encore {minutes} minutes."
    ).format(minutes=minutes)


def clock_time(moment: datetime, now: datetime) -> str:
    """``15 h 42`` in local time (``demain 0 h 30`` when it is tomorrow already)."""
    local = moment.astimezone()
    time = QCoreApplication.translate("ActivatePage", "{hour}\u00a0h\u00a0{minute}").format(
        hour=local.hour, minute=f"{local.minute:02d}"
    )
    if local.date() > now.astimezone().date():
        return QCoreApplication.translate("ActivatePage", "demain {time}").format(time=time)
    return time


def countdown_text(left: timedelta) -> str:
    """``4 min 12 s``, ``5 s``: what is left of a lock, to the second (rounded up)."""
    seconds = max(0, int(-(-left.total_seconds() // 1)))
    minutes, seconds = divmod(seconds, 60)
    if minutes == 0:
        return QCoreApplication.translate("ActivatePage", "{seconds}\u00a0s").format(
            seconds=seconds
        )
    return QCoreApplication.translate(
        "ActivatePage", "{minutes}\u00a0min\u00a0{seconds}\u00a0s"
    ).format(minutes=minutes, seconds=f"{seconds:02d}")


def kept_text(*, restarted: bool = False) -> str:
    """What stays of step 4 while the window is open and after it is closed: said alike by
    the lock's message and the quit question. ``restarted``: the lock was found by a resume,
    after the window had been closed (what was typed before is already gone)."""
    if restarted:
        return QCoreApplication.translate(
            "ActivatePage",
            "Le lien, le mot de passe et la réponse secrète saisis avant la fermeture de la "
            "fenêtre n'ont pas été gardés (ils ne sont jamais enregistrés)\u00a0: saisissez-les "
            "à nouveau\u00a0; tant que la fenêtre reste ouverte, ils restent en place.",
        )
    return QCoreApplication.translate(
        "ActivatePage",
        "Tant que la fenêtre reste ouverte, tout ce que vous avez saisi reste en place. Si vous "
        "la fermez, vos informations des étapes 1 à 3 sont gardées, mais le lien, le mot de "
        "passe et la réponse secrète ne sont jamais enregistrés\u00a0: il faudra les saisir à "
        "nouveau.",
    )


def locked_message(
    until: datetime,
    now: datetime,
    link_until: datetime | None = None,
    *,
    restarted: bool = False,
) -> str:
    """What to say after five failed attempts: until when, the time left, and which link to
    use then (a new mail's when the last one expires before the lock ends).

    A link whose end is unknown (a resume without a keychain cannot ask it) is taken as
    expiring first: the lock lasts an hour from the last wrong code, later than the mail
    that link came with, and a link lasts 60 minutes."""
    kept = kept_text(restarted=restarted)
    if link_until is None or link_until <= until:
        return QCoreApplication.translate(
            "ActivatePage",
            "Trop de tentatives infructueuses\u00a0: l'activation de ce compte est bloquée "
            "jusqu'à {time} (encore {left}). Le lien du dernier courriel aura expiré d'ici "
            "là\u00a0: à la fin du blocage, cliquez sur «\u00a0Renvoyer le courriel\u00a0» pour "
            "en recevoir un nouveau. {kept}",
        ).format(time=clock_time(until, now), left=countdown_text(until - now), kept=kept)
    return QCoreApplication.translate(
        "ActivatePage",
        "Trop de tentatives infructueuses\u00a0: l'activation de ce compte est bloquée jusqu'à "
        "{time}. Réessayez dans {left}, avec le lien du dernier courriel reçu. {kept}",
    ).format(time=clock_time(until, now), left=countdown_text(until - now), kept=kept)


def tries_left_text(tries: int) -> str:
    """How many more wrong codes the activation takes before its lock."""
    if tries <= 1:
        return QCoreApplication.translate(
            "ActivatePage",
            "Attention\u00a0: encore un code erroné et l'activation sera bloquée pendant une "
            "heure.",
        )
    return QCoreApplication.translate(
        "ActivatePage",
        "Il vous reste {tries} essais avant un blocage d'une heure.",
    ).format(tries=tries)


def _load_rules(service: SignupService) -> tuple[PasswordPolicy, list[SecretQuestion]]:
    """Off the GUI thread: the policy, the questions, and zxcvbn's dictionaries."""
    load_strength_estimator()
    return service.password_policy(), service.secret_questions()


class ActivatePage(Page):
    step = 4
    NEXT_REASON = QT_TRANSLATE_NOOP("Page", "Pour valider, saisissez\u00a0: {fields}.")

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Activez votre compte utilisateur"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Valider"))
        self._policy_loaded = False
        self._expired_by_server = False
        self.clock: Callable[[], datetime] = utc_now
        self._validity_timer = QTimer(self)
        self._validity_timer.setInterval(VALIDITY_REFRESH_MS)
        self._validity_timer.timeout.connect(self._refresh_validity)
        # Until when the service refuses any try (five wrong codes), while it does.
        self.locked_until: datetime | None = None
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(LOCK_REFRESH_MS)
        self.lock_timer.timeout.connect(self._refresh_lock)
        # While locked, the account's state is asked now and then (a light GET in a worker):
        # a trainer's « Débloquer » lifts the lock on the sandbox, and then here too.
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(LOCK_STATUS_MS)
        self.status_timer.timeout.connect(self.ask_lock_status)
        self._status_after_edit = QTimer(self)
        self._status_after_edit.setSingleShot(True)
        self._status_after_edit.setInterval(LOCK_STATUS_AFTER_EDIT_MS)
        self._status_after_edit.timeout.connect(self.ask_lock_status)
        self._status_asked = 0  # the serial of the last question; older answers are dropped
        self._status_pending = False
        # The lock's end as the draft saved it, for a resume that cannot ask the service.
        self._saved_lock: datetime | None = None
        # The lock shown was found by a resume (the window had been closed meanwhile).
        self._lock_after_restart = False

        self.intro = wrapped("")
        self.body.addWidget(self.intro)
        #: What a resume had to say (the workspaces chosen, a missing keychain): kept in view
        #: under the intro while the message line below says other things (a lock, a call).
        self.resume_note = Banner()
        self.resume_note.setAccessibleName(self.tr("Reprise"))
        self.resume_note.hide()
        self.body.addWidget(self.resume_note)

        form = form_layout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(
            self.tr("Collez ici le lien reçu par courriel, ou le code seul")
        )
        self.code.setMaxLength(MAX_LENGTH["code"])
        self.code_hint = FieldHint(self.code)
        self.validity = wrapped("")
        self.validity.hide()
        mail_row = QHBoxLayout()
        self.show_mail = QPushButton(self.tr("Voir le courriel reçu"))
        self.resend = QPushButton(self.tr("Renvoyer le courriel"))
        self.mail_viewer: MailViewer | None = None
        mail_row.addWidget(self.show_mail)
        mail_row.addWidget(self.resend)
        mail_row.addStretch(1)
        form.addRow(
            field_label(self.tr("Lien ou code d'activation"), self.code, required=True),
            explained(
                stacked(self.code, self.code_hint, self.validity, mail_row), "code", self.code
            ),
        )

        self.password = PasswordInput(self)
        self.password.add_rows(form)

        self.question = FormComboBox()
        self.answer = QLineEdit()
        self.answer.setMaxLength(MAX_LENGTH["answer"])
        answer_note = wrapped(
            self.tr(
                "La question secrète vous permettra de récupérer votre mot de passe en cas "
                "d'oubli. La réponse ne tient compte ni des majuscules ni des accents."
            )
        )
        form.addRow(
            field_label(self.tr("Question secrète"), self.question, required=True),
            explained(self.question, "question", self.question),
        )
        form.addRow(
            field_label(self.tr("Réponse"), self.answer, required=True),
            explained(stacked(self.answer, answer_note), "answer", self.answer),
        )
        self.form_box = QWidget()
        self.form_box.setLayout(form)
        self.whole_rows = WholeRows(self.form_box)
        self.body.addWidget(self.form_box)
        # The sandbox shows the mails it sent; a real mail goes to the person's mailbox. (Once
        # in the page: made visible without a parent, a widget is a window of its own.)
        self.show_mail.setVisible(context.profile.can_create_accounts)
        self.finish_layout()

        self.code.textChanged.connect(self._on_code_text_changed)
        self.password.changed.connect(self.completeChanged)
        self.answer.textChanged.connect(self.completeChanged)
        self.question.currentIndexChanged.connect(self.completeChanged)
        self.show_mail.clicked.connect(self._on_show_mail_clicked)
        self.resend.clicked.connect(self._on_resend_clicked)

    def initializePage(self) -> None:
        draft = self.context.draft
        self.intro.setText(
            self.tr(
                "Le courriel d'activation a été envoyé à {email}. Copiez le lien qu'il contient "
                "(ou le code seul) dans le champ ci-dessous, puis choisissez votre mot de passe et "
                "votre question secrète."
            ).format(email=draft.signup.email)
        )
        self._refresh_validity()
        if not self._policy_loaded:
            context = self.context
            self.run(
                self.tr("Chargement des règles de mot de passe…"),
                lambda: _load_rules(context.service),
                self._on_rules_loaded,
                kind="rules",
            )
        # (after the call above, which clears the message line)
        account = draft.account
        found = account.activation_locked_until if account is not None else None
        if found is None and account is not None and not account.signup_token:
            # no keychain kept the token, so the service cannot be asked: the saved lock
            found = self._saved_lock
        self._saved_lock = None
        if found is not None and self.locked_until is None and self.clock() < found:
            self.locked_until = found  # a resume found the activation locked: said at once
            self._lock_after_restart = True
        if self.locked_until is not None and self.is_locked():
            self._lock(self.locked_until)  # back on the page: still locked, and for how long

    def draft_values(self) -> dict[str, Any]:
        if self.is_locked() and self.locked_until is not None:
            return {"activation_locked_until": self.locked_until.isoformat()}
        return {}

    def restore_draft(self, values: dict[str, Any]) -> None:
        saved = values.get("activation_locked_until")
        self._saved_lock = None
        if isinstance(saved, str):
            try:
                until = datetime.fromisoformat(saved)
            except ValueError:
                return
            if until.tzinfo is not None:
                self._saved_lock = until

    def quit_warning(self) -> str:
        """Something typed on step 4 (never saved): what quitting keeps and what it loses."""
        fields = (self.code, self.password.password, self.password.confirmation, self.answer)
        if any(field.text() for field in fields):
            text = self.tr(
                "Vos informations des étapes 1 à 3 sont gardées\u00a0: au prochain lancement, "
                "«\u00a0Reprendre\u00a0» les remet en place et revient ici. Le lien ou code "
                "d'activation, le mot de passe et la réponse secrète saisis ne sont jamais "
                "enregistrés\u00a0: il faudra les saisir à nouveau."
            )
        elif self.context.draft.account is not None:
            # Nothing typed yet, but the account exists and waits: « Annuler » asks as the
            # window's close button and step 3 do.
            text = self.tr(
                "Votre compte a déjà été créé pour {email} et attend son activation. Si vous "
                "quittez maintenant, l'inscription reste en attente\u00a0: au prochain "
                "lancement, «\u00a0Reprendre\u00a0» revient ici."
            ).format(email=self.context.draft.signup.email)
        else:
            return ""
        if self.is_locked() and self.locked_until is not None:
            text += " " + self.tr(
                "Le blocage reste en place jusqu'à {time}, et sera indiqué à la reprise."
            ).format(time=clock_time(self.locked_until, self.clock()))
        return text + " " + self.tr("Quitter quand même\u00a0?")

    def cleanupPage(self) -> None:
        self._validity_timer.stop()
        self.lock_timer.stop()
        self._stop_asking_status()
        self.password.clear()
        super().cleanupPage()

    def clear_secrets(self) -> None:
        """Empty every field that holds a secret: code, password, confirmation, answer."""
        self._validity_timer.stop()
        self.lock_timer.stop()
        self._stop_asking_status()
        self.code.clear()
        self.password.clear()
        self.answer.clear()

    def _on_rules_loaded(self, loaded: tuple[PasswordPolicy, list[SecretQuestion]]) -> None:
        policy, questions = loaded
        draft = self.context.draft
        self.password.set_policy(
            policy,
            email=draft.signup.email,
            company_name=draft.signup.raison_sociale,
            user_inputs=(
                draft.signup.nom,
                draft.signup.prenom,
                draft.signup.libelle,
                draft.signup.ville,
            ),
        )
        self.question.clear()
        for question in questions:
            self.question.addItem(question.label, question.id)
        self._policy_loaded = True
        self.completeChanged.emit()

    def ready(self) -> bool:
        return self._policy_loaded and not self.is_locked() and not self.missing_fields()

    def missing_fields(self) -> list[str]:
        """What « Valider » still waits for, as the page's reason line names it (nothing
        before the rules are known; a lock or a load that failed: the message line says it)."""
        if not self._policy_loaded or self.is_locked():
            return []  # while locked, « Valider » waits for the lock's end, not for a field
        missing = []
        if not activation_code(self.code.text()):
            missing.append(self.tr("le lien ou le code d'activation reçu"))
        if not self.password.rules_met():
            missing.append(self.tr("un mot de passe qui respecte les règles"))
        elif self.password.confirmation.text() != self.password.password.text():
            missing.append(self.tr("la confirmation du mot de passe"))
        if self.question.currentIndex() < 0:
            missing.append(self.tr("une question secrète"))
        if not self.answer.text().strip():
            missing.append(self.tr("la réponse à la question secrète"))
        return missing

    # -- the lock after five wrong codes -----------------------------------------------------

    def is_locked(self) -> bool:
        return self.locked_until is not None and self.clock() < self.locked_until

    def show_resume_note(self, text: str) -> None:
        """A resume's note stays in its own place: the message line then says the lock, a
        call's progress or a refusal without replacing it."""
        self.resume_note.show_message(Tone.INFO, text)

    def _lock_text(self, until: datetime, now: datetime) -> str:
        return locked_message(until, now, self.valid_until(), restarted=self._lock_after_restart)

    def _lock(self, until: datetime) -> None:
        self.locked_until = until
        self.code_hint.set_reason(None)  # the state is the lock: said once, on the message line
        self.banner.show_message(Tone.ERROR, self._lock_text(until, self.clock()))
        # a new mail cannot be used before the lock ends: « Renvoyer » waits for it, and the
        # link's time left would contradict the lock (the message says which link to use)
        self.resend.setEnabled(False)
        self.validity.hide()
        self.lock_timer.start()
        if self._can_ask_status():
            self.status_timer.start()
        self.edited.emit()  # the lock's end goes into the draft (shown again on a resume)
        self.completeChanged.emit()

    def _refresh_lock(self) -> None:
        until = self.locked_until
        if until is None:
            self.lock_timer.stop()
            return
        now = self.clock()
        if now < until:
            self.banner.replace_text(self._lock_text(until, now))
            return
        self._lift_lock(
            self.tr(
                "Le blocage est levé\u00a0: validez à nouveau, avec le lien du dernier courriel "
                "reçu."
            )
        )

    def _lift_lock(self, message: str) -> None:
        self.lock_timer.stop()
        self._stop_asking_status()
        self.locked_until = None
        self._lock_after_restart = False
        self.resend.setEnabled(True)
        self._refresh_validity()
        self.banner.show_message(Tone.INFO, message)
        self.edited.emit()
        self.completeChanged.emit()

    def _can_ask_status(self) -> bool:
        """Whether the account's state can be asked (its signup token is known)."""
        account = self.context.draft.account
        return account is not None and bool(account.signup_token)

    def _stop_asking_status(self) -> None:
        self.status_timer.stop()
        self._status_after_edit.stop()
        self._status_asked += 1  # an answer still on its way is dropped
        self._status_pending = False

    def ask_lock_status(self) -> None:
        """While locked: ask the service whether the lock still holds, off the GUI thread."""
        account = self.context.draft.account
        if not self.is_locked() or account is None or not account.signup_token:
            return
        if self._status_pending:
            return  # one question at a time; the timer asks again later
        self._status_asked += 1
        self._status_pending = True
        serial = self._status_asked
        service = self.context.service
        self.context.runner.run(
            lambda: service.account_status(account),
            lambda status: self._on_lock_status(serial, status),
            lambda error: self._on_lock_status_failed(serial, error),
        )

    def _on_lock_status(self, serial: int, status: AccountStatus) -> None:
        if serial != self._status_asked:
            return
        self._status_pending = False
        if not self.is_locked() or status.status == "ACTIF":
            return
        until = status.activation_locked_until
        if until is None or until <= self.clock():
            self._lift_lock(
                self.tr(
                    "Le blocage a été levé\u00a0: validez à nouveau, avec le lien du dernier "
                    "courriel reçu."
                )
            )
        elif until != self.locked_until:
            self.locked_until = until
            self._refresh_lock()

    def _on_lock_status_failed(self, serial: int, error: BaseException) -> None:
        if serial == self._status_asked:
            self._status_pending = False
        # The lock stays shown as it is; the timer asks again.
        log.info("État du compte non relu pendant le blocage (%s)", type(error).__name__)

    def _on_code_text_changed(self) -> None:
        text = self.code.text()
        problem = None
        if text.strip() and not activation_code(text):
            problem = self.tr(
                "Ce lien ne contient pas de code d'activation\u00a0: copiez le lien complet."
            )
        self.code_hint.set_reason(problem)
        if self.is_locked() and self._can_ask_status():
            self._status_after_edit.start()  # maybe lifted meanwhile: asked, a moment later
        self.completeChanged.emit()

    # -- time left of the link ------------------------------------------------------------

    def valid_until(self) -> datetime | None:
        account = self.context.draft.account
        return account.activation_valid_until if account is not None else None

    def _refresh_validity(self) -> None:
        if self.is_locked():
            self.validity.hide()  # the lock's message says which link to use after it
            return
        until = self.valid_until()
        if until is None and not self._expired_by_server:
            self._validity_timer.stop()
            self.validity.hide()
            return
        left = until - self.clock() if until is not None else timedelta(0)
        text = None if self._expired_by_server else time_left_text(left)
        if text is None:
            self._validity_timer.stop()
            self._show_validity(self.tr(EXPIRED_TEXT), "#8a1212")
            return
        self._show_validity(text, "#9a5200" if left <= timedelta(minutes=5) else "#4a4a4a")
        if not self._validity_timer.isActive():
            self._validity_timer.start()

    def _show_validity(self, text: str, color: str) -> None:
        self.validity.setText(text)
        self.validity.setStyleSheet(f"color: {readable(color)};")
        self.validity.show()

    def _set_valid_until(self, until: datetime | None) -> None:
        account = self.context.draft.account
        if until is not None and account is not None:
            self.context.draft.account = dataclasses.replace(account, activation_valid_until=until)
        self._expired_by_server = False
        self._refresh_validity()

    # -- mail --------------------------------------------------------------------------

    def _on_show_mail_clicked(self) -> None:
        service = self.context.service
        email = self.context.draft.signup.email
        self.run(
            self.tr("Lecture du courriel…"),
            lambda: service.received_mails(email),
            self._on_mail_read,
            kind="mail",
        )

    def _on_mail_read(self, mails: list[ReceivedMail]) -> None:
        if not mails:
            self.banner.show_message(
                Tone.WARNING, self.tr("Aucun courriel reçu pour cette adresse.")
            )
            return
        if self.mail_viewer is not None:
            self.mail_viewer.close()
        self.mail_viewer = MailViewer(mails[0], self)  # the newest
        self.mail_viewer.code_chosen.connect(self._on_code_chosen)
        self.mail_viewer.open()

    def _on_code_chosen(self, link: str) -> None:
        """« Utiliser ce code » or the link clicked in the mail: the code goes in its field."""
        self.code.setText(link)
        self.password.password.setFocus()

    def _on_resend_clicked(self) -> None:
        context = self.context
        email = self.context.draft.signup.email
        self.run(
            self.tr("Envoi d'un nouveau courriel…"),
            lambda: context.service.resend_activation(email),
            self._on_resent,
            kind="resend",
        )

    def _on_resent(self, resent: ActivationResent) -> None:
        self.code.clear()
        self._set_valid_until(resent.valid_until)
        email = self.context.draft.signup.email
        if resent.valid_until is not None:
            text = self.tr(
                "Un nouveau courriel d'activation a été envoyé à {email}. Son lien est valable "
                "jusqu'à {time}\u00a0; celui du courriel précédent ne fonctionne plus."
            ).format(email=email, time=clock_time(resent.valid_until, self.clock()))
        else:
            text = self.tr(
                "Un nouveau courriel d'activation a été envoyé à {email}\u00a0; le lien du "
                "courriel précédent ne fonctionne plus."
            ).format(email=email)
        self.banner.show_message(Tone.SUCCESS, text)

    # -- Valider -----------------------------------------------------------------------

    def step_key(self) -> object:
        return "activated" if self.context.draft.activated else None

    def start_step(self) -> bool:
        draft = self.context.draft
        context = self.context
        email = draft.signup.email
        code = activation_code(self.code.text())
        password = self.password.password.text()
        question = int(self.question.currentData())
        answer = self.answer.text()
        self.run(
            self.tr("Activation de votre compte…"),
            lambda: context.service.activate(email, code, password, question, answer),
            lambda message: self._on_activated(message, password),
            self._on_activation_failed,
        )
        return False

    def _on_activated(self, message: str, password: str) -> None:
        draft = self.context.draft
        draft.activated = True
        draft.final_message = message
        # In memory only, for the final page's offer to store it in the keychain.
        self.context.password_in_memory = password
        self.clear_secrets()
        self.validity.hide()
        self.step_succeeded()

    def _on_activation_failed(self, error: BaseException) -> None:
        if isinstance(error, ActivationExpired):
            self._expired_by_server = True
            self._refresh_validity()
            self.banner.show_message(Tone.ERROR, self.tr(EXPIRED_ERROR))
            self.resend.setFocus()
            return
        if isinstance(error, ActivationLocked):
            self._lock(error.until or self.clock() + DEFAULT_LOCK)
            return
        if isinstance(error, InvalidActivationCode):
            text = str(error)
            if error.tries_left is not None:
                text = f"{text} {tries_left_text(error.tries_left)}"
            # Said once, under the field it is about (and to screen readers at once).
            self.code_hint.set_reason(text)
            announce(self.code, text, assertive=True)
            # Not on the message line, but the diagnostic's journal keeps it as any refusal.
            self.banner.message_shown.emit(Tone.ERROR.name, text)
            self.code.setFocus()
            return
        self.show_error(error)
        self._focus_refused_field(error)

    def _focus_refused_field(self, error: BaseException) -> None:
        """Put the cursor in the field the service refused (a wrong code: the code field)."""
        fields: dict[str, QWidget] = {
            "password": self.password.password,
            "question_id": self.question,
            "answer": self.answer,
        }
        target = fields.get(error.field) if isinstance(error, FieldRefused) else None
        if target is not None:
            target.setFocus()
