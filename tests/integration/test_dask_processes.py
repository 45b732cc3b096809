"""`tintuc run` as a user runs it on a Dask cluster of processes: `dask scheduler` and two `dask worker`s.

The commands are the README's ("Scaling out"), on a free port instead of 8786. Each worker's
environment points TINTUC_DATA_DIR at the data folder where `tintuc models install --file` put the
fixture model, as on a worker machine; the run uses the same folder, as machines that mount one
shared data folder do. The warehouse is a fresh PostgreSQL database (TINTUC_TEST_POSTGRES_URL).
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from flows.translation import translator_loads
from tests.integration.test_crash_and_concurrency import write_articles
from tests.integration.test_serve import SHUTDOWN_TIMEOUT_S, leftovers, serve_env
from tests.integration.tintuc_process import PROJECT, RUN_TIMEOUT_S, child_env, query_url
from tests.support.processes import Process, descendants, kill_groups

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")

DASK = Path(sys.executable).with_name("dask")  # the `dask` command of distributed, beside this Python
WORKERS_TIMEOUT_S = 240.0  # two worker processes importing Prefect on a busy two-core machine
STOP_TIMEOUT_S = 60.0


def free_port() -> int:
    """Return a TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class DaskCluster:
    """A `dask scheduler` and its `dask worker`s, each a process group of its own, and their logs."""

    address: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    def start(self, args: list[str], env: dict[str, str], log: Path) -> None:
        """Start `dask ARGS` in its own process group, its output to log."""
        with log.open("wb") as out:
            self.processes.append(
                subprocess.Popen(
                    [str(DASK), *args],
                    cwd=PROJECT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        self.logs.append(log)

    def family(self) -> list[Process]:
        """Return every process the cluster's commands started (a worker's nanny starts the worker)."""
        return [p for process in self.processes for p in descendants(process.pid)]

    def output(self) -> str:
        """Return the logs of the scheduler and the workers."""
        return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')}" for log in self.logs)

    def stop(self) -> None:
        """Stop the workers, then the scheduler, with SIGTERM (Ctrl-C's end), as a user would."""
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            process.wait(timeout=STOP_TIMEOUT_S)


@pytest.fixture(scope="module")
def data_with_model(tmp_path_factory: pytest.TempPathFactory, fixture_package: Path) -> Path:
    """Install the fixture model with `tintuc models install --file`, as on each worker machine."""
    data = tmp_path_factory.mktemp("shared") / "data"
    installed = subprocess.run(
        [sys.executable, "-m", "flows", "models", "install", "--file", str(fixture_package)],
        cwd=PROJECT,
        env=child_env(data),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return data


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory, data_with_model: Path) -> Iterator[DaskCluster]:
    """Start `dask scheduler` and two `dask worker`s (one process, one thread each); kill what is left.

    For the module: the tests share the cluster, as runs share a cluster that stays up.
    """
    from distributed import Client

    logs = tmp_path_factory.mktemp("dask")
    port = free_port()
    cluster = DaskCluster(f"tcp://127.0.0.1:{port}")
    env = child_env(data_with_model)
    try:
        cluster.start(["scheduler", "--port", str(port)], env, logs / "scheduler.log")
        for number in (1, 2):
            worker = ["worker", cluster.address, "--nworkers", "1", "--nthreads", "1"]
            cluster.start(worker, env, logs / f"worker-{number}.log")
        with Client(cluster.address, timeout=WORKERS_TIMEOUT_S) as client:
            client.wait_for_workers(2, timeout=WORKERS_TIMEOUT_S)
        yield cluster
    finally:
        kill_groups({process.pid for process in cluster.processes})
        for process in cluster.processes:
            process.wait()


def test_tintuc_run_on_a_dask_cluster_of_processes_loads_each_article_once_translated_and_counts_them(
    tmp_path, dask_cluster, data_with_model, postgres_warehouse_url
):
    inputs = tmp_path / "in"
    first, *_ = write_articles(inputs, range(6))
    # Other bytes, the same article: windows on two workers, and only the warehouse can tell.
    (inputs / "zz_again.json").write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    env = child_env(data_with_model) | {
        "TINTUC_DASK_ADDRESS": dask_cluster.address,
        "TINTUC_DATABASE_URL": postgres_warehouse_url,
        "TINTUC_WINDOW_FILES": "2",
    }
    env.pop("PREFECT_API_URL", None)  # tintuc starts its temporary server, which the workers reach here
    run = subprocess.Popen(
        [sys.executable, "-m", "flows", "run", str(inputs)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = run.communicate(timeout=RUN_TIMEOUT_S)
        left_by_run = leftovers([], {run.pid})  # tintuc's temporary Prefect server goes with it
    finally:
        kill_groups({run.pid})
    assert left_by_run == []
    assert run.returncode == 3, f"{out}\n{err}\n{dask_cluster.output()}"  # 3: the second copy was rejected

    def ask(sql: str) -> list[tuple]:
        return query_url(postgres_warehouse_url, sql)

    assert ask("SELECT count(*), count(DISTINCT title_vi) FROM articles") == [(6, 6)]
    assert ask("SELECT DISTINCT status FROM articles") == [("translated",)]
    assert ask("SELECT count(*) FROM segments WHERE text_en IS NULL") == [(0,)]
    assert ask("SELECT count(*) FROM source_files") == [(7,)]
    assert ask("SELECT check_name FROM rejects") == [("duplicate_article",)]
    [(run_id, status, seen, skipped, loaded, rejected, held)] = ask(
        "SELECT run_id, status, files_seen, files_skipped, articles_loaded, rejected,"
        " (SELECT count(*) FROM articles a WHERE a.run_id = r.run_id) FROM runs r"
    )
    assert (status, seen, skipped, loaded, rejected, held) == ("completed_with_rejects", 7, 0, 6, 1, 6)
    assert f"run {run_id}: 7 files seen, 0 unchanged, 6 articles loaded" in out
    # The windows ran on the workers: each loaded the package once at most, and some worker did.
    from distributed import Client

    with Client(dask_cluster.address, timeout=WORKERS_TIMEOUT_S) as client:
        loads = list(client.run(translator_loads).values())
    assert len(loads) == 2 and max(loads) == 1, loads


def test_tintuc_serve_runs_its_scheduled_runs_windows_on_the_dask_cluster_and_stops_leaving_no_process(
    tmp_path, dask_cluster, data_with_model, postgres_warehouse_url
):
    inbox = tmp_path / "inbox"
    write_articles(inbox, range(3))
    env = serve_env(data_with_model) | {
        "TINTUC_DASK_ADDRESS": dask_cluster.address,
        "TINTUC_DATABASE_URL": postgres_warehouse_url,
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    before = tasks_run_on(dask_cluster)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "flows", "serve", str(inbox), "--interval", "5"],
            cwd=PROJECT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    family: list[Process] = []
    try:
        [(run_id, loaded)] = first_completed_run(postgres_warehouse_url, serve, log)
        family = descendants(serve.pid)
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=SHUTDOWN_TIMEOUT_S) == 0, log.read_text()
        assert leftovers(family, {serve.pid, *(p.group for p in family)}) == []
    finally:
        kill_groups({serve.pid, *(p.group for p in family)})
        serve.wait()
    assert loaded == 3
    assert tasks_run_on(dask_cluster) > before  # the served runs' windows ran on the workers
    held = query_url(postgres_warehouse_url, f"SELECT count(*) FROM articles WHERE run_id = '{run_id}'")
    assert held == [(3,)]
    assert query_url(postgres_warehouse_url, "SELECT count(*) FROM segments WHERE text_en IS NULL") == [(0,)]


def tasks_run_on(cluster: DaskCluster) -> int:
    """Return how many tasks the cluster's workers have run, all told."""
    from distributed import Client

    with Client(cluster.address, timeout=WORKERS_TIMEOUT_S) as client:
        # A lambda, so cloudpickle sends it by value: a worker started as a user starts one cannot
        # import this test module (`tests` there is argos-translate-lt's package, not ours).
        return sum(client.run(lambda dask_worker: int(dask_worker.state.executed_count)).values())


def first_completed_run(url: str, serve: subprocess.Popen[bytes], log: Path) -> list[tuple]:
    """Wait for the first completed run in the warehouse at url; return its id and articles loaded."""
    from sqlalchemy.exc import ProgrammingError

    deadline = time.monotonic() + RUN_TIMEOUT_S  # the server's start, then a run, on a busy machine
    query = "SELECT run_id, articles_loaded FROM runs WHERE status = 'completed' ORDER BY started_at LIMIT 1"
    while time.monotonic() < deadline:
        try:
            if found := query_url(url, query):
                return found
        except ProgrammingError:  # no schema yet
            pass
        if serve.poll() is not None:
            pytest.fail(
                f"tintuc serve exited ({serve.returncode}) before a run completed:\n{log.read_text()}"
            )
        time.sleep(1)
    pytest.fail(f"no run completed within {RUN_TIMEOUT_S} s:\n{log.read_text()}")


def test_the_dask_commands_stop_on_sigterm_leaving_no_process(dask_cluster):
    # Last in the module: it stops the cluster the tests above share (alone, it starts one to stop).
    family = dask_cluster.family()
    dask_cluster.stop()
    assert leftovers(family, {process.pid for process in dask_cluster.processes}) == []
