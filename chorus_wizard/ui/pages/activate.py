"""Step 4 — Activez votre compte: code from the mail, its time left, password, secret question."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from chorus_wizard.backend.errors import ActivationError
from chorus_wizard.backend.models import ActivationResent, SecretQuestion
from chorus_wizard.backend.service import SignupService
from chorus_wizard.domain.activation import activation_code
from chorus_wizard.domain.password import PasswordPolicy, load_strength_estimator
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages import portal
from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import (
    FieldHint,
    Tone,
    field_label,
    form_layout,
    readable,
    stacked,
    wrapped,
)
from chorus_wizard.ui.widgets.explain import explained
from chorus_wizard.ui.widgets.handoff import HandoffPanel
from chorus_wizard.ui.widgets.password import PasswordInput

if TYPE_CHECKING:
    from chorus_wizard.backend.sandbox_mail import ReceivedMail

#: How often the link's time left is redrawn.
VALIDITY_REFRESH_MS = 30_000

#: ``codeRetour`` of a wrong, used or replaced activation code.
INVALID_CODE = 20

EXPIRED_TEXT = QT_TRANSLATE_NOOP(
    "ActivatePage",
    "Ce lien a expiré : cliquez sur « Renvoyer le courriel » pour recevoir un nouveau lien, puis "
    "collez-le ici.",
)
EXPIRED_ERROR = QT_TRANSLATE_NOOP(
    "ActivatePage",
    "Ce lien d'activation a expiré : un lien n'est valable que 60 minutes. Cliquez sur « Renvoyer "
    "le courriel » pour en recevoir un nouveau, puis collez le nouveau lien et validez à nouveau. "
    "Vos autres saisies sont conservées.",
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
    time = QCoreApplication.translate("ActivatePage", "{hour} h {minute}").format(
        hour=local.hour, minute=f"{local.minute:02d}"
    )
    if local.date() > now.astimezone().date():
        return QCoreApplication.translate("ActivatePage", "demain {time}").format(time=time)
    return time


def locked_message(until: datetime | None, now: datetime) -> str:
    """What to say after five failed attempts, with the local time the lock ends."""
    if until is None:
        return QCoreApplication.translate(
            "ActivatePage",
            "Trop de tentatives infructueuses : l'activation de ce compte est bloquée pendant une "
            "heure. Patientez, puis validez à nouveau avec le lien du dernier courriel reçu. Vos "
            "saisies sont conservées.",
        )
    return QCoreApplication.translate(
        "ActivatePage",
        "Trop de tentatives infructueuses : l'activation de ce compte est bloquée jusqu'à {time}. "
        "Patientez jusque-là, puis validez à nouveau avec le lien du dernier courriel reçu. Vos "
        "saisies sont conservées.",
    ).format(time=clock_time(until, now))


def _latest_mail(mail_dir: Path, email: str) -> ReceivedMail | None:
    """Off the GUI thread: the sandbox's last mail to ``email`` (``mailbox`` loaded here)."""
    from chorus_wizard.backend.sandbox_mail import latest_mail_to

    return latest_mail_to(mail_dir, email)


def _load_rules(service: SignupService) -> tuple[PasswordPolicy, list[SecretQuestion]]:
    """Off the GUI thread: the policy, the questions, and zxcvbn's dictionaries."""
    load_strength_estimator()
    return service.password_policy(), service.secret_questions()


class MailDialog(QDialog):
    """Shows the mail the sandbox sent, so a trainee can follow the link without a mail client."""

    def __init__(self, mail: ReceivedMail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Courriel reçu"))
        self.resize(620, 480)
        header = QLabel(
            self.tr(
                "<b>De :</b> {sender}<br><b>Objet :</b> {subject}<br><b>Date :</b> {date}"
            ).format(
                sender=escape(mail.sender), subject=escape(mail.subject), date=escape(mail.date)
            )
        )
        header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextBrowser()
        self.text.setPlainText(mail.text)
        self.text.setAccessibleName(self.tr("Contenu du courriel"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class ActivatePage(Page):
    step = 4

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

        self.intro = wrapped("")
        self.body.addWidget(self.intro)

        form = form_layout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(
            self.tr("Collez ici le lien reçu par courriel, ou le code seul")
        )
        self.code.setMaxLength(500)
        self.code_hint = FieldHint(self.code)
        self.validity = wrapped("")
        self.validity.hide()
        mail_row = QHBoxLayout()
        self.show_mail = QPushButton(self.tr("Voir le courriel reçu"))
        self.show_mail.setVisible(context.mail_dir is not None)
        self.resend = QPushButton(self.tr("Renvoyer le courriel"))
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

        self.question = QComboBox()
        self.answer = QLineEdit()
        self.answer.setMaxLength(100)
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
        self.body.addWidget(self.form_box)
        self.handoff: HandoffPanel | None = None
        self.mail_arrived_at: datetime | None = None
        if context.portal_mode:
            self._build_portal_handoff(context)
        self.finish_layout()

        self.code.textChanged.connect(self._on_code_text_changed)
        self.password.changed.connect(self.completeChanged)
        self.answer.textChanged.connect(self.completeChanged)
        self.question.currentIndexChanged.connect(self.completeChanged)
        self.show_mail.clicked.connect(self._on_show_mail_clicked)
        self.resend.clicked.connect(self._on_resend_clicked)

    # -- portal mode: activation and structure on the portal ---------------------------

    def _build_portal_handoff(self, context: WizardContext) -> None:
        """Nothing is activated here: the portal's mail, its 60 minutes, the checklist."""
        self.setCommitPage(False)
        self.setTitle(self.tr("Activez votre compte sur le portail Chorus Pro"))
        self.form_box.hide()
        self.handoff = portal.handoff_panel(
            context,
            self.tr("Activez votre compte, puis créez votre structure sur le portail"),
            portal.ACTIVATE_CHECKLIST,
            portal.ACTIVATE_CONFIRM,
        )
        self.mail_arrived = QPushButton(self.tr("Le courriel d'activation est arrivé"))
        self.mail_arrived.clicked.connect(self._on_mail_arrived_clicked)
        self.portal_validity = wrapped("")
        self.portal_validity.hide()
        row = QHBoxLayout()
        row.addWidget(self.mail_arrived)
        row.addStretch(1)
        self.handoff.extra.addLayout(row)
        self.handoff.extra.addWidget(self.portal_validity)
        self.handoff.confirmed_changed.connect(self.completeChanged)
        self.body.addWidget(self.handoff)

    def _on_mail_arrived_clicked(self) -> None:
        self._set_mail_arrived(self.clock())
        self.edited.emit()

    def _set_mail_arrived(self, when: datetime) -> None:
        self.mail_arrived_at = when
        self.mail_arrived.setText(self.tr("Un nouveau courriel est arrivé"))
        self._refresh_validity()

    def draft_values(self) -> dict[str, Any]:
        """Portal mode: whether it is done on the portal, and when its mail arrived."""
        if self.handoff is None:
            return {}  # the code, the password and the answer are never saved
        values: dict[str, Any] = {"portal_activated": self.handoff.confirm.isChecked()}
        if self.mail_arrived_at is not None:
            values["portal_mail_arrived"] = self.mail_arrived_at.isoformat()
        return values

    def restore_draft(self, values: dict[str, Any]) -> None:
        if self.handoff is None:
            return
        self.handoff.confirm.setChecked(values.get("portal_activated", False) is True)
        arrived = values.get("portal_mail_arrived")
        if isinstance(arrived, str):
            try:
                when = datetime.fromisoformat(arrived)
            except ValueError:
                return
            if when.tzinfo is not None:
                self._set_mail_arrived(when)

    def _refresh_portal_validity(self) -> None:
        if self.mail_arrived_at is None:
            self.portal_validity.hide()
            return
        until = portal.activation_deadline(self.mail_arrived_at)
        now = self.clock()
        left = time_left_text(until - now)
        if left is None:
            self._validity_timer.stop()
            text = self.tr(
                "Ce lien a sans doute expiré (plus de 60 minutes depuis son arrivée) : demandez un "
                "nouveau lien sur le portail, puis cliquez sur « Un nouveau courriel est arrivé » "
                "dès qu'il est là."
            )
            color = "#8a1212"
        else:
            text = self.tr(
                "Ouvrez le lien avant {time} environ (60 minutes après son envoi). {left}"
            ).format(time=clock_time(until, now), left=left)
            color = "#9a5200" if until - now <= timedelta(minutes=5) else "#4a4a4a"
            if not self._validity_timer.isActive():
                self._validity_timer.start()
        self.portal_validity.setText(text)
        self.portal_validity.setStyleSheet(f"color: {readable(color)};")
        self.portal_validity.show()

    def _update_handoff(self) -> None:
        if self.handoff is None:
            return
        draft = self.context.draft
        labels = draft.workspace_labels
        spaces = ", ".join(labels.get(code, code) for code in draft.workspaces)
        self.handoff.set_values(
            [
                (self.tr("Adresse électronique"), draft.email),
                *portal.structure_values(draft),
                (self.tr("Espaces à ouvrir"), spaces),
            ]
        )

    def initializePage(self) -> None:
        draft = self.context.draft
        if self.handoff is not None:
            self.intro.setText(portal.text(portal.ACTIVATE_INTRO).format(email=draft.email))
            self._update_handoff()
            self._refresh_validity()
            return
        self.intro.setText(
            self.tr(
                "Le courriel d'activation a été envoyé à {email}. Copiez le lien qu'il contient "
                "(ou le code seul) dans le champ ci-dessous, puis choisissez votre mot de passe et "
                "votre question secrète."
            ).format(email=draft.email)
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

    def cleanupPage(self) -> None:
        self._validity_timer.stop()
        self.password.clear()
        super().cleanupPage()

    def clear_secrets(self) -> None:
        """Empty every field that holds a secret: code, password, confirmation, answer."""
        self._validity_timer.stop()
        self.code.clear()
        self.password.clear()
        self.answer.clear()

    def _on_rules_loaded(self, loaded: tuple[PasswordPolicy, list[SecretQuestion]]) -> None:
        policy, questions = loaded
        draft = self.context.draft
        self.password.set_policy(
            policy,
            email=draft.email,
            company_name=draft.structure.raison_sociale,
            user_inputs=(draft.nom, draft.prenom, draft.structure.libelle, draft.structure.ville),
        )
        self.question.clear()
        for question in questions:
            self.question.addItem(question.label, question.id)
        self._policy_loaded = True
        self.completeChanged.emit()

    def ready(self) -> bool:
        if self.handoff is not None:
            return self.handoff.is_confirmed
        return (
            self._policy_loaded
            and bool(activation_code(self.code.text()))
            and self.password.is_acceptable()
            and self.question.currentIndex() >= 0
            and bool(self.answer.text().strip())
        )

    def _on_code_text_changed(self) -> None:
        text = self.code.text()
        problem = None
        if text.strip() and not activation_code(text):
            problem = self.tr(
                "Ce lien ne contient pas de code d'activation : copiez le lien complet."
            )
        self.code_hint.set_reason(problem)
        self.completeChanged.emit()

    # -- time left of the link ------------------------------------------------------------

    def valid_until(self) -> datetime | None:
        account = self.context.draft.account
        return account.activation_valid_until if account is not None else None

    def _refresh_validity(self) -> None:
        if self.handoff is not None:
            self._refresh_portal_validity()
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
        mail_dir = self.context.mail_dir
        email = self.context.draft.email
        if mail_dir is None:
            return
        self.run(
            self.tr("Lecture du courriel…"),
            lambda: _latest_mail(mail_dir, email),
            self._on_mail_read,
            kind="mail",
        )

    def _on_mail_read(self, mail: ReceivedMail | None) -> None:
        if mail is None:
            self.banner.show_message(
                Tone.WARNING, self.tr("Aucun courriel reçu pour cette adresse.")
            )
            return
        MailDialog(mail, self).exec()

    def _on_resend_clicked(self) -> None:
        context = self.context
        email = self.context.draft.email
        self.run(
            self.tr("Envoi d'un nouveau courriel…"),
            lambda: context.service.resend_activation(email),
            self._on_resent,
            kind="resend",
        )

    def _on_resent(self, resent: ActivationResent) -> None:
        self.code.clear()
        self._set_valid_until(resent.valid_until)
        self.banner.show_message(
            Tone.SUCCESS,
            self.tr("{sent} Le lien précédent n'est plus valable.").format(
                sent=resent.message or self.tr("Un nouveau courriel d'activation a été envoyé.")
            ),
        )

    # -- Valider -----------------------------------------------------------------------

    def step_key(self) -> object:
        return "activated" if self.context.draft.activated else None

    def start_step(self) -> bool:
        if self.handoff is not None:
            return True  # activated on the portal, not here: the final page checks the API
        draft = self.context.draft
        context = self.context
        email = draft.email
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
        if isinstance(error, ActivationError) and error.expired:
            self._expired_by_server = True
            self._refresh_validity()
            self.banner.show_message(Tone.ERROR, self.tr(EXPIRED_ERROR))
            self.resend.setFocus()
            return
        if isinstance(error, ActivationError) and error.locked:
            self.banner.show_message(Tone.ERROR, locked_message(error.locked_until, self.clock()))
            return
        self.show_error(error)
        if isinstance(error, ActivationError):
            self._focus_refused_field(error)

    def _focus_refused_field(self, error: ActivationError) -> None:
        """Put the cursor in the field the service refused (a wrong code: the code field)."""
        fields: dict[str, QWidget] = {
            "motDePasse": self.password.password,
            "idQuestionSecrete": self.question,
            "reponseQuestionSecrete": self.answer,
        }
        target = fields.get(str(error.details.get("champ")))
        if target is None and error.code == INVALID_CODE:
            self.code_hint.set_reason(str(error))
            target = self.code
        if target is not None:
            target.setFocus()
