"""Protected spans: glossary terms and person names whose English must survive translation.

The technique is *translate, check, repair*. Each sentence is translated as it is, so when the
model already gets a term or name right its English is exactly what Argos would give. Then each
protected span is looked for in the English (ignoring case and diacritics, so "Đinh Tiến Dũng"
counts as "Dinh Tien Dung" and is rewritten in the configured style). Only a span the model
dropped or mangled is repaired: the output pieces the model's attention aligns with the span's
source pieces are replaced by the span's English, or, when nothing aligns, the English is
inserted after the piece aligned with the text before the span. Placeholders were rejected:
they change the input of every sentence with a name, so good translations would change too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flows.steps.text.glossary import Glossary
from flows.steps.text.transliterate import without_diacritics
from flows.steps.translate.ctranslate import Decoded

NAME = "name"
TERM = "term"
# A glossary term that starts in lower case is a common word ("cảnh cáo", "kỷ luật"): often a
# verb the model may rightly word otherwise ("was cautioned"). It is checked and flagged, never
# rewritten, since dropping a noun into a verb phrase would break the sentence.
CHECKED = "checked"
# "*" in a glossary variant stands for one to three words.
_WILDCARD = r"\S+(?: \S+){0,2}"
_WORD = re.compile(r"\w+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?%)\]])")


@dataclass(frozen=True)
class Span:
    """A protected stretch of a Vietnamese sentence and the English that must reach the output."""

    start: int
    end: int
    vietnamese: str
    english: tuple[str, ...]  # the form written on repair, then other forms accepted as right
    kind: str


# An English is read by several checks (each protected span, the quality flags), each folding it:
# remembered, it is folded once. Folding was the largest Python cost of a translation after
# tokenising (cProfile of translate_window, 956 texts: 1.5 s of 8 s outside the decoder).
@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Return text without diacritics or case, words separated by single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", without_diacritics(text).casefold()).split())


def _variant_pattern(variant: str) -> re.Pattern[str]:
    """Compile an accepted English form into a whole-word pattern over folded text."""
    words: list[str] = []
    for index, part in enumerate(variant.split("*")):
        if index:
            words.append(_WILDCARD)
        if fold(part):
            words.append(re.escape(fold(part)))
    return re.compile(r"(?<!\S)" + " ".join(words) + r"(?!\S)")


class Protector:
    """Find protected spans in Vietnamese text and check and repair them in the English."""

    def __init__(self, glossary: Glossary, names: dict[str, str]) -> None:
        self._english: dict[str, tuple[tuple[str, ...], str]] = {
            term.vietnamese.casefold(): (term.english, TERM) for term in glossary.terms.values()
        }
        self._english.update({name.casefold(): ((english,), NAME) for name, english in names.items()})
        # Candidates by their first word, longest first: finding spans costs a dictionary lookup
        # per word of the text, however many thousand names the warehouse knows.
        self._by_first_word: dict[str, list[str]] = {}
        for key in sorted(self._english, key=len, reverse=True):
            first = _WORD.search(key)
            if first:
                self._by_first_word.setdefault(first.group(), []).append(key)
        self._patterns: dict[str, re.Pattern[str]] = {}

    def spans(self, text: str) -> list[Span]:
        """Return the protected spans of text, longest match first, never overlapping."""
        spans: list[Span] = []
        for word in _WORD.finditer(text):
            if spans and word.start() < spans[-1].end:
                continue
            span = self._span_at(text, word)
            if span:
                spans.append(span)
        return spans

    def _span_at(self, text: str, word: re.Match[str]) -> Span | None:
        """Return the longest protected span starting at word, ending at a word boundary."""
        start = word.start()
        for key in self._by_first_word.get(word.group().casefold(), ()):
            end = start + len(key)
            if text[start:end].casefold() == key and not _WORD.match(text, end):
                english, kind = self._english[key]
                if kind == TERM and text[start].islower():
                    kind = CHECKED
                return Span(start, end, text[start:end], english, kind)
        return None

    def present(self, english: str, span: Span) -> bool:
        """Tell whether any accepted English form of span appears in english."""
        folded = fold(english)
        return any(self._pattern(variant).search(folded) for variant in span.english)

    def _pattern(self, variant: str) -> re.Pattern[str]:
        """Return the compiled pattern of an accepted form (compiled once)."""
        if variant not in self._patterns:
            self._patterns[variant] = _variant_pattern(variant)
        return self._patterns[variant]

    def missing(self, english: str, spans: Sequence[Span]) -> list[Span]:
        """Return the spans whose English is absent from english."""
        return [span for span in spans if not self.present(english, span)]


def restyle_names(english: str, spans: Sequence[Span]) -> str:
    """Rewrite each protected name found in english (any case or diacritics) in its set form."""
    for span in spans:
        if span.kind == NAME:
            english = _restyle_name(english, span.english[0])
    return english


def _restyle_name(english: str, name: str) -> str:
    """Replace the first run of words that folds to name's words with name itself."""
    target = fold(name).split()
    words = list(re.finditer(r"\w+", english))
    folded = [fold(word.group()) for word in words]
    for first in range(len(words) - len(target) + 1):
        if folded[first : first + len(target)] == target:
            start, end = words[first].start(), words[first + len(target) - 1].end()
            return english[:start] + name + english[end:]
    return english


def place_spans(decoded: Decoded, spans: Sequence[Span], detokenize: Callable[[Sequence[str]], str]) -> str:
    """Write the English with each span's English where the model's attention put the span."""
    regions = _merge([_region(decoded, span) for span in spans])
    parts, cursor = [], 0
    for start, end, english in regions:
        parts.append(detokenize(decoded.pieces[cursor:start]))
        parts.append(english)
        cursor = max(cursor, end)
    parts.append(detokenize(decoded.pieces[cursor:]))
    text = " ".join(part for part in parts if part)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)


def _region(decoded: Decoded, span: Span) -> tuple[int, int, str]:
    """Return the output pieces [start, end) that stand for span, and its English.

    Only the longest unbroken run of pieces aligned with the span is replaced (one stray piece
    elsewhere must not take the sentence with it), widened to whole words.
    """
    aligned = [row.index(max(row)) for row in decoded.attention or ()]  # the first of equal weights
    source = {
        i for i, piece in enumerate(decoded.source) if piece.start < span.end and piece.end > span.start
    }
    covering = [j for j, i in enumerate(aligned) if i in source]
    if not covering:
        before = [j for j, i in enumerate(aligned) if i < min(source, default=0)]
        position = max(before) + 1 if before else 0
        return position, position, span.english[0]
    start, end = _longest_run(covering)
    return *_whole_words(decoded.pieces, start, end), span.english[0]


def _longest_run(indices: list[int]) -> tuple[int, int]:
    """Return [start, end) of the longest run of consecutive indices (the first, on a tie)."""
    best = current = (indices[0], indices[0] + 1)
    for index in indices[1:]:
        current = (current[0], index + 1) if index == current[1] else (index, index + 1)
        if current[1] - current[0] > best[1] - best[0]:
            best = current
    return best


def _whole_words(pieces: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so it neither starts nor ends inside a word ("▁" starts a word)."""
    while start > 0 and not pieces[start].startswith("▁"):
        start -= 1
    while end < len(pieces) and not pieces[end].startswith("▁"):
        end += 1
    return start, end


def _merge(regions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Merge overlapping regions so each output piece is replaced at most once."""
    merged: list[tuple[int, int, str]] = []
    for start, end, english in sorted(regions):
        if merged and start < merged[-1][1]:
            last_start, last_end, last_english = merged[-1]
            merged[-1] = (last_start, max(last_end, end), f"{last_english} {english}")
        else:
            merged.append((start, end, english))
    return merged
