"""Guards against a known defect of the Qt binding that would abort the program."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()


def test_emitting_a_signal_keeps_python_refcounts_intact() -> None:
    # PySide6 6.12.0's Signal.emit() returned True without taking a reference: on Python 3.11
    # (where True is not immortal) the interpreter aborted after a few hundred emissions.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.happened.emit()
    assert sys.getrefcount(True) >= before
