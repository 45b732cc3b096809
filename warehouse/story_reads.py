"""Read stories for the digest: a period's stories, most covered first, with their articles and names.

Plain SQL that SQLite and PostgreSQL both run; what needs a choice (the headline, the lead, who is
named) is made by flows/reader/digest.py from these rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from warehouse.models import Article, Entity, Mention, Segment, StoryArticle

PEOPLE_AND_ORGANISATIONS = ("person", "organization")


@dataclass(frozen=True)
class Period:
    """A span of time, naive UTC: an article is in it by its publication date, else by when it loaded."""

    start: datetime
    end: datetime

    @property
    def first_day(self) -> date:
        """Return the first publication date in the period."""
        return self.start.date()

    @property
    def last_day(self) -> date:
        """Return the last publication date in the period (its end is exclusive)."""
        return (self.end - datetime.resolution).date()


def _in_period(period: Period) -> Any:
    """Return the condition an article of the period meets."""
    published = and_(Article.published_on >= period.first_day, Article.published_on <= period.last_day)
    loaded = and_(
        Article.published_on.is_(None), Article.ingested_at >= period.start, Article.ingested_at < period.end
    )
    return or_(published, loaded)


def covered_stories(connection: Connection, period: Period, limit: int) -> list[str]:
    """Return the ids of the period's stories, most articles first, then most outlets."""
    articles = func.count()
    outlets = func.count(func.distinct(Article.outlet))
    query = (
        select(StoryArticle.story_id)
        .join(Article, Article.article_id == StoryArticle.article_id)
        .where(_in_period(period))
        .group_by(StoryArticle.story_id)
        .order_by(articles.desc(), outlets.desc(), StoryArticle.story_id)
        .limit(limit)
    )
    return [str(story) for story in connection.scalars(query)]


def period_articles(connection: Connection, period: Period, stories: list[str]) -> list[dict[str, Any]]:
    """Return the period's articles of those stories, in the order they were placed."""
    if not stories:
        return []
    query = (
        select(
            StoryArticle.story_id,
            StoryArticle.duplicate_of,
            Article.article_id,
            Article.title_vi,
            Article.title_en,
            Article.outlet,
            Article.url,
            Article.published_on,
            Article.ingested_at,
        )
        .join(Article, Article.article_id == StoryArticle.article_id)
        .where(StoryArticle.story_id.in_(stories), _in_period(period))
        .order_by(StoryArticle.placed_at, StoryArticle.article_id)
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def story_spans(connection: Connection, stories: list[str]) -> dict[str, tuple[date, date]]:
    """Return each story's first and last day seen, over all its articles (by date, else by loading)."""
    query = (
        select(
            StoryArticle.story_id,
            func.min(Article.published_on),
            func.max(Article.published_on),
            func.min(Article.ingested_at),
            func.max(Article.ingested_at),
        )
        .join(Article, Article.article_id == StoryArticle.article_id)
        .where(StoryArticle.story_id.in_(stories))
        .group_by(StoryArticle.story_id)
    )
    spans = {}
    for story, first, last, first_loaded, last_loaded in connection.execute(query):
        spans[str(story)] = (_day(first) or _day(first_loaded), _day(last) or _day(last_loaded))
    return spans


def _day(value: Any) -> Any:
    """Return a date from a date, a datetime or SQLite's text of either (None stays None)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def leads(connection: Connection, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Return each article's first paragraph after its title, sentence by sentence, in both languages.

    Read for a digest's few headline articles only: their other paragraphs are read and dropped.
    """
    query = (
        select(Segment.article_id, Segment.paragraph_no, Segment.text_vi, Segment.text_en)
        .where(Segment.article_id.in_(article_ids), Segment.kind != "title")
        .order_by(Segment.article_id, Segment.seq)
    )
    paragraphs: dict[str, list[dict[str, Any]]] = {}
    for row in connection.execute(query):
        sentences = paragraphs.setdefault(row.article_id, [])
        if not sentences or sentences[0]["paragraph_no"] == row.paragraph_no:
            sentences.append(dict(row._mapping))
    return paragraphs


def named(connection: Connection, article_ids: list[str]) -> list[dict[str, Any]]:
    """Return the people and organisations each article names, once per article."""
    query = (
        select(Mention.article_id, Entity.entity_id, Entity.kind, Entity.name_vi, Entity.name_en)
        .join(Entity, Entity.entity_id == Mention.entity_id)
        .where(Mention.article_id.in_(article_ids), Entity.kind.in_(PEOPLE_AND_ORGANISATIONS))
        .distinct()
    )
    return [dict(row._mapping) for row in connection.execute(query)]
