"""Words and terms for search on PostgreSQL: tsvector and tsquery written from Python, matches marked.

SQLite's FTS5 splits text into words with its `unicode61` tokenizer; PostgreSQL's text search
parser splits differently ("537/qd" is one file-path token there, "ha-noi" three). So on
PostgreSQL tintuc splits words itself, with the regular expression the query side uses on both
backends, and hands the server finished lexemes: a document's words as a tsvector literal, a
query as a tsquery literal. Both backends then agree on what a word is, and the folding is
warehouse/folding.py's on both (no `unaccent`, which leaves nothing to install on the server).

Three kinds of term, as the SQLite index has three kinds of column:
folded ("vi": fold() already applied), exact ("vi", diacritics kept, case folded) and english
(folded, then Porter-stemmed as FTS5's `porter` tokenizer does).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import Literal, NamedTuple

import snowballstemmer

from warehouse.folding import MATCH_END, MATCH_START, fold

Kind = Literal["folded", "exact", "english"]
WORD = re.compile(r"[^\W_]+")
# PostgreSQL refuses a lexeme of 2 KB or more ("word is too long"): such a word is left unindexed.
MAX_TERM_BYTES = 2046
# FTS5's porter tokenizer stems only words of 3 to 64 characters; longer or shorter pass as they are.
_STEMMED_LENGTHS = range(3, 65)
_local = threading.local()


def _stem(word: str) -> str:
    """Return Porter's stem of a word (one stemmer per thread: a Snowball stemmer keeps state)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("porter")
    return word if len(word) not in _STEMMED_LENGTHS else str(stemmer.stemWord(word))


_TERM: dict[Kind, Callable[[str], str]] = {
    "folded": str,  # searched_text() folded it already
    "exact": str.lower,
    "english": _stem,
}


def searched_text(content: str, kind: Kind) -> str:
    """Return the text whose words a kind of term is made from: folded, except for exact search."""
    return content if kind == "exact" else fold(content)


def terms(content: str, kind: Kind) -> Iterator[tuple[str, int, int]]:
    """Yield each word's term and where the word is (start, end) in content as given."""
    make_term = _TERM[kind]
    for word in WORD.finditer(searched_text(content, kind)):
        yield make_term(word.group()), word.start(), word.end()


def _fits(term: str) -> bool:
    """Return True if PostgreSQL takes the term as a lexeme."""
    return len(term.encode("utf-8")) <= MAX_TERM_BYTES


def tsvector_literal(content: str, kind: Kind, title: bool) -> str:
    """Return content's terms as a tsvector literal: each with its positions, weight A for a title.

    PostgreSQL keeps positions up to 16,383 and 256 per term: enough for a sentence or a title.
    """
    positions: dict[str, list[int]] = {}
    for position, (term, _start, _end) in enumerate(terms(content, kind), 1):
        if _fits(term):
            positions.setdefault(term, []).append(position)
    weight = "A" if title else ""
    return " ".join(
        f"'{term}':" + ",".join(f"{position}{weight}" for position in places)
        for term, places in positions.items()
    )


def query_phrases(query: str, kind: Kind) -> list[list[str]]:
    """Return the query's phrases as lists of terms: one phrase per space-separated piece with words.

    As on SQLite (search.match_expression), "Hà-Nội" or "537/QĐ" is a phrase of its words, and
    everything that is not a word is a separator.
    """
    phrases = ([term for term, _start, _end in terms(piece, kind)] for piece in query.split())
    return [phrase for phrase in phrases if phrase]


def tsquery_literal(phrases: list[list[str]]) -> str | None:
    """Return a tsquery in which every phrase must occur, its words side by side; None if none can.

    Terms are quoted lexemes, so nothing typed is tsquery syntax. A term too long to be indexed
    cannot match anything: None.
    """
    if any(not _fits(term) for phrase in phrases for term in phrase):
        return None
    return " & ".join("(" + " <-> ".join(f"'{term}'" for term in phrase) + ")" for phrase in phrases)


def _matched_spans(content: str, kind: Kind, phrases: list[list[str]]) -> list[tuple[int, int]]:
    """Return where in content each phrase occurs, overlapping occurrences merged, in order."""
    found = list(terms(content, kind))
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        for first in range(len(found) - len(phrase) + 1):
            if [term for term, _s, _e in found[first : first + len(phrase)]] == phrase:
                spans.append((found[first][1], found[first + len(phrase) - 1][2]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked(content: str, kind: Kind, phrases: list[list[str]]) -> str:
    """Return content with each match wrapped in MATCH_START/MATCH_END, as FTS5's highlight() does.

    fold() keeps every character in place, so spans found in the folded text mark the original.
    """
    pieces: list[str] = []
    done = 0
    for start, end in _matched_spans(content, kind, phrases):
        pieces += [content[done:start], MATCH_START, content[start:end], MATCH_END]
        done = end
    pieces.append(content[done:])
    return "".join(pieces)


class Match(NamedTuple):
    """One article's best row, from either backend: its text with the matches marked, and its score."""

    article_id: str
    seq: int | None
    score: float
    marked: str  # MATCH_START/MATCH_END around each match
    original: str  # the row's text as stored
    folded: bool  # marked is the folded text (SQLite), or the original (PostgreSQL)
