"""SQLite storage of the sandbox: structures, accounts, activation codes, attempts, requests, mail.

One connection per transaction, WAL mode, and ``BEGIN IMMEDIATE`` for every transaction that
writes, so concurrent requests are serialised by SQLite itself; the UNIQUE constraints are the
last line of defence against duplicates. Only hashes of secrets are ever stored: the outbox
table holds the Maildir name of each mail, its text stays in the Maildir (see
:mod:`chorus_wizard.sandbox.mail.outbox`). The tables themselves, version by version, are in
:mod:`chorus_wizard.sandbox.store.schema`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from chorus_wizard.contracts import record
from chorus_wizard.contracts.record import Field, Part, Signup
from chorus_wizard.sandbox.store.schema import upgrade

STATUS_PENDING = "EN_ATTENTE_ACTIVATION"
STATUS_ACTIVE = "ACTIF"


#: The record's fields each table stores, in a column of the field's name (or its ``column``).
STRUCTURE_FIELDS = tuple(f for f in record.RECORD_FIELDS if f.part is Part.STRUCTURE)
PERSON_FIELDS = tuple(f for f in record.RECORD_FIELDS if f.part is Part.PERSON)


@dataclass(frozen=True)
class StructureRow:
    """A structure as stored: its id, the record's structure fields, public or private."""

    id: int
    identifier_type: str
    identifier: str
    raison_sociale: str
    libelle: str
    adresse: str
    complement1: str
    complement2: str
    code_postal: str
    ville: str
    code_pays: str
    private_public: str


@dataclass(frozen=True)
class AccountRow:
    """An account as stored (hashes included: never serialise this object as is)."""

    id: int
    email: str
    nom: str
    prenom: str
    status: str
    structure_id: int
    main_manager: bool
    deposer_demandes_paiement: bool
    dume: bool
    password_hash: str | None
    question_id: int | None
    answer_hash: str | None
    jeton_hash: str | None
    jeton_expires_at: float | None


@dataclass(frozen=True)
class CodeRow:
    """An activation code as stored (only its hash)."""

    id: int
    account_id: int
    expires_at: float
    used_at: float | None
    invalidated_at: float | None


@dataclass(frozen=True)
class MailRow:
    """A mail of the outbox: its Maildir name, and whether it must also go through the relay."""

    id: int
    key: str
    relay: bool


@dataclass(frozen=True)
class IdempotentReply:
    """A stored first answer to replay for a repeated ``Idempotency-Key``."""

    request_hash: str
    status: int
    response: str


def is_row_id(value: int) -> bool:
    """Whether ``value`` can be a row id at all (SQLite integers are 64-bit signed): larger
    numbers from a client are simply unknown ids, not a reason to fail."""
    return 0 < value < 2**63


def _structure(row: sqlite3.Row) -> StructureRow:
    return StructureRow(
        id=row["id"],
        **{f.name: row[f.stored_as] for f in STRUCTURE_FIELDS},
        private_public=row["privee_publique"],
    )


def _account(row: sqlite3.Row) -> AccountRow:
    return AccountRow(
        id=row["id"],
        email=row["email"],
        nom=row["nom"],
        prenom=row["prenom"],
        status=row["statut"],
        structure_id=row["structure_id"],
        main_manager=bool(row["gestionnaire_principal"]),
        deposer_demandes_paiement=bool(row["deposer_demandes_paiement"]),
        dume=bool(row["dume"]),
        password_hash=row["password_hash"],
        question_id=row["question_id"],
        answer_hash=row["answer_hash"],
        jeton_hash=row["jeton_hash"],
        jeton_expires_at=row["jeton_expires_at"],
    )


def _insert(
    conn: sqlite3.Connection, table: str, fields: Iterable[Field], signup: Signup, **more: object
) -> int:
    """Insert the record's ``fields`` (and ``more`` columns) as one row of ``table``."""
    values = {f.stored_as: _plain(getattr(signup, f.name)) for f in fields} | more
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cursor = conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values())
    )
    return int(cursor.lastrowid or 0)


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


class Session:
    """The queries of one transaction. Obtain it from :meth:`Storage.transaction`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._after_commit: list[Callable[[], object]] = []
        self._after_rollback: list[Callable[[], object]] = []

    def after_commit(self, action: Callable[[], object]) -> None:
        """Run ``action`` once this transaction is committed (not if it is rolled back)."""
        if action not in self._after_commit:
            self._after_commit.append(action)

    def after_rollback(self, action: Callable[[], object]) -> None:
        """Run ``action`` if this transaction is rolled back."""
        self._after_rollback.append(action)

    # Structures -------------------------------------------------------------------------

    def find_structure(self, id_type: str, identifier: str) -> StructureRow | None:
        row = self._conn.execute(
            "SELECT * FROM structures WHERE type_identifiant = ? AND identifiant = ?",
            (id_type, identifier),
        ).fetchone()
        return _structure(row) if row else None

    def get_structure(self, structure_id: int) -> StructureRow | None:
        if not is_row_id(structure_id):
            return None
        row = self._conn.execute(
            "SELECT * FROM structures WHERE id = ?", (structure_id,)
        ).fetchone()
        return _structure(row) if row else None

    def search_structures(
        self,
        *,
        identifier: str | None,
        id_type: str | None,
        private_only: bool,
        order_by_name: bool,
        descending: bool,
        limit: int,
        offset: int,
    ) -> tuple[list[StructureRow], int]:
        """One page of structures matching the criteria, and the total count."""
        where = ["1 = 1"]
        args: list[object] = []
        if identifier:
            where.append("UPPER(REPLACE(identifiant, ' ', '')) = ?")
            args.append(identifier.upper())
        if id_type:
            where.append("type_identifiant = ?")
            args.append(id_type)
        if private_only:
            where.append("privee_publique = 'PRIVEE'")
        clause = " AND ".join(where)
        total = self._conn.execute(f"SELECT COUNT(*) FROM structures WHERE {clause}", args)
        count = int(total.fetchone()[0])
        column = "raison_sociale" if order_by_name else "identifiant"
        direction = "DESC" if descending else "ASC"
        rows = self._conn.execute(
            f"SELECT * FROM structures WHERE {clause} ORDER BY {column} {direction}, id "
            "LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        return [_structure(r) for r in rows], count

    def insert_structure(self, signup: Signup, *, now: float) -> int:
        """Insert the structure ``signup`` describes; raises ``sqlite3.IntegrityError`` if its
        identifier is taken."""
        return _insert(self._conn, "structures", STRUCTURE_FIELDS, signup, created_at=now)

    def main_manager(self, structure_id: int) -> AccountRow | None:
        row = self._conn.execute(
            "SELECT * FROM accounts WHERE structure_id = ? AND gestionnaire_principal = 1 "
            "ORDER BY id LIMIT 1",
            (structure_id,),
        ).fetchone()
        return _account(row) if row else None

    # Accounts ---------------------------------------------------------------------------

    def find_account_by_email(self, email: str) -> AccountRow | None:
        row = self._conn.execute("SELECT * FROM accounts WHERE email = ?", (email,)).fetchone()
        return _account(row) if row else None

    def get_account(self, account_id: int) -> AccountRow | None:
        if not is_row_id(account_id):
            return None
        row = self._conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
        return _account(row) if row else None

    def insert_account(
        self,
        signup: Signup,
        *,
        structure_id: int,
        main_manager: bool,
        status: str,
        jeton_hash: str | None,
        jeton_expires_at: float | None,
        now: float,
    ) -> int:
        """Insert the account of the person ``signup`` describes; raises
        ``sqlite3.IntegrityError`` if the e-mail is taken."""
        return _insert(
            self._conn,
            "accounts",
            PERSON_FIELDS,
            signup,
            statut=status,
            structure_id=structure_id,
            gestionnaire_principal=int(main_manager),
            jeton_hash=jeton_hash,
            jeton_expires_at=jeton_expires_at,
            created_at=now,
        )

    def workspaces(self, account_id: int) -> set[str]:
        rows = self._conn.execute(
            "SELECT code FROM account_workspaces WHERE account_id = ?", (account_id,)
        ).fetchall()
        return {r["code"] for r in rows}

    def set_workspaces(self, account_id: int, codes: Iterable[str]) -> None:
        self._conn.execute("DELETE FROM account_workspaces WHERE account_id = ?", (account_id,))
        self._conn.executemany(
            "INSERT OR IGNORE INTO account_workspaces (account_id, code) VALUES (?, ?)",
            [(account_id, code) for code in codes],
        )

    def activate_account(
        self, account_id: int, *, password_hash: str, question_id: int, answer_hash: str, now: float
    ) -> None:
        self._conn.execute(
            "UPDATE accounts SET statut = ?, password_hash = ?, question_id = ?, answer_hash = ?, "
            "activated_at = ? WHERE id = ?",
            (STATUS_ACTIVE, password_hash, question_id, answer_hash, now, account_id),
        )

    # Activation codes -------------------------------------------------------------------

    def insert_code(
        self, account_id: int, code_hash: str, *, now: float, expires_at: float
    ) -> None:
        self._conn.execute(
            "INSERT INTO activation_codes (account_id, code_hash, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (account_id, code_hash, now, expires_at),
        )

    def invalidate_codes(self, account_id: int, *, now: float) -> None:
        self._conn.execute(
            "UPDATE activation_codes SET invalidated_at = ? "
            "WHERE account_id = ? AND used_at IS NULL AND invalidated_at IS NULL",
            (now, account_id),
        )

    def find_code(self, code_hash: str) -> CodeRow | None:
        row = self._conn.execute(
            "SELECT * FROM activation_codes WHERE code_hash = ?", (code_hash,)
        ).fetchone()
        if row is None:
            return None
        return CodeRow(
            row["id"], row["account_id"], row["expires_at"], row["used_at"], row["invalidated_at"]
        )

    def code_valid_until(self, account_id: int) -> float | None:
        """When the account's code still in force (neither used nor replaced) expires."""
        row = self._conn.execute(
            "SELECT MAX(expires_at) AS until FROM activation_codes "
            "WHERE account_id = ? AND used_at IS NULL AND invalidated_at IS NULL",
            (account_id,),
        ).fetchone()
        return None if row is None or row["until"] is None else float(row["until"])

    def mark_code_used(self, code_id: int, *, now: float) -> None:
        self._conn.execute("UPDATE activation_codes SET used_at = ? WHERE id = ?", (now, code_id))

    # Failed activation attempts, per address and per source --------------------------------

    def locked_until(self, email: str, source: str) -> float | None:
        row = self._conn.execute(
            "SELECT locked_until FROM activation_failures WHERE email = ? AND source = ?",
            (email, source),
        ).fetchone()
        return row["locked_until"] if row else None

    def record_failure(self, email: str, source: str) -> int:
        """Count one more failed attempt for ``email`` from ``source``; returns the count."""
        self._conn.execute(
            "INSERT INTO activation_failures (email, source, failures) VALUES (?, ?, 1) "
            "ON CONFLICT (email, source) DO UPDATE SET failures = failures + 1",
            (email, source),
        )
        row = self._conn.execute(
            "SELECT failures FROM activation_failures WHERE email = ? AND source = ?",
            (email, source),
        ).fetchone()
        return int(row["failures"])

    def lock(self, email: str, source: str, until: float) -> None:
        self._conn.execute(
            "UPDATE activation_failures SET failures = 0, locked_until = ? "
            "WHERE email = ? AND source = ?",
            (until, email, source),
        )

    def failure_sources(self, email: str) -> list[str]:
        """The sources that tried wrong codes for ``email`` since its last activation."""
        rows = self._conn.execute(
            "SELECT source FROM activation_failures WHERE email = ?", (email,)
        ).fetchall()
        return [row["source"] for row in rows]

    def reset_attempts(self, email: str) -> None:
        """Forget the failures of every source for ``email`` (the account is activated)."""
        self._conn.execute("DELETE FROM activation_failures WHERE email = ?", (email,))

    # Idempotency ------------------------------------------------------------------------

    def idempotent_reply(self, key_hash: str) -> IdempotentReply | None:
        row = self._conn.execute(
            "SELECT * FROM idempotency WHERE key_hash = ?", (key_hash,)
        ).fetchone()
        if row is None:
            return None
        return IdempotentReply(row["request_hash"], row["status"], row["response"])

    def store_reply(
        self,
        key_hash: str,
        *,
        request_hash: str,
        status: int,
        response: str,
        now: float,
    ) -> None:
        self._conn.execute(
            "INSERT INTO idempotency (key_hash, request_hash, status, response, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (key_hash, request_hash, status, response, now),
        )

    def renew_jeton(self, account_id: int, jeton_hash: str, *, expires_at: float) -> None:
        """Replace the account's signup token (the old one stops working)."""
        self._conn.execute(
            "UPDATE accounts SET jeton_hash = ?, jeton_expires_at = ? WHERE id = ?",
            (jeton_hash, expires_at, account_id),
        )

    # Attachment requests ----------------------------------------------------------------

    def insert_attachment_request(
        self, structure_id: int, *, email: str, last_name: str, first_name: str, now: float
    ) -> int:
        cursor = self._conn.execute(
            "INSERT INTO attachment_requests (structure_id, email, nom, prenom, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (structure_id, email, last_name, first_name, now),
        )
        return int(cursor.lastrowid or 0)

    # Outbox -----------------------------------------------------------------------------

    def insert_mail(self, key: str, *, relay: bool, now: float) -> int:
        cursor = self._conn.execute(
            "INSERT INTO outbox (maildir_key, relay, created_at) VALUES (?, ?, ?)",
            (key, int(relay), now),
        )
        return int(cursor.lastrowid or 0)

    def undelivered_mail(self) -> list[MailRow]:
        """Mail not marked delivered; ``relay`` is whether it still has to be relayed."""
        rows = self._conn.execute(
            "SELECT id, maildir_key, relay = 1 AND relayed_at IS NULL AS relay FROM outbox "
            "WHERE delivered_at IS NULL ORDER BY id"
        ).fetchall()
        return [MailRow(r["id"], r["maildir_key"], bool(r["relay"])) for r in rows]

    def mark_mail_delivered(self, mail_ids: Iterable[int], *, now: float) -> None:
        self._conn.executemany(
            "UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
            [(now, mail_id) for mail_id in mail_ids],
        )

    def unrelayed_mail(self, *, max_failures: int) -> list[MailRow]:
        """Delivered mail that still has to go through the relay, oldest first."""
        rows = self._conn.execute(
            "SELECT id, maildir_key, relay FROM outbox WHERE relay = 1 "
            "AND delivered_at IS NOT NULL AND relayed_at IS NULL AND relay_failures < ? "
            "ORDER BY id",
            (max_failures,),
        ).fetchall()
        return [MailRow(r["id"], r["maildir_key"], True) for r in rows]

    def mark_mail_relayed(self, mail_id: int, *, now: float) -> None:
        self._conn.execute("UPDATE outbox SET relayed_at = ? WHERE id = ?", (now, mail_id))

    def record_relay_failure(self, mail_id: int) -> None:
        self._conn.execute(
            "UPDATE outbox SET relay_failures = relay_failures + 1 WHERE id = ?", (mail_id,)
        )

    # Seed -------------------------------------------------------------------------------

    def seed_registered(self, structures: Iterable[Signup], *, now: float) -> None:
        """Insert the pre-registered structures and their managers once (idempotent)."""
        for s in structures:
            if self.find_structure(s.identifier_type.value, s.identifier) is not None:
                continue
            structure_id = self.insert_structure(s, now=now)
            if self.find_account_by_email(s.email) is None:
                self.insert_account(
                    s,
                    structure_id=structure_id,
                    main_manager=True,
                    status=STATUS_ACTIVE,
                    jeton_hash=None,
                    jeton_expires_at=None,
                    now=now,
                )


class Storage:
    """The sandbox database at ``<data_dir>/sandbox/sandbox.db``, brought to the latest
    schema version when opened (:func:`~chorus_wizard.sandbox.store.schema.upgrade`; raises
    :class:`~chorus_wizard.sandbox.store.schema.SchemaTooNew` for a later release's file)."""

    def __init__(self, path: Path, *, busy_timeout: float = 30.0) -> None:
        self.path = path
        self._busy_timeout = busy_timeout
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as conn:
            # The version first: a later release's file is refused before anything changes.
            upgrade(conn, path)
            conn.execute("PRAGMA journal_mode = WAL")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction on its own connection: committed on exit, rolled back on error.

        The session's :meth:`~Session.after_commit` actions run once the commit is done (and
        the connection closed), its :meth:`~Session.after_rollback` actions after a rollback.
        """
        with closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            session = Session(conn)
            try:
                yield session
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                for action in session._after_rollback:
                    action()
                raise
        for action in session._after_commit:
            action()
