"""The term index stories are found by: document frequencies, each original's weightiest terms, and
an article's average-link similarity to the stories that share a term with it.

Terms are kept as 64-bit hashes (flows/steps/stories/terms.py). An article's terms are weighed
with the frequencies counted so far, itself included; stored weights are not weighed again later
(`tintuc stories rebuild --all` does, for every article).
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text

from flows.steps.stories.decide import average_link
from flows.steps.stories.terms import story_terms, term_id, weighted
from warehouse.driver_sql import driver_sql
from warehouse.models import StoryArticle

ALL_DOCUMENTS = 0  # the story_term_counts row that counts the original articles themselves
_CHUNK = 500  # bound parameters per IN (...): far below SQLite's 32,766
CANDIDATE_STORIES = 50  # the stories an article is compared with, those sharing most weight with it


def weigh(connection: Connection, title: str, body_words: list[str]) -> dict[int, float]:
    """Count an original article's terms among the documents and return its vector (term id → weight)."""
    counts = story_terms(title, body_words)
    ids = {term: term_id(term) for term in counts}
    documents, total = count_documents(connection, list(ids.values()))
    by_term = {term: documents.get(ids[term], 0) for term in counts}
    return {ids[term]: weight for term, weight in weighted(counts, by_term, total).items()}


def index_terms(connection: Connection, article_id: str, vector: dict[int, float]) -> None:
    """Keep an original article's vector, so later articles find its story by its terms."""
    if vector:
        rows = [(term, article_id, weight) for term, weight in vector.items()]
        driver_sql(connection, "INSERT INTO story_terms (term, article_id, weight) VALUES (?, ?, ?)", rows)


def count_documents(connection: Connection, terms: list[int]) -> tuple[dict[int, int], int]:
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


def similarities(connection: Connection, vector: dict[int, float]) -> dict[str, float]:
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
