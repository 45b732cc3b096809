"""Shape warehouse rows into what the reader pages show (plain functions: no Datasette, no SQL)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

# What each quality flag means, for a reader who has not read flows/steps/translate/quality.py.
# Named here rather than imported from schemas.segments, whose pandas and pandera would add seconds
# to the reader's start; a unit test holds these keys to schemas.segments.QUALITY_FLAGS.
FLAG_MEANINGS = {
    "number_missing": "a number or date of the Vietnamese is not in the English",
    "name_missing": "a protected name or glossary term is missing from the English",
    "vietnamese_left": "Vietnamese words were left in the English",
    "length_ratio": "the English is far shorter or longer than the Vietnamese: text dropped or invented",
    "repetition": "words repeat in a loop, as a failing model does",
}
VIEWS = ("side", "interlinear", "en", "vi")
LANGS = ("vi", "en", "both")
# What English not translated yet shows as, in every page, export and printout.
PENDING = "(translation pending)"
# How a search snippet wraps a matched term, unless warehouse.search says otherwise (SNIPPET_MARKS).
SNIPPET_MARKS = ("[", "]")


@dataclass(frozen=True)
class Flag:
    """One quality flag on a sentence: its name, what it found and what it means."""

    name: str
    detail: str
    meaning: str


@dataclass(frozen=True)
class Part:
    """A run of a sentence's text; entity_id when it names an entity the sentence mentions."""

    text: str
    entity_id: str | None = None
    kind: str | None = None


@dataclass
class Sentence:
    """One segment, both languages split into parts, its flags and the entities it mentions."""

    seq: int
    vi: list[Part]
    en: list[Part] | None
    flags: list[Flag]
    unplaced: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Paragraph:
    """A paragraph (or the title, the lead, a caption) as its aligned sentences."""

    kind: str
    sentences: list[Sentence]
    credit: str | None = None  # a caption's photo credit, shown as written (never translated)


def parse_flags(quality_flags: str | None) -> list[Flag]:
    """Split "name: detail; name: detail" into flags with their meanings."""
    flags = []
    for item in (quality_flags or "").split(";"):
        name, _, detail = item.partition(":")
        if name.strip():
            meaning = FLAG_MEANINGS.get(name.strip(), "a check tintuc does not describe")
            flags.append(Flag(name.strip(), detail.strip(), meaning))
    return flags


def mark_names(text: str, names: list[tuple[str, str, str]]) -> tuple[list[Part], set[str]]:
    """Split text into parts, the names (name, entity_id, kind) found in it marked; longest names first.

    Returns the parts and the ids of the entities found.
    """
    spans: list[tuple[int, int, str, str]] = []
    for name, entity_id, kind in sorted(names, key=lambda n: -len(n[0])):
        start = text.find(name) if name else -1
        while start >= 0:
            end = start + len(name)
            if all(end <= s or start >= e for s, e, _, _ in spans):
                spans.append((start, end, entity_id, kind))
            start = text.find(name, end)
    parts, position = [], 0
    for start, end, entity_id, kind in sorted(spans):
        if start > position:
            parts.append(Part(text[position:start]))
        parts.append(Part(text[start:end], entity_id, kind))
        position = end
    if position < len(text) or not parts:
        parts.append(Part(text[position:]))
    return parts, {span[2] for span in spans}


def sentence(segment: dict[str, Any], mentions: list[dict[str, Any]]) -> Sentence:
    """Return one segment as a sentence: names marked in each language, flags parsed."""
    vi_names = [(m["name_vi"], m["entity_id"], m["kind"]) for m in mentions]
    en_names = [(m["name_en"], m["entity_id"], m["kind"]) for m in mentions if m["name_en"]]
    vi, found = mark_names(segment["text_vi"], vi_names)
    en = None
    if segment["text_en"] is not None:
        en, found_en = mark_names(segment["text_en"], en_names)
        found |= found_en
    unplaced = [m for m in mentions if m["entity_id"] not in found]
    return Sentence(segment["seq"], vi, en, parse_flags(segment["quality_flags"]), unplaced)


def languages(lang: str) -> tuple[str, ...]:
    """Return the languages shown for vi, en or both, Vietnamese first."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use vi, en or both")
    return ("vi", "en") if lang == "both" else (lang,)


def paragraph_groups(segments: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Group an article's segments (in reading order) by paragraph, as (kind, sentences)."""
    return [
        (sentences[0]["kind"], sentences)
        for sentences in (list(group) for _, group in groupby(segments, key=lambda s: s["paragraph_no"]))
    ]


def authors_line(authors: str | None) -> str | None:
    """Return an article's authors (`articles.authors`, a JSON list) as one line, or None."""
    names = json.loads(authors) if authors else []
    return ", ".join(names) or None


def paragraph_credit(sentences: list[dict[str, Any]]) -> str | None:
    """Return a paragraph's photo or video credit (a caption's), as written, or None."""
    return next((s["credit"] for s in sentences if s.get("credit")), None)


def paragraph_text(sentences: list[dict[str, Any]], lang: str) -> str | None:
    """Return a paragraph in one language, or None while any of its sentences lacks it."""
    texts = [sentence[f"text_{lang}"] for sentence in sentences]
    return None if any(text is None for text in texts) else " ".join(texts)


def paragraphs(segments: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> list[Paragraph]:
    """Group an article's segments (in reading order) into paragraphs of aligned sentences."""
    by_seq: dict[int, list[dict[str, Any]]] = {}
    for mention in mentions:
        by_seq.setdefault(mention["seq"], []).append(mention)
    return [
        Paragraph(kind, [sentence(s, by_seq.get(s["seq"], [])) for s in group], paragraph_credit(group))
        for kind, group in paragraph_groups(segments)
    ]


def clickable_url(url: str | None) -> str | None:
    """Return the URL if a browser may follow it (http or https with a host), else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def fact_bars(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the totals with their breakdowns, each part's share of the total as a percentage."""
    children: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        if fact["parent_fact_id"]:
            children.setdefault(fact["parent_fact_id"], []).append(fact)
    shaped = []
    for fact in facts:
        if fact["parent_fact_id"]:
            continue
        whole = fact["denominator"] or fact["value"]
        breakdown = children.get(fact["fact_id"], [])
        parts = [{**part, "percent": _percent(part["value"], whole)} for part in breakdown]
        shaped.append({**fact, "percent": _percent(fact["value"], whole), "parts": parts})
    return shaped


def _percent(value: float, whole: float | None) -> float:
    """Return value as a percentage of whole, within 0..100 (0 when there is no whole)."""
    if not whole:
        return 0.0
    return max(0.0, min(100.0, 100.0 * value / whole))


def view_or_default(view: str | None) -> str:
    """Return the requested article view if it is one of VIEWS, else side by side."""
    return view if view in VIEWS else "side"


def marked(snippet: str, opening: str, closing: str) -> list[tuple[str, bool]]:
    """Split a search snippet into (text, is_match) runs at its markers; the text stays plain text."""
    runs: list[tuple[str, bool]] = []
    rest = snippet
    while opening in rest:
        before, _, after = rest.partition(opening)
        match, found, rest = after.partition(closing)
        runs.append((before, False))
        runs.append((match, True) if found else (opening + match, False))
    runs.append((rest, False))
    return [run for run in runs if run[0]]
