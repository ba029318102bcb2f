"""What the pages of « parcours du portail actuel » share: the path's name, its client and
what the earlier pages learned (kept in memory only: tickets, session and codes are secrets).

That path rehearses today's Chorus Pro portal against the sandbox (domain.md §8): the account
first, its activation and password, the first login's e-mail code and authenticator app,
then the structure and the workspaces. Its pages are ``today_*.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from weakref import WeakKeyDictionary

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from chorus_wizard.backend.http import new_client
from chorus_wizard.backend.portal_api import PortalApi
from chorus_wizard.ui.pages.base import WizardContext
from chorus_wizard.ui.widgets.common import field_label

#: The values of ``--parcours`` (and of the Paramètres and a scenario's ``parcours``).
GUIDE_PATH = "guide"
TODAY_PATH = "portail-actuel"
PATHS = (GUIDE_PATH, TODAY_PATH)


@dataclass
class TodayState:
    """What today's path carries from page to page (in memory only)."""

    base_url: str
    email: str = ""
    login_ticket: str = ""
    #: The ``otpauth://`` URI while the authenticator is enrolled.
    totp_uri: str = ""
    workspaces: list[str] = field(default_factory=list)

    @cached_property
    def api(self) -> PortalApi:
        """The sandbox's client for this path, made at its first call (in a worker)."""
        return PortalApi(new_client(), self.base_url)


_STATES: WeakKeyDictionary[WizardContext, TodayState] = WeakKeyDictionary()


def state_of(context: WizardContext) -> TodayState:
    """The path's state for this wizard (built on first use)."""
    state = _STATES.get(context)
    if state is None:
        state = TodayState(context.profile.signup_url)
        _STATES[context] = state
    return state


def add_row(form: QFormLayout, label: str, edit: QLineEdit, *, required: bool = False) -> None:
    edit.setAccessibleName(label.replace("&", ""))
    form.addRow(field_label(label, edit, required=required), edit)


def line(parent: QWidget | None = None) -> QLineEdit:
    return QLineEdit(parent)


def latest_mail_text(context: WizardContext, email: str) -> str:
    """The newest mail the sandbox "sent" to ``email`` (run in a worker)."""
    mails = context.service.received_mails(email)
    return mails[0].text if mails else ""
