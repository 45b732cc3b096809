"""The flow behind `tintuc translate`: fill in the English of everything still pending."""

from __future__ import annotations

from dataclasses import dataclass

from prefect import flow, get_run_logger

from flows.bookkeeping import recorded_run
from flows.progress import counting, translation_progress
from flows.settings import Settings
from flows.steps.records import utc_now
from flows.steps.translate.texts import Toolkit, Translations, translate_texts
from flows.translation import NO_MODEL_HINT, load_translator, toolkit_for
from warehouse.engine import Warehouse, make_engine, upgrade_to_head
from warehouse.headlines import pending_headline_texts
from warehouse.runs import finish_run
from warehouse.translations import Stored, pending_texts, person_names, store_translations


@dataclass(frozen=True)
class TranslateSummary:
    """What `tintuc translate` did.

    texts_failed counts the texts whose decode raised in this run, texts_given_up those left
    out because they had failed twice before; both stay pending.
    """

    segments_translated: int
    segments_flagged: int
    memory_hits: int
    memory_misses: int
    translation_model: str | None
    texts_failed: int = 0
    texts_given_up: int = 0


@flow(name="tintuc-translate")
def translate_pending(
    settings: Settings, retry_failed: bool = False, headlines_first: bool = False
) -> TranslateSummary:
    """Translate everything in the warehouse that is still pending; record it as a run.

    Texts that failed twice with the installed package are left out unless retry_failed. With
    headlines_first, every pending title, lead and name is translated and stored before any other
    text (warehouse/headlines.py): a run stopped halfway leaves the headlines in English.
    """
    engine = make_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    translator = load_translator(settings)
    if translator is None:
        get_run_logger().info(NO_MODEL_HINT)
        return TranslateSummary(0, 0, 0, 0, None)
    with recorded_run(engine, settings, kind="translate") as run_id:
        toolkit = toolkit_for(translator, settings, person_names(engine), engine, run_id, retry_failed)
        passes = [pending_headline_texts, pending_texts] if headlines_first else [pending_texts]
        done = [translate_and_store(engine, toolkit, texts_of(engine)) for texts_of in passes]
        summary = TranslateSummary(
            sum(stored.segments_translated for stored, _ in done),
            sum(stored.segments_flagged for stored, _ in done),
            sum(result.memory_hits for _, result in done),
            sum(result.memory_misses for _, result in done),
            translator.model_name,
            texts_failed=sum(len(result.failed) for _, result in done),
            texts_given_up=len(done[-1][1].given_up),  # the last pass asks again for every text
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


def translate_and_store(engine: Warehouse, toolkit: Toolkit, texts: list[str]) -> tuple[Stored, Translations]:
    """Translate texts (memory first) and store their English in every field still pending, at once."""
    with translation_progress() as progress:
        result = translate_texts(texts, toolkit, counting(progress, len(texts)))
    return store_translations(engine, result.english, toolkit.translator.model_name, toolkit.assess), result
