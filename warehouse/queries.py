"""Read the warehouse for the CLI: status, one article for reading, ad-hoc SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError

from warehouse.models import Article, Entity, Fact, MemoryEntry, Mention, RejectRow, Run, Segment


@dataclass(frozen=True)
class ArticleForReading:
    """An article's header and its segments in reading order."""

    article: dict[str, Any]
    segments: list[dict[str, Any]]


def status_counts(engine: Engine) -> dict[str, int]:
    """Return headline counts: articles, translations pending, entities, facts, rejects."""
    count = func.count()
    with engine.connect() as c:
        return {
            "articles": c.scalar(select(count).select_from(Article)) or 0,
            "articles translated": c.scalar(select(count).where(Article.status == "translated")) or 0,
            "articles pending translation": c.scalar(
                select(count).where(Article.status == "pending_translation")
            )
            or 0,
            "segments": c.scalar(select(count).select_from(Segment)) or 0,
            "segments pending translation": c.scalar(select(count).where(Segment.text_en.is_(None))) or 0,
            "segments flagged": c.scalar(select(count).where(Segment.quality_flags != "")) or 0,
            "translation memory entries": c.scalar(select(count).select_from(MemoryEntry)) or 0,
            "entities": c.scalar(select(count).select_from(Entity)) or 0,
            "mentions": c.scalar(select(count).select_from(Mention)) or 0,
            "facts": c.scalar(select(count).select_from(Fact)) or 0,
            "rejects": c.scalar(select(count).select_from(RejectRow)) or 0,
        }


def recent_runs(engine: Engine, limit: int = 5) -> list[dict[str, Any]]:
    """Return the latest runs, newest first."""
    with engine.connect() as connection:
        rows = connection.execute(select(Run).order_by(Run.started_at.desc()).limit(limit))
        return [dict(row._mapping) for row in rows]


def recent_rejects(engine: Engine, limit: int = 10) -> list[dict[str, Any]]:
    """Return the latest rejects, newest first."""
    with engine.connect() as connection:
        query = (
            select(RejectRow.source_path, RejectRow.table_name, RejectRow.check_name, RejectRow.failure)
            .order_by(RejectRow.reject_id.desc())
            .limit(limit)
        )
        return [dict(row._mapping) for row in connection.execute(query)]


def article_for_reading(engine: Engine, article_id: str) -> ArticleForReading | None:
    """Return an article and its segments in reading order, or None if there is none."""
    with engine.connect() as connection:
        article = connection.execute(select(Article).where(Article.article_id == article_id)).first()
        if article is None:
            return None
        segments = connection.execute(
            select(Segment).where(Segment.article_id == article_id).order_by(Segment.seq)
        )
        return ArticleForReading(dict(article._mapping), [dict(s._mapping) for s in segments])


class QueryFailed(RuntimeError):
    """The database refused or could not run a query; the message is the database's."""


def run_sql(engine: Engine, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one SQL statement and return its column names and rows."""
    try:
        with engine.connect() as connection:
            result = connection.execute(text(sql))
            if not result.returns_rows:
                return [], []
            return list(result.keys()), [tuple(row) for row in result]
    except DBAPIError as error:
        raise QueryFailed(str(error.orig)) from error
