"""Place the articles a warehouse holds outside every story: those loaded before stories existed
(migration 0010 places none), or, asked for, every article again from scratch.

Articles are placed in the order they were loaded, each in its own transaction, read a page at a
time: memory stays flat however large the warehouse, and a rebuild stopped halfway resumes where
it stopped (what is placed stays placed). Run it while no run loads: an article a run loads
meanwhile is placed by the run, in between.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, delete, select

from warehouse.copies import body_of
from warehouse.engine import retry_when_busy
from warehouse.models import Article, CopyBand, Story, StoryArticle, StoryTerm, StoryTermCount
from warehouse.stories import place_text

PAGE = 500


@retry_when_busy
def forget_stories(engine: Engine) -> None:
    """Remove every story, copy link and index row, in one transaction."""
    with engine.begin() as connection:
        for model in (StoryArticle, StoryTerm, CopyBand, StoryTermCount, Story):
            connection.execute(delete(model))


def unplaced(engine: Engine) -> list[tuple[str, str]]:
    """Return the first page of unplaced articles as (article_id, title), in loading order."""
    query = (
        select(Article.article_id, Article.title_vi)
        .outerjoin(StoryArticle, StoryArticle.article_id == Article.article_id)
        .where(StoryArticle.article_id.is_(None))
        .order_by(Article.ingested_at, Article.article_id)
        .limit(PAGE)
    )
    with engine.connect() as connection:
        return [(str(article), str(title)) for article, title in connection.execute(query)]


@retry_when_busy
def place_one(engine: Engine, article_id: str, title: str) -> None:
    """Place one article in its own transaction."""
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # read its story's state under the write lock
        place_text(connection, article_id, title, body_of(connection, article_id))


def rebuild_stories(engine: Engine, everything: bool, on_placed: Callable[[int], None] | None = None) -> int:
    """Place every unplaced article (with everything, forget all stories first); return how many."""
    if everything:
        forget_stories(engine)
    placed = 0
    while page := unplaced(engine):  # the placed drop out of it: each page is the next
        for article_id, title in page:
            place_one(engine, article_id, title)
            placed += 1
            if on_placed is not None:
                on_placed(placed)
    return placed
