"""Parse the four input shapes into one `SourceDocument`.

Shapes, each what a real scraper or crawler writes:
- `plain_text`: the article as text, title on the first line (the seed).
- `scraped_page`: a `Title:/Source:/Link:/Published Date:/…` header, then `Content:` with the
  whole page flattened onto one line, captions, teasers and footer included.
- `news_please_json`: a record of the news-please crawler (`title`, `description`,
  `text` or `maintext`, `date_publish`, `url`, `source_domain`), including its older layout
  with `meta_data`.
- `crawler_json`: a record of a simple crawler (`title`, `author`, `category`, `content`,
  `description`).
- `html_page`: a saved HTML page, its article found by `flows.steps.ingest.html_page`.
A JSON array of records is read as that many articles.

Line numbers (`SourceLine.line_no`) are the file's own for text files; for JSON records and
HTML pages they count the title, the description and then each line (paragraph) of the body,
in that order, from 1.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from flows.steps.ingest.html_article import read_article
from flows.steps.ingest.html_page import looks_like_html
from flows.steps.ingest.normalize import normalize_line


class UnknownShape(ValueError):
    """The text parses, but not as any article shape tintuc knows."""


@dataclass(frozen=True)
class SourceLine:
    """One line of an article as the source gives it."""

    line_no: int
    text: str
    field: str  # "title", "lead" or "body"
    # What the line's place on an HTML page makes it ("caption", a box, a byline), when known.
    shape: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """One article as read from its file, before any extraction."""

    source_path: str
    source_format: str
    lines: list[SourceLine]
    url: str | None = None
    outlet_hint: str | None = None
    published_hint: str | None = None
    flattened: bool = False
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """Return the title line's text, or an empty string."""
        return next((line.text for line in self.lines if line.field == "title"), "")


@dataclass(frozen=True)
class RecordProblem:
    """One record of a JSON array that is no article; the file's other records still load."""

    source_path: str
    message: str


def parse_document(
    source_path: str, text: str, url: str | None = None, is_html: bool = False
) -> list[SourceDocument | RecordProblem]:
    """Parse decoded file text into its articles (one, or several for a JSON array).

    A `.json` file is JSON; another file is JSON only if it opens like JSON (`{"`, `[{`), so a
    text article whose title starts with "[Video]" stays a text article. url is where the page
    was fetched from (a WARC record's target), used when the page names none; is_html: the
    server said the bytes are HTML.
    """
    stripped = text.lstrip("\ufeff \t\r\n")
    if is_html:
        return [parse_html_page(source_path, stripped, url)]
    if source_path.lower().endswith(".json") or _looks_like_json(stripped):
        return parse_json(source_path, stripped)
    if source_path.lower().endswith((".html", ".htm")) or looks_like_html(stripped):
        return [parse_html_page(source_path, stripped, url)]
    if stripped.startswith("Title:") and "\nContent:" in stripped:
        return [parse_scraped_page(source_path, stripped)]
    return [parse_plain_text(source_path, text)]


def _looks_like_json(text: str) -> bool:
    """Tell whether text opens like a JSON object or array of records."""
    opening = "".join(text[:8].split())
    return opening.startswith(('{"', "[{", '["', "[]", "{}"))


def parse_plain_text(source_path: str, text: str) -> SourceDocument:
    """Read a plain-text article: the first non-empty line is its title."""
    lines: list[SourceLine] = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        if not normalize_line(raw):
            continue  # blank, or only invisible characters: no title, no paragraph
        kind = "title" if not lines else "body"
        lines.append(SourceLine(line_no, raw, kind))
    return SourceDocument(source_path, "plain_text", lines)


def _header_value(value: str) -> str | None:
    """Return a header value, or None for the placeholders scrapers write ("N/A", "None")."""
    value = value.strip()
    return None if value in {"", "N/A", "None", "null"} else value


def parse_scraped_page(source_path: str, text: str) -> SourceDocument:
    """Read a `Title:/Source:/Link:/…/Content:` page whose content is flattened to one line."""
    header: dict[str, str] = {}
    lines: list[SourceLine] = []
    raw_lines = text.splitlines()
    for line_no, raw in enumerate(raw_lines, start=1):
        key, sep, value = raw.partition(":")
        if key == "Content" and sep:
            lines.extend(
                SourceLine(number, body, "body")
                for number, body in enumerate([value, *raw_lines[line_no:]], start=line_no)
                if body.strip()
            )
            break
        if sep and key in {"Title", "Source", "Link", "Published Date", "Author", "Tags", "Summary"}:
            header[key] = value.strip()
            if key == "Title" and value.strip():
                lines.append(SourceLine(line_no, value, "title"))
    if not any(line.field == "body" for line in lines) and "Content" not in text:
        raise UnknownShape("scraped page without a 'Content:' line")
    return SourceDocument(
        source_path,
        "scraped_page",
        lines,
        url=_header_value(header.get("Link", "")),
        outlet_hint=_header_value(header.get("Source", "")),
        published_hint=_header_value(header.get("Published Date", "")),
        flattened=True,
        meta={k: v for k, v in header.items() if k in {"Author", "Tags", "Summary"} and _header_value(v)},
    )


def parse_html_page(source_path: str, text: str, url: str | None = None) -> SourceDocument:
    """Read the article of an HTML page: its title, description and shaped lines (html_article.py)."""
    page = read_article(text, url)
    if not page.title and not page.blocks:
        raise UnknownShape("an HTML page without a title or any text trafilatura finds: no article in it")
    lines: list[SourceLine] = []
    for kind, value in (("title", page.title), ("lead", page.lead)):
        if value:
            lines.append(SourceLine(len(lines) + 1, " ".join(value.split()), kind))
    lines += [
        SourceLine(number, block.text, "body", block.shape)
        for number, block in enumerate(page.blocks, start=len(lines) + 1)
    ]
    return SourceDocument(
        source_path,
        "html_page",
        lines,
        url=page.url,
        outlet_hint=page.outlet,
        published_hint=page.published,
        meta=page.meta,
    )


class _LongNumber(str):
    """The digits of a JSON integer too long for Python to read as a number, kept as text."""


# Python refuses to convert integers longer than this (sys.get_int_max_str_digits), raising a
# ValueError from inside json.loads; no article field needs such a number.
_MAX_INT_DIGITS = 4000
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_int(digits: str) -> int | str:
    """Read a JSON integer, keeping an absurdly long one as its digits instead of failing."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else _LongNumber(digits)


def parse_json(source_path: str, text: str) -> list[SourceDocument | RecordProblem]:
    """Read a JSON record, or an array of records, of a known crawler shape."""
    try:
        data = json.loads(text, parse_int=_json_int)
    except RecursionError as error:
        # The decoder recurses once per level; Python's stack ends near 1,000 levels.
        raise UnknownShape(
            "JSON nested too deeply (about 1,000 levels or more of [ or {): no crawler writes "
            "records so; the file is damaged or not article data"
        ) from error
    except json.JSONDecodeError as error:
        # An unclosed string, or an error at the very end, means the file stops mid-record.
        cut_off = error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip())
        hint = " (the file ends before the JSON does: cut off while being written or copied?)"
        raise UnknownShape(
            f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
            + (hint if cut_off else "")
        ) from error
    if not isinstance(data, list):
        return [_parse_record(source_path, data)]
    if not data:
        raise UnknownShape("empty JSON array: no article records")
    documents: list[SourceDocument | RecordProblem] = []
    for index, record in enumerate(data):
        path = f"{source_path}#{index}"
        try:
            documents.append(_parse_record(path, record))
        except UnknownShape as error:
            documents.append(RecordProblem(path, str(error)))
    return documents


def _without_lone_surrogates(text: str) -> str:
    """Replace lone UTF-16 surrogates ("\\ud800", half an emoji cut by a crawler) with U+FFFD.

    json.loads joins a valid pair into one character, so any surrogate left is half of one:
    not a character, and text holding it cannot be written as UTF-8.
    """
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def _as_text(value: object) -> str | None:
    """Return a JSON value as text: strings as they are, lists of strings as lines, numbers."""
    if isinstance(value, str):
        return _without_lone_surrogates(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return _without_lone_surrogates("\n".join(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _text_field(record: dict[str, Any], *keys: str) -> str | None:
    """Return the first non-empty text among keys, with HTML entities unescaped."""
    for key in keys:
        value = _as_text(record.get(key))
        if value is not None and value.strip():
            return html.unescape(value)
    return None


def _parse_record(source_path: str, record: object) -> SourceDocument:
    """Read one JSON record as news-please or crawler output."""
    if not isinstance(record, dict):
        raise UnknownShape(f"JSON record is {_json_kind(record)}, expected an object")
    if "text" in record or "maintext" in record:
        return _news_please(source_path, record)
    if "content" in record and "title" in record:
        return _crawler(source_path, record)
    keys = _without_lone_surrogates(", ".join(sorted(map(str, record))[:8])[:200]) or "none"
    raise UnknownShape(
        f"JSON of unknown shape (keys: {keys}); expected news-please "
        "('title' and 'text' or 'maintext') or crawler ('title' and 'content') records"
    )


def _json_kind(value: object) -> str:
    """Name a JSON value's type as JSON does ("a number", "an array")."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, _LongNumber | int | float):
        return "a number"
    return "a string" if isinstance(value, str) else "an array" if isinstance(value, list) else "an object"


def _record_lines(title: str | None, lead: str | None, body: str | None) -> list[SourceLine]:
    """Number a record's title, description and body lines as one document."""
    lines: list[SourceLine] = []
    line_no = 0
    for kind, value in (("title", title), ("lead", lead)):
        if value is not None:
            line_no += 1
            lines.append(SourceLine(line_no, value.replace("\n", " "), kind))
    for raw in (body or "").splitlines():
        line_no += 1
        if raw.strip():
            lines.append(SourceLine(line_no, raw, "body"))
    return lines


def _object(value: object) -> dict[str, Any]:
    """Return value if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def _news_please(source_path: str, record: dict[str, Any]) -> SourceDocument:
    """Read a news-please record, including its older `meta_data` layout."""
    meta = _object(record.get("meta_data"))
    published = (
        _text_field(record, "date_publish")
        or _text_field(_object(record.get("publish_date")), "$date")
        or _text_field(_object(meta.get("article")), "published_time")
    )
    outlet = _text_field(record, "source_domain") or _text_field(meta, "publisher")
    outlet = outlet or _text_field(record, "source")
    return SourceDocument(
        source_path,
        "news_please_json",
        _record_lines(
            _text_field(record, "title", "title_page", "title_rss"),
            _text_field(record, "description"),
            _text_field(record, "maintext", "text"),
        ),
        url=_text_field(record, "url", "canonical_link"),
        outlet_hint=outlet,
        published_hint=published,
    )


def _crawler(source_path: str, record: dict[str, Any]) -> SourceDocument:
    """Read a crawler record of title, author, category, content and description."""
    meta = {key: value for key in ("author", "category") if (value := _text_field(record, key))}
    return SourceDocument(
        source_path,
        "crawler_json",
        _record_lines(
            _text_field(record, "title"),
            _text_field(record, "description"),
            _text_field(record, "content"),
        ),
        url=_text_field(record, "url", "link"),
        outlet_hint=_text_field(record, "source", "source_domain"),
        meta=meta,
    )
