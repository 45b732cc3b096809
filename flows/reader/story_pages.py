"""The reader's story page, registered as a Datasette plugin beside flows/reader/pages.py.

/story/ID shows a story's articles side by side in time, each near-copy folded under its original;
a story merged into another leads to it. The home page lists recent stories (recent_stories).
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from flows.reader import reads, story_reads, story_shape
from flows.reader.shape import clickable_url

PLUGIN = "tintuc-stories"
DATABASE = "tintuc"
HOME_STORIES = 20


async def recent_stories(db: Any, limit: int = HOME_STORIES) -> list[dict[str, Any]]:
    """Return the stories last seen most recently, for the home page (none before migration 0010)."""
    tables = await db.table_names()
    if "story_articles" not in tables:
        return []
    return await reads.rows(db, story_reads.RECENT_STORIES, limit=limit)


async def story(datasette: Any, request: Any) -> Response:
    """Show one story: its articles as columns in time order, copies folded under their original."""
    db = datasette.get_database(DATABASE)
    story_id = request.url_vars["story_id"]
    found = await reads.rows(db, story_reads.STORY, story_id=story_id)
    if not found:
        raise NotFound(f"no story {story_id}")
    if found[0]["merged_into"]:
        return Response.redirect(f"{datasette.urls.path('/story/')}{found[0]['merged_into']}")
    articles = await reads.rows(db, story_reads.STORY_ARTICLES, story_id=story_id)
    leads = await reads.rows(db, story_reads.STORY_LEADS, story_id=story_id)
    cards = story_shape.timeline(articles, leads)
    for card in cards:
        card["source_url"] = clickable_url(card["url"])
        for copy in card["copies"]:
            copy["source_url"] = clickable_url(copy["url"])
    context = {
        "story_id": story_id,
        "head": story_shape.headline(articles) if articles else None,
        "cards": cards,
        "articles": len(articles),
        "outlets": sorted({row["outlet"] for row in articles if row["outlet"]}),
        "first_seen": articles[0]["seen"] if articles else None,
        "last_seen": articles[-1]["seen"] if articles else None,
        "database": DATABASE,
    }
    return Response.html(await datasette.render_template("tintuc_story.html", context, request=request))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    """Add the story page."""
    return [(r"^/story/(?P<story_id>[^/]+)$", story)]
