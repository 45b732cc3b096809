"""Find the article in an HTML page with trafilatura, the field's reference extractor, and its metadata.

trafilatura finds the main text (its own boilerplate removal, with jusText and readability as
fallbacks) and the metadata: title, date (htmldate), authors, site name, canonical URL, tags,
language. tintuc keeps two answers of its own parser (flows/steps/ingest/html_page.py) where they
measured better on the development pages (bench/html_extraction.py):

- the title is the page's `og:title` when it has one (trafilatura prefers a headline it finds in
  the page, which on some templates is the section's, or written in capitals);
- the date is `article:published_time` when the page states it (a publisher's own timestamp,
  with its time and zone), else htmldate's;
- the description becomes the lead only when the text does not already hold it (trafilatura
  leaves out the sapo some templates set apart) and reads as the same story.

A page trafilatura finds no text in falls back to the `<p>` paragraphs of the old parser, so an
unusual page still loads rather than being refused. The lines then carry the shapes of
flows/steps/ingest/html_blocks.py for the furniture layer.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from flows.steps.extract.dates import from_url
from flows.steps.ingest.html_blocks import Block, page_blocks
from flows.steps.ingest.html_captions import page_captions, with_captions
from flows.steps.ingest.html_page import read_html

logger = logging.getLogger(__name__)
# A description with this share of its word trigrams in the text is in it already; one with this
# share in the text's first three lines is the opening rewritten (measured on ../shared/html-dev).
HELD_SHARE = 0.8
REWRITTEN_SHARE = 0.5
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class _Nothing:
    """What trafilatura says about a page it found nothing in."""

    url: str | None = None
    sitename: str | None = None
    date: str | None = None
    title: str | None = None


_NOTHING_FOUND = _Nothing()


@dataclass
class PageArticle:
    """What a page says about its article: its text as shaped lines, and its metadata."""

    title: str | None
    lead: str | None
    blocks: list[Block]
    url: str | None
    outlet: str | None
    published: str | None
    meta: dict[str, str] = field(default_factory=dict)


def read_article(text: str, url: str | None = None) -> PageArticle:
    """Return the title, lead, shaped lines and metadata of the article in an HTML page."""
    tree = _parse(text)
    own = page_meta(tree) if tree is not None else {}
    captions = page_captions(tree) if tree is not None else []  # before trafilatura prunes the tree
    document = _extract(tree, url) if tree is not None else None
    blocks = page_blocks(document.body) if document is not None and document.body is not None else []
    title = _headline(own, document.title if document is not None else None)
    blocks = _without_title(_without_title(blocks, title), own.get("h1"))
    if len(blocks) <= 1:
        old = read_html(text)  # its own parser reads what lxml gives up on (nesting past 256 levels)
        blocks = _paragraphs_instead(blocks, old.paragraphs)
        title = title or old.title
    blocks = with_captions(blocks, captions)
    description = own.get("og:description") or own.get("description")
    found = document if document is not None else _NOTHING_FOUND
    page_url = own.get("og:url") or own.get("canonical") or found.url or url
    return PageArticle(
        title=title,
        lead=description if description and _missing_from(description, blocks) else None,
        blocks=blocks,
        url=page_url,
        outlet=own.get("og:site_name") or found.sitename,
        published=_published(own, page_url, found.date),
        meta=_metadata(document),
    )


def _headline(own: dict[str, str], found: str | None) -> str | None:
    """Return the title: og:title, without the sections a site appends where the page's <h1> shows it.

    "Thanh tra vụ chặt cây xanh - Chính trị - Xã hội - Tuổi Trẻ Online" is cut to the <h1> it starts
    with (the outlet suffix alone is the segment layer's to remove, recording it).
    """
    title = own.get("og:title") or found or own.get("h1") or own.get("title")
    heading = own.get("h1")
    if title and heading and title != heading and title.startswith(heading):
        rest = title[len(heading) :]
        if rest[:3] in {" - ", " | ", " – "} and rest.count(rest[:3]) >= 2:
            return heading
    return title


def _paragraphs_instead(blocks: list[Block], paragraphs: list[str]) -> list[Block]:
    """Return the page's <p> paragraphs where trafilatura found no article, or ran them into one.

    On a page it finds no main text in, trafilatura falls back to the page's whole text as one
    paragraph; the same words as the page's own paragraphs keep their breaks.
    """
    if not blocks:
        return [Block(paragraph, "p") for paragraph in paragraphs]
    merged = _trigrams(blocks[0].text)
    if len(paragraphs) > 1 and merged and len(merged & _trigrams(" ".join(paragraphs))) >= 0.8 * len(merged):
        return [Block(paragraph, "p") for paragraph in paragraphs]
    return blocks


def _parse(text: str) -> Any:
    """Parse the page with lxml once (trafilatura works on the same tree); None if it is no HTML."""
    from trafilatura.utils import load_html  # a second to import: only runs that read HTML pay it

    return load_html(text)


def page_meta(tree: Any) -> dict[str, str]:
    """Return the page's own statements: meta tags (first of each), canonical link, first h1, title."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            found.setdefault(key, content)
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found.setdefault("canonical", link.get("href"))
    for tag in ("h1", "title"):
        element = next(tree.iter(tag), None)
        if element is not None and (text := " ".join(element.text_content().split())):
            found[tag] = text
    return found


def _published(meta: dict[str, str], url: str | None, found: str | None) -> str | None:
    """Return the publication date: the publisher's own timestamp, else htmldate's unless the URL has one.

    Measured on ../shared/html-dev, htmldate took a date from elsewhere on the page (a related
    box's, a year alone as 1 January) where the page's URL stamp was right; tintuc's date step
    reads a URL stamp, then a dateline, after the metadata it is given.
    """
    own = meta.get("article:published_time") or meta.get("pubdate") or meta.get("datepublished")
    return own or (None if from_url(url) else found)


def _extract(tree: Any, url: str | None) -> Any:
    """Run trafilatura on the parsed page; None when it finds no article or fails on the page."""
    from trafilatura import bare_extraction

    # Its fallbacks (readability, jusText) log their own failures as warnings: trafilatura goes on
    # with its own answer, and the user has nothing to do about them.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        return bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=True,  # images mark captions and related boxes (html_blocks.py)
            deduplicate=False,
            # The page's markup only (meta, <time>, URL), the original date not the last update: its
            # guesses from free text ("năm 2018" read as 1 January 2018) lose to tintuc's dateline step.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except MemoryError:
        raise  # the process is in trouble, not this page
    except Exception as error:  # another library's bug on one page: its own <p> paragraphs still load it
        logger.warning(
            "trafilatura failed on a page (%s: %s); its <p> paragraphs are read instead",
            type(error).__name__,
            error,
        )
        return None


def _without_title(blocks: list[Block], title: str | None) -> list[Block]:
    """Drop the headline the text opens with (the title, or the page's <h1>): the title segment holds it."""
    if not blocks or not title:
        return blocks
    first, heading = blocks[0], " ".join(title.split())
    if first.text.casefold() == heading.casefold():
        return blocks[1:]
    if first.text.startswith(heading + " "):
        return [Block(first.text[len(heading) + 1 :], first.tag, first.shape), *blocks[1:]]
    return blocks


def _trigrams(text: str) -> set[tuple[str, ...]]:
    """Return the word trigrams of text, case folded."""
    words = _WORDS.findall(text.casefold())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _missing_from(description: str, blocks: list[Block]) -> bool:
    """Tell whether the description is a lead the text lacks.

    A description the text holds (most of its word trigrams, anywhere) is there already; one the
    text's opening mostly says is the sapo rewritten for search engines, and the opening is the
    lead. One that shares no word trigram with the text is the site's blurb, not a sapo. Otherwise
    the extraction left the sapo out (some templates set it apart from the text, and a photo story
    opens with captions that share its words here and there).
    """
    wanted = _trigrams(description.removesuffix("..."))
    if not wanted:
        return False
    whole = set().union(*(_trigrams(block.text) for block in blocks)) if blocks else set()
    opening = set().union(*(_trigrams(block.text) for block in blocks[:3])) if blocks else set()
    held, opened = len(wanted & whole) / len(wanted), len(wanted & opening) / len(wanted)
    # Sharing nothing at all, it is not this story's sapo but the site's own blurb ("Tin tức 24h…").
    return 0 < held < HELD_SHARE and opened < REWRITTEN_SHARE


def _metadata(document: Any) -> dict[str, str]:
    """Return trafilatura's metadata worth keeping beside the article (authors, tags, language…)."""
    if document is None:
        return {}
    fields = {
        "author": getattr(document, "author", None),
        "sitename": getattr(document, "sitename", None),
        "tags": ", ".join(getattr(document, "tags", None) or []),
        "categories": ", ".join(getattr(document, "categories", None) or []),
        "language": getattr(document, "language", None),
        "canonical_url": getattr(document, "url", None),
        "date_found": getattr(document, "date", None),
    }
    return {key: str(value) for key, value in fields.items() if value}
