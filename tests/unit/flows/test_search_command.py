"""`tintuc search` and `tintuc export --search` on a SQLite or PostgreSQL warehouse (TINTUC_DATABASE_URL)."""

import json

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.unit.warehouse.test_search import load_text
from warehouse.engine import make_engine, upgrade_to_head


@pytest.fixture
def loaded(warehouse_url, seed_text, tmp_path):
    """Return the environment of a tintuc whose warehouse, at warehouse_url, holds the seed."""
    engine = make_engine(warehouse_url)
    upgrade_to_head(engine)
    load_text(engine, seed_text, "seeds/seed.txt", "a" * 64)
    engine.dispose()
    return {"TINTUC_DATA_DIR": str(tmp_path / "data"), "TINTUC_DATABASE_URL": warehouse_url}


def test_search_prints_the_hit_with_the_original_words_marked(loaded):
    found = CliRunner().invoke(app, ["search", "THANH UY HA NOI", "--lang", "vi"], env=loaded)
    assert found.exit_code == 0, found.output
    assert "1. [vi] Hà Nội thí điểm" in found.output and "«Thành ủy Hà Nội»" in found.output


def test_search_refuses_a_query_without_words(loaded):
    refused = CliRunner().invoke(app, ["search", "***"], env=loaded)
    assert refused.exit_code == 1 and "nothing to search for" in refused.output


def test_export_of_a_search_writes_the_articles_found(loaded):
    exported = CliRunner().invoke(
        app, ["export", "--search", "dinh tien dung", "--format", "jsonl"], env=loaded
    )
    assert exported.exit_code == 0, exported.output
    [article] = [json.loads(line) for line in exported.output.splitlines()]
    assert article["outlet"] == "Tiền Phong" and len(article["segments"]) == 17
