"""The system's Chromium, headless, driven by Playwright (never a browser Playwright downloads).

Debian's ``chromium`` package provides ``/usr/bin/chromium``; ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> Path | None:
    """The system Chromium, or None when it is not installed."""
    if CHROMIUM.is_file():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the duration of the block."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("Chromium is missing: apt-get install chromium (see .ci/run)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(path), headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
