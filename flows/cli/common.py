"""What every group of `tintuc` commands shares: the console, settings read once, the warehouse opened."""

from __future__ import annotations

import atexit
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from flows.settings import Settings

if TYPE_CHECKING:  # SQLAlchemy and Alembic cost a second to import: only the commands that read pay it
    from warehouse.engine import Warehouse

console = Console(soft_wrap=True)  # messages name paths: never cut them mid-line
EXIT_REJECTS = 3


def _settings() -> Settings:
    """Read settings once and keep Prefect's state inside tintuc's data folder.

    Prefect reads its settings at import, so they are set here, before anything imports it.
    """
    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(settings.prefect_home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # For every server Prefect starts by itself in this process or its children (runs of `tintuc serve`).
    os.environ.setdefault(
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(settings.prefect_server_timeout_s)
    )
    # The ephemeral server's event queue reports its own shutdown as warnings; not the user's news.
    logging.getLogger("EventsWorker").setLevel(logging.ERROR)
    return settings


def _existing(paths: list[Path]) -> list[Path]:
    """Return paths, or exit naming those that do not exist."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        console.print(f"[red]no such file or folder:[/red] {', '.join(missing)}")
        raise typer.Exit(1)
    return paths


TARGETS_HELP = "Files, folders, WARC files, or page, feed and sitemap URLs (default: seeds/)."
INPUT_FILE_HELP = "A file of URLs to fetch, one a line (# comments), e.g. your feeds."
REFETCH_HELP = "Fetch again the pages fetched before (feeds are always asked again, conditionally)."


def _targets(arguments: list[str] | None, input_file: Path | None) -> tuple[list[Path], list[str]]:
    """Return the command line's paths and URLs (with its --input-file's), or exit naming what is missing."""
    from flows.steps.fetch.urls import read_url_file, split_targets

    paths, urls = split_targets(arguments or [])
    if input_file is not None:
        urls += read_url_file(_existing([input_file])[0])
    if not paths and not urls:
        paths = [Path("seeds")]
    return _existing(paths), urls


def _interrupt(signum: int, _frame: object) -> None:
    """Turn a signal into KeyboardInterrupt, so cleanup runs as it does on Ctrl-C."""
    raise KeyboardInterrupt(f"signal {signum}")


def _read_only_engine(settings: Settings) -> Warehouse:
    """Return a read-only engine on the warehouse, or exit saying there is none yet."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    from warehouse.engine import make_read_only_engine

    try:
        engine = make_read_only_engine(settings.resolved_database_url)
        with engine.connect():
            pass  # a server that is down or refuses us says so here, not as a failed query later
    except FileNotFoundError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    except DBAPIError as error:
        shown = make_url(settings.resolved_database_url).render_as_string(hide_password=True)
        console.print(f"[red]cannot reach the warehouse {shown}:[/red] {error.orig}")
        raise typer.Exit(1) from error
    return engine


def _current_read_only_engine(settings: Settings, then: str = "it builds the search index") -> Warehouse:
    """Return a read-only engine on a warehouse at the current schema, or exit saying what to do."""
    from warehouse.engine import schema_at_head

    engine = _read_only_engine(settings)
    if not schema_at_head(engine):
        console.print(
            f"[red]the warehouse {settings.resolved_database_url} was made by an older tintuc[/red]; "
            f"run `tintuc run` once to bring it up to date ({then})"
        )
        raise typer.Exit(1)
    return engine


def _use_prefect_server(settings: Settings) -> Callable[[], None]:
    """Point Prefect at a server before anything imports it; return what waits until that server answers.

    A server of the user's own (PREFECT_API_URL) first; else the one this data folder has running (an
    earlier run's, `tintuc server start`'s or `tintuc serve`'s); else a new one that later runs reuse and
    that stops when idle (flows/prefect_server/keeper.py), started but not waited for here: the run
    imports and loads its model meanwhile. With TINTUC_PREFECT_SERVER_IDLE_S=0 and no server running,
    a temporary server that goes with the run, as Prefect starts by itself.
    """
    if "PREFECT_API_URL" in os.environ:
        return _answers
    from flows.prefect_server.keeper import ReusedServer, hold_in_use, let_go, reused_server
    from flows.prefect_server.local import ServerFailed
    from flows.prefect_server.record import running_server

    atexit.register(let_go, hold_in_use(settings.prefect_home))  # this process uses it until it exits
    home, idle_s = settings.prefect_home, settings.prefect_server_idle_s
    known = running_server(home)
    if known is None and idle_s <= 0:
        _start_temporary_server(settings)
        _template_for_next_time(settings)
        return _answers
    server = (
        ReusedServer(known.url)
        if known
        else reused_server(home, idle_s, settings.prefect_server_timeout_s, settings.cache_dir, os.environ)
    )
    if server.keeper:
        _template_for_next_time(settings)
    os.environ["PREFECT_API_URL"] = server.api_url
    started = (
        f" (a local Prefect server started for this run and the next; it stops after "
        f"{_duration(idle_s)} without one, or with `tintuc server stop`)"
        if server.keeper
        else ""
    )
    console.print(f"watch the runs at {server.url}/runs{started}")

    def wait() -> None:
        try:
            server.wait(settings.prefect_server_timeout_s)
        except ServerFailed as error:
            console.print(f"[red]could not start the Prefect server:[/red] {error}")
            raise typer.Exit(1) from error

    return wait


def _template_for_next_time(settings: Settings) -> None:
    """After this run, migrate a Prefect database template if none is usable, for the next new data folder.

    In a low-priority process of its own, after the run, so this run's decode does not share the CPU with it.
    """
    from flows.prefect_server.template_build import build_in_background

    atexit.register(build_in_background, settings.cache_dir)


def _answers() -> None:
    """Wait for nothing: the server is the user's own, or already answered."""


def _duration(seconds: float) -> str:
    """Return a duration as a person says it: "30 min", "45 s"."""
    return f"{seconds / 60:g} min" if seconds >= 60 else f"{seconds:g} s"


def _start_temporary_server(settings: Settings) -> None:
    """Start Prefect's temporary server, which goes with this process; exit saying why if it cannot."""
    from flows.prefect_server.blocks import skip_block_registration
    from flows.prefect_server.local import ServerFailed
    from flows.prefect_server.record import starting_alone
    from flows.prefect_server.template import start_from_template
    from flows.prefect_server.temporary import start_temporary_server

    try:
        # One start at a time per data folder: each new server migrates Prefect's database, and
        # two migrating it at once fail ("duplicate column"). Two runs started together then wait.
        with starting_alone(settings.prefect_home):
            start_from_template(settings.cache_dir, settings.prefect_home, os.environ)
            # Prefect's class starts its server with this process's environment: the setting is put
            # there for that start only, so no other child of the run inherits it.
            skip = skip_block_registration(settings.prefect_home, os.environ)
            log = settings.prefect_home / "temporary-server.log"
            os.environ.update(skip)
            try:
                start_temporary_server(settings.prefect_server_timeout_s, log)
            finally:
                for name in skip:
                    os.environ.pop(name, None)
    except ServerFailed as error:
        console.print(f"[red]could not start Prefect's temporary server:[/red] {error}")
        raise typer.Exit(1) from error
