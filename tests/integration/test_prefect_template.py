"""A first run in a fresh data folder starts its Prefect server from the migrated template, for real.

Real processes: `python -m flows.prefect_server.template` migrates a template with Prefect's own
`prefect server database upgrade`, `tintuc run` starts the keeper and `prefect server start`, and the
runs are read back from the server's API and the warehouse.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.prefect_server.blocks import REGISTER_BLOCKS
from flows.prefect_server.local import start_server, stop_server
from flows.prefect_server.template import PREFECT_DB, database_revision, head_revision, template_path
from tests.integration import test_reused_server
from tests.integration.test_prefect_servers import STOPPED_FOR_S, flow_runs
from tests.integration.test_reused_server import (
    LONG_IDLE_S,
    UI_ADDRESS,
    articles_folder,
    env_with_idle,
    keepers_of,
    recorded,
    server_processes,
    start,
    tintuc,
)
from tests.integration.tintuc_process import PROJECT, finish, kill_group, query
from tests.support.processes import Process, starved

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")

stopped_after = test_reused_server.stopped_after  # the fixture: any server a test left is stopped
MARK = "CREATE TABLE made_from_the_template (seen INTEGER)"
TEMPLATE_MADE_WITHIN_S = 300.0  # a low-priority migration on a busy machine
SERVER_SEEN_WITHIN_S = 120.0


def built_template(cache: Path, env: dict[str, str] | None = None, cwd: Path = PROJECT) -> Path:
    """Migrate a template into cache as `make install` does; return it."""
    done = subprocess.run(
        [sys.executable, "-m", "flows.prefect_server.template", str(cache)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip())


def marked(template: Path) -> str:
    """Add a table only a copy of this template can hold; return the template's digest."""
    connection = sqlite3.connect(template)
    with connection:
        connection.execute(MARK)
    connection.close()
    return hashlib.sha256(template.read_bytes()).hexdigest()


def env_with_cache(data: Path, cache: Path) -> dict[str, str]:
    """Return a child's environment: a fresh data folder, a server kept for later runs, this cache."""
    return {**env_with_idle(data, LONG_IDLE_S), "TINTUC_CACHE_DIR": str(cache)}


def tables(database: Path) -> set[str]:
    """Return the table names of a SQLite database."""
    return {name for (name,) in query(database, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def prefect_server_of(data: Path) -> Process:
    """Wait for the `prefect server start` a run's keeper starts for data, and return it."""
    deadline = time.monotonic() + SERVER_SEEN_WITHIN_S
    while time.monotonic() < deadline:
        for keeper in keepers_of(data):
            servers = [p for p in server_processes(keeper) if "prefect server start" in p.command]
            if servers:
                return servers[0]
        time.sleep(0.02)
    raise AssertionError(f"no Prefect server started for {data}")


def environment_of(pid: int) -> dict[str, str]:
    """Return a running process's environment, from /proc."""
    pairs = Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace").split("\0")
    return dict(pair.split("=", 1) for pair in pairs if "=" in pair)


def block_catalogue(database: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """Return the block types' slugs and the block schemas' checksums and versions of a Prefect database."""
    types = {slug for (slug,) in query(database, "SELECT slug FROM block_type")}
    schemas = set(query(database, "SELECT checksum, version FROM block_schema"))
    return types, schemas


def test_a_first_run_in_a_fresh_folder_starts_from_the_template_and_records_its_run(tmp_path, stopped_after):
    data, cache = stopped_after, tmp_path / "cache"
    template = built_template(cache)
    assert database_revision(template) == head_revision()
    digest = marked(template)

    run = tintuc(["run", str(articles_folder(tmp_path, "a", copies=3))], env_with_cache(data, cache))
    # the copy holds the block types: its server was told not to register them again
    assert environment_of(prefect_server_of(data).pid)[REGISTER_BLOCKS[0]] == "false"

    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 articles loaded" in run.stdout
    assert query(data / "tintuc.sqlite", "SELECT count(*) FROM articles") == [(3,)]
    address = UI_ADDRESS.search(run.stdout)
    assert address
    [flow_run] = flow_runs(f"{address.group(1)}/runs")
    assert flow_run["state_type"] == "COMPLETED"
    assert "made_from_the_template" in tables(data / "prefect" / PREFECT_DB)  # a copy, then migrated to head
    assert database_revision(data / "prefect" / PREFECT_DB) == head_revision()
    assert hashlib.sha256(template.read_bytes()).hexdigest() == digest  # the template itself is never written


def test_the_template_holds_every_block_type_prefects_server_registers(tmp_path, monkeypatch):
    template = built_template(tmp_path / "cache")
    types, schemas = block_catalogue(template)
    assert {
        "local-file-system",
        "secret",
        "webhook",
    } <= types  # Prefect's own, registered by Prefect's function

    home = tmp_path / "data" / "prefect"
    home.mkdir(parents=True)
    (home / PREFECT_DB).write_bytes(template.read_bytes())
    connection = sqlite3.connect(home / PREFECT_DB)
    with connection:  # a migrated database with no block types, as a new data folder's used to be
        for table in ("block_schema_reference", "block_schema", "block_type"):
            connection.execute(f"DELETE FROM {table}")
    connection.close()
    monkeypatch.setenv(REGISTER_BLOCKS[0], "true")  # Prefect's server registers them, as on any start
    server = start_server(home)
    try:
        server.wait_until_healthy(SERVER_SEEN_WITHIN_S)
    finally:
        stop_server(server)
    assert block_catalogue(home / PREFECT_DB) == (types, schemas)  # the same catalogue as the template's


def test_making_a_template_never_touches_the_users_own_prefect_database(tmp_path):
    users = tmp_path / "users-folder"
    users.mkdir()
    (users / "prefect.toml").write_text(
        f'[server.database]\nconnection_url = "sqlite+aiosqlite:///{users / "from-toml.db"}"\n',
        encoding="utf-8",
    )
    (users / ".env").write_text(
        f"PREFECT_SERVER_DATABASE_CONNECTION_URL=sqlite+aiosqlite:///{users / 'from-dotenv.db'}\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT),
        "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{users / 'from-server-variable.db'}",
        "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{users / 'from-api-variable.db'}",
    }
    template = built_template(tmp_path / "cache", env, cwd=users)
    assert database_revision(template) == head_revision()
    assert sorted(path.name for path in users.iterdir()) == [".env", "prefect.toml"]  # no database made


def test_a_first_run_waits_for_a_server_from_the_template_that_is_slow_to_start(tmp_path, stopped_after):
    data, cache = stopped_after, tmp_path / "cache"
    marked(built_template(cache))
    run = start(["run", str(articles_folder(tmp_path, "a", copies=2))], env_with_cache(data, cache))
    try:
        server = prefect_server_of(data)
        with starved(server.pid, STOPPED_FOR_S):
            assert recorded(data) is None  # stopped before it ever answered
        result = finish(run)
    finally:
        kill_group(run)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 articles loaded" in result.stdout
    assert "made_from_the_template" in tables(data / "prefect" / PREFECT_DB)


def test_a_first_run_with_no_template_migrates_its_own_and_leaves_one_for_the_next(tmp_path, stopped_after):
    data, cache = stopped_after, tmp_path / "cache"
    run = tintuc(["run", str(articles_folder(tmp_path, "a"))], env_with_cache(data, cache))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 articles loaded" in run.stdout

    head = head_revision()
    assert head is not None
    made = template_path(cache, head)
    deadline = time.monotonic() + TEMPLATE_MADE_WITHIN_S
    while not made.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert database_revision(made) == head  # made in the background, after the run
    assert "made_from_the_template" not in tables(made)
