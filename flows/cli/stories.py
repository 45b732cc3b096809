"""The stories commands: `tintuc digest` (a period's stories in English) and `tintuc stories rebuild`.

Both read what the load step made (docs/stories.md): the digest reads the warehouse only, as the
reader's commands do; a rebuild places the articles no story holds yet.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from flows.cli.common import _current_read_only_engine, _settings, console
from flows.cli.reader import _write

app = typer.Typer()
stories_app = typer.Typer(help="Stories and near-copies (docs: Stories).", no_args_is_help=True)
app.add_typer(stories_app, name="stories")


@app.command()
def digest(
    since: Annotated[
        str | None, typer.Option(help="The last hours or days before now: 24h (default), 7d.")
    ] = None,
    day: Annotated[str | None, typer.Option("--date", help="One day instead, YYYY-MM-DD (UTC).")] = None,
    output_format: Annotated[str, typer.Option("--format", help="md or html.")] = "md",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (md: stdout).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many stories.")] = 20,
) -> None:
    """Write the period's stories in English, most covered first, as Markdown or an HTML page."""
    from flows.reader.digest import period_for, read_digest
    from flows.reader.digest_render import html_digest, markdown_digest

    if output_format not in ("md", "html"):
        raise typer.BadParameter("use md or html", param_hint="--format")
    if output_format == "html" and output is None:
        raise typer.BadParameter("an HTML digest is a page: give -o FILE.html", param_hint="-o")
    try:
        period, heading = period_for(since, day, datetime.now(UTC).replace(tzinfo=None))
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--since/--date") from error
    found = read_digest(_current_read_only_engine(_settings()), period, heading, limit)
    _write([markdown_digest(found) if output_format == "md" else html_digest(found)], output)


@stories_app.command("rebuild")
def stories_rebuild(
    everything: Annotated[
        bool,
        typer.Option("--all", help="Forget every story and place every article again, in loading order."),
    ] = False,
) -> None:
    """Place the articles that are in no story yet (loaded before stories existed, or with them off)."""
    from warehouse.engine import make_engine, upgrade_to_head
    from warehouse.story_rebuild import rebuild_stories

    settings = _settings()
    engine = make_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    placed = rebuild_stories(engine, everything)
    noun = "article" if placed == 1 else "articles"
    console.print(f"{placed} {noun} placed in stories → {settings.resolved_database_url}")
