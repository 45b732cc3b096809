"""A run left 'running' is marked crashed only when its process is gone."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text

from warehouse.engine import make_engine, upgrade_to_head
from warehouse.runs import holding_run_lock, mark_dead_runs, start_run


@pytest.fixture
def engine(warehouse_url):
    engine = make_engine(warehouse_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


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
        assert mark_dead_runs(engine, locks) == ["dead"]
        assert statuses(engine) == {"live": "running", "dead": "crashed"}
    assert not (locks / "dead.lock").exists() and not (locks / "live.lock").exists()


def test_a_running_run_without_a_lock_file_here_is_not_judged(engine, tmp_path):
    start_run(engine, "elsewhere", datetime(2026, 1, 1))  # e.g. started on another machine
    assert mark_dead_runs(engine, tmp_path / "runs") == []
    assert statuses(engine) == {"elsewhere": "running"}
