"""Copy one warehouse into another (SQLite into PostgreSQL): table by table, in key order, counts checked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text

from warehouse.engine import upgrade_to_head
from warehouse.models import Base
from warehouse.search_index import rebuild_search_index

# Rows read and written at a time: memory stays flat, and each INSERT carries enough rows to be cheap.
BATCH_ROWS = 5_000


class TargetNotEmpty(RuntimeError):
    """The target warehouse already holds rows; copying into it would mix two warehouses."""


class CountsDiffer(RuntimeError):
    """A table's row count differs between source and target after the copy."""


@dataclass(frozen=True)
class CopiedTable:
    """One table copied: its name and its row count (the same in source and target)."""

    table: str
    rows: int


def _tables() -> list[Table]:
    """Return the warehouse's tables, each after the tables its foreign keys point to."""
    return list(Base.metadata.sorted_tables)


def _count(connection: Connection, table: Table) -> int:
    """Return a table's row count."""
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def row_counts(engine: Engine) -> dict[str, int]:
    """Return the row count of every warehouse table."""
    with engine.connect() as connection:
        return {table.name: _count(connection, table) for table in _tables()}


def _key_order(table: Table) -> list[Any]:
    """Return a copy's ORDER BY: rows pointing into their own table last (after totals), then the key."""
    self_references = [key.parent for key in table.foreign_keys if key.column.table is table]
    return [*(column.is_not(None) for column in self_references), *table.primary_key.columns]


def _batches(source: Engine, table: Table, size: int) -> Iterator[list[dict[str, Any]]]:
    """Yield a table's rows in key order, size rows at a time, streamed from the source."""
    with source.connect() as connection:
        result = connection.execution_options(yield_per=size).execute(
            select(table).order_by(*_key_order(table))
        )
        for partition in result.mappings().partitions():
            yield [dict(row) for row in partition]


def _copy_table(source: Engine, target: Engine, table: Table, size: int) -> int:
    """Copy one table in one target transaction; return the rows copied."""
    copied = 0
    with target.begin() as connection:
        for rows in _batches(source, table, size):
            connection.execute(insert(table), rows)
            copied += len(rows)
        if connection.dialect.name == "postgresql":
            _advance_sequences(connection, table)
    return copied


def _advance_sequences(connection: Connection, table: Table) -> None:
    """Move a PostgreSQL serial column's sequence past the ids copied in (the next reject gets a new id)."""
    for column in table.primary_key.columns:
        if column.autoincrement is True:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"coalesce(max({column.name}), 0) + 1, false) FROM {table.name}"
                )
            )


def copy_warehouse(
    source: Engine, target: Engine, replace: bool = False, batch_rows: int = BATCH_ROWS
) -> list[CopiedTable]:
    """Copy every table of source into target (both migrated to the latest schema first).

    The target's search index is then rebuilt from the rows copied. A target that holds rows is
    refused unless replace, which empties it first. Raises CountsDiffer if any table's count
    differs afterwards.
    """
    upgrade_to_head(source)
    upgrade_to_head(target)
    filled = {name: rows for name, rows in row_counts(target).items() if rows}
    if filled and not replace:
        listed = ", ".join(f"{name} ({rows})" for name, rows in filled.items())
        raise TargetNotEmpty(f"the target already holds rows: {listed}")
    if filled:
        with target.begin() as connection:
            for table in reversed(_tables()):
                connection.execute(delete(table))
    for table in _tables():
        _copy_table(source, target, table, batch_rows)
    # The search index is derived data, not copied: the target indexes what it now holds.
    with target.begin() as connection:
        rebuild_search_index(connection)
    expected, found = row_counts(source), row_counts(target)
    if expected != found:
        differ = ", ".join(f"{t}: {expected[t]} → {found[t]}" for t in expected if expected[t] != found[t])
        raise CountsDiffer(f"row counts differ after the copy: {differ}")
    return [CopiedTable(name, rows) for name, rows in found.items()]
