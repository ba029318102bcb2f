"""The sandbox database's schema version: a data folder written before versions existed still
serves, a later migration applies once, a later release's file is refused untouched, and two
processes opening a new file at once both succeed."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from chorus_wizard.contracts.room import API_PREFIX, TOKEN_HEADER
from chorus_wizard.contracts.signup import JETON_HEADER
from chorus_wizard.resources import resource_path
from chorus_wizard.sandbox.__main__ import main
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import load_scenario
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.store.schema import MIGRATIONS, SchemaTooNew, latest_version, upgrade
from chorus_wizard.sandbox.store.storage import STATUS_ACTIVE, STATUS_PENDING, Storage
from tests.room.trainee import latest_activation_code
from tests.sandbox.helpers import FakeClock, serving

FIXTURE = Path(__file__).parents[1] / "data" / "sandbox-before-schema-version"
MANIFEST: dict[str, Any] = json.loads((FIXTURE / "manifest.json").read_text(encoding="utf-8"))
#: A step a later release might append (a column no release has).
NEW_COLUMN = "ALTER TABLE accounts ADD COLUMN essai TEXT NOT NULL DEFAULT ''"


def old_data_folder(tmp_path: Path) -> Path:
    """A copy of the fixture's data folder (git keeps no empty folder: Maildir's are made)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    for sub in ("tmp", "new", "cur"):
        (data / "sandbox" / "mail" / sub).mkdir(exist_ok=True)
    return data


def user_version(database: Path) -> int:
    with closing(sqlite3.connect(database)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def columns(database: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(database)) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def scrypt_matches(secret: str, stored: str) -> bool:
    """Whether ``stored`` (``scrypt$n$r$p$salt$hash``) is the hash of ``secret``."""
    _, n, r, p, salt, expected = stored.split("$")
    derived = hashlib.scrypt(
        secret.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return derived.hex() == expected


def trainees(state: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What the room's page says of each trainee that the database keeps."""
    return [
        (
            t["cle"],
            t["email"],
            t["etape"],
            t["identifiant"],
            t["raisonSociale"],
            t["echecs"],
            t["idCompte"],
            t["idDemande"],
            [m["objet"] for m in t["courriels"]],
        )
        for t in state["stagiaires"]
    ]


def test_the_fixture_was_written_before_versions(tmp_path: Path) -> None:
    assert MANIFEST["user_version"] == 0
    assert user_version(FIXTURE / "data" / "sandbox" / "sandbox.db") == 0


def test_a_data_folder_written_before_versions_serves_every_record(tmp_path: Path) -> None:
    data = old_data_folder(tmp_path)
    database = data / "sandbox" / "sandbox.db"
    clock = FakeClock()  # the fixture's time: its codes and tokens are still valid
    clock.now = datetime.fromisoformat(MANIFEST["written_at"]).replace(microsecond=0)
    clock.advance(minutes=1)
    room = RoomConfig(scenario=load_scenario(resource_path("scenarios", MANIFEST["scenario"])))
    pending, activated, attachment = (
        MANIFEST["pending"],
        MANIFEST["activated"],
        MANIFEST["attachment"],
    )

    with (
        serving(SandboxServer(data, clock=clock, room=room)) as server,
        httpx.Client(base_url=server.base_url, timeout=20) as http,
        httpx.Client(
            base_url=server.base_url, headers={TOKEN_HEADER: room.token}, timeout=20
        ) as trainer,
    ):
        assert user_version(database) == latest_version()
        # Version 2's column, there for every account, empty for those made before it.
        with closing(sqlite3.connect(database)) as conn:
            phones = conn.execute("SELECT email, telephone FROM accounts").fetchall()
        assert (pending["email"], "") in phones and (activated["email"], "") in phones

        # The account awaiting activation, read back with its signup token.
        answer = http.get(
            f"/sandbox/v1/comptes/{pending['idCompte']}", headers={JETON_HEADER: pending["jeton"]}
        )
        assert answer.status_code == 200, answer.text
        account = answer.json()
        assert (account["email"], account["nom"], account["prenom"]) == (
            pending["email"],
            pending["nom"],
            pending["prenom"],
        )
        assert account["statut"] == STATUS_PENDING
        assert account["structure"]["identifiantStructure"] == pending["siret"]

        # The room's page lists the same trainees, steps, failures and mails as before.
        state = trainer.get(f"{API_PREFIX}/etat")
        assert state.status_code == 200, state.text
        assert trainees(state.json()) == trainees(MANIFEST["room_state"])
        assert state.json()["demandesEnAttente"] == MANIFEST["room_state"]["demandesEnAttente"]
        assert [t["idDemande"] for t in state.json()["stagiaires"] if t["idDemande"]] == [
            attachment["answer"]["idDemande"]
        ]

        # The mails are still listed, the newest first (to the trainer: a mailbox answers only
        # to its account's signup token or to the room's).
        for person, subjects in ((pending, 2), (activated, 1), (attachment, 1)):
            mails = trainer.get("/sandbox/v1/courriels", params={"email": person["email"]})
            assert mails.status_code == 200, mails.text
            assert len(mails.json()["courriels"]) == subjects, person["email"]

        # The activated account keeps its password, question and answer, and its workspaces.
        with Storage(database).transaction(write=False) as session:
            row = session.find_account_by_email(activated["email"])
            assert row is not None and row.id == activated["idCompte"]
            assert row.status == STATUS_ACTIVE
            assert row.question_id == MANIFEST["question_id"]
            assert row.password_hash is not None
            assert scrypt_matches(MANIFEST["password"], row.password_hash)
            assert not scrypt_matches("Autre-Mot-de-passe-1", row.password_hash)
            assert row.answer_hash is not None
            assert session.workspaces(row.id) == set(activated["espaces"])

        # The account awaiting activation still activates with the code of its last mail.
        mail_dir = data / "sandbox" / "mail"
        done = http.post(
            "/sandbox/v1/activation",
            json={
                "email": pending["email"],
                "code": latest_activation_code(mail_dir, pending["email"]),
                "motDePasse": MANIFEST["password"],
                "idQuestionSecrete": MANIFEST["question_id"],
                "reponseQuestionSecrete": MANIFEST["answer"],
            },
        )
        assert done.status_code == 200, done.text


def test_a_new_column_is_added_once_and_reopening_changes_nothing(tmp_path: Path) -> None:
    data = old_data_folder(tmp_path)
    database = data / "sandbox" / "sandbox.db"
    steps = [*MIGRATIONS, NEW_COLUMN]
    with closing(sqlite3.connect(database, isolation_level=None)) as conn:
        assert upgrade(conn, database, steps) == 0
    assert user_version(database) == len(MIGRATIONS) + 1
    assert "essai" in columns(database, "accounts")
    with closing(sqlite3.connect(database)) as conn:
        rows = conn.execute("SELECT email, essai FROM accounts ORDER BY id").fetchall()
    assert (MANIFEST["activated"]["email"], "") in rows
    assert (MANIFEST["pending"]["email"], "") in rows
    before = database.read_bytes()
    with closing(sqlite3.connect(database, isolation_level=None)) as conn:
        # Run again, the ALTER TABLE would fail ("duplicate column name").
        assert upgrade(conn, database, steps) == len(steps)
    assert database.read_bytes() == before
    assert columns(database, "accounts").count("essai") == 1


def test_a_file_of_the_current_version_gets_only_the_new_step(tmp_path: Path) -> None:
    database = tmp_path / "sandbox.db"
    Storage(database)
    assert user_version(database) == latest_version()
    with closing(sqlite3.connect(database, isolation_level=None)) as conn:
        assert upgrade(conn, database, [*MIGRATIONS, NEW_COLUMN]) == latest_version()
    assert "essai" in columns(database, "accounts")


def test_a_failing_step_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    data = old_data_folder(tmp_path)
    database = data / "sandbox" / "sandbox.db"
    before = database.read_bytes()
    with (
        closing(sqlite3.connect(database, isolation_level=None)) as conn,
        pytest.raises(sqlite3.OperationalError),
    ):
        upgrade(conn, database, [*MIGRATIONS, NEW_COLUMN, "ALTER TABLE absente ADD COLUMN x"])
    assert user_version(database) == 0
    assert "essai" not in columns(database, "accounts")
    assert database.read_bytes() == before


def test_a_later_release_file_is_refused_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "data" / "sandbox" / "sandbox.db"
    Storage(database)
    newer = latest_version() + 3
    with closing(sqlite3.connect(database)) as conn:
        conn.execute(f"PRAGMA user_version = {newer}")
        conn.commit()
    before = database.read_bytes()

    with pytest.raises(SchemaTooNew) as refused:
        Storage(database)
    message = str(refused.value)
    assert str(database) in message
    assert f"au format {newer}, plus récent que le format {latest_version()}" in message
    assert "elle n'a pas été modifiée" in message
    assert database.read_bytes() == before

    assert main(["--data-dir", str(tmp_path / "data")]) != 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [message]
    assert "Traceback" not in out + err
    assert database.read_bytes() == before
    assert user_version(database) == newer


OPEN_AT = """
import sys, time
from pathlib import Path
from chorus_wizard.sandbox.store.storage import Storage
start = float(sys.argv[2])
while time.time() < start:
    pass
Storage(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("kind", ["new", "before-versions"])
def test_two_processes_opening_at_once_both_succeed(tmp_path: Path, kind: str) -> None:
    if kind == "new":
        database = tmp_path / "sandbox.db"
    else:
        database = old_data_folder(tmp_path) / "sandbox" / "sandbox.db"
    start = time.time() + 3  # both past their imports, then released together
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT, str(database), str(start)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=60), p.stderr.read() if p.stderr else "") for p in processes]
    for process in processes:
        if process.stderr:
            process.stderr.close()
    assert results == [(0, ""), (0, "")]
    assert user_version(database) == latest_version()
    with closing(sqlite3.connect(database)) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        sequences = conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    assert {"structures", "accounts", "outbox", "activation_failures"} <= names
    # The first ids were inserted once, not once per process.
    assert [name for name, _ in sequences].count("accounts") == 1
    assert [name for name, _ in sequences].count("structures") == 1
