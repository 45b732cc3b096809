"""The `tintuc` command line."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.console import Console
from rich.table import Table

from flows.settings import ARGOS_VI_EN_BYTES, Settings

if TYPE_CHECKING:  # SQLAlchemy and Alembic cost a second to import: only the commands that read pay it
    from flows.local_server import LocalServer
    from flows.server_record import KnownServer
    from warehouse.engine import Warehouse

app = typer.Typer(help="Vietnamese news in, a bilingual SQLite warehouse out.", no_args_is_help=True)
models_app = typer.Typer(help="Install, list and remove the vi→en translation model.")
app.add_typer(models_app, name="models")
server_app = typer.Typer(help="Keep a local Prefect server running: runs start at once and show in its UI.")
app.add_typer(server_app, name="server")
stories_app = typer.Typer(help="Stories and near-copies (docs/stories.md).")
app.add_typer(stories_app, name="stories")
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


@app.command()
def run(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: seeds/).")] = None,
) -> None:
    """Run the pipeline on article files and load them into the warehouse."""
    settings = _settings()
    paths = _existing(paths or [Path("seeds")])
    if _answered_nothing_new(paths, settings):
        return
    _use_prefect_server(settings)
    from flows.pipeline import COMPLETED_WITH_REJECTS, RunSummary, pipeline_for
    from flows.translation import NO_MODEL_HINT

    # The exit code follows the flow's final state: Completed 0, CompletedWithRejects 3, Failed 1.
    final = pipeline_for(settings)(paths, settings, return_state=True)
    if not final.is_completed():
        error = final.result(raise_on_failure=False)
        console.print(f"[red]run failed:[/red] {type(error).__name__}: {error}")
        raise typer.Exit(1)
    summary = cast(RunSummary, final.result())  # a flow that returns a State hands back its data
    console.print(
        f"run {summary.run_id}: {summary.files_seen} files seen, {summary.files_skipped} unchanged, "
        f"{summary.articles_loaded} articles loaded, {summary.segments_translated} segments "
        f"translated ({summary.segments_flagged} flagged; memory {summary.memory_hits} hits, "
        f"{summary.memory_misses} misses), {summary.rejected} rejects in {summary.windows} windows "
        f"→ {settings.resolved_database_url}"
    )
    if summary.translation_model is None and summary.articles_loaded:
        console.print(NO_MODEL_HINT)
    if final.name == COMPLETED_WITH_REJECTS:
        console.print("some records were rejected: see `tintuc status` or the rejects table")
        raise typer.Exit(EXIT_REJECTS)


def _answered_nothing_new(paths: list[Path], settings: Settings) -> bool:
    """Record and report a run whose files were all processed before; False when there is work to do.

    flows/nothing_new.py says why this path skips Prefect's flow machinery and how the run still
    reaches Prefect's UI.
    """
    from flows.nothing_new import count_if_nothing_new, record_nothing_new, report_to_prefect
    from flows.server_record import running_server
    from warehouse.engine import make_engine

    engine = make_engine(settings.resolved_database_url)
    try:
        files = count_if_nothing_new(engine, paths, settings.max_file_bytes)
        if files is None:
            return False
        run_id = record_nothing_new(engine, settings, files)
    finally:
        engine.dispose()
    known = running_server(settings.prefect_home)
    api_url = os.environ.get("PREFECT_API_URL") or (known.api_url if known else None)
    shown = api_url is not None and report_to_prefect(api_url, run_id, paths, files)
    console.print(
        f"run {run_id}: {files} files seen, {files} unchanged, nothing new to load"
        f"{'' if shown else ' (no Prefect server running: recorded in the warehouse only)'}"
        f" → {settings.resolved_database_url}"
    )
    return True


def _use_prefect_server(settings: Settings) -> None:
    """Point Prefect at the server tintuc keeps running, else start a temporary one that goes with tintuc.

    Before anything imports Prefect: it reads PREFECT_API_URL once, at import.
    """
    if "PREFECT_API_URL" in os.environ:
        return  # a server of the user's own
    from flows.server_record import running_server

    known = running_server(settings.prefect_home)
    if known is not None:
        os.environ["PREFECT_API_URL"] = known.api_url
        return
    from flows.local_server import ServerFailed
    from flows.server_record import starting_alone
    from flows.temporary_server import start_temporary_server

    try:
        # One start at a time per data folder: each new server migrates Prefect's database, and
        # two migrating it at once fail ("duplicate column"). Two runs started together then wait.
        with starting_alone(settings.prefect_home):
            start_temporary_server(
                settings.prefect_server_timeout_s, settings.prefect_home / "temporary-server.log"
            )
    except ServerFailed as error:
        console.print(f"[red]could not start Prefect's temporary server:[/red] {error}")
        raise typer.Exit(1) from error


@app.command()
def serve(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: seeds/).")] = None,
    cron: Annotated[str | None, typer.Option(help='A cron schedule, e.g. "0 * * * *".')] = None,
    interval: Annotated[int | None, typer.Option(min=1, help="Seconds between runs.")] = None,
) -> None:
    """Run the pipeline on a schedule until SIGTERM or Ctrl-C, on a Prefect server of its own by default."""
    if (cron is None) == (interval is None):
        raise typer.BadParameter("give exactly one of --cron or --interval", param_hint="--cron/--interval")
    settings = _settings()
    paths = _existing(paths or [Path("seeds")])
    from flows.local_server import ServerFailed, lock_data_folder, stop_children, stop_server
    from flows.server_record import KnownServer, forget_server

    # Until Prefect's runner installs its own handler, SIGTERM stops tintuc the way Ctrl-C does,
    # so the server it started is stopped too.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    server: LocalServer | None = None
    try:
        tintucs_server = "PREFECT_API_URL" not in os.environ
        if tintucs_server:
            lock = lock_data_folder(settings.prefect_home)  # noqa: F841 - held until tintuc exits
            server = _start_unless_running(settings)
        _serve_until_stopped(paths, settings, cron, interval, own_server=tintucs_server)
    except ServerFailed as error:
        console.print(f"[red]could not start the Prefect server:[/red] {error}")
        raise typer.Exit(1) from error
    except KeyboardInterrupt:
        pass
    finally:
        stop_children()
        if server is not None:
            forget_server(settings.prefect_home, KnownServer(server.url, server.process.pid, "tintuc serve"))
            stop_server(server)
        signal.signal(signal.SIGTERM, previous_handler)
    console.print("stopped")


def _start_unless_running(settings: Settings) -> LocalServer | None:
    """Point Prefect at the server `tintuc server start` keeps, else start one that goes with tintuc.

    Return the server started here (to stop it at the end), or None.
    """
    from flows.local_server import start_server, stop_server
    from flows.server_record import KnownServer, record_server, running_server

    known = running_server(settings.prefect_home)
    if known is not None:
        console.print(f"using the Prefect server `{known.started_by}` started at {known.url}")
        os.environ["PREFECT_API_URL"] = known.api_url
        return None
    console.print(f"starting a local Prefect server (log: {settings.prefect_home / 'server.log'})")
    server = start_server(settings.prefect_home)
    try:
        server.wait_until_healthy(settings.prefect_server_timeout_s)
    except BaseException:
        stop_server(server)
        raise
    # `tintuc run` finds it here and runs on it while tintuc serves: one server, every run in its UI.
    record_server(settings.prefect_home, KnownServer(server.url, server.process.pid, "tintuc serve"))
    os.environ["PREFECT_API_URL"] = server.api_url
    return server


def _interrupt(signum: int, _frame: object) -> None:
    """Turn a signal into KeyboardInterrupt, so cleanup runs as it does on Ctrl-C."""
    raise KeyboardInterrupt(f"signal {signum}")


def _serve_until_stopped(
    paths: list[Path], settings: Settings, cron: str | None, interval: int | None, own_server: bool
) -> None:
    """Serve the pipeline on the server PREFECT_API_URL names until SIGTERM or Ctrl-C."""
    from flows.serving import serve_pipeline  # imports Prefect: PREFECT_API_URL must be set by now

    ui = os.environ["PREFECT_API_URL"].removesuffix("/").removesuffix("/api")
    when = f"on cron {cron!r}" if cron else f"every {interval} s"
    console.print(
        f"serving the pipeline on {', '.join(map(str, paths))} {when} → {settings.resolved_database_url}\n"
        f"watch the runs at {ui}/runs ; stop with Ctrl-C or SIGTERM"
    )
    try:
        serve_pipeline(paths, settings, cron, interval, own_server)
    except ValueError as error:  # pydantic's ValidationError: Prefect refused the schedule
        console.print(f"[red]invalid schedule:[/red] {error}")
        raise typer.Exit(2) from error


@server_app.command("start")
def server_start() -> None:
    """Start a local Prefect server that outlives this command; every run uses it until `server stop`."""
    settings = _settings()
    from flows.local_server import ServerFailed, start_server, stop_server
    from flows.server_record import KnownServer, record_server, running_server, starting_alone

    with starting_alone(settings.prefect_home):  # two starts at once would leave one server unrecorded
        known = running_server(settings.prefect_home)
        if known is not None:
            console.print(f"already running: {_describe(known)}")
            return
        console.print(f"starting a local Prefect server (log: {settings.prefect_home / 'server.log'})")
        server = start_server(settings.prefect_home, die_with_tintuc=False)
        try:
            server.wait_until_healthy(settings.prefect_server_timeout_s)
        except (ServerFailed, KeyboardInterrupt) as error:
            stop_server(server)
            console.print(f"[red]could not start the Prefect server:[/red] {error}")
            raise typer.Exit(1) from error
        started = KnownServer(server.url, server.process.pid, "tintuc server start")
        record_server(settings.prefect_home, started)
    console.print(f"running: {_describe(started)}")


@server_app.command("stop")
def server_stop() -> None:
    """Stop the server `tintuc server start` started (runs then start a temporary one each time)."""
    settings = _settings()
    from flows.local_server import data_folder_served
    from flows.server_record import forget_server, recorded_server, running_server, stop_known_server

    known = running_server(settings.prefect_home)
    if known is None:
        stale = recorded_server(settings.prefect_home)
        if stale is not None:
            forget_server(settings.prefect_home, stale)
        console.print("no tintuc Prefect server is running")
        return
    if known.started_by != "tintuc server start" or data_folder_served(settings.prefect_home):
        console.print(
            f"`tintuc serve` uses the server at {known.url}: stop `tintuc serve` (Ctrl-C or SIGTERM) first"
        )
        raise typer.Exit(1)
    stop_known_server(known)
    forget_server(settings.prefect_home, known)
    console.print(f"stopped the Prefect server at {known.url} (pid {known.pid})")


@server_app.command("status")
def server_status() -> None:
    """Say whether a tintuc Prefect server is running, where, and where its UI is; exit 1 if none."""
    from flows.server_record import running_server

    known = running_server(_settings().prefect_home)
    if known is None:
        console.print(
            "no tintuc Prefect server is running: each `tintuc run` starts a temporary one; "
            "`tintuc server start` keeps one running"
        )
        raise typer.Exit(1)
    console.print(f"running: {_describe(known)}")


def _describe(server: KnownServer) -> str:
    """Return where a known server listens, who started it and where its UI shows the runs."""
    return (
        f"{server.url} (pid {server.pid}, started by `{server.started_by}`); "
        f"watch the runs at {server.url}/runs"
    )


@app.command()
def translate(
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Try again the texts that failed twice with this model.")
    ] = False,
    headlines_first: Annotated[
        bool,
        typer.Option("--headlines-first", help="Every pending title, lead and name before any other text."),
    ] = False,
) -> None:
    """Translate everything in the warehouse that is still pending.

    Exits 3 when some texts could not be translated (they stay pending; see `tintuc status`).
    """
    settings = _settings()
    _use_prefect_server(settings)
    from flows.translate_pending import translate_pending
    from flows.translation import NO_MODEL_HINT, DeviceUnavailable

    try:
        summary = translate_pending(settings, retry_failed, headlines_first)
    except DeviceUnavailable as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    if summary.translation_model is None:
        console.print(NO_MODEL_HINT)
        raise typer.Exit(1)
    console.print(
        f"{summary.segments_translated} segments translated with {summary.translation_model} "
        f"({summary.segments_flagged} flagged; memory {summary.memory_hits} hits, "
        f"{summary.memory_misses} misses)"
    )
    if summary.texts_given_up:
        console.print(
            f"{summary.texts_given_up} texts left out: they failed twice with this model; "
            "try them again with `tintuc translate --retry-failed`"
        )
    if summary.texts_failed:
        console.print(
            f"{summary.texts_failed} texts could not be translated and stay pending "
            '(their errors: `tintuc query "SELECT text_vi, last_error FROM translation_failures"`)'
        )
        raise typer.Exit(EXIT_REJECTS)


@models_app.command("install")
def models_install(
    file: Annotated[Path | None, typer.Option(help="A local .argosmodel file.")] = None,
) -> None:
    """Install the vi→en package: from --file, the Argos index, or the pinned 1.9 package."""
    from flows.steps.translate import models

    settings = _settings()
    try:
        path = file if file is not None else _download_package(settings)
        limits = models.PackageLimits(settings.max_package_bytes, settings.max_package_unpacked_bytes)
        installed = models.install_file(
            path, settings.argos_dir, settings.source_lang, settings.target_lang, limits
        )
    except models.PackageRefused as error:
        console.print(f"[red]refused:[/red] {error}")
        raise typer.Exit(1) from error
    except OSError as error:
        console.print(
            f"[red]could not get the package:[/red] {error}. Download it elsewhere "
            f"and install it with --file."
        )
        raise typer.Exit(1) from error
    console.print(f"installed {installed.name} in {installed.parent}")


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


def _download_package(settings: Settings) -> Path:
    """Return a downloaded, verified vi→en package: the index's, else the pinned one."""
    from flows.steps.translate import models

    target = settings.argos_dir / "cache" / "downloads" / "translate-vi_en.argosmodel"
    try:
        url = models.index_package_url(
            settings.package_index_url, settings.network_timeout_s, settings.source_lang, settings.target_lang
        )
    except (OSError, ValueError) as error:
        console.print(f"Argos package index unavailable ({error}); using the pinned package")
        url = None
    if url:
        console.print(f"downloading {url} (listed in the Argos index)")
        return models.download_verified(
            url, None, target, settings.network_timeout_s, settings.max_package_bytes
        )
    console.print(f"downloading {settings.package_url} ({ARGOS_VI_EN_BYTES:,} bytes, SHA-256 checked)")
    return models.download_verified(
        settings.package_url,
        settings.package_sha256,
        target,
        settings.network_timeout_s,
        settings.max_package_bytes,
    )


@models_app.command("list")
def models_list() -> None:
    """List installed translation packages."""
    from flows.steps.translate.argos import installed_packages, package_label

    settings = _settings()
    table = Table("package", "from", "to", "folder")
    for package in installed_packages(settings.argos_dir):
        table.add_row(package_label(package), package.from_code, package.to_code, str(package.package_path))
    console.print(table)


@models_app.command("remove")
def models_remove(name: Annotated[str, typer.Argument(help="Package folder name.")]) -> None:
    """Remove an installed translation package."""
    from flows.steps.translate.models import remove_package

    if not remove_package(_settings().argos_dir, name):
        console.print(f"no installed package named {name}; see `tintuc models list`")
        raise typer.Exit(1)
    console.print(f"removed {name}")


@app.command()
def read(
    article_id: str,
    lang: Annotated[str, typer.Option(help="en, vi or both.")] = "en",
) -> None:
    """Print an article as a reader sees it: title, then paragraphs and captions in order."""
    from flows.reading import render_article
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
    from flows.browse.server import free_port, make_datasette, serve

    chosen = free_port(host, port)
    address = f"http://{host}:{chosen}/"

    def ready() -> None:
        console.print(f"browsing {database} read-only at {address} ; stop with Ctrl-C or SIGTERM")
        # Only where a graphical browser can open: elsewhere webbrowser may start a terminal one.
        if not no_open and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            import webbrowser

            webbrowser.open(address)

    # uvicorn stops gracefully on SIGTERM and Ctrl-C, then raises the signal again: as KeyboardInterrupt
    # both end here, so stopping browse is a clean exit (0), not "Aborted!" or death by signal.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    try:
        serve(make_datasette(database, url), host, chosen, ready)
    except KeyboardInterrupt:
        console.print("stopped")
    finally:
        signal.signal(signal.SIGTERM, previous_handler)


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
    from warehouse.engine import schema_at_head
    from warehouse.failures import GIVEN_UP_TEXTS, failure_counts
    from warehouse.queries import recent_rejects, recent_runs, status_counts

    settings = _settings()
    engine = _read_only_engine(settings)
    if not schema_at_head(engine):
        console.print(
            f"[red]the warehouse {settings.resolved_database_url} was made by an older tintuc[/red]; "
            "run `tintuc run` once to bring it up to date, then `tintuc status` again"
        )
        raise typer.Exit(1)
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


def _current_read_only_engine(settings: Settings) -> Warehouse:
    """Return a read-only engine on a warehouse at the current schema, or exit saying what to do."""
    from warehouse.engine import schema_at_head

    engine = _read_only_engine(settings)
    if not schema_at_head(engine):
        console.print(
            f"[red]the warehouse {settings.resolved_database_url} was made by an older tintuc[/red]; "
            "run `tintuc run` once to bring it up to date (it builds the search index)"
        )
        raise typer.Exit(1)
    return engine


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
    from flows.export import FORMATS, LANGS, html_document, jsonl_lines, markdown_document
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
    from datetime import UTC, datetime

    from flows.digest import period_for, read_digest
    from flows.digest_render import html_digest, markdown_digest

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


def _write(pieces: Iterable[str], output: Path | None) -> None:
    """Write an export's pieces to a file (UTF-8) or to stdout, as they come."""
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    with output.open("w", encoding="utf-8") as file:
        file.writelines(pieces)
    console.print(f"wrote {output}", markup=False, highlight=False)
