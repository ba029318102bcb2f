"""« Je ne connais pas mon SIRET » : find the company by its name, choose an open establishment.

A small dialog over step 1. The name (and a postcode, a department or a town to narrow it) is
searched a moment after the typing stops, or at once with Entrée; the API's limit (7 requests
a second) is kept by that pause and by a minimum gap between two requests. A 429 waits the
``Retry-After`` it gives, says so, and asks again by itself. The result list is read with
the arrows, from the list or from the search fields; Entrée (or « Choisir ») on an open
establishment hands its SIRET back (in a field, once the results shown are those of what is
typed: else Entrée searches); a closed one says why it cannot be chosen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard.backend.errors import RateLimited
from chorus_wizard.domain.identifiers import format_siret
from chorus_wizard.ui.calls import Calls, Runner
from chorus_wizard.ui.widgets.common import Banner, BusyBar, Tone

if TYPE_CHECKING:
    from chorus_wizard.backend.directory import SearchHit, SearchResults

#: The typing pause before a search starts, in milliseconds.
DEBOUNCE_MS = 400
#: At least this long between two requests (the API allows 7 a second).
MIN_GAP_S = 1 / 7
#: A name shorter than this is not searched (the API wants 3 characters).
MIN_NAME = 3

Search = Callable[[str, str], "SearchResults"]


def describe_error(error: BaseException) -> str:
    """The pages' words for a failure (imported here: the pages import this module)."""
    from chorus_wizard.ui.pages.base import describe_error as describe

    return describe(error)


class CompanySearchDialog(QDialog):
    """Search the directory by name; :attr:`chosen_siret` holds the SIRET chosen."""

    def __init__(
        self,
        search: Search,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Je ne connais pas mon SIRET"))
        self.setAccessibleName(self.tr("Rechercher votre entreprise par son nom"))
        self._search = search
        self._clock = clock
        self._last_request = -1.0
        self._calls = Calls(runner, self._show_calls)
        self.chosen_siret = ""
        # The (name, place) last asked, and the one whose results the list shows.
        self._asked_for: tuple[str, str] | None = None
        self._shown_for: tuple[str, str] | None = None

        intro = QLabel(
            self.tr(
                "Tapez le nom de votre entreprise, et si besoin son code postal, son "
                "département ou sa ville. Choisissez ensuite l'établissement où vous "
                "travaillez (le siège, à défaut)."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Nom de l'entreprise"))
        self.name.setPlaceholderText(self.tr("par exemple\u00a0: La Poste"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Code postal, département ou ville"))
        self.place.setPlaceholderText(self.tr("par exemple\u00a0: 75015 ou Angers"))
        name_label = QLabel(self.tr("&Nom de l'entreprise"))
        name_label.setBuddy(self.name)
        place_label = QLabel(self.tr("Code postal, département ou &ville"))
        place_label.setBuddy(self.place)
        self.search_button = QPushButton(self.tr("&Rechercher"))
        self.search_button.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(name_label, self.name)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.search_button)
        form.addRow(place_label, place_row)

        self.status = Banner()
        self.busy = BusyBar()
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Établissements trouvés"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setMinimumHeight(180)
        results_label = QLabel(self.tr("É&tablissements trouvés"))
        results_label.setBuddy(self.results)

        self.buttons = QDialogButtonBox()
        self.choose_button = self.buttons.addButton(
            self.tr("&Choisir cet établissement"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.choose_button.setEnabled(False)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Fermer"))
        close.setAutoDefault(False)
        self.choose_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(results_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 520)

        #: The typing pause, then the search; also the wait a 429 asks for.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self.search_now)

        self.name.textChanged.connect(self._on_typed)
        self.place.textChanged.connect(self._on_typed)
        # Entrée in a field searches (it must not reach the dialog's default button)
        self.name.installEventFilter(self)
        self.place.installEventFilter(self)
        self.search_button.clicked.connect(self.search_now)
        self.results.currentItemChanged.connect(self._on_current_changed)
        self.results.itemActivated.connect(lambda _item: self.choose())
        self.results.installEventFilter(self)
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        self.name.setFocus()

    # -- searching -----------------------------------------------------------------------

    def _on_typed(self) -> None:
        self._wait.stop()
        self._debounce.start()

    def _query(self) -> tuple[str, str]:
        return " ".join(self.name.text().split()), " ".join(self.place.text().split())

    def search_now(self) -> None:
        """Search at once (Entrée, « Rechercher », the end of a pause or of a wait)."""
        self._debounce.stop()
        name, place = self._query()
        if len(name) < MIN_NAME:
            self.status.show_message(
                Tone.INFO, self.tr("Tapez au moins 3 lettres du nom de l'entreprise.")
            )
            return
        gap = self._last_request + MIN_GAP_S - self._clock()
        if self._last_request >= 0 and gap > 0:
            self._debounce.start(int(gap * 1000) + 1)
            return
        self._wait.stop()
        self._last_request = self._clock()
        self._asked_for = (name, place)
        self.status.clear_message()
        self._calls.start(
            "search",
            self.tr("Recherche dans l'annuaire des entreprises…"),
            lambda: self._search(name, place),
            self._show_results,
            self._on_failed,
        )

    def _show_calls(self) -> None:
        if self._calls.busy:
            self.busy.start(self._calls.caption)
        else:
            self.busy.stop()

    def _show_results(self, found: SearchResults) -> None:
        self._shown_for = self._asked_for
        self.results.clear()
        for hit in found.hits:
            item = QListWidgetItem(self._row_text(hit))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._row_text(hit, spoken=True))
            if not hit.open:
                item.setForeground(self.palette().placeholderText())
            self.results.addItem(item)
        if not found.hits:
            self.status.show_message(
                Tone.INFO,
                self.tr(
                    "Aucune entreprise trouvée. Vérifiez l'orthographe du nom, ou retirez le "
                    "code postal ou la ville."
                ),
            )
            return
        count = len(found.hits)
        text = (
            self.tr("1 établissement trouvé.")
            if count == 1
            else self.tr("{count} établissements trouvés.").format(count=count)
        )
        if found.total_companies > len({h.siret[:9] for h in found.hits}):
            text += " " + self.tr("D'autres réponses existent\u00a0: précisez le nom ou le lieu.")
        self.status.show_message(Tone.INFO, text)
        # the first establishment that can be chosen (a closed one cannot): Entrée takes it
        first_open = next((row for row, hit in enumerate(found.hits) if hit.open), 0)
        self.results.setCurrentRow(first_open)

    def _row_text(self, hit: SearchHit, *, spoken: bool = False) -> str:
        kind = self.tr("siège") if hit.head_office else self.tr("établissement secondaire")
        state = self.tr("ouvert") if hit.open else self.tr("fermé")
        address = hit.address or self.tr("adresse non diffusée")
        siret = hit.siret if spoken else format_siret(hit.siret)
        return self.tr("{name} — {kind}, {state}\n{address}\nSIRET {siret}").format(
            name=hit.name, kind=kind, state=state, address=address, siret=siret
        )

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, RateLimited):
            wait = max(1.0, error.retry_after or 1.0)
            self.status.show_message(
                Tone.WARNING,
                self.tr(
                    "L'annuaire des entreprises reçoit trop de demandes\u00a0: nouvelle "
                    "recherche dans {seconds}\u00a0s, sans rien retaper."
                ).format(seconds=round(wait)),
            )
            self._wait.start(int(wait * 1000))
            return
        self.status.show_message(Tone.ERROR, describe_error(error))

    # -- choosing ------------------------------------------------------------------------

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_current_changed(self, *_args: Any) -> None:
        hit = self.current_hit()
        self.choose_button.setEnabled(hit is not None)

    def choose(self) -> None:
        """Hand back the selected establishment's SIRET; a closed one is refused, saying why."""
        hit = self.current_hit()
        if hit is None:
            return
        if not hit.open:
            self.status.show_message(
                Tone.ERROR,
                self.tr(
                    "{reason} Chorus Pro n'accepte que les établissements ouverts\u00a0: "
                    "choisissez-en un autre (par exemple le siège)."
                ).format(reason=hit.closed_reason),
            )
            return
        self.chosen_siret = hit.siret
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Entrée chooses in the list, and in the fields once the list shows what is typed,
        else searches (never the dialog's default button, which would choose whatever row is
        current while the user types a name); ↓ and ↑ in the fields move the list's row."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if watched is self.results:
                self.choose()
                return True
            if watched in (self.name, self.place):
                if self._shown_for == self._query() and self.current_hit() is not None:
                    self.choose()  # the list shows what is typed: Entrée takes its selection
                else:
                    self.search_now()
                return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and watched in (self.name, self.place)
            and self.results.count()
        ):
            # the arrows move through the list without leaving the field typed in
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            self.results.scrollToItem(self.results.item(row))
            return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self._debounce.stop()
        self._wait.stop()
        self._calls.cancel_all()
        super().done(result)
