"""Across runs: the memory saves re-translation, flags are stored and counted, runs say so."""

import shutil

import pytest

from flows.pipeline import pipeline
from flows.translate_pending import translate_pending
from tests.conftest import SEED
from tests.integration.warehouse_reads import rows

pytestmark = pytest.mark.usefixtures("prefect_harness")
CHANGED_SENTENCE = (
    "Sáng 13/7, Thành uỷ Hà Nội tổ chức Hội nghị",
    "Sáng 13/7, Thành uỷ Hà Nội long trọng tổ chức Hội nghị",
)


def test_a_changed_article_is_translated_again_only_where_it_changed(installed_warehouse_settings, tmp_path):
    first_dir, second_dir = tmp_path / "day1", tmp_path / "day2"
    first_dir.mkdir()
    second_dir.mkdir()
    shutil.copy(SEED, first_dir / SEED.name)
    text = SEED.read_text(encoding="utf-8")
    assert CHANGED_SENTENCE[0] in text
    (second_dir / SEED.name).write_text(text.replace(*CHANGED_SENTENCE), encoding="utf-8")

    cold = pipeline([first_dir], installed_warehouse_settings)
    assert cold.memory_hits == 0 and cold.memory_misses > 20
    warm = pipeline([second_dir], installed_warehouse_settings)
    assert warm.articles_loaded == 1
    assert warm.memory_misses == 1  # the one edited sentence
    assert warm.memory_hits == cold.memory_misses - 1
    [pending] = rows(installed_warehouse_settings, "SELECT count(*) AS n FROM segments WHERE text_en IS NULL")
    assert pending["n"] == 0
    runs = rows(
        installed_warehouse_settings, "SELECT memory_hits, memory_misses FROM runs ORDER BY started_at"
    )
    assert [(r["memory_hits"], r["memory_misses"]) for r in runs] == [
        (0, cold.memory_misses),
        (warm.memory_hits, 1),
    ]


def test_every_translated_segment_carries_its_quality_flags_and_runs_count_them(
    installed_warehouse_settings, seed_dir
):
    summary = pipeline([seed_dir], installed_warehouse_settings)
    segments = rows(installed_warehouse_settings, "SELECT text_en, quality_flags FROM segments")
    assert all(s["quality_flags"] is not None for s in segments)
    # The fixture model's gibberish keeps Vietnamese letters: a flag a reader should see.
    flagged = [s for s in segments if s["quality_flags"]]
    assert flagged and all("vietnamese_left" in s["quality_flags"] for s in flagged)
    assert summary.segments_flagged == len(flagged)
    [run] = rows(installed_warehouse_settings, "SELECT segments_flagged FROM runs")
    assert run["segments_flagged"] == len(flagged)
    [view] = rows(
        installed_warehouse_settings, "SELECT count(*) AS n FROM segments_bilingual WHERE quality_flags <> ''"
    )
    assert view["n"] == len(flagged)


def test_translating_later_uses_the_memory_of_earlier_runs(
    warehouse_settings, seed_dir, fixture_package, tmp_path
):
    settings = warehouse_settings
    from flows.steps.translate.models import install_file

    pipeline([seed_dir], settings)  # no model yet: pending
    install_file(fixture_package, settings.argos_dir)
    first = translate_pending(settings)
    assert first.memory_hits == 0 and first.memory_misses > 0
    other = tmp_path / "copy"
    other.mkdir()
    (other / "again.txt").write_text(
        SEED.read_text(encoding="utf-8").replace(*CHANGED_SENTENCE), encoding="utf-8"
    )
    second = pipeline([other], settings)
    assert second.memory_misses == 1
    kinds = rows(settings, "SELECT kind, memory_misses FROM runs ORDER BY started_at")
    assert [(r["kind"], r["memory_misses"]) for r in kinds] == [
        ("pipeline", 0),  # no model yet: nothing looked up
        ("translate", first.memory_misses),
        ("pipeline", 1),
    ]
