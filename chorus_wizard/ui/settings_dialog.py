"""« Paramètres »: the Chorus Pro server, the PISTE application, the technical account, INSEE.

The dialog lays out the fields and binds them to a
:class:`~chorus_wizard.settings_form.SettingsForm`, which reads, tests and saves in workers
(:class:`~chorus_wizard.ui.calls.Calls`): the choices go to ``settings.json``, never a secret;
the secrets to the OS keychain or, where there is none, to memory for this session only, and
the dialog says so. « Tester la connexion » checks the values typed, before they are saved;
:mod:`~chorus_wizard.ui.widgets.connection_report` shows its results.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard import texts
from chorus_wizard.backend.connection import (
    DEFAULT_PROBE_SIRET,
    ConnectionReport,
    StepStatus,
    check_connection,
)
from chorus_wizard.backend.profiles import TECH_PASSWORD_LIFETIME_DAYS, is_custom_url
from chorus_wizard.keychain import NO_KEYCHAIN_SETTINGS
from chorus_wizard.settings import ProfileSettings, SettingsStore
from chorus_wizard.settings_form import (
    URL,
    Checker,
    Loaded,
    Saved,
    SettingsForm,
    Typed,
    Unfit,
)
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.calls import Calls
from chorus_wizard.ui.pages.base import WizardContext, describe_error
from chorus_wizard.ui.widgets.common import Banner, BusyBar, Tone, field_label, form_layout
from chorus_wizard.ui.widgets.connection_report import ConnectionReportView

#: Each language in its own name, as language pickers show them.
LANGUAGE_CHOICES = (("fr", "Français"), ("en", "English"))

#: The rehearsal's paths: value (``settings.json``, ``--parcours``), label.
PATH_CHOICES = (
    (
        "",
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "Celui de la salle de formation, sinon les quatre étapes du guide"
        ),
    ),
    ("guide", QT_TRANSLATE_NOOP("SettingsDialog", "Les quatre étapes du guide")),
    (
        "portail-actuel",
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "Le portail actuel (compte d'abord, double authentification)"
        ),
    ),
)

#: Combo entries: value, label.
BACKEND_CHOICES = (
    (
        "sandbox",
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "Bac à sable intégré (aucune donnée n'est envoyée à Chorus Pro)"
        ),
    ),
    (
        "qualification",
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "Chorus Pro — qualification (environnement de test de l'AIFE)"
        ),
    ),
    ("production", QT_TRANSLATE_NOOP("SettingsDialog", "Chorus Pro — production")),
    (
        "url",
        QT_TRANSLATE_NOOP(
            "SettingsDialog", "Bac à sable distant (salle de formation), à l'adresse\u00a0:"
        ),
    ),
)


class SettingsDialog(QDialog):
    """Choose the backend profile, enter the PISTE credentials and test the connection."""

    def __init__(
        self,
        context: WizardContext,
        store: SettingsStore | None,
        parent: QWidget | None = None,
        *,
        checker: Checker = check_connection,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paramètres"))
        self.setObjectName("settings")
        self.context = context
        self.form = SettingsForm(
            store,
            context.secrets,
            context.profile,
            backend_option=context.backend_option,
            checker=checker,
            today=today,
        )
        self._calls = Calls(context.runner, self._show_calls)
        self.resize(640, 700)

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        body.addWidget(self._current_server())
        body.addWidget(self._server_group())
        body.addWidget(self._language_group())
        body.addWidget(self._path_group())
        body.addWidget(self._piste_group())
        body.addWidget(self._insee_group())
        self.keychain_status = Banner()
        body.addWidget(self.keychain_status)
        body.addWidget(self._test_group())
        body.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(inner)
        self.banner = Banner()
        #: The banner holds the last test's verdict (it goes when the values tested change).
        self._verdict_shown = False
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Enregistrer"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Annuler"))
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.banner)
        outer.addWidget(self.busy)
        outer.addWidget(self.buttons)

        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.backend.currentIndexChanged.connect(self._on_backend_changed)
        self.url.textChanged.connect(self._on_backend_changed)
        self.expiry_known.toggled.connect(self._on_expiry_toggled)
        self.expiry.dateChanged.connect(self._show_reminder)
        self.test_button.clicked.connect(self._on_test_clicked)
        for edit in (self.client_id, self.client_secret, self.tech_login, self.tech_password):
            edit.textEdited.connect(self._forget_test)
        self.probe.textEdited.connect(self._forget_test)
        self._load()

    # -- layout ----------------------------------------------------------------------------

    def _current_server(self) -> QLabel:
        running = self.context.profile
        self.current = QLabel(
            (
                self.tr(
                    "Serveur utilisé en ce moment\u00a0: <b>{server}</b> — mode portail (la "
                    "création se fait sur {portal})."
                )
                if not running.can_create_accounts
                else self.tr("Serveur utilisé en ce moment\u00a0: <b>{server}</b>.")
            ).format(server=escape(running.shown_label), portal=escape(running.portal_host))
        )
        self.current.setWordWrap(True)
        return self.current

    def _server_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Serveur Chorus Pro"))
        box = QVBoxLayout(group)
        self.backend = QComboBox()
        self.backend.setAccessibleName(self.tr("Serveur Chorus Pro"))
        for value, label in BACKEND_CHOICES:
            self.backend.addItem(self.tr(label), value)
        self.url = QLineEdit()
        self.url.setPlaceholderText("http://salle-de-formation:8765")
        self.url.setAccessibleName(self.tr("Adresse du bac à sable distant"))
        self.backend_note = QLabel()
        self.backend_note.setWordWrap(True)
        self.backend_note.setStyleSheet("color: #6b3d00;")
        box.addWidget(self.backend)
        box.addWidget(self.url)
        box.addWidget(self.backend_note)
        return group

    def _language_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Langue de l'interface"))
        form = form_layout()
        group.setLayout(form)
        self.language = QComboBox()
        for value, label in LANGUAGE_CHOICES:
            self.language.addItem(label, value)
        form.addRow(field_label(self.tr("Langue"), self.language), self.language)
        self.language_note = QLabel(
            self.tr(
                "La langue choisie s'applique au prochain démarrage de l'assistant. L'option "
                "--lang de la ligne de commande l'emporte sur ce choix."
            )
        )
        self.language_note.setWordWrap(True)
        form.addRow(self.language_note)
        return group

    def _path_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Parcours de la répétition"))
        form = form_layout()
        group.setLayout(form)
        self.path = QComboBox()
        for value, label in PATH_CHOICES:
            self.path.addItem(self.tr(label), value)
        form.addRow(field_label(self.tr("Parcours"), self.path), self.path)
        self.path_note = QLabel(
            self.tr(
                "Seulement avec un bac à sable (intégré ou salle de formation) : avec "
                "Chorus Pro, l'assistant suit le portail. Le choix s'applique au prochain "
                "démarrage ; l'option --parcours de la ligne de commande l'emporte."
            )
        )
        self.path_note.setWordWrap(True)
        form.addRow(self.path_note)
        return group

    def _piste_group(self) -> QGroupBox:
        self.piste_group = QGroupBox(self.tr("Application PISTE et compte technique Chorus Pro"))
        box = QVBoxLayout(self.piste_group)
        self.piste_note = QLabel()
        self.piste_note.setWordWrap(True)
        box.addWidget(self.piste_note)
        form = form_layout()
        self.client_id = QLineEdit()
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.tech_login = QLineEdit()
        self.tech_password = QLineEdit()
        self.tech_password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit, label in (
            (self.client_id, self.tr("Identifiant client PISTE")),
            (self.client_secret, self.tr("Secret client PISTE")),
            (self.tech_login, self.tr("Login du compte technique")),
            (self.tech_password, self.tr("Mot de passe du compte technique")),
        ):
            edit.setMaxLength(200)
            form.addRow(field_label(label, edit), edit)
        self.expiry_known = QCheckBox(
            self.tr("Je connais la date d'expiration de ce mot de passe\u00a0:")
        )
        self.expiry = QDateEdit()
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("dd/MM/yyyy")
        self.expiry.setAccessibleName(
            self.tr("Date d'expiration du mot de passe du compte technique")
        )
        self.expiry.setEnabled(False)
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.expiry_known)
        expiry_row.addWidget(self.expiry)
        expiry_row.addStretch(1)
        form.addRow(expiry_row)
        box.addLayout(form)
        self.reminder = Banner()
        box.addWidget(self.reminder)
        return self.piste_group

    def _insee_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Annuaire INSEE (facultatif)"))
        form = form_layout()
        group.setLayout(form)
        self.insee_key = QLineEdit()
        self.insee_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.insee_key.setMaxLength(200)
        note = QLabel(
            self.tr(
                "Clé de l'API Sirene (portail-api.insee.fr), utilisée quand l'assistant est lancé "
                "avec --directory insee."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(field_label(self.tr("Clé d'API INSEE"), self.insee_key), self.insee_key)
        return group

    def _test_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Tester la connexion"))
        box = QVBoxLayout(group)
        note = QLabel(
            self.tr(
                "Vérifie, avec les valeurs saisies ci-dessus (avant de les enregistrer)\u00a0: le "
                "jeton PISTE, la disponibilité de l'API, les rattachements du compte technique, "
                "puis la recherche d'une structure."
            )
        )
        note.setWordWrap(True)
        box.addWidget(note)
        row = QHBoxLayout()
        self.probe = QLineEdit()
        self.probe.setPlaceholderText(
            self.tr("SIRET à rechercher (par défaut {siret})").format(siret=DEFAULT_PROBE_SIRET)
        )
        self.probe.setAccessibleName(self.tr("SIRET à rechercher"))
        self.probe.setMaxLength(20)
        self.test_button = QPushButton(self.tr("Tester la connexion"))
        row.addWidget(self.probe, 1)
        row.addWidget(self.test_button)
        box.addLayout(row)
        self.results = ConnectionReportView()
        box.addWidget(self.results)
        return group

    # -- binding ---------------------------------------------------------------------------

    def typed(self) -> Typed:
        """What the fields hold."""
        return Typed(
            choice=str(self.backend.currentData()),
            url=self.url.text(),
            language=str(self.language.currentData()),
            path=str(self.path.currentData()),
            profile=self._typed_profile(),
            client_secret=self.client_secret.text(),
            tech_password=self.tech_password.text(),
            insee_key=self.insee_key.text(),
            probe=self.probe.text(),
        )

    def _typed_profile(self) -> ProfileSettings:
        expiry: date | None = None
        if self.expiry_known.isChecked():
            qdate = self.expiry.date()
            expiry = date(qdate.year(), qdate.month(), qdate.day())
        return ProfileSettings(
            client_id=self.client_id.text().strip(),
            tech_login=self.tech_login.text().strip(),
            tech_password_expiry=expiry,
        )

    def _show_calls(self) -> None:
        """Enregistrer and Tester la connexion wait while a call runs."""
        busy = self._calls.busy
        if busy:
            self.busy.start(self._calls.caption)
        else:
            self.busy.stop()
        self.save_button.setEnabled(not busy)
        self.test_button.setEnabled(not busy)

    def _on_failed(self, error: BaseException) -> None:
        self.banner.show_message(Tone.ERROR, describe_error(error))

    def _show_unfit(self, unfit: Unfit) -> None:
        self.banner.show_message(Tone.WARNING if unfit.warning else Tone.ERROR, str(unfit))

    def done(self, result: int) -> None:
        """Closing: a call still running must not land on a closed dialog."""
        self._calls.cancel_all()
        for edit in (self.client_secret, self.tech_password, self.insee_key):
            edit.clear()
        super().done(result)

    # -- opening ---------------------------------------------------------------------------

    def _load(self) -> None:
        caption = self.tr("Lecture des paramètres…")
        self._calls.start("load", caption, self.form.read, self._on_loaded, self._on_failed)

    def _on_loaded(self, loaded: Loaded) -> None:
        backend = self.form.take(loaded)
        self.backend.blockSignals(True)
        if is_custom_url(backend):
            self.backend.setCurrentIndex(self.backend.findData(URL))
            self.url.setText(backend)
        else:
            self.backend.setCurrentIndex(max(self.backend.findData(backend), 0))
        self.backend.blockSignals(False)
        self.language.setCurrentIndex(max(self.language.findData(loaded.settings.language), 0))
        self.path.setCurrentIndex(max(self.path.findData(loaded.settings.path), 0))
        if self.form.keychain:
            self.keychain_status.show_message(
                Tone.INFO,
                self.tr(
                    "Les secrets (secret client, mot de passe du compte technique, clé INSEE) sont "
                    "enregistrés dans le trousseau du système, jamais dans un fichier."
                ),
            )
        else:
            self.keychain_status.show_message(
                Tone.WARNING, texts.translate("keychain", NO_KEYCHAIN_SETTINGS)
            )
        self._set_placeholder(self.insee_key, self.form.insee_key_kept)
        self._on_backend_changed()

    def _set_placeholder(self, edit: QLineEdit, kept: bool) -> None:
        if not kept:
            edit.setPlaceholderText("")
        elif self.form.keychain:
            edit.setPlaceholderText(
                self.tr("Enregistré dans le trousseau (laisser vide pour le garder)")
            )
        else:
            edit.setPlaceholderText(
                self.tr("Gardé pour cette session (laisser vide pour le garder)")
            )

    # -- profile -------------------------------------------------------------------------

    def _on_backend_changed(self) -> None:
        typed = self.typed()
        self.url.setVisible(typed.choice == URL)
        name = typed.real_profile
        values = self.form.show(name, typed.profile)
        if values is not None:
            self._show_profile_values(name, values)
        self._forget_test()  # about another server
        self.piste_group.setEnabled(name is not None)
        if name is None:
            self.piste_note.setText(
                self.tr(
                    "Le bac à sable utilise ses propres identifiants de test, publics\u00a0: rien "
                    "à saisir ici."
                )
            )
        else:
            self.piste_note.setText(
                self.tr(
                    "Créez l'application sur piste.gouv.fr (identifiant et secret client) et le "
                    "compte technique sur le portail Chorus Pro (espace «\u00a0Raccordements "
                    "EDI/API\u00a0»). Sans eux, l'assistant prépare tout mais ne peut pas "
                    "interroger Chorus Pro."
                )
            )
        self._show_backend_note(typed.backend)
        self._show_reminder()

    def _show_profile_values(self, name: str | None, values: ProfileSettings) -> None:
        self.client_id.setText(values.client_id)
        self.tech_login.setText(values.tech_login)
        self.client_secret.clear()
        self.tech_password.clear()
        secret_kept, password_kept = self.form.kept_secrets(name, values)
        self._set_placeholder(self.client_secret, secret_kept)
        self._set_placeholder(self.tech_password, password_kept)
        self.expiry_known.setChecked(values.tech_password_expiry is not None)
        day = values.tech_password_expiry or self.form.today()
        self.expiry.setDate(QDate(day.year, day.month, day.day))

    def _show_backend_note(self, backend: str) -> None:
        notes = []
        if self.context.backend_option:
            notes.append(
                self.tr(
                    "L'assistant a été lancé avec --backend {option}\u00a0: cette option l'emporte "
                    "sur le choix enregistré ici tant qu'elle est donnée."
                ).format(option=self.context.backend_option)
            )
        if not self.form.runs_now(backend):
            notes.append(
                self.tr(
                    "Le serveur choisi sera utilisé au prochain démarrage de l'assistant\u00a0: "
                    "l'inscription en cours continue sur le serveur actuel."
                )
            )
        else:
            notes.append(
                self.tr(
                    "Les identifiants enregistrés servent dès la prochaine demande à Chorus Pro."
                )
            )
        self.backend_note.setText(" ".join(notes))

    def _on_expiry_toggled(self, checked: bool) -> None:
        self.expiry.setEnabled(checked)
        self._show_reminder()

    def _show_reminder(self) -> None:
        # The date edit holds the date read by the last test, or the one typed since.
        typed = self.typed()
        reminder = self.form.reminder(typed.profile.tech_password_expiry)
        if reminder is None or typed.real_profile is None:
            self.reminder.show_message(
                Tone.INFO,
                self.tr(
                    "Le mot de passe d'un compte technique expire au bout de {days} jours. "
                    "Indiquez sa date d'expiration (affichée sur le portail) pour que l'assistant "
                    "vous le rappelle."
                ).format(days=TECH_PASSWORD_LIFETIME_DAYS),
            )
            self.reminder.setVisible(typed.real_profile is not None)
            return
        text, warning = reminder
        self.reminder.show_message(Tone.WARNING if warning else Tone.INFO, text)

    # -- Tester la connexion -------------------------------------------------------------

    def _forget_test(self) -> None:
        """The last test spoke of the values then typed: once they change, its report and its
        verdict (a red « Accès refusé »…) go, rather than stay beside values they never saw."""
        self.results.clear_report()
        if self._verdict_shown:
            self._verdict_shown = False
            self.banner.clear_message()

    def _on_test_clicked(self) -> None:
        self.banner.clear_message()
        try:
            test = self.form.connection_test(self.typed())
        except Unfit as unfit:
            self._show_unfit(unfit)
            return
        self.results.clear_report()
        caption = self.tr("Test de la connexion à Chorus Pro…")
        self._calls.start("test", caption, test, self._on_tested, self._on_failed)

    def _on_tested(self, report: ConnectionReport | None) -> None:
        self._verdict_shown = True  # every way below says it on the banner
        if report is None:
            self.banner.show_message(
                Tone.ERROR,
                self.tr(
                    "Identifiants incomplets\u00a0: saisissez l'identifiant et le secret client "
                    "PISTE, le login et le mot de passe du compte technique."
                ),
            )
            return
        if self.typed().real_profile is None:
            self._on_sandbox_tested(report)
            return
        self.results.show_report(report)
        if report.tech_password_expiry is not None:
            day = report.tech_password_expiry
            self.expiry_known.setChecked(True)
            self.expiry.setDate(QDate(day.year, day.month, day.day))
        self._show_reminder()
        if report.ok:
            self.banner.show_message(Tone.SUCCESS, self.tr("La connexion à Chorus Pro fonctionne."))
        else:
            self.banner.show_message(
                Tone.ERROR,
                self.tr(
                    "La connexion à Chorus Pro ne fonctionne pas encore\u00a0: voir ci-dessus."
                ),
            )

    def _on_sandbox_tested(self, report: ConnectionReport) -> None:
        """A sandbox answers with its public test identities: it says nothing of Chorus Pro,
        and its technical account's dates and attachments are not the person's to act on."""
        relevant = [
            step
            for step in report.steps
            if step.status is not StepStatus.WARNING  # a sandbox's own remark: nothing to do
        ]
        self.results.show_report(ConnectionReport(relevant))
        if report.ok:
            self.banner.show_message(
                Tone.SUCCESS,
                self.tr(
                    "Le bac à sable répond : vous pouvez vous y exercer. Ce test ne dit rien "
                    "de Chorus Pro (choisissez Production pour tester le vrai service)."
                ),
            )
        else:
            self.banner.show_message(
                Tone.ERROR,
                self.tr("Le bac à sable ne répond pas comme prévu : voir ci-dessus."),
            )

    # -- Enregistrer ---------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        try:
            save = self.form.save(self.typed())
        except Unfit as unfit:
            self._show_unfit(unfit)
            return
        caption = self.tr("Enregistrement des paramètres…")
        self._calls.start("save", caption, save, self._on_saved, self._on_failed)

    def _on_saved(self, saved: Saved) -> None:
        # A service not built yet reads the new credentials when it is.
        reload = self.context.service_ready and getattr(
            self.context.service, "reload_credentials", None
        )
        if callable(reload):
            reload()
        if saved.refused:
            self.banner.show_message(Tone.WARNING, saved.refused)
            self.cancel_button.setText(self.tr("Fermer"))
            return
        self.accept()
