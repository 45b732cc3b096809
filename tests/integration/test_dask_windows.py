"""The pipeline's windows on a real 2-worker Dask cluster (distributed.LocalCluster), under Prefect.

The comparison loads through the cluster into PostgreSQL (a fresh database on the test server:
TINTUC_TEST_POSTGRES_URL, which CI always has) and compares with a plain run into SQLite; without a
server it skips, saying so, except in CI, where a missing server fails it.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from threading import Thread
from typing import Any

import pytest

from flows.pipeline import pipeline, pipeline_for
from flows.settings import Settings
from flows.translation import translator_loads
from tests.conftest import PROJECT
from tests.integration.test_bench import bench_pipeline
from tests.integration.warehouse_reads import rows
from tests.support.dask_hooks import hang_halfway_through_a_window

pytestmark = pytest.mark.usefixtures("prefect_harness")
# Columns a run writes for itself: equal content loaded by two runs differs only there.
RUN_COLUMNS = {"run_id", "ingested_at", "source_path", "content_sha256"}
TABLES = {
    "articles": ("article_id",),
    "segments": ("article_id", "seq"),
    "entities": ("entity_id",),
    "mentions": ("article_id", "seq", "entity_id"),
    "facts": ("fact_id",),
    "removed": ("article_id", "line_no", "part_no"),
}
KILLED_WITHIN_S = 300


@pytest.fixture
def cluster() -> Iterator[object]:
    """Start a LocalCluster of two worker processes, one thread each, and yield a client of it."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as local,
        Client(local) as client,
    ):
        yield client


def on_dask(settings: Settings, client, monkeypatch) -> Settings:
    """Return settings whose dask_address is read from TINTUC_DASK_ADDRESS, as `tintuc run` reads it."""
    monkeypatch.setenv("TINTUC_DASK_ADDRESS", client.scheduler.address)
    return settings.model_copy(update={"dask_address": Settings().dask_address})


def articles_with_a_second_copy(folder: Path) -> Path:
    """Write numbered variants of the seed (and of the shared corpus, when present), and one variant again."""
    bench = bench_pipeline()
    templates = bench.templates(PROJECT.parent / "shared" / "corpus", 8 << 20)
    paths = bench.generate_articles(templates, 8, folder)
    # Other bytes, the same article: only the warehouse can tell, when the copies are in two windows.
    again = folder / f"zz-again-{paths[0].name}"
    again.write_text(paths[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    return folder


def content(settings: Settings) -> dict[str, list[dict]]:
    """Return every content table's rows, in key order, without the columns a run writes for itself.

    Sorted here, not by SQL: PostgreSQL's collation orders text unlike SQLite's bytes.
    """
    return {
        table: sorted(
            (
                {k: comparable(v) for k, v in row.items() if k not in RUN_COLUMNS}
                for row in rows(settings, f"SELECT * FROM {table}")
            ),
            key=lambda row: tuple(str(row[column]) for column in key),
        )
        for table, key in TABLES.items()
    }


def comparable(value: Any) -> Any:
    """Return a value as both databases' drivers agree on it (SQLite hands dates back as text)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_windows_on_two_workers_into_postgresql_load_the_same_rows_as_a_plain_run_into_sqlite(
    installed_settings, tmp_path, cluster, monkeypatch, postgres_warehouse_url
):
    folder = articles_with_a_second_copy(tmp_path / "in")
    settings = installed_settings.model_copy(update={"window_files": 2})
    plain = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'plain.sqlite'}"})
    in_process = pipeline([folder], plain)
    dask = on_dask(settings.model_copy(update={"database_url": postgres_warehouse_url}), cluster, monkeypatch)
    summary = pipeline_for(dask)([folder], dask)

    assert summary.windows > 4 and summary.translation_model == in_process.translation_model
    assert (summary.articles_loaded, summary.files_seen) == (in_process.articles_loaded, 9)
    assert content(dask) == content(plain)
    english = rows(dask, "SELECT count(*) AS n FROM segments WHERE text_en IS NULL")
    assert english == [{"n": 0}]
    duplicates = "SELECT count(*) AS n FROM rejects WHERE check_name = 'duplicate_article'"
    assert rows(dask, duplicates) == rows(plain, duplicates) == [{"n": 1}]
    # Each worker loaded the package once, however many windows it ran.
    assert list(cluster.run(translator_loads).values()) == [1, 1]


def test_a_worker_killed_mid_window_leaves_each_article_once_and_every_file_processed(
    settings, tmp_path, cluster, monkeypatch
):
    folder = tmp_path / "in"
    shutil.copytree(articles_with_a_second_copy(tmp_path / "made"), folder)
    marker = tmp_path / "hanging"
    cluster.run(hang_halfway_through_a_window, str(marker))
    dask = on_dask(settings.model_copy(update={"window_files": 4}), cluster, monkeypatch)
    run = pipeline_for(dask)
    outcome: dict[str, object] = {}
    worker = Thread(target=lambda: outcome.update(state=run([folder], dask, return_state=True)))
    worker.start()
    pid = wait_for_pid(marker.with_suffix(".pid"))
    os.kill(pid, signal.SIGKILL)  # one file of its window committed, the others not
    worker.join(KILLED_WITHIN_S)

    summary = outcome["state"].result()
    assert summary.status == "completed_with_rejects"  # the second copy, and nothing else
    files = rows(dask, "SELECT count(*) AS n FROM source_files")
    assert files == [{"n": 9}]
    articles = rows(dask, "SELECT count(DISTINCT title_vi) AS titles, count(*) AS n FROM articles")
    assert articles == [{"titles": 8, "n": 8}]
    assert [r["check_name"] for r in rows(dask, "SELECT check_name FROM rejects")] == ["duplicate_article"]
    # The killed window ran again elsewhere: the run counts each article it loaded once, by either attempt.
    recorded = rows(dask, "SELECT files_skipped, articles_loaded, rejected FROM runs")
    held = rows(dask, f"SELECT count(*) AS n FROM articles WHERE run_id = '{summary.run_id}'")
    assert recorded == [{"files_skipped": 0, "articles_loaded": held[0]["n"], "rejected": 1}]
    assert (summary.files_skipped, summary.articles_loaded) == (0, 8)


def wait_for_pid(path: Path) -> int:
    """Return the pid a hook wrote to path, waiting for it."""
    deadline = time.monotonic() + KILLED_WITHIN_S
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, "no window ever hung"
        time.sleep(0.1)
    return int(path.read_text())
