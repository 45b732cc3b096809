"""Fetch the URLs of a run, page by page, and hand each archived page to the run as it comes.

A URL on the command line is a page, a feed (RSS, Atom) or a sitemap; which one, its response says
(flows/steps/fetch/feeds.py). A feed's or sitemap's items are fetched newest first, at most
TINTUC_FEED_MAX_ITEMS of them. Every response is archived before it is read (archive.py); a page
is handed on as its WARC record (flows/steps/ingest/warc.py), so the run extracts it exactly as
`tintuc run data/archive/` would, and windows start while later pages are still being fetched.

Once fetched, a page is not fetched again (compared in canonical form, flows/steps/fetch/urls.py)
unless the run asks (`--refetch`): its archived record is handed on instead, which the run skips
when it loaded it before. A feed is asked again every run, conditionally (If-None-Match,
If-Modified-Since): a 304 means nothing new. No failure stops the run: each is a `FetchProblem`,
which the run stores as a reject naming the URL, the status or error, and what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from flows.settings import Settings
from flows.steps.fetch.archive import ArchiveWriter
from flows.steps.fetch.client import PoliteClient
from flows.steps.fetch.feeds import BadFeed, feed_links, kind_of, sitemap_links
from flows.steps.fetch.response import FetchFailed, Response
from flows.steps.fetch.urls import SCHEMES, canonical_url
from flows.steps.ingest.sources import FetchProblem, Source, iter_sources
from flows.steps.ingest.warc import WarcRecordRef
from warehouse.fetch_state import Fetched, fetched_before, record_fetched

logger = logging.getLogger(__name__)

_WHAT_TO_DO = {
    404: "the page is gone: take it out of your list",
    410: "the page was removed for good: take it out of your list",
    401: "the site asks for a login: tintuc fetches public pages only",
    403: "the site refuses tintuc: check its terms, or leave it out",
    429: "the site limits how often it is asked: the next run tries again; raise TINTUC_FETCH_DELAY_S",
    503: "the site is busy or down: the next run tries again",
}


@dataclass
class FetchCounts:
    """What the fetcher did in one run, for the log and the CLI."""

    fetched: int = 0
    not_modified: int = 0
    already: int = 0
    problems: int = 0
    left_for_later: int = 0


class Crawl:
    """One run's fetching: the client, the archive, and the record of what was fetched."""

    def __init__(self, settings: Settings, engine: Engine, client: PoliteClient, refetch: bool) -> None:
        self.settings, self.engine, self.client, self.refetch = settings, engine, client, refetch
        self.seen: set[str] = set()
        self.counts = FetchCounts()

    def target(self, url: str) -> Iterator[WarcRecordRef | FetchProblem]:
        """Yield the pages a command-line URL gives: itself, or a feed's or sitemap's items."""
        canonical = self._canonical(url)
        if isinstance(canonical, FetchProblem):
            yield canonical
            return
        before = fetched_before(self.engine, [canonical]).get(canonical)
        if before is not None and before.kind == "page" and not self.refetch:
            yield from self._archived(before)
            return
        conditional = {}
        if before is not None and before.kind != "page":
            conditional = {
                key: value
                for key, value in (
                    ("If-None-Match", before.etag),
                    ("If-Modified-Since", before.last_modified),
                )
                if value
            }
        response = yield from self._get(canonical, conditional)
        if response is None:
            return
        if response.status == 304 and before is not None:
            self.counts.not_modified += 1
            record_fetched(self.engine, _fetched(canonical, before.kind, response, before))
            return
        kind = kind_of(response.media_type, response.body) if response.status == 200 else None
        if response.status != 200:
            yield self._status_problem(canonical, response)
        elif kind == "page":
            yield from self._page_found(canonical, response)
        elif kind in {"feed", "sitemap"}:
            yield from self._items(canonical, kind, response)
        else:
            yield self._problem(canonical, _not_readable(response))

    def _canonical(self, url: str) -> str | FetchProblem:
        """Return url's canonical form, or a problem when it is no http(s) URL."""
        try:
            canonical = canonical_url(url)
        except ValueError as error:
            return self._problem(url, f"{error}: give a full URL (https://…)")
        scheme = canonical.split("://", 1)[0]
        if scheme not in SCHEMES:
            return self._problem(url, f"only http and https URLs are fetched, not {scheme}://")
        return canonical

    def _get(self, url: str, headers: dict[str, str]) -> Generator[FetchProblem, None, Response | None]:
        """Fetch url; a failure is yielded as a problem (the generator then returns None)."""
        try:
            response = self.client.get(url, headers)
        except FetchFailed as error:
            yield self._problem(url, str(error))
            return None
        return response

    def _items(self, url: str, kind: str, response: Response) -> Iterator[WarcRecordRef | FetchProblem]:
        """Record a feed or sitemap, then yield its items' pages, newest first, up to the limit."""
        try:
            links = feed_links(response.body) if kind == "feed" else sitemap_links(response.body)
        except BadFeed as error:
            yield self._problem(url, f"{error}; check the URL is the feed's, or tell the site")
            return
        record_fetched(self.engine, _fetched(url, kind, response))
        limit = self.settings.feed_max_items
        if len(links.urls) > limit:
            self.counts.left_for_later += len(links.urls) - limit
            logger.info(
                "%s: %d items, the newest %d fetched (TINTUC_FEED_MAX_ITEMS)", url, len(links.urls), limit
            )
        for link in links.urls[:limit]:
            if links.kind == "sitemap index":
                yield from self.target(link)
            else:
                yield from self.page(link, url)

    def page(self, url: str, listed_in: str | None = None) -> Iterator[WarcRecordRef | FetchProblem]:
        """Yield one page's archived record: fetched now, or as archived before."""
        canonical = self._canonical(url)
        if isinstance(canonical, FetchProblem):
            yield canonical
            return
        if canonical in self.seen:
            return
        self.seen.add(canonical)
        before = fetched_before(self.engine, [canonical]).get(canonical)
        if before is not None and not self.refetch:
            yield from self._archived(before)
            return
        response = yield from self._get(canonical, {})
        if response is None:
            return
        if response.status != 200:
            yield self._status_problem(canonical, response, listed_in)
        elif kind_of(response.media_type, response.body) == "page":
            yield from self._page_found(canonical, response)
        else:
            yield self._problem(canonical, _not_readable(response))

    def _page_found(self, url: str, response: Response) -> Iterator[WarcRecordRef]:
        """Record a fetched page and yield its archived record."""
        self.seen.add(url)
        self.counts.fetched += 1
        fetched = _fetched(url, "page", response)
        record_fetched(self.engine, fetched)
        if response.archived is not None:
            path, offset = response.archived
            yield WarcRecordRef(
                path, offset, response.url, fetched.fetched_at.isoformat(), len(response.body)
            )

    def _archived(self, before: Fetched) -> Iterator[WarcRecordRef | FetchProblem]:
        """Yield the record a page was archived in; fetch it again when its archive is gone."""
        self.seen.add(before.canonical_url)
        if before.warc_path and before.warc_offset is not None and Path(before.warc_path).is_file():
            self.counts.already += 1
            yield WarcRecordRef(
                before.warc_path, before.warc_offset, before.canonical_url, before.fetched_at.isoformat()
            )
            return
        logger.info("%s: its archive %s is gone; fetching it again", before.canonical_url, before.warc_path)
        refetching = Crawl(self.settings, self.engine, self.client, refetch=True)
        refetching.seen, refetching.counts = self.seen - {before.canonical_url}, self.counts
        yield from refetching.page(before.canonical_url)

    def _status_problem(self, url: str, response: Response, listed_in: str | None = None) -> FetchProblem:
        """Return the problem of a response that is not 200, with what to do about it."""
        advice = _WHAT_TO_DO.get(response.status) or (
            "a server error: the next run tries again"
            if response.status >= 500
            else "check the URL in a browser"
        )
        source = f" (an item of {listed_in})" if listed_in else ""
        return self._problem(url, f"HTTP {response.status} {response.reason}{source}: {advice}")

    def _problem(self, url: str, message: str) -> FetchProblem:
        """Count and return a problem with a URL."""
        self.counts.problems += 1
        logger.warning("%s: %s", url, message)
        return FetchProblem(url, message if message.startswith(url) else f"{url}: {message}")


def _not_readable(response: Response) -> str:
    """Say that a response is no page, feed or sitemap, by its Content-Type."""
    media = response.media_type or "none"
    return (
        f"not an HTML page, a feed or a sitemap (Content-Type {media}, {len(response.body):,} bytes); "
        "tintuc reads news pages: leave this URL out"
    )


def _fetched(url: str, kind: str, response: Response, before: Fetched | None = None) -> Fetched:
    """Return the row recording a fetch of url (a 304 keeps the archived response of before)."""
    path, offset = response.archived if response.archived and response.status == 200 else (None, None)
    return Fetched(
        canonical_url=url,
        kind=kind,
        status=response.status,
        fetched_at=response.fetched_at,
        etag=response.header("ETag") or (before.etag if before else None),
        last_modified=response.header("Last-Modified") or (before.last_modified if before else None),
        warc_path=path or (before.warc_path if before else None),
        warc_offset=offset if offset is not None else (before.warc_offset if before else None),
    )


def fetched_sources(
    urls: list[str], settings: Settings, engine: Engine, refetch: bool = False
) -> Iterator[WarcRecordRef | FetchProblem]:
    """Fetch the URLs (pages, feeds, sitemaps) and yield each page's archived record as it comes."""
    if not urls:
        return
    started = datetime.now(UTC)
    with ArchiveWriter(settings.archive_dir) as archive, PoliteClient(settings, archive.write) as client:
        crawl = Crawl(settings, engine, client, refetch)
        for url in urls:
            yield from crawl.target(url)
        counts = crawl.counts
        logger.info(
            "fetched %d pages (%d requests in %.0f s), %d unchanged feeds, %d pages archived before, "
            "%d problems, %d items left for later runs → %s",
            counts.fetched,
            client.requests,
            (datetime.now(UTC) - started).total_seconds(),
            counts.not_modified,
            counts.already,
            counts.problems,
            counts.left_for_later,
            archive.path or settings.archive_dir,
        )


def run_sources(
    paths: list[Path], urls: list[str], settings: Settings, engine: Engine, refetch: bool = False
) -> Iterator[Source]:
    """Yield a run's sources: its files and WARC records first, then the pages its URLs give as they come."""
    yield from iter_sources(paths)
    yield from fetched_sources(urls, settings, engine, refetch)
