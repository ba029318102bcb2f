"""README's « Try it » works as written on a bare Linux machine, and its commands run from a
clone (a newcomer's walk: the package list came after the command that needs it)."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_system_libraries_come_before_the_first_run() -> None:
    try_it = README.split("## Try it", 1)[1].split("\n## ", 1)[0]
    assert try_it.index("libxcb-cursor0") < try_it.index("uv run chorus-wizard")


def test_the_training_room_commands_run_from_a_clone() -> None:
    room = README.split("**A training room**", 1)[1].split("\n\n", 1)[0]
    commands = re.findall(r"`([^`]*chorus-wizard[^`]*)`", room)
    assert commands, "no command in the training room paragraph"
    for command in commands:
        if command.startswith("chorus-wizard"):
            raise AssertionError(f"without uv run: {command}")
