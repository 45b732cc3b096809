"""The tintuc pipeline as a Prefect flow: ingest → extract → validate → translate → load."""

# No `from __future__ import annotations`: a served run gets the flow function by value (cloudpickle), with
# only the globals its code uses, so annotations must be objects already, not names to look up later.
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.states import Completed, State

from flows.progress import translation_progress
from flows.settings import Settings
from flows.steps.batch import (
    ExtractedBatch,
    ReadBatch,
    TranslatedBatch,
    extract_batch,
    load_batch,
    person_names,
    read_batch,
    translate_batch,
)
from flows.steps.records import ArticleRecords, Reject, utc_now
from flows.steps.run_locks import holding_run_lock, mark_dead_runs
from flows.steps.validate import validate_records
from flows.translation import NO_MODEL_HINT, load_toolkit
from warehouse.engine import Warehouse, make_engine, upgrade_to_head
from warehouse.load import finish_run, known_hashes, start_run

ArticleFrames = dict[str, pd.DataFrame]
# The name of the flow's final state when the run completed but some records were rejected.
COMPLETED_WITH_REJECTS = "CompletedWithRejects"


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the CLI and the `runs` table."""

    run_id: str
    status: str
    files_seen: int
    files_skipped: int
    articles_loaded: int
    segments_translated: int
    segments_flagged: int
    memory_hits: int
    memory_misses: int
    rejected: int
    translation_model: str | None


@contextmanager
def recorded_run(engine: Warehouse, locks: Path, kind: str = "pipeline") -> Iterator[str]:
    """Record a run in `runs`; a run that raises is recorded as failed before the error goes on.

    Runs left `running` by a process that died (SIGKILL, power cut) are recorded as crashed first.
    """
    crashed = mark_dead_runs(engine, locks)
    if crashed:
        get_run_logger().warning("runs %s had crashed; their unfinished files load now", ", ".join(crashed))
    run_id = uuid.uuid4().hex[:16]
    with holding_run_lock(locks, run_id):
        start_run(engine, run_id, utc_now(), kind)
        try:
            yield run_id
        except BaseException:
            finish_run(engine, run_id, "failed", utc_now())
            raise


@task(retries=2, retry_delay_seconds=1)
def read_files(paths: list[Path], database_url: str, max_file_bytes: int) -> ReadBatch:
    """Read the article files whose content has not been processed before."""
    return read_batch(paths, known_hashes(make_engine(database_url)), max_file_bytes)


@task
def extract_articles(batch: ReadBatch, run_id: str) -> ExtractedBatch:
    """Extract every article's rows; files without an article become rejects."""
    return extract_batch(batch.sources, run_id)


@task
def validate_articles(records: list[ArticleRecords]) -> tuple[dict[str, ArticleFrames], list[Reject]]:
    """Validate every table lazily with pandera; failing rows become rejects."""
    return validate_records(records)


@task
def translate_articles(
    articles: dict[str, ArticleFrames], settings: Settings
) -> tuple[TranslatedBatch, str | None]:
    """Translate every article's text vi→en, or leave it pending when no model is installed."""
    toolkit = load_toolkit(settings, person_names(articles)) if articles else None
    if toolkit is None:
        if articles:
            # Info, not a warning: the CLI prints the hint itself, once.
            get_run_logger().info(NO_MODEL_HINT)
        return TranslatedBatch(articles), None
    with translation_progress() as progress:
        translated = translate_batch(articles, toolkit, progress)
    return translated, toolkit.translator.model_name


@task(retries=2, retry_delay_seconds=1)
def load_articles(
    database_url: str,
    run_id: str,
    batch: ReadBatch,
    articles: dict[str, ArticleFrames],
    rejects: list[Reject],
) -> int:
    """Load each file atomically: its articles, its rejects, and its processed mark."""
    return load_batch(make_engine(database_url), run_id, batch.sources, articles, rejects)


@flow(name="tintuc-pipeline", log_prints=False)
def pipeline(paths: list[Path], settings: Settings) -> State[RunSummary]:
    """Ingest articles under paths, extract, validate, translate and load them.

    The final state is Completed, Completed named CompletedWithRejects, or Failed (the run raised);
    calling the flow returns the RunSummary.
    """
    engine = make_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    with recorded_run(engine, settings.run_locks_dir) as run_id:
        batch = read_files(paths, settings.resolved_database_url, settings.max_file_bytes)
        extracted = extract_articles(batch, run_id)
        articles, invalid = validate_articles(extracted.records)
        translated, model = translate_articles(articles, settings)
        rejects = batch.rejects + extracted.rejects + invalid
        loaded = load_articles(settings.resolved_database_url, run_id, batch, translated.articles, rejects)
        status = "completed_with_rejects" if rejects else "completed"
        counts = dict(
            files_seen=batch.files_seen,
            files_skipped=batch.skipped,
            articles_loaded=loaded,
            segments_translated=translated.segments_translated,
            segments_flagged=translated.segments_flagged,
            memory_hits=translated.memory_hits,
            memory_misses=translated.memory_misses,
            rejected=len(rejects),
        )
        finish_run(engine, run_id, status, utc_now(), **counts)
    summary = RunSummary(run_id, status, translation_model=model, **counts)
    if rejects:
        return Completed(data=summary, name=COMPLETED_WITH_REJECTS, message=f"{len(rejects)} rejects")
    return Completed(data=summary)
