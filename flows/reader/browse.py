"""Build the Datasette app over the warehouse, read-only, and serve it until Ctrl-C or SIGTERM."""

from __future__ import annotations

import asyncio
import importlib
import socket
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from flows.reader import pages, story_pages

HERE = Path(__file__).parent
DEFAULT_PORT = 8001  # Datasette's own default
SQL_TIME_LIMIT_MS = 3_000


class ReadOnlyDatabase(Database):  # type: ignore[misc]
    """A Datasette database that only ever opens the file read-only and refuses to write."""

    def connect(self, write: bool = False) -> sqlite3.Connection:
        """Open a read-only connection; refuse a writing one (a run owns the warehouse)."""
        if write:
            raise PermissionError("tintuc browse is read-only: the warehouse is written by runs only")
        connection: sqlite3.Connection = super().connect(write=False)
        connection.execute("PRAGMA query_only=ON")
        connection.set_authorizer(_deny_attach)
        return connection


def _deny_attach(action: int, *_args: Any) -> int:
    """Refuse ATTACH (it would create a file): a reader's SQL writes nothing anywhere.

    As warehouse.engine does for `tintuc query`; repeated so browse starts without SQLAlchemy.
    """
    refused = action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH)
    return sqlite3.SQLITE_DENY if refused else sqlite3.SQLITE_OK


def make_datasette(database: Path, database_url: str) -> Datasette:
    """Return Datasette over the warehouse file with the reader's pages, templates and CSS."""
    for plugin, name in ((pages, pages.PLUGIN), (story_pages, story_pages.PLUGIN)):
        if not pm.is_registered(plugin):
            pm.register(plugin, name=name)
    # Datasette prints every refused query and missing page as a traceback with its locals when rich
    # is installed (tintuc's CLI brings it); those are the reader's news, shown on the page, not the
    # terminal's. Errors of its own (500) are still printed, by traceback. (Imported here, after
    # datasette.app: imported first it registers itself half-made, and no error page is rendered.)
    setattr(importlib.import_module("datasette.handle_exception"), "rich", None)  # noqa: B010
    metadata = {
        "title": "tintuc warehouse",
        "description": "Vietnamese news and its English translation, read-only.",
        "plugins": {pages.PLUGIN: {"database_url": database_url}},
    }
    datasette = Datasette(
        metadata=metadata,
        template_dir=str(HERE / "templates"),
        static_mounts=[("tintuc-static", str(HERE / "static"))],
        settings={"sql_time_limit_ms": SQL_TIME_LIMIT_MS, "allow_download": False},
    )
    # Mutable (read afresh on every request: runs add articles while people browse), never written.
    warehouse = ReadOnlyDatabase(datasette, path=str(database), is_mutable=True)
    datasette.add_database(warehouse, name=pages.DATABASE)
    return datasette


def free_port(host: str, wanted: int | None) -> int:
    """Return the wanted port; with none, Datasette's 8001 when free, else any free port (0: any)."""
    if wanted is not None and wanted != 0:
        return wanted
    candidates = [DEFAULT_PORT, 0] if wanted is None else [0]
    for candidate in candidates:
        with socket.socket() as probe:
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise OSError(f"no free port on {host}")


def serve(datasette: Datasette, host: str, port: int, on_ready: Callable[[], None]) -> None:
    """Serve until Ctrl-C or SIGTERM (uvicorn stops on both, finishing the requests in flight).

    on_ready is called once the port listens, so the address printed is one that answers.
    """
    import uvicorn

    asyncio.run(datasette.invoke_startup())

    class _Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                on_ready()

    config = uvicorn.Config(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")
    _Server(config).run()
