"""Render an article as a reader sees it: title, then paragraphs and captions in order."""

from __future__ import annotations

from flows.reader.shape import (
    PENDING,
    authors_line,
    languages,
    paragraph_credit,
    paragraph_groups,
    paragraph_text,
)
from warehouse.queries import ArticleForReading


def render_article(found: ArticleForReading, lang: str) -> str:
    """Return the article as plain text in English, Vietnamese or both."""
    shown = languages(lang)
    article = found.article
    header = [
        str(article["outlet"] or ""),
        authors_line(article.get("authors")) or "",
        str(article["published_on"] or ""),
    ]
    blocks: list[str] = []
    for kind, sentences in paragraph_groups(found.segments):
        texts = [paragraph_text(sentences, each) or PENDING for each in shown]
        if kind == "title":
            blocks.append("\n".join(texts))
            blocks.append(" · ".join(part for part in header if part))
        elif kind == "caption":
            credit = f" ({shown_credit})" if (shown_credit := paragraph_credit(sentences)) else ""
            blocks.append("\n".join(f"[photo] {text}{credit}" for text in texts))
        else:
            blocks.append("\n".join(texts))
    return "\n\n".join(blocks) + "\n"
