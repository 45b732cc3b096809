"""Search on PostgreSQL: the tsvectors of search_docs (migration 0007), ranked by ts_rank.

The query is cut into terms by warehouse/search_terms.py exactly as the rows were, so every
word must occur and a piece like "Hà-Nội" is a phrase, as on SQLite. ts_rank stands in for
bm25: a title's words weigh ten times a segment's (weights A and D), and a longer text ranks a
little lower (normalisation 1: divided by 1 + the log of its length). The score is the rank
negated, so that lower is better on both backends.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, text

from warehouse.search_terms import Kind, Match, marked, query_phrases, tsquery_literal

# ts_rank's weights for D, C, B, A: a segment 0.1, a title 1.0 (search.TITLE_WEIGHT times as much).
RANK_WEIGHTS = "{0.1, 0, 0, 1.0}"
# Divide the rank by 1 + log(length), as bm25 favours shorter texts.
RANK_NORMALISATION = 1
# Per search: the tsvector column, the language (a constant, so the planner picks the partial
# GIN index), and the kind of term the query is cut into.
_SEARCHES: dict[tuple[str, bool], tuple[str, str, Kind]] = {
    ("vi", False): ("words", "vi", "folded"),
    ("vi", True): ("exact_words", "vi", "exact"),
    ("en", False): ("words", "en", "english"),
}


def _best_per_article(connection: Connection, column: str, lang: str, query: str, limit: int) -> list[Any]:
    """Return (article_id, id, seq, score) of each article's best row, best first."""
    rank = f"ts_rank(CAST(:weights AS real[]), d.{column}, q.query, {RANK_NORMALISATION})"
    sql = f"""
        SELECT article_id, id, seq, score FROM (
            SELECT d.article_id, d.id, d.seq, -{rank} AS score,
                   row_number() OVER (PARTITION BY d.article_id ORDER BY {rank} DESC, d.id) AS rank_in_article
            FROM search_docs AS d, (SELECT CAST(:query AS tsquery) AS query) AS q
            WHERE d.lang = '{lang}' AND d.{column} @@ q.query
        ) AS ranked WHERE rank_in_article = 1 ORDER BY score, article_id LIMIT :limit
    """
    parameters = {"weights": RANK_WEIGHTS, "query": query, "limit": limit}
    return list(connection.execute(text(sql), parameters))


def _texts(connection: Connection, ids: list[int]) -> dict[int, str]:
    """Return each row's title or segment text, by id."""
    sql = text("SELECT id, coalesce(title, body) FROM search_docs WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return {row[0]: row[1] for row in connection.execute(sql, {"ids": ids})}


def postgres_matches(connection: Connection, lang: str, query: str, limit: int, exact: bool) -> list[Match]:
    """Return each matching article's best row in one language, best first, its matches marked.

    query is normalised already (search.normalize_line); exact applies to Vietnamese only.
    """
    column, language, kind = _SEARCHES[(lang, exact and lang == "vi")]
    phrases = query_phrases(query, kind)
    tsquery = tsquery_literal(phrases)
    if not phrases or tsquery is None:
        return []
    best = _best_per_article(connection, column, language, tsquery, limit)
    texts = _texts(connection, [row.id for row in best]) if best else {}
    return [
        Match(
            row.article_id,
            row.seq,
            float(row.score),
            marked(texts[row.id], kind, phrases),
            texts[row.id],
            False,
        )
        for row in best
    ]
