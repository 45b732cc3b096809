"""Tell a page from a feed or a sitemap, and list a feed's or a sitemap's links, newest first.

Feeds (RSS 0.9x–2.0, Atom) through feedparser, which reads the broken feeds real sites serve;
sitemaps (`urlset`, `sitemapindex`) through lxml with entities and network access off.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from lxml import etree

from flows.steps.ingest.html_page import looks_like_html

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"text/xml", "application/xml"})
SNIFFED_TYPES = frozenset({"", "text/plain", "application/octet-stream"})


class BadFeed(ValueError):
    """A feed or sitemap that gives no links; the message says why."""


@dataclass(frozen=True)
class Links:
    """The links of a feed or sitemap, newest first, and whether they are sitemaps themselves."""

    urls: list[str]
    kind: str  # "feed", "sitemap" or "sitemap index"


def kind_of(media_type: str, body: bytes) -> str | None:
    """Return "page", "feed" or "sitemap" for a response, or None when it is none of them.

    The Content-Type decides; a missing or generic one (text/plain, octet-stream) is sniffed.
    """
    opening = body[:2048].lstrip().lower()
    xml = _xml_kind(opening)
    if media_type in HTML_TYPES:
        return "page"
    if media_type in FEED_TYPES:
        return "feed"
    if media_type in XML_TYPES or media_type.endswith("+xml"):
        return xml
    if media_type in SNIFFED_TYPES:
        return xml or ("page" if looks_like_html(opening.decode("utf-8", "replace")) else None)
    return None


def _xml_kind(opening: bytes) -> str | None:
    """Return "feed" or "sitemap" by the root element an XML document opens with, or None."""
    if b"<rss" in opening or b"<feed" in opening or b"<rdf:rdf" in opening:
        return "feed"
    if b"<urlset" in opening or b"<sitemapindex" in opening:
        return "sitemap"
    return None


def feed_links(body: bytes) -> Links:
    """Return a feed's item links, newest first (as given when items carry no date)."""
    import feedparser

    parsed = feedparser.parse(body)
    entries = [entry for entry in parsed.entries if entry.get("link")]
    if not entries:
        why = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        raise BadFeed(f"a malformed feed, or one with no item links{why}")
    dated = sorted(
        enumerate(entries),
        key=lambda item: (-_timestamp(item[1]), item[0]),
    )
    return Links(list(dict.fromkeys(str(entry["link"]).strip() for _, entry in dated)), "feed")


def _timestamp(entry: dict[str, object]) -> float:
    """Return an item's publication time as seconds (0 when it has none)."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return float(calendar.timegm(stamp)) if stamp else 0.0  # type: ignore[arg-type]


def sitemap_links(body: bytes) -> Links:
    """Return a sitemap's page links (newest `lastmod` first) or a sitemap index's sitemaps."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise BadFeed(f"a malformed sitemap ({error})") from error
    if root is None:
        raise BadFeed("an empty sitemap")
    index = etree.QName(root).localname == "sitemapindex"
    entries = []
    for number, entry in enumerate(root):
        loc = entry.find("{*}loc")
        if loc is not None and loc.text and loc.text.strip():
            lastmod = entry.find("{*}lastmod")
            entries.append(((lastmod.text or "") if lastmod is not None else "", -number, loc.text.strip()))
    if not entries:
        raise BadFeed("a sitemap with no <loc> links")
    entries.sort(reverse=True)
    return Links(list(dict.fromkeys(url for _, _, url in entries)), "sitemap index" if index else "sitemap")
