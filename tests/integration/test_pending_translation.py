"""Without a model the Vietnamese still loads, pending; installing one later fills it in."""

import pytest

from flows.pipeline import pipeline
from flows.steps.translate.models import install_file
from flows.translate_pending import translate_pending
from tests.integration.warehouse_reads import rows

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_without_a_model_everything_loads_pending_and_nothing_is_faked(warehouse_settings, seed_dir):
    settings = warehouse_settings
    summary = pipeline([seed_dir], settings)
    assert summary.articles_loaded == 1 and summary.translation_model is None
    [article] = rows(settings, "SELECT status, title_en FROM articles")
    assert article == {"status": "pending_translation", "title_en": None}
    assert rows(settings, "SELECT count(*) AS n FROM segments WHERE text_en IS NOT NULL")[0]["n"] == 0
    assert rows(settings, "SELECT count(*) AS n FROM facts WHERE label_en IS NOT NULL")[0]["n"] == 0


def test_translate_fills_in_what_was_pending(warehouse_settings, seed_dir, fixture_package):
    settings = warehouse_settings
    pipeline([seed_dir], settings)
    install_file(fixture_package, settings.argos_dir)
    summary = translate_pending(settings)
    assert summary.segments_translated == 17
    assert summary.translation_model == "translate-vi_en-0_1-fixture@0.1-fixture"
    [article] = rows(settings, "SELECT status, title_en FROM articles")
    assert article["status"] == "translated" and article["title_en"]
    for table, column in (
        ("segments", "text_en"),
        ("facts", "label_en"),
        ("mentions", "CASE WHEN role_vi IS NULL THEN 'x' ELSE role_en END"),
    ):
        assert rows(settings, f"SELECT count(*) AS n FROM {table} WHERE {column} IS NULL")[0]["n"] == 0
    assert translate_pending(settings).segments_translated == 0  # nothing left
