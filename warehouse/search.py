"""Full-text search over titles and segments, Vietnamese and English (SQLite FTS5 or PostgreSQL).

On SQLite the index is FTS5 ranked by bm25 (here); on PostgreSQL, tsvectors ranked by ts_rank
(warehouse/search_postgres.py). Vietnamese is searched folded (warehouse/folding.py: "thanh uy
ha noi" finds "Thành ủy Hà Nội", "duong" finds "đường") or, with exact=True, as written:
diacritics must match, case need not. English is folded the same way and Porter-stemmed
("disciplined" finds "discipline"); exact does not change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select, text

from flows.steps.ingest.normalize import normalize_line
from warehouse.folding import MATCH_END, MATCH_START, fold
from warehouse.models import Article
from warehouse.search_index import SEARCH_BACKENDS
from warehouse.search_postgres import postgres_matches
from warehouse.search_terms import WORD, Match

LANGS = ("vi", "en", "both")
# What one snippet shows of a long segment, in characters, around its first match.
SNIPPET_CHARS = 240
# Marks a matched term in SearchHit.snippet.
HIGHLIGHT = ("«", "»")
# A title match weighs this many times a segment match.
TITLE_WEIGHT = 10.0


class SearchError(ValueError):
    """The query cannot be searched (it is empty, or holds no word); the message says why."""


class SearchUnavailable(RuntimeError):
    """The warehouse's database has no search index (search needs SQLite or PostgreSQL)."""


@dataclass(frozen=True)
class SearchHit:
    """The best match of one article in one language.

    segment_id is the matching segment's seq (None when the title matched); snippet_parts is
    the snippet as (text, matched) pieces, for a page to mark up; snippet joins them with «».
    score is FTS5's bm25 on SQLite, ts_rank negated on PostgreSQL: lower is better, comparable
    within one language and one backend only.
    """

    article_id: str
    title_vi: str
    title_en: str | None
    lang: str
    segment_id: int | None
    snippet_parts: tuple[tuple[str, bool], ...]
    score: float
    published_on: date | None
    outlet: str | None

    @property
    def snippet(self) -> str:
        """Return the snippet with each matched term wrapped in « »."""
        start, end = HIGHLIGHT
        return "".join(f"{start}{piece}{end}" if matched else piece for piece, matched in self.snippet_parts)


@dataclass(frozen=True)
class _Index:
    """How to search one language: the FTS5 table, its columns, weights and query normaliser."""

    table: str
    columns: tuple[str, str]  # title column, body column
    weights: str
    column_offset: int  # where the columns sit in the table, for highlight()
    folded: bool


_INDEXES = {
    ("vi", False): _Index(
        "search_vi", ("title_folded", "body_folded"), f"{TITLE_WEIGHT}, 1.0, 0, 0", 0, True
    ),
    ("vi", True): _Index("search_vi", ("title", "body"), f"0, 0, {TITLE_WEIGHT}, 1.0", 2, False),
    ("en", False): _Index("search_en", ("title_folded", "body_folded"), f"{TITLE_WEIGHT}, 1.0", 0, True),
}


def _phrases(query: str) -> list[str]:
    """Return each space-separated piece of the query as a phrase of its words; raise SearchError if none."""
    phrases = [" ".join(words) for words in map(WORD.findall, query.split()) if words]
    if not phrases:
        raise SearchError(f"nothing to search for in {query!r}: give at least one word")
    return phrases


def match_expression(query: str, columns: tuple[str, ...]) -> str:
    """Return an FTS5 query for user text: every word must occur, each quoted as a plain phrase.

    Quoting makes FTS5's own syntax (AND, OR, NOT, NEAR, quotes, *, -, :, ^) plain words or
    separators, so no user text can raise a syntax error. Raises SearchError if no word is left.
    """
    quoted = " ".join(f'"{phrase}"' for phrase in _phrases(query))
    return f"{{{' '.join(columns)}}} : ({quoted})"


def _best_per_article(connection: Connection, index: _Index, match: str, limit: int) -> list[Any]:
    """Return (article_id, doc id, seq, score) of each article's best row, best first."""
    sql = f"""
        SELECT article_id, id, seq, score FROM (
            SELECT d.article_id, d.id, d.seq, m.score,
                   row_number() OVER (PARTITION BY d.article_id ORDER BY m.score, d.id) AS rank_in_article
            FROM (SELECT rowid AS id, bm25({index.table}, {index.weights}) AS score
                  FROM {index.table} WHERE {index.table} MATCH :match) AS m
            JOIN search_docs AS d ON d.id = m.id
        ) WHERE rank_in_article = 1 ORDER BY score, article_id LIMIT :limit
    """
    return list(connection.execute(text(sql), {"match": match, "limit": limit}))


def _highlighted(connection: Connection, index: _Index, match: str, ids: list[int]) -> dict[int, Any]:
    """Return each row's text with its matches marked, and its original text, by doc id."""
    title_column, body_column = index.column_offset, index.column_offset + 1
    sql = text(f"""
        SELECT f.rowid,
               coalesce(highlight({index.table}, {title_column}, :start, :end),
                        highlight({index.table}, {body_column}, :start, :end)),
               coalesce(d.title, d.body)
        FROM {index.table} AS f JOIN search_docs AS d ON d.id = f.rowid
        WHERE {index.table} MATCH :match AND f.rowid IN :ids
    """).bindparams(bindparam("ids", expanding=True))
    parameters = {"match": match, "ids": ids, "start": MATCH_START, "end": MATCH_END}
    return {row[0]: row[1:] for row in connection.execute(sql, parameters)}


def _spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the text without match marks, and where the marked matches were in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for char in marked:
        if char == MATCH_START:
            start = len(plain)
        elif char == MATCH_END:
            if spans and not "".join(plain[spans[-1][1] : start]).strip():
                start = spans.pop()[0]  # consecutive matched words make one mark: «Thành ủy Hà Nội»
            spans.append((start, len(plain)))
        else:
            plain.append(char)
    return "".join(plain), spans


def _window(content: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Return the stretch a snippet shows: the whole text, or SNIPPET_CHARS around the first match."""
    length = len(content)
    if length <= SNIPPET_CHARS:
        return 0, length
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET_CHARS // 4, length - SNIPPET_CHARS))
    if start > 0:
        space = content.find(" ", start, first)
        start = space + 1 if space >= 0 else start  # begin on a word
    end = min(length, start + SNIPPET_CHARS)
    if end < length:
        space = content.rfind(" ", start, end)
        end = space if space > first else end  # end on a word
    return start, end


def snippet_parts(marked: str, original: str, folded: bool) -> tuple[tuple[str, bool], ...]:
    """Cut a snippet out of the original text, its matches found in the (folded) marked text."""
    plain, spans = _spans(marked)
    # fold() keeps every character in place, so a folded match is at the same offsets in the original.
    content = original if folded and len(original) == len(plain) else plain
    start, end = _window(content, spans)
    parts: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    done = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end or span_start < done:
            continue
        parts += [(content[done:span_start], False), (content[span_start:span_end], True)]
        done = span_end
    parts.append((content[done:end], False))
    if end < len(content):
        parts.append(("…", False))
    return tuple(part for part in parts if part[0])


def _articles(connection: Connection, article_ids: list[str]) -> dict[str, Any]:
    """Return the articles' titles, dates and outlets by id."""
    query = select(
        Article.article_id, Article.title_vi, Article.title_en, Article.published_on, Article.outlet
    ).where(Article.article_id.in_(article_ids))
    return {row.article_id: row for row in connection.execute(query)}


def _sqlite_matches(connection: Connection, lang: str, query: str, limit: int, exact: bool) -> list[Match]:
    """Return each matching article's best row in one language, best first, from FTS5."""
    index = _INDEXES[(lang, exact and lang == "vi")]
    match = match_expression(fold(query) if index.folded else query, index.columns)
    best = _best_per_article(connection, index, match, limit)
    marks = _highlighted(connection, index, match, [row.id for row in best]) if best else {}
    return [
        Match(row.article_id, row.seq, float(row.score), marks[row.id][0], marks[row.id][1], index.folded)
        for row in best
    ]


def _search_one(connection: Connection, lang: str, query: str, limit: int, exact: bool) -> list[SearchHit]:
    """Return the hits of one language, best first."""
    # The query is normalised as the articles were (NFC, traditional tone placement: "uỷ" → "ủy").
    normalised = normalize_line(query)
    if connection.dialect.name == "postgresql":
        matches = postgres_matches(connection, lang, normalised, limit, exact)
    else:
        matches = _sqlite_matches(connection, lang, normalised, limit, exact)
    articles = _articles(connection, [match.article_id for match in matches]) if matches else {}
    hits = []
    for match in matches:
        article = articles[match.article_id]
        hits.append(
            SearchHit(
                article_id=match.article_id,
                title_vi=article.title_vi,
                title_en=article.title_en,
                lang=lang,
                segment_id=match.seq,
                snippet_parts=snippet_parts(match.marked, match.original, match.folded),
                score=match.score,
                published_on=article.published_on,
                outlet=article.outlet,
            )
        )
    return hits


def search(
    engine: Engine, query: str, lang: str = "both", limit: int = 20, exact: bool = False
) -> list[SearchHit]:
    """Return the articles matching query, best first (a title match counts ten times a segment's).

    Each article appears at most once per language, with its best-matching title or segment:
    with lang="both" an article can appear twice, once in each language. Every word of the
    query must occur (in any order). exact=True matches Vietnamese diacritics as written.
    Raises SearchError for a query with no word, SearchUnavailable on a database other than
    SQLite or PostgreSQL.
    """
    if lang not in LANGS:
        raise SearchError(f"unknown language {lang!r}: use vi, en or both")
    if not query.strip():
        raise SearchError("the query is empty: give at least one word")
    if limit < 1:
        raise SearchError(f"limit must be at least 1, not {limit}")
    if engine.dialect.name not in SEARCH_BACKENDS:
        raise SearchUnavailable(
            f"search needs a SQLite or PostgreSQL warehouse; this one is {engine.dialect.name}"
        )
    _phrases(query)  # a query with no word is refused alike on both backends
    languages = ("vi", "en") if lang == "both" else (lang,)
    with engine.connect() as connection:
        hits = [hit for one in languages for hit in _search_one(connection, one, query, limit, exact)]
    return sorted(hits, key=lambda hit: hit.score)[:limit]
