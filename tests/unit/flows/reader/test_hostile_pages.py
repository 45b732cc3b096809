"""Every HTML tintuc writes shows a warehouse full of attacks as text and runs none of them.

The warehouse (tests/support/hostile_everything.py) holds markup in every title, sentence, name,
alias, role, fact label, removed line and quality flag, and a javascript: URL; the search query is an
attack too. Each page is parsed as a browser would and must hold no injected tag, event handler,
javascript: link or script.
"""

from __future__ import annotations

import asyncio
import urllib.parse
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.reader.browse import make_datasette
from tests.support.hostile_everything import (
    HOSTILE_QUERY,
    HOSTILE_QUERY_NOTHING,
    SCRIPT,
    HostileWarehouse,
    hostile_warehouse,
    injections,
    shows_as_text,
)

QUERY = urllib.parse.quote(HOSTILE_QUERY)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileWarehouse:
    return hostile_warehouse(tmp_path_factory.mktemp("hostile"))


def reader_page(warehouse: HostileWarehouse, path: str) -> tuple[int, str]:
    """Return the status and HTML of one page of `tintuc browse`, served in-process."""

    async def fetch() -> tuple[int, str]:
        datasette = make_datasette(warehouse.database, warehouse.url)
        await datasette.invoke_startup()
        response = await datasette.client.get(path)
        return response.status_code, response.text

    return asyncio.run(fetch())


def export(warehouse: HostileWarehouse, tmp_path: Path, *options: str) -> str:
    """Run `tintuc export --format html` on the warehouse and return the file it wrote."""
    output = tmp_path / "export.html"
    result = CliRunner().invoke(
        app,
        ["export", "--format", "html", "-o", str(output), *options],
        env={"TINTUC_DATABASE_URL": warehouse.url, "TINTUC_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.exit_code == 0, result.output
    return output.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "options",
    [[], ["--search", HOSTILE_QUERY], ["--search", HOSTILE_QUERY, "--lang", "en"]],
    ids=["whole-warehouse", "search-both-languages", "search-english"],
)
def test_the_html_export_shows_every_attack_as_text_and_runs_none(hostile, tmp_path, options):
    document = export(hostile, tmp_path, *options)
    assert injections(document) == []
    assert shows_as_text(document)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/article/{article}",
        "/article/{article}?view=interlinear",
        "/article/{article}?view=en",
        "/article/{article}?view=vi",
        f"/search?q={QUERY}&lang=both",
        f"/search?q={QUERY}&lang=en",
        f"/search?q={QUERY}&lang=vi&exact=1",
        f"/search?q={urllib.parse.quote(HOSTILE_QUERY_NOTHING)}",
    ],
)
def test_every_reader_page_shows_every_attack_as_text_and_runs_none(hostile, path):
    status, html = reader_page(hostile, path.format(article=hostile.article_id))
    assert status == 200
    assert injections(html) == []
    # A search that finds nothing shows the query it was given.
    assert shows_as_text(html, HOSTILE_QUERY_NOTHING if "zzzqqq" in path else SCRIPT)


def test_every_entity_page_shows_its_hostile_names_and_roles_as_text(hostile):
    assert len(hostile.entity_ids) >= 5  # people, organisations and places of the seed
    for entity_id in hostile.entity_ids:
        status, html = reader_page(hostile, f"/entity/{urllib.parse.quote(entity_id)}")
        assert status == 200, entity_id
        assert injections(html) == [], entity_id
        assert shows_as_text(html), entity_id


def test_the_check_finds_each_kind_of_injection():
    # The check itself must fail on markup that got in, or every test above passes by accident.
    assert injections("<p><script>alert('pwned')</script></p>")
    assert injections('<a title="" onmouseover="alert(1)" data-x="">x</a>')
    assert injections("<img src=x onerror=alert('pwned')>")
    assert injections("<pwned-tag>markup</pwned-tag>")
    assert injections("<a href=\"javascript:alert('pwned')\">x</a>")
    assert injections("<p>&lt;script&gt;alert('pwned')&lt;/script&gt;</p>") == []
