"""Let a few tests run alone while the rest of the suite runs on every core (pytest-xdist).

Every test takes a shared lock for its setup, call and teardown; a `serial` test (tests/support/tiers.py)
takes it exclusively, so it starts once the other workers' current tests end, and they start no new
test until it is done. A turnstile lock, taken briefly before the main one, lets the exclusive request
through rather than starve behind a stream of shared ones. Both are flock(2) locks on two files of the
test run, so they hold across xdist's worker processes and vanish with them; without xdist nothing
waits.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _lock_paths() -> tuple[Path, Path]:
    """Return the turnstile and main lock files of this test run (one run: one pair, for all workers)."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", f"pid{os.getpid()}")
    folder = Path(tempfile.gettempdir())
    return folder / f"tintuc-tests-{run}.turnstile", folder / f"tintuc-tests-{run}.lock"


@contextmanager
def turn(alone: bool) -> Iterator[None]:
    """Hold the suite's lock for one test: shared, or exclusive when the test must run alone."""
    turnstile_path, main_path = _lock_paths()
    with turnstile_path.open("a") as turnstile, main_path.open("a") as main:
        fcntl.flock(turnstile, fcntl.LOCK_EX)
        try:
            fcntl.flock(main, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            fcntl.flock(turnstile, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(main, fcntl.LOCK_UN)
