"""Split Vietnamese paragraphs into sentences.

tintuc owns this step: Argos's splitter downloads a model at first use, and its Stanza
Vietnamese splitter crashed on chat-style input (argos-translate#216), and underthesea's
`sent_tokenize` breaks inside quotations and chat mentions ("<@!12345>"). The rules here:
a sentence ends at ".", "!", "?" or "…" (with any closing quotes or brackets) followed by
white space and a capital letter, a digit or an opening quote, unless the full stop belongs to
an abbreviation (T.Ư, TP.HCM, TS., Q.1, v.v.) or an initial, and never inside quotes or brackets
that close later in the paragraph.
"""

from __future__ import annotations

import re

# Titles and abbreviations that end in a full stop but do not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "tp",
        "q",
        "p",
        "tx",
        "tt",
        "ts",
        "ths",
        "pgs",
        "gs",
        "bs",
        "ks",
        "ls",
        "nxb",
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "no",
        "vs",
        "v.v",
        "tr",
        "đ",
        "th",
    ]
)
_OPENERS = {"(": ")", "[": "]", "“": "”", "«": "»"}
_CLOSERS = set(_OPENERS.values())
_END = re.compile(r"[.!?…]+[\"”’'»)\]]*")
_NEXT_START = re.compile(r"\s+(?=[\"“‘'«(\[]?[^\W_a-zđ]|[\"“‘'«(\[]?\d)")


def _depths(text: str) -> list[int]:
    """Return the bracket/quote nesting depth after each character, or zeros if unbalanced."""
    depth, straight_open, depths = 0, False, []
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS and depth > 0:
            depth -= 1
        elif char == '"':
            depth += -1 if straight_open else 1
            straight_open = not straight_open
        depths.append(depth)
    # An unbalanced quote would swallow the rest of the paragraph: ignore nesting instead.
    return depths if depth == 0 else [0] * len(text)


def _is_abbreviation(text: str, stop: int) -> bool:
    """Tell whether the full stop at index `stop` closes an abbreviation or an initial."""
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:stop].lstrip("(\"“'")
    if not word:
        return False
    last = word.split(".")[-1]
    if word.lower() in ABBREVIATIONS or last.lower() in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "D.H.", "T.Ư", "A."
    return len(last) == 1 and last.isupper()


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; the pieces joined by spaces give back the text."""
    text = paragraph.strip()
    if not text:
        return []
    depths = _depths(text)
    sentences, start = [], 0
    for match in _END.finditer(text):
        end = match.end()
        gap = _NEXT_START.match(text, end)
        if gap is None or depths[end - 1] != 0:
            continue
        if match.group(0) == "." and _is_abbreviation(text, match.start()):
            continue
        sentences.append(text[start:end].strip())
        start = gap.end()
    sentences.append(text[start:].strip())
    return [sentence for sentence in sentences if sentence]
