"""Test tiers: the markers a collected test gets from its folder, its fixtures and its measured time.

Applied to every test by tests/conftest.py (`pytest_collection_modifyitems`), so a test file needs no
marker of its own and a test another branch adds in tests/integration/ gets its tier at once:

- `integration`: the test lives in tests/integration/ (it starts processes, servers or flows);
- `postgres`: it needs the test PostgreSQL server (a `postgresql` parameter, or a PostgreSQL fixture);
- `browser`: it drives Chromium (the `browser` fixture, or it calls `browser_or_skip()` itself);
- `dask`: it starts Dask (its module or one of its fixtures is named after Dask);
- `slow`: its own time, measured, is over SLOW_S (SLOW below, with the seconds each took);
- `serial`: it must not share the machine with another test (it loads the cores on purpose, or asserts
  how soon something happens): `make test` runs these after the rest, one at a time.

The fast tier (`make check`) is every test with none of integration, postgres, browser, dask, slow.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import Any

FAST_TIER = "not (integration or postgres or browser or dask or slow)"
SLOW_S = 2.0
POSTGRES_FIXTURES = {"postgres_warehouse_url"}
BROWSER_FIXTURES = {"browser"}

# Measured with `pytest --durations=0` (call time, seconds, on 2 shared cores): every test over SLOW_S.
# A test id without brackets covers all its parameters.
SLOW: dict[str, float] = {}

# Tests that time something or load the cores on purpose: run alone, after the parallel part.
SERIAL: set[str] = set()


def _base_id(nodeid: str) -> str:
    """Return a test id without its parameters."""
    return nodeid.split("[", 1)[0]


def _calls_browser(function: Any) -> bool:
    """Tell whether a test function starts the browser itself (`browser_or_skip()` in its body)."""
    try:
        return "browser_or_skip(" in inspect.getsource(function)
    except (OSError, TypeError):
        return False


def tiers(nodeid: str, fixtures: Iterable[str], params: dict[str, Any], function: Any = None) -> set[str]:
    """Return the tier markers of one test."""
    fixtures = set(fixtures)
    path = nodeid.split("::", 1)[0]
    found = set()
    if path.startswith("tests/integration/"):
        found.add("integration")
    if fixtures & POSTGRES_FIXTURES or "postgresql" in params.values():
        found.add("postgres")
    if fixtures & BROWSER_FIXTURES or (function is not None and _calls_browser(function)):
        found.add("browser")
    if "dask" in path.rsplit("/", 1)[-1] or any("dask" in name for name in fixtures):
        found.add("dask")
    if nodeid in SLOW or _base_id(nodeid) in SLOW:
        found.add("slow")
    if nodeid in SERIAL or _base_id(nodeid) in SERIAL or path in SERIAL:
        found.add("serial")
    return found
