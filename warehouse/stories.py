"""Place each article in a story as it loads: a near-copy with its original, the rest by what they say.

`place_article` is called inside the transaction that loads the article (warehouse/load.py,
through the window's story hook, flows/story_hook.py), so an article is never loaded
without its place, and a run that dies leaves none half-placed. It reads and writes only what one
article touches: its bands and terms, the postings of its terms (warehouse/story_index.py), the
candidate stories' sizes.
Nothing grows in memory with the warehouse.

On PostgreSQL, windows loading at once (Dask workers, overlapping runs) take turns here under
one advisory lock (warehouse/load.py takes it with the file's own keys, before writing anything),
so two copies loaded at the same moment still find each other; SQLite's single writer already
takes turns.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, select, text, update

from flows.steps.records import short_id
from flows.steps.stories.decide import Placement, place
from flows.steps.stories.text import text_words
from schemas.articles import ArticlesSchema
from schemas.segments import SegmentsSchema
from schemas.tables import ArticleTables
from warehouse.copies import copy_key, first_copy, index_bands
from warehouse.driver_sql import driver_sql
from warehouse.engine import insert_statement
from warehouse.load import ON_LOAD_TURN
from warehouse.models import Story, StoryArticle
from warehouse.story_index import index_terms, similarities, weigh


def place_article(connection: Connection, frames: ArticleTables) -> None:
    """Place a just-loaded article: link it to the original it copies, else group it into a story."""
    segments = frames.segments
    rows = zip(
        segments[SegmentsSchema.seq].tolist(),
        segments[SegmentsSchema.kind].tolist(),
        segments[SegmentsSchema.text_vi].tolist(),
        strict=True,
    )
    body = [str(text) for _, kind, text in sorted(rows) if kind != "title"]
    place_text(connection, frames.article_id, str(frames.articles[ArticlesSchema.title_vi].iloc[0]), body)


def place_text(connection: Connection, article_id: str, title: str, body: list[str]) -> None:
    """Place an article of this title and body sentences (see place_article)."""
    _take_turn(connection)
    body_words = text_words(body)
    key = copy_key(body_words)
    now = datetime.now(UTC).replace(tzinfo=None)
    own_story = _story_of_its_copies(connection, article_id)  # the article is loaded again
    copied = None if own_story else first_copy(connection, article_id, key)
    if copied is not None:
        _insert_member(connection, article_id, copied.story_id, now, copied.article_id, copied.jaccard)
    else:
        _place_original(connection, article_id, title, body_words, now, own_story)
    index_bands(connection, article_id, key)


def _take_turn(connection: Connection) -> None:
    """On PostgreSQL, wait for any other transaction placing articles to commit (see the module).

    Taken again inside a load, which already holds it, this returns at once.
    """
    if connection.dialect.name == "postgresql":
        lock = "SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"
        connection.execute(text(lock), {"key": ON_LOAD_TURN})


def _story_of_its_copies(connection: Connection, article_id: str) -> str | None:
    """Return the story of the article's copies: an original loaded again stays their original."""
    found = driver_sql(
        connection, "SELECT story_id FROM story_articles WHERE duplicate_of = ? LIMIT 1", (article_id,)
    )
    return found.scalar()


def _place_original(
    connection: Connection,
    article_id: str,
    title: str,
    body_words: list[str],
    now: datetime,
    story: str | None,
) -> None:
    """Weigh an original article's terms, choose its story (or start one), and index its terms."""
    vector = weigh(connection, title, body_words)
    placement = Placement(story) if story else place(similarities(connection, vector))
    story_id = placement.story_id or _new_story(connection, article_id, now)
    if placement.merged:
        _merge(connection, placement.merged, story_id)
    _insert_member(connection, article_id, story_id, now, similarity=placement.similarity)
    index_terms(connection, article_id, vector)


def _new_story(connection: Connection, article_id: str, now: datetime) -> str:
    """Start the story this article begins (loaded again, it finds the story it began, or where that went)."""
    story_id = short_id("story", article_id)
    merged_into = connection.execute(select(Story.merged_into).where(Story.story_id == story_id)).first()
    if merged_into is None:
        connection.execute(insert_statement(connection, Story).values(story_id=story_id, created_at=now))
        return story_id
    return merged_into[0] or story_id


def _merge(connection: Connection, merged: list[str], into: str) -> None:
    """Move the articles of the merged stories into `into`; the merged stories point to it."""
    connection.execute(update(StoryArticle).where(StoryArticle.story_id.in_(merged)).values(story_id=into))
    connection.execute(
        update(Story)
        .where(Story.story_id.in_(merged) | Story.merged_into.in_(merged))
        .values(merged_into=into)
    )


def _insert_member(
    connection: Connection,
    article_id: str,
    story_id: str,
    now: datetime,
    duplicate_of: str | None = None,
    jaccard: float | None = None,
    similarity: float | None = None,
) -> None:
    """Record the article's place."""
    driver_sql(
        connection,
        "INSERT INTO story_articles (article_id, story_id, duplicate_of, jaccard, similarity, placed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, story_id, duplicate_of, jaccard, similarity, now),
    )
