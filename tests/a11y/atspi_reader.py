"""Read the running wizard through AT-SPI, the way Orca does, and print what it heard as JSON.

Run with the system's Python (``/usr/bin/python3``), which has PyGObject and the Atspi
typelib (Debian: python3-gi, gir1.2-atspi-2.0), inside a D-Bus session and an X server::

    dbus-run-session -- xvfb-run -a python3 tests/a11y/atspi_reader.py DATA_DIR PYTHON REPORT

It starts ``PYTHON -m chorus_wizard --backend sandbox`` with accessibility always on, then,
through the accessibility bus alone (no key, no mouse): reads every page's focusable
controls (role, name, description, states, the labels that name them), fills the fields with
the EditableText interface and presses the buttons with their Action. Events heard on the way
(announcements, focus changes) are recorded, and written as JSON to REPORT. The verdict is the
caller's
(tests/a11y/test_atspi.py); this script only reports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

import gi  # type: ignore[import-not-found]

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # type: ignore[import-not-found]  # noqa: E402

UNKNOWN_SIRET = "73282932000074"  # Luhn-valid, absent from the sandbox's directory
SIRET = "13002526500013"
EMAIL = "lecteur.ecran@exemple.fr"
#: How long to wait for the application or a page to appear, in seconds.
PATIENCE = 40.0


class Heard:
    """Events delivered by the registry, in order."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self._listeners = []
        for kind in ("object:announcement", "object:state-changed:focused"):
            listener = Atspi.EventListener.new(self._on_event)
            listener.register(kind)
            self._listeners.append(listener)

    def _on_event(self, event: Atspi.Event) -> None:
        if event.type.startswith("object:state-changed:focused") and not event.detail1:
            return
        source = event.source
        try:
            role, name = source.get_role_name(), source.get_name()
        except GLib.Error:
            role, name = "", ""
        any_data = event.any_data
        text = any_data if isinstance(any_data, str) else ""
        self.events.append(
            {"type": event.type, "role": role, "name": name, "text": text, "at": time.time()}
        )

    def since(self, moment: float, prefix: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["at"] >= moment and str(e["type"]).startswith(prefix)]


def pump(seconds: float) -> None:
    """Let D-Bus deliver for ``seconds``."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def wait_for(condition, what: str, patience: float = PATIENCE):  # type: ignore[no-untyped-def]
    end = time.monotonic() + patience
    while time.monotonic() < end:
        try:
            value = condition()
        except GLib.Error:
            value = None
        if value:
            return value
        pump(0.1)
    raise SystemExit(f"never happened: {what}")


def states_of(node: Atspi.Accessible) -> list[str]:
    states = node.get_state_set().get_states()
    return sorted(Atspi.StateType(s).value_nick for s in states)


def walk(node: Atspi.Accessible, depth: int = 0):  # type: ignore[no-untyped-def]
    """Every showing descendant of ``node`` (hidden subtrees are skipped)."""
    if depth > 40:
        return
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is None:
            continue
        try:
            if not child.get_state_set().contains(Atspi.StateType.SHOWING):
                continue
        except GLib.Error:
            continue
        yield child
        yield from walk(child, depth + 1)


def text_of(node: Atspi.Accessible) -> str:
    if "Text" not in node.get_interfaces():
        return ""
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def labels_of(node: Atspi.Accessible) -> list[dict[str, str]]:
    labels = []
    for relation in node.get_relation_set():
        if relation.get_relation_type() != Atspi.RelationType.LABELLED_BY:
            continue
        for index in range(relation.get_n_targets()):
            target = relation.get_target(index)
            labels.append({"name": target.get_name(), "text": text_of(target)})
    return labels


def describe(node: Atspi.Accessible) -> dict[str, object]:
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    return {
        "role": node.get_role_name(),
        "name": node.get_name(),
        "description": node.get_description(),
        "states": states_of(node),
        "labels": labels_of(node),
        "size": [extents.width, extents.height],
    }


class Wizard:
    def __init__(self, app: Atspi.Accessible) -> None:
        self.app = app

    @property
    def window(self) -> Atspi.Accessible:
        for index in range(self.app.get_child_count()):
            child = self.app.get_child_at_index(index)
            if (
                child is not None
                and child.get_role() in (Atspi.Role.FRAME, Atspi.Role.DIALOG)
                and child.get_state_set().contains(Atspi.StateType.SHOWING)
            ):
                return child
        raise SystemExit("the wizard has no window on the bus")

    def find(self, role: Atspi.Role, name: str) -> Atspi.Accessible | None:
        for node in walk(self.window):
            if node.get_role() == role and node.get_name() == name:
                return node
        return None

    def dump(self) -> None:
        for node in walk(self.window):
            print(node.get_role_name(), repr(node.get_name()), file=sys.stderr)

    def focusable(self) -> list[dict[str, object]]:
        found = []
        for node in walk(self.window):
            if node.get_state_set().contains(Atspi.StateType.FOCUSABLE):
                found.append(describe(node))
        return found

    def focused(self) -> dict[str, object] | None:
        for node in walk(self.window):
            if node.get_state_set().contains(Atspi.StateType.FOCUSED):
                return describe(node)
        return None

    def fill(self, name: str, value: str) -> None:
        field = wait_for(lambda: self.find(Atspi.Role.TEXT, name), f"field {name}")
        Atspi.EditableText.set_text_contents(field, value)
        pump(0.2)

    def press(self, name: str) -> None:
        try:
            button = wait_for(lambda: self._enabled_button(name), f"button {name} enabled")
        except SystemExit:
            self.dump()
            raise
        for index in range(Atspi.Action.get_n_actions(button)):
            if Atspi.Action.get_action_name(button, index) in ("Press", "press", "click"):
                Atspi.Action.do_action(button, index)
                break
        else:
            Atspi.Action.do_action(button, 0)
        pump(0.3)

    def _enabled_button(self, name: str) -> Atspi.Accessible | None:
        button = self.find(Atspi.Role.PUSH_BUTTON, name)
        if button is not None and button.get_state_set().contains(Atspi.StateType.ENABLED):
            return button
        return None


def find_application(process: subprocess.Popen[bytes]) -> Atspi.Accessible:
    def application() -> Atspi.Accessible | None:
        if process.poll() is not None:
            raise SystemExit(f"the wizard exited with {process.returncode}")
        desktop = Atspi.get_desktop(0)
        for index in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(index)
            if app is not None and app.get_process_id() == process.pid:
                return app
        return None

    return wait_for(application, "the wizard on the accessibility bus")


def give_keyboard_focus(pid: int) -> None:
    """Make the wizard's window the X server's focused window, as a window manager would
    when it comes up (Xvfb has none): without it, Qt has no active window and no focus."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        check=True,
        timeout=30,
        capture_output=True,
        text=True,
    )
    window = found.stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", window], check=True, timeout=30)


def main(data_dir: str, python: str, output: str) -> int:
    heard = Heard()
    env = dict(os.environ)
    env.update(
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="1",
        PYTHONUNBUFFERED="1",
    )
    command = [python, "-m", "chorus_wizard", "--backend", "sandbox", "--lang", "fr"]
    command += ["--data-dir", data_dir]
    process = subprocess.Popen(command, env=env, stdout=sys.stderr, stderr=sys.stderr)
    report: dict[str, object] = {"pages": [], "failed_next": [], "page_changes": []}
    try:
        wizard = Wizard(find_application(process))
        wait_for(
            lambda: wizard.find(Atspi.Role.TEXT, "Adresse électronique de connexion"), "step 1"
        )
        pump(1.5)  # the later pages are built after the first paint
        give_keyboard_focus(process.pid)
        pump(0.5)
        pages = report["pages"]
        assert isinstance(pages, list)
        pages.append({"step": 1, "controls": wizard.focusable()})

        wizard.fill("Adresse électronique de connexion", EMAIL)
        wizard.fill("Numéro de SIRET", UNKNOWN_SIRET)
        for attempt in (1, 2):  # the same failure twice: both are announced
            moment = time.time()
            wizard.press("Suivant")
            wait_for(
                lambda moment=moment: heard.since(moment, "object:announcement"),
                "an announcement",
                20,
            )
            pump(0.5)
            failed = report["failed_next"]
            assert isinstance(failed, list)
            failed.append(
                {"attempt": attempt, "announced": heard.since(moment, "object:announcement")}
            )

        wizard.fill("Numéro de SIRET", SIRET)
        fields = {
            2: (
                ("Ressaisissez votre adresse électronique de connexion", EMAIL),
                ("Nom", "Curie"),
                ("Prénom", "Marie"),
            )
        }
        for step, button in ((2, "Suivant"), (3, "Valider"), (4, "Valider")):
            moment = time.time()
            wizard.press(button)
            wait_for(
                lambda step=step, moment=moment: any(
                    str(e["text"]).startswith(f"Étape {step} sur 4")
                    for e in heard.since(moment, "object:announcement")
                ),
                f"step {step} announced",
            )
            pump(1.0)
            focus = heard.since(moment, "object:state-changed:focused")
            changes = report["page_changes"]
            assert isinstance(changes, list)
            changes.append(
                {
                    "step": step,
                    "announced": heard.since(moment, "object:announcement"),
                    "focus_event": focus[-1] if focus else None,
                    "focused": wizard.focused(),
                }
            )
            pages.append({"step": step, "controls": wizard.focusable()})
            for name, value in fields.get(step, ()):
                wizard.fill(name, value)
    except SystemExit as stop:
        report["error"] = str(stop)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    with open(output, "w", encoding="utf-8") as file:
        json.dump(report, file, ensure_ascii=False)
    return 1 if "error" in report else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
