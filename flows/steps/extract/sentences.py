"""Split Vietnamese paragraphs into sentences.

tintuc owns this step: Argos's splitter downloads a model at first use, and its Stanza
Vietnamese splitter crashed on chat-style input (argos-translate#216), and underthesea's
`sent_tokenize` breaks inside quotations and chat mentions ("<@!12345>"). The rules here:
a sentence ends at ".", "!", "?" or "…" (with any closing quotes or brackets) followed by
white space and a capital letter, a digit or an opening quote, unless the full stop belongs to
an abbreviation (T.Ư, TP.HCM, TS., Q.1, v.v.) or an initial, and never inside quotes or brackets
that close later in the paragraph.

A "sentence" longer than `MAX_SENTENCE_CHARS` (a page flattened with no punctuation, a run of
one word) is cut at its last space before the limit, or at the limit when it has none. The
longest real sentence in ../shared/corpus and the seeds is about 600 characters; past a few
thousand, every later step that looks back within a sentence (roles, entities) costs time that
grows with the square of its length, and no translation model reads that much at once.
"""

from __future__ import annotations

import re
from bisect import bisect_right

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
_NESTING = re.compile(r"[(\[“«)\]”»\"]")
MAX_SENTENCE_CHARS = 1500
# What opens the next sentence: a capital or a digit (after an opening quote or bracket), or a
# related article's marker before its capitalised headline ("… trăn trở. >> Tôi giáo dục …").
_NEXT_START = re.compile(r"\s+(?=[\"“‘'«(\[]?[^\W_a-zđ]|[\"“‘'«(\[]?\d|(?:>{1,2}|»)\s*[\"“‘']?[^\W_a-zđ\d])")


def _depths(text: str) -> tuple[list[int], list[int]]:
    """Return where the bracket/quote nesting depth changes and its value after each change.

    Both lists are empty when the brackets or quotes do not balance: an unbalanced quote would
    swallow the rest of the paragraph, so nesting is ignored instead.
    """
    depth, straight_open = 0, False
    positions, depths = [], []
    for match in _NESTING.finditer(text):
        char = match.group()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            if depth <= 0:  # a closer with nothing open (a straight quote may have left it below 0)
                continue
            depth -= 1
        else:  # a straight quote opens and closes alike
            depth += -1 if straight_open else 1
            straight_open = not straight_open
        positions.append(match.start())
        depths.append(depth)
    return (positions, depths) if depth == 0 else ([], [])


def _depth_at(changes: tuple[list[int], list[int]], index: int) -> int:
    """Return the nesting depth after the character at `index`."""
    positions, depths = changes
    last = bisect_right(positions, index)
    return depths[last - 1] if last else 0


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
        if gap is None or _depth_at(depths, end - 1) != 0:
            continue
        if match.group(0) == "." and _is_abbreviation(text, match.start()):
            continue
        sentences += _cut_long(text[start:end].strip())
        start = gap.end()
    sentences += _cut_long(text[start:].strip())
    return [sentence for sentence in sentences if sentence]


def _cut_long(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """Cut a sentence over `limit` characters into pieces of at most `limit`, at spaces where it has them."""
    pieces, start = [], 0
    while len(sentence) - start > limit:
        space = sentence.rfind(" ", start + 1, start + limit + 1)
        end = space if space > start else start + limit
        pieces.append(sentence[start:end].strip())
        start = end
    pieces.append(sentence[start:].strip())
    return pieces
