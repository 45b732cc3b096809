"""`tintuc migrate-warehouse`: a SQLite warehouse holding the seed, copied whole into SQLite or PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from flows.cli import app
from tests.unit.warehouse.test_load import frames_for, load
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.load import insert_rejects
from warehouse.memory import TranslationMemory
from warehouse.models import Base
from warehouse.runs import finish_run, start_run
from warehouse.search import search
from warehouse.transfer import TargetNotEmpty, copy_warehouse


@pytest.fixture
def seeded(tmp_path, seed_text):
    """Return a SQLite warehouse with the seed loaded, a reject, a finished run and memory entries."""
    engine = make_engine(f"sqlite:///{tmp_path / 'source.sqlite'}")
    upgrade_to_head(engine)
    load(engine, frames_for(seed_text))
    reject = {"source_path": "bad.txt", "table_name": "files", "record": "{}", "check_name": "file_parses"}
    insert_rejects(engine, "run1", "bad.txt", [{**reject, "failure": "the file is empty (0 bytes)"}])
    start_run(engine, "run1", datetime(2026, 11, 28, 9, 0))
    finish_run(engine, "run1", "completed", datetime(2026, 11, 28, 9, 5), articles_loaded=1)
    TranslationMemory(engine, "m@1", "beam=4").remember({"Xin chào.": "Hello."})
    yield engine
    engine.dispose()


def every_row(engine) -> dict[str, list[tuple]]:
    """Return every table's rows, in key order, as Python values."""
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def target(warehouse_url):
    engine = make_engine(warehouse_url)
    yield engine
    engine.dispose()


def test_the_copy_holds_every_row_of_every_table_and_the_views_read_it(seeded, target):
    copied = {each.table: each.rows for each in copy_warehouse(seeded, target, batch_rows=7)}
    assert copied["segments"] == 17 and copied["rejects"] == copied["runs"] == 1
    assert every_row(target) == every_row(seeded)
    with target.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM articles_en")).scalar_one() == 1
        assert connection.execute(text("SELECT count(*) FROM segments_bilingual")).scalar_one() == 17


def test_the_copy_is_searchable_as_the_source_is(seeded, target):
    copy_warehouse(seeded, target)
    for query in ("thanh uy ha noi", "dinh tien dung"):
        [found] = search(target, query)
        [expected] = search(seeded, query)
        assert (found.article_id, found.segment_id, found.snippet) == (
            expected.article_id,
            expected.segment_id,
            expected.snippet,
        )
    copy_warehouse(seeded, target, replace=True)  # replacing leaves one copy in the index too
    assert len(search(target, "thanh uy ha noi")) == 1


def test_a_target_that_holds_rows_is_refused_unless_replacing_is_asked(seeded, target):
    copy_warehouse(seeded, target)
    with pytest.raises(TargetNotEmpty, match=r"articles \(1\)"):
        copy_warehouse(seeded, target)
    copy_warehouse(seeded, target, replace=True)
    assert every_row(target) == every_row(seeded)


def test_the_next_reject_in_the_copy_gets_a_new_id(seeded, target):
    copy_warehouse(seeded, target)
    reject = {"source_path": "x.txt", "table_name": "files", "record": "{}", "check_name": "file_parses"}
    insert_rejects(target, "run2", "x.txt", [{**reject, "failure": "binary content (NUL bytes)"}])
    with target.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM rejects")).scalar_one() == 2


def test_the_command_copies_prints_the_counts_and_refuses_a_second_copy(seeded, target, tmp_path):
    source_url = seeded.url.render_as_string(hide_password=False)
    target_url = target.url.render_as_string(hide_password=False)
    env = {"TINTUC_DATA_DIR": str(tmp_path / "data")}
    first = CliRunner().invoke(app, ["migrate-warehouse", source_url, target_url], env=env)
    assert first.exit_code == 0, first.output
    assert "segments" in first.output and "every table's row count matches the source" in first.output
    again = CliRunner().invoke(app, ["migrate-warehouse", source_url, target_url], env=env)
    assert again.exit_code == 1 and "refused:" in again.output and "--replace" in again.output


def test_a_breakdown_whose_key_sorts_before_its_total_is_copied_after_it(seeded, target):
    with seeded.begin() as connection:
        article_id = connection.execute(text("SELECT article_id FROM articles")).scalar_one()
        for fact_id, parent in (("zz-total", None), ("aa-part", "zz-total")):
            connection.execute(
                text(
                    "INSERT INTO facts (fact_id, article_id, seq, parent_fact_id, label_vi, value) "
                    "VALUES (:fact_id, :article_id, 1, :parent, 'người', 3)"
                ),
                {"fact_id": fact_id, "article_id": article_id, "parent": parent},
            )
    copy_warehouse(seeded, target)
    assert every_row(target)["facts"] == every_row(seeded)["facts"]
