"""The tintuc pipeline as a Prefect flow, one window at a time: read → extract → validate → translate → load.

Each window is committed before the next is read (flows/steps/window.py says how windows are
planned), so memory stays flat however large the input, a run killed after k windows keeps
those k, and the next run does the rest. Each step of each window is a task named after its
window ("translate-window-3") in Prefect's UI. With TINTUC_DASK_ADDRESS, each window is instead
one task ("window-3") on that Dask cluster, several at once (flows/on_dask.py).
"""

# No `from __future__ import annotations`: a served run gets the flow function by value (cloudpickle), with
# only the globals its code uses, so annotations must be objects already, not names to look up later.
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from prefect import Flow, flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.states import Completed, State

from flows.counts import RunCounts
from flows.on_dask import windows_on_dask
from flows.progress import RunProgress, run_progress
from flows.settings import Settings
from flows.steps.ingest.files import iter_files
from flows.steps.records import ArticleRecords, Reject, utc_now
from flows.steps.translate.bilingual import TranslatedWindow, person_names, translate_window
from flows.steps.validate import validate_records
from flows.steps.window import (
    ExtractedWindow,
    ReadWindow,
    SeenThisRun,
    WindowLimits,
    extract_window,
    plan_windows,
    read_window,
)
from flows.story_hook import story_hook
from flows.translation import NO_MODEL_HINT, RunTranslation
from flows.window_work import for_workers, window_files
from schemas.tables import ArticleTables
from warehouse.engine import Warehouse, make_engine, upgrade_to_head
from warehouse.load import ArticleLoaded, WindowLoad, load_window, processed_among
from warehouse.runs import (
    finish_run,
    heartbeat,
    holding_run_lock,
    mark_dead_runs,
    record_counts,
    start_run,
)

# The name of the flow's final state when the run completed but some records were rejected.
COMPLETED_WITH_REJECTS = "CompletedWithRejects"


@dataclass
class RunSummary(RunCounts):
    """What a run did, for the CLI."""

    run_id: str = ""
    status: str = ""
    windows: int = 0
    translation_model: str | None = None


@contextmanager
def recorded_run(engine: Warehouse, settings: Settings, kind: str = "pipeline") -> Iterator[str]:
    """Record a run in `runs` and keep its heartbeat; a run that raises is recorded as failed, then raises.

    Runs left `running` by a process that died (SIGKILL, power cut), here or on another machine, are
    recorded as crashed first.
    """
    locks = settings.run_locks_dir
    crashed = mark_dead_runs(engine, locks, settings.heartbeat_timeout_s)
    if crashed:
        get_run_logger().warning("runs %s had crashed; their unfinished files load now", ", ".join(crashed))
    run_id = uuid.uuid4().hex[:16]
    with holding_run_lock(locks, run_id):
        start_run(engine, run_id, utc_now(), kind)
        try:
            with heartbeat(engine, run_id, settings.heartbeat_s):
                yield run_id
        except BaseException:
            finish_run(engine, run_id, "failed", utc_now())
            raise


@task(task_run_name="read-window-{number}", cache_policy=NONE, retries=2, retry_delay_seconds=1)
def read_files(
    number: int, paths: list[Path], engine: Warehouse, settings: Settings, seen: SeenThisRun
) -> ReadWindow:
    """Read the window's files whose content has not been processed before."""
    return read_window(paths, settings.max_file_bytes, lambda hashes: processed_among(engine, hashes), seen)


@task(task_run_name="extract-window-{number}", cache_policy=NONE)
def extract_articles(number: int, window: ReadWindow, run_id: str, seen: SeenThisRun) -> ExtractedWindow:
    """Extract every article's rows; files without an article become rejects."""
    return extract_window(window.sources, run_id, seen)


@task(task_run_name="validate-window-{number}", cache_policy=NONE)
def validate_articles(
    number: int, records: list[ArticleRecords]
) -> tuple[dict[str, ArticleTables], list[Reject]]:
    """Validate every table lazily with pandera; failing rows become rejects."""
    return validate_records(records)


@task(task_run_name="translate-window-{number}", cache_policy=NONE)
def translate_articles(
    number: int, articles: dict[str, ArticleTables], translation: RunTranslation, progress: RunProgress
) -> TranslatedWindow:
    """Translate the window's text vi→en, or leave it pending when no model is installed."""
    toolkit = translation.for_window(person_names(articles)) if articles else None
    if toolkit is None:
        if articles and number == 1:
            get_run_logger().info(NO_MODEL_HINT)  # info, not a warning: the CLI prints the hint itself
        return TranslatedWindow(articles)
    translated = translate_window(articles, toolkit, progress.sentences)
    if translated.given_up:
        get_run_logger().warning(
            "%d texts left pending: they failed to translate twice before; "
            "`tintuc translate --retry-failed` tries them again",
            translated.given_up,
        )
    return translated


@task(task_run_name="load-window-{number}", cache_policy=NONE, retries=2, retry_delay_seconds=1)
def load_articles(
    number: int,
    engine: Warehouse,
    run_id: str,
    window: ReadWindow,
    articles: dict[str, ArticleTables],
    rejects: list[Reject],
    on_load: ArticleLoaded | None = None,
) -> WindowLoad:
    """Load each file of the window atomically: its articles (each given to on_load), rejects, mark."""
    return load_window(engine, run_id, *window_files(window, articles, rejects), on_load=on_load)


@flow(name="tintuc-pipeline", log_prints=False)
def pipeline(paths: list[Path], settings: Settings) -> State[RunSummary]:
    """Ingest articles under paths, one window at a time: extract, validate, translate and load each.

    The final state is Completed, Completed named CompletedWithRejects, or Failed (the run raised);
    calling the flow returns the RunSummary.
    """
    engine = make_engine(settings.resolved_database_url)  # the run's one engine, handed to every step
    upgrade_to_head(engine)
    windows = plan_windows(iter_files(paths), WindowLimits(settings.window_files, settings.window_bytes))
    with recorded_run(engine, settings) as run_id, run_progress() as progress:
        if settings.dask_address:
            summary = windows_on_cluster(windows, settings, engine, run_id, progress)
        else:
            summary = windows_in_process(windows, settings, engine, run_id, progress)
        summary.status = "completed_with_rejects" if summary.rejected else "completed"
        finish_run(engine, run_id, summary.status, utc_now(), **counted(summary))
    if summary.rejected:
        return Completed(data=summary, name=COMPLETED_WITH_REJECTS, message=f"{summary.rejected} rejects")
    return Completed(data=summary)


def pipeline_for(settings: Settings) -> Flow[[list[Path], Settings], State[RunSummary]]:
    """Return the pipeline flow, its tasks on the Dask cluster at TINTUC_DASK_ADDRESS when that is set."""
    if not settings.dask_address:
        return pipeline
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(address=settings.dask_address)
    return pipeline.with_options(task_runner=runner)  # type: ignore[arg-type]  # prefect-dask's typing lags


def counted(summary: RunSummary) -> dict[str, Any]:
    """Return the RunCounts fields of a summary, as the `runs` row takes them."""
    return {name: value for name, value in asdict(summary).items() if name in RunCounts.__dataclass_fields__}


def windows_in_process(
    windows: Iterable[list[Path]], settings: Settings, engine: Warehouse, run_id: str, progress: RunProgress
) -> RunSummary:
    """Work through the windows here, one after another, each step of each a task of its own."""
    summary, seen = RunSummary(run_id=run_id), SeenThisRun()
    translation = RunTranslation(settings, engine, run_id)
    for summary.windows, paths in enumerate(windows, 1):
        progress.window_started(summary.windows, len(paths))
        read = read_files(summary.windows, paths, engine, settings, seen)
        if not read.sources and not read.rejects:  # every file done before: nothing to do
            summary.add(read, TranslatedWindow({}), WindowLoad(), 0)
            progress.window_done()
            continue
        extracted = extract_articles(summary.windows, read, run_id, seen)
        articles, invalid = validate_articles(summary.windows, extracted.records)
        translated = translate_articles(summary.windows, articles, translation, progress)
        rejects = read.rejects + extracted.rejects + invalid + translated.rejects
        loaded = load_articles(
            summary.windows, engine, run_id, read, translated.articles, rejects, story_hook(settings)
        )
        summary.add(read, translated, loaded, len(rejects))
        record_counts(engine, run_id, **counted(summary))
        progress.window_done()
    summary.translation_model = translation.model_name
    return summary


def windows_on_cluster(
    windows: Iterable[list[Path]], settings: Settings, engine: Warehouse, run_id: str, progress: RunProgress
) -> RunSummary:
    """Hand the windows to the Dask cluster, several at once, and count each as it comes back."""
    summary = RunSummary(run_id=run_id)
    for summary.windows, done in enumerate(windows_on_dask(windows, for_workers(settings), run_id), 1):
        summary.merge(done.counts)
        summary.translation_model = summary.translation_model or done.translation_model
        record_counts(engine, run_id, **counted(summary))
        progress.window_done()
    return summary
