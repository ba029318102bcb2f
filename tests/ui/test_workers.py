"""The task runner: work off the GUI thread, answers back on it, busy while any task runs."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.workers import TaskRunner


def test_answers_come_back_on_the_gui_thread(qtbot: QtBot, qapp: QApplication) -> None:
    runner = TaskRunner(qapp)  # owned as in the wizard, never by Python's garbage collector
    gui = threading.current_thread()
    ran_on: list[threading.Thread] = []
    answers: list[tuple[object, threading.Thread]] = []

    def work() -> str:
        ran_on.append(threading.current_thread())
        return "fait"

    def fail() -> None:
        raise ValueError("refusé")

    def answered(value: object) -> None:
        answers.append((value, threading.current_thread()))

    runner.run(work, answered, answered)
    runner.run(fail, answered, lambda error: answered(str(error)))
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert sorted(str(value) for value, _ in answers) == ["fait", "refusé"]
    assert all(thread is gui for _, thread in answers)
    assert ran_on and ran_on[0] is not gui
    runner.wait_for_done(5000)


def test_busy_while_any_task_runs(qtbot: QtBot, qapp: QApplication) -> None:
    runner = TaskRunner(qapp)
    changes: list[bool] = []
    runner.busy_changed.connect(changes.append)
    gate = threading.Event()
    done: list[object] = []
    runner.run(lambda: gate.wait(30), done.append, done.append)
    runner.run(lambda: "vite", done.append, done.append)
    assert runner.busy and changes == [True]  # told once, not once per task
    qtbot.waitUntil(lambda: done == ["vite"])
    assert runner.busy and changes == [True]  # the first task still runs
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert changes == [True, False]
    runner.wait_for_done(5000)
