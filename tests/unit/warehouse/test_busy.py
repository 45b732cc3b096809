"""A write that finds the warehouse locked past the busy timeout is run again, and lands once."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

import warehouse.engine
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.runs import start_run


def test_a_write_refused_while_another_process_holds_the_lock_is_retried_and_lands(tmp_path, monkeypatch):
    path = tmp_path / "w.sqlite"
    upgrade_to_head(make_engine(f"sqlite:///{path}"))
    monkeypatch.setattr(warehouse.engine, "SQLITE_BUSY_TIMEOUT_MS", 0)  # refuse at once, not after 30 s
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    pauses = []

    def pause_then_release(seconds: float) -> None:
        pauses.append(seconds)
        holder.execute("COMMIT")  # the other writer finishes while we wait

    monkeypatch.setattr(warehouse.engine, "sleep", pause_then_release)
    engine = make_engine(f"sqlite:///{path}")
    start_run(engine, "r1", datetime(2026, 1, 1))
    assert pauses == [1]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT run_id FROM runs")).scalars().all() == ["r1"]


def test_other_database_errors_are_not_retried(tmp_path, monkeypatch):
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    upgrade_to_head(engine)
    monkeypatch.setattr(warehouse.engine, "sleep", lambda _s: pytest.fail("retried a non-busy error"))
    start_run(engine, "r1", datetime(2026, 1, 1))
    with pytest.raises(IntegrityError):
        start_run(engine, "r1", datetime(2026, 1, 1))


def test_the_revision_tintuc_checks_runs_against_is_alembics_head():
    from warehouse.engine import HEAD_REVISION, alembic_head

    assert alembic_head() == HEAD_REVISION


def test_a_transaction_postgresql_refuses_as_a_serialization_failure_is_run_again(
    postgres_warehouse_url, monkeypatch
):
    from sqlalchemy import update

    from warehouse.engine import retry_when_busy
    from warehouse.models import Run

    engine = make_engine(postgres_warehouse_url)  # serialization failures are PostgreSQL's
    upgrade_to_head(engine)
    start_run(engine, "r1", datetime(2026, 1, 1))
    monkeypatch.setattr(warehouse.engine, "sleep", lambda _s: None)
    attempts = []

    @retry_when_busy
    def add_ten() -> None:
        attempts.append(len(attempts) + 1)
        repeatable = engine.connect().execution_options(isolation_level="REPEATABLE READ")
        with repeatable as connection, connection.begin():
            connection.execute(text("SELECT files_seen FROM runs")).all()  # the snapshot is taken
            if len(attempts) == 1:  # another run changes the row meanwhile, once
                with engine.begin() as other:
                    other.execute(update(Run).values(files_seen=Run.files_seen + 1))
            connection.execute(update(Run).values(files_seen=Run.files_seen + 10))

    add_ten()
    assert attempts == [1, 2]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT files_seen FROM runs")).scalar_one() == 11
    engine.dispose()
