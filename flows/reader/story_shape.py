"""Shape a story's rows for its page: originals in time order, each with its near-copies folded under it."""

from __future__ import annotations

from itertools import groupby
from typing import Any


def timeline(articles: list[dict[str, Any]], leads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the story's original articles in time order, each with its lead and its copies.

    A copy whose original is not in the story (it was loaded again elsewhere) stands as an article.
    """
    first_paragraph = {
        article_id: _joined(list(sentences))
        for article_id, sentences in groupby(leads, key=lambda r: r["article_id"])
    }
    originals = {row["article_id"] for row in articles if row["duplicate_of"] is None}
    cards: dict[str, dict[str, Any]] = {}
    for row in articles:
        if row["duplicate_of"] in originals:
            continue
        cards[row["article_id"]] = {**row, "lead": first_paragraph.get(row["article_id"]), "copies": []}
    for row in articles:
        if row["duplicate_of"] in cards:
            cards[row["duplicate_of"]]["copies"].append(row)
    return list(cards.values())


def _joined(sentences: list[dict[str, Any]]) -> dict[str, str | None]:
    """Return a paragraph's Vietnamese, and its English only when every sentence has English."""
    english = [row["text_en"] for row in sentences]
    return {
        "vi": " ".join(row["text_vi"] for row in sentences),
        "en": None if None in english else " ".join(english),
    }


def headline(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the story's head: its first original article as placed (a copy only if it has none)."""
    ordered = sorted(articles, key=lambda row: (row["duplicate_of"] is not None, str(row["placed_at"])))
    return ordered[0]
