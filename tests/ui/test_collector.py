"""Garbage made in a worker thread is collected on the GUI thread, never in the worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chorus_wizard.ui.collector import collect_on_gui_thread

COLLECTED_IN: list[int] = []


class Cyclic:
    """Garbage only the cycle collector can free; says in which thread it was."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        COLLECTED_IN.append(threading.get_ident())


def test_cycles_made_in_a_worker_are_collected_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    collect_on_gui_thread(qapp)  # the app's (the tests' fixture has started it already)
    gc.collect()
    COLLECTED_IN.clear()

    def make_garbage() -> None:  # far past the threshold of the youngest generation
        for _ in range(5 * gc.get_threshold()[0]):
            Cyclic()

    worker = threading.Thread(target=make_garbage)
    worker.start()
    worker.join()
    assert COLLECTED_IN == []  # nothing was collected in the worker
    qtbot.waitUntil(lambda: len(COLLECTED_IN) > 0, timeout=5000)
    assert set(COLLECTED_IN) == {threading.get_ident()}


def test_one_collector_per_application_and_stop_hands_back(qapp: QApplication) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
    collector.start()
    assert not gc.isenabled()
