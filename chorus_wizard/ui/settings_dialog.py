"""« Paramètres »: the Chorus Pro server, the PISTE application, the technical account, INSEE.

The choices go to ``settings.json`` (never a secret); the secrets go to the OS keychain, or,
where there is none, stay in memory for this session only, and the dialog says so. Every file
and keychain access runs in a worker (:class:`~chorus_wizard.workers.TaskRunner`).
« Tester la connexion » runs :func:`chorus_wizard.backend.connection.check_connection` on
the values typed, before they are saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
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
    expiry_reminder,
)
from chorus_wizard.backend.profiles import (
    REAL_PROFILES,
    TECH_PASSWORD_LIFETIME_DAYS,
    BackendProfile,
    PisteCredentials,
    is_custom_url,
)
from chorus_wizard.domain.identifiers import IdentifierType, check_identifier
from chorus_wizard.keychain import (
    INSEE_USER,
    NO_KEYCHAIN_SETTINGS,
    Kept,
    KeychainError,
    SecretStore,
    client_secret_user,
    tech_password_user,
)
from chorus_wizard.settings import ProfileSettings, Settings, SettingsStore
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages.base import WizardContext, describe_error
from chorus_wizard.ui.widgets.common import Banner, BusyBar, Tone, field_label, form_layout
from chorus_wizard.workers import Ticket

#: Each language in its own name, as language pickers show them.
LANGUAGE_CHOICES = (("fr", "Français"), ("en", "English"))

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
            "SettingsDialog", "Bac à sable distant (salle de formation), à l'adresse :"
        ),
    ),
)

Checker = Callable[[BackendProfile, PisteCredentials, str], ConnectionReport]


def _default_checker(
    profile: BackendProfile, credentials: PisteCredentials, siret: str
) -> ConnectionReport:
    return check_connection(profile, credentials, siret)


@dataclass(frozen=True)
class _Loaded:
    """What the worker read when the dialog opened."""

    settings: Settings
    keychain: bool
    #: keychain user names that hold a secret (keychain or session)
    present: frozenset[str]


@dataclass(frozen=True)
class _Saved:
    kept: Kept | None
    refused: str = ""


class SettingsDialog(QDialog):
    """Choose the backend profile, enter the PISTE credentials and test the connection."""

    def __init__(
        self,
        context: WizardContext,
        store: SettingsStore | None,
        parent: QWidget | None = None,
        *,
        checker: Checker = _default_checker,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paramètres"))
        self.setObjectName("settings")
        self.context = context
        self.store = store
        self.secrets: SecretStore = context.secrets
        self._checker = checker
        self._today = today
        self._ticket = Ticket()
        self._settings = Settings()
        self._present: frozenset[str] = frozenset()
        self._keychain = True
        self._shown_profile = ""
        self._report: ConnectionReport | None = None
        self.resize(640, 700)

        running = context.profile
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        self.current = QLabel(
            (
                self.tr(
                    "Serveur utilisé en ce moment : <b>{server}</b> — mode portail (la création se "
                    "fait sur {portal})."
                )
                if not running.can_create_accounts
                else self.tr("Serveur utilisé en ce moment : <b>{server}</b>.")
            ).format(server=escape(running.shown_label), portal=escape(running.portal_host))
        )
        self.current.setWordWrap(True)
        body.addWidget(self.current)

        server = QGroupBox(self.tr("Serveur Chorus Pro"))
        server_box = QVBoxLayout(server)
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
        server_box.addWidget(self.backend)
        server_box.addWidget(self.url)
        server_box.addWidget(self.backend_note)
        body.addWidget(server)

        interface = QGroupBox(self.tr("Langue de l'interface"))
        interface_form = form_layout()
        interface.setLayout(interface_form)
        self.language = QComboBox()
        for value, label in LANGUAGE_CHOICES:
            self.language.addItem(label, value)
        interface_form.addRow(field_label(self.tr("Langue"), self.language), self.language)
        self.language_note = QLabel(
            self.tr(
                "La langue choisie s'applique au prochain démarrage de l'assistant. L'option "
                "--lang de la ligne de commande l'emporte sur ce choix."
            )
        )
        self.language_note.setWordWrap(True)
        interface_form.addRow(self.language_note)
        body.addWidget(interface)

        self.piste_group = QGroupBox(self.tr("Application PISTE et compte technique Chorus Pro"))
        piste_box = QVBoxLayout(self.piste_group)
        self.piste_note = QLabel()
        self.piste_note.setWordWrap(True)
        piste_box.addWidget(self.piste_note)
        form = form_layout()
        self.client_id = QLineEdit()
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.tech_login = QLineEdit()
        self.tech_password = QLineEdit()
        self.tech_password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.client_id, self.client_secret, self.tech_login, self.tech_password):
            edit.setMaxLength(200)
        form.addRow(
            field_label(self.tr("Identifiant client PISTE"), self.client_id), self.client_id
        )
        form.addRow(
            field_label(self.tr("Secret client PISTE"), self.client_secret), self.client_secret
        )
        form.addRow(
            field_label(self.tr("Login du compte technique"), self.tech_login), self.tech_login
        )
        form.addRow(
            field_label(self.tr("Mot de passe du compte technique"), self.tech_password),
            self.tech_password,
        )
        self.expiry_known = QCheckBox(
            self.tr("Je connais la date d'expiration de ce mot de passe :")
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
        piste_box.addLayout(form)
        self.reminder = Banner()
        piste_box.addWidget(self.reminder)
        body.addWidget(self.piste_group)

        insee = QGroupBox(self.tr("Annuaire INSEE (facultatif)"))
        insee_form = form_layout()
        insee.setLayout(insee_form)
        self.insee_key = QLineEdit()
        self.insee_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.insee_key.setMaxLength(200)
        insee_note = QLabel(
            self.tr(
                "Clé de l'API Sirene (portail-api.insee.fr), utilisée quand l'assistant est lancé "
                "avec --directory insee."
            )
        )
        insee_note.setWordWrap(True)
        insee_form.addRow(insee_note)
        insee_form.addRow(field_label(self.tr("Clé d'API INSEE"), self.insee_key), self.insee_key)
        body.addWidget(insee)

        self.keychain_status = Banner()
        body.addWidget(self.keychain_status)

        test = QGroupBox(self.tr("Tester la connexion"))
        test_box = QVBoxLayout(test)
        test_note = QLabel(
            self.tr(
                "Vérifie, avec les valeurs saisies ci-dessus (avant de les enregistrer) : le jeton "
                "PISTE, la disponibilité de l'API, les rattachements du compte technique, puis la "
                "recherche d'une structure."
            )
        )
        test_note.setWordWrap(True)
        test_box.addWidget(test_note)
        test_row = QHBoxLayout()
        self.probe = QLineEdit()
        self.probe.setPlaceholderText(
            self.tr("SIRET à rechercher (par défaut {siret})").format(siret=DEFAULT_PROBE_SIRET)
        )
        self.probe.setAccessibleName(self.tr("SIRET à rechercher"))
        self.probe.setMaxLength(20)
        self.test_button = QPushButton(self.tr("Tester la connexion"))
        test_row.addWidget(self.probe, 1)
        test_row.addWidget(self.test_button)
        test_box.addLayout(test_row)
        self.results = QLabel()
        self.results.setWordWrap(True)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results.hide()
        test_box.addWidget(self.results)
        body.addWidget(test)
        body.addStretch(1)

        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.banner = Banner()
        self.busy = BusyBar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
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
        self._set_enabled(False)
        self._load()

    # -- helpers -------------------------------------------------------------------------

    def chosen_backend(self) -> str:
        value = str(self.backend.currentData())
        return self.url.text().strip() if value == "url" else value

    def _real_profile_name(self) -> str | None:
        value = str(self.backend.currentData())
        return value if value in REAL_PROFILES else None

    def _run(
        self,
        caption: str,
        fn: Callable[[], object],
        on_success: Callable[[object], None],
    ) -> None:
        number = self._ticket.next()
        self.busy.start(caption)
        self._set_enabled(False)

        def success(value: object) -> None:
            if self._ticket.is_current(number):
                self.busy.stop()
                self._set_enabled(True)
                on_success(value)

        def failure(error: BaseException) -> None:
            if self._ticket.is_current(number):
                self.busy.stop()
                self._set_enabled(True)
                self.banner.show_message(Tone.ERROR, describe_error(error))

        self.context.runner.run(fn, success, failure)

    def _set_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.test_button.setEnabled(enabled)

    def done(self, result: int) -> None:
        """Closing: a call still running must not land on a closed dialog."""
        self._ticket.cancel()
        for edit in (self.client_secret, self.tech_password, self.insee_key):
            edit.clear()
        super().done(result)

    # -- opening ---------------------------------------------------------------------------

    def _load(self) -> None:
        store, secrets = self.store, self.secrets

        def read() -> _Loaded:
            settings = store.load() if store is not None else Settings()
            users = [INSEE_USER]
            for name in REAL_PROFILES:
                values = settings.for_profile(name)
                if values.client_id:
                    users.append(client_secret_user(name, values.client_id))
                if values.tech_login:
                    users.append(tech_password_user(name, values.tech_login))
            present = frozenset(user for user in users if secrets.get(user))
            return _Loaded(settings, secrets.available(), present)

        self._run(self.tr("Lecture des paramètres…"), read, self._on_loaded)  # type: ignore[arg-type]

    def _on_loaded(self, loaded: _Loaded) -> None:
        self._settings = loaded.settings
        self._present = loaded.present
        self._keychain = loaded.keychain
        backend = self.context.backend_option or loaded.settings.backend
        self.backend.blockSignals(True)
        if is_custom_url(backend):
            self.backend.setCurrentIndex(self.backend.findData("url"))
            self.url.setText(backend)
        else:
            index = self.backend.findData(backend)
            self.backend.setCurrentIndex(max(index, 0))
        self.backend.blockSignals(False)
        self.language.setCurrentIndex(max(self.language.findData(loaded.settings.language), 0))
        if self._keychain:
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
        self._set_placeholder(self.insee_key, INSEE_USER in self._present)
        self._on_backend_changed()

    def _set_placeholder(self, edit: QLineEdit, present: bool) -> None:
        if not present:
            edit.setPlaceholderText("")
        elif self._keychain:
            edit.setPlaceholderText(
                self.tr("Enregistré dans le trousseau (laisser vide pour le garder)")
            )
        else:
            edit.setPlaceholderText(
                self.tr("Gardé pour cette session (laisser vide pour le garder)")
            )

    # -- profile -------------------------------------------------------------------------

    def _remember_shown_profile(self) -> None:
        """Keep what was typed for the profile shown before switching to another."""
        if self._shown_profile in REAL_PROFILES:
            self._settings = self._settings.with_profile(self._shown_profile, self._typed())

    def _typed(self) -> ProfileSettings:
        expiry: date | None = None
        if self.expiry_known.isChecked():
            qdate = self.expiry.date()
            expiry = date(qdate.year(), qdate.month(), qdate.day())
        return ProfileSettings(
            client_id=self.client_id.text().strip(),
            tech_login=self.tech_login.text().strip(),
            tech_password_expiry=expiry,
        )

    def _on_backend_changed(self) -> None:
        value = str(self.backend.currentData())
        self.url.setVisible(value == "url")
        name = self._real_profile_name()
        if name != self._shown_profile:
            self._remember_shown_profile()
            self._shown_profile = name or ""
            self._show_profile_values(name)
        self.piste_group.setEnabled(name is not None)
        if name is None:
            self.piste_note.setText(
                self.tr(
                    "Le bac à sable utilise ses propres identifiants de test, publics : rien à "
                    "saisir ici."
                )
            )
        else:
            self.piste_note.setText(
                self.tr(
                    "Créez l'application sur piste.gouv.fr (identifiant et secret client) et le "
                    "compte technique sur le portail Chorus Pro (espace « Raccordements EDI/API "
                    "»). Sans eux, l'assistant prépare tout mais ne peut pas interroger Chorus Pro."
                )
            )
        self._show_backend_note()
        self._show_reminder()

    def _show_profile_values(self, name: str | None) -> None:
        values = self._settings.for_profile(name) if name else ProfileSettings()
        self.client_id.setText(values.client_id)
        self.tech_login.setText(values.tech_login)
        self.client_secret.clear()
        self.tech_password.clear()
        self._set_placeholder(
            self.client_secret,
            bool(name) and client_secret_user(name or "", values.client_id) in self._present,
        )
        self._set_placeholder(
            self.tech_password,
            bool(name) and tech_password_user(name or "", values.tech_login) in self._present,
        )
        self.expiry_known.setChecked(values.tech_password_expiry is not None)
        day = values.tech_password_expiry or self._today()
        self.expiry.setDate(QDate(day.year, day.month, day.day))
        self._report = None
        self.results.hide()

    def _show_backend_note(self) -> None:
        running = self.context.profile
        chosen = self.chosen_backend()
        running_value = running.api_base if running.name == "sandbox" else running.name
        same = chosen == running.name or (
            is_custom_url(chosen) and chosen.rstrip("/") == running_value.rstrip("/")
        )
        notes = []
        if self.context.backend_option:
            notes.append(
                self.tr(
                    "L'assistant a été lancé avec --backend {option} : cette option l'emporte sur "
                    "le choix enregistré ici tant qu'elle est donnée."
                ).format(option=self.context.backend_option)
            )
        if not same:
            notes.append(
                self.tr(
                    "Le serveur choisi sera utilisé au prochain démarrage de l'assistant : "
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
        known = self._typed().tech_password_expiry
        reminder = expiry_reminder(known, self._today())
        if reminder is None or self._real_profile_name() is None:
            self.reminder.show_message(
                Tone.INFO,
                self.tr(
                    "Le mot de passe d'un compte technique expire au bout de {days} jours. "
                    "Indiquez sa date d'expiration (affichée sur le portail) pour que l'assistant "
                    "vous le rappelle."
                ).format(days=TECH_PASSWORD_LIFETIME_DAYS),
            )
            self.reminder.setVisible(self._real_profile_name() is not None)
            return
        text, warning = reminder
        self.reminder.show_message(Tone.WARNING if warning else Tone.INFO, text)

    # -- credentials typed or kept ---------------------------------------------------------

    def _credentials_for_test(self) -> Callable[[], PisteCredentials | None]:
        name = self._real_profile_name()
        if name is None:
            running = self.context.profile
            return lambda: running.credentials
        typed = self._typed()
        secret, password = self.client_secret.text(), self.tech_password.text()
        secrets = self.secrets

        def resolve() -> PisteCredentials | None:
            client_secret = secret or secrets.get(client_secret_user(name, typed.client_id))
            tech_password = password or secrets.get(tech_password_user(name, typed.tech_login))
            if not (typed.client_id and client_secret and typed.tech_login and tech_password):
                return None
            return PisteCredentials(typed.client_id, client_secret, typed.tech_login, tech_password)

        return resolve

    def _profile_for_test(self) -> BackendProfile | str:
        """The profile to test, or why it cannot be tested from here."""
        value = str(self.backend.currentData())
        running = self.context.profile
        if value in REAL_PROFILES:
            return REAL_PROFILES[value]
        if value == "sandbox":
            if running.name == "sandbox" and running.credentials is not None:
                return running
            return self.tr(
                "Le bac à sable intégré ne fonctionne pas en ce moment : il démarrera avec "
                "l'assistant une fois ce choix enregistré et l'assistant relancé."
            )
        url = self.url.text().strip()
        if not is_custom_url(url):
            return self.tr("Saisissez l'adresse du bac à sable distant (http://… ou https://…).")
        from chorus_wizard.backend.profiles import sandbox_profile

        return sandbox_profile(url)

    # -- Tester la connexion -------------------------------------------------------------

    def _on_test_clicked(self) -> None:
        self.banner.clear_message()
        profile = self._profile_for_test()
        if isinstance(profile, str):
            self.banner.show_message(Tone.WARNING, profile)
            return
        probe = self.probe.text().strip() or DEFAULT_PROBE_SIRET
        check = check_identifier(IdentifierType.SIRET, probe)
        if not check.ok:
            self.banner.show_message(
                Tone.ERROR, self.tr("SIRET à rechercher : {reason}").format(reason=check.reason)
            )
            return
        credentials = self._credentials_for_test()
        checker = self._checker
        siret = check.normalized

        def test() -> ConnectionReport | None:
            resolved = credentials()
            if resolved is None:
                return None
            return checker(profile, resolved, siret)

        self.results.hide()
        self._run(self.tr("Test de la connexion à Chorus Pro…"), test, self._on_tested)  # type: ignore[arg-type]

    def _on_tested(self, report: ConnectionReport | None) -> None:
        if report is None:
            self.banner.show_message(
                Tone.ERROR,
                self.tr(
                    "Identifiants incomplets : saisissez l'identifiant et le secret client PISTE, "
                    "le login et le mot de passe du compte technique."
                ),
            )
            return
        self._report = report
        rows = []
        for step in report.steps:
            color = {
                StepStatus.OK: "#14532d",
                StepStatus.WARNING: "#6b3d00",
                StepStatus.FAILED: "#8a1212",
                StepStatus.SKIPPED: "#4a4a4a",
            }[step.status]
            row = (
                f"<p style='margin: 4px 0;'><span style='color:{color};'><b>{step.symbol} "
                f"{escape(step.title)}</b></span><br>{escape(step.detail)}"
            )
            if step.fix:
                row += "<br><i>{}</i>".format(
                    self.tr("À faire : {fix}").format(fix=escape(step.fix))
                )
            rows.append(row + "</p>")
        self.results.setText("".join(rows))
        self.results.show()
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
                self.tr("La connexion à Chorus Pro ne fonctionne pas encore : voir ci-dessus."),
            )

    # -- Enregistrer ---------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        backend = self.chosen_backend()
        if str(self.backend.currentData()) == "url" and not is_custom_url(backend):
            self.banner.show_message(
                Tone.ERROR,
                self.tr("Saisissez l'adresse du bac à sable distant (http://… ou https://…)."),
            )
            return
        self._remember_shown_profile()
        settings = Settings(
            backend=backend,
            language=str(self.language.currentData()),
            profiles=dict(self._settings.profiles),
        )
        writes: list[tuple[str, str]] = []
        name = self._real_profile_name()
        if name is not None:
            values = settings.for_profile(name)
            if self.client_secret.text() and values.client_id:
                writes.append(
                    (client_secret_user(name, values.client_id), self.client_secret.text())
                )
            if self.tech_password.text() and values.tech_login:
                writes.append(
                    (tech_password_user(name, values.tech_login), self.tech_password.text())
                )
        if self.insee_key.text():
            writes.append((INSEE_USER, self.insee_key.text().strip()))
        store, secrets = self.store, self.secrets

        def save() -> _Saved:
            if store is not None:
                store.save(settings)
            kept: Kept | None = None
            try:
                for user, value in writes:
                    kept = secrets.set(user, value)
            except KeychainError as refused:
                return _Saved(Kept.SESSION, str(refused))
            return _Saved(kept)

        self._run(self.tr("Enregistrement des paramètres…"), save, self._on_saved)  # type: ignore[arg-type]

    def _on_saved(self, saved: _Saved) -> None:
        # A service not built yet reads the new credentials when it is.
        reload = self.context.service_ready and getattr(
            self.context.service, "reload_credentials", None
        )
        if callable(reload):
            reload()
        if saved.refused:
            self.banner.show_message(Tone.WARNING, saved.refused)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Fermer"))
            return
        self.accept()
