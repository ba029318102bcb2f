"""Start-up of the bundle: launch → first page painted, cold and warm, vs a bare QWizard bundle.

The program users launch is the PyInstaller bundle, not the source tree. This script builds,
in this run and with the same PyInstaller, three one-folder bundles around one entry script
(``startup.py``'s child, the same first-paint probe, behind a few lines that pick a mode):

- ``wizard``: ``packaging/chorus-wizard.spec`` itself (same excludes, hidden imports, data and
  pruning, and its second executable, ``chorus-wizard-sandbox``) with that entry script for
  the wizard's executable, which ends in ``chorus_wizard.start.main`` as the shipped
  ``chorus-wizard`` does;
- ``bare``: a ``QWizard`` with four empty pages, PySide6 only, pruned the same way
  (``packaging/pruning.py``);
- ``bare server`` (for the sandbox): FastAPI and uvicorn only, one route, same pruning.

First paint: the probe of ``benchmarks/startup.py`` (window exposed, first ``Paint``, then a
zero-delay timer), which prints the time; the harness took it just before launching. Warm:
the bundles' files in the page cache (warm-up launches first), runs interleaved. Cold: each
launch from a fresh copy of the folder, after ``sync`` and dropping the page cache
(``/proc/sys/vm/drop_caches``) when the user may (root), else from the fresh copy alone
(said so: files just written are still in the cache).

The sandbox process: the wizard bundle's parent binds the socket and starts the sandbox as the
wizard does (``chorus_wizard.sandbox.process.parent.SandboxProcess``: the bundle's
``chorus-wizard-sandbox`` executable, handed the socket); the harness sends ``GET
/sandbox/v1/sante`` as soon as the URL is known (the request waits in the listen backlog) and
times the answer from the start of the child. The baseline: the bare server bundle's parent
does the same with a minimal FastAPI app on uvicorn (its own executable started again, handed
the socket the same way).

Usage: ``uv run --group packaging python benchmarks/bundle_startup.py [--runs 9]
[--cold-runs 5] [--keep DIR] [--spec SPEC]`` (``--keep``: build there, or reuse the bundles
built there; ``--spec``: another wizard spec that reads ``CHORUS_WIZARD_BUNDLE_ENTRY``).
Targets: wizard ≤ 1.3× bare warm, ≤ 1.5× cold. Linux (the first paint probe runs offscreen).
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import ROOT, child_env, machine_summary, median, ratio, table, verdict
from benchmarks.bundle_size import size_of
from benchmarks.startup import CHILD

WARM_TARGET = 1.3
COLD_TARGET = 1.5
NAME = "chorus-wizard"
SPEC = ROOT / "packaging" / "chorus-wizard.spec"
HEALTH = "/sandbox/v1/sante"
#: Runs first in every bundle: the server modes are served by bundle_server.py; anything else
#: is startup.py's child, unchanged.
PREAMBLE = """
import sys
if sys.argv[1:2] in (["sandbox"], ["bare-server"], ["bare-child"]):
    import bundle_server
    raise SystemExit(bundle_server.main(sys.argv[1], sys.argv[2]))
"""

#: The server modes.
SERVER_MODULE = f'''
"""Parent of a sandbox process (the wizard's, or a bare FastAPI app), timed from its start."""
import socket
import subprocess
import sys
import time
from pathlib import Path


def bare_child(fd):
    import uvicorn
    from fastapi import FastAPI

    app = FastAPI()

    @app.get({HEALTH!r})
    def health():
        return {{"statut": "ok"}}

    sock = socket.socket(fileno=fd)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


def main(mode, argument):
    if mode == "bare-child":
        bare_child(int(argument))
        return 0
    if mode == "sandbox":
        from chorus_wizard.sandbox.process.parent import SandboxProcess

        process = SandboxProcess(Path(argument))
        print("URL", process.bind(), flush=True)
        spawned = time.time_ns()
        process.serve()
        stop = process.stop
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)
        print("URL", "http://127.0.0.1:%d" % sock.getsockname()[1], flush=True)
        fd = sock.fileno()
        spawned = time.time_ns()
        child = subprocess.Popen(
            [sys.executable, "bare-child", str(fd)],
            pass_fds=(fd,),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

        def stop():
            child.terminate()
            child.wait(5)

    print("SPAWNED", spawned, flush=True)
    sys.stdin.readline()  # the harness has its answer
    stop()
    return 0
'''

#: Spec of the bare bundles: the same pruning and module excludes as the wizard's.
BARE_SPEC = """
import sys
sys.path.insert(0, {packaging!r})
from pruning import MODULE_EXCLUDES, QT_EXCLUDES, prune

a = Analysis(
    [{entry!r}],
    pathex=[{folder!r}],
    hiddenimports={hidden!r},
    excludes=QT_EXCLUDES + MODULE_EXCLUDES + {excludes!r},
)
prune(a, workpath)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name={name!r}, strip=True, upx=False,
          console=True)
coll = COLLECT(exe, a.binaries, a.datas, strip=True, upx=False, name={name!r})
"""

SERVER_STACK = [
    "fastapi",
    "uvicorn",
    "starlette",
    "pydantic",
    "pydantic_core",
    "anyio",
    "h11",
    "httpx",
]
UVICORN_LAZY = [
    "uvicorn.logging",
    "uvicorn.loops.auto",
    "uvicorn.loops.asyncio",
    "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.protocols.websockets.auto",
    "uvicorn.lifespan.on",
    "uvicorn.lifespan.off",
]


class Bundles(NamedTuple):
    wizard: Path
    bare: Path
    server: Path


def _pyinstaller(spec: Path, dist: Path, work: Path, env: dict[str, str]) -> None:
    command = ["nice", "-n", "10", sys.executable, "-m", "PyInstaller", "--noconfirm"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(spec)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"PyInstaller failed for {spec.name}:\n{done.stderr[-3000:]}")


def build(folder: Path, spec: Path = SPEC) -> Bundles:
    """The three bundles under ``folder``, each built unless already there; ``spec``: the
    wizard's (another state of it, to compare)."""
    entry = folder / "bench_entry.py"
    bundles = Bundles(*(folder / kind / NAME for kind in ("wizard", "bare", "server")))
    folder.mkdir(parents=True, exist_ok=True)
    entry.write_text(PREAMBLE + CHILD)
    (folder / "bundle_server.py").write_text(textwrap.dedent(SERVER_MODULE))
    started = time.monotonic()
    if not (bundles.wizard / NAME).is_file():
        env = {**os.environ, "CHORUS_WIZARD_BUNDLE_ENTRY": str(entry)}
        _pyinstaller(spec, folder / "wizard", folder / "build-wizard", env)
    bare_kinds = (
        # multiprocessing too, as in the wizard's executable (PyInstaller's runtime hook for
        # it would import it at every start of the bare QWizard).
        ("bare", [], ["chorus_wizard", "bundle_server", "multiprocessing", *SERVER_STACK]),
        ("server", ["bundle_server", *UVICORN_LAZY], ["chorus_wizard", "PySide6", "shiboken6"]),
    )
    for kind, hidden, excludes in bare_kinds:
        if (getattr(bundles, kind) / NAME).is_file():
            continue
        spec_file = folder / f"{kind}.spec"
        spec_file.write_text(
            BARE_SPEC.format(
                packaging=str(ROOT / "packaging"),
                entry=str(entry),
                folder=str(folder),
                hidden=hidden,
                excludes=excludes,
                name=NAME,
            )
        )
        _pyinstaller(spec_file, folder / kind, folder / f"build-{kind}", dict(os.environ))
    print(f"bundles ready in {time.monotonic() - started:.0f} s (those in {folder} reused)")
    return bundles


def drop_page_cache() -> bool:
    """Write dirty pages and drop the page cache; False when not allowed (not root)."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


class Launch(NamedTuple):
    folder: Path  # the bundle folder to run
    cleanup: Path | None  # a fresh copy to remove afterwards


def prepare(bundle: Path, cold: bool, scratch: Path) -> tuple[Launch, bool]:
    """The folder to launch and whether the page cache was dropped (cold: a fresh copy)."""
    if not cold:
        return Launch(bundle, None), False
    copy = Path(tempfile.mkdtemp(prefix="copy-", dir=scratch)) / NAME
    shutil.copytree(bundle, copy, symlinks=True)
    return Launch(copy, copy.parent), drop_page_cache()


def first_paint(bundle: Path, variant: str, *, cold: bool, scratch: Path) -> tuple[float, bool]:
    """(ms from launch to the first page painted, page cache dropped)."""
    where, dropped = prepare(bundle, cold, scratch)
    data_dir = tempfile.mkdtemp(prefix="data-", dir=scratch)
    try:
        start = time.time_ns()
        done = subprocess.run(
            [str(where.folder / NAME), variant, data_dir],
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if where.cleanup is not None:
            shutil.rmtree(where.cleanup, ignore_errors=True)
    line = next((x for x in done.stdout.splitlines() if x.startswith("PAINTED")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"{bundle} {variant} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return (int(line.split()[1]) - start) / 1e6, dropped


def first_answer(
    bundle: Path, mode: str, *, cold: bool, scratch: Path
) -> tuple[float, float, bool]:
    """(ms from the child's start to the first answer, ms from the launch, page cache
    dropped)."""
    where, dropped = prepare(bundle, cold, scratch)
    data_dir = tempfile.mkdtemp(prefix="data-", dir=scratch)
    env = child_env()
    start = time.time_ns()
    process = subprocess.Popen(
        [str(where.folder / NAME), mode, data_dir],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        url = process.stdout.readline().split()
        if url[:1] != ["URL"]:
            raise RuntimeError(f"{bundle} {mode}: no URL ({url})")
        address = urlsplit(url[1])
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        connection.request("GET", HEALTH)  # waits in the backlog until the child serves
        status = connection.getresponse().status
        answered = time.time_ns()
        connection.close()
        if status != 200:
            raise RuntimeError(f"{bundle} {mode}: {HEALTH} answered {status}")
        spawned = int(process.stdout.readline().split()[1])
        process.stdin.write("\n")
        process.stdin.flush()
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(data_dir, ignore_errors=True)
        if where.cleanup is not None:
            shutil.rmtree(where.cleanup, ignore_errors=True)
    return (answered - spawned) / 1e6, (answered - start) / 1e6, dropped


def spread(values: list[float]) -> str:
    return f"{median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="warm runs per program (≥ 5)")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold runs per program")
    parser.add_argument("--keep", type=Path, help="build the bundles there (or reuse them)")
    parser.add_argument(
        "--spec", type=Path, default=SPEC, help="the wizard's spec (default: the project's)"
    )
    parser.add_argument(
        "--other",
        type=Path,
        help="another --keep folder (e.g. built with --spec from an earlier state): its wizard "
        "bundle is measured too, in the same runs, as « wizard (other) »",
    )
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        print("Linux only (the probe runs offscreen; the cold runs drop Linux's page cache).")
        return 2
    print(machine_summary())
    scratch = Path(tempfile.mkdtemp(prefix="cw-bundle-start-"))
    folder = args.keep.resolve() if args.keep else scratch / "bundles"
    try:
        bundles = build(folder, args.spec.resolve())
        other = args.other.resolve() / "wizard" / NAME if args.other else None
        if other is not None and not (other / NAME).is_file():
            parser.error(f"no wizard bundle in {args.other}")
        return measure(bundles, max(5, args.runs), max(1, args.cold_runs), scratch, other)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measure(
    bundles: Bundles, runs: int, cold_runs: int, scratch: Path, other: Path | None = None
) -> int:
    sizes = [[k, f"{size_of(b)[0] / 2**20:.1f}"] for k, b in bundles._asdict().items()]
    gui = {"bare": (bundles.bare, "bare"), "wizard": (bundles.wizard, "wizard")}
    if other is not None:
        sizes.append(["wizard (other)", f"{size_of(other)[0] / 2**20:.1f}"])
        gui["wizard (other)"] = (other, "wizard")
    servers = {
        "bare server": (bundles.server, "bare-server"),
        "sandbox": (bundles.wizard, "sandbox"),
    }
    if other is not None:
        servers["sandbox (other)"] = (other, "sandbox")
    print(table(["bundle", "MiB"], sizes, "The bundles measured"))
    print(f"{runs} warm runs, then {cold_runs} cold runs per program, interleaved")
    for bundle, variant in gui.values():  # warm-up: the files in the page cache
        first_paint(bundle, variant, cold=False, scratch=scratch)
    for bundle, mode in servers.values():
        first_answer(bundle, mode, cold=False, scratch=scratch)

    paint: dict[tuple[str, bool], list[float]] = {(k, c): [] for k in gui for c in (False, True)}
    answer: dict[tuple[str, bool], list[float]] = {
        (k, c): [] for k in servers for c in (False, True)
    }
    launch_to_answer: dict[str, list[float]] = {k: [] for k in servers}
    dropped_all = True
    # All the warm runs first: a cold run drops the page cache for every program.
    for cold, count in ((False, runs), (True, cold_runs)):
        for _ in range(count):
            for key, (bundle, variant) in gui.items():
                ms, dropped = first_paint(bundle, variant, cold=cold, scratch=scratch)
                paint[key, cold].append(ms)
                dropped_all &= dropped or not cold
            for key, (bundle, mode) in servers.items():
                ms, total, dropped = first_answer(bundle, mode, cold=cold, scratch=scratch)
                answer[key, cold].append(ms)
                if not cold:
                    launch_to_answer[key].append(total)
                dropped_all &= dropped or not cold

    cold_how = (
        "fresh copy, page cache dropped"
        if dropped_all
        else "fresh copy only (page cache not dropped: not allowed)"
    )
    rows = []
    for key in gui:
        warm, cold = paint[key, False], paint[key, True]
        rows.append(
            [
                key,
                spread(warm),
                ratio(median(warm), median(paint["bare", False])),
                spread(cold),
                ratio(median(cold), median(paint["bare", True])),
            ]
        )
    print(
        table(
            ["bundle", "warm (ms, median, range)", "vs bare", f"cold (ms): {cold_how}", "vs bare"],
            rows,
            "Bundle launch → first page painted",
        )
    )
    warm_ratio = median(paint["wizard", False]) / median(paint["bare", False])
    cold_ratio = median(paint["wizard", True]) / median(paint["bare", True])
    for name, value, target in (
        ("warm", warm_ratio, WARM_TARGET),
        ("cold", cold_ratio, COLD_TARGET),
    ):
        print(f"{name}: wizard {value:.2f}× bare (target ≤ {target}×): {verdict(value <= target)}")

    base_warm, base_cold = median(answer["bare server", False]), median(answer["bare server", True])
    rows = [
        [
            key,
            spread(answer[key, False]),
            ratio(median(answer[key, False]), base_warm),
            spread(answer[key, True]),
            ratio(median(answer[key, True]), base_cold),
            spread(launch_to_answer[key]),
        ]
        for key in servers
    ]
    print(
        table(
            [
                "server process",
                "warm: child started → first answer (ms)",
                "vs bare server",
                f"cold: {cold_how}",
                "vs bare server",
                "warm: parent's launch → first answer (ms)",
            ],
            rows,
            "Sandbox process: started → first answer to GET " + HEALTH,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
