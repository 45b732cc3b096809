"""Turn trafilatura's article tree into lines, each with the shape its place on the page gives it.

trafilatura (flows/steps/ingest/html_article.py) returns the article as a small XML tree: `p`,
`head`, `list/item`, `quote`, `table/row/cell` and `graphic` (an image). Its boilerplate removal
is the field's best, but it keeps what sits inside the article's own container: a photo's
caption, a related-article box set into the text (an image, a linked headline, a teaser), the
byline and the boxes after it. The shapes here say which is which, so that tintuc's furniture
layer (flows/steps/extract/segments.py) records each with its reason instead of guessing from
words alone:

- `caption`: the text of a table row beside a row that holds an image (VnExpress, Tuổi Trẻ,
  VietNamNet print photos so), or a paragraph right after an image that carries a photo credit.
- `related article or video box`: an image followed by a headline (`head`), with the teaser
  paragraph after it; and everything after a closing byline that is only such boxes and short
  lines (the "xem thêm" boxes pages set under the article).
- `byline`: that closing byline itself.
- `box heading`: a line that only names a box ("Tin liên quan", "Từ khóa", "Tin cùng chuyên
  mục"), after the article's text: it and everything after it are the page's boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from flows.steps.extract.boxes import RELATED_BOX
from flows.steps.extract.furniture import BYLINE, is_byline, is_caption_credit

CAPTION = "caption"
BOX_HEADING = "box heading, and the boxes after it"
# What Vietnamese pages title the boxes they set under an article (compared case folded, without
# a closing colon). Only a line that is nothing but one of these counts.
BOX_TITLES = frozenset(
    {
        "tin liên quan", "bài liên quan", "tin cùng chuyên mục", "cùng chuyên mục", "tin khác",
        "các tin khác", "tin mới", "tin mới nhất", "tin đọc nhiều", "đọc nhiều", "đọc nhiều nhất",
        "xem nhiều", "xem nhiều nhất", "xem thêm", "đọc thêm", "có thể bạn quan tâm", "bạn có thể quan tâm",
        "từ khóa", "từ khoá", "tags", "tag", "chủ đề", "quan tâm", "tin nổi bật", "tin hay",
        "ý kiến bạn đọc", "gửi bình luận", "chia sẻ", "tin tiêu điểm", "tin nóng",
    }
)  # fmt: skip
# A line after a closing byline that is longer than this is article text, not a box's teaser.
BOX_LINE_CHARS = 220
_SENTENCE_STOP = re.compile(r"[.!?…:;\"”)]$")


@dataclass(frozen=True)
class Block:
    """One line of the article as the page lays it out, and the shape that place gives it."""

    text: str
    tag: str  # the trafilatura element it came from: p, head, item, cell, quote
    shape: str | None = None
    after_image: bool = False


def _text(element: etree._Element) -> str:
    """Return an element's text with all white space (the page's own line wrapping) collapsed."""
    return " ".join("".join(element.itertext()).split())


def _pieces(element: etree._Element) -> list[str]:
    """Split an element's text at its line breaks (`lb`, a page's `<br>`), where a sentence ends.

    A `<br>` inside a sentence is the page's wrapping and joins; one after a stop opens a new
    paragraph, as pages written as one block of text with breaks mean it.
    """
    pieces: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append(child.tail or "")
        else:
            pieces[-1] += "".join(child.itertext()) + (child.tail or "")
    lines: list[str] = []
    for piece in (" ".join(piece.split()) for piece in pieces):
        if not piece:
            continue
        if lines and not _SENTENCE_STOP.search(lines[-1]):
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines


def _table_blocks(table: etree._Element) -> list[Block]:
    """Return a table's rows: captions when a row holds an image, else cells joined by bars."""
    rows = table.findall(".//row")
    pictured = any(row.find(".//graphic") is not None for row in rows)
    blocks = []
    for row in rows:
        cells = [_text(cell) for cell in row.findall("cell")]
        text = " | ".join(cell for cell in cells if cell)
        if text:
            blocks.append(Block(text, "cell", CAPTION if pictured else None))
    return blocks


def page_blocks(body: etree._Element) -> list[Block]:
    """Return the article tree's lines in reading order, each with the shape its place gives it."""
    blocks: list[Block] = []
    after_image = False
    for element in body:
        tag = str(element.tag)
        if tag == "graphic":
            after_image = True
            continue
        if tag == "table":
            blocks += _table_blocks(element)
        elif tag == "list":
            blocks += [Block(text, "item") for item in element.iter("item") if (text := _text(item))]
        elif tag in {"p", "head", "quote", "code"}:
            for number, text in enumerate(_pieces(element)):
                blocks.append(Block(text, tag, after_image=after_image and number == 0))
        else:
            text = _text(element)
            if text:
                blocks.append(Block(text, tag))
        after_image = False
    return _mark_boxes(_cut_at_box_heading(_mark_captions(blocks)))


def _cut_at_box_heading(blocks: list[Block]) -> list[Block]:
    """Mark a box heading after the text, and every line after it, as the page's boxes.

    Only in the second half of the page's text: a "Video" or "Xem thêm" line higher up labels
    something inside the article, and the article goes on after it.
    """
    total = sum(len(block.text) for block in blocks)
    before = 0
    for index, block in enumerate(blocks):
        before += len(block.text)
        if before < total / 2:
            continue
        if block.text.rstrip(" :").casefold() in BOX_TITLES:
            return blocks[:index] + [Block(other.text, other.tag, BOX_HEADING) for other in blocks[index:]]
    return blocks


def _mark_captions(blocks: list[Block]) -> list[Block]:
    """Mark a credited paragraph right after an image as that image's caption."""
    return [
        Block(block.text, block.tag, CAPTION, True)
        if block.after_image and block.shape is None and is_caption_credit(block.text)
        else block
        for block in blocks
    ]


def _mark_boxes(blocks: list[Block]) -> list[Block]:
    """Mark related boxes (image, headline, teaser) and the closing byline with the boxes after it."""
    marked = list(blocks)
    for index, block in enumerate(marked):
        if block.tag == "head" and block.after_image:
            marked[index] = Block(block.text, block.tag, RELATED_BOX, True)
            following = index + 1
            if following < len(marked) and marked[following].tag == "p" and not marked[following].after_image:
                teaser = marked[following]
                marked[following] = Block(teaser.text, teaser.tag, RELATED_BOX)
    byline = _closing_byline(marked)
    if byline is not None:
        marked[byline] = Block(marked[byline].text, marked[byline].tag, BYLINE)
        for index in range(byline + 1, len(marked)):
            if marked[index].shape is None:
                marked[index] = Block(marked[index].text, marked[index].tag, RELATED_BOX)
    return marked


def _closing_byline(blocks: list[Block]) -> int | None:
    """Return the index of a byline after which only boxes and short lines follow, if there is one.

    The byline must close the article's text: at least one line of text comes before it, and the
    lines after it hold a related box or are all short (links, teasers), never a paragraph.
    """
    for index in range(len(blocks) - 1, 0, -1):
        block = blocks[index]
        if block.tag != "p" or block.shape is not None or not is_byline(block.text):
            continue
        after = blocks[index + 1 :]
        if not after:
            return None  # a byline closing the text: segments.py's closing rule already takes it
        boxed = any(other.shape == RELATED_BOX for other in after)
        short = all(len(other.text) <= BOX_LINE_CHARS for other in after)
        return index if boxed and short else None
    return None
