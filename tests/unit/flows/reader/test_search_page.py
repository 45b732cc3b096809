"""The reader's search page calls warehouse.search once, shows its snippets safely, or says it is missing."""

from __future__ import annotations

import asyncio
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from flows.reader.browse import make_datasette
from flows.reader.pages import SEARCH_MISSING
from warehouse.engine import make_engine, upgrade_to_head


@dataclass
class Hit:
    """A search hit shaped as warehouse.search returns it."""

    article_id: str
    title_vi: str
    title_en: str | None
    lang: str
    segment_id: int
    snippet: str
    score: float


def page(database: Path, path: str) -> tuple[int, str]:
    """Return the status and HTML of one page of the reader, served in-process."""

    async def fetch() -> tuple[int, str]:
        datasette = make_datasette(database, f"sqlite:///{database}")
        await datasette.invoke_startup()
        response = await datasette.client.get(path)
        return response.status_code, response.text

    return asyncio.run(fetch())


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    """Return an empty warehouse file at the current schema."""
    database = tmp_path / "tintuc.sqlite"
    upgrade_to_head(make_engine(f"sqlite:///{database}"))
    return database


def test_the_search_page_calls_search_once_and_marks_the_matches_as_text(warehouse, monkeypatch):
    calls: list[dict[str, Any]] = []

    def search(engine: Any, query: str, **options: Any) -> list[Hit]:
        calls.append({"query": query, **options})
        snippet = 'Thành ủy <<Hà Nội>> họp <script>alert("snippet")</script>'
        return [Hit("a1", "Thành ủy <b>Hà Nội</b>", None, "vi", 3, snippet, -1.5)]

    stub = types.ModuleType("warehouse.search")
    stub.search = search  # type: ignore[attr-defined]
    stub.SNIPPET_MARKS = ("<<", ">>")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "warehouse.search", stub)
    status, html = page(warehouse, "/search?q=thanh+uy+ha+noi&lang=vi&exact=1")
    assert status == 200
    assert calls == [{"query": "thanh uy ha noi", "lang": "vi", "limit": 50, "exact": True}]
    assert "<mark>Hà Nội</mark>" in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert "Thành ủy &lt;b&gt;Hà Nội&lt;/b&gt;" in html
    assert 'href="/article/a1#s3"' in html


def test_the_search_page_says_so_when_this_build_has_no_search(warehouse, monkeypatch):
    monkeypatch.setitem(sys.modules, "warehouse.search", None)  # importing it raises ImportError
    status, html = page(warehouse, "/search?q=anything")
    assert status == 200 and SEARCH_MISSING in html
