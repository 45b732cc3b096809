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

from flows.progress import translation_progress
from flows.settings import Settings
from flows.steps.batch import (
    ExtractedBatch,
    ReadBatch,
    extract_batch,
    load_batch,
    read_batch,
    translate_batch,
)
from flows.steps.records import ArticleRecords, Reject, utc_now
from flows.steps.validate import validate_records
from flows.translation import NO_MODEL_HINT, load_translator
from warehouse.engine import Warehouse, make_engine, upgrade_to_head
from warehouse.load import finish_run, known_hashes, start_run

ArticleFrames = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the CLI and the `runs` table."""

    run_id: str
    status: str
    files_seen: int
    files_skipped: int
    articles_loaded: int
    segments_translated: int
    rejected: int
    translation_model: str | None


@contextmanager
def recorded_run(engine: Warehouse) -> Iterator[str]:
    """Record a run in `runs`; a run that raises is recorded as failed before the error goes on."""
    run_id = uuid.uuid4().hex[:16]
    start_run(engine, run_id, utc_now())
    try:
        yield run_id
    except BaseException:
        finish_run(engine, run_id, "failed", utc_now())
        raise


@task(retries=2, retry_delay_seconds=1)
def read_files(paths: list[Path], database_url: str) -> ReadBatch:
    """Read the article files whose content has not been processed before."""
    return read_batch(paths, known_hashes(make_engine(database_url)))


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
) -> tuple[dict[str, ArticleFrames], int, str | None]:
    """Translate every article's text vi→en, or leave it pending when no model is installed."""
    translator = load_translator(settings)
    if translator is None:
        # Info, not a warning: the CLI prints the hint itself, once.
        get_run_logger().info(NO_MODEL_HINT)
        return articles, 0, None
    with translation_progress() as progress:
        translated, count = translate_batch(articles, translator, progress)
    return translated, count, translator.model_name


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
def pipeline(paths: list[Path], settings: Settings) -> RunSummary:
    """Ingest articles under paths, extract, validate, translate and load them."""
    engine = make_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    with recorded_run(engine) as run_id:
        batch = read_files(paths, settings.resolved_database_url)
        extracted = extract_articles(batch, run_id)
        articles, invalid = validate_articles(extracted.records)
        articles, translated, model = translate_articles(articles, settings)
        rejects = batch.rejects + extracted.rejects + invalid
        loaded = load_articles(settings.resolved_database_url, run_id, batch, articles, rejects)
        status = "completed_with_rejects" if rejects else "completed"
        counts = dict(
            files_seen=batch.files_seen,
            files_skipped=batch.skipped,
            articles_loaded=loaded,
            segments_translated=translated,
            rejected=len(rejects),
        )
        finish_run(engine, run_id, status, utc_now(), **counts)
    return RunSummary(run_id, status, translation_model=model, **counts)
