"""Where shipped data lives: ``resources/`` in a checkout, ``chorus_wizard/resources`` in wheels."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding translations, help texts and the sandbox seed data."""
    bundled = _PACKAGE / "resources"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one shipped resource file."""
    return resources_dir().joinpath(*parts)
