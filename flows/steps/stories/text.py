"""An article's words as stories compare them: NFC, lower case, letters and digits only."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
# A near-copy is measured on word 5-grams ("shingles"), as the issue and the literature (Broder 1997) do.
SHINGLE_WORDS = 5


def words(text: str) -> list[str]:
    """Return the words of text: Vietnamese syllables and numbers, lower case, NFC, punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def text_words(texts: Iterable[str]) -> list[str]:
    """Return the words of several texts, in order, as one sequence."""
    return [word for text in texts for word in words(text)]


def shingles(sequence: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    """Return the distinct runs of size consecutive words (a text shorter than size has none)."""
    # zip over shifted views of the words: no list slice made per position.
    return {" ".join(run) for run in zip(*(sequence[shift:] for shift in range(size)), strict=False)}


def jaccard(first: set[str], second: set[str]) -> float:
    """Return |A ∩ B| / |A ∪ B| (0 for two empty sets)."""
    shared = len(first & second)
    union = len(first) + len(second) - shared  # without building the union set
    return shared / union if union else 0.0
