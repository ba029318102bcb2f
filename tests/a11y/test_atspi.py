"""The wizard as a screen reader meets it: read through the real accessibility bus (AT-SPI).

``atspi_reader.py`` drives the real command (``python -m chorus_wizard --backend sandbox``)
through AT-SPI alone, as Orca would, and reports what it heard; this test judges it. It needs
the system's AT-SPI stack (Debian: at-spi2-core, python3-gi, gir1.2-atspi-2.0, xvfb, dbus,
xdotool), which ``.ci/run`` installs, and runs with ``-m slow``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
#: The AT-SPI roles of what a user can reach with Tab.
CONTROL_ROLES = {
    "push button",
    "check box",
    "toggle button",
    "text",
    "password text",
    "combo box",
    "radio button",
    "spin button",
    "link",
}


def _missing_tools() -> list[str]:
    missing = [
        tool for tool in ("dbus-run-session", "xvfb-run", "xdotool") if not shutil.which(tool)
    ]
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        missing.append("python3-gi with gir1.2-atspi-2.0")
    return missing


@pytest.fixture(scope="module")
def heard(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    missing = _missing_tools()
    assert not missing, f"the AT-SPI check needs {', '.join(missing)} (see .ci/run)"
    work = tmp_path_factory.mktemp("atspi")
    report = work / "report.json"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real X server here, not offscreen
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [
            "dbus-run-session",
            "--",
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x1024x24",
            SYSTEM_PYTHON,
            str(HERE / "atspi_reader.py"),
            str(work / "data"),
            sys.executable,
            str(report),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert report.is_file(), result.stderr[-3000:]
    facts: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    assert "error" not in facts, f"{facts['error']}\n{result.stderr[-3000:]}"
    assert result.returncode == 0, result.stderr[-3000:]
    return facts


def controls(heard: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return [
        (page["step"], control)
        for page in heard["pages"]
        for control in page["controls"]
        if control["role"] in CONTROL_ROLES
    ]


@pytest.mark.slow
def test_every_page_was_read(heard: dict[str, Any]) -> None:
    assert [page["step"] for page in heard["pages"]] == [1, 2, 3, 4]
    for page in heard["pages"]:
        assert len(page["controls"]) >= 8, page


@pytest.mark.slow
def test_every_focusable_control_has_a_role_and_a_clean_name(heard: dict[str, Any]) -> None:
    for step, control in controls(heard):
        name = control["name"]
        assert name.strip(), (step, control)
        assert "*" not in name and "&" not in name, (step, control)
        assert control["role"] not in ("filler", "panel", "scroll pane", "unknown"), control


@pytest.mark.slow
def test_a_labelled_field_is_named_as_its_label_reads(heard: dict[str, Any]) -> None:
    """Each field's own label (the first labelled-by target) names it exactly, without the
    asterisk; a combo box (named by its value on Linux) is read with that label."""
    for step, control in controls(heard):
        if control["role"] not in ("text", "password text", "combo box"):
            continue
        labels = [label["name"] for label in control["labels"]]
        assert labels, (step, control)
        assert all("*" not in label and "&" not in label for label in labels), (step, labels)
        if control["role"] != "combo box":
            assert control["name"] == labels[0], (step, control)


@pytest.mark.slow
def test_required_fields_say_so(heard: dict[str, Any]) -> None:
    """Qt 6.11 has no « required » accessible state (QAccessible::State lacks it), so REQUIRED
    never reaches AT-SPI; the description says « Champ obligatoire » instead. Should a later Qt
    expose the state, this test is where to require it."""
    required = {
        1: {"Adresse électronique de connexion", "Numéro de SIRET"},
        2: {"Nom", "Prénom", "Raison sociale", "Adresse", "Code postal", "Ville"},
        4: {"Lien ou code d'activation", "Mot de passe", "Confirmation du mot de passe"},
    }
    seen = {step: set() for step in required}  # type: dict[int, set[str]]
    for step, control in controls(heard):
        if step in required and control["name"] in required[step]:
            assert control["description"].startswith("Champ obligatoire"), (step, control)
            seen[step].add(control["name"])
    assert seen == required


@pytest.mark.slow
def test_a_failed_next_is_announced_every_time(heard: dict[str, Any]) -> None:
    attempts = heard["failed_next"]
    assert [attempt["attempt"] for attempt in attempts] == [1, 2]
    for attempt in attempts:
        texts = [event["text"] for event in attempt["announced"]]
        assert any("SIRET est inconnu" in text for text in texts), attempt


@pytest.mark.slow
def test_a_page_change_is_announced_and_focuses_a_named_control(heard: dict[str, Any]) -> None:
    titles = {2: "Complétez", 3: "Ouvrez vos espaces de travail", 4: "Activez votre compte"}
    for change in heard["page_changes"]:
        step = change["step"]
        texts = [event["text"] for event in change["announced"]]
        assert any(text.startswith(f"Étape {step} sur 4\u00a0: {titles[step]}") for text in texts)
        focused = change["focused"]
        assert focused is not None, change
        assert focused["role"] in CONTROL_ROLES and focused["name"], change
    first = {change["step"]: change["focused"]["name"] for change in heard["page_changes"]}
    assert first[2] == "Ressaisissez votre adresse électronique de connexion"
    assert first[4] == "Lien ou code d'activation"


@pytest.mark.slow
def test_the_switches_report_their_painted_size_and_description(heard: dict[str, Any]) -> None:
    [step_3] = [page for page in heard["pages"] if page["step"] == 3]
    # (« Aide », the wizard's checkable button, is a check box too)
    switches = [c for c in step_3["controls"] if c["role"] == "check box" and c["name"] != "Aide"]
    assert len(switches) >= 5
    for switch in switches:
        width, height = switch["size"]
        assert width >= 40 and height >= 20, switch  # a check box's indicator is 14 x 14
        assert switch["description"], switch  # the workspace's description
        assert switch["labels"] and switch["labels"][0]["name"] == switch["name"]
