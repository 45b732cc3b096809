"""Normalise Vietnamese text: NFC, one tone-mark convention, tidy white space.

Vietnamese writes the tone of the syllables ending in "oa", "oe" and "uy" in two ways:
the traditional placement on the first vowel ("hòa", "thủy", "Thành ủy") and the newer one on
the second ("hoà", "thuỷ", "Thành uỷ"). Newspapers mix them, even within one article (the seed
writes both), which splits every search and join in two. tintuc keeps the traditional
placement, the one Vietnamese news outlets, dictionaries and underthesea's `text_normalize`
use most.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks of the five Vietnamese tones (grave, acute, tilde, hook above, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_OLD_STYLE_NUCLEI = ("oa", "oe", "uy")
# Characters that scrapers leave in text and that carry no meaning of their own.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACE_CHARS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# Runs of white space other than one plain space: a single space is left alone (most of them).
_SPACES = re.compile(rf"[{_SPACE_CHARS}][ {_SPACE_CHARS}]*| [ {_SPACE_CHARS}]+")
_INVISIBLE_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _place_tone_traditionally(syllable: str) -> str:
    """Move the tone of a syllable ending in oa/oe/uy onto the first vowel of the pair."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    if len(tones) != 1:
        return syllable
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    lower = bare.lower()
    if not lower.endswith(_OLD_STYLE_NUCLEI) or len(lower) < 2:
        return syllable
    # In "quy" the "u" belongs to the consonant "qu", so the tone stays on "y" ("quý").
    if lower.endswith("uy") and lower[:-2].endswith("q"):
        return syllable
    target = len(bare) - 2
    return unicodedata.normalize("NFC", bare[: target + 1] + tones[0] + bare[target + 1 :])


def _with_tones(letters: str) -> str:
    """Return the letters with and without each tone mark, in both cases, composed (NFC)."""
    bases = letters + letters.upper()
    return "".join(unicodedata.normalize("NFC", b + t) for b in bases for t in ["", *sorted(TONE_MARKS)])


# Only a syllable ending in oa, oe or uy (tone marks aside) can change. Finding those endings
# first and walking back to the syllable's start spares the decomposition of every other
# syllable (most of extraction's normalising before) and a regex retry inside every word.
_OLD_STYLE_ENDING = re.compile(
    rf"(?:[{_with_tones('o')}][{_with_tones('ae')}]|[{_with_tones('u')}][{_with_tones('y')}])(?![^\W\d_])"
)
_LETTER = re.compile(r"[^\W\d_]")


def normalize_tone_marks(text: str) -> str:
    """Rewrite every syllable to the traditional tone placement ("uỷ" → "ủy", "hoà" → "hòa")."""
    pieces, done = [], 0
    for match in _OLD_STYLE_ENDING.finditer(text):
        start = match.start()
        while start > done and _LETTER.match(text, start - 1):
            start -= 1
        pieces += [text[done:start], _place_tone_traditionally(text[start : match.end()])]
        done = match.end()
    return "".join(pieces) + text[done:]


def normalize_line(line: str) -> str:
    """Return one line as NFC, traditional tone marks, single spaces, no invisible characters."""
    line = unicodedata.normalize("NFC", line)
    if _INVISIBLE_CHARS.search(line):  # rare; translate() looks up every character
        line = line.translate(_INVISIBLE)
    line = _SPACES.sub(" ", line).strip()
    return normalize_tone_marks(line)


def normalize_text(text: str) -> str:
    """Normalise a whole text line by line, keeping its line structure."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return "\n".join(normalize_line(line) for line in text.split("\n"))
