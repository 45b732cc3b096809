"""`tintuc run` (the flow, under Prefect) on feed URLs served by a real site on 127.0.0.1, and on WARC files.

Pages load and are archived; every fault is a reject naming its URL while the rest loads; a second run
fetches nothing it fetched before; the archive re-extracts without fetching.
"""

from __future__ import annotations

import pytest

from flows.pipeline import pipeline
from flows.settings import Settings
from tests.integration.warehouse_reads import rows
from tests.support.news_server import FAULTS, news_site
from tests.support.warc_files import page_record, write_warc

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(scope="module")
def site():
    with news_site() as running:
        yield running


FETCHING = {
    "fetch_delay_s": 0,
    "fetch_retries": 1,
    "fetch_read_timeout_s": 1.0,
    "fetch_connect_timeout_s": 2.0,
    "fetch_max_bytes": 1 << 20,
    "fetch_max_transfer_bytes": 2 << 20,
    "fetch_allowed_addresses": "127.0.0.1/32",
}


@pytest.fixture
def fetching_anywhere(warehouse_settings: Settings) -> Settings:
    """FETCHING settings on a SQLite or a PostgreSQL warehouse."""
    return warehouse_settings.model_copy(update=FETCHING)


@pytest.fixture
def fetching(settings: Settings) -> Settings:
    """Settings that reach the test site by its address (the guard kept for every other) and wait little."""
    return settings.model_copy(update=FETCHING)


def test_a_feed_with_every_fault_loads_its_pages_and_rejects_each_fault_by_url(site, fetching):
    summary = pipeline([], fetching, [f"{site.base}/faults.xml"])
    assert summary.articles_loaded == 4  # three articles, and the page whose charset is declared wrong
    titles = {row["title_vi"] for row in rows(fetching, "SELECT title_vi FROM articles")}
    assert "Hà Nội đón năm mới, bài số 7" in titles  # UTF-8 read as UTF-8 whatever the header said
    rejects = {row["source_path"]: row for row in rows(fetching, "SELECT * FROM rejects")}
    for fault in FAULTS:
        assert f"{site.base}{fault}" in rejects, fault
    assert summary.rejected == len(FAULTS)
    assert "HTTP 404" in rejects[f"{site.base}/status/404"]["failure"]
    assert "gzip bomb" in rejects[f"{site.base}/bomb"]["failure"]
    assert "link-local address: refused" in rejects[f"{site.base}/to-private"]["failure"]
    assert "Content-Type application/pdf" in rejects[f"{site.base}/wrong-type"]["failure"]
    archives = list(fetching.archive_dir.glob("*.warc.gz"))
    assert len(archives) == 1 and archives[0].stat().st_size > 0


def test_a_second_run_fetches_no_page_again_and_asks_the_feed_conditionally(site, fetching_anywhere):
    fetching = fetching_anywhere
    feed = f"{site.base}/feed.xml"
    first = pipeline([], fetching, [feed])
    assert first.articles_loaded == 3
    pages_before, asked_before = len(site.asked("/article/")), len(site.requests)
    second = pipeline([], fetching, [feed])
    assert second.articles_loaded == 0 and second.rejected == 0
    assert len(site.asked("/article/")) == pages_before  # no page fetched again
    conditional = site.headers[asked_before:]
    assert any(headers.get("If-None-Match") == '"feed-v1"' for headers in conditional)


def test_the_archive_re_extracts_into_a_new_warehouse_without_fetching(site, fetching, tmp_path):
    pipeline([], fetching, [f"{site.base}/atom.xml"])
    asked = len(site.requests)
    elsewhere = fetching.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'again.sqlite'}"})
    again = pipeline([fetching.archive_dir], elsewhere)
    assert again.articles_loaded == 3
    assert len(site.requests) == asked


def test_a_feed_of_a_thousand_items_fetches_the_newest_up_to_the_limit(site, fetching):
    limited = fetching.model_copy(update={"feed_max_items": 5})
    before = len(site.asked("/article/"))
    summary = pipeline([], limited, [f"{site.base}/feed-1000.xml"])
    assert summary.articles_loaded == 5
    assert len(site.asked("/article/")) - before == 5


def test_the_private_address_guard_holds_for_a_feed_url(site, fetching):
    guarded = fetching.model_copy(update={"fetch_allowed_addresses": ""})
    asked = len(site.requests)
    summary = pipeline([], guarded, [f"{site.base}/feed.xml", f"{site.base}/malformed.xml"])
    assert summary.articles_loaded == 0 and summary.rejected == 2
    failures = [row["failure"] for row in rows(guarded, "SELECT failure FROM rejects")]
    assert all("loopback address: refused" in failure for failure in failures)
    assert len(site.requests) == asked


def test_a_malformed_feed_is_a_reject_saying_so(site, fetching):
    summary = pipeline([], fetching, [f"{site.base}/malformed.xml", f"{site.base}/sitemap.xml"])
    assert summary.articles_loaded == 3  # the sitemap's pages
    [reject] = rows(fetching, "SELECT * FROM rejects")
    assert reject["source_path"] == f"{site.base}/malformed.xml" and "malformed feed" in reject["failure"]


def test_a_warc_loads_its_pages_and_a_cut_off_record_is_a_reject_naming_its_offset(fetching, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    records = [
        ("request", "https://bao.example/tin-1.html", 0, "", b"GET /tin-1.html HTTP/1.1\r\n\r\n"),
        page_record(1),
        page_record(2, status=404),
        page_record(3, content_type="application/pdf"),
        page_record(4),
        page_record(5),
    ]
    offsets = write_warc(warc, records)
    warc.write_bytes(warc.read_bytes()[:-50])  # the last record is cut off
    summary = pipeline([warc], fetching)
    assert summary.articles_loaded == 2
    [reject] = rows(fetching, "SELECT * FROM rejects")
    assert reject["source_path"] == f"{warc}#{offsets[5]}"
    assert "cut off or damaged" in reject["failure"]
    urls = {row["url"] for row in rows(fetching, "SELECT url FROM articles")}
    assert urls == {"https://bao.example/tin-1.html", "https://bao.example/tin-4.html"}


def test_the_first_window_is_planned_before_the_feed_is_fetched_and_windows_travel_as_offsets(site, fetching):
    import pickle

    from flows.steps.fetch.crawl import run_sources
    from flows.steps.window import WindowLimits, plan_windows
    from flows.window_work import for_workers, process_window
    from warehouse.engine import make_engine, upgrade_to_head

    settings = fetching.model_copy(update={"feed_max_items": 40})
    engine = make_engine(settings.resolved_database_url)
    upgrade_to_head(engine)
    asked = len(site.requests)
    windows = plan_windows(
        run_sources([], [f"{site.base}/feed-1000.xml"], settings, engine), WindowLimits(8, 1 << 22)
    )
    first = next(windows)
    assert len(site.requests) - asked <= 4  # robots.txt, the feed, the first page or two: not 40 pages
    assert len(pickle.dumps(first)) < 1000  # names and offsets, not bytes: what a Dask worker is sent
    done = process_window(1, first, for_workers(settings), "run-on-a-worker")
    assert done.counts.articles_loaded == len(first)
    engine.dispose()
