"""Read whole articles for export: the article with its segments, entities, mentions and facts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from warehouse.models import Article, Entity, Fact, Mention, Segment


@dataclass(frozen=True)
class ArticleRecord:
    """One article as its tables hold it, each row a dict of column → value.

    entities are those the article's mentions name; segments come in reading order, facts and
    mentions in key order.
    """

    article: dict[str, Any]
    segments: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    facts: list[dict[str, Any]]


def _record(connection: Connection, article: dict[str, Any]) -> ArticleRecord:
    """Return one article with every row that belongs to it."""
    article_id = article["article_id"]
    mentions = [
        dict(row._mapping)
        for row in connection.execute(
            select(Mention.__table__)
            .where(Mention.article_id == article_id)
            .order_by(Mention.seq, Mention.entity_id)
        )
    ]
    named = sorted({mention["entity_id"] for mention in mentions})
    entities = [
        dict(row._mapping)
        for row in connection.execute(
            select(Entity.__table__).where(Entity.entity_id.in_(named)).order_by(Entity.entity_id)
        )
    ]
    return ArticleRecord(
        article=article,
        segments=_table_rows(connection, Segment, article_id, Segment.seq),
        entities=entities,
        mentions=mentions,
        facts=_table_rows(connection, Fact, article_id, Fact.seq, Fact.fact_id),
    )


def _table_rows(connection: Connection, model: Any, article_id: str, *order: Any) -> list[dict[str, Any]]:
    """Return an article's rows of one table as dicts of its columns, in the given order."""
    table = model.__table__
    query = select(table).where(table.c.article_id == article_id).order_by(*order)
    return [dict(row._mapping) for row in connection.execute(query)]


def article_records(engine: Engine, article_ids: list[str] | None = None) -> Iterator[ArticleRecord]:
    """Yield the articles named, in that order (unknown ids are skipped), or else every article.

    The whole warehouse comes newest first (by date, then id). One article's rows are read at a
    time, so an export of any size streams.
    """
    with engine.connect() as connection:
        if article_ids is None:
            newest_first = (Article.published_on.desc().nulls_last(), Article.article_id)
            article_ids = list(connection.scalars(select(Article.article_id).order_by(*newest_first)))
        for article_id in article_ids:
            query = select(Article.__table__).where(Article.article_id == article_id)
            row = connection.execute(query).first()
            if row is not None:
                yield _record(connection, dict(row._mapping))
