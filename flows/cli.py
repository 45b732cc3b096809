"""The `tintuc` command line."""

from __future__ import annotations

import logging
import os
import signal
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
) -> None:
    """Translate everything in the warehouse that is still pending.

    Exits 3 when some texts could not be translated (they stay pending; see `tintuc status`).
    """
    settings = _settings()
    _use_prefect_server(settings)
    from flows.translate_pending import translate_pending
    from flows.translation import NO_MODEL_HINT, DeviceUnavailable

    try:
        summary = translate_pending(settings, retry_failed)
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
    from warehouse.engine import make_read_only_engine

    try:
        return make_read_only_engine(settings.resolved_database_url)
    except FileNotFoundError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error


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
