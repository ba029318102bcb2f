"""The sandbox holds under parallel signups, and a killed server leaves a sound database."""

from __future__ import annotations

import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from chorus_wizard.sandbox.server import SandboxServer
from tests.sandbox.helpers import account_body, read_mails

COMPTES = "/sandbox/v1/comptes"
STRUCTURES = 40
ATTEMPTS_PER_STRUCTURE = 4  # four people race to create each structure
WORKERS = 16


def signup(http: httpx.Client, index: int) -> tuple[int, int, float]:
    structure = index // ATTEMPTS_PER_STRUCTURE
    body = account_body(
        "",
        f"charge.{index}@exemple.fr",
        typeIdentifiantStructure="AUTRE",
        identifiantStructure=f"CHARGE-{structure:04d}",
    )
    started = time.perf_counter()
    response = http.post(COMPTES, json=body)
    return response.status_code, response.json()["codeRetour"], time.perf_counter() - started


def test_parallel_signups_lose_and_duplicate_nothing(sandbox: SandboxServer) -> None:
    total = STRUCTURES * ATTEMPTS_PER_STRUCTURE
    local = threading.local()

    def run(index: int) -> tuple[int, int, float]:
        if not hasattr(local, "http"):
            local.http = httpx.Client(base_url=sandbox.base_url, timeout=60)
        return signup(local.http, index)

    started = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(run, range(total)))
    elapsed = time.perf_counter() - started

    outcomes = Counter((status, code) for status, code, _ in results)
    assert outcomes == Counter({(201, 0): STRUCTURES, (409, 10): total - STRUCTURES}), (
        outcomes
    )  # no 5xx, one account per structure, clean "already exists" for the others
    with sqlite3.connect(sandbox.data_dir / "sandbox" / "sandbox.db") as db:
        rows = db.execute(
            "SELECT s.identifiant, COUNT(a.id) FROM structures s JOIN accounts a "
            "ON a.structure_id = s.id WHERE s.type_identifiant = 'AUTRE' GROUP BY s.id"
        ).fetchall()
    assert len(rows) == STRUCTURES
    assert all(count == 1 for _, count in rows)

    latencies = sorted(latency for *_, latency in results)
    q = statistics.quantiles(latencies, n=100)
    print(
        f"\n{total} signups, {WORKERS} clients: {total / elapsed:.0f}/s, "
        f"p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms"
    )


def test_killed_server_leaves_a_database_that_opens(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "chorus_wizard.sandbox", "--port", "0", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        base_url = line.strip().rsplit(" ", 1)[-1]
        assert base_url.startswith("http://127.0.0.1:"), line
        stop = threading.Event()
        sent = Counter[str]()

        def hammer(worker: int) -> None:
            with httpx.Client(base_url=base_url, timeout=5) as http:
                for index in range(10_000):
                    if stop.is_set():
                        return
                    try:
                        signup(http, worker * 10_000 + index)
                        sent["ok"] += 1
                    except httpx.HTTPError:
                        return  # the server is gone

        threads = [threading.Thread(target=hammer, args=(w,)) for w in range(8)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while sent["ok"] < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)  # mid-load, no chance to clean up
        process.wait(10)
        stop.set()
        for thread in threads:
            thread.join(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        if process.stdout is not None:
            process.stdout.close()

    assert sent["ok"] >= 40
    with sqlite3.connect(data_dir / "sandbox" / "sandbox.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        orphans = db.execute(
            "SELECT COUNT(*) FROM accounts a LEFT JOIN structures s ON a.structure_id = s.id "
            "WHERE s.id IS NULL"
        ).fetchone()
        assert orphans == (0,)
    # ... and the server starts again on it, delivering what the kill left undelivered.
    with SandboxServer(data_dir) as server:
        server.wait_ready(30)
        assert httpx.get(f"{server.base_url}/sandbox/v1/sante").status_code == 200
        mails = Counter(str(m["To"].addresses[0].addr_spec) for m in read_mails(server))
    with sqlite3.connect(data_dir / "sandbox" / "sandbox.db") as db:
        saved = [
            row[0] for row in db.execute("SELECT email FROM accounts WHERE email LIKE 'charge.%'")
        ]
    assert saved
    assert {address: mails[address] for address in saved} == dict.fromkeys(saved, 1)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_crash_and_fuzz_script_finds_nothing() -> None:
    """schemathesis with and without credentials, 64-way races, kill -9 under load."""
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "reliability.py"
    done = subprocess.run(
        [sys.executable, str(script), "--max-time", "20", "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=850,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Every figure as expected → met" in done.stdout
