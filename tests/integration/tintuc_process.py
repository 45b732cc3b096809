"""Start `tintuc` as a real child process, optionally with test hooks (tests/support/child_run.py)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[2]
# Generous: a run starts Prefect's temporary server, which is slow on a busy two-core machine.
RUN_TIMEOUT_S = 900


def child_env(data_dir: Path) -> dict[str, str]:
    """Return the environment of a child run whose data folder is data_dir."""
    env = {**os.environ, "TINTUC_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    # The hooks import Prefect before the CLI could point it at the data folder: do it here.
    env["PREFECT_HOME"] = str(data_dir / "prefect")
    return env


def start_tintuc(
    args: list[str], data_dir: Path, hooks: dict[str, Any] | None = None
) -> subprocess.Popen[str]:
    """Start `tintuc ARGS` in its own process group, with hooks patched in if given."""
    command = [sys.executable, "-m", "tests.support.child_run", json.dumps(hooks or {}), *args]
    return subprocess.Popen(
        command,
        cwd=PROJECT,
        env=child_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so the parent can reap Prefect's server if the run is killed
    )


def finish(process: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    """Wait for a child and return what it did."""
    out, err = process.communicate(timeout=RUN_TIMEOUT_S)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def run_tintuc(
    args: list[str], data_dir: Path, hooks: dict[str, Any] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `tintuc ARGS` to the end."""
    return finish(start_tintuc(args, data_dir, hooks))


def kill_group(process: subprocess.Popen[str]) -> None:
    """SIGKILL whatever is left of a child's process group (Prefect's server outlives a killed run)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def query(database: Path, sql: str) -> list[tuple[Any, ...]]:
    """Return the rows of one query on a SQLite file, with a plain sqlite3 connection."""
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def query_url(url: str, sql: str) -> list[tuple[Any, ...]]:
    """Return the rows of one query on the warehouse at url (SQLite or PostgreSQL)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()
