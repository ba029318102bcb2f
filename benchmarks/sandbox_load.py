"""Sandbox server under load: signups per second and latency at 1, 8 and 64 concurrent clients.

The server runs as ``chorus-wizard-sandbox`` does (``python -m chorus_wizard.sandbox``, its own
process, a fresh data directory, loopback, a free port). Clients are ``httpx.AsyncClient``
coroutines in this process, each sending its requests one after the other on a kept-alive
connection; a level stops after ``--requests`` requests or ``--max-seconds``.

- signup: ``POST /sandbox/v1/comptes`` with a fresh e-mail and a free structure identifier
  (``typeIdentifiantStructure`` ``AUTRE`` takes free text): one SQLite write transaction, one
  mail written to the Maildir;
- baseline: ``GET /sandbox/v1/sante`` at the same concurrency, on the same server;
- diagnostic, 1 client: ``GET /sandbox/v1/sante`` opening a new connection per request.

Every answer other than 201 (signup) or 200 (sante), and every transport error, is counted.

Usage: ``uv run python benchmarks/sandbox_load.py [--requests 300] [--max-seconds 60]``
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from benchmarks._common import (
    machine_summary,
    percentile,
    ratio,
    table,
    verdict,
)
from benchmarks._sandbox import SandboxServer

LEVELS = (1, 8, 64)


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def error(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    @property
    def per_second(self) -> float:
        done = len(self.latencies_ms)
        return done / self.seconds if self.seconds else 0.0


def signup_body(tag: str) -> dict[str, Any]:
    return {
        "email": f"bench-{tag}@exemple.fr",
        "nom": "Martin",
        "prenom": "Camille",
        "structure": {
            "typeIdentifiantStructure": "AUTRE",
            "identifiantStructure": f"BENCH-{tag}",
            "raisonSociale": "Banc d'essai",
            "adresse": "20 AVENUE DE SEGUR",
            "codePostal": "75007",
            "ville": "PARIS",
            "codePays": "FR",
        },
        "fonctionnalites": {"deposerDemandesPaiement": True, "dume": False},
    }


async def load(
    base: str,
    kind: str,
    concurrency: int,
    requests: int,
    max_seconds: float,
    *,
    new_connection: bool = False,
) -> Result:
    result = Result()
    remaining = requests
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Connection": "close"} if new_connection else {}
    async with httpx.AsyncClient(
        base_url=base, limits=limits, timeout=30.0, headers=headers
    ) as client:

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0 and time.monotonic() < deadline:
                remaining -= 1
                start = time.perf_counter()
                try:
                    if kind == "signup":
                        body = signup_body(uuid.uuid4().hex[:16])
                        response = await client.post("/sandbox/v1/comptes", json=body)
                        expected = 201
                    else:
                        response = await client.get("/sandbox/v1/sante")
                        expected = 200
                except httpx.HTTPError as exc:
                    result.error(type(exc).__name__)
                    continue
                if response.status_code != expected:
                    result.error(f"HTTP {response.status_code}")
                    continue
                result.latencies_ms.append((time.perf_counter() - start) * 1000)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per level")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="cap per level")
    args = parser.parse_args()
    requests = max(1, min(args.requests, 2000))
    print(machine_summary())
    print(f"{requests} requests per level (at most {args.max_seconds:.0f} s each)")

    work = Path(tempfile.mkdtemp(prefix="cw-bench-load-"))
    server = SandboxServer(work / "data")
    rows = []
    total_errors = 0
    try:
        asyncio.run(load(server.base_url, "sante", 4, 40, 20))  # warm-up
        asyncio.run(load(server.base_url, "signup", 4, 20, 20))
        for concurrency in LEVELS:
            base = asyncio.run(
                load(server.base_url, "sante", concurrency, requests, args.max_seconds)
            )
            signup = asyncio.run(
                load(server.base_url, "signup", concurrency, requests, args.max_seconds)
            )
            for label, res in (("GET sante (baseline)", base), ("POST comptes (signup)", signup)):
                total_errors += res.errors
                values = res.latencies_ms or [0.0]
                rows.append(
                    [
                        concurrency,
                        label,
                        len(res.latencies_ms),
                        f"{res.errors}" + (f" {res.error_kinds}" if res.errors else ""),
                        f"{res.per_second:.1f}",
                        f"{percentile(values, 50):.1f}",
                        f"{percentile(values, 95):.1f}",
                        f"{percentile(values, 99):.1f}",
                        ratio(res.per_second, base.per_second) if res is signup else "1.00×",
                    ]
                )
        fresh = asyncio.run(
            load(server.base_url, "sante", 1, min(requests, 100), 30, new_connection=True)
        )
        total_errors += fresh.errors
        rows.append(
            [
                1,
                "GET sante, new connection each (diagnostic)",
                len(fresh.latencies_ms),
                fresh.errors,
                f"{fresh.per_second:.1f}",
                f"{percentile(fresh.latencies_ms or [0.0], 50):.1f}",
                f"{percentile(fresh.latencies_ms or [0.0], 95):.1f}",
                f"{percentile(fresh.latencies_ms or [0.0], 99):.1f}",
                "",
            ]
        )
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(
        table(
            [
                "clients",
                "request",
                "ok",
                "errors",
                "per second",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "rate vs sante",
            ],
            rows,
            "Sandbox server on loopback (server in its own process, clients in this one)",
        )
    )
    print(f"\nZero errors expected → {total_errors} : {verdict(total_errors == 0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
