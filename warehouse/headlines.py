"""What a reader sees first, still pending: titles, leads and the names of people and organisations.

`tintuc translate --headlines-first` translates these before any body sentence, so the digest
(and the reader's lists) of a large backlog read in English early. A lead is an article's first
paragraph after its title.
"""

from __future__ import annotations

from sqlalchemy import Engine, and_, or_, select
from sqlalchemy.orm import aliased

from warehouse.models import Entity, Segment


def pending_headline_texts(engine: Engine) -> list[str]:
    """Return every distinct Vietnamese title, lead sentence and entity name that has no English yet."""
    first = aliased(Segment)
    first_paragraph = (
        select(first.paragraph_no)
        .where(first.article_id == Segment.article_id, first.kind != "title")
        .order_by(first.paragraph_no)
        .limit(1)
        .scalar_subquery()
    )
    headline = or_(
        Segment.kind == "title", and_(Segment.kind != "title", Segment.paragraph_no == first_paragraph)
    )
    texts: dict[str, None] = {}
    with engine.connect() as connection:
        segments = select(Segment.text_vi).where(Segment.text_en.is_(None), headline).distinct()
        texts.update(dict.fromkeys(connection.scalars(segments)))
        names = select(Entity.name_vi).where(Entity.name_en.is_(None)).distinct()
        texts.update(dict.fromkeys(connection.scalars(names)))
    return list(texts)
