"""Credits and bylines without a label, run into the text of a flattened page.

A page whose tags were stripped keeps a photo's credit where the picture stood, with no "Ảnh:"
before it and no full stop around it: "… lễ trao giải ngày 28.12 ĐÀO NGỌC THẠCH Tổng biên tập
…" (the photographer's name in capitals), "… Chung Chí Thành Đ.N.T Tôi vô cùng …" (initials),
"… Đặng Hoàng An NVCC Năm 2022 …" ("nhân vật cung cấp", supplied by the subject). An interview's
recorder signs "Hạ Minh (ghi)" ("ghi": written down by) in the middle of the page. Each is cut
out as a piece of its own, so the sentence before it and the one after it stay whole.

A run of capitals counts as a name only when every word of it is one Vietnamese syllable
("ĐÀO", "NGỌC"), so acronyms ("UBND", "TNHH", "HCM") never do; and only between a sentence's
small word and a capitalised word that opens the next sentence. Provinces in capitals ("HÀ
NỘI") are a dateline or a banner, not a credit, and stay.
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer, titles
from flows.steps.extract.credits import PHOTO_CREDIT
from flows.steps.extract.furniture import BYLINE

_VOWELS = "AĂÂEÊIOÔƠUƯYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
# One syllable written in capitals: an onset, one to three vowels, a coda.
_SYLLABLE = re.compile(
    rf"(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDĐGHKLMNPQRSTVX])?[{_VOWELS}]{{1,3}}(?:NG|NH|CH|[CMNPT])?"
)
_WORD = re.compile(r"\S+")
_INITIALS = re.compile(r"(?:[A-ZĐ]\.){2,}[A-ZĐ]?|NVCC")
_CAPS_PROVINCES = frozenset(province.upper() for province in gazetteer.PROVINCES)
MAX_NAME_WORDS = 4  # a name in capitals: "ĐÀO NGỌC THẠCH"; a longer run is a heading or a banner


def _is_caps_word(word: str) -> bool:
    """Tell whether a word is one Vietnamese syllable in capitals ("NGỌC"; not "UBND", not "TP")."""
    return word.isupper() and _SYLLABLE.fullmatch(word) is not None


def _ends_small(word: str) -> bool:
    """Tell whether a word ends a sentence's running text: a small letter, a digit, a bracket."""
    return word[-1:].islower() or word[-1:].isdigit() or word.endswith(")")


def _opens_sentence(word: str) -> bool:
    """Tell whether a word is a capitalised word that may open the next sentence ("Hàng", "Tôi")."""
    return word[:1].isupper() and word[1:2].islower()


def _credits(sentence: str) -> list[tuple[int, int, str]]:
    """Return the bare credits and recorders' bylines of a sentence: start, end, reason."""
    words = list(_WORD.finditer(sentence))
    found: list[tuple[int, int, str]] = []
    index = 1
    while index < len(words) - 1:
        end = index
        while end < len(words) and _is_caps_word(words[end].group()):
            end += 1
        run = sentence[words[index].start() : words[end - 1].end()] if end > index else ""
        if (
            2 <= end - index <= MAX_NAME_WORDS
            and end < len(words)
            and _ends_small(words[index - 1].group())
            and _opens_sentence(words[end].group())
            and run not in _CAPS_PROVINCES
        ):
            found.append((words[index].start(), words[end - 1].end(), PHOTO_CREDIT))
        elif (
            _INITIALS.fullmatch(words[index].group())
            and _opens_sentence(words[index + 1].group())
            and words[index - 1].group().lower() not in titles.HONORIFICS  # "ông N.V.A" is a person
        ):
            found.append((words[index].start(), words[index].end(), PHOTO_CREDIT))
        index = max(end, index + 1)
    return sorted(found + _recorders(words))


def _recorders(words: list[re.Match[str]]) -> list[tuple[int, int, str]]:
    """Return the bylines of those who wrote an interview down: "Hạ Minh (ghi)", a name of 2–4 words."""
    found: list[tuple[int, int, str]] = []
    for index, word in enumerate(words):
        if word.group() != "(ghi)":
            continue
        start = index
        while start > 0 and index - start < MAX_NAME_WORDS and _opens_sentence(words[start - 1].group()):
            start -= 1
        if index - start >= 2:
            found.append((words[start].start(), word.end(), BYLINE))
    return found


def bare_credit_pieces(sentence: str) -> list[tuple[str, str | None]]:
    """Cut a flattened page's sentence at its unlabelled credits: each piece with its reason, or None.

    "… mùa 3 ĐÀO NGỌC THẠCH Hàng ngàn …" → ("… mùa 3", None), ("ĐÀO NGỌC THẠCH", "photo
    credit"), ("Hàng ngàn …", None); a sentence without one comes back whole.
    """
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for start, end, reason in _credits(sentence):
        if start < position:
            continue
        pieces += [(sentence[position:start].strip(), None), (sentence[start:end], reason)]
        position = end
    pieces.append((sentence[position:].strip(), None))
    return [(text, reason) for text, reason in pieces if text]
