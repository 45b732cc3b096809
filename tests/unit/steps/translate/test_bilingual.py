"""A window's English goes into its articles' frames: what was missing is filled, what was there stays."""

from flows.steps.translate.bilingual import apply_translations
from schemas.english import TRANSLATED, TRANSLATED_FIELDS
from tests.unit.warehouse.test_load import frames_for


def test_english_fills_what_is_missing_and_never_replaces_english_already_there(seed_text):
    frames = frames_for(seed_text)
    vietnamese = {
        text for table, source, _ in TRANSLATED_FIELDS for text in getattr(frames, table)[source].dropna()
    }
    english = {text: f"EN {text}" for text in vietnamese}
    entities = frames.entities
    known = entities[entities["name_en"].notna()]  # names tintuc knows the English of, from its lexicons
    assert 0 < len(known) < len(entities)

    filled = apply_translations(frames, english, "fixture", lambda vi, en: "")

    by_id = filled.entities.set_index("entity_id")["name_en"]
    for row in known.itertuples():
        assert by_id[row.entity_id] == row.name_en
    for row in entities[entities["name_en"].isna()].itertuples():
        assert by_id[row.entity_id] == f"EN {row.name_vi}"
    assert list(filled.segments["text_en"]) == [f"EN {text}" for text in frames.segments["text_vi"]]
    assert filled.articles["status"].iloc[0] == TRANSLATED


def test_a_text_without_english_stays_pending_and_so_does_its_article(seed_text):
    frames = frames_for(seed_text)
    _untranslated, *rest = frames.segments["text_vi"]
    filled = apply_translations(frames, {text: f"EN {text}" for text in rest}, "fixture", lambda vi, en: "")
    pending = [True] + [False] * len(rest)
    assert filled.segments["text_en"].isna().tolist() == pending
    assert filled.segments["translation_model"].isna().tolist() == pending
    assert filled.articles["status"].iloc[0] != TRANSLATED
