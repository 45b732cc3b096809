"""`tintuc query` reads only: on SQLite and PostgreSQL a write fails with the database's reason."""

from __future__ import annotations

import pytest

from tests.unit.warehouse.test_load import count, frames_for, load
from warehouse.engine import make_engine, make_read_only_engine, upgrade_to_head
from warehouse.queries import QueryFailed, run_sql

WRITES = (
    "DELETE FROM articles",
    "DROP TABLE segments",
    "INSERT INTO runs (run_id) VALUES ('x')",
    "UPDATE articles SET title_vi = 'x'",
    "CREATE TABLE x (y int)",
)


@pytest.mark.parametrize("sql", WRITES)
def test_a_write_through_the_read_only_engine_fails_saying_so_and_changes_nothing(engine, seed_text, sql):
    load(engine, frames_for(seed_text))
    reader = make_read_only_engine(engine.url.render_as_string(hide_password=False))
    with pytest.raises(QueryFailed, match=r"(?i)read-?only"):
        run_sql(reader, sql)
    reader.dispose()
    assert (count(engine, "articles"), count(engine, "segments")) == (1, 17)


def test_a_read_through_the_read_only_engine_returns_columns_and_rows(engine, seed_text):
    load(engine, frames_for(seed_text))
    reader = make_read_only_engine(engine.url.render_as_string(hide_password=False))
    assert run_sql(reader, "SELECT count(*) AS n FROM segments_bilingual") == (["n"], [(17,)])
    reader.dispose()


def test_a_query_cannot_end_the_read_only_transaction_or_hide_a_write_in_a_select(
    postgres_warehouse_url, seed_text
):
    # PostgreSQL's read-only holds per transaction; SQLite's holds for the whole connection.
    warehouse = make_engine(postgres_warehouse_url)
    upgrade_to_head(warehouse)
    load(warehouse, frames_for(seed_text))
    reader = make_read_only_engine(warehouse.url.render_as_string(hide_password=False))
    with pytest.raises(QueryFailed):
        run_sql(reader, "COMMIT; DELETE FROM articles")
    with pytest.raises(QueryFailed, match="read-only"):
        run_sql(reader, "WITH gone AS (DELETE FROM articles RETURNING 1) SELECT count(*) FROM gone")
    reader.dispose()
    assert count(warehouse, "articles") == 1
