"""The training room's queries: its accounts, attachment requests and attempts as the
trainer's page shows them, and the resets it offers (a :class:`RoomSession` is a
:class:`~chorus_wizard.sandbox.store.storage.Session` of the same transaction)."""

from __future__ import annotations

from dataclasses import dataclass

from chorus_wizard.sandbox.store.storage import Session, is_row_id


@dataclass(frozen=True)
class RoomAccountRow:
    """One account of the room with its structure and its failed activation attempts."""

    account_id: int
    email: str
    last_name: str
    first_name: str
    status: str
    created_at: float
    activated_at: float | None
    id_type: str
    identifier: str
    company_name: str
    failures: int
    locked_until: float | None


@dataclass(frozen=True)
class RoomAttachmentRow:
    """One attachment request of the room, with the structure it asks for."""

    request_id: int
    email: str
    last_name: str
    first_name: str
    status: str
    created_at: float
    id_type: str
    identifier: str
    company_name: str
    failures: int
    locked_until: float | None


class RoomSession(Session):
    """The queries of the trainer's page (:mod:`chorus_wizard.sandbox.room.routes`): read the whole
    room, settle attachment requests, and remove signups so an exercise can be replayed."""

    @classmethod
    def of(cls, session: Session) -> RoomSession:
        return cls(session._conn)

    def room_accounts(self) -> list[RoomAccountRow]:
        rows = self._conn.execute(
            "SELECT a.id, a.email, a.nom, a.prenom, a.statut, a.created_at, a.activated_at, "
            "s.type_identifiant, s.identifiant, s.raison_sociale, "
            "COALESCE(t.failures, 0) AS failures, t.locked_until "
            "FROM accounts a JOIN structures s ON s.id = a.structure_id "
            "LEFT JOIN (SELECT email, SUM(failures) AS failures, MAX(locked_until) AS locked_until "
            "FROM activation_failures GROUP BY email) t ON t.email = a.email ORDER BY a.id"
        ).fetchall()
        return [
            RoomAccountRow(
                account_id=r["id"],
                email=r["email"],
                last_name=r["nom"],
                first_name=r["prenom"],
                status=r["statut"],
                created_at=r["created_at"],
                activated_at=r["activated_at"],
                id_type=r["type_identifiant"],
                identifier=r["identifiant"],
                company_name=r["raison_sociale"],
                failures=int(r["failures"]),
                locked_until=r["locked_until"],
            )
            for r in rows
        ]

    def room_attachments(self) -> list[RoomAttachmentRow]:
        rows = self._conn.execute(
            "SELECT r.id, r.email, r.nom, r.prenom, r.statut, r.created_at, "
            "s.type_identifiant, s.identifiant, s.raison_sociale, "
            "COALESCE(t.failures, 0) AS failures, t.locked_until "
            "FROM attachment_requests r JOIN structures s ON s.id = r.structure_id "
            "LEFT JOIN (SELECT email, SUM(failures) AS failures, MAX(locked_until) AS locked_until "
            "FROM activation_failures GROUP BY email) t ON t.email = r.email ORDER BY r.id"
        ).fetchall()
        return [
            RoomAttachmentRow(
                request_id=r["id"],
                email=r["email"],
                last_name=r["nom"],
                first_name=r["prenom"],
                status=r["statut"],
                created_at=r["created_at"],
                id_type=r["type_identifiant"],
                identifier=r["identifiant"],
                company_name=r["raison_sociale"],
                failures=int(r["failures"]),
                locked_until=r["locked_until"],
            )
            for r in rows
        ]

    def attempts_of(self, email: str) -> tuple[int, float | None]:
        """Failed attempts counted since the last lock, from every source, and the latest
        lock's end (each source is locked on its own)."""
        row = self._conn.execute(
            "SELECT SUM(failures) AS failures, MAX(locked_until) AS locked_until "
            "FROM activation_failures WHERE email = ?",
            (email,),
        ).fetchone()
        return (int(row["failures"] or 0), row["locked_until"]) if row else (0, None)

    def attempts_by_source(self) -> dict[tuple[str, str], tuple[int, float | None]]:
        """Failed attempts and lock end of every ``(address, source)``: a trainee's row
        counts those of the trainee's own machine only."""
        rows = self._conn.execute(
            "SELECT email, source, failures, locked_until FROM activation_failures"
        ).fetchall()
        return {
            (row["email"], row["source"]): (int(row["failures"]), row["locked_until"])
            for row in rows
        }

    def get_attachment_request(self, request_id: int) -> RoomAttachmentRow | None:
        if not is_row_id(request_id):
            return None
        return next((r for r in self.room_attachments() if r.request_id == request_id), None)

    def settle_attachment_request(self, request_id: int, status: str) -> None:
        self._conn.execute(
            "UPDATE attachment_requests SET statut = ? WHERE id = ?", (status, request_id)
        )

    def delete_signup(self, email: str, *, keep_structures: set[tuple[str, str]]) -> bool:
        """Remove every trace of ``email``'s signup: its account, the structure it created
        (unless it is in ``keep_structures``, the seeded ones), its codes, attempts, attachment
        requests and stored idempotent replies. Returns whether anything was removed."""
        removed = self._conn.execute(
            "DELETE FROM attachment_requests WHERE email = ?", (email,)
        ).rowcount
        removed += self._conn.execute(
            "DELETE FROM activation_failures WHERE email = ?", (email,)
        ).rowcount
        account = self.find_account_by_email(email)
        if account is None:
            return removed > 0
        self._delete_accounts([account.id])
        structure = self.get_structure(account.structure_id)
        in_use = self._conn.execute(
            "SELECT 1 FROM accounts WHERE structure_id = ? UNION ALL "
            "SELECT 1 FROM portal_accounts WHERE structure_id = ? LIMIT 1",
            (account.structure_id, account.structure_id),
        ).fetchone()
        if (
            structure is not None
            and in_use is None
            and (structure.identifier_type, structure.identifier) not in keep_structures
        ):
            self._conn.execute(
                "DELETE FROM attachment_requests WHERE structure_id = ?", (structure.id,)
            )
            self._conn.execute("DELETE FROM structures WHERE id = ?", (structure.id,))
        return True

    def reset_room(self, *, keep_emails: set[str], keep_structures: set[tuple[str, str]]) -> None:
        """Remove every signup, keeping the seeded structures and their managers (the accounts
        of today's path are removed first, by the caller, in the same transaction)."""
        self._conn.execute("DELETE FROM attachment_requests")
        self._conn.execute("DELETE FROM activation_failures")
        self._conn.execute("DELETE FROM idempotency")
        kept = {e.casefold() for e in keep_emails}
        ids = [
            int(r["id"])
            for r in self._conn.execute("SELECT id, email FROM accounts").fetchall()
            if str(r["email"]).casefold() not in kept
        ]
        self._delete_accounts(ids)
        for row in self._conn.execute(
            "SELECT id, type_identifiant, identifiant FROM structures"
        ).fetchall():
            if (row["type_identifiant"], row["identifiant"]) in keep_structures:
                continue
            in_use = self._conn.execute(
                "SELECT 1 FROM accounts WHERE structure_id = ? UNION ALL "
                "SELECT 1 FROM portal_accounts WHERE structure_id = ? LIMIT 1",
                (row["id"], row["id"]),
            ).fetchone()
            if in_use is None:
                self._conn.execute("DELETE FROM structures WHERE id = ?", (row["id"],))

    def _delete_accounts(self, account_ids: list[int]) -> None:
        for account_id in account_ids:
            self._conn.execute("DELETE FROM activation_codes WHERE account_id = ?", (account_id,))
            self._conn.execute("DELETE FROM account_workspaces WHERE account_id = ?", (account_id,))
            self._conn.execute(
                "DELETE FROM idempotency WHERE json_extract(response, '$.idCompte') = ?",
                (account_id,),
            )
            self._conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))
