"""The structure is already on Chorus Pro: explain the attachment request and send it.

In a rehearsal the structure is the sandbox's, and the page says so. In portal mode the
request is made on the portal: the page hands over instead of sending it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from chorus_wizard.backend.models import AttachmentSent
from chorus_wizard.contracts.record import MAX_LENGTH
from chorus_wizard.domain.identifiers import IdentifierType, format_siret
from chorus_wizard.domain.text import text_problem
from chorus_wizard.rehearsal import is_rehearsal
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages.base import Page, WizardContext
from chorus_wizard.ui.widgets.common import (
    FieldHint,
    Tone,
    field_label,
    form_layout,
    stacked,
    wrapped,
)
from chorus_wizard.ui.widgets.handoff import HandoffPanel

ATTACH_CHECKLIST = (
    QT_TRANSLATE_NOOP(
        "AttachPage",
        "Ouvrez le portail et connectez-vous. Sans compte utilisateur, créez-le d'abord avec "
        "l'adresse ci-dessous\u00a0: le lien du courriel d'activation est valable 60 minutes.",
    ),
    QT_TRANSLATE_NOOP(
        "AttachPage",
        "Une fois connecté, demandez le rattachement à la structure en saisissant son identifiant "
        "(bouton «\u00a0Copier\u00a0»).",
    ),
    QT_TRANSLATE_NOOP(
        "AttachPage",
        "Le gestionnaire principal de la structure valide votre demande\u00a0; vous êtes informé "
        "de sa décision par courriel.",
    ),
)


class AttachPage(Page):
    step = 1

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        #: A sandbox's signup is a rehearsal: the structure is the sandbox's, not Chorus Pro's.
        self.rehearsal = is_rehearsal(context.profile.name)
        self.setTitle(
            self.tr("Votre structure est déjà inscrite dans le bac à sable")
            if self.rehearsal
            else self.tr("Votre structure est déjà inscrite sur Chorus Pro")
        )
        self.setFinalPage(True)
        self._sent: AttachmentSent | None = None
        #: The structure the page was last shown for: another one starts a new request.
        self._shown_for: tuple[IdentifierType, str] | None = None
        #: The login e-mail (lower case) the names were typed for.
        self._person_for: str | None = None

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.body.addWidget(self.explanation)
        #: consulterStructure: what Chorus Pro holds about the structure (raison sociale…).
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setStyleSheet(
            "QLabel { background: #f4f6f9; border: 1px solid #c8ced8; border-radius: 4px; padding: "
            "8px; }"
        )
        self.details.hide()
        self.body.addWidget(self.details)
        self.body.addWidget(
            wrapped(
                self.tr(
                    "Vous ne pouvez pas la créer une seconde fois\u00a0: demandez à y être "
                    "rattaché. Votre demande est transmise au gestionnaire principal de la "
                    "structure, qui la valide\u00a0; vous êtes informé de sa décision par "
                    "courriel. Si le gestionnaire principal a quitté la structure, seul le support "
                    "Chorus Pro peut en désigner un nouveau (par une sollicitation)."
                )
            )
        )
        form = form_layout()
        self.nom = QLineEdit()
        self.nom.setMaxLength(MAX_LENGTH["nom"])
        self.prenom = QLineEdit()
        self.prenom.setMaxLength(MAX_LENGTH["prenom"])
        #: Why each name cannot be sent (the rule the sandbox applies too).
        self.hints = {self.nom: FieldHint(self.nom), self.prenom: FieldHint(self.prenom)}
        for label, edit in ((self.tr("Nom"), self.nom), (self.tr("Prénom"), self.prenom)):
            form.addRow(field_label(label, edit, required=True), stacked(edit, self.hints[edit]))
        self.body.addLayout(form)
        self.send = QPushButton(self.tr("Envoyer la demande de rattachement"))
        self.send.setEnabled(False)
        self.body.addWidget(self.send)
        self.handoff: HandoffPanel | None = None
        if context.portal_mode:
            self.send.hide()
            self.handoff = HandoffPanel(
                context.profile.portal_url,
                context.open_url,
                title=self.tr("Demandez le rattachement sur le portail Chorus Pro"),
                confirmation=self.tr("J'ai envoyé ma demande de rattachement sur le portail"),
            )
            self.handoff.set_checklist([self.tr(item) for item in ATTACH_CHECKLIST])
            self.handoff.confirmed_changed.connect(self.completeChanged)
            self.body.addWidget(self.handoff)
        self.finish_layout()

        self.nom.textChanged.connect(self._on_name_changed)
        self.prenom.textChanged.connect(self._on_name_changed)
        self.send.clicked.connect(self._on_send_clicked)

    def initializePage(self) -> None:
        lookup = self.context.draft.lookup
        if lookup is None or lookup.existing is None:
            return
        person = self.context.draft.signup.email.strip().lower()
        if person != self._person_for:  # another address is another person: not their names
            if self._person_for is not None:
                self.nom.clear()
                self.prenom.clear()
            self._person_for = person
        key = (lookup.identifier_type, lookup.identifier)
        if key != self._shown_for:
            self._shown_for = key
            self._start_fresh()
        shown = (
            self.tr("SIRET {siret}").format(siret=format_siret(lookup.identifier))
            if lookup.identifier_type is IdentifierType.SIRET
            else lookup.identifier
        )
        exists = (
            self.tr(
                "La structure <b>{name}</b> ({identifier}) existe déjà dans le bac à sable de la "
                "répétition (pas sur Chorus Pro)."
            )
            if self.rehearsal
            else self.tr("La structure <b>{name}</b> ({identifier}) existe déjà sur Chorus Pro.")
        )
        self.explanation.setText(
            exists.format(name=escape(lookup.existing.designation), identifier=escape(shown))
        )
        details = lookup.details
        if details is not None:
            lines = [
                self.tr("<b>Raison sociale\u00a0:</b> {value}").format(
                    value=escape(details.raison_sociale)
                )
            ]
            if details.libelle and details.libelle != details.raison_sociale:
                lines.append(
                    self.tr("<b>Libellé\u00a0:</b> {value}").format(value=escape(details.libelle))
                )
            address = details.address_lines()
            if address:
                lines.append(
                    self.tr("<b>Adresse\u00a0:</b> {value}").format(
                        value="<br>".join(escape(a) for a in address)
                    )
                )
            heading = (
                self.tr("<b>Fiche de la structure dans le bac à sable</b><br>{lines}")
                if self.rehearsal
                else self.tr("<b>Fiche Chorus Pro de la structure</b><br>{lines}")
            )
            self.details.setText(heading.format(lines="<br>".join(lines)))
        self.details.setVisible(details is not None)
        self._update_handoff()

    def _start_fresh(self) -> None:
        """A new structure: no request sent for it yet (the typed names stay: same person)."""
        self._sent = None
        self.cancel_work()
        self.nom.setReadOnly(False)
        self.prenom.setReadOnly(False)
        self.banner.clear_message()
        if self.handoff is not None:
            self.handoff.confirm.setChecked(False)
        self._on_name_changed()
        self.completeChanged.emit()

    def _update_handoff(self) -> None:
        lookup = self.context.draft.lookup
        if self.handoff is None or lookup is None:
            return
        self.handoff.set_values(
            [
                (self.tr("Adresse électronique"), self.context.draft.signup.email),
                (self.tr("Identifiant de la structure"), lookup.identifier),
                (self.tr("Nom"), self.nom.text().strip()),
                (self.tr("Prénom"), self.prenom.text().strip()),
            ]
        )

    def _on_name_changed(self) -> None:
        refused = False
        for edit, hint in self.hints.items():
            reason = text_problem(edit.text(), edit.maxLength())
            hint.set_reason(reason)
            refused = refused or reason is not None
        draft = self.context.draft
        draft.signup.nom, draft.signup.prenom = self.nom.text().strip(), self.prenom.text().strip()
        self._update_handoff()
        self.send.setEnabled(
            self._sent is None
            and not refused
            and bool(self.nom.text().strip() and self.prenom.text().strip())
        )

    def _on_send_clicked(self) -> None:
        draft = self.context.draft
        lookup = draft.lookup
        assert lookup is not None
        context = self.context
        email, nom, prenom = draft.signup.email, self.nom.text().strip(), self.prenom.text().strip()
        self.send.setEnabled(False)
        self.run(
            self.tr("Envoi de votre demande de rattachement…"),
            lambda: context.service.request_attachment(
                email, nom, prenom, lookup.identifier_type, lookup.identifier
            ),
            self._on_sent,
            self._on_send_failed,
        )

    def _on_send_failed(self, error: BaseException) -> None:
        self.show_error(error)
        self._on_name_changed()

    def _on_sent(self, sent: AttachmentSent) -> None:
        self._sent = sent
        self.nom.setReadOnly(True)
        self.prenom.setReadOnly(True)
        self.banner.show_message(Tone.SUCCESS, sent.message)
        self.completeChanged.emit()

    def ready(self) -> bool:
        if self.handoff is not None:
            return self.handoff.is_confirmed
        return self._sent is not None

    def nextId(self) -> int:
        return -1
