"""Place each article in a story as it loads: a near-copy with its original, the rest by what they say.

`place_article` is called inside the transaction that loads the article (warehouse/load.py,
through the window's story hook, flows/steps/stories/hook.py), so an article is never loaded
without its place, and a run that dies leaves none half-placed. It reads and writes only what one
article touches: its bands and terms, the postings of its terms, the candidate stories' sizes.
Nothing grows in memory with the warehouse.

On PostgreSQL, windows loading at once (Dask workers, overlapping runs) take turns here under
one advisory lock (warehouse/load.py takes it with the file's own keys, before writing anything),
so two copies loaded at the same moment still find each other; SQLite's single writer already
takes turns.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, func, select, text, update

from flows.steps.records import short_id
from flows.steps.stories.decide import Placement, average_link, place
from flows.steps.stories.terms import story_terms, term_id, weighted
from flows.steps.stories.text import text_words
from schemas.articles import ArticlesSchema
from schemas.segments import SegmentsSchema
from schemas.tables import ArticleTables
from warehouse.copies import copy_key, first_copy, index_bands
from warehouse.driver_sql import driver_sql
from warehouse.engine import insert_statement
from warehouse.load import ON_LOAD_TURN
from warehouse.models import Story, StoryArticle

ALL_DOCUMENTS = 0  # the story_term_counts row that counts the original articles themselves
_CHUNK = 500  # bound parameters per IN (...): far below SQLite's 32,766
CANDIDATE_STORIES = 50


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
    counts = story_terms(title, body_words)
    ids = {term: term_id(term) for term in counts}
    documents, total = _count_documents(connection, list(ids.values()))
    by_term = {term: documents.get(ids[term], 0) for term in counts}
    vector = {ids[term]: weight for term, weight in weighted(counts, by_term, total).items()}
    placement = Placement(story) if story else place(_similarities(connection, vector))
    story_id = placement.story_id or _new_story(connection, article_id, now)
    if placement.merged:
        _merge(connection, placement.merged, story_id)
    _insert_member(connection, article_id, story_id, now, similarity=placement.similarity)
    if vector:
        rows = [(term, article_id, weight) for term, weight in vector.items()]
        driver_sql(connection, "INSERT INTO story_terms (term, article_id, weight) VALUES (?, ?, ?)", rows)


def _count_documents(connection: Connection, terms: list[int]) -> tuple[dict[int, int], int]:
    """Count the article among the documents of each of its terms; return the counts with it, and N.

    Through the driver's own executemany: an article has hundreds of terms, and SQLAlchemy's
    per-row parameter handling tripled this step's time (bench/stories.py times the hook).
    """
    # In term order: two PostgreSQL transactions counting shared terms lock them in the same order.
    every = sorted({*terms, ALL_DOCUMENTS})
    driver_sql(connection, _COUNT_TERM, [(term,) for term in every])
    counts: dict[int, int] = {}
    for start in range(0, len(every), _CHUNK):
        chunk = tuple(every[start : start + _CHUNK])
        query = _COUNTS.format(marks=", ".join("?" * len(chunk)))
        found = driver_sql(connection, query, chunk)
        counts.update({int(term): int(documents) for term, documents in found})
    return counts, counts.pop(ALL_DOCUMENTS)


_COUNT_TERM = (
    "INSERT INTO story_term_counts (term, documents) VALUES (?, 1) "
    "ON CONFLICT (term) DO UPDATE SET documents = story_term_counts.documents + 1"
)
_COUNTS = "SELECT term, documents FROM story_term_counts WHERE term IN ({marks})"


def _similarities(connection: Connection, vector: dict[int, float]) -> dict[str, float]:
    """Return the article's average-link similarity to each story that shares a term with it."""
    if not vector:
        return {}
    values = ", ".join(f"(:t{index}, :w{index})" for index in range(len(vector)))
    parameters: dict[str, int | float] = {}
    for index, (term, weight) in enumerate(vector.items()):
        parameters[f"t{index}"], parameters[f"w{index}"] = term, weight
    # The sum over a story's articles of each one's dot product with the article's vector, a copy
    # counting with its original's (copies have no terms of their own).
    sums = text(
        f"WITH query_terms(term, weight) AS (VALUES {values}) "
        "SELECT m.story_id, sum(t.weight * q.weight * (1 + ("
        "  SELECT count(*) FROM story_articles c WHERE c.duplicate_of = t.article_id))) AS total "
        "FROM query_terms q JOIN story_terms t ON t.term = q.term "
        "JOIN story_articles m ON m.article_id = t.article_id "
        "GROUP BY m.story_id ORDER BY total DESC LIMIT :limit"
    )
    found = connection.execute(sums, {**parameters, "limit": CANDIDATE_STORIES})
    totals: dict[str, float] = {str(story): float(total) for story, total in found}
    sizes = (
        select(StoryArticle.story_id, func.count())
        .where(StoryArticle.story_id.in_(list(totals)))
        .group_by(StoryArticle.story_id)
    )
    return average_link(totals, {str(story): int(size) for story, size in connection.execute(sizes)})


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
