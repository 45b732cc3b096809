"""Split a sentence longer than the model takes into parts that fit, at clause or word boundaries.

Each part is translated on its own and the English joined with a space: a long sentence reads a
little choppier in English, but it is translated instead of failing or being cut off.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A part ends after a clause mark and the space that follows it, or else after a space.
CLAUSE_END = re.compile(r"[;:,]\s+")
WORD_END = re.compile(r"\s+")


def split_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Return text in consecutive parts that each fit, joining back to text exactly.

    Parts are cut after a clause mark (`;`, `:`, `,`) where that is enough, else after a space,
    never inside a word: a single word that does not fit on its own stays one (oversized) part.
    """
    if fits(text):
        return [text]
    parts: list[str] = []
    for clause in _packed(_cut(text, CLAUSE_END), fits):
        parts.extend([clause] if fits(clause) else _packed(_cut(clause, WORD_END), fits))
    return parts


def _cut(text: str, boundary: re.Pattern[str]) -> list[str]:
    """Return text cut after every match of boundary (the pieces join back to text)."""
    ends = [match.end() for match in boundary.finditer(text) if match.end() < len(text)]
    starts = [0, *ends]
    return [text[start:end] for start, end in zip(starts, [*ends, len(text)], strict=True)]


def _packed(pieces: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Join consecutive pieces greedily into as few parts as fit (a piece too big stays alone)."""
    parts: list[str] = []
    current = ""
    for piece in pieces:
        if current and not fits(current + piece):
            parts.append(current)
            current = piece
        else:
            current += piece
    return [*parts, current] if current else parts
