"""The shape of the sandbox database, version by version, and the one function that brings a
database file up to the latest.

The database's version is SQLite's ``PRAGMA user_version``: the number of steps of
:data:`MIGRATIONS` applied to it. :func:`upgrade` runs the missing steps in order, and records
the new version, in ONE ``BEGIN IMMEDIATE`` transaction: two processes opening the same file at
once are serialised by SQLite, the second finds the work done; a step that fails leaves the
file as it was.

To change the schema, APPEND a step (never edit one already released: files in the field have
run it)::

    MIGRATIONS = [
        ...,
        "ALTER TABLE accounts ADD COLUMN telephone TEXT NOT NULL DEFAULT ''",
    ]

A step is SQL (one or more statements), or a function given the connection for changes SQL
alone cannot express. A file of a later release, whose version is beyond this list, is refused
with :class:`SchemaTooNew` and left untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

#: First numbers handed out, so ids look like Chorus Pro's and cannot be confused with counters.
FIRST_STRUCTURE_ID = 26_000_000
FIRST_ACCOUNT_ID = 500_000

#: Version 1: the schema as it was when versions were introduced. Every statement is written
#: "IF NOT EXISTS" (or is otherwise harmless when repeated) because this step also ADOPTS the
#: files written before versions existed (user_version 0, tables already there): it completes
#: them as those releases did at each start, dropping the table of attempts an older release
#: kept.
VERSION_1 = f"""
CREATE TABLE IF NOT EXISTS structures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type_identifiant TEXT NOT NULL,
    identifiant TEXT NOT NULL,
    raison_sociale TEXT NOT NULL,
    libelle TEXT NOT NULL DEFAULT '',
    adresse TEXT NOT NULL DEFAULT '',
    complement1 TEXT NOT NULL DEFAULT '',
    complement2 TEXT NOT NULL DEFAULT '',
    code_postal TEXT NOT NULL DEFAULT '',
    ville TEXT NOT NULL DEFAULT '',
    code_pays TEXT NOT NULL DEFAULT 'FR',
    privee_publique TEXT NOT NULL DEFAULT 'PRIVEE',
    created_at REAL NOT NULL,
    UNIQUE (type_identifiant, identifiant)
);
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL COLLATE NOCASE UNIQUE,
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    statut TEXT NOT NULL,
    structure_id INTEGER NOT NULL REFERENCES structures(id),
    gestionnaire_principal INTEGER NOT NULL,
    deposer_demandes_paiement INTEGER NOT NULL DEFAULT 1,
    dume INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    question_id INTEGER,
    answer_hash TEXT,
    jeton_hash TEXT,
    jeton_expires_at REAL,
    created_at REAL NOT NULL,
    activated_at REAL
);
CREATE TABLE IF NOT EXISTS account_workspaces (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    code TEXT NOT NULL,
    PRIMARY KEY (account_id, code)
);
CREATE TABLE IF NOT EXISTS activation_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    code_hash TEXT NOT NULL UNIQUE,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL,
    invalidated_at REAL
);
DROP TABLE IF EXISTS activation_attempts;
CREATE TABLE IF NOT EXISTS activation_failures (
    email TEXT NOT NULL COLLATE NOCASE,
    source TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until REAL,
    PRIMARY KEY (email, source)
);
CREATE TABLE IF NOT EXISTS idempotency (
    key_hash TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS attachment_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    structure_id INTEGER NOT NULL REFERENCES structures(id),
    email TEXT NOT NULL,
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    statut TEXT NOT NULL DEFAULT 'EN_ATTENTE',
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    maildir_key TEXT NOT NULL UNIQUE,
    relay INTEGER NOT NULL,
    created_at REAL NOT NULL,
    delivered_at REAL,
    relayed_at REAL,
    relay_failures INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_unrelayed ON outbox (id)
    WHERE relay = 1 AND delivered_at IS NOT NULL AND relayed_at IS NULL;
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'structures', {FIRST_STRUCTURE_ID}
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'structures');
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'accounts', {FIRST_ACCOUNT_ID}
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'accounts');
"""

Step = str | Callable[[sqlite3.Connection], None]

#: The steps, oldest first: a database at version N has run the first N. Append only.
MIGRATIONS: list[Step] = [
    VERSION_1,
    # 2: « Téléphone » on step 2 (optional)
    "ALTER TABLE accounts ADD COLUMN telephone TEXT NOT NULL DEFAULT ''",
    # 3: today's portal rehearsed (sandbox/portal/): an account without a structure, its
    # activation and login codes, its second factor (the TOTP secret is the server side of a
    # rehearsal: kept here, never logged), its login tickets and sessions, its workspaces.
    """
CREATE TABLE portal_accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL COLLATE NOCASE UNIQUE,
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    telephone TEXT NOT NULL DEFAULT '',
    email_contact TEXT NOT NULL,
    cgu_accepted_at REAL NOT NULL,
    stage TEXT NOT NULL,
    password_hash TEXT,
    totp_secret TEXT,
    totp_enrolled_at REAL,
    totp_last_step INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until REAL,
    structure_id INTEGER REFERENCES structures(id),
    structure_outcome TEXT,
    created_at REAL NOT NULL
);
CREATE TABLE portal_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES portal_accounts(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL
);
CREATE TABLE portal_tickets (
    ticket_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES portal_accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    expires_at REAL NOT NULL
);
CREATE TABLE portal_workspaces (
    account_id INTEGER NOT NULL REFERENCES portal_accounts(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (account_id, code)
);
""",
]


class SchemaTooNew(Exception):
    """The database was written by a later release: its version is beyond :data:`MIGRATIONS`.
    ``str()`` says so in French, naming the file and both versions."""

    def __init__(self, path: Path, version: int, known: int) -> None:
        super().__init__(
            f"La base de données du bac à sable {path} est au format {version}, plus récent que "
            f"le format {known} que connaît cette version de chorus-wizard\u00a0: elle n'a pas "
            "été modifiée. Utilisez une version plus récente de chorus-wizard, ou un autre "
            "dossier de données (--data-dir)."
        )
        self.path = path
        self.version = version
        self.known = known


def latest_version(migrations: list[Step] | None = None) -> int:
    """The version a database has once every step of ``migrations`` ran."""
    return len(MIGRATIONS if migrations is None else migrations)


def _statements(script: str) -> Iterator[str]:
    """The statements of ``script``, one by one (``executescript`` would commit first)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip():
        yield pending


def upgrade(conn: sqlite3.Connection, path: Path, migrations: list[Step] | None = None) -> int:
    """Bring the database of ``conn`` (opened with ``isolation_level=None``) to the latest
    version of ``migrations`` (default :data:`MIGRATIONS`) in one transaction; returns the
    version it had. Raises :class:`SchemaTooNew`, changing nothing, for a later release's file.
    """
    steps = MIGRATIONS if migrations is None else migrations
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found > len(steps):
            raise SchemaTooNew(path, found, len(steps))
        for step in steps[found:]:
            if isinstance(step, str):
                for statement in _statements(step):
                    conn.execute(statement)
            else:
                step(conn)
        if found < len(steps):
            conn.execute(f"PRAGMA user_version = {len(steps)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return found
