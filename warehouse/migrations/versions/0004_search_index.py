"""Search index: SQLite FTS5 over titles and segments, Vietnamese folded and exact, English stemmed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

SQLite only: PostgreSQL has no FTS5; it gets its own index (tsvectors) in 0007.
The index is derived data (warehouse/search_index.py keeps it), filled here from what the
warehouse already holds.
"""

from __future__ import annotations

from alembic import op

from warehouse.search_index import rebuild_search_index

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# One row per title or segment and language: the original text and its folded copy
# (warehouse/folding.py), a title in the title columns and a segment in the body columns, so
# bm25 can weigh them apart. The FTS5 tables read their text from here (external content).
_DOCS = """
CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    article_id VARCHAR(32) NOT NULL,
    seq INTEGER,
    lang VARCHAR(2) NOT NULL,
    title TEXT,
    body TEXT,
    title_folded TEXT,
    body_folded TEXT
)
"""
# Vietnamese: the folded columns for the usual search, the original ones for exact search
# (case folded by unicode61, diacritics kept). English: the folded columns, Porter-stemmed.
_VI = (
    "CREATE VIRTUAL TABLE search_vi USING fts5(title_folded, body_folded, title, body, "
    "content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
)
_EN = (
    "CREATE VIRTUAL TABLE search_en USING fts5(title_folded, body_folded, "
    "content='search_docs', content_rowid='id', tokenize='porter unicode61 remove_diacritics 0')"
)
# SQLite's own pattern for external-content tables: triggers keep each index in step with its rows.
_TRIGGERS = (
    """CREATE TRIGGER search_docs_insert_vi AFTER INSERT ON search_docs WHEN new.lang = 'vi' BEGIN
        INSERT INTO search_vi(rowid, title_folded, body_folded, title, body)
        VALUES (new.id, new.title_folded, new.body_folded, new.title, new.body);
    END""",
    """CREATE TRIGGER search_docs_delete_vi AFTER DELETE ON search_docs WHEN old.lang = 'vi' BEGIN
        INSERT INTO search_vi(search_vi, rowid, title_folded, body_folded, title, body)
        VALUES ('delete', old.id, old.title_folded, old.body_folded, old.title, old.body);
    END""",
    """CREATE TRIGGER search_docs_insert_en AFTER INSERT ON search_docs WHEN new.lang = 'en' BEGIN
        INSERT INTO search_en(rowid, title_folded, body_folded)
        VALUES (new.id, new.title_folded, new.body_folded);
    END""",
    """CREATE TRIGGER search_docs_delete_en AFTER DELETE ON search_docs WHEN old.lang = 'en' BEGIN
        INSERT INTO search_en(search_en, rowid, title_folded, body_folded)
        VALUES ('delete', old.id, old.title_folded, old.body_folded);
    END""",
)


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    for statement in (_DOCS, "CREATE INDEX ix_search_docs_article_id ON search_docs (article_id)", _VI, _EN):
        connection.exec_driver_sql(statement)
    for trigger in _TRIGGERS:
        connection.exec_driver_sql(trigger)
    # Uses today's maintenance code: a later change to the index's shape comes with a migration
    # that drops and rebuilds it.
    rebuild_search_index(connection)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    for name in ("search_vi", "search_en", "search_docs"):  # dropping search_docs drops its triggers
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
