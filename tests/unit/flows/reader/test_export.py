"""Exports of a real warehouse (SQLite, PostgreSQL): JSON Lines reads back as the tables, HTML is inert."""

import json
import re
from dataclasses import replace
from datetime import date, datetime
from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from flows.reader.export import html_document, jsonl_lines, markdown_document
from tests.unit.warehouse.test_search import load_text, translate_all
from warehouse.engine import make_engine, upgrade_to_head
from warehouse.export import article_records
from warehouse.models import Article, Entity, Fact, Mention, Segment
from warehouse.search import search

HOSTILE_TITLE = (
    '<script>alert("title")</script> "><img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a>'
)
HOSTILE_TEXT = (
    "Bấm <a href='javascript:alert(3)'>đây</a> <script>document.title='owned'</script>"
    " [x](javascript:alert(4))"
)


@pytest.fixture
def warehouse(warehouse_url, seed_text):
    engine = make_engine(warehouse_url)
    upgrade_to_head(engine)
    load_text(engine, seed_text, "seeds/seed.txt", "a" * 64)
    translate_all(engine, lambda vietnamese: f"English of {len(vietnamese)} characters.")
    yield engine
    engine.dispose()


def table_rows(engine, model, *where, order):
    with engine.connect() as connection:
        query = select(model.__table__).where(*where).order_by(*order)
        return [dict(row._mapping) for row in connection.execute(query)]


def typed(article: dict) -> dict:
    """Return a JSON article's columns with its date and time read back."""
    columns = {key: value for key, value in article.items() if not isinstance(value, list)}
    columns["published_on"] = date.fromisoformat(columns["published_on"])
    columns["ingested_at"] = datetime.fromisoformat(columns["ingested_at"])
    return columns


def test_jsonl_of_the_seed_reads_back_as_the_rows_of_the_tables(warehouse):
    [line] = list(jsonl_lines(article_records(warehouse)))
    exported = json.loads(line)
    article_id = exported["article_id"]
    [article] = table_rows(warehouse, Article, order=[Article.article_id])
    assert typed(exported) == article
    assert exported["segments"] == table_rows(
        warehouse, Segment, Segment.article_id == article_id, order=[Segment.seq]
    )
    mentions = table_rows(
        warehouse, Mention, Mention.article_id == article_id, order=[Mention.seq, Mention.entity_id]
    )
    assert exported["mentions"] == mentions
    named = {mention["entity_id"] for mention in mentions}
    assert exported["entities"] == table_rows(
        warehouse, Entity, Entity.entity_id.in_(named), order=[Entity.entity_id]
    )
    assert exported["facts"] == table_rows(
        warehouse, Fact, Fact.article_id == article_id, order=[Fact.seq, Fact.fact_id]
    )
    assert len(exported["segments"]) == 17 and len(exported["facts"]) == 12 and exported["entities"]


def test_jsonl_in_one_language_leaves_the_other_out(warehouse):
    exported = json.loads(next(jsonl_lines(article_records(warehouse), lang="vi")))
    keys = set(exported) | {key for row in exported["segments"] + exported["entities"] for key in row}
    assert not [key for key in keys if key.endswith("_en")]
    assert "title_vi" in keys and "text_vi" in keys


class Elements(HTMLParser):
    """Collect a document's start tags with their attributes, and its text."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.open_lang: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def hostile(record):
    article = {
        **record.article,
        "title_vi": HOSTILE_TITLE,
        "title_en": HOSTILE_TITLE,
        "url": "javascript:alert(5)",
    }
    segments = [
        {**segment, "text_vi": HOSTILE_TEXT, "text_en": HOSTILE_TEXT}
        if segment["kind"] != "title"
        else segment
        for segment in record.segments
    ]
    return replace(record, article=article, segments=segments)


def test_html_shows_a_hostile_article_as_text_and_runs_nothing(warehouse):
    [record] = article_records(warehouse)
    document = "".join(html_document([hostile(record)]))
    page = Elements()
    page.feed(document)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags
    assert not [attrs for _, attrs in page.tags if any(name.startswith("on") for name in attrs)]
    assert not [attrs for _, attrs in page.tags if "javascript:" in (attrs.get("href") or "").lower()]
    text = "".join(page.text)
    assert HOSTILE_TITLE in text and HOSTILE_TEXT in text and "javascript:alert(5)" in text


def test_html_marks_every_text_block_with_its_language(warehouse):
    [record] = article_records(warehouse)
    page = Elements()
    page.feed("".join(html_document([record], lang="both")))
    blocks = [(tag, attrs) for tag, attrs in page.tags if tag in ("h1", "h2", "p", "summary", "span", "q")]
    assert [block for block in blocks if not block[1].get("lang") and block[0] != "span"] == []
    langs = [attrs.get("lang") for _, attrs in page.tags]
    assert langs.count("vi") >= 16 and langs.count("en") >= 16
    english_only = Elements()
    english_only.feed("".join(html_document([record], lang="en")))
    assert "vi" not in [attrs.get("lang") for tag, attrs in english_only.tags if tag in ("p", "h2")]


def test_html_of_a_search_marks_the_matched_words(warehouse):
    hits = search(warehouse, "thanh uy ha noi dinh tien dung")
    document = "".join(html_document(article_records(warehouse, [hit.article_id for hit in hits]), hits=hits))
    assert "<mark>Thành ủy Hà Nội Đinh Tiến Dũng</mark>" in document


def test_markdown_shows_a_hostile_article_as_plain_text(warehouse):
    [record] = article_records(warehouse)
    document = "".join(markdown_document([hostile(record)]))
    assert re.findall(r"(?<!\\)[<>\[\]]", document) == []  # every bracket of the article is escaped
    assert "\\<script\\>" in document and "\\[x\\](javascript:alert(4))" in document


def test_markdown_gives_each_paragraph_in_each_language(warehouse):
    [record] = article_records(warehouse)
    both = "".join(markdown_document([record]))
    assert "Bí thư Thành ủy Hà Nội Đinh Tiến Dũng" in both and "English of" in both
    assert "English of" not in "".join(markdown_document([record], lang="vi"))
