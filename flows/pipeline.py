"""The tintuc pipeline as a Prefect flow, one window at a time: read → extract → validate → translate → load.

Each window is committed before the next is read (flows/steps/window.py says how windows are
planned), so memory stays flat however large the input, a run killed after k windows keeps
those k, and the next run does the rest. Each step of each window is a task named after its
window ("translate-window-3") in Prefect's UI.
"""

# No `from __future__ import annotations`: a served run gets the flow function by value (cloudpickle), with
# only the globals its code uses, so annotations must be objects already, not names to look up later.
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.states import Completed, State

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
from flows.translation import NO_MODEL_HINT, RunTranslation
from schemas.tables import ArticleTables
from warehouse.engine import Warehouse, make_engine, upgrade_to_head
from warehouse.load import WindowFile, file_of, load_window, processed_among
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
class RunCounts:
    """What a run has done so far; the `runs` row is updated with it after every window."""

    files_seen: int = 0
    files_skipped: int = 0
    articles_loaded: int = 0
    segments_translated: int = 0
    segments_flagged: int = 0
    memory_hits: int = 0
    memory_misses: int = 0
    rejected: int = 0

    def add(self, read: ReadWindow, translated: TranslatedWindow, loaded: int, rejected: int) -> None:
        """Count one more committed window."""
        self.files_seen += read.files_seen
        self.files_skipped += read.skipped
        self.articles_loaded += loaded
        self.segments_translated += translated.segments_translated
        self.segments_flagged += translated.segments_flagged
        self.memory_hits += translated.memory_hits
        self.memory_misses += translated.memory_misses
        self.rejected += rejected


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
) -> int:
    """Load each file of the window atomically: its articles, its rejects, and its processed mark."""
    return load_window(engine, run_id, *window_files(window, articles, rejects))


def window_files(
    window: ReadWindow, articles: dict[str, ArticleTables], rejects: list[Reject]
) -> tuple[list[WindowFile], list[dict[str, str]]]:
    """Group a window's articles and rejects by the file they came from; rejects of unread files apart."""
    by_path = {
        source.source_path: WindowFile(source.source_path, source.content_sha256) for source in window.sources
    }
    for frames in articles.values():
        by_path[file_of(frames.source_path)].articles.append(frames)
    unread: list[dict[str, str]] = []
    for reject in rejects:
        file = by_path.get(file_of(reject.source_path))
        (file.rejects if file else unread).append(asdict(reject))
    return list(by_path.values()), unread


@flow(name="tintuc-pipeline", log_prints=False)
def pipeline(paths: list[Path], settings: Settings) -> State[RunSummary]:
    """Ingest articles under paths, one window at a time: extract, validate, translate and load each.

    The final state is Completed, Completed named CompletedWithRejects, or Failed (the run raised);
    calling the flow returns the RunSummary.
    """
    engine = make_engine(settings.resolved_database_url)  # the run's one engine, handed to every step
    upgrade_to_head(engine)
    limits = WindowLimits(settings.window_files, settings.window_bytes)
    counts, seen, number = RunCounts(), SeenThisRun(), 0
    with recorded_run(engine, settings) as run_id, run_progress() as progress:
        translation = RunTranslation(settings, engine, run_id)
        for number, paths_ in enumerate(plan_windows(iter_files(paths), limits), 1):
            progress.window_started(number, len(paths_))
            read = read_files(number, paths_, engine, settings, seen)
            if not read.sources and not read.rejects:  # every file done before: nothing to do
                counts.add(read, TranslatedWindow({}), 0, 0)
                progress.window_done()
                continue
            extracted = extract_articles(number, read, run_id, seen)
            articles, invalid = validate_articles(number, extracted.records)
            translated = translate_articles(number, articles, translation, progress)
            rejects = read.rejects + extracted.rejects + invalid + translated.rejects
            loaded = load_articles(number, engine, run_id, read, translated.articles, rejects)
            counts.add(read, translated, loaded, len(rejects))
            record_counts(engine, run_id, **asdict(counts))
            progress.window_done()
        status = "completed_with_rejects" if counts.rejected else "completed"
        finish_run(engine, run_id, status, utc_now(), **asdict(counts))
    summary = RunSummary(
        **asdict(counts),
        run_id=run_id,
        status=status,
        windows=number,
        translation_model=translation.model_name,
    )
    if counts.rejected:
        return Completed(data=summary, name=COMPLETED_WITH_REJECTS, message=f"{counts.rejected} rejects")
    return Completed(data=summary)
