"""The flow behind `tintuc translate`: fill in the English of everything still pending."""

from __future__ import annotations

from dataclasses import dataclass

from prefect import flow, get_run_logger

from flows.pipeline import recorded_run
from flows.progress import counting, translation_progress
from flows.settings import Settings
from flows.steps.records import utc_now
from flows.steps.translate import translate_texts
from flows.translation import NO_MODEL_HINT, load_toolkit
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.runs import finish_run
from warehouse.translations import pending_texts, person_names, store_translations


@dataclass(frozen=True)
class TranslateSummary:
    """What `tintuc translate` did."""

    segments_translated: int
    segments_flagged: int
    memory_hits: int
    memory_misses: int
    translation_model: str | None


@flow(name="tintuc-translate")
def translate_pending(settings: Settings) -> TranslateSummary:
    """Translate everything in the warehouse that is still pending; record it as a run."""
    engine = make_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    toolkit = load_toolkit(settings, engine, person_names(engine))
    if toolkit is None:
        get_run_logger().info(NO_MODEL_HINT)
        return TranslateSummary(0, 0, 0, 0, None)
    with recorded_run(engine, settings.run_locks_dir, kind="translate") as run_id:
        texts = pending_texts(engine)
        with translation_progress() as progress:
            result = translate_texts(texts, toolkit, counting(progress, len(texts)))
        stored = store_translations(engine, result.english, toolkit.translator.model_name, toolkit.assess)
        summary = TranslateSummary(
            stored.segments_translated,
            stored.segments_flagged,
            result.memory_hits,
            result.memory_misses,
            toolkit.translator.model_name,
        )
        finish_run(
            engine,
            run_id,
            "completed",
            utc_now(),
            segments_translated=summary.segments_translated,
            segments_flagged=summary.segments_flagged,
            memory_hits=summary.memory_hits,
            memory_misses=summary.memory_misses,
        )
    return summary
