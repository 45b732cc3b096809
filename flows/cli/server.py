"""`tintuc serve` and `tintuc server start|stop|status`: the pipeline on a schedule, Prefect's server kept."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flows.cli.common import (
    INPUT_FILE_HELP,
    TARGETS_HELP,
    _interrupt,
    _settings,
    _targets,
    console,
)
from flows.settings import Settings

if TYPE_CHECKING:
    from flows.prefect_server.local import LocalServer
    from flows.prefect_server.record import KnownServer

app = typer.Typer()
server_app = typer.Typer(help="Keep a local Prefect server running: runs start at once and show in its UI.")
app.add_typer(server_app, name="server")


@app.command()
def serve(
    targets: Annotated[list[str] | None, typer.Argument(help=TARGETS_HELP, show_default=False)] = None,
    cron: Annotated[str | None, typer.Option(help='A cron schedule, e.g. "0 * * * *".')] = None,
    interval: Annotated[int | None, typer.Option(min=1, help="Seconds between runs.")] = None,
    input_file: Annotated[Path | None, typer.Option("-i", "--input-file", help=INPUT_FILE_HELP)] = None,
) -> None:
    """Run the pipeline on a schedule until SIGTERM or Ctrl-C, on a Prefect server of its own by default."""
    if (cron is None) == (interval is None):
        raise typer.BadParameter("give exactly one of --cron or --interval", param_hint="--cron/--interval")
    settings = _settings()
    paths, urls = _targets(targets, input_file)
    from flows.prefect_server.keeper import hold_in_use
    from flows.prefect_server.local import ServerFailed, lock_data_folder, stop_children, stop_server
    from flows.prefect_server.record import KnownServer, forget_server

    # Until Prefect's runner installs its own handler, SIGTERM stops tintuc the way Ctrl-C does,
    # so the server it started is stopped too.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    server: LocalServer | None = None
    try:
        tintucs_server = "PREFECT_API_URL" not in os.environ
        if tintucs_server:
            lock = lock_data_folder(settings.prefect_home)  # noqa: F841 - held until tintuc exits
            # A server a run started is not stopped as idle while this serves on it.
            in_use = hold_in_use(settings.prefect_home)  # noqa: F841 - held until tintuc exits
            server = _start_unless_running(settings)
        _serve_until_stopped(paths, urls, settings, cron, interval, own_server=tintucs_server)
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
    from flows.prefect_server.local import start_server, stop_server
    from flows.prefect_server.record import KnownServer, record_server, running_server, starting_alone
    from flows.prefect_server.template import start_from_template

    known = running_server(settings.prefect_home)
    if known is not None:
        console.print(f"using the Prefect server `{known.started_by}` started at {known.url}")
        os.environ["PREFECT_API_URL"] = known.api_url
        return None
    console.print(f"starting a local Prefect server (log: {settings.prefect_home / 'server.log'})")
    with starting_alone(settings.prefect_home):  # no run's server may open the database mid-copy
        start_from_template(settings.cache_dir, settings.prefect_home, os.environ)
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


def _serve_until_stopped(
    paths: list[Path],
    urls: list[str],
    settings: Settings,
    cron: str | None,
    interval: int | None,
    own_server: bool,
) -> None:
    """Serve the pipeline on the server PREFECT_API_URL names until SIGTERM or Ctrl-C."""
    from flows.prefect_server.serving import (
        serve_pipeline,
    )  # imports Prefect: PREFECT_API_URL must be set by now

    ui = os.environ["PREFECT_API_URL"].removesuffix("/").removesuffix("/api")
    when = f"on cron {cron!r}" if cron else f"every {interval} s"
    console.print(
        f"serving the pipeline on {', '.join([*map(str, paths), *urls])} {when} "
        f"→ {settings.resolved_database_url}\n"
        f"watch the runs at {ui}/runs ; stop with Ctrl-C or SIGTERM"
    )
    try:
        serve_pipeline(paths, settings, cron, interval, own_server, urls)
    except ValueError as error:  # pydantic's ValidationError: Prefect refused the schedule
        console.print(f"[red]invalid schedule:[/red] {error}")
        raise typer.Exit(2) from error


@server_app.command("start")
def server_start() -> None:
    """Start a local Prefect server that outlives this command; every run uses it until `server stop`."""
    settings = _settings()
    from flows.prefect_server.local import ServerFailed, start_server, stop_server
    from flows.prefect_server.record import KnownServer, record_server, running_server, starting_alone
    from flows.prefect_server.template import start_from_template

    with starting_alone(settings.prefect_home):  # two starts at once would leave one server unrecorded
        known = running_server(settings.prefect_home)
        if known is not None and known.idle_stop_s is not None:
            from flows.prefect_server.keeper import keep_as_started_by_user

            kept = keep_as_started_by_user(settings.prefect_home, known)
            console.print(f"kept running from now on, not stopped when idle: {_describe(kept)}")
            return
        if known is not None:
            console.print(f"already running: {_describe(known)}")
            return
        console.print(f"starting a local Prefect server (log: {settings.prefect_home / 'server.log'})")
        start_from_template(settings.cache_dir, settings.prefect_home, os.environ)
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
    """Stop the server `tintuc server start` or a run started (the next run starts a new one)."""
    settings = _settings()
    from flows.prefect_server.keeper import alone_if_free
    from flows.prefect_server.local import data_folder_served
    from flows.prefect_server.record import forget_server, recorded_server, running_server, stop_known_server

    known = running_server(settings.prefect_home)
    if known is None:
        stale = recorded_server(settings.prefect_home)
        if stale is not None:
            forget_server(settings.prefect_home, stale)
        console.print("no tintuc Prefect server is running")
        return
    if known.started_by == "tintuc serve" or data_folder_served(settings.prefect_home):
        console.print(
            f"`tintuc serve` uses the server at {known.url}: stop `tintuc serve` (Ctrl-C or SIGTERM) first"
        )
        raise typer.Exit(1)
    with alone_if_free(settings.prefect_home) as free:  # held while it stops: no run starts on it meanwhile
        if not free:
            console.print(f"a run is using the Prefect server at {known.url}: stop it once the run has ended")
            raise typer.Exit(1)
        stop_known_server(known)
        forget_server(settings.prefect_home, known)
    console.print(f"stopped the Prefect server at {known.url} (pid {known.pid})")


@server_app.command("status")
def server_status() -> None:
    """Say whether a tintuc Prefect server is running, where, and where its UI is; exit 1 if none."""
    from flows.prefect_server.record import running_server

    known = running_server(_settings().prefect_home)
    if known is None:
        console.print(
            "no tintuc Prefect server is running: the next `tintuc run` starts one that later runs reuse; "
            "`tintuc server start` keeps one running"
        )
        raise typer.Exit(1)
    console.print(f"running: {_describe(known)}")


def _describe(server: KnownServer) -> str:
    """Return where a known server listens, who started it, when it stops, and where its UI shows the runs."""
    from flows.cli.common import _duration

    stops = (
        "" if server.idle_stop_s is None else f", stops after {_duration(server.idle_stop_s)} without a run"
    )
    return (
        f"{server.url} (pid {server.pid}, started by `{server.started_by}`{stops}); "
        f"watch the runs at {server.url}/runs"
    )
