"""The pages Datasette lacks: home, article, entity and search, registered as a Datasette plugin."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import importlib
from itertools import groupby
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from flows.reader import reads, shape, story_pages

DATABASE = "tintuc"  # the warehouse's name in Datasette's URLs (/tintuc/articles), whatever its file
PLUGIN = "tintuc-browse"
SEARCH_MISSING = "search is not available in this build"


async def home(datasette: Any, request: Any) -> Response:
    """Show recent articles by date and outlet, translation coverage, flagged translations, last runs."""
    db = datasette.get_database(DATABASE)
    context = {
        "articles": await reads.rows(db, reads.RECENT_ARTICLES, limit=50),
        "outlets": await reads.rows(db, reads.OUTLETS),
        "coverage": (await reads.rows(db, reads.COVERAGE))[0],
        "flagged": [
            {**row, "flags": shape.parse_flags(row["quality_flags"])}
            for row in await reads.rows(db, reads.FLAGGED, limit=10)
        ],
        "runs": await reads.rows(db, reads.RUNS, limit=5),
        "stories": await story_pages.recent_stories(db),
    }
    return await _page(datasette, request, "tintuc_home.html", context)


async def article(datasette: Any, request: Any) -> Response:
    """Show an article, Vietnamese and English aligned sentence by sentence, with entities and facts."""
    db = datasette.get_database(DATABASE)
    article_id = request.url_vars["article_id"]
    found = await _one(db, reads.ARTICLE, "article", article_id=article_id)
    segments = await reads.rows(db, reads.SEGMENTS, article_id=article_id)
    mentions = await reads.rows(db, reads.MENTIONS, article_id=article_id)
    context = {
        "article": found,
        "source_url": shape.clickable_url(found["url"]),
        "authors": shape.authors_line(found.get("authors")),
        "paragraphs": shape.paragraphs(segments, mentions),
        "facts": shape.fact_bars(await reads.rows(db, reads.FACTS, article_id=article_id)),
        "removed": await reads.rows(db, reads.REMOVED, article_id=article_id),
        "view": shape.view_or_default(request.args.get("view")),
        "views": shape.VIEWS,
    }
    return await _page(datasette, request, "tintuc_article.html", context)


async def entity(datasette: Any, request: Any) -> Response:
    """Show a person, organisation or place: every article naming it, roles by date, whom it meets."""
    db = datasette.get_database(DATABASE)
    entity_id = request.url_vars["entity_id"]
    found = await _one(db, reads.ENTITY, "entity", entity_id=entity_id)
    timeline = await reads.rows(db, reads.TIMELINE, entity_id=entity_id)
    met = {
        kind: await reads.rows(db, reads.MET_WITH, entity_id=entity_id, kind=kind, limit=10)
        for kind in ("person", "organization")
    }
    context = {"entity": found, "timeline": _by_article(timeline), "met": met}
    return await _page(datasette, request, "tintuc_entity.html", context)


async def _one(db: Any, sql: str, what: str, **key: str) -> dict[str, Any]:
    """Return the one row sql finds by key, or answer 404 naming what was not found."""
    found = await reads.rows(db, sql, **key)
    if not found:
        raise NotFound(f"no {what} {' '.join(key.values())}")
    return found[0]


def _by_article(timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group the timeline's mentions by article, keeping each distinct role as written."""
    grouped = []
    for _, group in groupby(timeline, key=lambda row: row["article_id"]):
        mentions = list(group)
        roles = {(m["role_vi"], m["role_en"]) for m in mentions if m["role_vi"]}
        grouped.append({**mentions[0], "roles": sorted(roles), "mentions": len(mentions)})
    return grouped


async def search(datasette: Any, request: Any) -> Response:
    """Search both languages with warehouse.search, or say this build has none."""
    query = request.args.get("q", "").strip()
    lang = request.args.get("lang", "both")
    lang = lang if lang in ("vi", "en", "both") else "both"
    exact = request.args.get("exact") == "1"
    context: dict[str, Any] = {
        "q": query,
        "lang": lang,
        "exact": exact,
        "hits": [],
        "unavailable": None,
        "problem": None,
    }
    try:
        # Imported by name: search is built beside the reader and absent from builds without it.
        searching = importlib.import_module("warehouse.search")
    except ImportError:
        context["unavailable"] = SEARCH_MISSING
        return await _page(datasette, request, "tintuc_search.html", context)
    if query:
        engine = _search_engine(datasette.plugin_config(PLUGIN)["database_url"])
        try:
            hits = await asyncio.to_thread(searching.search, engine, query, lang=lang, limit=50, exact=exact)
        except ValueError as error:  # warehouse.search.SearchError: a query with no word, said plainly
            context["problem"] = str(error)
            hits = []
        marks = getattr(searching, "SNIPPET_MARKS", shape.SNIPPET_MARKS)
        context["hits"] = [{**_fields(hit), "snippet_parts": _snippet_parts(hit, marks)} for hit in hits]
    return await _page(datasette, request, "tintuc_search.html", context)


def _snippet_parts(hit: Any, marks: tuple[str, str]) -> list[tuple[str, bool]]:
    """Return the hit's snippet as (text, matched) runs: warehouse.search gives them; else split its marks."""
    parts = getattr(hit, "snippet_parts", None)
    return [tuple(part) for part in parts] if parts else shape.marked(hit.snippet, *marks)


def _fields(hit: Any) -> dict[str, Any]:
    """Return a search hit's fields, whether it is a dataclass or a named tuple."""
    if dataclasses.is_dataclass(hit) and not isinstance(hit, type):
        return dataclasses.asdict(hit)
    return dict(hit._asdict())


@functools.cache
def _search_engine(database_url: str) -> Any:
    """Return one read-only SQLAlchemy engine for search, made on the first search."""
    from warehouse.engine import make_read_only_engine

    return make_read_only_engine(database_url)


async def _page(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> Response:
    """Render one of the reader's templates (autoescaped: article text is never markup)."""
    context = {**context, "database": DATABASE, "pending": shape.PENDING}
    return Response.html(await datasette.render_template(template, context, request=request))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    """Add the reader's pages; Datasette tries them before its own, so "/" is the reader's home."""
    return [
        (r"^/$", home),
        (r"^/article/(?P<article_id>[^/]+)$", article),
        (r"^/entity/(?P<entity_id>[^/]+)$", entity),
        (r"^/search$", search),
    ]
