"""A body as units to classify: its lines, or a flattened page cut into head, sentences and footer.

A unit is a whole line of a page that kept its lines, or a sentence of a page flattened onto one
line, with the head, the author's box, each photo credit and the footer of such a page cut out as
units of their own (their shape says what they are). Moved out of `segments` unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.steps.extract import bare_credits, boxes, credits, furniture, page_edges
from flows.steps.extract.paragraphs import split_paragraphs
from flows.steps.extract.sentences import split_sentences
from flows.steps.ingest.formats import SourceDocument, SourceLine
from flows.steps.ingest.normalize import normalize_line

CAPTION = "caption"  # a line an HTML page sets beside a photo (flows/steps/ingest/html_blocks.py)


@dataclass(frozen=True)
class Unit:
    """A piece of body text to classify: a whole line, or a sentence of a flattened page."""

    line_no: int
    part_no: int
    text: str
    new_paragraph: bool = True  # on a flattened page: the page had a paragraph break before it
    shape: str | None = None  # the furniture its place on a flattened page makes it (head, footer)
    indented: bool = False


def split_body(document: SourceDocument) -> list[Unit]:
    """Return the body as units; flattened pages are cut into sentences first."""
    units = []
    for line in document.lines:
        if line.field != "body":
            continue
        text = normalize_line(line.text)
        indented = line.text[:2].isspace() or line.text.startswith("\t")
        if document.flattened:
            units.extend(_flattened_units(document, line.line_no, text))
        elif line.shape is not None and text:
            # An HTML page's layout said what the line is (a caption, a box, a byline).
            units.append(Unit(line.line_no, 0, text, shape=line.shape, indented=indented))
        elif (resume := furniture.related_end(text)) is not None:
            # A related-article teaser run into the paragraph after it: the teaser goes alone.
            units += [Unit(line.line_no, 1, text[:resume].strip(), indented=indented)]
            units += [Unit(line.line_no, 2, text[resume:].strip(), indented=indented)]
        elif boxes.box_teaser_start(text) is not None or boxes.repeats_title(text, document.title):
            # A line of its own holding a headline run into a teaser is a box, not a paragraph:
            # on a flattened page that shape is a subheading glued to its paragraph instead.
            units.append(Unit(line.line_no, 0, text, shape=boxes.RELATED_BOX, indented=indented))
        elif (credit := credits.trailing_credit(text)) is not None:
            # A caption closing with its photo's credit: the credit is a unit of its own.
            if credit:
                units.append(Unit(line.line_no, 1, text[:credit].strip(), indented=indented))
            units.append(
                Unit(line.line_no, 2 if credit else 0, text[credit:].strip(), shape=credits.PHOTO_CREDIT)
            )
        elif text:
            units.append(Unit(line.line_no, 0, text, indented=indented))
    return units


def _flattened_units(document: SourceDocument, line_no: int, text: str) -> list[Unit]:
    """Cut a flattened page into its glued head, its sentences in paragraphs, and its footer."""
    head = page_edges.head_end(text)
    title = title_line(document)
    if not head and title is not None:
        head = page_edges.title_end(text, normalize_line(title.text))
    cut = page_edges.footer_start(text)
    cut = len(text) if cut is None or cut < head else cut
    box = head + _author_box_length(document, text[head:cut])
    pieces: list[tuple[str, bool, str | None]] = [(text[:head], True, furniture.DATE_SHARE)]
    pieces.append((text[head:box], True, boxes.AUTHOR_BOX))
    paragraphs = split_paragraphs(text[box:cut])
    for number, paragraph in enumerate(paragraphs, start=1):
        sentences = _sentences_with_credits(paragraph, closes_at_glue=number < len(paragraphs))
        pieces += [(sentence, new or n == 0, shape) for n, (sentence, new, shape) in enumerate(sentences)]
    if pieces[-1][2] is None:  # the page's last sentence: a photo credit may run into the byline
        last, new, _ = pieces.pop()
        parts = boxes.split_credit_byline(last, text[box:cut], _authors(document))
        parts = parts[:-1] + furniture.split_source_tail(parts[-1])
        pieces += [(part, new and n == 0, None) for n, part in enumerate(parts)]
    pieces.append((text[cut:], True, furniture.SITE_FOOTER))
    kept = [(piece.strip(), new, shape) for piece, new, shape in pieces if piece.strip()]
    return [Unit(line_no, part, *piece, indented=False) for part, piece in enumerate(kept, start=1)]


def _author_box_length(document: SourceDocument, text: str) -> int:
    """Return how long the author's descriptor or profile opening a flattened page's text is."""
    title, lead = title_line(document), lead_line(document)
    description = lead.text if lead is not None else document.meta.get("Summary", "")
    if title is not None and description:
        profile = boxes.profile_end(normalize_line(title.text), normalize_line(description), text)
        if profile:
            return profile
    descriptor = boxes.descriptor_end(text)
    closing = split_sentences(text[-300:])[-1:] if descriptor else []
    return descriptor if closing and furniture.is_byline(closing[0]) else 0


def _authors(document: SourceDocument) -> set[str]:
    """Return the page's authors as its metadata names them."""
    named = document.meta.get("Author", "") + "," + document.meta.get("author", "")
    return {name.strip() for name in re.split(r"[,;]", named) if name.strip()}


def _sentences_with_credits(
    paragraph: str, closes_at_glue: bool = False
) -> list[tuple[str, bool, str | None]]:
    """Split a paragraph into sentences, each credit a piece of its own (see `credits`, `bare_credits`).

    Each comes with whether it opens a paragraph (the text after a credit does) and, for a credit
    without a label or one the page glued to the next paragraph, its reason. `closes_at_glue`: the page
    ran the next paragraph into this one without a space, so its last sentence ends where a name
    ended ("… vực. Ảnh: Biên phòng Hướng LậpVị trí …" gives the credit "Ảnh: Biên phòng Hướng Lập").
    """
    pieces: list[tuple[str, bool, str | None]] = []
    sentences = split_sentences(paragraph)
    for index, sentence in enumerate(sentences):
        resume = furniture.related_end(sentence)  # "Xem thêm: <headline> Vụ cháy khiến …"
        if resume is not None:
            pieces += [(sentence[:resume].strip(), False, None), (sentence[resume:].strip(), True, None)]
            continue
        parts = credits.credit_pieces(sentence)
        if len(parts) == 1 and closes_at_glue and index == len(sentences) - 1 and _credit_alone(sentence):
            pieces.append((sentence, index > 0, credits.PHOTO_CREDIT))
            continue
        for number, part in enumerate(parts):
            new = number > 0 and not credits.LABEL.match(part)
            for inner, (text, shape) in enumerate(bare_credits.bare_credit_pieces(part)):
                pieces.append((text, new if inner == 0 else shape is None, shape))
    return pieces


def _credit_alone(sentence: str) -> bool:
    """Tell whether a sentence is a photo credit naming someone or a body, and no prose."""
    words = sentence.split()
    small = sum(word[:1].islower() for word in words)
    return credits.opens_with_photo_label(sentence) and len(words) <= credits.MAX_BODY_WORDS and small <= 2


def title_line(document: SourceDocument) -> SourceLine | None:
    """Return the document's title line, if any."""
    return next((line for line in document.lines if line.field == "title"), None)


def lead_line(document: SourceDocument) -> SourceLine | None:
    """Return the description given beside the body, if any."""
    return next((line for line in document.lines if line.field == "lead"), None)
