"""What every group of `tintuc` commands shares: the console, settings read once, the warehouse opened."""

from __future__ import annotations

import logging
import os
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
