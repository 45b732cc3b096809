"""Near-copies in the warehouse: an article's MinHash bands, and the first copy it repeats.

A placed article keeps its 32 band buckets in `copy_bands`, except those CROWDED articles hold
already: a report syndicated a thousand times must not make every later lookup read a thousand
rows, and its later copies are found through the first ones. A new article looks up the articles
sharing one of its buckets, measures the exact word 5-gram Jaccard of its body against each (their
text is read back from `segments`), and is a copy of the earliest placed one at COPY_JACCARD or
more; when that one is itself a copy, of its original. A copy of a copy is so linked to the first
copy, never to a chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from flows.steps.stories.minhash import band_buckets, signature
from flows.steps.stories.text import jaccard, shingles, text_words
from warehouse.driver_sql import driver_sql

# "Share at least half their word 5-grams" (issue 19): republished and syndicated copies, recrawls,
# a copy with a photo credit or a paragraph more. Pairs at 0.8 or more must all be linked; LSH
# finds them with probability 1 − 5·10^-8 (flows/steps/stories/minhash.py).
COPY_JACCARD = 0.5
# Candidates measured at most, earliest placed first: more share a band only when something is
# copied dozens of times, and then the earliest ones already decide.
MAX_CANDIDATES = 20
CROWDED = 8
_CANDIDATES = """
WITH wanted(band, bucket) AS (VALUES {values})
SELECT DISTINCT m.article_id, m.duplicate_of, m.story_id, m.placed_at
FROM wanted w JOIN copy_bands b ON b.band = w.band AND b.bucket = w.bucket
JOIN story_articles m ON m.article_id = b.article_id
WHERE m.article_id <> ?
ORDER BY m.placed_at, m.article_id LIMIT ?
"""
_BODY = "SELECT text_vi FROM segments WHERE article_id = ? AND kind <> 'title' ORDER BY seq"
_HELD = """
WITH wanted(band, bucket) AS (VALUES {values})
SELECT b.band, b.bucket FROM wanted w JOIN copy_bands b ON b.band = w.band AND b.bucket = w.bucket
GROUP BY b.band, b.bucket HAVING count(*) >= ?
"""


@dataclass(frozen=True)
class FirstCopy:
    """The original an article repeats, the story it is in, and how much of it is shared."""

    article_id: str
    story_id: str
    jaccard: float


@dataclass(frozen=True)
class CopyKey:
    """An article's body as near-copy detection sees it: its shingles and their LSH buckets."""

    shingles: set[str]
    buckets: list[int]


def copy_key(body_words: list[str]) -> CopyKey:
    """Return the shingles of an article's body words (title left out: copies retitle) and their buckets."""
    shingle_set = shingles(body_words)
    minima = signature(shingle_set)
    return CopyKey(shingle_set, [] if minima is None else band_buckets(minima))


def first_copy(connection: Connection, article_id: str, key: CopyKey) -> FirstCopy | None:
    """Return the original this article is a near-copy of, or None."""
    if not key.buckets:
        return None
    query = _CANDIDATES.format(values=", ".join("(?, ?)" for _ in key.buckets))
    candidates = driver_sql(connection, query, (*_flat(key), article_id, MAX_CANDIDATES)).all()
    for candidate, original, story_id, _placed in candidates:
        shared = jaccard(key.shingles, shingles(text_words(body_of(connection, candidate))))
        if shared >= COPY_JACCARD:
            return FirstCopy(original or candidate, story_id, shared)
    return None


def body_of(connection: Connection, article_id: str) -> list[str]:
    """Return an article's body sentences (title left out), in reading order."""
    return [str(text) for (text,) in driver_sql(connection, _BODY, (article_id,))]


def index_bands(connection: Connection, article_id: str, key: CopyKey) -> None:
    """Keep the article's band buckets (but those CROWDED articles hold), so later copies are found."""
    if not key.buckets:
        return
    query = _HELD.format(values=", ".join("(?, ?)" for _ in key.buckets))
    crowded = {
        (int(band), int(bucket)) for band, bucket in driver_sql(connection, query, (*_flat(key), CROWDED))
    }
    rows = [
        (band, bucket, article_id) for band, bucket in enumerate(key.buckets) if (band, bucket) not in crowded
    ]
    if rows:
        driver_sql(connection, "INSERT INTO copy_bands (band, bucket, article_id) VALUES (?, ?, ?)", rows)


def _flat(key: CopyKey) -> list[int]:
    """Return the key's (band, bucket) pairs as one list of parameters."""
    return [value for band, bucket in enumerate(key.buckets) for value in (band, bucket)]
