"""Near-copies in the warehouse: an article's MinHash bands, and the first copy it repeats.

Every placed article (copies too) keeps its 32 band buckets in `copy_bands`. A new article looks
up the articles sharing one of its buckets, measures the exact word 5-gram Jaccard of its body
against each (their text is read back from `segments`), and is a copy of the earliest placed one
at COPY_JACCARD or more; when that one is itself a copy, of its original. A copy of a copy is so
linked to the first copy, never to a chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, tuple_

from flows.steps.stories.minhash import band_buckets, signature
from flows.steps.stories.text import jaccard, shingles, text_words
from warehouse.engine import insert_statement
from warehouse.models import CopyBand, Segment, StoryArticle

# "Share at least half their word 5-grams" (issue 19): republished and syndicated copies, recrawls,
# a copy with a photo credit or a paragraph more. Pairs at 0.8 or more must all be linked; LSH
# finds them with probability 1 − 5·10^-8 (flows/steps/stories/minhash.py).
COPY_JACCARD = 0.5
# Candidates measured at most, earliest placed first: more share a band only when something is
# copied dozens of times, and then the earliest ones already decide.
MAX_CANDIDATES = 20


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


def copy_key(body: list[str]) -> CopyKey:
    """Return the shingles of an article's body (title left out: copies retitle) and their buckets."""
    shingle_set = shingles(text_words(body))
    minima = signature(shingle_set)
    return CopyKey(shingle_set, [] if minima is None else band_buckets(minima))


def first_copy(connection: Connection, article_id: str, key: CopyKey) -> FirstCopy | None:
    """Return the original this article is a near-copy of, or None."""
    if not key.buckets:
        return None
    bands = [(band, bucket) for band, bucket in enumerate(key.buckets)]
    candidates = connection.execute(
        select(StoryArticle.article_id, StoryArticle.duplicate_of, StoryArticle.story_id)
        .where(
            StoryArticle.article_id.in_(
                select(CopyBand.article_id).where(tuple_(CopyBand.band, CopyBand.bucket).in_(bands))
            ),
            StoryArticle.article_id != article_id,
        )
        .order_by(StoryArticle.placed_at, StoryArticle.article_id)
        .limit(MAX_CANDIDATES)
    ).all()
    for candidate, original, story_id in candidates:
        shared = jaccard(key.shingles, shingles(text_words(body_of(connection, candidate))))
        if shared >= COPY_JACCARD:
            return FirstCopy(original or candidate, story_id, shared)
    return None


def body_of(connection: Connection, article_id: str) -> list[str]:
    """Return an article's body sentences (title left out), in reading order."""
    query = (
        select(Segment.text_vi)
        .where(Segment.article_id == article_id, Segment.kind != "title")
        .order_by(Segment.seq)
    )
    return list(connection.scalars(query))


def index_bands(connection: Connection, article_id: str, key: CopyKey) -> None:
    """Keep the article's band buckets, so later copies of it are found."""
    rows = [
        {"band": band, "bucket": bucket, "article_id": article_id} for band, bucket in enumerate(key.buckets)
    ]
    if rows:
        connection.execute(insert_statement(connection, CopyBand).on_conflict_do_nothing(), rows)
