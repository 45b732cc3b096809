"""The flow behind `tintuc translate`: fill in the English of everything still pending."""

from __future__ import annotations

from prefect import flow, get_run_logger

from flows.progress import counting, translation_progress
from flows.settings import Settings
from flows.translation import NO_MODEL_HINT, load_translator
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.translations import pending_texts, store_translations


@flow(name="tintuc-translate")
def translate_pending(settings: Settings) -> tuple[int, str | None]:
    """Translate everything in the warehouse that is still pending; return segments done."""
    engine = make_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    translator = load_translator(settings)
    if translator is None:
        get_run_logger().info(NO_MODEL_HINT)
        return 0, None
    texts = pending_texts(engine)
    with translation_progress() as progress:
        english = translator.english_for(texts, counting(progress, len(texts)))
    done = store_translations(engine, english, translator.model_name)
    return done, translator.model_name
