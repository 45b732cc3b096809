"""Keep the search index in step with the warehouse: called wherever titles or segments change.

The index is `search_docs`: one row per article title and per non-title segment, in each
language that has text, holding the text and its folded copy. On SQLite (migration 0004) FTS5
tables read from it through triggers; on PostgreSQL (migration 0007) each row also carries its
words as tsvectors (warehouse/search_terms.py), under GIN indexes. Whoever changes an article's
text calls `refresh_search_index` with its id in the same transaction, so a reader never sees
the index disagree with the tables. On any other database this does nothing: loading goes on,
and search says it is not available there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from warehouse.folding import fold
from warehouse.models import Article, Segment
from warehouse.search_terms import tsvector_literal

# Every table the index adds (FTS5 adds its shadow tables search_vi_data, …): not part of the models.
SEARCH_TABLE_PREFIX = "search_"
# The databases that hold an index: SQLite (FTS5, migration 0004) and PostgreSQL (tsvectors, 0007).
SEARCH_BACKENDS = ("sqlite", "postgresql")
_CHUNK = 500  # article ids per statement, well under SQLite's limit on bound parameters
_INSERT = text(
    "INSERT INTO search_docs (article_id, seq, lang, title, body, title_folded, body_folded) "
    "VALUES (:article_id, :seq, :lang, :title, :body, :title_folded, :body_folded)"
)
# On PostgreSQL the row carries its words too: folded (and stemmed for English), and as written.
_INSERT_POSTGRES = text(
    "INSERT INTO search_docs (article_id, seq, lang, title, body, title_folded, body_folded, words, "
    "exact_words) VALUES (:article_id, :seq, :lang, :title, :body, :title_folded, :body_folded, "
    "CAST(:words AS tsvector), CAST(:exact_words AS tsvector))"
)
_DELETE = text("DELETE FROM search_docs WHERE article_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def is_search_table(name: str) -> bool:
    """Return True for the index's own tables (derived data, kept out of the models)."""
    return name.startswith(SEARCH_TABLE_PREFIX)


def has_search_index(connection: Connection) -> bool:
    """Return True if this database can hold the index (SQLite with FTS5, or PostgreSQL)."""
    return connection.dialect.name in SEARCH_BACKENDS


def _with_words(doc: dict[str, Any]) -> dict[str, Any]:
    """Return an index row with its tsvectors, for PostgreSQL."""
    content, title = (doc["title"], True) if doc["seq"] is None else (doc["body"], False)
    english = doc["lang"] == "en"
    return {
        **doc,
        "words": tsvector_literal(content, "english" if english else "folded", title),
        "exact_words": None if english else tsvector_literal(content, "exact", title),
    }


def _doc(article_id: str, seq: int | None, lang: str, content: str) -> dict[str, Any]:
    """Return one index row: a title (seq None) or a segment, its text and folded copy."""
    place = "title" if seq is None else "body"
    other = "body" if seq is None else "title"
    return {
        "article_id": article_id,
        "seq": seq,
        "lang": lang,
        place: content,
        f"{place}_folded": fold(content),
        other: None,
        f"{other}_folded": None,
    }


def _docs(connection: Connection, article_ids: list[str]) -> Iterator[dict[str, Any]]:
    """Yield the index rows of these articles as the tables hold them now."""
    titles = select(Article.article_id, Article.title_vi, Article.title_en).where(
        Article.article_id.in_(article_ids)
    )
    for article_id, title_vi, title_en in connection.execute(titles):
        yield _doc(article_id, None, "vi", title_vi)
        if title_en:
            yield _doc(article_id, None, "en", title_en)
    # The title's own segments are left out: the article's title row holds the whole title.
    segments = select(Segment.article_id, Segment.seq, Segment.text_vi, Segment.text_en).where(
        Segment.article_id.in_(article_ids), Segment.kind != "title"
    )
    for article_id, seq, text_vi, text_en in connection.execute(segments):
        yield _doc(article_id, seq, "vi", text_vi)
        if text_en:
            yield _doc(article_id, seq, "en", text_en)


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """Yield the distinct ids in lists of at most _CHUNK."""
    distinct = list(dict.fromkeys(ids))
    for start in range(0, len(distinct), _CHUNK):
        yield distinct[start : start + _CHUNK]


def refresh_search_index(connection: Connection, article_ids: Iterable[str]) -> None:
    """Re-index these articles from the tables; an article no longer there leaves the index.

    Runs inside the caller's transaction, after its writes.
    """
    if not has_search_index(connection):
        return
    postgres = connection.dialect.name == "postgresql"
    for chunk in _chunks(article_ids):
        connection.execute(_DELETE, {"ids": chunk})
        rows = list(_docs(connection, chunk))
        if rows and postgres:
            connection.execute(_INSERT_POSTGRES, [_with_words(row) for row in rows])
        elif rows:
            connection.execute(_INSERT, rows)


def rebuild_search_index(connection: Connection) -> None:
    """Index every article the warehouse holds, from nothing (the migration's back-fill)."""
    if not has_search_index(connection):
        return
    connection.execute(text("DELETE FROM search_docs"))
    refresh_search_index(connection, connection.scalars(select(Article.article_id)))
