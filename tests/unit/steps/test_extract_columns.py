"""Extraction's rows carry exactly the columns the schemas declare: a misspelt key cannot vanish."""

from __future__ import annotations

from datetime import date

import pytest

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import parse_document
from flows.steps.records import ArticleRecords
from flows.steps.validate import SCHEMAS


@pytest.fixture(scope="module")
def seed_records(seed_text) -> ArticleRecords:
    [document] = parse_document("seeds/seed.txt", seed_text)
    records = extract_article(document, "a" * 64, "run1", date(2026, 1, 1))
    assert isinstance(records, ArticleRecords)
    return records


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_every_row_extraction_makes_has_exactly_its_schemas_columns(seed_records, table):
    rows = [seed_records.article] if table == "articles" else getattr(seed_records, table)
    assert rows, f"the seed gives no {table} row to check"
    expected = set(SCHEMAS[table].to_schema().columns)
    for row in rows:
        assert set(row) == expected, (table, set(row) ^ expected)
