"""A rerun with nothing new is answered from the warehouse alone, and only then."""

import hashlib
import logging
import shutil
import socket

import pytest
from sqlalchemy import select

from flows.nothing_new import count_if_nothing_new, record_nothing_new, report_to_prefect
from flows.settings import Settings
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.load import load_file
from warehouse.models import Run

MAX_BYTES = 1 << 20


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    upgrade_to_head(engine)
    return engine


def processed(engine, *files) -> None:
    """Mark each file's content as processed, as a load of it would."""
    for file in files:
        sha = hashlib.sha256(file.read_bytes()).hexdigest()
        load_file(engine, content_sha256=sha, source_path=str(file), run_id="r", articles=[], rejects=[])


@pytest.fixture
def folder(tmp_path, seed_text):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_text, encoding="utf-8")
    (folder / "b.txt").write_text(seed_text + "\nMột câu mới.", encoding="utf-8")
    return folder


def test_every_file_processed_before_is_counted_as_nothing_new(engine, folder):
    processed(engine, folder / "a.txt", folder / "b.txt")
    shutil.copy(folder / "a.txt", folder / "c.txt")  # the same bytes under another name: skipped as well
    assert count_if_nothing_new(engine, [folder], MAX_BYTES) == 3


def test_one_new_file_sends_the_run_through_the_flow(engine, folder):
    processed(engine, folder / "a.txt")
    assert count_if_nothing_new(engine, [folder], MAX_BYTES) is None


def test_a_changed_file_sends_the_run_through_the_flow(engine, folder):
    processed(engine, folder / "a.txt", folder / "b.txt")
    (folder / "b.txt").write_text("Đã sửa.", encoding="utf-8")
    assert count_if_nothing_new(engine, [folder], MAX_BYTES) is None


def test_a_file_that_cannot_be_read_sends_the_run_through_the_flow_to_be_rejected(engine, folder):
    processed(engine, folder / "a.txt", folder / "b.txt")
    assert count_if_nothing_new(engine, [folder], max_file_bytes=10) is None


def test_a_warehouse_not_yet_migrated_is_never_answered_early(tmp_path, folder):
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    assert count_if_nothing_new(fresh, [folder], MAX_BYTES) is None


def test_the_early_answer_is_recorded_as_a_completed_run(engine, tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    run_id = record_nothing_new(engine, settings, files=3)
    with engine.connect() as connection:
        run = connection.execute(select(Run).where(Run.run_id == run_id)).one()
    assert (run.status, run.files_seen, run.files_skipped, run.articles_loaded) == ("completed", 3, 3, 0)
    assert run.finished_at is not None


def test_an_unreachable_prefect_server_costs_only_a_warning(caplog):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # bound, not listening: connections are refused
        with caplog.at_level(logging.WARNING):
            assert report_to_prefect(f"http://127.0.0.1:{port}/api", "r1", [], 1) is False
    assert "not on Prefect" in caplog.text
