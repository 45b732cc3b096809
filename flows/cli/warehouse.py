"""`tintuc query`, `status` and `migrate-warehouse`: the warehouse's own tables, read or copied."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from flows.cli.common import _current_read_only_engine, _read_only_engine, _settings, console

app = typer.Typer()


@app.command()
def query(sql: str) -> None:
    """Run a read-only SQL query and print the result as a table."""
    from warehouse.queries import QueryFailed, run_sql

    try:
        columns, rows = run_sql(_read_only_engine(_settings()), sql)
    except QueryFailed as error:
        console.print(f"[red]query failed:[/red] {error}")
        raise typer.Exit(1) from error
    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row))
    console.print(table)


@app.command("migrate-warehouse")
def migrate_warehouse(
    from_url: Annotated[
        str, typer.Argument(help="The warehouse to copy, e.g. sqlite:///data/tintuc.sqlite.")
    ],
    to_url: Annotated[
        str, typer.Argument(help="Where to copy it, e.g. postgresql+psycopg://user@host/tintuc.")
    ],
    replace: Annotated[
        bool, typer.Option("--replace", help="Empty a target that already holds rows, then copy.")
    ] = False,
) -> None:
    """Copy a warehouse into another (a SQLite file into PostgreSQL), table by table, and check the counts."""
    from sqlalchemy.exc import DBAPIError

    from warehouse.engine import make_engine
    from warehouse.transfer import CountsDiffer, TargetNotEmpty, copy_warehouse

    source, target = make_engine(from_url), make_engine(to_url)
    try:
        copied = copy_warehouse(source, target, replace=replace)
    except TargetNotEmpty as error:
        console.print(f"[red]refused:[/red] {error}; copy into an empty database, or pass --replace")
        raise typer.Exit(1) from error
    except (CountsDiffer, DBAPIError) as error:
        console.print(f"[red]copy failed:[/red] {error}")
        raise typer.Exit(1) from error
    finally:
        source.dispose()
        target.dispose()
    table = Table("table", "rows", title=f"copied into {to_url}")
    for each in copied:
        table.add_row(each.table, str(each.rows))
    console.print(table)
    console.print("every table's row count matches the source")


@app.command()
def status() -> None:
    """Show counts, pending and failed translations, recent rejects and the last runs (writes nothing)."""
    from flows.steps.translate.texts import GIVE_UP_AFTER
    from warehouse.failures import GIVEN_UP_TEXTS, failure_counts
    from warehouse.queries import recent_rejects, recent_runs, status_counts

    engine = _current_read_only_engine(_settings(), then="then `tintuc status` again")
    counts = Table("what", "count", title="warehouse")
    failures = failure_counts(engine, GIVE_UP_AFTER)
    for name, value in {**status_counts(engine), **failures}.items():
        counts.add_row(name, str(value))
    console.print(counts)
    if failures[GIVEN_UP_TEXTS]:
        console.print(
            f"{failures[GIVEN_UP_TEXTS]} texts failed {GIVE_UP_AFTER} times with their model and are "
            "no longer tried; try them again with `tintuc translate --retry-failed`"
        )
    console.print(_table("last runs", recent_runs(engine)))
    console.print(_table("recent rejects", recent_rejects(engine)))


def _table(title: str, rows: list[dict[str, Any]]) -> Table:
    """Return a rich table of dict rows."""
    table = Table(*(rows[0].keys() if rows else ["(none)"]), title=title)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    return table
