"""Write a digest (flows/reader/digest.py) as Markdown or as one standalone HTML page.

Article text is data, never markup. Markdown escapes what Markdown or HTML would read; HTML is
rendered by Jinja2 with autoescape on, from flows/reader/templates/tintuc_digest.html, beside the
reader's own templates. Only http(s) URLs become links: anything else is shown as text.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from flows.reader.digest import Bilingual, Digest, DigestStory, Link

PENDING = "English pending"
TEMPLATES = Path(__file__).parent / "templates"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~()!])")


def markdown_escape(text: str) -> str:
    """Return text that Markdown shows as written (no emphasis, links, images, HTML or headings)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def clickable(url: str | None) -> str | None:
    """Return the URL if a reader may follow it (http or https with a host), else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _english(text: Bilingual) -> str:
    """Return the English as Markdown, or the pending mark with the Vietnamese."""
    if text.en is not None:
        return markdown_escape(text.en)
    return f"*({PENDING})* {markdown_escape(text.vi)}"


def _markdown_link(link: Link, copy: bool = False) -> str:
    """Return one article's line: its title (or outlet, for a copy) linked when it can be, outlet and date."""
    label = markdown_escape(link.outlet or "another outlet") if copy else _english(link.title)
    url = clickable(link.url)
    shown = f"[{label}](<{url}>)" if url else label
    about = [part for part in (None if copy else link.outlet, link.published_on) if part]
    where = f" — {markdown_escape(', '.join(str(part) for part in about))}" if about else ""
    reference = f" · `tintuc read {link.article_id}`"
    return f"{shown}{where}{reference}"


def _markdown_story(number: int, story: DigestStory) -> list[str]:
    """Return one story's lines."""
    span = (
        f"{story.first_seen} – {story.last_seen}"
        if story.first_seen != story.last_seen
        else f"{story.first_seen}"
    )
    lines = [
        f"## {number}. {_english(story.headline)}",
        "",
        f"*{story.coverage} article{'s' if story.coverage != 1 else ''} · seen {span} · "
        f"{markdown_escape(', '.join(story.outlets) or 'outlet unknown')}*",
        "",
    ]
    for label, names in (("People", story.people), ("Organisations", story.organisations)):
        if names:
            lines.append(f"**{label}:** " + "; ".join(_english(name) for name in names) + "  ")
    if story.lead is not None:
        lines += ["", f"> {_english(story.lead)}"]
    lines.append("")
    for link in story.articles:
        lines.append(f"- {_markdown_link(link)}")
        lines += [f"  - also: {_markdown_link(copy, copy=True)}" for copy in link.copies]
    return [*lines, ""]


def markdown_digest(digest: Digest) -> str:
    """Return the digest as one Markdown document."""
    lines = [
        f"# tintuc digest: {markdown_escape(digest.heading)}",
        "",
        f"{_summary(digest)}, most covered first.",
        "",
    ]
    if not digest.stories:
        lines += ["No story in this period.", ""]
    for number, story in enumerate(digest.stories, 1):
        lines += _markdown_story(number, story)
    return "\n".join(lines)


def _count(number: int, one: str, many: str | None = None) -> str:
    """Return "1 story", "2 stories"."""
    return f"{number} {one if number == 1 else many or one + 's'}"


def _summary(digest: Digest) -> str:
    """Return how many stories and articles the digest holds, in words."""
    articles = sum(story.coverage for story in digest.stories)
    return f"{_count(len(digest.stories), 'story', 'stories')}, {_count(articles, 'article')}"


def html_digest(digest: Digest) -> str:
    """Return the digest as one standalone HTML page."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True), trim_blocks=True
    )
    environment.filters["clickable"] = clickable
    template = environment.get_template("tintuc_digest.html")
    return template.render(digest=digest, summary=_summary(digest), pending=PENDING)
