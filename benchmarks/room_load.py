"""The training room under load: 30 trainees signing up at once while the trainer's page is open.

The sandbox runs as ``chorus-wizard-sandbox --scenario FILE`` does (its own process, a fresh
data directory, loopback only, a free port), with a scenario of one fictitious company per
trainee. The trainer's page is open in the system's headless Chromium (Playwright, as the
browser tests drive it); a ``MutationObserver`` in the page notes when each trainee's row
first shows each step. Each trainee is a thread using the wizard's own HTTP client
(``tests/room/trainee.py``): identify, create the account, choose workspaces, activate with
the code from the Maildir, all trainees starting together.

Reported:

- errors: failed trainee steps, non-200 answers to the page's own polling, steps never shown;
- the page's update delay: from a step's answer reaching the trainee to the step on the page,
  p50 / p95 / max per step, against the same delay with one trainee alone (same run, before);
- ``GET /salle/v1/etat`` latency measured beside the page while the room is busy, against the
  idle room.

Usage: ``uv run python benchmarks/room_load.py [--trainees 30] [--max-seconds 120]``
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from playwright.sync_api import Page
from stdnum import luhn

from benchmarks._common import (
    PYTHON,
    ROOT,
    child_env,
    machine_summary,
    median,
    percentile,
    ratio,
    table,
    verdict,
)
from chorus_wizard.contracts.room import TOKEN_HEADER
from tests.room.browser import chromium
from tests.room.trainee import Trainee

ROOM_LINE = re.compile(r"Salle de formation : (http://127\.0\.0\.1:\d+)/salle$")
TOKEN_LINE = re.compile(r"Jeton de la salle : (\S+) ")
STEPS = ("compte_cree", "espaces_choisis", "active")

#: Notes, in the page, the first moment each row shows each step (``email|step`` → epoch ms).
OBSERVER = """
() => {
  window.seenSteps = {};
  const body = document.getElementById("room-body");
  const note = () => {
    const now = Date.now();
    for (const row of body.querySelectorAll("tr[data-email]")) {
      const key = row.dataset.email + "|" + row.dataset.etape;
      if (!(key in window.seenSteps)) window.seenSteps[key] = now;
    }
  };
  new MutationObserver(note).observe(body, { childList: true, subtree: true, attributes: true });
  note();
}
"""


def fictitious_sirets(count: int, start: int = 91000000) -> list[str]:
    """``count`` SIRETs with valid check digits (SIREN Luhn, then SIRET Luhn)."""
    found = []
    for number in range(start, start + count):
        siren = str(number) + luhn.calc_check_digit(str(number))
        head = siren + "0001"
        found.append(head + luhn.calc_check_digit(head))
    return found


def scenario_text(sirets: list[str]) -> str:
    lines = ['titre = "Banc d\'essai de la salle"\n']
    for index, siret in enumerate(sirets):
        lines.append(
            "[[entreprise]]\n"
            'situation = "creation"\n'
            f'raison_sociale = "ENTREPRISE D\'ESSAI {index:02d} (FICTIVE)"\n'
            f'siret = "{siret}"\n'
            'adresse = "1 RUE DE L\'ESSAI"\n'
            'code_postal = "69002"\n'
            'ville = "LYON"\n'
        )
    return "\n".join(lines)


@dataclass
class Run:
    """One group of trainees: when each step's answer came back, and what failed."""

    done_ms: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def done(self, email: str, step: str) -> None:
        with self.lock:
            self.done_ms[f"{email}|{step}"] = time.time() * 1000

    def failed(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)


def sign_up(trainee: Trainee, run: Run, start: threading.Barrier) -> None:
    step = "identifie"
    try:
        start.wait(timeout=60)
        trainee.identify()
        step = "compte_cree"
        trainee.create_account()
        run.done(trainee.email, step)
        step = "espaces_choisis"
        trainee.choose_workspaces()
        run.done(trainee.email, step)
        step = "active"
        trainee.activate()
        run.done(trainee.email, step)
    except Exception as exc:  # counted and reported: the benchmark goes on
        cause = exc.__cause__ or exc.__context__
        why = f" ({type(cause).__name__}: {cause})" if cause else ""
        run.failed(f"{trainee.email} ({step}): {type(exc).__name__}: {exc}{why}")
    finally:
        trainee.close()


def run_group(
    page: Page, base: str, mail_dir: Path, sirets: list[str], tag: str, max_seconds: float
) -> tuple[Run, dict[str, float]]:
    run = Run()
    trainees = [
        Trainee(base, mail_dir, f"{tag}{i:02d}@exemple.fr", siret, "Camille", f"Essai{i:02d}")
        for i, siret in enumerate(sirets)
    ]
    start = threading.Barrier(len(trainees))
    with ThreadPoolExecutor(len(trainees)) as pool:
        for trainee in trainees:
            pool.submit(sign_up, trainee, run, start)
    wanted = {f"{t.email}|active" for t in trainees}
    deadline = time.monotonic() + max_seconds
    seen: dict[str, float] = {}
    while time.monotonic() < deadline:
        seen = page.evaluate("window.seenSteps")
        if wanted <= set(seen):
            break
        page.wait_for_timeout(200)
    return run, seen


def delays(run: Run, seen: dict[str, float]) -> tuple[dict[str, list[float]], int]:
    """Seconds from each step's answer to the page showing it; and the steps never shown."""
    by_step: dict[str, list[float]] = {s: [] for s in STEPS}
    missing = 0
    for key, done in run.done_ms.items():
        step = key.rsplit("|", 1)[1]
        # A later step seen first also shows this one as reached: take the earliest.
        email = key.rsplit("|", 1)[0]
        later = [seen[f"{email}|{s}"] for s in STEPS[STEPS.index(step) :] if f"{email}|{s}" in seen]
        if not later:
            missing += 1
            continue
        by_step[step].append(max(0.0, (min(later) - done) / 1000))
    return by_step, missing


def poll_state(base: str, token: str, stop: threading.Event, into: list[float]) -> None:
    with httpx.Client(base_url=base, headers={TOKEN_HEADER: token}, timeout=30) as http:
        while not stop.is_set():
            started = time.perf_counter()
            response = http.get("/salle/v1/etat")
            if response.status_code == 200:
                into.append((time.perf_counter() - started) * 1000)
            stop.wait(0.2)


def state_latency(base: str, token: str, seconds: float) -> list[float]:
    values: list[float] = []
    stop = threading.Event()
    thread = threading.Thread(target=poll_state, args=(base, token, stop, values))
    thread.start()
    time.sleep(seconds)
    stop.set()
    thread.join(30)
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--max-seconds", type=float, default=120.0)
    args = parser.parse_args(argv)
    print(machine_summary())
    folder = Path(tempfile.mkdtemp(prefix="chorus-room-bench-"))
    sirets = fictitious_sirets(args.trainees + 1)
    scenario = folder / "banc.toml"
    scenario.write_text(scenario_text(sirets), encoding="utf-8")
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "chorus_wizard.sandbox",
            "--data-dir",
            str(folder / "data"),
            "--scenario",
            str(scenario),
        ],
        stdout=subprocess.PIPE,
        stderr=(folder / "sandbox-stderr.log").open("w"),
        text=True,
        env=child_env(),
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        base = token = ""
        for line in server.stdout:
            line = line.rstrip("\n").replace("\u00a0", " ")
            if found := ROOM_LINE.search(line):
                base = found.group(1)
            elif found := TOKEN_LINE.search(line):
                token = found.group(1)
                break
        if not token:
            print("Le bac à sable n'a pas annoncé la salle.")
            return 1
        mail_dir = folder / "data" / "sandbox" / "mail"
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            polls: list[int] = []
            page.on(
                "response",
                lambda r: polls.append(r.status) if r.url.endswith("/salle/v1/etat") else None,
            )
            page.goto(f"{base}/salle")  # as the trainer does: the token pasted in the form
            page.locator("#jeton").fill(token)
            with page.expect_navigation():
                page.locator("button[type=submit]").click()
            page.wait_for_selector("#room-head th", state="attached")
            page.evaluate(OBSERVER)
            idle_state = state_latency(base, token, 3.0)
            alone, alone_seen = run_group(
                page, base, mail_dir, sirets[:1], "seul", args.max_seconds
            )
            busy_state: list[float] = []
            stop = threading.Event()
            poller = threading.Thread(target=poll_state, args=(base, token, stop, busy_state))
            poller.start()
            started = time.perf_counter()
            room, room_seen = run_group(page, base, mail_dir, sirets[1:], "salle", args.max_seconds)
            elapsed = time.perf_counter() - started
            stop.set()
            poller.join(30)
            shown = page.locator("#room-body tr[data-etape=active]").count()
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        logged = (folder / "sandbox-stderr.log").read_text(errors="replace").splitlines()
        shutil.rmtree(folder, ignore_errors=True)
    problems = [
        line for line in logged if "Traceback" in line or line.startswith(("ERROR", "WARN"))
    ]
    print(f"Sandbox error output: {len(problems)} error or warning lines.")
    for line in problems[:10]:
        print(f"  {line}")

    alone_delays, alone_missing = delays(alone, alone_seen)
    room_delays, room_missing = delays(room, room_seen)
    poll_errors = sum(1 for status in polls if status != 200)
    errors = len(alone.errors) + len(room.errors) + poll_errors + alone_missing + room_missing
    rows = []
    for step in STEPS:
        values, base_values = room_delays[step], alone_delays[step]
        if not values or not base_values:
            rows.append([step, "—", "—", "—", "—", "—"])
            continue
        rows.append(
            [
                step,
                f"{median(values):.2f}",
                f"{percentile(values, 95):.2f}",
                f"{max(values):.2f}",
                f"{median(base_values):.2f}",
                ratio(percentile(values, 95), max(base_values)),
            ]
        )
    every = [v for step in STEPS for v in room_delays[step]]
    print(
        table(
            ["step", "p50 (s)", "p95 (s)", "max (s)", "alone (s)", "p95 / alone"],
            rows,
            f"Page update delay, {args.trainees} trainees at once (poll every 1 s)",
        )
    )
    if idle_state and busy_state:
        print(
            table(
                ["room", "requests", "p50 (ms)", "p95 (ms)", "p95 / idle"],
                [
                    [
                        "idle",
                        len(idle_state),
                        f"{median(idle_state):.1f}",
                        f"{percentile(idle_state, 95):.1f}",
                        "1.00×",
                    ],
                    [
                        f"{args.trainees} signing up",
                        len(busy_state),
                        f"{median(busy_state):.1f}",
                        f"{percentile(busy_state, 95):.1f}",
                        ratio(percentile(busy_state, 95), percentile(idle_state, 95)),
                    ],
                ],
                "GET /salle/v1/etat latency",
            )
        )
    print(
        f"\n{args.trainees} trainees signed up and activated in {elapsed:.1f} s; "
        f"{shown} rows shown as activated; page polls: {len(polls)}, non-200: {poll_errors}; "
        f"steps never shown: {alone_missing + room_missing}."
    )
    for error in (alone.errors + room.errors)[:10]:
        print("  error:", error)
    worst = max(every) if every else float("inf")
    print(
        f"Target (0 errors, every step on the page within 2 s): "
        f"{verdict(errors == 0 and worst <= 2.0)} — errors {errors}, worst delay {worst:.2f} s"
    )
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
