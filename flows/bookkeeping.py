"""A run's bookkeeping, for every flow: its row in `runs`, its lock and its heartbeat."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from prefect import get_run_logger

from flows.settings import Settings
from flows.steps.records import utc_now
from warehouse.engine import Warehouse
from warehouse.runs import finish_run, heartbeat, holding_run_lock, mark_dead_runs, start_run


@contextmanager
def recorded_run(engine: Warehouse, settings: Settings, kind: str = "pipeline") -> Iterator[str]:
    """Record a run in `runs` and keep its heartbeat; a run that raises is recorded as failed, then raises.

    Runs left `running` by a process that died (SIGKILL, power cut), here or on another machine, are
    recorded as crashed first.
    """
    locks = settings.run_locks_dir
    crashed = mark_dead_runs(engine, locks, settings.heartbeat_timeout_s)
    if crashed:
        get_run_logger().warning("runs %s had crashed; their unfinished files load now", ", ".join(crashed))
    run_id = uuid.uuid4().hex[:16]
    with holding_run_lock(locks, run_id):
        start_run(engine, run_id, utc_now(), kind)
        try:
            with heartbeat(engine, run_id, settings.heartbeat_s):
                yield run_id
        except BaseException:
            finish_run(engine, run_id, "failed", utc_now())
            raise
