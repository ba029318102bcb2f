"""What makes a sandbox a training room: its token and its scenario (no FastAPI here).

``chorus-wizard-sandbox`` builds one at start-up, prints the token once for the trainer, and
hands it to :class:`~chorus_wizard.sandbox.server.SandboxServer`; the routes that use it live in
:mod:`chorus_wizard.sandbox.room.routes`.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

from chorus_wizard.sandbox.room.scenario import Scenario

DEFAULT_TITLE = "Salle de formation"


def new_room_token() -> str:
    """The room's token: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class RoomConfig:
    """What makes a sandbox a training room: its token and, optionally, its scenario."""

    token: str = field(default_factory=new_room_token)
    scenario: Scenario | None = None

    @property
    def title(self) -> str:
        return self.scenario.title if self.scenario else DEFAULT_TITLE

    @property
    def path(self) -> str:
        """The rehearsal's path the scenario sets for the trainees' wizards ("" for none)."""
        return self.scenario.path if self.scenario else ""

    def accepts(self, given: str | None) -> bool:
        """Constant-time comparison of a presented token with the room's."""
        return bool(given) and hmac.compare_digest(
            (given or "").encode("utf-8"), self.token.encode("utf-8")
        )
