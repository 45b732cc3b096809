"""One rule fills in the English, whether a run translates in memory or `tintuc translate` in SQL."""

from __future__ import annotations

from sqlalchemy import text

from flows.steps.translate.bilingual import apply_translations
from tests.unit.warehouse.test_load import frames_for, load


def title_only(frames) -> dict[str, str]:
    """Return English for the article's title segments and nothing else."""
    segments = frames.segments
    return {vi: f"EN {vi}" for vi in segments[segments["kind"] == "title"]["text_vi"]}


def test_a_translated_title_over_a_pending_body_gets_its_english_title_either_way(engine, seed_text):
    from warehouse.translations import store_translations

    frames = frames_for(seed_text)
    english = title_only(frames)
    in_memory = apply_translations(frames, english, "m@1", lambda _vi, _en: "").articles.iloc[0]

    load(engine, frames)
    store_translations(engine, english, "m@1", lambda _vi, _en: "")
    with engine.connect() as connection:
        in_sql = connection.execute(text("SELECT title_en, status FROM articles")).one()

    assert in_memory["title_en"] == in_sql.title_en == " ".join(english.values())
    assert in_memory["status"] == in_sql.status == "pending_translation"
