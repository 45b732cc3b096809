"""A run left 'running' is marked crashed only when its process is gone: its lock here, or its heartbeat."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from sqlalchemy import text, update

from warehouse.models import Run
from warehouse.runs import database_now, heartbeat, holding_run_lock, mark_dead_runs, start_run

TIMEOUT_S = 600


def statuses(engine) -> dict[str, str]:
    with engine.connect() as connection:
        return dict(connection.execute(text("SELECT run_id, status FROM runs")).all())


def test_a_live_run_is_left_alone_and_a_dead_one_is_marked_crashed(engine, tmp_path):
    locks = tmp_path / "runs"
    with holding_run_lock(locks, "live"):
        start_run(engine, "live", datetime(2026, 1, 1))
        # A run whose process died leaves its lock file behind, held by nobody.
        start_run(engine, "dead", datetime(2026, 1, 1))
        (locks / "dead.lock").touch()
        assert mark_dead_runs(engine, locks, TIMEOUT_S) == ["dead"]
        assert statuses(engine) == {"live": "running", "dead": "crashed"}
    assert not (locks / "dead.lock").exists() and not (locks / "live.lock").exists()


def silence(engine, run_id: str, seconds: float) -> None:
    """Make a run's last heartbeat seconds old, as if its process had stopped then."""
    with engine.begin() as connection:
        then = database_now(connection) - timedelta(seconds=seconds)
        connection.execute(update(Run).where(Run.run_id == run_id).values(heartbeat_at=then))


def heartbeat_of(engine, run_id: str) -> datetime:
    with engine.connect() as connection:
        return connection.execute(
            text(f"SELECT heartbeat_at FROM runs WHERE run_id = '{run_id}'")
        ).scalar_one()


def test_a_run_elsewhere_with_a_recent_heartbeat_is_left_alone(engine, tmp_path):
    start_run(engine, "elsewhere", datetime(2026, 1, 1))  # started on another machine: no lock file here
    silence(engine, "elsewhere", TIMEOUT_S - 60)
    assert mark_dead_runs(engine, tmp_path / "runs", TIMEOUT_S) == []
    assert statuses(engine) == {"elsewhere": "running"}


def test_a_run_elsewhere_whose_heartbeat_stopped_past_the_timeout_is_marked_crashed(engine, tmp_path):
    start_run(engine, "gone", datetime(2026, 1, 1))
    start_run(engine, "beating", datetime(2026, 1, 1))
    silence(engine, "gone", TIMEOUT_S + 60)
    assert mark_dead_runs(engine, tmp_path / "runs", TIMEOUT_S) == ["gone"]
    assert statuses(engine) == {"gone": "crashed", "beating": "running"}


def test_a_run_whose_lock_here_is_held_lives_whatever_its_heartbeat_says(engine, tmp_path):
    locks = tmp_path / "runs"
    with holding_run_lock(locks, "paused"):  # e.g. a laptop that slept: its process still holds the lock
        start_run(engine, "paused", datetime(2026, 1, 1))
        silence(engine, "paused", TIMEOUT_S * 10)
        assert mark_dead_runs(engine, locks, TIMEOUT_S) == []
    assert statuses(engine) == {"paused": "running"}


def test_a_run_records_its_host_and_pid_and_its_heartbeat_moves_while_it_lives(engine):
    import os
    import socket

    start_run(engine, "r1", datetime(2026, 1, 1))
    silence(engine, "r1", 3600)
    before = heartbeat_of(engine, "r1")
    with heartbeat(engine, "r1", every_s=0.05):
        deadline = time.monotonic() + 60
        while heartbeat_of(engine, "r1") == before:
            assert time.monotonic() < deadline, "no heartbeat within a minute"
            time.sleep(0.05)
    assert heartbeat_of(engine, "r1") > before
    with engine.connect() as connection:
        row = connection.execute(text("SELECT host, pid FROM runs")).one()
    assert (row.host, row.pid) == (socket.gethostname(), os.getpid())
