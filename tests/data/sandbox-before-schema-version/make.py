"""Write ``data/`` and ``manifest.json`` beside this file: a sandbox data folder as a real run of
the sandbox leaves it, for the tests that open an older data folder with the current code.

The committed copy was written by the code of the commit named in ``manifest.json``, before the
sandbox's database had a schema version (``PRAGMA user_version`` 0). Run again only to make a
new fixture of another release, in another folder::

    uv run python tests/data/sandbox-before-schema-version/make.py [OUTPUT-FOLDER]

It starts the sandbox as a training room with the short demonstration scenario, on a
temporary data folder, and drives it through its HTTP API only: an account created and
activated (password and secret question), an account still awaiting activation (with its
signup token, and a wrong code typed once), an attachment request to a structure already
registered, a refusal (closed establishment), and a mail sent again from the trainer's page.
The database is checkpointed (its WAL emptied into it) before it is copied.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import json
import mailbox
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from chorus_wizard.contracts.room import API_PREFIX, TOKEN_HEADER
from chorus_wizard.contracts.signup import IDEMPOTENCY_HEADER, JETON_HEADER
from chorus_wizard.resources import resource_path
from chorus_wizard.sandbox.room.config import RoomConfig
from chorus_wizard.sandbox.room.scenario import load_scenario
from chorus_wizard.sandbox.server import SandboxServer

HERE = Path(__file__).resolve().parent
SCENARIO = "demo-courte.toml"
PASSWORD = "Tournesol-Vert-42"
ANSWER = "Médor le Chien"
QUESTION_ID = 1

ACTIVATED = {
    "email": "lucie.bernard@boulangerie.exemple.fr",
    "nom": "Bernard",
    "prenom": "Lucie",
    "siret": "91827364000014",  # the scenario's « creation » company
}
PENDING = {
    "email": "marc.petit@exemple.fr",
    "nom": "Petit",
    "prenom": "Marc",
    "siret": "13002526500013",  # DINUM, in the shipped directory, not registered
}
ATTACHMENT = {
    "email": "paul.durand@metallerie.exemple.fr",
    "nom": "Durand",
    "prenom": "Paul",
    "siret": "92736451300014",  # the scenario's « deja_inscrite » company
}
CLOSED = {
    "email": "anne.leroy@exemple.fr",
    "nom": "Leroy",
    "prenom": "Anne",
    "siret": "93645172300014",  # the scenario's « etablissement_ferme » company
}


def _structure(siret: str, raison_sociale: str) -> dict[str, str]:
    return {
        "typeIdentifiantStructure": "SIRET",
        "identifiantStructure": siret,
        "raisonSociale": raison_sociale,
        "libelleStructure": "",
        "adresse": "12 RUE DU PONT NEUF",
        "complementAdresse1": "",
        "complementAdresse2": "",
        "codePostal": "69002",
        "ville": "LYON",
        "codePays": "FR",
    }


def _create(http: httpx.Client, person: dict[str, str], key: str) -> httpx.Response:
    body = {
        "email": person["email"],
        "nom": person["nom"],
        "prenom": person["prenom"],
        "structure": _structure(person["siret"], f"{person['prenom']} {person['nom']}".upper()),
        "fonctionnalites": {"deposerDemandesPaiement": True, "dume": False},
    }
    return http.post("/sandbox/v1/comptes", json=body, headers={IDEMPOTENCY_HEADER: key})


def _expect(response: httpx.Response, status: int) -> dict[str, Any]:
    if response.status_code != status:
        raise SystemExit(f"{response.request.url}: {response.status_code} {response.text}")
    document: dict[str, Any] = response.json()
    return document


def _activation_code(mail_dir: Path, to: str) -> str:
    box = mailbox.Maildir(mail_dir, create=False)
    for key in box.iterkeys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        if to in str(message["To"]) and message["Subject"] == "Activez votre compte Chorus Pro":
            part = message.get_body(("plain",))
            assert isinstance(part, EmailMessage)
            lines = str(part.get_content()).splitlines()
            index = next(i for i, line in enumerate(lines) if "coller ce code" in line)
            return lines[index + 2].strip()
    raise SystemExit(f"no activation mail to {to}")


def _commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=HERE, capture_output=True, text=True, check=False
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "chorus_wizard"],
        cwd=HERE,
        capture_output=True,
        text=True,
        check=False,
    )
    commit = result.stdout.strip() or "unknown"
    return commit + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def drive(server: SandboxServer, room: RoomConfig) -> dict[str, Any]:
    """The requests of the fixture; what the manifest records of their answers."""
    mail_dir = server.data_dir / "sandbox" / "mail"
    with (
        httpx.Client(base_url=server.base_url, timeout=30) as http,
        httpx.Client(
            base_url=server.base_url, headers={TOKEN_HEADER: room.token}, timeout=30
        ) as trainer,
    ):
        activated = _expect(_create(http, ACTIVATED, "fixture-activated"), 201)
        jeton = {JETON_HEADER: activated["jetonInscription"]}
        workspaces = _expect(http.get("/sandbox/v1/espaces"), 200)["listeEspaces"]
        chosen = [w["code"] for w in workspaces if w.get("activeParDefaut")] or [
            workspaces[0]["code"]
        ]
        _expect(
            http.put(
                f"/sandbox/v1/comptes/{activated['idCompte']}/espaces",
                json={"espaces": chosen},
                headers=jeton,
            ),
            200,
        )
        _expect(
            http.post(
                "/sandbox/v1/activation",
                json={
                    "email": ACTIVATED["email"],
                    "code": _activation_code(mail_dir, ACTIVATED["email"]),
                    "motDePasse": PASSWORD,
                    "idQuestionSecrete": QUESTION_ID,
                    "reponseQuestionSecrete": ANSWER,
                },
            ),
            200,
        )

        pending = _expect(_create(http, PENDING, "fixture-pending"), 201)
        _expect(
            http.post(
                "/sandbox/v1/activation",
                json={
                    "email": PENDING["email"],
                    "code": "code-faux",
                    "motDePasse": PASSWORD,
                    "idQuestionSecrete": QUESTION_ID,
                    "reponseQuestionSecrete": ANSWER,
                },
            ),
            400,
        )
        _expect(trainer.post(f"{API_PREFIX}/renvoyer", json={"email": PENDING["email"]}), 200)

        attachment = _expect(
            http.post(
                "/sandbox/v1/rattachements",
                json={
                    "email": ATTACHMENT["email"],
                    "nom": ATTACHMENT["nom"],
                    "prenom": ATTACHMENT["prenom"],
                    "typeIdentifiantStructure": "SIRET",
                    "identifiantStructure": ATTACHMENT["siret"],
                },
            ),
            201,
        )
        closed = _create(http, CLOSED, "fixture-closed")
        if closed.status_code < 400:
            raise SystemExit(f"the closed establishment was accepted: {closed.text}")

        state = _expect(trainer.get(f"{API_PREFIX}/etat"), 200)

    return {
        "activated": {**ACTIVATED, "idCompte": activated["idCompte"], "espaces": chosen},
        "pending": {
            **PENDING,
            "idCompte": pending["idCompte"],
            "jeton": pending["jetonInscription"],
        },
        "attachment": {**ATTACHMENT, "answer": attachment},
        "closed": {**CLOSED, "status": closed.status_code},
        "room_state": state,
    }


def make(output: Path) -> None:
    room = RoomConfig(scenario=load_scenario(resource_path("scenarios", SCENARIO)))
    with tempfile.TemporaryDirectory() as temporary:
        data_dir = Path(temporary) / "data"
        server = SandboxServer(data_dir, room=room)
        with server:
            server.wait_ready(60)
            written_at = datetime.now(UTC)
            recorded = drive(server, room)
        database = data_dir / "sandbox" / "sandbox.db"
        with contextlib.closing(sqlite3.connect(database, isolation_level=None)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        for leftover in ("sandbox.db-wal", "sandbox.db-shm"):
            (data_dir / "sandbox" / leftover).unlink(missing_ok=True)
        shutil.rmtree(output / "data", ignore_errors=True)
        shutil.copytree(data_dir, output / "data")
    mails = sorted(
        str(path.relative_to(output / "data" / "sandbox" / "mail"))
        for path in (output / "data" / "sandbox" / "mail").rglob("*")
        if path.is_file()
    )
    manifest = {
        "description": "A sandbox data folder written by the program before its database had "
        "a schema version (tests/data/sandbox-before-schema-version/make.py).",
        "written_by_commit": _commit(),
        "written_at": written_at.isoformat(),
        "scenario": SCENARIO,
        "room_title": room.title,
        "user_version": user_version,
        "password": PASSWORD,
        "question_id": QUESTION_ID,
        "answer": ANSWER,
        "mails": mails,
        **recorded,
    }
    (output / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
