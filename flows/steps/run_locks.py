"""Tell a run that is still going from one whose process died, without a column for it.

Each live run holds an exclusive lock on its own file in the data folder. The operating system
drops the lock when the process ends, however it ends (SIGKILL included), so a run recorded as
`running` whose lock file is left but not held has died.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.engine import Warehouse
from warehouse.load import mark_crashed, running_runs


def _lock_path(folder: Path, run_id: str) -> Path:
    """Return the lock file of a run."""
    return folder / f"{run_id}.lock"


@contextmanager
def holding_run_lock(folder: Path, run_id: str) -> Iterator[None]:
    """Hold the run's lock while the run lives; remove the file when it ends normally."""
    folder.mkdir(parents=True, exist_ok=True)
    path = _lock_path(folder, run_id)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            # Removed while still held, so no other process can take an unlocked file for a dead run.
            path.unlink(missing_ok=True)


def has_died(folder: Path, run_id: str) -> bool:
    """Return True if the run's lock file is left behind and no process holds it."""
    try:
        handle = _lock_path(folder, run_id).open("r")
    except FileNotFoundError:
        # No file: the run ended normally meanwhile, or ran on another machine. Not ours to judge.
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def mark_dead_runs(engine: Warehouse, folder: Path) -> list[str]:
    """Record every run left `running` by a process that died as `crashed`; return their ids."""
    dead = [run_id for run_id in running_runs(engine) if has_died(folder, run_id)]
    if dead:
        mark_crashed(engine, dead)
        for run_id in dead:
            _lock_path(folder, run_id).unlink(missing_ok=True)
    return dead
