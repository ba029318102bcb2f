"""The version is written once, in chorus_wizard/__init__.py, and released in CHANGELOG.md."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

from chorus_wizard import __version__

ROOT = Path(__file__).resolve().parents[2]


def latest_released_version(changelog: str) -> str | None:
    """The first ``## [x.y.z]`` heading after ``## [Unreleased]``."""
    unreleased = changelog.find("## [Unreleased]")
    after = changelog[unreleased + 1 :] if unreleased >= 0 else changelog
    match = re.search(r"^## \[(\d+\.\d+\.\d+[^\]]*)\]", after, re.MULTILINE)
    return match.group(1) if match else None


def test_changelog_latest_release_is_the_package_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert latest_released_version(changelog) == __version__, (
        "CHANGELOG.md's latest release and chorus_wizard.__version__ disagree"
    )


def test_latest_released_version_skips_unreleased() -> None:
    text = "# Changelog\n\n## [Unreleased]\n\n- x\n\n## [1.2.3] - 2026-01-01\n\n## [1.2.2]\n"
    assert latest_released_version(text) == "1.2.3"


def test_packaging_reads_the_same_version() -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        version = importlib.import_module("version")  # packaging/version.py, as the spec does
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    assert version.read_version() == __version__
    assert version.numeric_version("1.2.3rc1") == (1, 2, 3, 0)
    assert version.numeric_version("2") == (2, 0, 0, 0)
