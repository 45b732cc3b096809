"""Fold text for search: lower case, no diacritics, đ → d, one character for one character.

The one place search folds text: the index stores `fold(text)` and a query is folded the same
way, so "thanh uy ha noi", "Thành ủy Hà Nội" and "THÀNH UỶ HÀ NỘI" are the same words to it.
SQLite's `unicode61 remove_diacritics 2` cannot do this: đ has no Unicode decomposition, so it
never becomes d and "duong" never finds "đường".
"""

from __future__ import annotations

import unicodedata

# Characters fold() rewrites that Unicode does not decompose: the Vietnamese (and Croatian) d with stroke.
_NO_DECOMPOSITION = {"đ": "d", "Đ": "d"}
# Search uses these two to mark matches in FTS5's highlight(): text never holds them once folded.
MATCH_START = "\x02"
MATCH_END = "\x03"


def _fold_char(char: str) -> str:
    """Return one character folded to one (itself, lower-cased, where folding would change the length)."""
    if char in _NO_DECOMPOSITION:
        return _NO_DECOMPOSITION[char]
    if char in (MATCH_START, MATCH_END):
        return " "
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    if len(bare) == 1:
        return bare
    lower = char.lower()
    return lower if len(lower) == 1 else char


class _FoldTable(dict[int, str]):
    """A str.translate table that folds each character the first time it meets it."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Return text (as NFC) in lower case without diacritics, đ/Đ as d, character for character.

    The result is as long as the NFC text, so a match found in the folded text is at the same
    offsets in the original (the warehouse holds NFC): search highlights the original from the
    folded index.
    """
    return unicodedata.normalize("NFC", text).translate(_TABLE)
