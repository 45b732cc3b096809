"""The Prefect server runs reuse: the first run starts it, later runs use it, it stops by itself when idle.

Real processes throughout: `tintuc run` and `tintuc server ...` as a user starts them, the keeper and
`prefect server start` found in the process table, the runs read back from the server's own API.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.prefect_server.record import RECORD_NAME
from tests.conftest import SEED
from tests.integration.test_prefect_servers import flow_runs, gone_within
from tests.integration.tintuc_process import (
    PROJECT,
    RUN_TIMEOUT_S,
    child_env,
    finish,
    kill_group,
    start_tintuc,
)
from tests.support.processes import Process, all_processes, in_groups, kill_groups, read_process

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")

UI_ADDRESS = re.compile(r"watch the runs at (http://127\.0\.0\.1:\d+)/runs")
STARTED_NOTE = "a local Prefect server started for this run and the next"
KEEPER = "flows.prefect_server.keeper"
GONE_WITHIN_S = 90.0  # the idle time, the keeper's next look, and the server's own shutdown
LONG_IDLE_S = "600"


def env_with_idle(data: Path, idle_s: str) -> dict[str, str]:
    """Return a child's environment: data folder, no server of the user's, the given idle time."""
    env = {key: value for key, value in child_env(data).items() if key != "PREFECT_API_URL"}
    env["TINTUC_PREFECT_SERVER_IDLE_S"] = idle_s
    return env


def tintuc(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `tintuc ARGS` to the end."""
    command = [sys.executable, "-m", "flows", *args]
    return subprocess.run(
        command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """Start `tintuc ARGS` in its own session, as a shell would."""
    command = [sys.executable, "-m", "flows", *args]
    return subprocess.Popen(
        command,
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def recorded(data: Path) -> dict[str, object] | None:
    """Return tintuc's server record of the data folder, if there is one."""
    record = data / "prefect" / RECORD_NAME
    return dict(json.loads(record.read_text())) if record.exists() else None


def keepers_of(data: Path) -> list[Process]:
    """Return the keeper processes serving this data folder."""
    home = str(data / "prefect")
    return [p for p in all_processes() if KEEPER in p.command and home in p.command]


def server_processes(keeper: Process) -> list[Process]:
    """Return the keeper and everything in its process group (the Prefect server)."""
    return in_groups({keeper.pid})


def articles_folder(root: Path, name: str, copies: int = 1) -> Path:
    """Return a folder of `copies` distinct articles (the seed under new titles)."""
    folder = root / name
    folder.mkdir(parents=True)
    title, rest = SEED.read_text(encoding="utf-8").split("\n", 1)
    for number in range(copies):
        (folder / f"{name}_{number}.txt").write_text(f"{title} ({name} {number})\n{rest}", encoding="utf-8")
    return folder


@pytest.fixture
def stopped_after(tmp_path: Path) -> Iterator[Path]:
    """Yield a data folder; any server a test left for it is stopped, its processes killed, at the end."""
    data = tmp_path / "data"
    yield data
    keepers = keepers_of(data)
    if keepers:
        tintuc(["server", "stop"], env_with_idle(data, LONG_IDLE_S))
        kill_groups({keeper.pid for keeper in keepers})


def test_a_first_run_starts_a_server_the_next_run_reuses_and_both_runs_are_listed_on_it(
    tmp_path, stopped_after
):
    data, env = stopped_after, env_with_idle(stopped_after, LONG_IDLE_S)
    first = tintuc(["run", str(articles_folder(tmp_path, "a"))], env)
    assert first.returncode == 0, first.stdout + first.stderr
    address = UI_ADDRESS.search(first.stdout)
    assert address and STARTED_NOTE in first.stdout and "stops after 10 min" in first.stdout
    [keeper] = keepers_of(data)
    family = [keeper, *server_processes(keeper)]
    assert any("prefect server start" in p.command for p in family)

    second = tintuc(["run", str(articles_folder(tmp_path, "b"))], env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"watch the runs at {address.group(1)}/runs" in second.stdout and STARTED_NOTE not in second.stdout
    assert keepers_of(data) == [keeper]  # the same server, no second one
    runs = flow_runs(f"{address.group(1)}/runs")
    assert len(runs) == 2 and {run["state_type"] for run in runs} == {"COMPLETED"}
    status = tintuc(["server", "status"], env)
    assert "started by `tintuc run`, stops after 10 min without a run" in status.stdout

    stopped = tintuc(["server", "stop"], env)
    assert stopped.returncode == 0 and "stopped the Prefect server" in stopped.stdout
    assert all(gone_within(process, GONE_WITHIN_S) for process in family)
    assert recorded(data) is None


def test_the_reused_server_stops_by_itself_once_idle_and_leaves_no_process(tmp_path, stopped_after):
    data = stopped_after
    run = tintuc(["run", str(articles_folder(tmp_path, "a"))], env_with_idle(data, "15"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "stops after 15 s without one" in run.stdout
    [keeper] = keepers_of(data)  # still there: the run has just ended
    family = server_processes(keeper)
    assert all(gone_within(process, GONE_WITHIN_S) for process in family), [p.command for p in family]
    assert in_groups({keeper.pid}) == [] and recorded(data) is None


def test_two_runs_started_at_once_on_a_fresh_folder_share_one_server(tmp_path, stopped_after):
    data, env = stopped_after, env_with_idle(stopped_after, LONG_IDLE_S)
    runs = [start(["run", str(articles_folder(tmp_path, name))], env) for name in ("a", "b")]
    seen: set[int] = set()
    try:
        while any(run.poll() is None for run in runs):
            seen |= {keeper.pid for keeper in keepers_of(data)}
            time.sleep(0.2)
        results = [finish(run) for run in runs]
    finally:
        for run in runs:
            kill_group(run)
    assert all(result.returncode == 0 for result in results), [r.stdout + r.stderr for r in results]
    assert len(seen) == 1  # one server started, the other run waited for it
    addresses = {UI_ADDRESS.search(result.stdout).group(1) for result in results}  # type: ignore[union-attr]
    assert len(addresses) == 1 and len(flow_runs(f"{addresses.pop()}/runs")) == 2


def test_server_start_keeps_a_reused_server_past_its_idle_time(tmp_path, stopped_after):
    data = stopped_after
    env = env_with_idle(data, "30")
    assert tintuc(["run", str(articles_folder(tmp_path, "a"))], env).returncode == 0
    kept = tintuc(["server", "start"], env)
    assert kept.returncode == 0 and "kept running from now on" in kept.stdout, kept.stdout
    [keeper] = keepers_of(data)
    time.sleep(60)  # twice the idle time
    assert read_process(keeper.pid) is not None
    assert "started by `tintuc server start`" in tintuc(["server", "status"], env).stdout


def test_a_run_on_a_users_own_prefect_server_starts_none_and_is_listed_there(tmp_path, stopped_after):
    theirs = tmp_path / "their-prefect"  # stands for the user's server: another data folder's
    their_env = env_with_idle(theirs, LONG_IDLE_S)
    assert tintuc(["server", "start"], their_env).returncode == 0
    try:
        their_url = str(recorded(theirs)["url"])  # type: ignore[index]
        env = env_with_idle(stopped_after, LONG_IDLE_S) | {"PREFECT_API_URL": f"{their_url}/api"}
        run = tintuc(["run", str(articles_folder(tmp_path, "a"))], env)
        assert run.returncode == 0, run.stdout + run.stderr
        assert keepers_of(stopped_after) == [] and recorded(stopped_after) is None
        assert STARTED_NOTE not in run.stdout
        assert [r["state_type"] for r in flow_runs(f"{their_url}/runs")] == ["COMPLETED"]
    finally:
        tintuc(["server", "stop"], their_env)


def test_a_keeper_killed_outright_takes_its_server_with_it(tmp_path, stopped_after):
    data = stopped_after
    assert (
        tintuc(["run", str(articles_folder(tmp_path, "a"))], env_with_idle(data, LONG_IDLE_S)).returncode == 0
    )
    [keeper] = keepers_of(data)
    family = server_processes(keeper)
    os.kill(keeper.pid, signal.SIGKILL)  # the keeper alone, not its group
    assert all(gone_within(process, GONE_WITHIN_S) for process in family), [p.command for p in family]


def test_server_stop_refuses_while_a_run_uses_the_server_and_the_run_completes(
    tmp_path, stopped_after, monkeypatch
):
    data = stopped_after
    env = env_with_idle(data, LONG_IDLE_S)
    monkeypatch.setenv(
        "TINTUC_WINDOW_FILES", "2"
    )  # windows of 1, 2 and 1 files: the run pauses before the second
    inputs = articles_folder(tmp_path, "a", copies=4)
    assert tintuc(["run", str(articles_folder(tmp_path, "warm"))], env).returncode == 0  # the server is up
    marker = tmp_path / "at-window-2"
    paused = start_tintuc(
        ["run", str(inputs)],
        data,
        {"pause_at_window": 2, "marker": str(marker), "resume": str(tmp_path / "go")},
    )
    try:
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while not marker.exists() and time.monotonic() < deadline and paused.poll() is None:
            time.sleep(0.2)
        refused = tintuc(["server", "stop"], env)
        (tmp_path / "go").touch()
        result = finish(paused)
    finally:
        kill_group(paused)
    assert refused.returncode == 1 and "a run is using the Prefect server" in refused.stdout
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 articles loaded" in result.stdout


def test_the_keeper_stops_its_server_when_the_data_folder_is_removed(tmp_path):
    data = tmp_path / "data"
    assert (
        tintuc(["run", str(articles_folder(tmp_path, "a"))], env_with_idle(data, LONG_IDLE_S)).returncode == 0
    )
    [keeper] = keepers_of(data)
    family = server_processes(keeper)
    try:
        shutil.rmtree(data)
        assert all(gone_within(process, GONE_WITHIN_S) for process in family), [p.command for p in family]
    finally:
        kill_groups({keeper.pid})
