"""Put back the photo captions trafilatura leaves out, each after the paragraph it follows on the page.

Vietnamese outlets caption nearly every photo (`<figcaption>`, or a block whose class names a
caption), and the caption is part of what the article says ("Sự cố khung thành xảy ra trong trận
…"). trafilatura keeps some and drops others, depending on the template. Before it runs (it
prunes the tree it is given), each caption is noted with the text of the paragraph before it on
the page; after it, a caption it left out is put back right after that paragraph, when that
paragraph is one of the article's lines. A caption whose paragraph is not in the article (a
sidebar's photo, a related box's thumbnail) stays out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flows.steps.ingest.html_blocks import CAPTION, Block

# Where pages put captions besides <figcaption>: a class that names one.
_CAPTIONS = (
    "//figcaption"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | //*[contains(@class, 'image-caption') or contains(@class, 'img-caption')"
    " or contains(@class, 'wp-caption-text') or contains(@class, 'PhotoCMS_Caption')"
    " or contains(@class, 'photo-caption') or contains(@class, 'fig-caption')]"
)
# A paragraph the caption follows: one with enough text to be recognised among the article's lines.
_BEFORE = "preceding::p[string-length(normalize-space(.)) > 40][1]"
ANCHOR_CHARS = 60
MAX_CAPTION_CHARS = 400


@dataclass(frozen=True)
class PageCaption:
    """A caption as the page places it: its text, and the opening of the paragraph before it."""

    text: str
    after: str


def page_captions(tree: Any) -> list[PageCaption]:
    """Return the page's photo captions in page order, each with the paragraph it follows."""
    found: list[PageCaption] = []
    seen: set[str] = set()
    for element in tree.xpath(_CAPTIONS):
        text = " ".join(element.text_content().split())
        if not text or len(text) > MAX_CAPTION_CHARS or text in seen:
            continue
        before = element.xpath(_BEFORE)
        if not before:
            continue
        seen.add(text)
        found.append(PageCaption(text, " ".join(before[0].text_content().split())[:ANCHOR_CHARS]))
    return found


def with_captions(blocks: list[Block], captions: list[PageCaption]) -> list[Block]:
    """Return blocks with each caption the extraction left out put back after its paragraph."""
    if not captions or not blocks:
        return blocks
    text = " ".join(block.text for block in blocks)
    placed: dict[int, list[Block]] = {}
    for caption in captions:
        if caption.text in text:
            continue  # kept by the extraction already
        index = next((i for i, block in enumerate(blocks) if block.text.startswith(caption.after)), None)
        if index is not None:
            placed.setdefault(index, []).append(Block(caption.text, "figcaption", CAPTION, True))
    if not placed:
        return blocks
    result: list[Block] = []
    for index, block in enumerate(blocks):
        result += [block, *placed.get(index, [])]
    return result
