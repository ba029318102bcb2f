"""Mail is part of the transaction: what was committed is delivered, once, even after a crash."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest

from chorus_wizard.contracts.record import Signup
from chorus_wizard.domain.identifiers import IdentifierType
from chorus_wizard.sandbox.mail.outbox import Outbox
from chorus_wizard.sandbox.server import SandboxServer
from chorus_wizard.sandbox.store.storage import STATUS_PENDING, Storage
from tests.sandbox.helpers import (
    ACTIVATION_SUBJECT,
    account_body,
    activation_body,
    activation_codes,
    mails_to,
    read_mails,
)

COMPTES = "/sandbox/v1/comptes"
RESEND = "/sandbox/v1/activation/renvoyer"
EMAILS = [f"client.{n}@exemple.fr" for n in range(3)]


def other_body(index: int, email: str) -> dict[str, object]:
    return account_body(
        "", email, typeIdentifiantStructure="AUTRE", identifiantStructure=f"COURRIEL-{index}"
    )


def break_mail_folder(data_dir: Path) -> Path:
    """Put a file where the Maildir's ``new/`` is: delivery fails as after a crash."""
    new = data_dir / "sandbox" / "mail" / "new"
    shutil.rmtree(new)
    new.write_text("pas un dossier")
    return new


def repair(new: Path) -> None:
    new.unlink()
    new.mkdir()


def pending_mail(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "sandbox" / "sandbox.db") as db:
        return int(
            db.execute("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").fetchone()[0]
        )


def test_mail_a_failed_delivery_left_goes_out_at_the_next_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        new = break_mail_folder(data_dir)
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            for index, email in enumerate(EMAILS):
                response = client.post(COMPTES, json=other_body(index, email))
                assert response.status_code == 201, response.text  # the account is saved
        assert pending_mail(data_dir) == len(EMAILS)
    repair(new)
    for _ in range(2):  # a second start sends nothing more
        with SandboxServer(data_dir) as server:
            server.wait_ready(30)
            for email in EMAILS:
                assert len(mails_to(server, email, ACTIVATION_SUBJECT)) == 1
    assert pending_mail(data_dir) == 0
    # The mail that came late works.
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        [code] = activation_codes(server, EMAILS[0])
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            response = client.post("/sandbox/v1/activation", json=activation_body(EMAILS[0], code))
        assert response.status_code == 200, response.text


def test_a_replay_delivers_the_mail_its_first_try_could_not(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    headers = {"Idempotency-Key": "2b0b7d4e-51f6-4c0e-9a57-0e6c1d7f3a21"}
    body = other_body(0, EMAILS[0])
    with SandboxServer(data_dir) as server, httpx.Client(base_url=server.base_url) as client:
        server.wait_ready(30)
        new = break_mail_folder(data_dir)
        first = client.post(COMPTES, json=body, headers=headers)
        assert first.status_code == 201, first.text
        repair(new)
        assert read_mails(server) == []
        replay = client.post(COMPTES, json=body, headers=headers)
        assert replay.status_code == 201
        assert replay.json()["idCompte"] == first.json()["idCompte"]
        assert len(mails_to(server, EMAILS[0], ACTIVATION_SUBJECT)) == 1
        again = client.post(COMPTES, json=body, headers=headers)
        assert again.status_code == 201
        assert len(read_mails(server)) == 1  # delivered once, not once per replay


def test_a_deliverer_that_dies_after_the_commit_loses_no_mail(tmp_path: Path) -> None:
    """A real crash between the commit and the delivery: the next start delivers, once."""
    data_dir = tmp_path / "data"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from fastapi.testclient import TestClient\n"
        "from chorus_wizard.sandbox.app import create_app\n"
        "from chorus_wizard.sandbox.mail.outbox import Outbox\n"
        "class DyingOutbox(Outbox):\n"
        "    def enqueue(self, session, message):\n"
        "        # Runs first once the transaction is committed: before the delivery.\n"
        "        session.after_commit(lambda: os.kill(os.getpid(), 9))\n"
        "        super().enqueue(session, message)\n"
        "app = create_app(Path(sys.argv[1]))\n"
        "ctx = app.state.sandbox\n"
        "ctx.outbox = DyingOutbox(ctx.outbox.path, ctx.storage)\n"
        "TestClient(app).post('/sandbox/v1/comptes', json={\n"
        "    'email': sys.argv[2], 'nom': 'Martin', 'prenom': 'Jeanne',\n"
        "    'structure': {'typeIdentifiantStructure': 'AUTRE', 'identifiantStructure': 'X-1',\n"
        "        'raisonSociale': 'Martin', 'adresse': '1 rue', 'codePostal': '75007',\n"
        "        'ville': 'PARIS', 'codePays': 'FR'}})\n"
        "print('not reached')\n"
    )
    died = subprocess.run(
        [sys.executable, "-c", script, str(data_dir), EMAILS[0]],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert died.returncode == -signal.SIGKILL, died.stderr[-2000:]
    with sqlite3.connect(data_dir / "sandbox" / "sandbox.db") as db:
        saved = db.execute("SELECT statut FROM accounts WHERE email = ?", (EMAILS[0],)).fetchall()
    assert saved == [(STATUS_PENDING,)]  # committed, and not delivered
    assert pending_mail(data_dir) == 1
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        assert len(mails_to(server, EMAILS[0], ACTIVATION_SUBJECT)) == 1
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        assert len(read_mails(server)) == 1


def test_a_crash_after_the_move_but_before_the_mark_sends_no_duplicate(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        new = break_mail_folder(data_dir)
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            assert client.post(COMPTES, json=other_body(0, EMAILS[0])).status_code == 201
    repair(new)
    # The state a crash right after the rename leaves: the file is in new/, the row pending.
    mail = data_dir / "sandbox" / "mail"
    [prepared] = list((mail / "tmp").iterdir())
    prepared.rename(mail / "new" / prepared.name)
    assert pending_mail(data_dir) == 1
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        assert len(read_mails(server)) == 1
    assert pending_mail(data_dir) == 0


def test_resend_works_for_an_account_saved_with_a_line_break_in_its_name(
    tmp_path: Path,
) -> None:
    """Saved before the checks refused such names: the mail still goes, its headers intact."""
    data_dir = tmp_path / "data"
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        storage = Storage(data_dir / "sandbox" / "sandbox.db")
        with storage.transaction() as session:
            old = Signup(
                email=EMAILS[0],
                nom="Curie\r\nBcc: espion@exemple.fr",
                prenom="Marie\n",
                identifier_type=IdentifierType.AUTRE,
                identifier="ANCIEN-1",
                raison_sociale="Curie\r\nBcc: x@y",
                adresse="1 rue",
                code_postal="75005",
                ville="PARIS",
            )
            structure = session.insert_structure(old, now=0)
            session.insert_account(
                old,
                structure_id=structure,
                main_manager=True,
                status=STATUS_PENDING,
                jeton_hash=None,
                jeton_expires_at=None,
                now=0,
            )
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            for _ in range(2):
                assert client.post(RESEND, json={"email": EMAILS[0]}).status_code == 200
        sent = mails_to(server, EMAILS[0], ACTIVATION_SUBJECT)
    assert len(sent) == 2
    for message in sent:
        assert message["Bcc"] is None
        [to] = message["To"].addresses
        assert (to.display_name, to.addr_spec) == ("Marie Curie Bcc: espion@exemple.fr", EMAILS[0])


def test_a_rolled_back_transaction_leaves_no_mail_behind(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "sandbox.db")
    outbox = Outbox(tmp_path / "mail", storage)
    message = EmailMessage()
    message["Subject"] = "Essai"
    with pytest.raises(RuntimeError), storage.transaction() as session:
        outbox.enqueue(session, message)
        assert len(list((tmp_path / "mail" / "tmp").iterdir())) == 1  # prepared, not sent
        raise RuntimeError("the request fails after the mail was prepared")
    assert list((tmp_path / "mail" / "tmp").iterdir()) == []
    assert outbox.recover() == 0
    assert list((tmp_path / "mail" / "new").iterdir()) == []
    with storage.transaction() as session:
        outbox.enqueue(session, message)
    [delivered] = list((tmp_path / "mail" / "new").iterdir())
    assert b"Subject: Essai" in delivered.read_bytes()


def test_the_next_mail_takes_the_waiting_ones_along(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with SandboxServer(data_dir) as server, httpx.Client(base_url=server.base_url) as client:
        server.wait_ready(30)
        new = break_mail_folder(data_dir)
        assert client.post(COMPTES, json=other_body(0, EMAILS[0])).status_code == 201
        repair(new)
        assert client.post(COMPTES, json=other_body(1, EMAILS[1])).status_code == 201
        assert [len(mails_to(server, e, ACTIVATION_SUBJECT)) for e in EMAILS[:2]] == [1, 1]
    assert pending_mail(data_dir) == 0  # a clean stop records every delivery
