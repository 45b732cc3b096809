"""Cut an article into segments in reading order, and keep what is removed with its reason.

A segment is one sentence of the title, the lead, a body paragraph or a photo caption.
Everything of the source body ends up either in a segment or in a removed line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flows.steps.extract import furniture
from flows.steps.extract.outlets import dateline_prefix, trailing_outlet
from flows.steps.extract.sentences import split_sentences
from flows.steps.ingest.formats import SourceDocument, SourceLine
from flows.steps.ingest.normalize import normalize_line

DUPLICATE_LEAD = "description repeats the lead paragraph"
OUTLET_SUFFIX = "site name after the description"


@dataclass(frozen=True)
class Segment:
    """One sentence of the article, where it stands and what kind of text it belongs to."""

    kind: str  # "title", "lead", "paragraph" or "caption"
    paragraph_no: int
    sentence_no: int
    text: str


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


@dataclass(frozen=True)
class _Unit:
    """A piece of body text to classify: a whole line, or a sentence of a flattened page."""

    line_no: int
    part_no: int
    text: str
    indented: bool


def _body_units(document: SourceDocument) -> list[_Unit]:
    """Return the body as units; flattened pages are cut into sentences first."""
    units = []
    for line in document.lines:
        if line.field != "body":
            continue
        text = normalize_line(line.text)
        indented = line.text[:2].isspace() or line.text.startswith("\t")
        if document.flattened:
            units.extend(_flattened_units(line.line_no, text))
        elif text:
            units.append(_Unit(line.line_no, 0, text, indented))
    return units


def _flattened_units(line_no: int, text: str) -> list[_Unit]:
    """Cut a flattened page into sentences, with its footer (which runs on unpunctuated) apart."""
    cut = furniture.footer_start(text)
    article, footer = (text, "") if cut is None else (text[:cut], text[cut:])
    pieces = split_sentences(article) + ([footer.strip()] if footer.strip() else [])
    return [_Unit(line_no, part, piece, False) for part, piece in enumerate(pieces, start=1)]


def _classify_body(document: SourceDocument, units: list[_Unit]) -> list[tuple[_Unit, str]]:
    """Label each unit with a furniture reason or with "paragraph"/"caption"."""
    labels: list[tuple[_Unit, str]] = []
    after_alt_text = footer_started = False
    photo_story = bool(document.url and "/photo/" in document.url)
    for unit in units:
        reason = furniture.line_furniture(unit.text, indented=unit.indented)
        footer_started = footer_started or reason == furniture.SITE_FOOTER
        if footer_started and document.flattened:
            reason = furniture.SITE_FOOTER
        if reason:
            labels.append((unit, reason))
        elif after_alt_text or photo_story or furniture.is_caption_credit(unit.text):
            labels.append((unit, "caption"))
        else:
            labels.append((unit, "paragraph"))
        after_alt_text = reason == furniture.IMAGE_ALT_TEXT
    _mark_closing_byline(document, labels)
    return labels


def _mark_closing_byline(document: SourceDocument, labels: list[tuple[_Unit, str]]) -> None:
    """Relabel the last text line as a byline when it is just an author's name."""
    for index in range(len(labels) - 1, -1, -1):
        unit, label = labels[index]
        if label in {"paragraph", "caption"}:
            if not document.flattened and index > 0 and furniture.is_byline(unit.text):
                labels[index] = (unit, furniture.BYLINE)
            return


def _title_line(document: SourceDocument) -> SourceLine | None:
    """Return the document's title line, if any."""
    return next((line for line in document.lines if line.field == "title"), None)


def _lead_line(document: SourceDocument) -> SourceLine | None:
    """Return the description given beside the body, if any."""
    return next((line for line in document.lines if line.field == "lead"), None)


def build_segments(document: SourceDocument) -> ArticleText:
    """Return the article's segments in reading order and the lines removed from it."""
    segments: list[Segment] = []
    removed: list[RemovedLine] = []
    title = _title_line(document)
    if title is not None:
        segments += _sentences("title", 0, normalize_line(title.text))
    labels = _classify_body(document, _body_units(document))
    body = [(unit, label) for unit, label in labels if label in {"paragraph", "caption"}]
    body_units = len(body)
    removed += [
        RemovedLine(unit.line_no, unit.part_no, unit.text, label)
        for unit, label in labels
        if label not in {"paragraph", "caption"}
    ]
    lead_text = _lead_from_description(document, body, removed)
    paragraph_no = 0
    if lead_text:
        paragraph_no = 1
        segments += _sentences("lead", paragraph_no, lead_text)
    elif body and body[0][1] == "paragraph" and _opens_with_lead(document, body[0][0].text):
        paragraph_no = 1
        segments += _sentences("lead", paragraph_no, body.pop(0)[0].text)
    previous_label = None
    # Sentences already numbered in each paragraph, counted as they come: recounting the
    # segments for every unit took time growing with the square of a flattened page's length.
    numbered = Counter(segment.paragraph_no for segment in segments)
    for unit, label in body:
        # A flattened page has no paragraph breaks: its text runs on until a caption.
        if not (document.flattened and label == previous_label == "paragraph"):
            paragraph_no += 1
        new = _sentences(label, paragraph_no, unit.text, first=numbered[paragraph_no] + 1)
        numbered[paragraph_no] += len(new)
        segments += new
        previous_label = label
    return ArticleText(segments, removed, body_units, len(labels) - body_units)


def _opens_with_lead(document: SourceDocument, text: str) -> bool:
    """Tell whether the first body paragraph is the lead (sapo) of the article."""
    return dateline_prefix(text) is not None or not document.flattened


def _lead_from_description(
    document: SourceDocument, body: list[tuple[_Unit, str]], removed: list[RemovedLine]
) -> str | None:
    """Return the description as the lead, unless the body's first paragraph repeats it."""
    line = _lead_line(document)
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


def _sentences(kind: str, paragraph_no: int, text: str, *, first: int = 1) -> list[Segment]:
    """Split a paragraph into numbered sentence segments."""
    return [
        Segment(kind, paragraph_no, number, sentence)
        for number, sentence in enumerate(split_sentences(text), start=first)
    ]
