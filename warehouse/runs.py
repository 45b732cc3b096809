"""Runs in the warehouse's `runs` table: started, counted, finished, and told apart when they crashed.

A run still going is told from one whose process died without a column for it: each live run
holds an exclusive lock on its own file in the data folder. The operating system drops the lock
when the process ends, however it ends (SIGKILL included), so a run recorded as `running` whose
lock file is left but not held has died.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select, update

from warehouse.engine import insert_statement, retry_when_busy
from warehouse.models import Run


@retry_when_busy
def start_run(engine: Engine, run_id: str, started_at: datetime, kind: str = "pipeline") -> None:
    """Record that a run (`pipeline`: tintuc run or serve; `translate`: tintuc translate) has started."""
    with engine.begin() as connection:
        connection.execute(
            insert_statement(connection, Run).values(
                run_id=run_id,
                kind=kind,
                started_at=started_at,
                status="running",
                files_seen=0,
                files_skipped=0,
                articles_loaded=0,
                segments_translated=0,
                rejected=0,
            )
        )


@retry_when_busy
def finish_run(engine: Engine, run_id: str, status: str, finished_at: datetime, **counts: int) -> None:
    """Record a run's outcome and counts."""
    with engine.begin() as connection:
        connection.execute(
            update(Run).where(Run.run_id == run_id).values(status=status, finished_at=finished_at, **counts)
        )


def running_runs(engine: Engine) -> list[str]:
    """Return the ids of runs recorded as running (live, or left so by a process that died)."""
    with engine.connect() as connection:
        return list(connection.scalars(select(Run.run_id).where(Run.status == "running")))


@retry_when_busy
def mark_crashed(engine: Engine, run_ids: list[str]) -> None:
    """Record runs whose process died as crashed; finished_at stays empty (nobody saw them end)."""
    with engine.begin() as connection:
        connection.execute(
            update(Run).where(Run.run_id.in_(run_ids), Run.status == "running").values(status="crashed")
        )


@retry_when_busy
def record_counts(engine: Engine, run_id: str, **counts: int) -> None:
    """Record a running run's counts so far (after each window), so `tintuc status` shows its progress."""
    with engine.begin() as connection:
        connection.execute(update(Run).where(Run.run_id == run_id).values(**counts))


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


def mark_dead_runs(engine: Engine, folder: Path) -> list[str]:
    """Record every run left `running` by a process that died as `crashed`; return their ids."""
    dead = [run_id for run_id in running_runs(engine) if has_died(folder, run_id)]
    if dead:
        mark_crashed(engine, dead)
        for run_id in dead:
            _lock_path(folder, run_id).unlink(missing_ok=True)
    return dead
