"""One article's validated rows: a frame per table, each typed by its schema.

The type every stage after validation hands on (validate → translate → load), instead of a
dict keyed by table names.
"""

from __future__ import annotations

from dataclasses import dataclass

from pandera.typing import DataFrame

from schemas.articles import ArticlesSchema
from schemas.entities import EntitiesSchema, MentionsSchema
from schemas.facts import FactsSchema
from schemas.removed import RemovedSchema
from schemas.segments import SegmentsSchema


@dataclass(frozen=True)
class ArticleTables:
    """The rows one article loads, a validated frame per table (entities: those its mentions name)."""

    articles: DataFrame[ArticlesSchema]
    segments: DataFrame[SegmentsSchema]
    entities: DataFrame[EntitiesSchema]
    mentions: DataFrame[MentionsSchema]
    facts: DataFrame[FactsSchema]
    removed: DataFrame[RemovedSchema]

    @property
    def article_id(self) -> str:
        """Return the article's id."""
        return str(self.articles[ArticlesSchema.article_id].iloc[0])

    @property
    def source_path(self) -> str:
        """Return the file (or record of a file, "a.json#2") the article came from."""
        return str(self.articles[ArticlesSchema.source_path].iloc[0])
