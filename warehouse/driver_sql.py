"""SQL run straight through the database driver, for the statements stories run for every article.

SQLAlchemy's compiling and parameter handling cost more than the statements themselves there
(bench/stories.py times the hook): they are written once, with ? marks, for both SQLite and
PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection


def driver_sql(connection: Connection, sql: str, parameters: Any = ()) -> Any:
    """Run SQL written with ? marks (psycopg's are %s); a list of rows runs it once per row (executemany)."""
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    return connection.exec_driver_sql(sql, parameters)


def marks(count: int) -> str:
    """Return "?, ?, …" for count parameters."""
    return ", ".join("?" * count)
