"""Memory: peak resident set (``ru_maxrss``) of a full wizard run vs a bare QWizard.

Each measurement is a fresh process (this script with ``--child``), read with
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` at the end:

- ``bare``: a ``QWizard`` with four empty pages, shown, clicked through to the last page;
- ``wizard shown``: ``build_wizard`` on the embedded sandbox, shown, server ready (diagnostic);
- ``wizard, full run``: the same, then the four steps against the embedded sandbox (the server
  runs in a process of its own, as in the product: only the wizard's process is measured).

The harness adds as little as it can to the measured process: it waits for the sandbox with
``http.client`` (standard library, plain HTTP), not ``httpx``, whose client would load the
system's certificates for a TLS context the wizard never builds for the plain-HTTP sandbox.

Usage: ``uv run python benchmarks/memory.py [--runs 5]`` (target: full run < bare + 60 MB).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import (
    machine_summary,
    median,
    run_python,
    table,
    use_offscreen_qt,
    verdict,
)

TARGET_EXTRA_MB = 60.0
PROGRAMS = ("bare", "wizard-shown", "wizard-run")
LABELS = {
    "bare": "bare QWizard (baseline)",
    "wizard-shown": "wizard shown, sandbox ready",
    "wizard-run": "wizard, full four-step run",
}


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float:
    """Resident set now (Linux ``/proc/self/statm``); the peak elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return peak_rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def mark(label: str) -> None:
    print(f"MARK {current_rss_mb():.1f} {peak_rss_mb():.1f} {label}", flush=True)


def child(program: str) -> None:
    """Run one program in this process and print its peak RSS (MB)."""
    use_offscreen_qt()
    from PySide6.QtWidgets import QApplication

    mark("PySide6 imported")

    app = QApplication([sys.argv[0]])
    if program == "bare":
        from PySide6.QtWidgets import QWizard, QWizardPage

        bare = QWizard()
        for _ in range(4):
            bare.addPage(QWizardPage())
        bare.show()
        for _ in range(3):
            app.processEvents()
            bare.next()
        app.processEvents()
    else:
        from benchmarks._drive import full_run, wait_exposed, wait_until
        from chorus_wizard.app import build_wizard
        from chorus_wizard.ui.wizard import SignupWizard

        mark("chorus_wizard.app imported")

        data_dir = Path(tempfile.mkdtemp(prefix="cw-bench-mem-"))
        wizard = build_wizard(["--data-dir", str(data_dir)])
        assert isinstance(wizard, SignupWizard)
        wizard.show()
        wait_exposed(wizard)
        mark("wizard built and shown")
        # The sandbox (its own process since it left the wizard's) answers its health check.
        # Asked with http.client, not httpx: httpx.get() would build a client with a TLS
        # context (the certificates loaded, about 3 MB) that the wizard never makes for the
        # plain-HTTP sandbox. Imported here: the bare QWizard's process needs none of it.
        import http.client
        from urllib.parse import urlsplit

        health = urlsplit(f"{wizard.context.profile.api_base}/sandbox/v1/sante")

        def sandbox_answers() -> bool:
            connection = http.client.HTTPConnection(health.netloc, timeout=0.5)
            try:
                connection.request("GET", health.path)
                return connection.getresponse().status == 200
            except OSError:
                return False
            finally:
                connection.close()

        wait_until(sandbox_answers, 60, "server")
        mark("embedded sandbox started")
        if program == "wizard-run":
            full_run(wizard, on_step=lambda s: mark(f"step {s}"))
        app.processEvents()
    print(f"PEAK_MB {peak_rss_mb():.1f}", flush=True)
    # Leave at once: teardown is not measured (and see docs/performance.md about PySide6
    # 6.12.0 aborting at exit after many signal emissions).
    os._exit(0)


def measure(program: str) -> tuple[float, list[tuple[str, float, float]]]:
    """Peak MB of one process, and its marks: (label, RSS now MB, peak so far MB)."""
    done = run_python(
        "import runpy, sys; sys.argv = sys.argv[1:]; "
        "runpy.run_path(sys.argv[0], run_name='__main__')",
        [str(Path(__file__).resolve()), "--child", program],
        timeout=120,
    )
    lines = done.stdout.splitlines()
    line = next(x for x in lines if x.startswith("PEAK_MB"))
    marks = []
    for row in lines:
        if row.startswith("MARK "):
            _, now, peak, label = row.split(" ", 3)
            marks.append((label, float(now), float(peak)))
    return float(line.split()[1]), marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per program")
    parser.add_argument("--child", choices=PROGRAMS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    print(machine_summary())
    for program in PROGRAMS:  # warm-up: bytecode cache
        measure(program)
    peaks: dict[str, list[float]] = {p: [] for p in PROGRAMS}
    marks: list[tuple[str, float, float]] = []
    for _ in range(max(3, args.runs)):
        for program in PROGRAMS:
            peak, marks_of_run = measure(program)
            peaks[program].append(peak)
            if program == "wizard-run":
                marks = marks_of_run
    base = median(peaks["bare"])
    rows = [
        [
            LABELS[p],
            len(peaks[p]),
            f"{median(peaks[p]):.1f}",
            f"{min(peaks[p]):.1f}–{max(peaks[p]):.1f}",
            f"{median(peaks[p]) - base:+.1f}",
            f"{median(peaks[p]) / base:.2f}×",
        ]
        for p in PROGRAMS
    ]
    print(
        table(
            ["program", "runs", "peak RSS MB (median)", "range", "vs bare MB", "vs bare"],
            rows,
            "Peak resident memory (ru_maxrss), one process per run",
        )
    )
    print(
        table(
            ["wizard, full run: after", "RSS now MB", "peak so far MB"],
            [[label, f"{now:.1f}", f"{peak:.1f}"] for label, now, peak in marks],
            "Where the memory goes (last full run)",
        )
    )
    extra = median(peaks["wizard-run"]) - base
    print(
        f"\nTarget: full run < bare + {TARGET_EXTRA_MB:.0f} MB → {extra:+.1f} MB : "
        f"{verdict(extra < TARGET_EXTRA_MB)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
