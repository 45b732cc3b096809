"""Canonical URLs, the command line's mix of paths and URLs, feeds and sitemaps, the address guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.steps.fetch.feeds import BadFeed, feed_links, kind_of, sitemap_links
from flows.steps.fetch.guard import AddressRefused, checked_address, networks
from flows.steps.fetch.response import retry_after, user_agent
from flows.steps.fetch.urls import canonical_url, read_url_file, split_targets


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://VnExpress.net/tin-1.html#binh-luan", "https://vnexpress.net/tin-1.html"),
        ("https://vnexpress.net:443/a?utm_source=fb&id=3&utm_medium=x", "https://vnexpress.net/a?id=3"),
        ("http://bao.example:8080", "http://bao.example:8080/"),
        ("https://bao.example/a?b=2&a=1", "https://bao.example/a?b=2&a=1"),  # order kept: it can matter
    ],
)
def test_a_url_is_compared_without_fragment_tracking_parameters_or_default_port(url, canonical):
    assert canonical_url(url) == canonical


@given(st.sampled_from(["utm_source", "utm_campaign", "UTM_Term"]), st.text(alphabet="abc123", max_size=8))
def test_canonical_form_is_stable_and_tracking_free(key, value):
    url = canonical_url(f"https://bao.example/tin.html?{key}={value}&id=7#x")
    assert canonical_url(url) == url == "https://bao.example/tin.html?id=7"


def test_the_command_line_splits_into_paths_and_urls_and_a_url_file_skips_comments(tmp_path):
    paths, urls = split_targets(["seeds", "https://bao.example/rss", "crawl.warc.gz", "http://x.example/a"])
    assert paths == [Path("seeds"), Path("crawl.warc.gz")]
    assert urls == ["https://bao.example/rss", "http://x.example/a"]
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(
        "# Tin mới\nhttps://a.example/rss  # thời sự\n\n  https://b.example/feed\n", encoding="utf-8"
    )
    assert read_url_file(feeds) == ["https://a.example/rss", "https://b.example/feed"]


@pytest.mark.parametrize(
    ("media", "body", "kind"),
    [
        ("text/html", b"<html>", "page"),
        ("application/rss+xml", b"<rss>", "feed"),
        ("text/xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("application/xml", b"<urlset>", "sitemap"),
        ("", b"<!DOCTYPE html><html><head>", "page"),
        ("", b"\x89PNG\r\n", None),
        ("application/pdf", b"%PDF-1.4", None),
        ("image/jpeg", b"<html>", None),
    ],
)
def test_a_response_is_a_page_feed_or_sitemap_by_its_type_or_sniffed_when_it_has_none(media, body, kind):
    assert kind_of(media, body) == kind


def test_feed_items_come_newest_first_and_a_broken_feed_says_why():
    feed = (
        b"<rss version='2.0'><channel><item><link>https://a.example/old</link>"
        b"<pubDate>Mon, 01 Dec 2025 08:00:00 GMT</pubDate></item><item><link>https://a.example/new</link>"
        b"<pubDate>Tue, 02 Dec 2025 08:00:00 GMT</pubDate></item></channel></rss>"
    )
    assert feed_links(feed).urls == ["https://a.example/new", "https://a.example/old"]
    with pytest.raises(BadFeed, match="malformed feed"):
        feed_links(b"<rss><channel><item><title>cut")


def test_a_sitemap_lists_pages_newest_first_and_an_index_lists_sitemaps():
    pages = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/1</loc>'
        b"<lastmod>2025-01-01</lastmod></url><url><loc>https://a.example/2</loc><lastmod>2025-02-01</lastmod>"
        b"</url></urlset>"
    )
    assert sitemap_links(pages).urls == ["https://a.example/2", "https://a.example/1"]
    index = b"<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>"
    assert sitemap_links(index).kind == "sitemap index"
    with pytest.raises(BadFeed):
        sitemap_links(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset>&e;</urlset>')


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("fe80::1", "link-local"),
    ],
)
def test_a_name_resolving_to_a_non_public_address_is_refused_unless_allowed(address, kind):
    def resolver(host, port):
        return ["93.184.215.14", address]  # one public address does not let a private one through

    with pytest.raises(AddressRefused, match=f"a {kind} address: refused"):
        checked_address("news.example", 80, False, [], resolver)
    assert checked_address("news.example", 80, True, [], resolver) == "93.184.215.14"
    assert checked_address("news.example", 80, False, networks([address]), resolver) == "93.184.215.14"


def test_retry_after_reads_seconds_and_dates_and_the_user_agent_says_how_to_reach_its_user():
    assert retry_after("7") == 7.0
    assert retry_after("Mon, 01 Jan 2001 00:00:00 GMT") == 0.0
    assert retry_after("soon") is None
    assert "TINTUC_FETCH_CONTACT" in user_agent("")
    assert "+ops@example.org" in user_agent("ops@example.org")
