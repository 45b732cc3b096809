"""Cut an article into segments in reading order, and keep what is removed with its reason.

A segment is one sentence of the title, the lead, a body paragraph or a photo caption.
Everything of the source body ends up either in a segment or in a removed line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flows.steps.extract import boxes, closing_chrome, credits, furniture
from flows.steps.extract.body_units import CAPTION, Unit, lead_line, split_body, title_line
from flows.steps.extract.credits import byline_authors
from flows.steps.extract.outlets import (
    DATELINE_REASON,
    dateline,
    dateline_prefix,
    known_outlet,
    outlet_from_name,
    title_outlet,
    trailing_outlet,
)
from flows.steps.extract.sentences import split_sentences
from flows.steps.ingest.formats import SourceDocument
from flows.steps.ingest.normalize import normalize_line

DUPLICATE_LEAD = "description repeats the lead paragraph"
OUTLET_SUFFIX = "site name after the description"
TITLE_OUTLET_SUFFIX = "site name after the title"
# Shapes that make a whole unit furniture whatever its words say.
_WHOLE_SHAPES = frozenset({furniture.DATE_SHARE, boxes.AUTHOR_BOX, boxes.RELATED_BOX})
_BARE_CREDIT_SHAPES = frozenset({credits.PHOTO_CREDIT, furniture.BYLINE})


@dataclass(frozen=True)
class Segment:
    """One sentence of the article, where it stands and what kind of text it belongs to."""

    kind: str  # "title", "lead", "paragraph" or "caption"
    paragraph_no: int
    sentence_no: int
    text: str
    credit: str | None = None  # a caption's photo credit, as written ("Ảnh: Nguyễn Đông")


@dataclass(frozen=True)
class RemovedLine:
    """A line (or, on flattened pages, a sentence of a line) that is not article text."""

    line_no: int
    part_no: int
    text: str
    reason: str


@dataclass(frozen=True)
class ArticleText:
    """An article's segments, its removed lines, and how many body units were article text."""

    segments: list[Segment]
    removed: list[RemovedLine]
    body_units: int
    furniture_units: int
    title_outlet: str | None = None  # the outlet a title's suffix named (" - VnExpress")
    dateline_outlet: str | None = None  # the outlet a lead's dateline named ("TTO - ")
    authors: tuple[str, ...] = ()  # the names of the closing byline


def _classify_body(document: SourceDocument, units: list[Unit]) -> list[tuple[Unit, str]]:
    """Label each unit with a furniture reason or with "paragraph"/"caption"."""
    labels: list[tuple[Unit, str]] = []
    after_alt_text = footer_started = False
    photo_story = bool(document.url and "/photo/" in document.url)
    opening = document.flattened
    for unit in units:
        reason = _reason(unit, opening=opening and not unit.shape)
        opening = opening and bool(unit.shape)
        footer_started = footer_started or reason == furniture.SITE_FOOTER
        if footer_started and document.flattened:
            reason = furniture.SITE_FOOTER
        if reason is None and credits.is_photo_credit(unit.text):
            reason = credits.PHOTO_CREDIT
        if reason is None and furniture.gives_own_address(unit.text, document.url):
            reason = furniture.PROMPT
        if reason is None and closing_chrome.is_glued_labels(unit.text):
            reason = furniture.CLOSING_LIST
        if reason:
            labels.append((unit, reason))
        elif after_alt_text or photo_story or unit.shape == CAPTION or furniture.is_caption_credit(unit.text):
            labels.append((unit, "caption"))
        else:
            labels.append((unit, "paragraph"))
        after_alt_text = reason == furniture.IMAGE_ALT_TEXT
    _mark_opening_headline(document, labels)
    boxes.mark_repeated_headlines(labels, furniture.RELATED_LINK)
    if document.flattened:
        _mark_credited_captions(labels)
    _mark_closing_byline(labels)  # a byline first: "Thanh Thảo, Thanh Hà" on thanhnien.vn is no tag list
    _mark_closing_chrome(document, labels)
    return labels


def _reason(unit: Unit, *, opening: bool) -> str | None:
    """Return why a unit is furniture, or None; `opening`: it is a flattened page's first text."""
    if unit.shape in _WHOLE_SHAPES or unit.shape in _BARE_CREDIT_SHAPES:
        return unit.shape  # a flattened page's head, an author's box, a credit cut out without a label
    reason = furniture.line_furniture(unit.text, indented=unit.indented)
    if reason == furniture.BANNER and opening:
        return None  # a dateline cut off the lead ("TP HCMSau hỏa hoạn…"), not a banner
    return reason or (unit.shape if unit.shape != CAPTION else None)


def _mark_opening_headline(document: SourceDocument, labels: list[tuple[Unit, str]]) -> None:
    """Relabel a headline opening the body beside a description: a related article's link."""
    if document.flattened or lead_line(document) is None:
        return
    text_units = [index for index, (_, label) in enumerate(labels) if label in {"paragraph", "caption"}]
    if len(text_units) < 2 or not furniture.is_headline(labels[text_units[0]][0].text):
        return
    first = text_units[0]
    if labels[first + 1][1] != credits.PHOTO_CREDIT:  # a photo's credit after it: a caption
        labels[first] = (labels[first][0], furniture.RELATED_LINK)


def _mark_credited_captions(labels: list[tuple[Unit, str]]) -> None:
    """On a flattened page, the sentence before a video's credit is that video's caption."""
    for index in range(1, len(labels)):
        unit, label = labels[index]
        previous, previous_label = labels[index - 1]
        if previous_label != "paragraph" or previous.line_no != unit.line_no:
            continue
        if label == furniture.VIDEO and unit.text.startswith(("Video:", "Clip:")):
            labels[index - 1] = (previous, furniture.VIDEO)


CAPTION_LENGTH = 300  # a caption a credit on the next line may belong to is at most this long


def _attach_credits(labels: list[tuple[Unit, str]]) -> dict[tuple[int, int], str]:
    """Label the text before each photo credit as its caption; return each caption's credit by unit.

    The text a credit follows on its own line, or on a flattened page, is the photo's caption; a
    credit alone on a line follows its caption's line, when that line is short enough to be one.
    """
    attached: dict[tuple[int, int], str] = {}
    for index in range(1, len(labels)):
        unit, label = labels[index]
        previous, previous_label = labels[index - 1]
        if label != credits.PHOTO_CREDIT or previous_label not in {"paragraph", "caption"}:
            continue
        if previous.line_no != unit.line_no and len(previous.text) > CAPTION_LENGTH:
            continue
        labels[index - 1] = (previous, "caption")
        attached[(previous.line_no, previous.part_no)] = credits.credit_value(unit.text)
    return attached


def _mark_closing_chrome(document: SourceDocument, labels: list[tuple[Unit, str]]) -> None:
    """Relabel the page's last text when it is a link's label or the site's own tags (`closing_chrome`)."""
    last = next((index for index in range(len(labels) - 1, -1, -1) if labels[index][1] in _TEXT_LABELS), None)
    if last is None or labels[last][1] != "paragraph":  # a caption may end on the outlet's name
        return
    if last + 1 < len(labels) and labels[last + 1][1] == credits.PHOTO_CREDIT:  # a caption, its credit after
        return
    unit = labels[last][0]
    if closing_chrome.is_link_label(unit.text):
        labels[last] = (unit, furniture.CLOSING_LIST)
    elif closing_chrome.is_own_site_tags(unit.text, document.url):
        labels[last] = (unit, furniture.TAGS)


def _mark_closing_byline(labels: list[tuple[Unit, str]]) -> None:
    """Relabel the closing text: a run of links or titles, then the byline and the source under it.

    A page may close with two such lines ("Theo Lê Ánh" over the outlet's name): up to three
    bylines are taken from the end, and the first text that is no byline stops the run. A last
    line that is only an outlet's name ("Công an nhân dân") is the source under the byline: out
    of the text, but no author.
    """
    bylines = 0
    last = True
    for index in range(len(labels) - 1, 0, -1):
        unit, label = labels[index]
        if label not in {"paragraph", "caption"}:
            continue
        if last and known_outlet(unit.text.rstrip(".")):
            labels[index] = (unit, furniture.SOURCE_CREDIT)
            last = False
            continue
        last = False
        if furniture.is_closing_list(unit.text) and not bylines:
            labels[index] = (unit, furniture.CLOSING_LIST)
            continue
        if not furniture.is_byline(unit.text) or bylines == 3:
            return
        labels[index] = (unit, furniture.BYLINE)
        bylines += 1


_TEXT_LABELS = frozenset({"paragraph", "caption"})


def build_segments(document: SourceDocument) -> ArticleText:
    """Return the article's segments in reading order and the lines removed from it."""
    segments, removed, site = _title_segments(document)
    labels = _classify_body(document, split_body(document))
    credit_of = _attach_credits(labels)
    body = [(unit, label) for unit, label in labels if label in _TEXT_LABELS]
    removed += [
        RemovedLine(unit.line_no, unit.part_no, unit.text, label)
        for unit, label in labels
        if label not in _TEXT_LABELS
    ]
    body_units = len(body)
    lead, dateline_outlet = _lead_segments(document, body, removed)
    segments += lead + _body_segments(document, body, credit_of, 1 if lead else 0)
    return ArticleText(
        segments,
        sorted(removed, key=lambda row: (row.line_no, row.part_no)),
        body_units,
        len(labels) - body_units,
        outlet_from_name(site),
        dateline_outlet,
        _byline_names(document, labels),
    )


def _title_segments(document: SourceDocument) -> tuple[list[Segment], list[RemovedLine], str | None]:
    """Return the title's segments, its removed site name if any, and that site name."""
    title = title_line(document)
    if title is None:
        return [], [], None
    title_text, site = title_outlet(normalize_line(title.text), document.url)
    removed = [RemovedLine(title.line_no, 1, site, TITLE_OUTLET_SUFFIX)] if site else []
    return _sentences("title", 0, title_text), removed, site


def _lead_segments(
    document: SourceDocument, body: list[tuple[Unit, str]], removed: list[RemovedLine]
) -> tuple[list[Segment], str | None]:
    """Return the lead's segments (the description, else the first paragraph) and its dateline's outlet.

    An outlet's dateline opening the lead ("TTO - ", "(Dân trí) - ") is taken off it: it names
    the outlet, it is not news.
    """
    lead_text = _lead_from_description(document, body, removed)
    line = lead_line(document)
    where = (line.line_no, 0) if line is not None else (0, 0)
    if (
        lead_text is None
        and body
        and body[0][1] == "paragraph"
        and _opens_with_lead(document, body[0][0].text)
    ):
        unit = body.pop(0)[0]
        lead_text, where = unit.text, (unit.line_no, unit.part_no)
    if not lead_text:
        return [], None
    found = dateline(lead_text)
    if found is None:
        return _sentences("lead", 1, lead_text), None
    end, outlet = found
    removed.append(RemovedLine(*where, lead_text[:end].strip(), DATELINE_REASON))
    return _sentences("lead", 1, lead_text[end:]), outlet


def _body_segments(
    document: SourceDocument,
    body: list[tuple[Unit, str]],
    credit_of: dict[tuple[int, int], str],
    paragraph_no: int,
) -> list[Segment]:
    """Return the body's segments, numbered in paragraphs; a caption's last sentence carries its credit."""
    segments: list[Segment] = []
    previous_label = None
    # Sentences already numbered in each paragraph, counted as they come: recounting the
    # segments for every unit took time growing with the square of a flattened page's length.
    numbered: Counter[int] = Counter()
    for unit, label in body:
        # A flattened page's text runs on until a caption or a break its page left a trace of.
        if not (document.flattened and label == previous_label and not unit.new_paragraph):
            paragraph_no += 1
        credit = credit_of.get((unit.line_no, unit.part_no))
        new = _sentences(label, paragraph_no, unit.text, first=numbered[paragraph_no] + 1, credit=credit)
        numbered[paragraph_no] += len(new)
        segments += new
        previous_label = label
    return segments


def _byline_names(document: SourceDocument, labels: list[tuple[Unit, str]]) -> tuple[str, ...]:
    """Return the article's authors: the closing byline's names, else those its metadata gives."""
    names = [
        name for unit, label in labels if label == furniture.BYLINE for name in byline_authors(unit.text)
    ]
    if not names:
        given = [document.meta.get("Author", ""), document.meta.get("author", "")]
        names = [name for value in given for part in value.split(",") for name in byline_authors(part)]
    return tuple(dict.fromkeys(names))


def _opens_with_lead(document: SourceDocument, text: str) -> bool:
    """Tell whether the first body paragraph is the lead (sapo) of the article."""
    return dateline_prefix(text) is not None or not document.flattened


def _lead_from_description(
    document: SourceDocument, body: list[tuple[Unit, str]], removed: list[RemovedLine]
) -> str | None:
    """Return the description as the lead, unless the body's first paragraph repeats it."""
    line = lead_line(document)
    if line is None:
        return None
    text, suffix = trailing_outlet(normalize_line(line.text))
    first = body[0][0].text if body else ""
    if first and (first.startswith(text) or text.startswith(first)):
        removed.append(RemovedLine(line.line_no, 0, normalize_line(line.text), DUPLICATE_LEAD))
        return None
    if suffix:
        removed.append(RemovedLine(line.line_no, 1, suffix, OUTLET_SUFFIX))
    return text or None


def _sentences(
    kind: str, paragraph_no: int, text: str, *, first: int = 1, credit: str | None = None
) -> list[Segment]:
    """Split a paragraph into numbered sentence segments; the last carries the credit, if any."""
    sentences = split_sentences(text)
    return [
        Segment(
            kind, paragraph_no, number, sentence, credit if number == first + len(sentences) - 1 else None
        )
        for number, sentence in enumerate(sentences, start=first)
    ]
