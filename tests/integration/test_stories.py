"""Runs that load copies and stories, on SQLite and PostgreSQL: what a user reads in article_stories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.pipeline import pipeline
from flows.settings import Settings
from tests.conftest import SEED
from tests.integration.warehouse_reads import rows
from tests.support.story_articles import (
    ADDED_SENTENCE,
    COPY_URL,
    DURIAN,
    FIREFIGHT,
    FIREFIGHT_AGAIN,
    TRADERS,
    write_report,
    write_reports,
    write_seed_copy,
    write_seed_record,
)

pytestmark = pytest.mark.usefixtures("prefect_harness")
PLACES = """
    SELECT a.source_path, a.outlet, a.url, a.published_on, v.story_id, v.duplicate_of
    FROM article_stories v JOIN articles a USING (article_id)
"""


def places(settings: Settings) -> dict[str, dict]:
    """Return each loaded article's place, by its file's name."""
    return {Path(row["source_path"]).name: row for row in rows(settings, PLACES)}


def id_of(settings: Settings, name: str) -> str:
    """Return the id of the article loaded from the file of that name."""
    [found] = [
        row
        for row in rows(settings, "SELECT article_id, source_path FROM articles")
        if Path(row["source_path"]).name == name
    ]
    return str(found["article_id"])


def test_a_near_copy_from_another_outlet_is_loaded_linked_to_the_first_and_not_translated_again(
    installed_warehouse_settings, tmp_path
):
    settings = installed_warehouse_settings
    (tmp_path / "day1").mkdir()
    shutil.copy(SEED, tmp_path / "day1" / SEED.name)
    write_seed_copy(tmp_path / "day2")

    first = pipeline([tmp_path / "day1"], settings)
    second = pipeline([tmp_path / "day2"], settings)

    assert second.articles_loaded == 1  # loaded: its outlet, URL and date are its own
    placed = places(settings)
    copy, original = placed["copy.json"], placed[SEED.name]
    assert copy["duplicate_of"] == id_of(settings, SEED.name)
    assert original["duplicate_of"] is None
    assert copy["story_id"] == original["story_id"] is not None
    assert copy["url"] == COPY_URL and copy["outlet"] != original["outlet"]
    assert str(copy["published_on"]) == "2022-07-14" != str(original["published_on"])
    # Its English came from the first copy's sentences through the memory: only the new sentence was decoded.
    assert first.memory_misses > 20
    assert second.memory_misses == 1
    [added] = rows(settings, f"SELECT text_en FROM segments WHERE text_vi = '{ADDED_SENTENCE}'")
    assert added["text_en"]
    [jaccard] = rows(settings, "SELECT jaccard FROM story_articles WHERE duplicate_of IS NOT NULL")
    assert 0.8 <= jaccard["jaccard"] < 1


def test_reports_of_one_event_share_a_story_a_later_one_merges_two_and_an_unrelated_one_stays_apart(
    warehouse_settings, tmp_path
):
    folder = tmp_path / "in"
    # In name order, as a run reads them: the traders' losses start apart from the firefight, the
    # report of both merges the two, a second firefight report joins, the durian prices never do.
    write_reports(folder)
    pipeline([folder], warehouse_settings)

    story = {name: row["story_id"] for name, row in places(warehouse_settings).items()}
    assert story["1-fire.txt"] == story["2-traders.txt"] == story["4-both.txt"] == story["5-fire-again.txt"]
    assert story["3-durian.txt"] != story["1-fire.txt"]
    # The traders' story began on its own and was merged: its old id leads to the merged story.
    merged = rows(
        warehouse_settings, "SELECT story_id, merged_into FROM stories WHERE merged_into IS NOT NULL"
    )
    assert [row["merged_into"] for row in merged] == [story["1-fire.txt"]]
    assert rows(
        warehouse_settings, "SELECT count(*) AS n FROM article_stories WHERE duplicate_of IS NOT NULL"
    ) == [{"n": 0}]


def test_stories_build_up_across_runs_one_article_at_a_time(warehouse_settings, tmp_path):
    write_report(tmp_path / "a", "fire", FIREFIGHT)
    write_report(tmp_path / "b", "durian", DURIAN)
    write_report(tmp_path / "c", "fire-again", FIREFIGHT_AGAIN)
    for day in "abc":
        pipeline([tmp_path / day], warehouse_settings)
    story = {name: row["story_id"] for name, row in places(warehouse_settings).items()}
    assert story["fire.txt"] == story["fire-again.txt"] != story["durian.txt"]


def test_an_original_loaded_again_stays_the_original_of_its_copy(warehouse_settings, tmp_path):
    url, published = "https://tienphong.example.vn/a.html", "2022-07-13 08:00:00"
    # In name order: the original loads first, so it is the first copy.
    write_seed_record(tmp_path / "day1", "a-original.json", url, "tienphong.vn", published)
    write_seed_copy(tmp_path / "day1", "b-copy.json")
    pipeline([tmp_path / "day1"], warehouse_settings)
    # The outlet corrects its article: other bytes, the same URL, so the same article, loaded again.
    corrected = "Bài được cập nhật."
    write_seed_record(tmp_path / "day2", "a-original.json", url, "tienphong.vn", published, corrected)
    pipeline([tmp_path / "day2"], warehouse_settings)

    placed = places(warehouse_settings)
    assert set(placed) == {"a-original.json", "b-copy.json"}
    assert placed["a-original.json"]["duplicate_of"] is None
    assert placed["b-copy.json"]["duplicate_of"] == id_of(warehouse_settings, "a-original.json")
    assert placed["b-copy.json"]["story_id"] == placed["a-original.json"]["story_id"]


def test_with_stories_off_articles_load_outside_every_story(warehouse_settings, tmp_path):
    settings = warehouse_settings.model_copy(update={"stories": False})
    write_report(tmp_path / "in", "fire", FIREFIGHT)
    write_seed_copy(tmp_path / "in")
    assert pipeline([tmp_path / "in"], settings).articles_loaded == 2
    assert [row["story_id"] for row in rows(settings, "SELECT story_id FROM article_stories")] == [None, None]


def test_the_digest_reads_a_days_stories_most_covered_first(warehouse_settings, tmp_path):
    from datetime import date

    from flows.reader.digest import on, read_digest
    from warehouse.engine import make_read_only_engine

    for name, report in [("1-fire", FIREFIGHT), ("2-durian", DURIAN), ("3-fire-again", FIREFIGHT_AGAIN)]:
        write_report(tmp_path / "in", name, report)
    write_report(tmp_path / "in", "4-next-day", TRADERS, day=19)
    pipeline([tmp_path / "in"], warehouse_settings)
    engine = make_read_only_engine(warehouse_settings.resolved_database_url)
    try:
        digest = read_digest(engine, *on(date(2024, 2, 18)))
    finally:
        engine.dispose()
    assert [story.coverage for story in digest.stories] == [2, 1]
    fire = digest.stories[0]
    assert fire.headline.vi == FIREFIGHT[0] and fire.headline.en is None
    assert (fire.first_seen, fire.last_seen) == (date(2024, 2, 18), date(2024, 2, 18))
    assert fire.outlets == ["Báo Thử"] and len(fire.articles) == 2
    assert fire.lead is not None and fire.lead.vi.startswith("Rạng sáng nay")


def test_articles_loaded_with_stories_off_are_placed_by_a_rebuild_as_a_run_would_place_them(
    warehouse_settings, tmp_path
):
    from warehouse.engine import make_engine
    from warehouse.story_rebuild import rebuild_stories

    off = warehouse_settings.model_copy(update={"stories": False})
    for name, report in [("1-fire", FIREFIGHT), ("2-durian", DURIAN), ("3-fire-again", FIREFIGHT_AGAIN)]:
        write_report(tmp_path / "in", name, report)
    shutil.copy(SEED, tmp_path / "in" / "0-seed.txt")
    write_seed_copy(tmp_path / "in", "4-copy.json")
    pipeline([tmp_path / "in"], off)
    engine = make_engine(off.resolved_database_url)
    try:
        assert rebuild_stories(engine, everything=False) == 5
        first = places(off)
        assert rebuild_stories(engine, everything=False) == 0  # nothing left to place
        assert rebuild_stories(engine, everything=True) == 5
    finally:
        engine.dispose()
    assert places(off) == first  # placed again from scratch, in loading order: the same stories
    assert first["4-copy.json"]["duplicate_of"] == id_of(off, "0-seed.txt")
    assert (
        first["1-fire.txt"]["story_id"]
        == first["3-fire-again.txt"]["story_id"]
        != first["2-durian.txt"]["story_id"]
    )


def test_the_rebuild_command_places_what_a_run_left_unplaced(settings, tmp_path):
    from tests.integration.tintuc_process import run_tintuc

    write_report(tmp_path / "in", "fire", FIREFIGHT)
    pipeline([tmp_path / "in"], settings.model_copy(update={"stories": False}))
    done = run_tintuc(["stories", "rebuild"], settings.data_dir)
    assert done.returncode == 0, done.stderr
    assert "1 article placed in stories" in done.stdout
    assert rows(settings, "SELECT count(story_id) AS n FROM article_stories") == [{"n": 1}]


def test_a_report_syndicated_many_times_links_every_copy_and_keeps_each_bucket_short(
    warehouse_settings, tmp_path
):
    from warehouse.copies import CROWDED

    for number in range(CROWDED + 6):
        domain = f"bao{number}.example.vn"
        added = None if number == 0 else f"Bài đăng lại trên báo số {number}."
        write_seed_record(
            tmp_path / "in", f"{number:02d}.json", f"https://{domain}/a.html", domain, "2022-07-13", added
        )
    pipeline([tmp_path / "in"], warehouse_settings)

    placed = places(warehouse_settings)
    first = id_of(warehouse_settings, "00.json")
    assert placed.pop("00.json")["duplicate_of"] is None
    assert {row["duplicate_of"] for row in placed.values()} == {first}
    [longest] = rows(
        warehouse_settings,
        "SELECT max(n) AS n FROM (SELECT count(*) AS n FROM copy_bands GROUP BY band, bucket) AS counts",
    )
    assert longest["n"] <= CROWDED
