"""The calls in flight of one owner: kinds, voiding, cancelling, retrying (no Qt, no thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from chorus_wizard.ui.calls import Calls

Pending = tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]


class HeldRunner:
    """Keeps each call until the test answers it, in any order."""

    def __init__(self) -> None:
        self.pending: list[Pending] = []

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        self.pending.append((fn, on_success, on_failure))

    def answer(self, index: int) -> None:
        """Run the call started ``index``-th (0 = first) and deliver its outcome."""
        fn, on_success, on_failure = self.pending[index]
        try:
            value = fn()
        except Exception as error:
            on_failure(error)
        else:
            on_success(value)


class Flaky(Exception):
    """A failure that may pass on a second try."""


@pytest.fixture
def runner() -> HeldRunner:
    return HeldRunner()


@pytest.fixture
def seen() -> list[object]:
    return []


def make_calls(runner: HeldRunner, seen: list[object]) -> Calls:
    calls: Calls

    def changed() -> None:
        seen.append(("busy", calls.in_flight, calls.caption, calls.retry_kinds))

    calls = Calls(runner, changed, retryable=lambda error: isinstance(error, Flaky))
    return calls


def start(calls: Calls, seen: list[object], kind: str, value: object) -> None:
    def fn() -> object:
        if isinstance(value, Exception):
            raise value
        return value

    calls.start(
        kind,
        f"{kind}…",
        fn,
        lambda result: seen.append((kind, "ok", result)),
        lambda error: seen.append((kind, "failed", str(error))),
    )


def outcomes(seen: list[object]) -> list[object]:
    return [event for event in seen if not (isinstance(event, tuple) and event[0] == "busy")]


def test_calls_of_different_kinds_both_land(runner: HeldRunner, seen: list[object]) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "rules", "policy")
    start(calls, seen, "resend", "sent")
    assert calls.busy and calls.in_flight == ("rules", "resend")
    runner.answer(1)
    assert calls.in_flight == ("rules",)
    runner.answer(0)
    assert not calls.busy
    assert outcomes(seen) == [("resend", "ok", "sent"), ("rules", "ok", "policy")]


def test_a_newer_call_voids_only_the_older_call_of_its_kind(
    runner: HeldRunner, seen: list[object]
) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "step", "first")
    start(calls, seen, "rules", "policy")
    start(calls, seen, "step", "second")
    runner.answer(0)  # the first step's answer comes late: dropped
    assert calls.in_flight == ("rules", "step")
    runner.answer(2)
    runner.answer(1)
    assert outcomes(seen) == [("step", "ok", "second"), ("rules", "ok", "policy")]


def test_a_voided_failure_is_dropped_too(runner: HeldRunner, seen: list[object]) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "step", Flaky("réseau"))
    start(calls, seen, "step", "second")
    runner.answer(0)
    assert outcomes(seen) == []
    assert calls.retry_kinds == ()
    assert calls.in_flight == ("step",)


def test_cancel_all_voids_every_kind(runner: HeldRunner, seen: list[object]) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "rules", "policy")
    start(calls, seen, "resend", "sent")
    calls.cancel_all()
    assert not calls.busy and calls.caption == ""
    assert seen[-1] == ("busy", (), "", ())  # the owner is told, to stop its busy bar
    runner.answer(0)
    runner.answer(1)
    assert outcomes(seen) == []
    start(calls, seen, "rules", "again")  # the owner can start afresh
    runner.answer(2)
    assert outcomes(seen) == [("rules", "ok", "again")]


def test_the_caption_is_the_newest_running_call(runner: HeldRunner, seen: list[object]) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "rules", "policy")
    assert calls.caption == "rules…"
    start(calls, seen, "resend", "sent")
    assert calls.caption == "resend…"
    start(calls, seen, "rules", "policy again")  # the newest, although its kind came first
    assert calls.caption == "rules…"
    runner.answer(2)
    assert calls.caption == "resend…"


def test_the_owner_is_told_before_the_callback_runs(runner: HeldRunner, seen: list[object]) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "rules", "policy")
    assert seen == [("busy", ("rules",), "rules…", ())]
    runner.answer(0)
    assert seen[1:] == [("busy", (), "", ()), ("rules", "ok", "policy")]


def test_retry_runs_again_the_failed_call_of_its_kind(
    runner: HeldRunner, seen: list[object]
) -> None:
    calls = make_calls(runner, seen)
    answers: list[object] = [Flaky("réseau"), "policy"]

    def fn() -> object:
        value = answers.pop(0)
        if isinstance(value, Exception):
            raise value
        return value

    calls.start("rules", "rules…", fn, seen.append, lambda error: seen.append(str(error)))
    start(calls, seen, "resend", "sent")
    runner.answer(0)
    assert calls.retry_kinds == ("rules",)
    runner.answer(1)
    assert calls.retry_kinds == ("rules",)  # another kind's success does not forget it
    calls.retry()
    assert calls.retry_kinds == () and calls.in_flight == ("rules",)
    assert len(runner.pending) == 3  # only the failed call ran again
    runner.answer(2)
    assert outcomes(seen) == ["réseau", ("resend", "ok", "sent"), "policy"]


def test_a_failure_that_will_not_pass_is_not_offered_again(
    runner: HeldRunner, seen: list[object]
) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "step", ValueError("refusé"))
    runner.answer(0)
    assert outcomes(seen) == [("step", "failed", "refusé")]
    assert calls.retry_kinds == ()


def test_a_new_call_of_the_kind_forgets_its_retry_and_cancel_all_every_retry(
    runner: HeldRunner, seen: list[object]
) -> None:
    calls = make_calls(runner, seen)
    start(calls, seen, "step", Flaky("réseau"))
    start(calls, seen, "rules", Flaky("réseau"))
    runner.answer(0)
    runner.answer(1)
    assert calls.retry_kinds == ("step", "rules")
    start(calls, seen, "step", "done")
    assert calls.retry_kinds == ("rules",)
    calls.cancel_all()
    assert calls.retry_kinds == ()
    calls.retry()
    assert len(runner.pending) == 3  # nothing ran again
