"""Engines for the warehouse URL, and migrating it to the current schema."""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from time import sleep
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

MIGRATIONS = Path(__file__).parent / "migrations"
# The latest migration's revision: raise it with every new migration (a test holds it to Alembic's head).
HEAD_REVISION = "0010"
# What the rest of tintuc holds to reach the warehouse; only this package imports SQLAlchemy.
Warehouse = Engine
SQLITE_BUSY_TIMEOUT_MS = 30_000
# After SQLite's own busy timeout, a write transaction is run again this many times in all.
BUSY_ATTEMPTS = 5
SQLITE_BUSY = 5
# PostgreSQL's word for "run the transaction again": serialization_failure, deadlock_detected.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})
# The key of the advisory lock PostgreSQL migrations take, as SQLite's take BEGIN IMMEDIATE.
MIGRATION_LOCK_KEY = 0x7417_7C00
P = ParamSpec("P")
T = TypeVar("T")
logger = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Turn on foreign keys, WAL and a busy timeout for every SQLite connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Return an engine for the warehouse, creating a SQLite file's folder if needed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _deny_attach(action: int, *_args: Any) -> int:
    """Refuse ATTACH and DETACH on a read-only connection; allow everything else."""
    refused = action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH)
    return sqlite3.SQLITE_DENY if refused else sqlite3.SQLITE_OK


def insert_statement(connection: Connection, model: Any) -> Any:
    """Return the dialect's INSERT, which knows ON CONFLICT."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(model)


def make_read_only_engine(url: str) -> Engine:
    """Return an engine that cannot change the warehouse (SQLite opened read-only)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "").resolve()
        if not path.exists():
            raise FileNotFoundError(f"{path}: no warehouse yet; run `tintuc run` first")
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")

        def _query_only(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA query_only=ON")
            # ATTACH would create a file wherever the query names: a read-only query writes nothing.
            dbapi_connection.set_authorizer(_deny_attach)

        event.listen(engine, "connect", _query_only)
        return engine
    # Every transaction read-only twice over: the session's default (so even a COMMIT mid-query
    # starts another read-only one) and SQLAlchemy's SET TRANSACTION READ ONLY on each BEGIN.
    return create_engine(
        url,
        connect_args={"options": "-c default_transaction_read_only=on"},
        execution_options={"postgresql_readonly": True},
    )


def is_busy(error: DBAPIError) -> bool:
    """Return True if the transaction may succeed when run again.

    SQLite: another connection holds the lock (SQLITE_BUSY). PostgreSQL: a serialization
    failure or a deadlock, whose transaction the server rolled back.
    """
    if getattr(error.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    code = getattr(error.orig, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF == SQLITE_BUSY)  # extended codes (BUSY_SNAPSHOT, …) keep BUSY's low byte
    return "database is locked" in str(error.orig)


def retry_when_busy(transaction: Callable[P, T]) -> Callable[P, T]:
    """Run a whole write transaction again if the warehouse stays locked past the busy timeout.

    Only whole transactions are retried: each attempt starts afresh, so nothing is done twice.
    """

    @functools.wraps(transaction)
    def retrying(*args: P.args, **kwargs: P.kwargs) -> T:
        for attempt in range(1, BUSY_ATTEMPTS):
            try:
                return transaction(*args, **kwargs)
            except DBAPIError as error:
                if not is_busy(error):
                    raise
                logger.warning("warehouse busy (%s); trying again, attempt %d", error.orig, attempt + 1)
                sleep(attempt)
        return transaction(*args, **kwargs)

    return retrying


def _at_head(engine: Engine) -> bool:
    """Return True if the warehouse's schema is at the latest revision (a read: takes no lock).

    Read with plain SQL against HEAD_REVISION, so the usual run (nothing to migrate) never
    imports Alembic; tests/unit/warehouse hold HEAD_REVISION to Alembic's own head.
    """
    try:
        with engine.connect() as connection:
            current = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except DBAPIError as error:
        if is_busy(error):
            raise
        return False  # no alembic_version table yet: a new warehouse
    return current == HEAD_REVISION


def alembic_head() -> str | None:
    """Return the head revision of tintuc's Alembic migrations, as Alembic reads them."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def schema_at_head(engine: Engine) -> bool:
    """Return True if the warehouse's schema is the latest (reads only: safe on a read-only engine)."""
    return _at_head(engine)


@retry_when_busy
def upgrade_to_head(engine: Engine) -> None:
    """Create or migrate the warehouse schema to the latest Alembic revision."""
    if _at_head(engine):
        return  # the usual case: no write lock taken, and no Alembic imported, to find nothing to do
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            # Take the write lock before Alembic reads the version: two runs starting on a fresh
            # file would otherwise both create the tables. The other waits (busy timeout), then
            # finds the schema current. SQLite's DDL is transactional, so a killed migration leaves
            # nothing half-made.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif connection.dialect.name == "postgresql":
            # The same on PostgreSQL, whose DDL is transactional too: the second run waits here.
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
