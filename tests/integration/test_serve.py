"""`tintuc serve` as a user runs it: a real process, its own Prefect server, the pipeline on an interval.

Timing knobs set for the test only: runs every 5 s (`--interval 5`) and the runner asks for due runs every
2 s (PREFECT_RUNNER_POLL_FREQUENCY; Prefect's default is 10 s). The server's scheduler needs no tuning: it
creates a new deployment's first runs within seconds (its recent-deployments loop).
"""

import fcntl
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.prefect_server.record import recorded_server
from tests.conftest import SEED
from tests.support.processes import Process, descendants, in_groups, kill_groups, still_alive

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")

PHASE_TIMEOUT_S = 240.0  # a slow 2-core machine: server start, then Prefect spawning each run
SHUTDOWN_TIMEOUT_S = 90.0
NEW_TITLE = "Hà Nội thí điểm đề án mới về cán bộ"


def serve_env(data: Path) -> dict[str, str]:
    """Return the environment of a `tintuc serve` that must start its own server in data."""
    env = {**os.environ, "TINTUC_DATA_DIR": str(data), "COLUMNS": "200", "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    for name in ("PREFECT_API_URL", "PREFECT_HOME"):  # tintuc must start and keep its own server
        env.pop(name, None)
    return env


def completed_runs(database: Path) -> list[dict[str, Any]]:
    """Return the warehouse's completed runs, oldest first ([] before the first run made the table)."""
    if not database.exists():
        return []
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10) as connection:
            connection.row_factory = sqlite3.Row
            rows = connection.execute(
                "SELECT * FROM runs WHERE status = 'completed' ORDER BY started_at"
            ).fetchall()
    except sqlite3.OperationalError:  # no schema yet
        return []
    return [dict(row) for row in rows]


def wait_for(what: str, found: Callable[[], Any], server: subprocess.Popen[bytes], log: Path) -> Any:
    """Poll found() until it returns something truthy; fail, with tintuc's output, on timeout or exit."""
    deadline = time.monotonic() + PHASE_TIMEOUT_S
    while time.monotonic() < deadline:
        result = found()
        if result:
            return result
        if server.poll() is not None:
            pytest.fail(f"tintuc serve exited ({server.returncode}) before {what}:\n{log.read_text()}")
        time.sleep(1)
    pytest.fail(f"no {what} within {PHASE_TIMEOUT_S:.0f} s:\n{log.read_text()}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path, Path, Path]]:
    """Start `tintuc serve INBOX --interval 5` with no PREFECT_API_URL; kill what is left at the end."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED, inbox / SEED.name)
    data, log = tmp_path / "data", tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "flows", "serve", str(inbox), "--interval", "5"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=serve_env(data),
            start_new_session=True,  # its own group, as under a shell or a service manager
        )
    try:
        yield process, inbox, data / "tintuc.sqlite", log
    finally:
        if process.poll() is None:
            kill_groups({process.pid, *(p.group for p in descendants(process.pid))})
            process.wait()


def test_serve_runs_on_schedule_loads_a_new_file_and_stops_leaving_no_process(served):
    process, inbox, database, log = served

    first = wait_for("completed run", lambda: completed_runs(database), process, log)
    assert first[0]["articles_loaded"] == 1  # the seed, by the first scheduled run
    family: list[Process] = descendants(process.pid)
    assert any("prefect server start" in p.command for p in family), family
    # Recorded for `tintuc run`, which then runs on this server rather than a temporary one.
    record = recorded_server(database.parent / "prefect")
    assert record is not None and record.started_by == "tintuc serve"
    assert f"watch the runs at {record.url}/runs" in log.read_text()
    refused = subprocess.run(
        [sys.executable, "-m", "flows", "server", "stop"],
        env=serve_env(database.parent),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1 and "stop `tintuc serve`" in refused.stdout  # it is serve's to stop

    seen = {run["run_id"] for run in first}
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    # Another article: a new title (the first line), so neither its content nor its name was seen before.
    (inbox / "001_added.txt").write_text(NEW_TITLE + "\n" + "".join(lines[1:]), encoding="utf-8")

    def later_run_loading_it() -> list[dict[str, Any]]:
        return [r for r in completed_runs(database) if r["run_id"] not in seen and r["articles_loaded"] == 1]

    wait_for("later run loading the added file", later_run_loading_it, process, log)
    assert len(completed_runs(database)) >= 2
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        titles = {row[0] for row in connection.execute("SELECT title_vi FROM articles")}
    assert NEW_TITLE in titles and len(titles) == 2

    family += descendants(process.pid)  # whatever runs the runner started by now
    groups = {process.pid, *(p.group for p in family)}
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=SHUTDOWN_TIMEOUT_S) == 0, log.read_text()
    output = log.read_text()
    assert "watch the runs at http://127.0.0.1:" in output and "stopped" in output
    assert leftovers(family, groups) == []
    assert recorded_server(database.parent / "prefect") is None


def leftovers(family: list[Process], groups: set[int], settle_s: float = 5.0) -> list[str]:
    """Return the commands of processes tintuc started that still run settle_s after it exited.

    The few seconds let a process that saw its parent go (multiprocessing's resource tracker reads
    until EOF) finish exiting: not a stray.
    """
    deadline = time.monotonic() + settle_s
    while True:
        left = {p.pid: p.command for p in still_alive(family) + in_groups(groups)}
        if not left or time.monotonic() > deadline:
            return sorted(left.values())
        time.sleep(0.2)


@pytest.mark.parametrize("schedule", [[], ["--cron", "0 * * * *", "--interval", "60"]])
def test_serve_needs_exactly_one_of_cron_or_interval_and_starts_nothing_without(tmp_path, schedule):
    result = CliRunner().invoke(app, ["serve", str(SEED.parent), *schedule], env=serve_env(tmp_path / "data"))
    assert result.exit_code == 2 and "exactly one of --cron or --interval" in result.output
    assert not (tmp_path / "data").exists()


def test_a_second_serve_on_the_same_data_folder_is_refused(tmp_path):
    data = tmp_path / "data"
    (data / "prefect").mkdir(parents=True)
    with (data / "prefect" / "serve.lock").open("wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running `tintuc serve` holds it
        second = subprocess.run(
            [sys.executable, "-m", "flows", "serve", str(SEED.parent), "--interval", "60"],
            env=serve_env(data),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert second.returncode == 1
    assert "another `tintuc serve` already serves the data folder" in second.stdout
    assert not (data / "prefect" / "server.log").exists()  # no second server was started
