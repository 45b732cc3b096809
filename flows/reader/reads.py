"""The reader pages' queries, run by Datasette on its read-only connection to the warehouse."""

from __future__ import annotations

from typing import Any, Protocol


class Queryable(Protocol):
    """What the pages need of a Datasette database: run one read query with parameters."""

    async def execute(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        """Run a query and return its rows."""


async def rows(db: Queryable, sql: str, **params: Any) -> list[dict[str, Any]]:
    """Return the rows of one query as dicts."""
    result = await db.execute(sql, params)
    return [dict(row) for row in result.rows]


RECENT_ARTICLES = """
SELECT article_id, outlet, published_on, title_vi, title_en, status
FROM articles ORDER BY published_on IS NULL, published_on DESC, ingested_at DESC LIMIT :limit
"""
OUTLETS = """
SELECT coalesce(outlet, '') AS outlet, count(*) AS articles FROM articles
GROUP BY coalesce(outlet, '') ORDER BY articles DESC, outlet
"""
COVERAGE = """
SELECT count(*) AS segments, count(text_en) AS translated,
       sum(CASE WHEN coalesce(quality_flags, '') <> '' THEN 1 ELSE 0 END) AS flagged,
       (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM articles WHERE status = 'translated') AS articles_translated
FROM segments
"""
FLAGGED = """
SELECT s.article_id, s.seq, s.text_vi, s.text_en, s.quality_flags, a.title_vi
FROM segments s JOIN articles a USING (article_id)
WHERE coalesce(s.quality_flags, '') <> '' ORDER BY a.ingested_at DESC, s.seq LIMIT :limit
"""
RUNS = """
SELECT run_id, kind, started_at, finished_at, status, files_seen, articles_loaded,
       segments_translated, segments_flagged, rejected
FROM runs ORDER BY started_at DESC LIMIT :limit
"""
ARTICLE = "SELECT * FROM articles WHERE article_id = :article_id"
SEGMENTS = "SELECT * FROM segments WHERE article_id = :article_id ORDER BY seq"
MENTIONS = """
SELECT m.seq, m.role_vi, m.role_en, e.entity_id, e.kind, e.name_vi, e.name_en
FROM mentions m JOIN entities e USING (entity_id) WHERE m.article_id = :article_id ORDER BY m.seq
"""
FACTS = "SELECT * FROM facts WHERE article_id = :article_id ORDER BY fact_id"
REMOVED = "SELECT line_no, part_no, text, reason FROM removed WHERE article_id = :article_id ORDER BY 1, 2"
ENTITY = "SELECT * FROM entities WHERE entity_id = :entity_id"
# Every mention of the entity with its article's date: the timeline, oldest first.
TIMELINE = """
SELECT a.article_id, a.published_on, a.outlet, a.title_vi, a.title_en, m.seq, m.role_vi, m.role_en
FROM mentions m JOIN articles a USING (article_id)
WHERE m.entity_id = :entity_id ORDER BY a.published_on IS NULL, a.published_on, a.article_id, m.seq
"""
# Entities named in the same articles, by how many articles they share with this one.
MET_WITH = """
SELECT e.entity_id, e.kind, e.name_vi, e.name_en, count(DISTINCT m.article_id) AS articles
FROM mentions m JOIN entities e USING (entity_id)
WHERE m.article_id IN (SELECT article_id FROM mentions WHERE entity_id = :entity_id)
  AND m.entity_id <> :entity_id AND e.kind = :kind
GROUP BY e.entity_id ORDER BY articles DESC, e.name_vi LIMIT :limit
"""
