"""The two views users read: `articles_en` (one article per row) and `segments_bilingual`."""

from __future__ import annotations

from sqlalchemy import Connection, text

# SQLite has no ordered group_concat before 3.44; as a window function over an ordered frame
# it concatenates in that order, which keeps sentences and paragraphs in reading order.
_ARTICLES_EN_SQLITE = """
CREATE VIEW articles_en AS
WITH sentences AS (
    SELECT article_id, paragraph_no,
           group_concat(text_en, ' ') OVER (
               PARTITION BY article_id, paragraph_no ORDER BY seq
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS paragraph_en,
           row_number() OVER (PARTITION BY article_id, paragraph_no ORDER BY seq) AS rn
    FROM segments WHERE kind <> 'title'
), paragraphs AS (
    SELECT article_id, paragraph_no, paragraph_en FROM sentences WHERE rn = 1
), bodies AS (
    SELECT article_id,
           group_concat(paragraph_en, char(10) || char(10)) OVER (
               PARTITION BY article_id ORDER BY paragraph_no
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS body_en,
           row_number() OVER (PARTITION BY article_id ORDER BY paragraph_no) AS rn
    FROM paragraphs
)
SELECT a.article_id, a.outlet, a.url, a.published_on, a.status, a.title_en, b.body_en
FROM articles a LEFT JOIN bodies b ON b.article_id = a.article_id AND b.rn = 1
"""

_ARTICLES_EN_POSTGRESQL = """
CREATE VIEW articles_en AS
WITH paragraphs AS (
    SELECT article_id, paragraph_no, string_agg(text_en, ' ' ORDER BY seq) AS paragraph_en
    FROM segments WHERE kind <> 'title' GROUP BY article_id, paragraph_no
), bodies AS (
    SELECT article_id, string_agg(paragraph_en, E'\\n\\n' ORDER BY paragraph_no) AS body_en
    FROM paragraphs GROUP BY article_id
)
SELECT a.article_id, a.outlet, a.url, a.published_on, a.status, a.title_en, b.body_en
FROM articles a LEFT JOIN bodies b ON b.article_id = a.article_id
"""

_SEGMENTS_BILINGUAL = """
CREATE VIEW segments_bilingual AS
SELECT s.article_id, a.outlet, a.published_on, s.seq, s.kind, s.paragraph_no, s.sentence_no,
       s.text_vi, s.text_en, s.translation_model{quality_flags}
FROM segments s JOIN articles a ON a.article_id = s.article_id
"""


def create_views(connection: Connection, quality_flags: bool = True) -> None:
    """Create the views in the connection's dialect (migration 0001 predates quality_flags)."""
    articles_en = _ARTICLES_EN_POSTGRESQL if connection.dialect.name == "postgresql" else _ARTICLES_EN_SQLITE
    connection.execute(text(articles_en))
    connection.execute(
        text(_SEGMENTS_BILINGUAL.format(quality_flags=", s.quality_flags" if quality_flags else ""))
    )


def drop_views(connection: Connection) -> None:
    """Drop the views."""
    connection.execute(text("DROP VIEW IF EXISTS segments_bilingual"))
    connection.execute(text("DROP VIEW IF EXISTS articles_en"))
