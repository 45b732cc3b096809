"""A real browser for the tests: Debian's headless chromium driven by Playwright.

Playwright's own browser download is not reachable here, so Playwright launches /usr/bin/chromium.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Headless and offline: nothing of chromium's own reaches for the network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_or_skip() -> None:
    """Skip, saying why, when no browser can run here; in CI (env CI set) a missing one is a failure."""
    missing = None if CHROMIUM.exists() else f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed (pip install -e '.[dev]')"
    if missing and os.environ.get("CI"):
        pytest.fail(f"{missing}: CI must check the UI in a real browser")
    if missing:
        pytest.skip(missing)


@contextmanager
def chromium() -> Iterator[Any]:
    """Launch Debian's headless chromium (or skip, or fail in CI, as browser_or_skip says); close it after."""
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium, launched once for the test module that imports this fixture."""
    with chromium() as launched:
        yield launched
