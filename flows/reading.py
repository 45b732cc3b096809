"""Render an article as a reader sees it: title, then paragraphs and captions in order."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from warehouse.queries import ArticleForReading

PENDING = "(translation pending)"


def _paragraph_text(sentences: list[dict[str, Any]], column: str) -> str:
    """Join a paragraph's sentences; a missing translation shows as pending."""
    parts = [s[column] for s in sentences]
    if any(part is None for part in parts):
        return PENDING
    return " ".join(parts)


def render_article(found: ArticleForReading, lang: str) -> str:
    """Return the article as plain text in English, Vietnamese or both."""
    columns = {"en": ["text_en"], "vi": ["text_vi"], "both": ["text_vi", "text_en"]}[lang]
    article = found.article
    header = [str(article["outlet"] or ""), str(article["published_on"] or "")]
    blocks: list[str] = []
    for _, group in groupby(found.segments, key=lambda s: s["paragraph_no"]):
        sentences = list(group)
        kind = sentences[0]["kind"]
        texts = [_paragraph_text(sentences, column) for column in columns]
        if kind == "title":
            blocks.append("\n".join(texts))
            blocks.append(" · ".join(part for part in header if part))
        elif kind == "caption":
            credit = next((f" ({s['credit']})" for s in sentences if s.get("credit")), "")
            blocks.append("\n".join(f"[photo] {text}{credit}" for text in texts))
        else:
            blocks.append("\n".join(texts))
    return "\n\n".join(blocks) + "\n"
