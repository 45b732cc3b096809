"""What the fetcher fetched before: which canonical URLs, a feed's validators, where each page is archived.

Written as each response is archived (one short transaction each), so a run killed mid-fetch keeps
what it fetched, and the next run neither fetches it again nor loses it: the archived response is
read from the WARC file its row names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select

from warehouse.engine import insert_statement, retry_when_busy
from warehouse.models import FetchedUrl


@dataclass(frozen=True)
class Fetched:
    """One fetched URL: its kind, status, validators and the archived response."""

    canonical_url: str
    kind: str
    status: int
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    warc_path: str | None = None
    warc_offset: int | None = None
    run_id: str | None = None


def fetched_before(engine: Engine, canonical_urls: list[str]) -> dict[str, Fetched]:
    """Return the rows of the URLs among canonical_urls fetched before."""
    if not canonical_urls:
        return {}
    found: dict[str, Fetched] = {}
    with engine.connect() as connection:
        for chunk_start in range(0, len(canonical_urls), 500):
            chunk = canonical_urls[chunk_start : chunk_start + 500]
            rows = connection.execute(select(FetchedUrl).where(FetchedUrl.canonical_url.in_(chunk)))
            for row in rows:
                found[row.canonical_url] = Fetched(
                    row.canonical_url,
                    row.kind,
                    row.status,
                    row.fetched_at,
                    row.etag,
                    row.last_modified,
                    row.warc_path,
                    row.warc_offset,
                    row.run_id,
                )
    return found


@retry_when_busy
def record_fetched(engine: Engine, fetched: Fetched) -> None:
    """Record (or update) one fetched URL."""
    values = {
        "canonical_url": fetched.canonical_url,
        "kind": fetched.kind,
        "status": fetched.status,
        "etag": fetched.etag,
        "last_modified": fetched.last_modified,
        "fetched_at": fetched.fetched_at,
        "warc_path": fetched.warc_path,
        "warc_offset": fetched.warc_offset,
        "run_id": fetched.run_id,
    }
    with engine.begin() as connection:
        statement = insert_statement(connection, FetchedUrl).values(**values)
        update = {key: value for key, value in values.items() if key != "canonical_url"}
        upsert = statement.on_conflict_do_update(index_elements=[FetchedUrl.canonical_url], set_=update)
        connection.execute(upsert)
