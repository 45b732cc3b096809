"""Real `tintuc run` processes killed mid-load, and two at once on one warehouse (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.integration.tintuc_process import (
    finish,
    kill_group,
    query,
    query_url,
    run_tintuc,
    start_tintuc,
)

MARKER_TIMEOUT_S = 600
CHILD_TABLES = ("segments", "mentions", "facts", "removed")


def write_articles(folder: Path, numbers: range) -> list[Path]:
    """Write one news-please article per number: the seed's body under its own URL and title."""
    folder.mkdir(parents=True, exist_ok=True)
    title, *body = SEED.read_text(encoding="utf-8").splitlines()
    paths = []
    for number in numbers:
        record = {
            "title": f"{title} (bản {number})",
            "text": "\n".join(body),
            "url": f"https://tienphong.vn/tin-so-{number}.tpo",
            "date_publish": "2022-07-13 08:00:00",
        }
        path = folder / f"tin_{number:02d}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def rows_per_article(database: Path | str) -> dict[str, tuple[int, ...]]:
    """Return, for each article, how many rows each child table holds for it (a SQLite file or a URL)."""
    ask = (
        (lambda sql: query_url(database, sql))
        if isinstance(database, str)
        else (lambda sql: query(database, sql))
    )
    counts = {}
    for (article_id,) in ask("SELECT article_id FROM articles"):
        counts[article_id] = tuple(
            ask(f"SELECT count(*) FROM {table} WHERE article_id = '{article_id}'")[0][0]
            for table in CHILD_TABLES
        )
    return counts


@pytest.fixture(scope="module")
def complete_article(tmp_path_factory) -> tuple[int, ...]:
    """Return the rows one whole article has in each child table, from an undisturbed run."""
    root = tmp_path_factory.mktemp("reference")
    write_articles(root / "in", range(1))
    result = run_tintuc(["run", str(root / "in")], root / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    [counts] = rows_per_article(root / "data" / "tintuc.sqlite").values()
    assert counts[0] > 10 and all(counts)  # segments, mentions, facts and removed lines all present
    return counts


def wait_for(path: Path, process) -> None:
    """Wait until a child creates path; fail with its output if it ends first."""
    deadline = time.monotonic() + MARKER_TIMEOUT_S
    while not path.exists():
        if process.poll() is not None:
            result = finish(process)
            pytest.fail(f"the run ended before the marker: {result.stdout}\n{result.stderr}")
        assert time.monotonic() < deadline, "the run never reached the controlled point"
        time.sleep(0.1)


def test_a_run_killed_mid_load_leaves_whole_articles_and_the_next_run_finishes_the_work(
    tmp_path, complete_article, warehouse_url, monkeypatch
):
    inputs = tmp_path / "in"
    write_articles(inputs, range(4))
    data, marker = tmp_path / "data", tmp_path / "inside-second-file"
    monkeypatch.setenv("TINTUC_DATABASE_URL", warehouse_url)
    # The second file's article is written but not committed when the run is killed.
    child = start_tintuc(["run", str(inputs)], data, {"pause_after_articles": 2, "marker": str(marker)})
    try:
        wait_for(marker, child)
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        kill_group(child)
    if warehouse_url.startswith("sqlite"):
        assert query_url(warehouse_url, "PRAGMA integrity_check") == [("ok",)]
    assert list(rows_per_article(warehouse_url).values()) == [complete_article]  # the first file, whole
    assert marker.read_text() not in rows_per_article(warehouse_url)
    assert query_url(warehouse_url, "SELECT status FROM runs") == [("running",)]
    assert query_url(warehouse_url, "SELECT count(*) FROM source_files") == [(1,)]

    rerun = run_tintuc(["run", str(inputs)], data)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "4 files seen, 1 unchanged, 3 articles loaded" in rerun.stdout
    assert list(rows_per_article(warehouse_url).values()) == [complete_article] * 4
    assert query_url(warehouse_url, "SELECT count(*) FROM source_files") == [(4,)]
    ended = "CASE WHEN finished_at IS NULL THEN 0 ELSE 1 END"
    statuses = query_url(warehouse_url, f"SELECT status, {ended} FROM runs ORDER BY started_at")
    assert statuses == [("crashed", 0), ("completed", 1)]
    status = run_tintuc(["status"], data)
    assert "crashed" in status.stdout


def test_two_runs_started_together_on_a_fresh_warehouse_both_finish_without_duplicates(
    tmp_path, complete_article, warehouse_url, monkeypatch
):
    shared = write_articles(tmp_path / "shared", range(4))
    only = {
        "a": write_articles(tmp_path / "only_a", range(4, 6)),
        "b": write_articles(tmp_path / "only_b", range(6, 8)),
    }
    barrier = tmp_path / "barrier"
    monkeypatch.setenv("TINTUC_DATABASE_URL", warehouse_url)
    # On SQLite both share one data folder, as on one machine; on PostgreSQL each has its own, as on two
    # machines (no lock file of the other's to see: each judges the other by its heartbeat).
    on_two_machines = warehouse_url.startswith("postgresql")
    data = {name: tmp_path / (f"data_{name}" if on_two_machines else "data") for name in only}
    children = {
        name: start_tintuc(
            ["run", str(tmp_path / "shared"), str(tmp_path / f"only_{name}")],
            data[name],
            # Both migrate the fresh file at the same moment, then load the shared files at the
            # same time, each holding the write lock a while per article.
            {"barrier": str(barrier), "name": name, "peers": 2, "hold_each_article_s": 0.3},
        )
        for name in only
    }
    try:
        results = {name: finish(child) for name, child in children.items()}
    finally:
        for child in children.values():
            kill_group(child)
    for name, result in results.items():
        assert result.returncode == 0, f"run {name}: {result.stdout}\n{result.stderr}"
        assert "locked" not in result.stdout + result.stderr
    articles = rows_per_article(warehouse_url)
    assert len(articles) == len(shared) + len(only["a"]) + len(only["b"])
    assert set(articles.values()) == {complete_article}
    assert query_url(warehouse_url, "SELECT count(*) FROM source_files") == [(8,)]
    duplicates = (
        "SELECT count(*) FROM (SELECT kind, name_vi FROM entities GROUP BY 1, 2 HAVING count(*) > 1) d"
    )
    assert query_url(warehouse_url, duplicates) == [(0,)]
    assert query_url(warehouse_url, "SELECT count(*) FROM rejects") == [(0,)]
    runs = query_url(warehouse_url, "SELECT status, started_at, finished_at FROM runs")
    assert [status for status, *_ in runs] == ["completed", "completed"]
    (_, start_1, end_1), (_, start_2, end_2) = runs
    assert start_1 < end_2 and start_2 < end_1  # they really ran at the same time
    # Each run counts the articles the warehouse holds from it: a shared file the other loaded first
    # is unchanged to this one, never loaded by both.
    counted = query_url(
        warehouse_url,
        "SELECT run_id, files_seen, files_skipped, articles_loaded, rejected,"
        " (SELECT count(*) FROM articles a WHERE a.run_id = r.run_id) FROM runs r",
    )
    printed = "\n".join(result.stdout for result in results.values())
    for run_id, seen, skipped, loaded, rejected, held in counted:
        assert (seen, skipped + loaded, loaded, rejected) == (6, 6, held, 0)
        assert f"run {run_id}: 6 files seen, {skipped} unchanged, {loaded} articles loaded" in printed
    assert sum(loaded for *_, loaded, _, _ in counted) == 8
