"""Step 4 in portal mode: today's portal, in its order (domain.md §8).

Nothing is activated here (real Chorus Pro's API cannot). Four panels follow the portal: the
activation link (60 minutes: the page says when the mail arrived and until when its link is
valid) and the password; the first login's second factor (the e-mail code, then an
authenticator app or a security key); the structure, created with the values to copy or
joined; the workspaces. The person ticks that it is done; the final page then checks through
the API that the structure exists.
:class:`~chorus_wizard.ui.pages.workspaces.WorkspacesPage` leads here instead of
:class:`~chorus_wizard.ui.pages.activate.ActivatePage` when the backend cannot create accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from chorus_wizard.ui.pages import portal
from chorus_wizard.ui.pages.activate import (
    VALIDITY_REFRESH_MS,
    clock_time,
    time_left_text,
    utc_now,
)
from chorus_wizard.ui.pages.base import Page, PageId, WizardContext
from chorus_wizard.ui.widgets.common import readable, wrapped
from chorus_wizard.ui.widgets.handoff import HandoffPanel


class PortalActivatePage(Page):
    step = 4

    def __init__(self, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Activez votre compte sur le portail Chorus Pro"))
        self.clock: Callable[[], datetime] = utc_now
        self.mail_arrived_at: datetime | None = None
        self._validity_timer = QTimer(self)
        self._validity_timer.setInterval(VALIDITY_REFRESH_MS)
        self._validity_timer.timeout.connect(self._refresh_validity)
        self.intro = wrapped("")
        self.body.addWidget(self.intro)
        # The profile the window already knows: building this page never locates a backend.
        self.password_panel = portal.handoff_panel(
            context, portal.text(portal.ACTIVATE_PASSWORD_TITLE), portal.ACTIVATE_PASSWORD_CHECKLIST
        )
        self.mail_arrived = QPushButton(self.tr("Le courriel d'activation est arrivé"))
        self.mail_arrived.clicked.connect(self._on_mail_arrived_clicked)
        self.portal_validity = wrapped("")
        self.portal_validity.hide()
        row = QHBoxLayout()
        row.addWidget(self.mail_arrived)
        row.addStretch(1)
        self.password_panel.extra.addLayout(row)
        self.password_panel.extra.addWidget(self.portal_validity)
        self.second_factor_panel = portal.handoff_panel(
            context,
            portal.text(portal.SECOND_FACTOR_TITLE),
            portal.SECOND_FACTOR_CHECKLIST,
            with_portal=False,
        )
        self.structure_panel = portal.handoff_panel(
            context,
            portal.text(portal.STRUCTURE_TITLE),
            portal.STRUCTURE_CHECKLIST,
            with_portal=False,
        )
        #: The last panel: the workspaces, and the confirmation that all is done there.
        self.handoff = portal.handoff_panel(
            context,
            portal.text(portal.WORKSPACES_TITLE),
            portal.OPEN_WORKSPACES_CHECKLIST,
            portal.ACTIVATE_CONFIRM,
            with_portal=False,
        )
        self.handoff.confirmed_changed.connect(self.completeChanged)
        self.panels: tuple[HandoffPanel, ...] = (
            self.password_panel,
            self.second_factor_panel,
            self.structure_panel,
            self.handoff,
        )
        for panel in self.panels:
            self.body.addWidget(panel)
        self.finish_layout()

    def initializePage(self) -> None:
        draft = self.context.draft
        self.intro.setText(portal.text(portal.ACTIVATE_INTRO).format(email=draft.signup.email))
        labels = draft.workspace_labels
        spaces = ", ".join(labels.get(code, code) for code in draft.workspaces)
        self.second_factor_panel.set_values([(self.tr("Adresse électronique"), draft.signup.email)])
        self.structure_panel.set_values(portal.structure_values(draft.signup))
        self.handoff.set_values([(self.tr("Espaces à ouvrir"), spaces)])
        self._refresh_validity()

    def cleanupPage(self) -> None:
        self._validity_timer.stop()
        super().cleanupPage()

    def nextId(self) -> int:
        return PageId.DONE

    def ready(self) -> bool:
        return self.handoff.is_confirmed

    def start_step(self) -> bool:
        return True  # activated on the portal, not here: the final page checks the API

    # -- when the portal's mail arrived ------------------------------------------------------

    def _on_mail_arrived_clicked(self) -> None:
        self._set_mail_arrived(self.clock())
        self.edited.emit()

    def _set_mail_arrived(self, when: datetime) -> None:
        self.mail_arrived_at = when
        self.mail_arrived.setText(self.tr("Un nouveau courriel est arrivé"))
        self._refresh_validity()

    def _refresh_validity(self) -> None:
        if self.mail_arrived_at is None:
            self.portal_validity.hide()
            return
        until = portal.activation_deadline(self.mail_arrived_at)
        now = self.clock()
        left = time_left_text(until - now)
        if left is None:
            self._validity_timer.stop()
            text = self.tr(
                "Ce lien a sans doute expiré (plus de 60 minutes depuis son arrivée)\u00a0: "
                "demandez un nouveau lien sur le portail, puis cliquez sur «\u00a0Un nouveau "
                "courriel est arrivé\u00a0» dès qu'il est là."
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

    # -- draft -------------------------------------------------------------------------------

    def draft_values(self) -> dict[str, Any]:
        """Whether it is done on the portal, and when its mail arrived (portal mode only)."""
        if not self.context.portal_mode:
            return {}  # built with the other pages, never shown: nothing of its own to save
        values: dict[str, Any] = {"portal_activated": self.handoff.confirm.isChecked()}
        if self.mail_arrived_at is not None:
            values["portal_mail_arrived"] = self.mail_arrived_at.isoformat()
        return values

    def restore_draft(self, values: dict[str, Any]) -> None:
        self.handoff.confirm.setChecked(values.get("portal_activated", False) is True)
        arrived = values.get("portal_mail_arrived")
        if isinstance(arrived, str):
            try:
                when = datetime.fromisoformat(arrived)
            except ValueError:
                return
            if when.tzinfo is not None:
                self._set_mail_arrived(when)
