"""Find what still lacks English in the warehouse, and store translations for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from schemas.english import TRANSLATED, TRANSLATED_FIELDS, article_status, english_title
from warehouse.engine import retry_when_busy
from warehouse.models import Article, Entity, Fact, Mention, Segment
from warehouse.search_index import refresh_search_index

# (model, Vietnamese column, English column) of every translated field: schemas/english.py names them.
_MODELS: dict[str, Any] = {model.__tablename__: model for model in (Segment, Mention, Fact, Entity)}
_FIELDS = tuple((_MODELS[table], source, target) for table, source, target in TRANSLATED_FIELDS)


def pending_texts(engine: Engine) -> list[str]:
    """Return every distinct Vietnamese text in the warehouse that has no English yet."""
    texts: dict[str, None] = {}
    with engine.connect() as connection:
        for model, source, target in _FIELDS:
            column, english = getattr(model, source), getattr(model, target)
            query = select(column).where(english.is_(None), column.is_not(None)).distinct()
            texts.update(dict.fromkeys(connection.scalars(query)))
    return list(texts)


def person_names(engine: Engine) -> list[str]:
    """Return the Vietnamese name of every person in the warehouse."""
    with engine.connect() as connection:
        return list(connection.scalars(select(Entity.name_vi).where(Entity.kind == "person")))


@dataclass(frozen=True)
class Stored:
    """What store_translations wrote."""

    segments_translated: int
    segments_flagged: int


def _primary_key(model: Any) -> list[str]:
    """Return the names of a model's primary-key columns."""
    return [column.name for column in model.__table__.primary_key.columns]


@retry_when_busy
def store_translations(
    engine: Engine, english: dict[str, str], model_name: str, assess: Callable[[str, str], str]
) -> Stored:
    """Write translations into every pending field, then mark complete articles translated.

    Segments also get their quality flags from assess(vietnamese, english). Runs in one
    transaction, which also brings the new English into the search index.
    """
    stored = Stored(0, 0)
    translated_articles: set[str] = set()
    with Session(engine) as session, session.begin():
        for model, source, target in _FIELDS:
            keys = _primary_key(model)
            rows = session.execute(
                select(*(getattr(model, k) for k in keys), getattr(model, source)).where(
                    getattr(model, target).is_(None), getattr(model, source).in_(list(english))
                )
            ).all()
            updates = [
                {
                    **dict(zip(keys, row[:-1], strict=True)),
                    target: english[row[-1]],
                    **(
                        _segment_extras(row[-1], english[row[-1]], model_name, assess)
                        if model is Segment
                        else {}
                    ),
                }
                for row in rows
            ]
            if updates:
                session.execute(update(model), updates)
            if model is Segment:
                stored = Stored(len(updates), sum(1 for u in updates if u["quality_flags"]))
                translated_articles = {u["article_id"] for u in updates}
        _refresh_articles(session)
        # Titles come from title segments, so these are every article whose English changed.
        refresh_search_index(session.connection(), sorted(translated_articles))
    return stored


def _segment_extras(
    vietnamese: str, english: str, model_name: str, assess: Callable[[str, str], str]
) -> dict[str, str]:
    """Return the columns a translated segment carries besides its English."""
    return {"translation_model": model_name, "quality_flags": assess(vietnamese, english)}


def _refresh_articles(session: Session) -> None:
    """Apply the English rule (schemas/english.py) to every article not yet translated.

    Only articles whose every title segment has English can change: their title and status.
    """
    pending = select(Segment.article_id).where(Segment.text_en.is_(None)).distinct()
    title_pending = select(Segment.article_id).where(Segment.kind == "title", Segment.text_en.is_(None))
    candidates = session.scalars(
        select(Article.article_id).where(
            Article.status != TRANSLATED, Article.article_id.not_in(title_pending)
        )
    ).all()
    complete = set(session.scalars(select(Article.article_id).where(Article.article_id.not_in(pending))))
    for article_id in candidates:
        title = session.scalars(
            select(Segment.text_en)
            .where(Segment.article_id == article_id, Segment.kind == "title")
            .order_by(Segment.seq)
        ).all()
        session.execute(
            update(Article)
            .where(Article.article_id == article_id)
            .values(title_en=english_title(title), status=article_status(article_id in complete))
        )
