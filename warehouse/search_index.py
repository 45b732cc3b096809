"""Keep the search index in step with the warehouse: called wherever titles or segments change.

The index (migration 0004) is SQLite FTS5 tables reading from `search_docs`: one row per
article title and per non-title segment, in each language that has text, holding the text and
its folded copy. Whoever changes an article's text calls `refresh_search_index` with its id in
the same transaction, so a reader never sees the index disagree with the tables. On another
database (PostgreSQL, which has no FTS5) this does nothing: loading goes on, search says it
needs SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from warehouse.folding import fold
from warehouse.models import Article, Segment

# Every table the index adds (FTS5 adds its shadow tables search_vi_data, …): not part of the models.
SEARCH_TABLE_PREFIX = "search_"
_CHUNK = 500  # article ids per statement, well under SQLite's limit on bound parameters
_INSERT = text(
    "INSERT INTO search_docs (article_id, seq, lang, title, body, title_folded, body_folded) "
    "VALUES (:article_id, :seq, :lang, :title, :body, :title_folded, :body_folded)"
)
_DELETE = text("DELETE FROM search_docs WHERE article_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def is_search_table(name: str) -> bool:
    """Return True for the index's own tables (derived data, kept out of the models)."""
    return name.startswith(SEARCH_TABLE_PREFIX)


def has_search_index(connection: Connection) -> bool:
    """Return True if this database can hold the index (SQLite with FTS5)."""
    return connection.dialect.name == "sqlite"


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
    for chunk in _chunks(article_ids):
        connection.execute(_DELETE, {"ids": chunk})
        rows = list(_docs(connection, chunk))
        if rows:
            connection.execute(_INSERT, rows)


def rebuild_search_index(connection: Connection) -> None:
    """Index every article the warehouse holds, from nothing (the migration's back-fill)."""
    if not has_search_index(connection):
        return
    connection.execute(text("DELETE FROM search_docs"))
    refresh_search_index(connection, connection.scalars(select(Article.article_id)))
