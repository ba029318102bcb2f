"""Shared helpers of the benchmark scripts: statistics, tables, environment. Standard library only.

Every script prints its table(s), the median (or percentiles) of several runs, and ratios
against a baseline measured in the same run: the machine is shared and noisy, so only
same-run comparisons mean something.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

#: Bytecode cache of the measured children, outside the repository and the virtualenv. The
#: shell may set PYTHONDONTWRITEBYTECODE (this machine does): then every process would compile
#: every module from source, which no installed or packaged app does after its first run.
PYCACHE = Path(tempfile.gettempdir()) / "chorus-wizard-bench-pycache"


def use_offscreen_qt() -> None:
    """Headless Qt unless the caller chose a platform (``QT_QPA_PLATFORM``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def child_env(*, bytecode_cache: bool = True, **extra: str) -> dict[str, str]:
    """Environment for a measured child process: offscreen Qt, and (by default) a bytecode
    cache of its own (:data:`PYCACHE`), filled by the warm-up runs."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    env.update(extra)
    return env


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100), nearest-rank on sorted values (no interpolation)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered) + 0.4999999))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×" if baseline > 0 else "n/a"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> str:
    """A plain-text (and Markdown-compatible) table."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    out = [f"\n{title}\n"] if title else []
    out.append(line(cells[0]))
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    out.extend(line(r) for r in cells[1:])
    return "\n".join(out)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def machine_summary() -> str:
    """One line about where the numbers come from."""
    cpu = platform.processor() or "?"
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from importlib.metadata import version

        pyside = version("PySide6-Essentials")
    except Exception:  # not installed the usual way: say so rather than fail
        pyside = "?"
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPU(s) ({cpu}), "
        f"Python {platform.python_version()}, PySide6 {pyside}"
    )


def run_python(
    code: str,
    args: Sequence[str] = (),
    *,
    timeout: float,
    env: dict[str, str] | None = None,
    python_flags: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run ``python -c code`` from the project root; raise if it fails, with its stderr."""
    done = subprocess.run(
        [PYTHON, *python_flags, "-c", code, *args],
        cwd=ROOT,
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done
