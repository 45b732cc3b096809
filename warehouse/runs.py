"""Runs in the warehouse's `runs` table: started, counted, finished, and told apart when they crashed.

A run still going is told from one whose process died in two ways. On its own machine, each live
run holds an exclusive lock on its own file in the data folder; the operating system drops the lock
when the process ends, however it ends (SIGKILL included), so a run recorded as `running` whose lock
file is left but not held has died. From any other machine (a shared PostgreSQL warehouse), a run
is seen by its heartbeat: a live run writes the time into `runs.heartbeat_at` after every window and
every few seconds between, from a thread of its own; a run whose heartbeat stopped longer than the
timeout has died. Heartbeats are written and judged by the database's clock, so two machines whose
clocks disagree still agree on them.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.exc import DBAPIError

from warehouse.engine import insert_statement, retry_when_busy
from warehouse.models import Run

logger = logging.getLogger(__name__)


def database_now(connection: Connection) -> datetime:
    """Return the warehouse's clock as naive UTC (as the warehouse keeps times).

    SQLite lives on one machine, whose clock is the one every run there reads.
    """
    if connection.dialect.name == "postgresql":
        return connection.execute(select(func.timezone("UTC", func.clock_timestamp()))).scalar_one()
    return datetime.now(UTC).replace(tzinfo=None)


@retry_when_busy
def start_run(engine: Engine, run_id: str, started_at: datetime, kind: str = "pipeline") -> None:
    """Record that a run (`pipeline`: tintuc run or serve; `translate`: tintuc translate) has started."""
    with engine.begin() as connection:
        connection.execute(
            insert_statement(connection, Run).values(
                run_id=run_id,
                kind=kind,
                started_at=started_at,
                host=socket.gethostname(),
                pid=os.getpid(),
                heartbeat_at=database_now(connection),
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


def silent_runs(engine: Engine, timeout_s: float) -> set[str]:
    """Return the running runs whose heartbeat (their start, if they never beat) is older than timeout_s."""
    with engine.connect() as connection:
        cutoff = database_now(connection) - timedelta(seconds=timeout_s)
        last_sign = func.coalesce(Run.heartbeat_at, Run.started_at)
        query = select(Run.run_id).where(Run.status == "running", last_sign < cutoff)
        return set(connection.scalars(query))


@retry_when_busy
def beat(engine: Engine, run_id: str) -> None:
    """Record that a run is alive now."""
    with engine.begin() as connection:
        connection.execute(
            update(Run).where(Run.run_id == run_id).values(heartbeat_at=database_now(connection))
        )


@contextmanager
def heartbeat(engine: Engine, run_id: str, every_s: float) -> Iterator[None]:
    """Beat every every_s seconds from a thread of its own while the block runs.

    A beat the database refuses is logged and the next one tried: a missed beat only matters if
    they all fail for longer than the timeout, and then the run is as good as gone to the others.
    """
    stop = threading.Event()

    def beat_until_stopped() -> None:
        while not stop.wait(every_s):
            try:
                beat(engine, run_id)
            except DBAPIError as error:
                logger.warning("could not record the heartbeat of run %s: %s", run_id, error.orig)

    thread = threading.Thread(target=beat_until_stopped, name=f"heartbeat-{run_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@retry_when_busy
def mark_crashed(engine: Engine, run_ids: list[str]) -> None:
    """Record runs whose process died as crashed; finished_at stays empty (nobody saw them end)."""
    with engine.begin() as connection:
        connection.execute(
            update(Run).where(Run.run_id.in_(run_ids), Run.status == "running").values(status="crashed")
        )


@retry_when_busy
def record_counts(engine: Engine, run_id: str, **counts: int) -> None:
    """Record a running run's counts so far (after each window), and its heartbeat, for `tintuc status`."""
    with engine.begin() as connection:
        now = database_now(connection)
        connection.execute(update(Run).where(Run.run_id == run_id).values(heartbeat_at=now, **counts))


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


def has_died(folder: Path, run_id: str) -> bool | None:
    """Return whether the run has died, by its lock file here; None when there is no file to tell."""
    try:
        handle = _lock_path(folder, run_id).open("r")
    except FileNotFoundError:
        # No file: the run ended normally meanwhile, or runs on another machine (its heartbeat tells).
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def mark_dead_runs(engine: Engine, folder: Path, heartbeat_timeout_s: float) -> list[str]:
    """Record every run left `running` by a process that died as `crashed`; return their ids.

    A run with a lock file here is judged by it (held: alive, whatever its heartbeat says); any
    other by its heartbeat.
    """
    silent = silent_runs(engine, heartbeat_timeout_s)
    dead = [
        run_id
        for run_id in running_runs(engine)
        if (died := has_died(folder, run_id)) or (died is None and run_id in silent)
    ]
    if dead:
        mark_crashed(engine, dead)
        for run_id in dead:
            _lock_path(folder, run_id).unlink(missing_ok=True)
    return dead
