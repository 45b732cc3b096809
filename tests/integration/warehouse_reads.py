"""Small helpers that read a test warehouse with plain SQL, as a user would."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text

from flows.settings import Settings


def rows(settings: Settings, sql: str) -> list[dict[str, Any]]:
    """Return the rows of a query against the settings' warehouse."""
    engine = create_engine(settings.resolved_database_url)
    try:
        with engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def table_counts(settings: Settings) -> dict[str, int]:
    """Return the row count of every content table."""
    tables = ("articles", "segments", "entities", "mentions", "facts", "removed", "rejects")
    return {table: rows(settings, f"SELECT count(*) AS n FROM {table}")[0]["n"] for table in tables}
