"""`tintuc read`, `browse`, `search` and `export`: the warehouse as a reader sees it (reads only)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from flows.cli.common import _current_read_only_engine, _interrupt, _read_only_engine, _settings, console

app = typer.Typer()


@app.command()
def read(
    article_id: str,
    lang: Annotated[str, typer.Option(help="en, vi or both.")] = "en",
) -> None:
    """Print an article as a reader sees it: title, then paragraphs and captions in order."""
    from flows.reader.reading import render_article
    from warehouse.queries import article_for_reading

    if lang not in {"en", "vi", "both"}:
        raise typer.BadParameter("use en, vi or both", param_hint="--lang")
    found = article_for_reading(_read_only_engine(_settings()), article_id)
    if found is None:
        console.print(
            f"no article {article_id}; list them with "
            '`tintuc query "SELECT article_id, title_vi FROM articles"`'
        )
        raise typer.Exit(1)
    console.print(render_article(found, lang), highlight=False, markup=False)


@app.command()
def browse(
    host: Annotated[str, typer.Option(help="Address to listen on (keep 127.0.0.1: no login).")] = "127.0.0.1",
    port: Annotated[
        int | None, typer.Option(min=0, help="Port (default 8001 when free, else any; 0: any free).")
    ] = None,
    no_open: Annotated[bool, typer.Option("--no-open", help="Do not open a web browser.")] = False,
) -> None:
    """Read the warehouse in a web browser, read-only: articles side by side, people, raw tables and SQL."""
    settings = _settings()
    url = settings.resolved_database_url
    if not url.startswith("sqlite:///"):
        console.print(f"[red]tintuc browse reads SQLite warehouses only[/red]; {url} is not one")
        raise typer.Exit(1)
    database = Path(url.removeprefix("sqlite:///"))
    if not database.exists():
        console.print(f"[red]{database}: no warehouse yet[/red]; run `tintuc run` first")
        raise typer.Exit(1)
    from flows.reader.browse import free_port, make_datasette, serve

    chosen = free_port(host, port)
    address = f"http://{host}:{chosen}/"

    def ready() -> None:
        console.print(f"browsing {database} read-only at {address} ; stop with Ctrl-C or SIGTERM")
        # Only where a graphical browser can open: elsewhere webbrowser may start a terminal one.
        if not no_open and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            import webbrowser

            webbrowser.open(address)

    # uvicorn stops gracefully on SIGTERM and Ctrl-C, then raises the signal again. Raised again, it is
    # KeyboardInterrupt, unless SIGINT was ignored when tintuc started (a background job of a script:
    # the shell ignores SIGINT for it), when it is nothing and serve() simply returns. Either way the
    # server has stopped: a clean exit (0) that says so, never "Aborted!" or death by signal.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    try:
        serve(make_datasette(database, url), host, chosen, ready)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    console.print("stopped")


@app.command()
def search(
    query_text: Annotated[
        str, typer.Argument(metavar="QUERY", help="Words to find, with or without diacritics.")
    ],
    lang: Annotated[str, typer.Option(help="vi, en or both.")] = "both",
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    exact: Annotated[
        bool, typer.Option("--exact", help="Vietnamese diacritics must match as typed (case need not).")
    ] = False,
) -> None:
    """Search titles and sentences in Vietnamese and English, best first (reads only)."""
    from rich.text import Text

    from warehouse.search import SearchError, SearchUnavailable
    from warehouse.search import search as search_warehouse

    try:
        hits = search_warehouse(_current_read_only_engine(_settings()), query_text, lang, limit, exact)
    except (SearchError, SearchUnavailable) as error:
        console.print(f"[red]search failed:[/red] {error}")
        raise typer.Exit(1) from error
    if not hits:
        console.print(f"no match for {query_text!r}", markup=False, highlight=False)
        return
    # Without colours (a pipe, NO_COLOR) matches are marked « » so they still show.
    plain = console.color_system is None
    for number, hit in enumerate(hits, 1):
        where = "title" if hit.segment_id is None else f"segment {hit.segment_id}"
        about = " · ".join(str(part) for part in (hit.outlet, hit.published_on) if part)
        title = hit.title_en if hit.lang == "en" and hit.title_en else hit.title_vi
        line = Text(f"{number}. [{hit.lang}] ", style="bold")
        line.append(title, style="bold")
        line.append(
            f"\n   {hit.article_id} · {where}{' · ' + about if about else ''} · score {hit.score:.2f}\n   "
        )
        for piece, matched in hit.snippet_parts:
            line.append(f"«{piece}»" if matched and plain else piece, style="bold yellow" if matched else "")
        console.print(line)


@app.command()
def export(
    article: Annotated[str | None, typer.Option(help="Export this article (its id).")] = None,
    search_query: Annotated[
        str | None, typer.Option("--search", help="Export the articles this search finds, best first.")
    ] = None,
    lang: Annotated[str, typer.Option(help="vi, en or both.")] = "both",
    output_format: Annotated[str, typer.Option("--format", help="html, md or jsonl.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here (md, jsonl: stdout).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="With --search: at most this many articles.")] = 20,
    exact: Annotated[
        bool, typer.Option("--exact", help="With --search: Vietnamese diacritics as typed.")
    ] = False,
) -> None:
    """Export an article, a search's articles or the whole warehouse as HTML, Markdown or JSON Lines."""
    from flows.reader.export import FORMATS, LANGS, html_document, jsonl_lines, markdown_document
    from warehouse.export import article_records
    from warehouse.search import SearchError, SearchHit, SearchUnavailable
    from warehouse.search import search as search_warehouse

    if output_format not in FORMATS:
        raise typer.BadParameter("use html, md or jsonl", param_hint="--format")
    if lang not in LANGS:
        raise typer.BadParameter("use vi, en or both", param_hint="--lang")
    if article is not None and search_query is not None:
        raise typer.BadParameter("give --article or --search, not both", param_hint="--article/--search")
    if output_format == "html" and output is None:
        raise typer.BadParameter("an HTML export is a file: give -o FILE.html", param_hint="-o")
    engine = _current_read_only_engine(_settings())
    hits: list[SearchHit] = []
    ids: list[str] | None = None
    heading = "tintuc export"
    if article is not None:
        ids, heading = [article], f"tintuc article {article}"
    elif search_query is not None:
        try:
            hits = search_warehouse(engine, search_query, lang, limit, exact)
        except (SearchError, SearchUnavailable) as error:
            console.print(f"[red]search failed:[/red] {error}")
            raise typer.Exit(1) from error
        ids, heading = list(dict.fromkeys(hit.article_id for hit in hits)), "tintuc search results"
    if article is not None and next(article_records(engine, ids), None) is None:
        console.print(f"no article {article}; find one with `tintuc search` or `tintuc query`")
        raise typer.Exit(1)
    records = article_records(engine, ids)
    if output_format == "jsonl":
        pieces = jsonl_lines(records, lang)
    elif output_format == "md":
        pieces = markdown_document(records, lang, heading + (f": {search_query}" if search_query else ""))
    else:
        pieces = html_document(records, lang, heading, search_query, hits)
    _write(pieces, output)


def _write(pieces: Iterable[str], output: Path | None) -> None:
    """Write an export's pieces to a file (UTF-8) or to stdout, as they come."""
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    with output.open("w", encoding="utf-8") as file:
        file.writelines(pieces)
    console.print(f"wrote {output}", markup=False, highlight=False)
