"""A window's counts, as a Dask worker sends them back, are true however often the window ran."""

import json

import pytest
from sqlalchemy import text

import flows.window_work
from flows.window_work import for_workers, process_window
from tests.conftest import SEED
from warehouse.engine import make_engine, upgrade_to_head


class WorkerDied(Exception):
    """Stands for the worker process dying mid-window (Dask then runs the window again elsewhere)."""


def write_articles(folder, count: int) -> list:
    """Write count news-please articles: the seed's body, each under its own title and URL."""
    folder.mkdir()
    title, *body = SEED.read_text(encoding="utf-8").splitlines()
    paths = []
    for number in range(count):
        record = {
            "title": f"{title} (bản {number})",
            "text": "\n".join(body),
            "url": f"https://a.vn/{number}",
        }
        path = folder / f"tin_{number}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def worker_settings(warehouse_settings):
    settings = for_workers(warehouse_settings)
    upgrade_to_head(make_engine(settings.resolved_database_url))
    return settings


def articles_of(settings, run_id: str) -> int:
    engine = make_engine(settings.resolved_database_url)
    with engine.connect() as connection:
        query = text("SELECT count(*) FROM articles WHERE run_id = :run")
        return connection.execute(query, {"run": run_id}).scalar_one()


def test_a_window_run_again_after_its_worker_died_counts_each_article_it_loaded_once(
    tmp_path, worker_settings, monkeypatch
):
    paths = write_articles(tmp_path / "in", 3)
    load_window = flows.window_work.load_window

    def load_one_file_then_die(engine, run_id, files, unread, **options):
        load_window(engine, run_id, files[:1], [], **options)
        raise WorkerDied

    monkeypatch.setattr(flows.window_work, "load_window", load_one_file_then_die)
    with pytest.raises(WorkerDied):
        process_window(1, paths, worker_settings, "run1")
    assert articles_of(worker_settings, "run1") == 1  # the first attempt committed one file
    monkeypatch.setattr(flows.window_work, "load_window", load_window)

    again = process_window(1, paths, worker_settings, "run1").counts
    assert (again.files_seen, again.files_skipped, again.articles_loaded, again.rejected) == (3, 0, 3, 0)
    assert articles_of(worker_settings, "run1") == 3


def test_a_window_of_files_another_run_loaded_counts_them_unchanged_not_loaded(tmp_path, worker_settings):
    paths = write_articles(tmp_path / "in", 3)
    process_window(1, paths[:2], worker_settings, "earlier")

    counts = process_window(1, paths, worker_settings, "run1").counts
    assert (counts.files_skipped, counts.articles_loaded) == (2, 1)
    assert (articles_of(worker_settings, "earlier"), articles_of(worker_settings, "run1")) == (2, 1)
