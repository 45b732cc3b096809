"""Each pandera schema describes exactly its table, and the migration builds exactly the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from flows.steps.validate import SCHEMAS
from schemas.segments import TranslatedSegmentsSchema
from warehouse.engine import upgrade_to_head
from warehouse.models import Base
from warehouse.search_index import is_search_table


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_schema_columns_are_the_table_columns(table):
    schema_columns = list(SCHEMAS[table].to_schema().columns)
    table_columns = [column.name for column in Base.metadata.tables[table].columns]
    assert schema_columns == table_columns


def test_translated_segments_schema_keeps_the_segments_columns():
    assert list(TranslatedSegmentsSchema.to_schema().columns) == list(SCHEMAS["segments"].to_schema().columns)


def not_the_search_index(name, type_, _parents) -> bool:
    return not (type_ == "table" and is_search_table(name))


def test_the_alembic_migration_builds_exactly_the_models(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    upgrade_to_head(engine)
    with engine.connect() as connection:
        # The search index's tables are derived data kept by warehouse/search_index.py, not models.
        context = MigrationContext.configure(connection, opts={"include_name": not_the_search_index})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
