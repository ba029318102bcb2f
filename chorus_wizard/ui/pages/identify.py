"""Step 1 — Identifiez-vous: login e-mail and SIRET (or another identifier)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from chorus_wizard.contracts import record
from chorus_wizard.contracts.record import MAX_LENGTH, Part, Signup, Step
from chorus_wizard.domain.identifiers import (
    FIELD_LABELS,
    NO_SIRET_LABELS,
    PLACEHOLDERS,
    IdentifierType,
    check_identifier,
    format_siret,
    is_typing_prefix,
    load_identifier_rules,
)
from chorus_wizard.domain.text import text_problem
from chorus_wizard.texts import translate
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.widgets.common import (
    BASE_DESCRIPTION,
    FieldHint,
    FormComboBox,
    ResumeOffer,
    Tone,
    field_label,
    form_layout,
    mark_required,
    readable,
    required_mark,
    reserve_label_width,
    stacked,
    wrapped,
)
from chorus_wizard.ui.widgets.explain import beside, explain_button, explained

if TYPE_CHECKING:  # the service's answers: imported once step 1 is shown
    from chorus_wizard.backend.models import Lookup
    from chorus_wizard.ui.widgets.company_search import CompanySearchDialog


def load_checks() -> None:
    """Import what step 1's checks use on first use (python-stdnum, email-validator): call it
    off the GUI thread, once."""
    import email_validator  # noqa: F401

    load_identifier_rules()


def email_problem(value: str) -> str | None:
    """Why ``value`` is not a usable login e-mail address, in French; None if it is."""
    text = value.strip()
    if not text:
        return QCoreApplication.translate("IdentifyPage", "Saisissez votre adresse électronique.")
    refused = text_problem(value, MAX_LENGTH["email"])
    if refused:
        return refused
    if "@" not in text:
        return QCoreApplication.translate(
            "IdentifyPage",
            "Il manque le caractère «\u00a0@\u00a0» (par exemple prenom.nom@entreprise.fr).",
        )
    local, _, domain = text.rpartition("@")
    if not local:
        return QCoreApplication.translate(
            "IdentifyPage", "Il manque la partie avant «\u00a0@\u00a0»."
        )
    if "." not in domain:
        return QCoreApplication.translate(
            "IdentifyPage",
            "Le nom de domaine après «\u00a0@\u00a0» est incomplet (par exemple entreprise.fr).",
        )
    from email_validator import EmailNotValidError, validate_email  # first use only

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return QCoreApplication.translate(
            "IdentifyPage",
            "Cette adresse électronique n'est pas valide\u00a0: vérifiez-la caractère par "
            "caractère.",
        )
    return None


def forget_person(signup: Signup) -> None:
    """Empty the person's fields of step 2 (nom, prénom…) in ``signup``."""
    blank = Signup()
    for field in record.on_step(Step.COMPLETE, Part.PERSON):
        if field.kind is str:
            setattr(signup, field.name, getattr(blank, field.name))


class IdentifyPage(Page):
    step = 1

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Identifiez-vous"))
        #: The banner says what the lookup answered about the identifier typed then.
        self._lookup_said = False
        self.resume_box = ResumeOffer()
        self.body.addWidget(self.resume_box)
        #: The page's first words: they follow the no-SIRET toggle.
        self.intro = wrapped("")
        self.body.addWidget(self.intro)

        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("prenom.nom@entreprise.fr"))
        self.email.setMaxLength(MAX_LENGTH["email"])
        self.email_hint = FieldHint(self.email, reserve_line=True)
        self.identifier = QLineEdit()
        self.identifier.setMaxLength(MAX_LENGTH["identifier"])
        self.identifier_hint = FieldHint(self.identifier)
        #: While a SIRET is typed: « 13 chiffres sur 14 », quietly (no error colour).
        self.identifier_count = QLabel()
        self.identifier_count.hide()
        self.no_siret = QCheckBox(self.tr("Je n'ai pas de numéro de SIRET"))
        self.no_siret.setAccessibleName(self.tr("Je n'ai pas de numéro de SIRET"))
        self.kind = FormComboBox()
        for kind, label in NO_SIRET_LABELS.items():
            self.kind.addItem(translate("identifiers", label), kind.value)
        self.kind_label = field_label(self.tr("Type d'identifiant"), self.kind, required=True)

        email_note = wrapped(
            self.tr(
                "Un courriel d'activation vous sera envoyé à cette adresse. C'est elle qui vous "
                "servira à accéder à votre compte utilisateur sur Chorus Pro\u00a0: choisissez une "
                "adresse que vous garderez."
            )
        )
        # the placeholder grey is too pale for text on some palettes: its readable shade
        placeholder = email_note.palette().color(QPalette.ColorRole.PlaceholderText).name()
        email_note.setStyleSheet(f"color: {readable(placeholder)};")
        form = form_layout()
        form.addRow(
            field_label(self.tr("Adresse électronique de connexion"), self.email, required=True),
            explained(stacked(self.email, self.email_hint, email_note), "email", self.email),
        )
        form.addRow("", explained(self.no_siret, "no_siret", self.no_siret))
        form.addRow(self.kind_label, self.kind)
        self.identifier_label = QLabel()
        self.identifier_label.setBuddy(self.identifier)
        # its name follows the identifier's type: the label column keeps room for the longest
        reserve_label_width(
            self.identifier_label,
            (translate("identifiers", name) + required_mark() for name in FIELD_LABELS.values()),
        )
        self.siret_help = explain_button("siret")
        self.siret_help.serve_from(self.identifier)  # Maj+F1, the context menu
        form.addRow(
            self.identifier_label,
            beside(
                stacked(self.identifier, self.identifier_count, self.identifier_hint),
                self.siret_help,
            ),
        )
        self.find_siret = QPushButton(self.tr("Je ne connais pas mon SIRE&T…"))
        self.find_siret.setAccessibleName(
            self.tr("Je ne connais pas mon SIRET : rechercher mon entreprise par son nom")
        )
        self.find_siret.clicked.connect(self.open_company_search)
        form.addRow("", self.find_siret)
        self.body.addLayout(form)
        #: Started earlier (elsewhere, or before « Recommencer »): a new activation mail to the
        #: address typed, then step 4. The portal has its own way: not in portal mode.
        self.started_before = QPushButton(self.tr("J'ai &déjà commencé mon inscription"))
        self.started_before.setAccessibleDescription(
            self.tr(
                "Envoie un nouveau courriel d'activation à l'adresse saisie et passe à l'étape 4."
            )
        )
        self.started_before.clicked.connect(self._on_started_before_clicked)
        started_row = QHBoxLayout()
        started_row.addWidget(self.started_before)
        started_row.addStretch(1)
        self.body.addLayout(started_row)
        # Once in the page: made visible without a parent, a widget is a window of its own.
        self.started_before.setVisible(not context.portal_mode)
        self.pending = QPushButton(self.tr("Mon entreprise est en cours d'i&mmatriculation"))
        self.pending.hide()
        self.pending.clicked.connect(self._on_pending_clicked)
        #: Portal mode without a network: go on, typing the structure by hand (the portal
        #: checks it), rather than a dead end with « Réessayer » only.
        self.offline = QPushButton(self.tr("Continuer sans &vérification"))
        self.offline.hide()
        self.offline.clicked.connect(self._on_offline_clicked)
        self.body.addWidget(self.pending)
        # Opens its answer in the help panel (wired by the help desk, ui/desk.py).
        question = self.tr("Ai-je besoin de Chorus Pro\u00a0?")
        self.chorus_pro_question = wrapped(
            f'<a href="#besoin-chorus-pro">{question}</a>', rich=True
        )
        self.chorus_pro_question.setObjectName("chorus_pro_question")
        self.chorus_pro_question.setAccessibleName(question)
        self.chorus_pro_question.setAccessibleDescription(
            self.tr("Ouvre la réponse dans l'aide, à côté de la page.")
        )
        self.chorus_pro_question.setTextInteractionFlags(  # Tab reaches the link, Enter opens it
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.body.addWidget(self.chorus_pro_question)
        self.body.addWidget(self.offline)
        self.finish_layout()

        self.email.textChanged.connect(self._on_email_text_changed)
        self.email.editingFinished.connect(self._on_email_editing_finished)
        self.identifier.textChanged.connect(self._on_identifier_text_changed)
        self.identifier.editingFinished.connect(self._on_identifier_editing_finished)
        #: What was typed for each identifier type: a SIRET is never read as another type's
        #: identifier, and comes back when « Je n'ai pas de numéro de SIRET » is unticked.
        self._typed: dict[IdentifierType, str] = {}
        self._shown_kind = IdentifierType.SIRET
        self.no_siret.toggled.connect(self._on_kind_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()
        self._show_next_reason()
        self._first_shown = False

    def showEvent(self, event: QShowEvent) -> None:
        """The window's first focus is the e-mail field: QWizard picks it before the page
        is visible, finds none and falls back on « Annuler », which a window manager then
        activates (typing went nowhere). The resume offer, later, takes it on purpose."""
        super().showEvent(event)
        if not self._first_shown:
            self._first_shown = True
            self.email.setFocus()

    # -- state -------------------------------------------------------------------------

    def identifier_type(self) -> IdentifierType:
        if not self.no_siret.isChecked():
            return IdentifierType.SIRET
        return IdentifierType(self.kind.currentData())

    def identifier_value(self) -> str:
        return check_identifier(self.identifier_type(), self.identifier.text()).normalized

    def draft_values(self) -> dict[str, Any]:
        return {"no_siret": self.no_siret.isChecked()}

    def collect(self) -> None:
        signup = self.context.draft.signup
        signup.email = self.email.text().strip()
        signup.identifier_type = self.identifier_type()
        signup.identifier = self.identifier.text().strip()

    def restore_draft(self, values: dict[str, Any]) -> None:
        self.email.setText(values.get("email", ""))
        self.no_siret.setChecked(values.get("no_siret", False))
        index = self.kind.findData(values.get("identifier_type", ""))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        self.identifier.setText(values.get("identifier", ""))

    def ready(self) -> bool:
        kind = self.identifier_type()
        return (
            email_problem(self.email.text()) is None
            and text_problem(self.identifier.text(), MAX_LENGTH["identifier"]) is None
            and check_identifier(kind, self.identifier.text()).ok
        )

    def step_key(self) -> object:
        return (self.email.text().strip().lower(), self.identifier_type(), self.identifier_value())

    # -- slots -------------------------------------------------------------------------

    def _on_kind_changed(self) -> None:
        kind = self.identifier_type()
        if kind is not self._shown_kind:
            # the field now holds this type's identifier: what was typed for it, if anything
            self._typed[self._shown_kind] = self.identifier.text()
            self._shown_kind = kind
            self.identifier.blockSignals(True)
            self.identifier.setText(self._typed.get(kind, ""))
            self.identifier.blockSignals(False)
            self.identifier_hint.set_reason(None)
        self.kind.setVisible(self.no_siret.isChecked())
        self.kind_label.setVisible(self.no_siret.isChecked())
        label = translate("identifiers", FIELD_LABELS[kind])
        self.identifier_label.setText(label + required_mark())
        self.identifier_label.setAccessibleName(label)  # without the asterisk
        self.identifier.setAccessibleName(label)
        mark_required(self.identifier)
        self.identifier.setPlaceholderText(translate("identifiers", PLACEHOLDERS[kind]))
        self.siret_help.setVisible(kind is IdentifierType.SIRET)
        self.find_siret.setVisible(kind is IdentifierType.SIRET)
        if kind is IdentifierType.SIRET:
            intro = self.tr(
                "Vous êtes nouveau sur Chorus Pro\u00a0? Saisissez votre adresse électronique "
                "de connexion et le numéro de SIRET de votre entreprise (munissez-vous de ce "
                "numéro avant la saisie)."
            )
        else:
            intro = self.tr(
                "Vous êtes nouveau sur Chorus Pro\u00a0? Saisissez votre adresse électronique "
                "de connexion, choisissez le cas de votre structure, puis son identifiant."
            )
        self.intro.setText(intro)
        self.identifier.setToolTip(
            self.siret_help.toolTip() if kind is IdentifierType.SIRET else ""
        )
        self._check_identifier(final=False)
        self._forget_refusal()
        # « Suivant » and its reason follow every input, the toggle and the type included
        self.completeChanged.emit()
        self.edited.emit()

    def _on_email_text_changed(self) -> None:
        text = self.email.text()
        if self.email_hint.isVisible() or text_problem(text, MAX_LENGTH["email"]):
            # once shown, the reason follows the typing; a control character shows at once
            self.email_hint.set_reason(email_problem(text))
        self.completeChanged.emit()

    def _on_email_editing_finished(self) -> None:
        if self.email.text().strip():
            self.email_hint.set_reason(email_problem(self.email.text()))

    def open_company_search(self) -> CompanySearchDialog:
        """« Je ne connais pas mon SIRET »: a dialog searches by name; the SIRET chosen fills
        the field. Returned (already open, not modal-blocking) for the tests."""
        from chorus_wizard.ui.widgets.company_search import CompanySearchDialog

        context = self.context
        dialog = CompanySearchDialog(
            lambda name, place: context.service.search(name, place), context.runner, self
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._on_siret_found(dialog.chosen_siret))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_siret_found(self, siret: str) -> None:
        self.identifier.setText(format_siret(siret))
        self._check_identifier(final=True)
        self.identifier.setFocus()

    def _on_pending_clicked(self) -> None:
        """The unknown-SIRET way out: Chorus Pro's « en cours d'immatriculation » (AUTRE)."""
        self.no_siret.setChecked(True)
        self.kind.setCurrentIndex(self.kind.findData(IdentifierType.AUTRE.value))
        self.identifier.clear()
        self.banner.clear_message()
        self.pending.hide()
        self.identifier.setFocus()

    def _on_identifier_text_changed(self) -> None:
        self.offline.hide()  # about the identifier that could not be checked
        self._check_identifier(final=False)
        self._forget_refusal()
        self.completeChanged.emit()

    def _forget_refusal(self) -> None:
        """What the lookup said of the identifier typed before (unknown, closed, refused by
        the server, unreachable, with its « Réessayer ») goes once another one is typed."""
        if not self._lookup_said or self.is_busy:
            return  # another message (a file set aside…) stays until it is read
        self._lookup_said = False
        self.cancel_work()  # « Réessayer » would look up the identifier that went
        self.banner.clear_message()
        self.pending.hide()

    def _on_identifier_editing_finished(self) -> None:
        kind = self.identifier_type()
        if kind is IdentifierType.SIRET:
            check = check_identifier(kind, self.identifier.text())
            if check.ok and self.identifier.text() != format_siret(check.normalized):
                self.identifier.setText(format_siret(check.normalized))
        self._check_identifier(final=True)

    def _check_identifier(self, *, final: bool) -> None:
        """As-you-type: a SIRET being typed shows its count of digits; what can no longer
        become valid (a letter, a fifteenth digit, a wrong key on 14) is said at once."""
        kind = self.identifier_type()
        text = self.identifier.text()
        check = check_identifier(kind, text)
        refused = text_problem(text, MAX_LENGTH["identifier"])
        typing = (
            not refused and not check.ok and is_typing_prefix(kind, text) and bool(text.strip())
        )
        if refused:
            self.identifier_hint.set_reason(refused)
        elif check.ok or (not final and is_typing_prefix(kind, text)) or not text.strip():
            self.identifier_hint.set_reason(None)
        else:
            self.identifier_hint.set_reason(check.reason)
        count = ""
        if kind is IdentifierType.SIRET and typing:
            digits = sum(ch.isdigit() for ch in text)
            count = self.tr("{count} chiffres sur 14").format(count=digits)
        self.identifier_count.setText(count)
        self.identifier_count.setVisible(bool(count) and not final)
        if count and not self.identifier.property("invalid"):
            base = str(self.identifier.property(BASE_DESCRIPTION) or "")
            self.identifier.setAccessibleDescription(f"{base}. {count}" if base else count)

    def missing_fields(self) -> list[str]:
        missing = []
        if email_problem(self.email.text()) is not None:
            missing.append(self.email.accessibleName())
        if not check_identifier(self.identifier_type(), self.identifier.text()).ok:
            missing.append(self.identifier.accessibleName())
        return missing

    # -- « J'ai déjà commencé »: a new activation mail, then step 4 -------------------------

    def _on_started_before_clicked(self) -> None:
        problem = email_problem(self.email.text())
        if problem is not None:
            self.email_hint.set_reason(problem)
            self.email.setFocus()
            return
        email = self.email.text().strip()
        context = self.context
        self.run(
            self.tr("Envoi d'un nouveau courriel d'activation…"),
            lambda: context.service.resend_activation(email),
            lambda _resent: self._on_started_before(email),
            kind="started_before",
        )

    def _on_started_before(self, email: str) -> None:
        self.context.draft.signup.email = email
        wizard = self.wizard()
        if wizard is None:
            return
        # QWizard validates the page it leaves: this jump is not step 1's lookup
        self._step_done_for = self.step_key()
        wizard.setCurrentId(PageId.ACTIVATE)
        self._step_done_for = None
        activate = wizard.currentPage()
        if isinstance(activate, Page):
            activate.banner.show_message(
                Tone.INFO,
                self.tr(
                    "Si un compte attend son activation pour {email}, un nouveau courriel "
                    "d'activation vient d'y être envoyé : collez son lien ci-dessous (seul le "
                    "lien du dernier courriel est valable). Sinon, revenez à l'étape 1 et "
                    "commencez votre inscription."
                ).format(email=email),
            )

    # -- Next: does the structure exist? fetch the prefill -------------------------------

    def start_step(self) -> bool:
        earlier = self.context.draft.signup.email.strip().lower()
        self.collect()
        if earlier and earlier != self.context.draft.signup.email.lower():
            # another address is another person: the names typed for the earlier one go
            forget_person(self.context.draft.signup)
        kind = self.identifier_type()
        number = self.identifier_value()
        context = self.context
        self.run(
            self.tr("Recherche de votre structure…"),
            lambda: context.service.lookup(kind, number),
            self._on_lookup_finished,
            self._on_lookup_failed,
        )
        return False

    def _on_lookup_failed(self, error: BaseException) -> None:
        self.show_error(error)
        self._lookup_said = True
        from chorus_wizard.backend.errors import NetworkError  # loaded by now

        self.offline.setVisible(self.context.portal_mode and isinstance(error, NetworkError))

    def _on_offline_clicked(self) -> None:
        """Go on to step 2 with nothing checked nor prefilled; step 2 says so."""
        from chorus_wizard.backend.models import Lookup

        self.collect()
        kind, number = self.identifier_type(), self.identifier_value()
        self.context.draft.lookup = Lookup(kind, number, existence_checked=False, offline=True)
        self.offline.hide()
        self.banner.clear_message()
        self.step_succeeded()

    def _on_lookup_finished(self, lookup: Lookup) -> None:
        company = lookup.company
        self._lookup_said = True  # a refusal below is about this identifier (else: left)
        if lookup.existing is None and lookup.identifier_type is IdentifierType.SIRET:
            if company is None:
                self.banner.show_message(
                    Tone.ERROR,
                    self.tr(
                        "Ce numéro de SIRET est inconnu de l'INSEE. Chorus Pro exige un SIRET "
                        "existant et actif\u00a0: vérifiez-le sur un avis de situation ou un "
                        "extrait Kbis. Si votre entreprise est en cours d'immatriculation, cochez "
                        "«\u00a0Je n'ai pas de numéro de SIRET\u00a0» puis choisissez «\u00a0En "
                        "cours d'immatriculation\u00a0»."
                    ),
                )
                self.pending.show()
                self.identifier.setFocus()
                return
            if not company.active and company.ceased:
                self.banner.show_message(
                    Tone.ERROR,
                    self.tr(
                        "{reason} Chorus Pro n'accepte que les structures en activité\u00a0: aucun "
                        "autre SIRET de cette entreprise ne conviendra. Si une nouvelle entreprise "
                        "a repris l'activité, saisissez le SIRET de celle-ci."
                    ).format(reason=company.closed_reason),
                )
                self.identifier.setFocus()
                return
            if not company.active:
                self.banner.show_message(
                    Tone.ERROR,
                    self.tr(
                        "{reason} Chorus Pro n'accepte que les établissements actifs\u00a0: "
                        "saisissez le SIRET d'un établissement ouvert de votre entreprise (par "
                        "exemple celui du siège)."
                    ).format(reason=company.closed_reason),
                )
                self.identifier.setFocus()
                return
        self.context.draft.lookup = lookup
        self.step_succeeded()

    def nextId(self) -> int:
        lookup = self.context.draft.lookup
        if lookup is not None and lookup.existing is not None:
            return PageId.ATTACH
        return PageId.COMPLETE
