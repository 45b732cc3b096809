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

# Measured with `pytest --durations=0` in two runs on 2 cores shared with other work (load average 4 and
# 3-7): every unit test whose call took over SLOW_S in either, with the larger time. Integration tests
# are out of the fast tier anyway. By file, then test name (all its parameters).
SLOW: dict[str, dict[str, float]] = {
    "tests/unit/steps/test_extract_properties.py": {
        "test_any_text_file_extracts_and_validates_without_crashing": 34.6,
        "test_any_json_record_extracts_and_validates_without_crashing": 15.7,
    },
    "tests/unit/steps/test_adversarial.py": {"test_time_grows_linearly": 27.2},
    "tests/unit/flows/reader/test_shape.py": {"test_marking_names_never_loses_or_adds_text": 10.2},
    "tests/unit/flows/test_prefect_settings.py": {
        "test_the_server_timeout_becomes_prefects_own_for_every_server_prefect_starts": 5.0,
    },
    "tests/unit/steps/translate/test_safe_decode.py": {
        "test_a_sentence_longer_than_the_table_is_translated_in_parts_within_the_table": 3.9,
    },
    "tests/unit/flows/test_window_work.py": {
        "test_a_window_run_again_after_its_worker_died_counts_each_article_it_loaded_once": 3.0,
    },
    "tests/unit/steps/extract/test_furniture_gold.py": {
        "test_no_body_sentence_is_removed_and_most_furniture_is": 2.2,
    },
}

# Tests that time something or load the cores on purpose: each runs alone (tests/support/serial_lock.py).
SERIAL: set[str] = {
    "tests/integration/test_busy_machine.py",  # eight CPU-bound processes: every other test would starve
    "tests/unit/steps/test_adversarial.py::test_time_grows_linearly",  # a ratio of timings
    # A server must be gone within 15 s of its run's death or its stop.
    "tests/integration/test_prefect_servers.py::test_a_killed_run_leaves_no_prefect_server_behind",
    "tests/integration/test_prefect_servers.py::test_server_start_status_and_stop",
}


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
    if _base_id(nodeid).split("::")[-1] in SLOW.get(path, {}):
        found.add("slow")
    if nodeid in SERIAL or _base_id(nodeid) in SERIAL or path in SERIAL:
        found.add("serial")
    return found
