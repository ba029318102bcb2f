"""Crash and fuzz the sandbox: server errors, exactly-once races, and ``kill -9`` under load.

Every server runs as ``chorus-wizard-sandbox`` does (``python -m chorus_wizard.sandbox``, its own
process, a fresh data directory, loopback only, a free port).

1. **Fuzz**: schemathesis over ``/openapi.json`` (coverage and fuzzing phases), once without
   credentials and once with a PISTE token and the technical account in every request; counts
   the answers, the server errors (5xx, and the server's own « Erreur interne » log lines) and
   the refusals in FastAPI's English shape (``{"detail": …}``). Expected: 0 and 0.
2. **Races**, 64 clients at once, each round on a fresh target: the same structure (one 201,
   the others 409), the same ``Idempotency-Key`` (one account, one mail, the same answer for
   all), the same activation code (one 200). Expected: exactly once, every round.
3. **A hostile training room** (``--scenario session-complete.toml``, so the room's journal
   reads every body): bodies nested 1,000 deep on the signup, PISTE and trainer's routes, all
   on one connection (expected: 400, or 404 for the trainer's, never a reset); lone surrogates
   and bidi controls in every field and in a key (400); two trainees on 127.0.0.2 and
   127.0.0.3, the second trying to read, void, lock and claim the first's signup (refused; the
   first's row stays clean; her own code still activates her account). Then the server's
   error output: 0 tracebacks, 0 « Erreur interne ».
4. **kill -9 under load**: 16 clients create accounts, each request with its own
   ``Idempotency-Key``; the server is killed mid-load, started again on the same data, and the
   requests left without an answer are sent again with their key. Then: every acknowledged
   account is in the database (0 lost), every account saved has exactly one activation mail
   (0 missing, 0 duplicates), every retry answered 201.

Every loop is bounded in count and time. Exit code 0 when every figure is as expected, 1
otherwise. Results and how to read them: ``docs/reliability.md``.

Usage: ``uv run python benchmarks/reliability.py [--max-time 60] [--rounds 3]``
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import email
import email.policy
import json
import mailbox
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from benchmarks._common import PYTHON, ROOT, child_env, machine_summary, table, verdict
from benchmarks._sandbox import SandboxServer
from chorus_wizard.sandbox import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_TECH_LOGIN,
    SANDBOX_TECH_PASSWORD,
)

RACERS = 64
LOADERS = 16
ACTIVATION_SUBJECT = "Activez votre compte Chorus Pro"


def signup_body(tag: str) -> dict[str, Any]:
    return {
        "email": f"fiab-{tag}@exemple.fr",
        "nom": "Martin",
        "prenom": "Camille",
        "structure": {
            "typeIdentifiantStructure": "AUTRE",
            "identifiantStructure": f"FIAB-{tag}",
            "raisonSociale": "Banc d'essai",
            "adresse": "20 AVENUE DE SEGUR",
            "codePostal": "75007",
            "ville": "PARIS",
            "codePays": "FR",
        },
        "fonctionnalites": {"deposerDemandesPaiement": True, "dume": False},
    }


def piste_headers(base_url: str) -> dict[str, str]:
    form = {
        "grant_type": "client_credentials",
        "client_id": SANDBOX_CLIENT_ID,
        "client_secret": SANDBOX_CLIENT_SECRET,
        "scope": "openid",
    }
    token = httpx.post(f"{base_url}/api/oauth/token", data=form, timeout=20).json()
    account = f"{SANDBOX_TECH_LOGIN}:{SANDBOX_TECH_PASSWORD}".encode()
    return {
        "Authorization": f"Bearer {token['access_token']}",
        "cpro-account": base64.b64encode(account).decode(),
    }


def mails_by_recipient(data_dir: Path) -> Counter[str]:
    """How many activation mails the Maildir holds for each address."""
    box = mailbox.Maildir(data_dir / "sandbox" / "mail", create=False)
    counts: Counter[str] = Counter()
    for key in box.iterkeys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        if message["Subject"] == ACTIVATION_SUBJECT:
            for address in message["To"].addresses:
                counts[address.addr_spec.lower()] += 1
    return counts


# 1. Fuzz --------------------------------------------------------------------------------


@dataclass
class FuzzResult:
    label: str
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: int = 0
    logged_errors: int = 0
    fastapi_shape: int = 0
    exit_code: int = 0


def fuzz(work: Path, *, credentials: bool, max_time: int, max_examples: int) -> FuzzResult:
    label = "with credentials" if credentials else "without credentials"
    result = FuzzResult(label)
    data_dir = work / f"fuzz-{'auth' if credentials else 'anon'}"
    server = SandboxServer(data_dir)
    reports = work / f"reports-{data_dir.name}"
    try:
        headers = piste_headers(server.base_url) if credentials else {}
        command = [
            PYTHON,
            "-m",
            "schemathesis.cli",
            "run",
            f"{server.base_url}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--phases",
            "coverage,fuzzing",
            "--max-examples",
            str(max_examples),
            "--max-time",
            str(max_time),
            "--request-timeout",
            "20",
            "--report",
            "ndjson",
            "--report-dir",
            str(reports),
            "--no-color",
        ]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=max_time + 300,
            check=False,
        )
        result.exit_code = done.returncode
        result.logged_errors = server.internal_errors()
    finally:
        server.stop()
    for report in reports.glob("*.ndjson"):
        for line in report.read_text().splitlines():
            event = json.loads(line)
            finished = event.get("ScenarioFinished")
            if not finished:
                continue
            for interaction in (finished["recorder"].get("interactions") or {}).values():
                response = interaction.get("response")
                if response is None:
                    continue
                status = int(response["status_code"])
                result.requests += 1
                result.statuses[status] += 1
                if status >= 500:
                    result.server_errors += 1
                elif status >= 400 and _has_detail(response):
                    result.fastapi_shape += 1
    return result


def _has_detail(response: dict[str, Any]) -> bool:
    content = (response.get("content") or {}).get("$base64")
    if not content:
        return False
    try:
        body = json.loads(base64.b64decode(content))
    except ValueError:
        return False
    return isinstance(body, dict) and "detail" in body


# 2. Races -------------------------------------------------------------------------------


async def _race(send: Any) -> list[httpx.Response]:
    """``RACERS`` requests at once, each on its own connection, released together."""
    limits = httpx.Limits(max_connections=RACERS, max_keepalive_connections=RACERS)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        start = asyncio.Event()

        async def one(index: int) -> httpx.Response:
            await start.wait()
            return await send(client, index)

        tasks = [asyncio.create_task(one(i)) for i in range(RACERS)]
        await asyncio.sleep(0.2)
        start.set()
        return list(await asyncio.gather(*tasks))


def activation_code(data_dir: Path, address: str) -> str:
    box = mailbox.Maildir(data_dir / "sandbox" / "mail", create=False)
    for key in box.iterkeys():
        message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        if address in str(message["To"]):
            part = message.get_body(preferencelist=("plain",))
            assert isinstance(part, email.message.EmailMessage)
            lines = part.get_content().splitlines()
            index = next(i for i, text in enumerate(lines) if "coller ce code" in text)
            return str(lines[index + 2].strip())
    raise LookupError(address)


def races(work: Path, rounds: int) -> list[list[object]]:
    data_dir = work / "races"
    server = SandboxServer(data_dir)
    base = server.base_url
    database = data_dir / "sandbox" / "sandbox.db"
    rows: list[list[object]] = []
    try:
        structure_ok = key_ok = code_ok = 0
        outcomes: dict[str, Counter[str]] = {"structure": Counter(), "key": Counter()}
        outcomes["code"] = Counter()
        for round_ in range(rounds):
            tag = f"course-{round_}-{uuid.uuid4().hex[:6]}"

            async def same_structure(client: httpx.AsyncClient, i: int, tag: str = tag) -> Any:
                body = signup_body(f"{tag}-{i}")
                body["structure"]["identifiantStructure"] = f"FIAB-{tag}"
                return await client.post(f"{base}/sandbox/v1/comptes", json=body)

            answers = asyncio.run(_race(same_structure))
            counts = Counter(r.status_code for r in answers)
            outcomes["structure"].update(f"{s}" for s in counts.elements())
            with sqlite3.connect(database) as db:
                saved = db.execute(
                    "SELECT COUNT(*) FROM accounts a JOIN structures s ON a.structure_id = s.id "
                    "WHERE s.identifiant = ?",
                    (f"FIAB-{tag}",),
                ).fetchone()[0]
            structure_ok += counts == Counter({201: 1, 409: RACERS - 1}) and saved == 1

            key = str(uuid.uuid4())
            body = signup_body(f"{tag}-cle")

            async def same_key(
                client: httpx.AsyncClient, i: int, body: Any = body, key: str = key
            ) -> Any:
                headers = {"Idempotency-Key": key}
                return await client.post(f"{base}/sandbox/v1/comptes", json=body, headers=headers)

            answers = asyncio.run(_race(same_key))
            outcomes["key"].update(str(r.status_code) for r in answers)
            ids = {r.json().get("idCompte") for r in answers}
            address = body["email"]
            mails = mails_by_recipient(data_dir)[address]
            key_ok += all(r.status_code == 201 for r in answers) and len(ids) == 1 and mails == 1

            code = activation_code(data_dir, address)
            activation = {
                "email": address,
                "code": code,
                "motDePasse": "Tournesol-Vert-42",
                "idQuestionSecrete": 1,
                "reponseQuestionSecrete": "Médor",
            }

            async def same_code(client: httpx.AsyncClient, i: int, body: Any = activation) -> Any:
                return await client.post(f"{base}/sandbox/v1/activation", json=body)

            answers = asyncio.run(_race(same_code))
            counts = Counter(r.status_code for r in answers)
            outcomes["code"].update(str(s) for s in counts.elements())
            code_ok += counts[200] == 1 and all(s < 500 for s in counts)
        errors = server.internal_errors()
    finally:
        server.stop()
    labels = {
        "structure": "same structure, 64 e-mails",
        "key": "same Idempotency-Key",
        "code": "same activation code",
    }
    expected = {
        "structure": "one 201, 63 × 409",
        "key": "64 × 201, one account, one mail",
        "code": "one 200",
    }
    for kind, ok in (("structure", structure_ok), ("key", key_ok), ("code", code_ok)):
        seen = ", ".join(f"{n} × {s}" for s, n in sorted(outcomes[kind].items()))
        rows.append([labels[kind], rounds, expected[kind], seen, f"{ok}/{rounds}"])
    rows.append(["server errors logged", rounds, "0", errors, verdict(errors == 0)])
    return rows


# 3. kill -9 under load ------------------------------------------------------------------


@dataclass
class KillResult:
    acknowledged: set[str] = field(default_factory=set)
    unanswered: dict[str, str] = field(default_factory=dict)  # e-mail → Idempotency-Key
    refused: Counter[int] = field(default_factory=Counter)


async def _load_until_killed(
    server: SandboxServer, result: KillResult, *, after: int, max_seconds: float
) -> None:
    limits = httpx.Limits(max_connections=LOADERS, max_keepalive_connections=LOADERS)
    done_before = len(result.acknowledged)
    deadline = time.monotonic() + max_seconds
    async with httpx.AsyncClient(base_url=server.base_url, limits=limits, timeout=10) as client:

        async def worker() -> None:
            for _ in range(10_000):
                if server.process.poll() is not None or time.monotonic() > deadline:
                    return
                tag = uuid.uuid4().hex[:16]
                body, key = signup_body(tag), str(uuid.uuid4())
                try:
                    response = await client.post(
                        "/sandbox/v1/comptes", json=body, headers={"Idempotency-Key": key}
                    )
                except httpx.HTTPError:
                    result.unanswered[body["email"]] = key
                    return
                if response.status_code == 201:
                    result.acknowledged.add(body["email"])
                else:
                    result.refused[response.status_code] += 1

        async def killer() -> None:
            while len(result.acknowledged) - done_before < after:
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.005)
            server.kill()  # mid-load: no chance to finish anything

        await asyncio.gather(killer(), *(worker() for _ in range(LOADERS)))


def kill_under_load(work: Path, rounds: int, max_seconds: float) -> tuple[list[list[object]], bool]:
    data_dir = work / "kill"
    result = KillResult()
    for round_ in range(rounds):
        server = SandboxServer(data_dir)
        asyncio.run(
            _load_until_killed(server, result, after=40 + 25 * round_, max_seconds=max_seconds)
        )
    database = data_dir / "sandbox" / "sandbox.db"
    with sqlite3.connect(database) as db:
        before = {row[0].lower() for row in db.execute("SELECT email FROM accounts")}
        keys = [row[0] for row in db.execute("SELECT maildir_key FROM outbox")]
    saved_unanswered = len(set(result.unanswered) & before)
    tmp = data_dir / "sandbox" / "mail" / "tmp"
    undelivered = sum((tmp / key).exists() for key in keys)
    # Start again on what the kills left; retry, with its key, each request left unanswered.
    server = SandboxServer(data_dir)
    retried: Counter[int] = Counter()
    try:
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            for address, key in result.unanswered.items():
                tag = address.removeprefix("fiab-").removesuffix("@exemple.fr")
                response = client.post(
                    "/sandbox/v1/comptes", json=signup_body(tag), headers={"Idempotency-Key": key}
                )
                retried[response.status_code] += 1
        errors = server.internal_errors()
    finally:
        server.stop()
    with sqlite3.connect(database) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        saved = {row[0].lower() for row in db.execute("SELECT email FROM accounts")}
        saved = {address for address in saved if address.startswith("fiab-")}
    mails = mails_by_recipient(data_dir)
    lost = result.acknowledged - saved
    missing = [address for address in saved if mails[address] == 0]
    duplicates = [address for address in saved if mails[address] > 1]
    rows: list[list[object]] = [
        ["kill -9 rounds", rounds, ""],
        ["accounts acknowledged (201)", len(result.acknowledged), ""],
        ["requests left unanswered by a kill", len(result.unanswered), ""],
        ["... of which saved before the kill", saved_unanswered, ""],
        ["mails committed, still in tmp/ after the kills", undelivered, ""],
        ["retried with their key: answers", dict(retried) or "-", "201 for all"],
        ["refusals during the load", dict(result.refused) or "-", "none"],
        ["database integrity", integrity, "ok"],
        ["acknowledged accounts lost", len(lost), "0"],
        ["accounts saved (all rounds and retries)", len(saved), ""],
        ["accounts without their activation mail", len(missing), "0"],
        ["accounts with more than one mail", len(duplicates), "0"],
        ["server errors logged (last start)", errors, "0"],
    ]
    ok = (
        integrity == "ok"
        and not lost
        and not missing
        and not duplicates
        and not result.refused
        and set(retried) <= {201}
        and errors == 0
    )
    return rows, ok


# 4. A hostile training room ---------------------------------------------------------------

ROOM_SCENARIO = ROOT / "resources" / "scenarios" / "session-complete.toml"
NESTED_BODIES = {"[ × 1000": b"[" * 1000, "{ × 1000": b'{"a":' * 1000}
HOSTILE_TEXTS = {
    "lone surrogate": "Jean\ud800ne",
    "low surrogate": "\udfff",
    "bidi override": "\u202eenaeJ",
    "bidi isolate": "Jea\u2066nne",
    "bidi mark": "Jean\u200fne",
}


class RoomProcess:
    """``chorus-wizard-sandbox --scenario session-complete.toml``: base URL, room token, log."""

    def __init__(self, data_dir: Path) -> None:
        self.log = data_dir.parent / f"{data_dir.name}-stderr.log"
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [
                *(PYTHON, "-m", "chorus_wizard.sandbox", "--port", "0"),
                *("--data-dir", str(data_dir), "--scenario", str(ROOM_SCENARIO)),
            ],
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
        )
        assert self.process.stdout is not None
        self.base_url = self.token = ""
        for line in self.process.stdout:
            if "Salle de formation" in line:
                self.base_url = line.split(": ", 1)[1].strip().removesuffix("/salle")
            if "Jeton de la salle" in line:
                self.token = line.split(": ", 1)[1].split()[0]
                break
        if not (self.base_url and self.token):
            self.stop()
            raise RuntimeError("the training room did not start")

    def log_counts(self) -> tuple[int, int]:
        """(tracebacks, « Erreur interne » lines) in the server's error output."""
        if not self._log_file.closed:
            self._log_file.flush()
        text = self.log.read_text(errors="replace")
        return text.count("Traceback"), text.count("Erreur interne")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._log_file.close()


@dataclass
class Tally:
    """Answers of one group of hostile requests."""

    expected: str
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    resets: int = 0
    unexpected: int = 0

    def send(self, client: httpx.Client, method: str, path: str, ok: set[int], **kw: Any) -> int:
        self.requests += 1
        try:
            status = client.request(method, path, **kw).status_code
        except httpx.TransportError:
            self.resets += 1
            return 0
        self.statuses[status] += 1
        self.unexpected += status not in ok
        return status


def _machine(base: str, address: str, **headers: str) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=base, transport=transport, headers=headers, timeout=20)


def hostile_room(work: Path, repeat: int) -> tuple[list[list[object]], bool]:
    """Nested bodies, surrogates, bidi controls and two trainees against a training room."""
    room = RoomProcess(work / "room")
    base, json_type = room.base_url, {"Content-Type": "application/json"}
    groups: dict[str, Tally] = {}
    try:
        piste = piste_headers(base)
        nested = groups.setdefault("nested bodies, no token", Tally("400, connection kept"))
        trainer_nested = groups.setdefault("nested bodies, trainer", Tally("404, connection kept"))
        with httpx.Client(base_url=base, timeout=20) as client:  # one connection throughout
            for _ in range(repeat):
                for raw in NESTED_BODIES.values():
                    for path in (
                        "/sandbox/v1/comptes",
                        "/sandbox/v1/rattachements",
                        "/sandbox/v1/activation",
                    ):
                        nested.send(client, "POST", path, {400}, content=raw, headers=json_type)
                    nested.send(
                        client,
                        "POST",
                        "/cpro/structures/v1/rechercher",
                        {400},
                        content=raw,
                        headers={**json_type, **piste},
                    )
                    for path in ("/salle/v1/renvoyer", "/salle/v1/debloquer", "/salle/v1/courriel"):
                        trainer_nested.send(
                            client,
                            "POST",
                            path,
                            {404},
                            content=raw,
                            headers={**json_type, "X-Jeton-Salle": room.token},
                        )
        texts = groups.setdefault("surrogates and bidi", Tally("400"))
        with httpx.Client(base_url=base, timeout=20) as client:
            for label, value in HOSTILE_TEXTS.items():
                bodies: list[tuple[str, dict[str, Any], dict[str, str]]] = []
                for key in ("nom", "prenom", "email"):
                    bodies.append(("/sandbox/v1/comptes", {**signup_body(label), key: value}, {}))
                for key in ("raisonSociale", "adresse", "ville", "identifiantStructure"):
                    body = signup_body(label)
                    body["structure"][key] = value
                    bodies.append(("/sandbox/v1/comptes", body, {}))
                bodies.append(("/sandbox/v1/comptes", {**signup_body(label), value: "x"}, {}))
                attach = {
                    "email": "a@exemple.fr",
                    "nom": value,
                    "prenom": "A",
                    "identifiantStructure": "55203253400703",
                }
                bodies.append(("/sandbox/v1/rattachements", attach, {}))
                bodies.append(("/sandbox/v1/activation/renvoyer", {"email": value}, {}))
                bodies.append(
                    ("/sandbox/v1/activation", {"email": "a@exemple.fr", "code": value}, {})
                )
                search = {"structure": {"identifiantStructure": value}}
                bodies.append(("/cpro/structures/v1/rechercher", search, piste))
                for path, body, extra in bodies:
                    raw = json.dumps(body).encode("ascii")  # "\ud800" as JSON escapes it
                    texts.send(
                        client, "POST", path, {400}, content=raw, headers={**json_type, **extra}
                    )
        two = groups.setdefault("two trainees", Tally("as named"))
        alice_address, bob_address = "alice@exemple.fr", "bob@exemple.fr"
        with (
            _machine(base, "127.0.0.2") as alice,
            _machine(base, "127.0.0.3") as bob,
            httpx.Client(base_url=base, headers={"X-Jeton-Salle": room.token}) as trainer,
        ):
            created = alice.post(
                "/sandbox/v1/comptes", json=signup_body("alice") | {"email": alice_address}
            )
            two.send(bob, "GET", "/sandbox/v1/sante", {200})
            alice_token = created.json()["jetonInscription"]
            bob_body = signup_body("bob") | {"email": bob_address}
            bob_token = bob.post("/sandbox/v1/comptes", json=bob_body).json()["jetonInscription"]
            code = activation_code(work / "room", alice_address)
            for headers in ({}, {"X-Jeton-Inscription": bob_token}):
                two.send(
                    bob, "GET", "/sandbox/v1/courriels", {403},
                    params={"email": alice_address}, headers=headers,
                )  # fmt: skip
            two.send(bob, "POST", "/sandbox/v1/activation/renvoyer", {200},
                     json={"email": alice_address})  # fmt: skip
            for _ in range(6):
                wrong = {"email": alice_address, "code": "devine", "motDePasse": "x"}
                two.send(bob, "POST", "/sandbox/v1/activation", {400, 423, 429}, json=wrong)
            two.send(bob, "POST", "/sandbox/v1/comptes", {409}, json=signup_body("x") | {
                "email": alice_address})  # fmt: skip
            rows = trainer.get("/salle/v1/etat").json()["stagiaires"]
            [row] = [r for r in rows if r["email"] == alice_address]
            two.requests += 1
            clean_row = row["verrouilleJusqua"] is None and row["echecs"] == 0 and not row["refus"]
            two.unexpected += not clean_row
            two.send(
                alice, "GET", "/sandbox/v1/courriels", {200},
                params={"email": alice_address}, headers={"X-Jeton-Inscription": alice_token},
            )  # fmt: skip
            two.send(trainer, "GET", "/sandbox/v1/courriels", {200},
                     params={"email": alice_address})  # fmt: skip
            activation = {
                "email": alice_address,
                "code": code,
                "motDePasse": "Tournesol-Vert-42",
                "idQuestionSecrete": 1,
                "reponseQuestionSecrete": "Médor",
            }
            two.send(alice, "POST", "/sandbox/v1/activation", {200}, json=activation)
    finally:
        room.stop()
    tracebacks, internal = room.log_counts()
    rows_out: list[list[object]] = []
    ok = True
    for name, tally in groups.items():
        server_errors = sum(n for s, n in tally.statuses.items() if s >= 500)
        met = tally.unexpected == tally.resets == server_errors == 0
        ok &= met
        answers = ", ".join(f"{n} × {s}" for s, n in sorted(tally.statuses.items()))
        rows_out.append(
            [name, tally.requests, tally.expected, answers, server_errors, tally.resets,
             verdict(met)]
        )  # fmt: skip
    rows_out.append(["server log", "", "0 and 0", f"{tracebacks} tracebacks", internal, "", ""])
    ok &= tracebacks == internal == 0
    return rows_out, ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-time", type=int, default=60, help="seconds per fuzzing run")
    parser.add_argument("--max-examples", type=int, default=30, help="examples per operation")
    parser.add_argument("--rounds", type=int, default=3, help="race rounds and kill -9 rounds")
    parser.add_argument("--skip-fuzz", action="store_true", help="only the races and kills")
    args = parser.parse_args()
    max_time = max(5, min(args.max_time, 900))
    rounds = max(1, min(args.rounds, 20))
    print(machine_summary())
    work = Path(tempfile.mkdtemp(prefix="cw-reliability-"))
    all_ok = True
    try:
        if not args.skip_fuzz:
            results = [
                fuzz(work, credentials=c, max_time=max_time, max_examples=args.max_examples)
                for c in (False, True)
            ]
            rows = []
            for r in results:
                ok = r.server_errors == r.logged_errors == r.fastapi_shape == 0 and r.requests
                all_ok &= bool(ok) and r.exit_code == 0
                statuses = ", ".join(f"{n} × {s}" for s, n in sorted(r.statuses.items()))
                rows.append(
                    [
                        r.label,
                        r.requests,
                        r.server_errors,
                        r.logged_errors,
                        r.fastapi_shape,
                        statuses,
                        verdict(bool(ok)),
                    ]
                )
            print(
                table(
                    ["run", "requests", "5xx", "logged", '{"detail"}', "answers", "0 and 0"],
                    rows,
                    f"Fuzz: schemathesis over /openapi.json, at most {max_time} s per run",
                )
            )
        race_rows = races(work, rounds)
        all_ok &= all(row[-1] in (f"{rounds}/{rounds}", "met") for row in race_rows)
        print(
            table(
                ["race (64 clients at once)", "rounds", "expected", "answers", "exactly once"],
                race_rows,
                "Races",
            )
        )
        hostile_rows, ok = hostile_room(work, repeat=20)
        all_ok &= ok
        print(
            table(
                ["requests", "sent", "expected", "answers", "5xx", "resets", "as expected"],
                hostile_rows,
                "A hostile training room (the room's journal on; trainees at 127.0.0.2/.3)",
            )
        )
        kill_rows, ok = kill_under_load(work, rounds, max_seconds=60)
        all_ok &= ok
        print(table(["figure", "value", "expected"], kill_rows, "kill -9 under load (16 clients)"))
        print(f"\nkill -9 under load → {verdict(ok)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nEvery figure as expected → {verdict(all_ok)}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
