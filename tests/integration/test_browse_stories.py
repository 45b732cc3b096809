"""The reader's stories, in a real browser: listed on the home page, each with a page of its articles.

A warehouse of made-up reports (tests/support/story_articles.py: a fire told four times and a
durian report) and the seed with a near-copy from another outlet, loaded by the pipeline;
`tintuc browse` serves it as a real process, Debian's chromium reads it (tests/integration/test_browse.py
says how, and lends its browser and page fixtures). Screenshots go to tests/screenshots/reader/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.pipeline import pipeline
from flows.settings import Settings
from tests.conftest import SEED
from tests.integration import test_browse as reader_tests
from tests.integration.test_browse import Reader, assert_quiet, get, screenshot, start_browse
from tests.integration.tintuc_process import kill_group, query
from tests.support.story_articles import FIREFIGHT, write_reports, write_seed_copy

pytestmark = pytest.mark.usefixtures("prefect_harness")
# The reader tests' own page: it records dialogs, errors and outside requests (the browser is conftest's).
page = reader_tests.page


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    """Load the reports and the seed with its copy, and serve them with `tintuc browse`."""
    root = tmp_path_factory.mktemp("stories-reader")
    inputs = root / "in"
    write_reports(inputs)
    shutil.copy(SEED, inputs / "0-seed.txt")
    write_seed_copy(inputs, "6-seed-copy.json")
    settings = Settings(data_dir=root / "data", intra_threads=1)
    assert pipeline([inputs], settings).articles_loaded == 7
    process, address = start_browse(settings.data_dir, settings.data_dir / "browse.stderr")
    try:
        yield Reader(
            settings, Path(settings.resolved_database_url.removeprefix("sqlite:///")), address, process
        )
    finally:
        kill_group(process)


def story_of(reader: Reader, file_name: str) -> str:
    """Return the story of the article loaded from that file."""
    [(story,)] = query(
        reader.database,
        "SELECT v.story_id FROM article_stories v JOIN articles a USING (article_id) "
        f"WHERE a.source_path LIKE '%{file_name}'",
    )
    return str(story)


def test_the_home_page_lists_stories_with_their_articles_and_links_each(page, reader):
    opened, log = page
    opened.goto(reader.address)
    screenshot(opened, "home-stories.png")
    rows = opened.locator("section.stories table.stories tr:has(a.story-link)")
    assert rows.count() == 3  # the fire (four reports), the durian prices, the seed and its copy
    fire = opened.locator("section.stories tr", has_text=FIREFIGHT[0])
    assert fire.locator("td").nth(2).inner_text().strip() == "4"
    seed = opened.locator(
        "section.stories tr", has=opened.locator("a.story-link", has_text="Hà Nội thí điểm")
    )
    assert "(1 near-copy)" in seed.inner_text()
    fire.locator("a.story-link").click()
    opened.wait_for_url(f"{reader.address}story/{story_of(reader, '1-fire.txt')}")
    assert_quiet(log)


def test_a_story_page_sets_its_articles_side_by_side_in_time(page, reader):
    opened, log = page
    opened.goto(f"{reader.address}story/{story_of(reader, '1-fire.txt')}")
    screenshot(opened, "story.png")
    assert FIREFIGHT[0] in opened.inner_text("h1")
    columns = opened.locator("ol.story-timeline > li.story-article")
    assert columns.count() == 4
    days = columns.evaluate_all("cards => cards.map(card => card.dataset.seen)")
    assert days == sorted(days)
    boxes = [columns.nth(index).bounding_box() for index in range(2)]
    assert boxes[1]["x"] > boxes[0]["x"] and abs(boxes[1]["y"] - boxes[0]["y"]) < 1  # side by side
    assert opened.locator("li.story-article .pending").count() == 4  # no model: English pending
    columns.nth(0).locator("a.article-link").click()
    opened.wait_for_url(f"{reader.address}article/*")
    assert_quiet(log)


def test_a_near_copy_is_folded_under_its_original(page, reader):
    opened, log = page
    opened.goto(f"{reader.address}story/{story_of(reader, '0-seed.txt')}")
    screenshot(opened, "story-with-copy.png")
    columns = opened.locator("ol.story-timeline > li.story-article")
    assert columns.count() == 1  # the copy is no column of its own
    copies = columns.nth(0).locator("details.copies")
    assert copies.locator("summary").inner_text() == "1 near-copy"
    assert not copies.locator("li.copy").is_visible()
    copies.locator("summary").click()
    assert copies.locator("li.copy").is_visible()
    assert "dang-lai.example.vn" in copies.locator("li.copy").inner_text()
    assert_quiet(log)


def test_a_merged_story_leads_to_the_story_it_was_merged_into_and_an_unknown_one_is_not_found(reader):
    [(merged, into)] = query(
        reader.database, "SELECT story_id, merged_into FROM stories WHERE merged_into IS NOT NULL"
    )
    status, body = get(f"{reader.address}story/{merged}")
    assert status == 200 and FIREFIGHT[0] in body and into == story_of(reader, "2-traders.txt")
    assert get(f"{reader.address}story/nope")[0] == 404
