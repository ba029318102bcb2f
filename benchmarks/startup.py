"""Start-up: process launch → first page painted, the wizard on its sandbox vs a bare QWizard.

Each program runs in a fresh Python process. The harness takes ``time.time_ns()`` just before
launching it; the child takes it again once its window has been exposed and painted (the first
``QEvent.Paint`` reaching the window, then a zero-delay timer so the whole paint is done) and
prints it. The difference is the user's wait. Programs:

- ``bare``: a ``QWizard`` with four empty pages (the baseline);
- ``step 1 in plain Qt`` (diagnostic): step 1's window written with PySide6 alone, no project
  code (same wizard options, buttons, widgets and Qt enums, French Qt strings): what Qt
  itself costs for this first page;
- ``wizard``: ``chorus_wizard.start.main(["--data-dir", <tmp>])``, what the ``chorus-wizard``
  command runs (the Config resolved, single-instance lock and socket, window icon,
  ``compose(config)`` on the embedded sandbox, whose process starts meanwhile; ``show()``,
  event loop);
- ``wizard-remote`` (diagnostic): the same with ``--backend http://127.0.0.1:9``, i.e. no embedded
  sandbox's process to start;
- ``wizard, no bytecode cache`` (diagnostic): ``wizard`` compiling every module from source, as
  any process does when ``PYTHONDONTWRITEBYTECODE`` is set (the other rows share a bytecode
  cache outside the repository, ``PYTHONPYCACHEPREFIX``, filled by warm-up runs).

Then one ``python -X importtime`` run of ``wizard`` lists the ten heaviest top-level imports done
before the first paint, and says whether the web server's stack (FastAPI, uvicorn, Starlette,
Pydantic) was loaded by then: it is the sandbox process's alone.

Usage: ``uv run python benchmarks/startup.py [--runs 9]`` (guard: wizard ≤ 2.0× bare).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import NamedTuple

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import (
    PYTHON,
    ROOT,
    child_env,
    machine_summary,
    median,
    ratio,
    table,
    verdict,
)

TARGET_RATIO = 2.0
HEAVY = ("fastapi", "uvicorn", "starlette", "pydantic", "chorus_wizard.sandbox.app", "sqlite3")

#: The child: builds one program, shows it, reports the first paint, exits. The wizard rows
#: run ``chorus_wizard.start.main`` itself (the ``chorus-wizard`` command); the probe is
#: attached to the window ``compose`` returns.
CHILD = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
variant, data_dir = sys.argv[1], sys.argv[2]
from PySide6.QtCore import QEvent, QObject, QTimer

class Probe(QObject):
    def __init__(self):
        super().__init__()
        self.exposed = 0
        self.painted = False
        self.window = None

    def watch(self, window):
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Type.Show and obj is self.window:
            self.window.windowHandle().installEventFilter(self)
        elif kind == QEvent.Type.Expose and not self.exposed:
            self.exposed = time.time_ns()
        elif kind == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        now = time.time_ns()
        heavy = [m for m in HEAVY_MODULES if m in sys.modules]
        cpu = time.process_time_ns()  # this process's CPU time (every thread) since it started
        print("PAINTED", now, self.exposed, cpu, ",".join(heavy) or "-", flush=True)
        print("FIRST-PAINT-MARKER", file=sys.stderr, flush=True)
        shutdown = getattr(self.window, "shutdown", None)
        if shutdown is not None:
            shutdown()
        from PySide6.QtCore import QCoreApplication
        QCoreApplication.quit()

probe = Probe()
if variant in ("bare", "qt-step1"):
    if variant == "bare":
        from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
        app = QApplication([sys.argv[0]])
        window = QWizard()
        for _ in range(4):
            window.addPage(QWizardPage())
    else:
        STEP1_IN_PLAIN_QT
    probe.watch(window)
    window.show()
    QTimer.singleShot(30000, app.quit)  # never hang
    sys.exit(app.exec())

import chorus_wizard.app as program
compose = program.compose

def compose_and_watch(config, **options):
    window = compose(config, **options)
    probe.watch(window)
    QTimer.singleShot(30000, QCoreApplication.quit)  # never hang
    return window

from PySide6.QtCore import QCoreApplication
program.compose = compose_and_watch
argv = ["--data-dir", data_dir]
if variant == "wizard-remote":
    argv += ["--backend", "http://127.0.0.1:9"]
from chorus_wizard.start import main
sys.exit(main(argv))  # what chorus-wizard does
""".replace("HEAVY_MODULES", repr(HEAVY))

#: Step 1's window written in plain PySide6, without the project's code: the same wizard
#: options and buttons, the same widgets and Qt enums (alignments, text formats, focus
#: policy), the later pages as empty pages. What Qt itself costs for this first page.
STEP1_IN_PLAIN_QT = r"""
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtWidgets import (
        QApplication, QCheckBox, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
        QMenu, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout,
        QWidget, QWizard, QWizardPage,
    )
    from PySide6.QtCore import QLibraryInfo, QTranslator
    app = QApplication([sys.argv[0]])
    translator = QTranslator(app)
    translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    app.installTranslator(translator)
    window = QWizard()
    window.setWindowTitle("Inscription à Chorus Pro — bac à sable")
    window.setWizardStyle(QWizard.WizardStyle.ModernStyle)
    window.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
    window.setMinimumSize(QSize(560, 520))
    window.resize(820, 720)
    page = QWizardPage()
    page.setTitle("Identifiez-vous")
    page.setSubTitle(
        "Étape 1 sur 4 — <b><u>1. Identifiez-vous</u></b> › 2. Complétez › "
        "3. Espaces de travail › 4. Activez"
    )
    inner = QWidget()
    body = QVBoxLayout(inner)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    viewport = QWidget()
    viewport.setAutoFillBackground(False)
    scroll.setViewport(viewport)
    scroll.setWidget(inner)
    def label(text, rich=False):
        widget = QLabel(text)
        widget.setWordWrap(True)
        widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return widget
    def explain():
        button = QToolButton()
        button.setText("?")
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setCursor(Qt.CursorShape.WhatsThisCursor)
        return button
    def beside(cell, button):
        row = QHBoxLayout()
        if isinstance(cell, QVBoxLayout):
            row.addLayout(cell, 1)
        else:
            row.addWidget(cell, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row
    resume = QFrame()
    resume_layout = QVBoxLayout(resume)
    resume_layout.addWidget(label(""))
    resume_layout.addWidget(QPushButton("Reprendre"))
    resume.hide()
    body.addWidget(resume)
    body.addWidget(label(
        "Vous êtes nouveau sur Chorus Pro ? Saisissez votre adresse électronique de "
        "connexion et le numéro de SIRET de votre entreprise (munissez-vous de ce numéro "
        "avant la saisie)."
    ))
    form = QFormLayout()
    email = QLineEdit()
    email.setPlaceholderText("prenom.nom@entreprise.fr")
    email_cell = QVBoxLayout()
    email_cell.addWidget(email)
    hint = label("")
    hint.hide()
    email_cell.addWidget(hint)
    email_cell.addWidget(label(
        "Un courriel d'activation vous sera envoyé à cette adresse. C'est elle qui vous "
        "servira à accéder à votre compte utilisateur sur Chorus Pro : choisissez une "
        "adresse que vous garderez."
    ))
    STAR = "<span style='color:#c00000;'> *</span>"
    email_label = label("Adresse électronique de connexion" + STAR, True)
    form.addRow(email_label, beside(email_cell, explain()))
    form.addRow("", beside(QCheckBox("Je n'ai pas de numéro de SIRET"), explain()))
    kind = QComboBox()
    kind.addItems([
        "Structure européenne hors France", "Structure hors UE", "RIDET", "Numéro TAHITI",
        "En cours d'immatriculation", "Particulier",
    ])
    kind_label = label("Type d'identifiant" + STAR, True)
    form.addRow(kind_label, kind)
    kind.hide()
    kind_label.hide()
    siret = QLineEdit()
    siret.setPlaceholderText("130 025 265 00013")
    form.addRow(label("Numéro de SIRET" + STAR, True), beside(siret, explain()))
    body.addLayout(form)
    body.addStretch(1)
    banner = label("")
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.hide()
    retry = QPushButton("Réessayer")
    retry.hide()
    messages = QHBoxLayout()
    messages.addWidget(banner, 1)
    messages.addWidget(retry, 0, Qt.AlignmentFlag.AlignVCenter)
    busy = QProgressBar()
    busy.hide()
    outer = QVBoxLayout(page)
    outer.addWidget(scroll, 1)
    outer.addLayout(messages)
    outer.addWidget(busy)
    window.addPage(page)
    for _ in range(5):
        window.addPage(QWizardPage())
    for option in ("HaveCustomButton1", "HaveCustomButton2", "HaveCustomButton3"):
        window.setOption(getattr(QWizard.WizardOption, option), True)
    window.setButtonText(QWizard.WizardButton.CustomButton1, "Plus")
    window.setButtonText(QWizard.WizardButton.CustomButton2, "Aide")
    window.setButtonText(QWizard.WizardButton.CustomButton3, "Récapitulatif")
    menu = QMenu(window)
    menu.addAction("Paramètres…")
    menu.addAction("À propos de chorus-wizard")
    window.button(QWizard.WizardButton.CustomButton1).setMenu(menu)
    button = QWizard.WizardButton
    window.setButtonLayout([
        button.CustomButton2, button.CustomButton3, button.CustomButton1, button.Stretch,
        button.BackButton, button.NextButton, button.CommitButton, button.FinishButton,
        button.CancelButton,
    ])
"""

CHILD = CHILD.replace(
    "        STEP1_IN_PLAIN_QT\n", textwrap.indent(textwrap.dedent(STEP1_IN_PLAIN_QT), " " * 8)
)

#: (label, program, with a bytecode cache)
VARIANTS = (
    ("bare", "bare", True),
    ("step 1 in plain Qt (diagnostic)", "qt-step1", True),
    ("wizard", "wizard", True),
    ("wizard-remote", "wizard-remote", True),
    ("wizard, no bytecode cache", "wizard", False),
)


class Launch(NamedTuple):
    painted_ms: float  # wall clock, launch to first paint done
    exposed_ms: float
    cpu_ms: float  # CPU time the process spent by its first paint: steadier on a shared machine
    heavy: str  # heavy modules loaded by then
    stderr: str


def launch(program: str, *, cache: bool = True, importtime: bool = False) -> Launch:
    data_dir = tempfile.mkdtemp(prefix="cw-bench-start-")
    try:
        flags = ["-X", "importtime"] if importtime else []
        start = time.time_ns()
        done = subprocess.run(
            [PYTHON, *flags, "-c", CHILD, program, data_dir],
            cwd=ROOT,
            env=child_env(bytecode_cache=cache),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    line = next((x for x in done.stdout.splitlines() if x.startswith("PAINTED")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"{program} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    _, painted, exposed, cpu, heavy = line.split()
    return Launch(
        (int(painted) - start) / 1e6,
        (int(exposed) - start) / 1e6,
        int(cpu) / 1e6,
        heavy,
        done.stderr,
    )


class Import(NamedTuple):
    name: str
    level: int
    cumulative_ms: float
    self_ms: float


def imports_before_paint(stderr: str) -> list[Import]:
    """The ``-X importtime`` lines printed before the first paint, in order."""
    found: list[Import] = []
    for line in stderr.splitlines():
        if line.startswith("FIRST-PAINT-MARKER"):
            break
        if not line.startswith("import time:") or "imported package" in line:
            continue
        head, cumulative, name = line.split("|", 2)
        self_us = head.rsplit(":", 1)[1]
        level = (len(name) - len(name.lstrip(" ")) - 1) // 2
        found.append(Import(name.strip(), level, int(cumulative) / 1000, int(self_us) / 1000))
    return found


def top_packages(rows: list[Import], count: int = 10) -> list[tuple[Import, str]]:
    """The heaviest packages (outermost import of each top-level name), with their importer.

    ``-X importtime`` prints an import after the imports it caused, one level deeper, so the
    importer of a line is the next line of a lower level.
    """
    best: dict[str, tuple[Import, str]] = {}
    for index, row in enumerate(rows):
        root = row.name.split(".")[0]
        parent = next((r.name for r in rows[index + 1 :] if r.level < row.level), "-")
        if root not in best or row.cumulative_ms > best[root][0].cumulative_ms:
            best[root] = (row, parent)
    return sorted(best.values(), key=lambda b: b[0].cumulative_ms, reverse=True)[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per program (≥ 7)")
    parser.add_argument("--json", type=Path, help="also write the results there")
    args = parser.parse_args()
    runs = max(7, args.runs)
    print(machine_summary())
    print(f"{runs} runs per program, interleaved, after one warm-up run each")

    labels = [label for label, _p, _c in VARIANTS]
    for _label, program, cache in VARIANTS:  # warm the disk cache and the bytecode cache
        launch(program, cache=cache)
    paint: dict[str, list[float]] = {v: [] for v in labels}
    expose: dict[str, list[float]] = {v: [] for v in labels}
    cpu: dict[str, list[float]] = {v: [] for v in labels}
    heavy_seen: dict[str, set[str]] = {v: set() for v in labels}
    deadline = time.monotonic() + 600
    for _ in range(runs):
        for label, program, cache in VARIANTS:
            run = launch(program, cache=cache)
            paint[label].append(run.painted_ms)
            expose[label].append(run.exposed_ms)
            cpu[label].append(run.cpu_ms)
            heavy_seen[label].update(h for h in run.heavy.split(",") if h != "-")
        if time.monotonic() > deadline:
            print("time budget spent: stopping early")
            break

    base = median(paint["bare"])
    cpu_base = median(cpu["bare"])
    rows = []
    for variant in labels:
        m = median(paint[variant])
        rows.append(
            [
                variant,
                len(paint[variant]),
                f"{median(expose[variant]):.0f}",
                f"{m:.0f}",
                f"{min(paint[variant]):.0f}–{max(paint[variant]):.0f}",
                ratio(m, base),
                f"{median(cpu[variant]):.0f}",
                ratio(median(cpu[variant]), cpu_base),
                ", ".join(sorted(heavy_seen[variant])) or "none",
            ]
        )
    print(
        table(
            [
                "program",
                "runs",
                "exposed (ms, median)",
                "first paint done (ms, median)",
                "range (ms)",
                "vs bare",
                "CPU (ms, median)",
                "CPU vs bare",
                "heavy modules loaded at first paint",
            ],
            rows,
            "Process launch → first page painted",
        )
    )
    wizard_ratio = median(paint["wizard"]) / base
    print(
        f"\nTarget: wizard ≤ {TARGET_RATIO}× bare → {wizard_ratio:.2f}× : "
        f"{verdict(wizard_ratio <= TARGET_RATIO)}"
    )
    print(
        f"CPU time to the first paint (steadier when other work shares the machine): wizard "
        f"{median(cpu['wizard']) / cpu_base:.2f}× bare."
    )
    plain = median(paint["step 1 in plain Qt (diagnostic)"])
    print(
        f"The same step 1 in plain Qt: {plain / base:.2f}× bare; the wizard is "
        f"{median(paint['wizard']) / plain:.2f}× that (the project's own Python on the path)."
    )
    if any((ROOT / "chorus_wizard").rglob("__pycache__/*.pyc")):
        print(
            "Note: chorus_wizard/ holds __pycache__ files (written by a process run without "
            "PYTHONDONTWRITEBYTECODE): the « no bytecode cache » row read them, and compiled "
            "nothing."
        )

    traced = launch("wizard", importtime=True)
    heavy = traced.heavy
    rows_before = imports_before_paint(traced.stderr)
    print(
        table(
            ["package", "outermost import", "imported by", "cumulative ms", "self ms"],
            [
                [r.name.split(".")[0], r.name, parent, f"{r.cumulative_ms:.1f}", f"{r.self_ms:.1f}"]
                for r, parent in top_packages(rows_before)
            ],
            "python -X importtime, wizard: the 10 heaviest packages imported before the first "
            "paint (one run; -X importtime inflates times)",
        )
    )
    on_path = {
        r.name: r.cumulative_ms for r in rows_before if r.name in HEAVY and r.cumulative_ms > 0
    }
    print(
        "\nServer stack imported before the first paint (importtime log, any thread): "
        + (", ".join(f"{m} ({ms:.0f} ms cumulative)" for m, ms in on_path.items()) or "none")
    )
    print(f"Server stack in sys.modules at the first paint: {heavy}")
    top = [r._asdict() for r, _parent in top_packages(rows_before)]
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "paint_ms": paint,
                    "expose_ms": expose,
                    "cpu_ms": cpu,
                    "top_imports": top,
                    "on_path": on_path,
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
