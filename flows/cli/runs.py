"""`tintuc run` and `tintuc translate`: the pipeline's flows, each on a Prefect server."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, cast

import typer

from flows.cli.common import (
    EXIT_REJECTS,
    INPUT_FILE_HELP,
    REFETCH_HELP,
    TARGETS_HELP,
    _settings,
    _targets,
    _use_prefect_server,
    console,
)
from flows.settings import Settings

app = typer.Typer()


@app.command()
def run(
    targets: Annotated[list[str] | None, typer.Argument(help=TARGETS_HELP, show_default=False)] = None,
    input_file: Annotated[Path | None, typer.Option("-i", "--input-file", help=INPUT_FILE_HELP)] = None,
    refetch: Annotated[bool, typer.Option("--refetch", help=REFETCH_HELP)] = False,
) -> None:
    """Run the pipeline on article files, crawl archives and URLs, and load them into the warehouse."""
    settings = _settings()
    paths, urls = _targets(targets, input_file)
    if not urls and _answered_nothing_new(paths, settings):
        return
    server_answers = _use_prefect_server(settings)
    from flows.warm_up import ready_before_the_flow, start_warm_up

    start_warm_up(settings)  # the model and the extractor load while Prefect imports and its server starts
    from flows.pipeline import COMPLETED_WITH_REJECTS, RunSummary, pipeline_for
    from flows.translation import NO_MODEL_HINT

    ready_before_the_flow(settings)
    server_answers()
    # The exit code follows the flow's final state: Completed 0, CompletedWithRejects 3, Failed 1.
    final = pipeline_for(settings)(paths, settings, urls, refetch, return_state=True)
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
    sqlite_file = settings.default_sqlite_file
    if sqlite_file is not None and not sqlite_file.exists():
        return False  # a new data folder: all is new, and its Prefect server starts a few seconds sooner
    from flows.nothing_new import count_if_nothing_new, record_nothing_new, report_to_prefect
    from flows.prefect_server.record import running_server
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
    server_answers = _use_prefect_server(settings)
    from flows.translate_pending import translate_pending
    from flows.translation import NO_MODEL_HINT, DeviceUnavailable

    server_answers()

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
