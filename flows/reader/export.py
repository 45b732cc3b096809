"""Export articles as JSON Lines, Markdown or one standalone bilingual HTML file (plain functions).

Each builder takes ArticleRecords (warehouse/export.py) and yields the output in pieces, so a
whole warehouse streams to a file; the browse pages can call the same functions. Article text
is data, never markup: HTML escapes every value and links only http(s) URLs; Markdown escapes
what Markdown or HTML would read.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import groupby
from typing import Any

from warehouse.export import ArticleRecord
from warehouse.search import SearchHit

FORMATS = ("html", "md", "jsonl")
LANGS = ("vi", "en", "both")
PENDING = "(translation pending)"
_LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def languages(lang: str) -> tuple[str, ...]:
    """Return the languages an export shows, Vietnamese first."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use vi, en or both")
    return ("vi", "en") if lang == "both" else (lang,)


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
    body = [segment for segment in record.segments if segment["kind"] != "title"]
    return [
        (sentences[0]["kind"], sentences)
        for sentences in (list(group) for _, group in groupby(body, key=lambda s: s["paragraph_no"]))
    ]


def paragraph_text(sentences: list[dict[str, Any]], lang: str) -> str | None:
    """Return a paragraph in one language, or None while any of its sentences lacks English."""
    texts = [sentence[f"text_{lang}"] for sentence in sentences]
    return None if any(text is None for text in texts) else " ".join(texts)


def _about(record: ArticleRecord) -> list[str]:
    """Return the outlet, the date and the source of an article, those it has."""
    article = record.article
    return [str(part) for part in (article["outlet"], article["published_on"]) if part]


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


def _e(text: Any) -> str:
    """Return any value as HTML text, quotes included (safe in attributes too)."""
    return html.escape(str(text), quote=True)


_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
article { border-top: 1px solid #ccc; padding-top: 1rem; margin-top: 2rem; }
.row { display: grid; grid-template-columns: repeat(var(--columns), 1fr); gap: 2rem; }
.about, .pending { color: #666; } .caption { font-style: italic; } mark { background: #ffe58a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-bottom: .2rem; } .title-en { margin-top: 0; }
"""
# Nothing in an export runs or loads: no scripts at all, styles only from the document itself.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"


def _html_link(url: str | None) -> str:
    """Return the source URL as a link if it is http(s), else as text (javascript: never becomes a link)."""
    if not url:
        return ""
    if re.match(r"https?://", url, flags=re.IGNORECASE):
        return f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{_e(url)}</a>'
    return f"<span>{_e(url)}</span>"


def _html_text(text: str | None, lang: str, css_class: str = "", tag: str = "p") -> str:
    """Return one block of text in its language; missing English shows as pending."""
    classes = " ".join(part for part in (css_class, "" if text is not None else "pending") if part)
    class_attribute = f' class="{classes}"' if classes else ""
    return f'<{tag} lang="{lang}"{class_attribute}>{_e(text if text is not None else PENDING)}</{tag}>'


def _html_entities(record: ArticleRecord, shown: tuple[str, ...]) -> Iterator[str]:
    """Yield the people, organisations and places an article names, a person's roles beside them."""
    if not record.entities:
        return
    roles: dict[str, set[str]] = {}
    for mention in record.mentions:
        role = " / ".join(mention[f"role_{lang}"] for lang in shown if mention[f"role_{lang}"])
        if role:
            roles.setdefault(mention["entity_id"], set()).add(role)
    yield '<details><summary lang="en">People, organisations and places</summary><ul>'
    for entity in record.entities:
        names = " · ".join(
            f'<span lang="{lang}">{_e(entity[f"name_{lang}"])}</span>'
            for lang in shown
            if entity[f"name_{lang}"]
        )
        said = "; ".join(sorted(roles.get(entity["entity_id"], ())))
        yield f'<li>{names} <span lang="en" class="about">({_e(entity["kind"])})</span>'
        yield f' <span class="about">{_e(said)}</span></li>' if said else "</li>"
    yield "</ul></details>"


def _html_article(record: ArticleRecord, shown: tuple[str, ...]) -> Iterator[str]:
    """Yield one article: its titles, date and source, then paragraph by paragraph in each language."""
    article = record.article
    yield f'<article id="article-{_e(article["article_id"])}" style="--columns: {len(shown)}">'
    titles = {"vi": article["title_vi"], "en": article["title_en"]}
    yield _html_text(titles[shown[0]], shown[0], tag="h2")
    for lang in shown[1:]:
        yield _html_text(titles[lang], lang, "title-en" if lang == "en" else "")
    about = " · ".join([*_about(record), f"id {article['article_id']}"])
    yield f'<p class="about" lang="en">{_e(about)} {_html_link(article["url"])}</p>'
    for kind, sentences in paragraphs(record):
        css_class = "caption" if kind == "caption" else ""
        cells = "".join(_html_text(paragraph_text(sentences, lang), lang, css_class) for lang in shown)
        yield f'<div class="row">{cells}</div>'
    yield from _html_entities(record, shown)
    yield "</article>\n"


def _html_hits(hits: list[SearchHit]) -> Iterator[str]:
    """Yield the list of search hits, matched words marked."""
    yield '<ol class="hits">'
    for hit in hits:
        snippet = "".join(
            f"<mark>{_e(piece)}</mark>" if matched else _e(piece) for piece, matched in hit.snippet_parts
        )
        english = hit.lang == "en" and hit.title_en
        title, title_lang = (hit.title_en, "en") if english else (hit.title_vi, "vi")
        link = f'<a href="#article-{_e(hit.article_id)}" lang="{title_lang}">{_e(title)}</a>'
        yield f'<li>{link}<br><span lang="{hit.lang}">{snippet}</span></li>'
    yield "</ol>"


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
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(heading)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<h1 lang="en">{_e(heading)}</h1>\n'
    )
    if query is not None:
        yield f'<p class="about" lang="en">Search: <q lang="und">{_e(query)}</q></p>\n'
    if hits:
        yield from _html_hits(hits)
    for record in records:
        yield "".join(_html_article(record, shown))
    yield "</body>\n</html>\n"
