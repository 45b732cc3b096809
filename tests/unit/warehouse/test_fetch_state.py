"""What the fetcher fetched survives runs, on SQLite and on PostgreSQL: upserted by canonical URL."""

from __future__ import annotations

from datetime import datetime

from warehouse.engine import make_engine, upgrade_to_head
from warehouse.fetch_state import Fetched, fetched_before, record_fetched


def test_a_fetched_url_is_found_again_and_a_later_fetch_replaces_its_validators(warehouse_url):
    engine = make_engine(warehouse_url)
    try:
        upgrade_to_head(engine)
        feed = "https://bao.example/rss/tin-moi.rss"
        record_fetched(engine, Fetched(feed, "feed", 200, datetime(2025, 12, 1, 8), etag='"v1"'))
        record_fetched(
            engine,
            Fetched(
                "https://bao.example/a.html",
                "page",
                200,
                datetime(2025, 12, 1, 8),
                None,
                None,
                "x.warc.gz",
                3120,
            ),
        )
        record_fetched(
            engine, Fetched(feed, "feed", 200, datetime(2025, 12, 2, 8), etag='"v2"', last_modified="Tue")
        )
        found = fetched_before(engine, [feed, "https://bao.example/a.html", "https://bao.example/never.html"])
        assert set(found) == {feed, "https://bao.example/a.html"}
        assert (found[feed].etag, found[feed].last_modified) == ('"v2"', "Tue")
        assert (
            found["https://bao.example/a.html"].warc_path,
            found["https://bao.example/a.html"].warc_offset,
        ) == (
            "x.warc.gz",
            3120,
        )
    finally:
        engine.dispose()
