"""The Prefect server a `tintuc run` works on: a temporary one that waits and dies with it, or tintuc's own.

Real processes throughout: `tintuc run` started as a user would (tests/integration/tintuc_process.py),
`tintuc server start/status/stop`, and Prefect's temporary server found in the process table.
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
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from flows.prefect_server.record import RECORD_NAME
from tests.conftest import SEED
from tests.integration.tintuc_process import PROJECT, child_env, finish, kill_group, start_tintuc
from tests.support.browser import browser_or_skip, chromium
from tests.support.processes import Process, descendants, kill_groups, read_process, starved, still_alive

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")

# Prefect's temporary server is uvicorn serving this app factory; `prefect server start` is not.
TEMPORARY_SERVER = "prefect.server.api.server:create_app"
APPEAR_TIMEOUT_S = 300.0  # a busy two-core machine takes a while to import Prefect
GONE_WITHIN_S = 15.0
STOPPED_FOR_S = 30  # longer than the 20 s Prefect gives its temporary server by default
UI_ADDRESS = re.compile(r"watch the runs at (http://127\.0\.0\.1:\d+/runs)")


def temporary_server_of(run: subprocess.Popen[str]) -> Process:
    """Wait until the run has started Prefect's temporary server and return that process."""
    deadline = time.monotonic() + APPEAR_TIMEOUT_S
    while time.monotonic() < deadline:
        found = [p for p in descendants(run.pid) if TEMPORARY_SERVER in p.command]
        if found:
            return found[0]
        assert run.poll() is None, f"the run ended before starting a server: {finish(run)}"
        time.sleep(0.05)
    pytest.fail(f"no temporary Prefect server within {APPEAR_TIMEOUT_S:.0f} s")


def gone_within(process: Process, seconds: float) -> bool:
    """Return whether process exits within seconds."""
    deadline = time.monotonic() + seconds
    while still_alive([process]):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_killed_run_leaves_no_prefect_server_behind(tmp_path, seed_dir):
    run = start_tintuc(["run", str(seed_dir)], tmp_path / "data")
    try:
        server = temporary_server_of(run)
        os.kill(run.pid, signal.SIGKILL)  # the run alone, not its process group
        run.wait()
        assert gone_within(server, GONE_WITHIN_S), server
    finally:
        kill_group(run)


def test_a_run_waits_for_a_temporary_server_that_is_slow_to_start(tmp_path, seed_dir):
    run = start_tintuc(["run", str(seed_dir)], tmp_path / "data")
    try:
        server = temporary_server_of(run)
        with starved(server.pid, STOPPED_FOR_S):
            pass  # the run alone goes on meanwhile
        result = finish(run)
    finally:
        kill_group(run)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 articles loaded" in result.stdout


def tintuc(args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    """Run `tintuc ARGS` on the data folder to the end."""
    env = {key: value for key, value in child_env(data).items() if key != "PREFECT_API_URL"}
    command = [sys.executable, "-m", "flows", *args]
    return subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=900)


def tintuc_script(script: str, args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    """Run a Python script that calls tintuc's CLI with args, as `tintuc` does, to the end."""
    env = {key: value for key, value in child_env(data).items() if key != "PREFECT_API_URL"}
    command = [sys.executable, "-c", script, *args]
    return subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=900)


def recorded_pid(data: Path) -> int | None:
    """Return the pid in tintuc's server record, if there is one."""
    record = data / "prefect" / RECORD_NAME
    return int(json.loads(record.read_text())["pid"]) if record.exists() else None


def stop_leftover_server(data: Path) -> None:
    """Stop a server a failed test left running: `tintuc server stop`, then its process group."""
    pid = recorded_pid(data)
    if pid is not None:
        tintuc(["server", "stop"], data)
        kill_groups({pid})


def test_server_start_status_and_stop(tmp_path):
    data = tmp_path / "data"
    try:
        assert tintuc(["server", "status"], data).returncode == 1
        started = tintuc(["server", "start"], data)
        assert started.returncode == 0, started.stdout + started.stderr
        pid = recorded_pid(data)
        assert pid is not None
        process = read_process(pid)
        assert process is not None and "prefect server start" in process.command
        again = tintuc(["server", "start"], data)
        assert "already running" in again.stdout and recorded_pid(data) == pid  # one server, not two
        status = tintuc(["server", "status"], data)
        assert status.returncode == 0 and UI_ADDRESS.search(status.stdout)
        stopped = tintuc(["server", "stop"], data)
        assert stopped.returncode == 0 and "stopped the Prefect server" in stopped.stdout
        assert gone_within(process, GONE_WITHIN_S)
        assert recorded_pid(data) is None
        assert tintuc(["server", "status"], data).returncode == 1
    finally:
        stop_leftover_server(data)


@dataclass(frozen=True)
class ServedRun:
    """A `tintuc run` made while `tintuc server start` kept a server running."""

    data: Path
    ui_address: str
    result: subprocess.CompletedProcess[str]
    temporary_servers: list[str]
    rerun: subprocess.CompletedProcess[str]  # the same files again: nothing new


# `tintuc run`, saying at exit whether it imported Prefect (a rerun with nothing new must not need to).
RUN_REPORTING_IMPORTS = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('prefect imported:', 'prefect' in sys.modules))\n"
    "from flows.cli import app\n"
    "app()\n"
)


@pytest.fixture(scope="module")
def served_run(tmp_path_factory) -> Iterator[ServedRun]:
    """Start tintuc's server, run the pipeline once (watching for a temporary server), stop it at the end."""
    root = tmp_path_factory.mktemp("served")
    data, seeds = root / "data", root / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    try:
        started = tintuc(["server", "start"], data)
        assert started.returncode == 0, started.stdout + started.stderr
        address = UI_ADDRESS.search(started.stdout)
        assert address, started.stdout
        run = start_tintuc(["run", str(seeds)], data)
        temporary: list[str] = []
        while run.poll() is None:
            temporary += [p.command for p in descendants(run.pid) if TEMPORARY_SERVER in p.command]
            time.sleep(0.1)
        first = finish(run)
        rerun = tintuc_script(RUN_REPORTING_IMPORTS, ["run", str(seeds)], data)
        yield ServedRun(data, address.group(1), first, temporary, rerun)
    finally:
        stop_leftover_server(data)


def test_a_run_uses_the_server_tintuc_keeps_and_starts_none_of_its_own(served_run):
    assert served_run.result.returncode == 0, served_run.result.stdout + served_run.result.stderr
    assert "1 articles loaded" in served_run.result.stdout
    assert served_run.temporary_servers == []
    [full_run] = [run for run in flow_runs(served_run.ui_address) if "nothing-new" not in run["tags"]]
    assert full_run["state_type"] == "COMPLETED"


def test_a_rerun_with_nothing_new_skips_prefects_machinery_but_is_listed_on_the_server(served_run):
    rerun = served_run.rerun
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "1 files seen, 1 unchanged, nothing new to load" in rerun.stdout
    assert "prefect imported: False" in rerun.stdout
    [listed] = [run for run in flow_runs(served_run.ui_address) if "nothing-new" in run["tags"]]
    run_id = rerun.stdout.split("run ", 1)[1].split(":", 1)[0]
    assert listed["state_type"] == "COMPLETED" and listed["name"] == f"nothing-new-{run_id}"


def flow_runs(ui_address: str) -> list[dict[str, Any]]:
    """Return the flow runs the server behind a UI address knows, from its API."""
    api = ui_address.removesuffix("/runs") + "/api"
    request = urllib.request.Request(f"{api}/flow_runs/filter", data=b"{}", method="POST")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        return list(json.load(response))


SCREENSHOTS = PROJECT / "tests" / "screenshots"
PAGE_TIMEOUT_MS = 180_000


def test_the_printed_ui_address_lists_the_run_in_a_real_browser(served_run):
    browser_or_skip()  # before asking Prefect: without a browser here, skip (or fail in CI) at once
    runs = flow_runs(served_run.ui_address)
    assert len(runs) == 2  # the full run and the rerun that found nothing new
    SCREENSHOTS.mkdir(exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 1200})  # tall enough for the list
        page.goto(served_run.ui_address, timeout=PAGE_TIMEOUT_MS)
        text = text_once_settled(page, [run["name"] for run in runs] + ["tintuc-pipeline"])
        page.screenshot(path=str(SCREENSHOTS / "ui_runs.png"), full_page=True)
    assert "Can't connect" not in text
    assert all(run["name"] in text for run in runs) and "tintuc-pipeline" in text and "Completed" in text


def text_once_settled(page: Any, expected: list[str]) -> str:
    """Return the page's text once it shows all of expected, or says it cannot reach the API, or time is up.

    The UI fills in a run's flow name after the run itself: wait for each.
    """
    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        text = str(page.inner_text("body"))
        if "Can't connect" in text or all(part in text for part in expected):
            return text
        page.wait_for_timeout(500)
    return str(page.inner_text("body"))
