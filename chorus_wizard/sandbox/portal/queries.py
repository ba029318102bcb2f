"""The storage queries of today's portal rehearsal (tables of schema.py's version 3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from chorus_wizard.contracts.portal import Stage
from chorus_wizard.sandbox.store.storage import Session

#: What a code of ``portal_codes`` is for.
ACTIVATION = "ACTIVATION"
LOGIN_MAIL = "CONNEXION"
#: What a ticket of ``portal_tickets`` is: a login in progress, or a session.
LOGIN = "CONNEXION"
SESSION = "SESSION"


@dataclass(frozen=True)
class PortalAccount:
    id: int
    email: str
    nom: str
    prenom: str
    telephone: str
    email_contact: str
    stage: Stage
    password_hash: str | None
    totp_secret: str | None
    totp_enrolled_at: float | None
    totp_last_step: int | None
    failures: int
    locked_until: float | None
    structure_id: int | None
    structure_outcome: str | None
    created_at: float


_COLUMNS = (
    "id, email, nom, prenom, telephone, email_contact, stage, password_hash, totp_secret, "
    "totp_enrolled_at, totp_last_step, failures, locked_until, structure_id, "
    "structure_outcome, created_at"
)


def _account(row: tuple[object, ...]) -> PortalAccount:
    values = list(row)
    values[6] = Stage(str(values[6]))
    return PortalAccount(*values)  # type: ignore[arg-type]


class PortalQueries:
    """The queries of one transaction (a :class:`~chorus_wizard.sandbox.store.storage.Session`)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._conn = session._conn

    # Accounts ---------------------------------------------------------------------------

    def account_by_email(self, email: str) -> PortalAccount | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM portal_accounts WHERE email = ?", (email,)
        ).fetchone()
        return _account(tuple(row)) if row else None

    def account(self, account_id: int) -> PortalAccount | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM portal_accounts WHERE id = ?", (account_id,)
        ).fetchone()
        return _account(tuple(row)) if row else None

    def all_accounts(self) -> list[PortalAccount]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM portal_accounts ORDER BY id")
        return [_account(tuple(row)) for row in rows.fetchall()]

    def legacy_email_taken(self, email: str) -> bool:
        """Whether the guide's path already has an account for this address."""
        found = self._conn.execute("SELECT 1 FROM accounts WHERE email = ?", (email,)).fetchone()
        return found is not None

    def insert_account(
        self,
        *,
        email: str,
        nom: str,
        prenom: str,
        telephone: str,
        email_contact: str,
        now: float,
    ) -> int:
        cursor = self._conn.execute(
            "INSERT INTO portal_accounts (email, nom, prenom, telephone, email_contact, "
            "cgu_accepted_at, stage, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (email, nom, prenom, telephone, email_contact, now, Stage.CREATED.value, now),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def set_stage(self, account_id: int, stage: Stage) -> None:
        self._conn.execute(
            "UPDATE portal_accounts SET stage = ? WHERE id = ?", (stage.value, account_id)
        )

    def set_password(self, account_id: int, password_hash: str) -> None:
        self._conn.execute(
            "UPDATE portal_accounts SET password_hash = ?, stage = ? WHERE id = ?",
            (password_hash, Stage.ACTIVE.value, account_id),
        )

    def set_totp_secret(self, account_id: int, secret: str | None) -> None:
        """A new secret being enrolled (or none: the second factor reset)."""
        self._conn.execute(
            "UPDATE portal_accounts SET totp_secret = ?, totp_enrolled_at = NULL, "
            "totp_last_step = NULL WHERE id = ?",
            (secret, account_id),
        )

    def totp_accepted(self, account_id: int, step: int, *, enrolled_at: float | None) -> None:
        """A TOTP code was accepted: its step is never accepted again (RFC 6238 §5.2)."""
        if enrolled_at is None:
            self._conn.execute(
                "UPDATE portal_accounts SET totp_last_step = ? WHERE id = ?", (step, account_id)
            )
        else:
            self._conn.execute(
                "UPDATE portal_accounts SET totp_last_step = ?, totp_enrolled_at = ? WHERE id = ?",
                (step, enrolled_at, account_id),
            )

    def record_failure(self, account_id: int) -> int:
        """One more failure (password, e-mail code or TOTP); returns the count."""
        self._conn.execute(
            "UPDATE portal_accounts SET failures = failures + 1 WHERE id = ?", (account_id,)
        )
        row = self._conn.execute(
            "SELECT failures FROM portal_accounts WHERE id = ?", (account_id,)
        ).fetchone()
        return int(row[0])

    def lock(self, account_id: int, until: float) -> None:
        self._conn.execute(
            "UPDATE portal_accounts SET locked_until = ?, failures = 0 WHERE id = ?",
            (until, account_id),
        )

    def clear_failures(self, account_id: int) -> None:
        self._conn.execute(
            "UPDATE portal_accounts SET failures = 0, locked_until = NULL WHERE id = ?",
            (account_id,),
        )

    def set_structure(self, account_id: int, structure_id: int, outcome: str) -> None:
        self._conn.execute(
            "UPDATE portal_accounts SET structure_id = ?, structure_outcome = ?, stage = ? "
            "WHERE id = ?",
            (structure_id, outcome, Stage.STRUCTURE.value, account_id),
        )

    def set_workspaces(self, account_id: int, codes: Iterable[str]) -> None:
        self._conn.execute("DELETE FROM portal_workspaces WHERE account_id = ?", (account_id,))
        self._conn.executemany(
            "INSERT INTO portal_workspaces (account_id, code) VALUES (?, ?)",
            [(account_id, code) for code in codes],
        )
        self.set_stage(account_id, Stage.DONE)

    def delete_account(self, account_id: int) -> None:
        for table in ("portal_workspaces", "portal_tickets", "portal_codes"):
            self._conn.execute(f"DELETE FROM {table} WHERE account_id = ?", (account_id,))
        self._conn.execute("DELETE FROM portal_accounts WHERE id = ?", (account_id,))

    def structure_in_use(self, structure_id: int) -> bool:
        """Whether an account of either path belongs to the structure."""
        found = self._conn.execute(
            "SELECT 1 FROM accounts WHERE structure_id = ? UNION ALL "
            "SELECT 1 FROM portal_accounts WHERE structure_id = ? LIMIT 1",
            (structure_id, structure_id),
        ).fetchone()
        return found is not None

    def delete_structure(self, structure_id: int) -> None:
        """A structure no account uses any more, with the attachment requests made to it."""
        self._conn.execute(
            "DELETE FROM attachment_requests WHERE structure_id = ?", (structure_id,)
        )
        self._conn.execute("DELETE FROM structures WHERE id = ?", (structure_id,))

    # Codes and tickets ------------------------------------------------------------------

    def insert_code(self, account_id: int, purpose: str, code_hash: str, expires_at: float) -> None:
        """A new code; the earlier codes of the same purpose stop being valid."""
        self._conn.execute(
            "DELETE FROM portal_codes WHERE account_id = ? AND purpose = ?", (account_id, purpose)
        )
        self._conn.execute(
            "INSERT INTO portal_codes (account_id, purpose, code_hash, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (account_id, purpose, code_hash, expires_at),
        )

    def add_code(self, account_id: int, purpose: str, code_hash: str, expires_at: float) -> None:
        """One more code, the earlier ones still valid until they expire (a resend asked by
        the address alone must not void the link its owner holds)."""
        self._conn.execute(
            "INSERT INTO portal_codes (account_id, purpose, code_hash, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (account_id, purpose, code_hash, expires_at),
        )

    def code(self, purpose: str, code_hash: str) -> tuple[int, float, float | None] | None:
        """``(account id, expiry, used at)`` of the code with this hash."""
        row = self._conn.execute(
            "SELECT account_id, expires_at, used_at FROM portal_codes "
            "WHERE purpose = ? AND code_hash = ?",
            (purpose, code_hash),
        ).fetchone()
        return (int(row[0]), float(row[1]), row[2]) if row else None

    def account_code(self, account_id: int, purpose: str) -> tuple[str, float, float | None] | None:
        """``(hash, expiry, used at)`` of the account's current code for ``purpose``."""
        row = self._conn.execute(
            "SELECT code_hash, expires_at, used_at FROM portal_codes "
            "WHERE account_id = ? AND purpose = ?",
            (account_id, purpose),
        ).fetchone()
        return (str(row[0]), float(row[1]), row[2]) if row else None

    def use_code(self, account_id: int, purpose: str, now: float) -> None:
        self._conn.execute(
            "UPDATE portal_codes SET used_at = ? WHERE account_id = ? AND purpose = ?",
            (now, account_id, purpose),
        )

    def insert_ticket(
        self, ticket_hash: str, account_id: int, kind: str, expires_at: float
    ) -> None:
        self._conn.execute(
            "INSERT INTO portal_tickets (ticket_hash, account_id, kind, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (ticket_hash, account_id, kind, expires_at),
        )

    def ticket(self, ticket_hash: str, kind: str, now: float) -> int | None:
        """The account of a ticket still valid."""
        row = self._conn.execute(
            "SELECT account_id FROM portal_tickets WHERE ticket_hash = ? AND kind = ? "
            "AND expires_at > ?",
            (ticket_hash, kind, now),
        ).fetchone()
        return int(row[0]) if row else None

    def drop_tickets(self, account_id: int, kind: str | None = None) -> None:
        if kind is None:
            self._conn.execute("DELETE FROM portal_tickets WHERE account_id = ?", (account_id,))
        else:
            self._conn.execute(
                "DELETE FROM portal_tickets WHERE account_id = ? AND kind = ?", (account_id, kind)
            )
