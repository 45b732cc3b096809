"""Export articles as JSON Lines, Markdown or one standalone bilingual HTML file (plain functions).

Each builder takes ArticleRecords (warehouse/export.py) and yields the output in pieces, so a
whole warehouse streams to a file; the browse pages can call the same functions. Article text
is data, never markup: HTML escapes every value and links only http(s) URLs; Markdown escapes
what Markdown or HTML would read.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2

from flows.reader.shape import LANGS as LANGS  # the CLI checks --lang against it here
from flows.reader.shape import (
    PENDING,
    authors_line,
    clickable_url,
    languages,
    paragraph_credit,
    paragraph_groups,
    paragraph_text,
)
from warehouse.export import ArticleRecord
from warehouse.search import SearchHit

FORMATS = ("html", "md", "jsonl")


def _json_value(value: Any) -> Any:
    """Return dates and times as ISO 8601 text, for JSON."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _only(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """Return a row without the columns of the language left out (`*_en` for vi, `*_vi` for en)."""
    left_out = {"vi": "_en", "en": "_vi"}.get(lang)
    return {key: value for key, value in row.items() if left_out is None or not key.endswith(left_out)}


def jsonl_lines(records: Iterable[ArticleRecord], lang: str = "both") -> Iterator[str]:
    """Yield one JSON object per article and line: its columns, then segments, entities, mentions, facts."""
    languages(lang)
    for record in records:
        line = {
            **_only(record.article, lang),
            "segments": [_only(row, lang) for row in record.segments],
            "entities": [_only(row, lang) for row in record.entities],
            "mentions": [_only(row, lang) for row in record.mentions],
            "facts": [_only(row, lang) for row in record.facts],
        }
        yield json.dumps(line, ensure_ascii=False, default=_json_value) + "\n"


def paragraphs(record: ArticleRecord) -> list[tuple[str, list[dict[str, Any]]]]:
    """Return the article's paragraphs after its title, as (kind, sentences) in reading order."""
    return paragraph_groups(segment for segment in record.segments if segment["kind"] != "title")


def _about(record: ArticleRecord) -> list[str]:
    """Return the outlet, the date and the source of an article, those it has."""
    article = record.article
    return [
        str(part)
        for part in (article["outlet"], authors_line(article.get("authors")), article["published_on"])
        if part
    ]


# Markdown and HTML read these (a link needs its [ ], so ( ) can stay); a backslash makes each plain.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def markdown_escape(text: str) -> str:
    """Return text that Markdown shows as written (no emphasis, links, HTML or headings)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _markdown_article(record: ArticleRecord, shown: tuple[str, ...]) -> Iterator[str]:
    """Yield one article as Markdown: title, date line, then each paragraph in each language."""
    article = record.article
    titles = {"vi": article["title_vi"], "en": article["title_en"] or PENDING}
    yield f"## {markdown_escape(titles[shown[0]])}\n\n"
    for lang in shown[1:]:
        yield f"*{markdown_escape(titles[lang])}*\n\n"
    about = " · ".join([*_about(record), f"id {article['article_id']}"])
    yield f"{markdown_escape(about)}\n\n"
    if article["url"]:
        url = article["url"].replace("`", "%60").replace("\n", " ")
        yield f"Source: `{url}`\n\n"
    for kind, sentences in paragraphs(record):
        for lang in shown:
            text = markdown_escape(paragraph_text(sentences, lang) or PENDING)
            yield f"{'*Photo:* ' if kind == 'caption' else ''}{text}\n\n"
        if credit := paragraph_credit(sentences):  # as written, in no language of its own
            yield f"*{markdown_escape(credit)}*\n\n"


def markdown_document(
    records: Iterable[ArticleRecord], lang: str = "both", heading: str = ""
) -> Iterator[str]:
    """Yield articles as one Markdown document, each under a second-level heading."""
    shown = languages(lang)
    if heading:
        yield f"# {markdown_escape(heading)}\n\n"
    for record in records:
        yield from _markdown_article(record, shown)
        yield "---\n\n"


_TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def _templates() -> jinja2.Environment:
    """Return the reader's templates, every value escaped (article text is data, never markup)."""
    loader = jinja2.FileSystemLoader(_TEMPLATES)
    return jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True)


def _entities(record: ArticleRecord, shown: tuple[str, ...]) -> list[dict[str, Any]]:
    """Return the people, organisations and places an article names, each with its roles in the article."""
    roles: dict[str, set[str]] = {}
    for mention in record.mentions:
        role = " / ".join(mention[f"role_{lang}"] for lang in shown if mention[f"role_{lang}"])
        if role:
            roles.setdefault(mention["entity_id"], set()).add(role)
    return [
        {
            "names": [(lang, entity[f"name_{lang}"]) for lang in shown if entity[f"name_{lang}"]],
            "kind": entity["kind"],
            "said": "; ".join(sorted(roles.get(entity["entity_id"], ()))),
        }
        for entity in record.entities
    ]


def _html_article(record: ArticleRecord, shown: tuple[str, ...]) -> dict[str, Any]:
    """Return what the export template shows of one article, paragraph by paragraph in each language."""
    article = record.article
    return {
        "id": article["article_id"],
        "titles": [(lang, article[f"title_{lang}"]) for lang in shown],
        "about": " · ".join([*_about(record), f"id {article['article_id']}"]),
        "url": article["url"],
        "link": clickable_url(article["url"]),  # javascript: and the like stay text, never a link
        "paragraphs": [
            (
                "caption" if kind == "caption" else "",
                [(lang, paragraph_text(sentences, lang)) for lang in shown],
                paragraph_credit(sentences),
            )
            for kind, sentences in paragraphs(record)
        ],
        "entities": _entities(record, shown),
    }


def html_document(
    records: Iterable[ArticleRecord],
    lang: str = "both",
    heading: str = "tintuc export",
    query: str | None = None,
    hits: list[SearchHit] | None = None,
) -> Iterator[str]:
    """Yield one standalone HTML file: no script, nothing loaded from elsewhere, lang on every block.

    heading is English; a search's query (either language: lang "und") and hits come first if given.
    """
    shown = languages(lang)
    template = _templates().get_template("tintuc_export.html")
    yield from template.generate(
        heading=heading,
        query=query,
        hits=hits or [],
        articles=(_html_article(record, shown) for record in records),
        pending=PENDING,
    )
