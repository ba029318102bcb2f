"""Tools for the people at the desk: the « Aide » panel, the recap, the diagnostic export.

:class:`DeskTools` plugs into a :class:`SignupWizard`: two buttons of the wizard's row
(« Aide », checkable, also F1; « Récapitulatif »), the help panel as the wizard's side
widget (its visibility remembered in a small JSON file under the data folder, once
:meth:`DeskTools.use_settings_file` names it), the final page's recap buttons, and a
:class:`~chorus_wizard.diagnostics.DiagnosticJournal` that hears the log and every message
the pages show. File names are asked through :attr:`DeskTools.choose_path`, which tests
replace.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QTimer, qVersion
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
)

from chorus_wizard.backend.workspace_texts import workspace_text
from chorus_wizard.contracts.catalogue import load_workspaces
from chorus_wizard.diagnostics import (
    DiagnosticJournal,
    diagnostic_file_name,
    environment,
    write_diagnostic,
)
from chorus_wizard.files import SetAside, Unusable, read_json
from chorus_wizard.recap import Recap, build_recap, recap_file_name
from chorus_wizard.rehearsal import is_rehearsal
from chorus_wizard.resources import resource_path
from chorus_wizard.texts import QT_TRANSLATE_NOOP
from chorus_wizard.ui.pages.base import (
    HELP_BUTTON,
    RECAP_BUTTON,
    STEPS,
    Page,
    PageId,
    WizardContext,
)
from chorus_wizard.ui.recap_actions import RecapDialog, copy_recap, write_recap_pdf
from chorus_wizard.ui.widgets.common import (
    Banner,
    CurrentDialog,
    Tone,
    announce,
    joined,
    readable_placeholders,
)
from chorus_wizard.ui.widgets.help import HelpPanel
from chorus_wizard.ui.widgets.keyboard import AltLetterGuard, ensure_mnemonics

log = logging.getLogger(__name__)

#: Step 1's « Ai-je besoin de Chorus Pro ? »: its answer, a help text of its own.
CHORUS_PRO_TOPIC = "besoin-chorus-pro"
HELP_DESCRIPTION = QT_TRANSLATE_NOOP(
    "DeskTools",
    "Affiche ou masque, à côté de la page, les instructions du guide pour cette étape, ce qu'il "
    "faut avoir sous la main et les problèmes fréquents (touche F1).",
)
RECAP_DESCRIPTION = QT_TRANSLATE_NOOP(
    "DeskTools",
    "Affiche le récapitulatif de l'inscription, à enregistrer en PDF ou à copier\u00a0; il ne "
    "contient aucun mot de passe, réponse ni code.",
)
SAVE_RECAP_TITLE = QT_TRANSLATE_NOOP("DeskTools", "Enregistrer le récapitulatif")
PDF_FILTER = QT_TRANSLATE_NOOP("DeskTools", "Document PDF (*.pdf)")
SAVE_DIAGNOSTIC_TITLE = QT_TRANSLATE_NOOP("DeskTools", "Exporter un diagnostic")
ZIP_FILTER = QT_TRANSLATE_NOOP("DeskTools", "Archive zip (*.zip)")
#: Two labels of Qt's own file dialog: since Qt 6 they carry a mnemonic (« &Look in: »,
#: « Files of &type: ») that qtbase_fr.qm does not know yet, so they would stay in English.
LOOK_IN = QT_TRANSLATE_NOOP("DeskTools", "&Voir dans\u00a0:")
FILES_OF_TYPE = QT_TRANSLATE_NOOP("DeskTools", "Fichiers de &type\u00a0:")
RECAP_SAVED = QT_TRANSLATE_NOOP("DeskTools", "Récapitulatif enregistré\u00a0: {path}")
RECAP_COPIED = QT_TRANSLATE_NOOP("DeskTools", "Récapitulatif copié dans le presse-papiers.")
DIAGNOSTIC_SAVED = QT_TRANSLATE_NOOP(
    "DeskTools",
    "Diagnostic enregistré\u00a0: {path}. Transmettez ce fichier au support\u00a0; il ne contient "
    "ni mot de passe, ni réponse, ni code.",
)
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "DeskTools", "Le fichier n'a pas pu être enregistré ({reason}). Choisissez un autre dossier."
)

#: Said when a step's page comes up, before focus lands on its first field.
STEP_ANNOUNCED = QT_TRANSLATE_NOOP("DeskTools", "Étape {step} sur {count}\u00a0: {title}")
#: The wizard's buttons, left to right as they are shown (and so in the Tab order).
BUTTON_ROW = (
    HELP_BUTTON,
    RECAP_BUTTON,
    QWizard.WizardButton.CustomButton1,
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)

#: Progress line read by assistive technology (the visible one is the page's subtitle).
PROGRESS_SPOKEN = QT_TRANSLATE_NOOP("DeskTools", "Étape {step} sur {count}\u00a0: {name}. {states}")
STEP_STATES = (
    QT_TRANSLATE_NOOP("DeskTools", "terminée"),
    QT_TRANSLATE_NOOP("DeskTools", "en cours"),
    QT_TRANSLATE_NOOP("DeskTools", "à venir"),
)

SETTINGS_HELP_VISIBLE = "aide_visible"
INTERFACE_SET_ASIDE = QT_TRANSLATE_NOOP(
    "DeskTools",
    "Les préférences d'affichage n'ont pas pu être relues : {why}. Le fichier a été mis de côté "
    "({file}).",
)
INTERFACE_IGNORED = QT_TRANSLATE_NOOP(
    "DeskTools", "Les préférences d'affichage n'ont pas pu être relues : {why}."
)


def _help_visible(values: object) -> bool:
    """The help panel's visibility in the preferences' JSON document (``read_json``'s check)."""
    if not isinstance(values, dict):
        raise Unusable()
    return values.get(SETTINGS_HELP_VISIBLE) is True


def _t(source: str) -> str:
    """One of this module's constants in the interface's language."""
    return QCoreApplication.translate("DeskTools", source)


def _page(source: str) -> str:
    return QCoreApplication.translate("Page", source)


def spoken_progress(step: int) -> str:
    """« Étape 2 sur 4 : Complétez. 1. Identifiez-vous, terminée ; 2. Complétez, en cours ; … »."""
    states = []
    for number, name in enumerate(STEPS, start=1):
        state = _t(STEP_STATES[0 if number < step else 1 if number == step else 2])
        states.append(f"{number}. {_page(name)}, {state}")
    return _t(PROGRESS_SPOKEN).format(
        step=step, count=len(STEPS), name=_page(STEPS[step - 1]), states=joined(states) + "."
    )


@cache
def catalogue_labels() -> dict[str, str]:
    """Every workspace's name from the shipped catalogue, including those given to managers
    automatically (not shown as switches, but listed among the account's workspaces)."""
    try:
        entries = load_workspaces(resource_path("sandbox", "workspaces.json"))
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {entry.code: workspace_text(entry.label) for entry in entries}


def first_field(page: QWidget) -> QWidget | None:
    """Where focus goes when ``page`` comes up: its first empty text field, else its first
    field or button, in the Tab order (a resumed page has its fields filled already)."""
    chain: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not page and widget is not None and len(chain) < 500:
        if (
            page.isAncestorOf(widget)
            and widget.isVisibleTo(page)  # rows just added are shown a moment later
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    for widget in chain:
        if isinstance(widget, QLineEdit) and not widget.isReadOnly() and not widget.text():
            return widget
    for widget in chain:
        if isinstance(widget, QLineEdit | QComboBox | QCheckBox):
            return widget
    return chain[0] if chain else None


def documents_dir() -> Path:
    """Where files are offered to be saved: the Documents folder, else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def save_dialog(parent: QWidget, title: str, suggested: Path, name_filter: str) -> QFileDialog:
    """Qt's « Save as » dialog on ``suggested`` (its folder open, its name proposed), every
    label in the interface's language (native or not: the platform decides)."""
    dialog = QFileDialog(parent, title, str(suggested.parent), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(suggested.name)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, _t(LOOK_IN))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, _t(FILES_OF_TYPE))
    return dialog


class DeskTools(QObject):
    """Help panel, recap and diagnostic of one wizard."""

    def __init__(
        self,
        wizard: QWizard,
        context: WizardContext,
        pages: Mapping[PageId, Page],
        add_closing_callback: Callable[[Callable[[], object]], None],
    ) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        self.context = context
        self.pages = pages
        self.settings_path: Path | None = None
        #: What :meth:`use_settings_file` has to say about the file (see :meth:`take_notice`).
        self.notice: str | None = None
        #: (dialog title, suggested path, filter) → the chosen path, or None if cancelled.
        self.choose_path: Callable[[str, Path, str], Path | None] = self._ask_path
        self.clock: Callable[[], datetime] = datetime.now
        self._recap_dialog: CurrentDialog[RecapDialog] = CurrentDialog()
        self._shown_id = -1

        # The buttons are the wizard's (it lays its button row out); they are wired here.
        self.help_button.setCheckable(True)
        self.help_button.setAccessibleDescription(_t(HELP_DESCRIPTION))
        self.help_button.setToolTip(_t(HELP_DESCRIPTION))
        self.recap_button.setAccessibleDescription(_t(RECAP_DESCRIPTION))
        self.recap_button.setToolTip(_t(RECAP_DESCRIPTION))

        self.panel = HelpPanel()
        self.panel.hide()
        self.panel.dock(wizard)  # beside the page, or over it in a narrow window
        self.panel.close_requested.connect(lambda: self.set_help_visible(False))
        self.help_button.toggled.connect(self._on_help_button_toggled)
        self.recap_button.clicked.connect(self.show_recap)
        self.panel.export.clicked.connect(self.export_diagnostic)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), wizard)
        shortcut.activated.connect(lambda: self.help_button.toggle())

        self.journal = DiagnosticJournal()
        root = logging.getLogger()
        root.addHandler(self.journal)
        add_closing_callback(lambda: root.removeHandler(self.journal))
        for banner in wizard.findChildren(Banner):
            banner.message_shown.connect(self.journal.message_shown)
            # « Réessayer » and the like appear with a message: give them their mnemonic.
            banner.message_shown.connect(lambda *_: QTimer.singleShot(0, self, self._settle_page))

        done = pages[PageId.DONE]
        for name, slot in (("save_recap", self.save_recap), ("copy_recap", self.copy_recap)):
            button = getattr(done, name, None)
            if button is not None:
                button.clicked.connect(slot)
        question = getattr(pages[PageId.IDENTIFY], "chorus_pro_question", None)
        if question is not None:
            question.linkActivated.connect(lambda _link: self.show_help_topic(CHORUS_PRO_TOPIC))
        wizard.currentIdChanged.connect(self._on_current_id_changed)

        # Keyboard: an unclaimed Alt+letter types nothing; the buttons' Tab order is the
        # order they are shown in; placeholders readable.
        self.alt_guard = AltLetterGuard(self)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self.alt_guard)
        add_closing_callback(lambda: app.removeEventFilter(self.alt_guard))
        self._order_buttons()
        readable_placeholders(wizard)
        self._settle_page()

    # The wizard's buttons are asked for each time: PySide6 may drop its wrapper of one
    # while the button lives on (seen when its text is changed on a page switch).
    @property
    def help_button(self) -> QAbstractButton:
        return self.wizard.button(HELP_BUTTON)

    @property
    def recap_button(self) -> QAbstractButton:
        return self.wizard.button(RECAP_BUTTON)

    # -- keyboard and focus ----------------------------------------------------------------

    def _order_buttons(self) -> None:
        buttons = [self.wizard.button(which) for which in BUTTON_ROW]
        for before, after in itertools.pairwise(buttons):
            QWidget.setTabOrder(before, after)

    def _settle_page(self) -> None:
        """Once QWizard has set the page's buttons: mnemonics on every button shown."""
        page = self.wizard.currentPage()
        buttons = [self.wizard.button(which) for which in BUTTON_ROW]
        if page is not None:
            buttons += page.findChildren(QAbstractButton)
        if self.panel.isVisible():
            buttons += self.panel.findChildren(QAbstractButton)
        ensure_mnemonics(buttons)

    def _arrive(self, page_id: int) -> None:
        """A page came up: say which step it is, then focus its first field to fill (the
        first page shown keeps a focus given on purpose, « Reprendre »)."""
        previous, self._shown_id = self._shown_id, page_id
        if self.wizard.currentId() != page_id:
            return
        self._settle_page()
        page = self.wizard.currentPage()
        if not isinstance(page, Page):
            return
        focused = QApplication.focusWidget()
        if previous < 0 and focused is not None and page.isAncestorOf(focused):
            return
        target = first_field(page)
        if page.step:
            text = _t(STEP_ANNOUNCED).format(step=page.step, count=len(STEPS), title=page.title())
            announce(target or page, text)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    # -- help panel ------------------------------------------------------------------------

    @property
    def help_visible(self) -> bool:
        return self.help_button.isChecked()

    def set_help_visible(self, visible: bool) -> None:
        self.help_button.setChecked(visible)

    def _on_help_button_toggled(self, visible: bool) -> None:
        if visible:
            self._show_help_of(self.wizard.currentId())
        self.panel.setVisible(visible)
        self._save_settings()

    def show_help_topic(self, key: str) -> None:
        """Open the help panel on the answer ``key`` (``resources/help/<lang>/<key>.md``)."""
        self.set_help_visible(True)
        self.panel.show_page(key)
        self.panel.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_help_of(self, page_id: int) -> None:
        if page_id in PageId._value2member_map_:
            # the portal's step 4 has the same help as the sandbox's
            self.panel.show_page(PageId(page_id).name.lower().removeprefix("portal_"))

    def _on_current_id_changed(self, page_id: int) -> None:
        if page_id < 0:
            return
        page = self.wizard.page(page_id)
        self.journal.note(f"Page\u00a0: {page.title()}")
        if self.help_visible:
            self._show_help_of(page_id)
        if isinstance(page, Page) and page.step:
            self._expose_progress(page)
        # After QWizard has finished switching (buttons' texts, its own choice of focus).
        QTimer.singleShot(0, self, lambda: self._arrive(page_id))

    def _expose_progress(self, page: Page) -> None:
        """Name the subtitle (the progress line) in words for assistive technology."""
        subtitle = page.subTitle()
        for label in self.wizard.findChildren(QLabel):
            if label.text() == subtitle:
                label.setAccessibleName(spoken_progress(page.step))
        page.setAccessibleDescription(spoken_progress(page.step))

    # -- settings --------------------------------------------------------------------------

    def use_settings_file(self, path: Path) -> None:
        """Remember the panel's visibility in ``path`` (JSON); apply what it says now."""
        self.settings_path = path
        try:
            visible = read_json(path, _help_visible) is True
        except SetAside as aside:
            visible = False
            if aside.aside is None:
                self.notice = _t(INTERFACE_IGNORED).format(why=aside.reason)
            else:
                self.notice = _t(INTERFACE_SET_ASIDE).format(
                    why=aside.reason, file=aside.aside.name
                )
        self.help_button.blockSignals(True)
        self.help_button.setChecked(visible)
        self.help_button.blockSignals(False)
        self._on_help_button_toggled(visible)

    def take_notice(self) -> str | None:
        """Once, in French, that the preferences' file was set aside; else None."""
        notice, self.notice = self.notice, None
        return notice

    def _save_settings(self) -> None:
        path = self.settings_path
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                json.dumps({SETTINGS_HELP_VISIBLE: self.help_visible}) + "\n", encoding="utf-8"
            )
        except OSError as error:
            log.warning("Préférences non enregistrées (%s)", type(error).__name__)

    # -- recap -----------------------------------------------------------------------------

    def recap(self) -> Recap:
        """The recap of the signup as it stands, with workspace and country names."""
        spaces = self.pages[PageId.WORKSPACES]
        switches = getattr(spaces, "switches", {})
        labels = dict(catalogue_labels())
        labels.update({code: switch.accessibleName() for code, switch in switches.items()})
        combo = getattr(self.pages[PageId.COMPLETE], "country", None)
        countries: dict[str, str] = {}
        if combo is not None:
            for index in range(combo.count()):
                countries[str(combo.itemData(index))] = combo.itemText(index)
        return build_recap(
            self.context.draft,
            profile_label=self.context.profile.shown_label,
            now=self.clock(),
            workspace_labels=labels,
            country_labels=countries,
            is_rehearsal=is_rehearsal(self.context.profile.name),
            today=self.context.today,  # set by today's portal path only
        )

    @property
    def recap_dialog(self) -> RecapDialog | None:
        """The recap while it is open."""
        return self._recap_dialog.dialog

    def show_recap(self) -> RecapDialog:
        """The recap as it stands now, in place of one already open."""
        dialog = RecapDialog(self.recap(), self.save_recap, self.copy_recap, self.wizard)
        return self._recap_dialog.show(dialog)

    def save_recap(self) -> Path | None:
        """Ask where, then write the PDF; says where it went on the current page."""
        suggested = documents_dir() / recap_file_name(self.context.draft, self.clock())
        path = self.choose_path(_t(SAVE_RECAP_TITLE), suggested, _t(PDF_FILTER))
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.open("ab").close()  # QPdfWriter says nothing when it cannot write there
            write_recap_pdf(path, self.recap())
        except OSError as error:
            self._tell(Tone.ERROR, _t(NOT_WRITTEN).format(reason=error.strerror or error))
            return None
        self._tell(Tone.SUCCESS, _t(RECAP_SAVED).format(path=path))
        return path

    def copy_recap(self) -> str:
        text = copy_recap(self.recap())
        self._tell(Tone.SUCCESS, _t(RECAP_COPIED))
        return text

    # -- diagnostic ------------------------------------------------------------------------

    def diagnostic_info(self) -> dict[str, str]:
        profile = self.context.profile
        info = environment(
            profile_name=profile.name,
            profile_label=profile.label,
            qt_versions={"qt": qVersion(), "pyside6": PySide6.__version__},
        )
        page = self.wizard.currentPage()
        info["page"] = page.title() if page is not None else ""
        return info

    def export_diagnostic(self) -> Path | None:
        now = self.clock()
        suggested = documents_dir() / diagnostic_file_name(now)
        path = self.choose_path(_t(SAVE_DIAGNOSTIC_TITLE), suggested, _t(ZIP_FILTER))
        if path is None:
            return None
        try:
            write_diagnostic(
                path,
                info=self.diagnostic_info(),
                messages=list(self.journal.messages),
                records=list(self.journal.records),
                now=now,
            )
        except OSError as error:
            self._tell(Tone.ERROR, _t(NOT_WRITTEN).format(reason=error.strerror or error))
            return None
        self._tell(Tone.SUCCESS, _t(DIAGNOSTIC_SAVED).format(path=path))
        return path

    # -- helpers ---------------------------------------------------------------------------

    def _tell(self, tone: Tone, text: str) -> None:
        page = self.wizard.currentPage()
        if isinstance(page, Page):
            page.banner.show_message(tone, text)
        dialog = self.recap_dialog
        if dialog is not None:  # over the page: it says it too
            dialog.status.show_message(tone, text)

    def _ask_path(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        dialog = save_dialog(self.wizard, title, suggested, name_filter)
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return None
            return Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
