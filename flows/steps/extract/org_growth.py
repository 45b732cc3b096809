"""Grow an organisation's name from its head, and tell a company's head that names no company.

`_org_end` runs over the words after a head while the name's grammar (`org_fields`) lets it go
on, and stops where a flattened page ran the next sentence on ("Xuân.Xem") or a dash opens the
next item of a list. Both the capitalised heads of `organisations` and the lower-case ones of
`org_lower_heads` grow their names here.
"""

from __future__ import annotations

import re
from typing import Any

from flows.steps.extract import gazetteer, orgnames
from flows.steps.extract.org_fields import _HEAD_START, _continues, _is_capitalised, _overlaps, _words_of

# Heads a company's own name follows, which may open with another body's noun.
_COMPANY_HEADS = frozenset({"Công ty", "Ngân hàng", "Tổng công ty", "Tập đoàn"})
# Heads a company is named after by its own name, never by a place alone ("công ty công nghệ Mỹ").
_OWN_NAME_HEADS = frozenset({"Công ty", "Tập đoàn", "Ngân hàng", "Hãng", "Tổng công ty"})


def _org_end(
    text: str,
    words: list[re.Match[str]],
    first: int,
    head_end: int,
    taken: list[tuple[int, int]],
    head: str,
) -> int:
    """Extend an organisation name from its head over the words of its name."""
    generic = head in _COMPANY_HEADS or head.endswith(" chuyên")  # "THPT chuyên Đại học Sư phạm"
    end = head_end
    state: dict[str, Any] = {
        "proper": False, "generic": generic, "capitals": 0, "code": False, "head_end": head_end, "head": head,
    }  # fmt: skip
    for i in range(first, len(words)):
        gap = text[end : words[i].start()]
        if gap not in {" ", " - ", " – "} or _overlaps(words[i].start(), words[i].end(), taken):
            break
        if gap != " " and not (
            _is_capitalised(words[i].group()) and text[words[i].end() : words[i].end() + 1] != ":"
        ):
            break
        if gap != " " and _opens_list_item(text, words, i):
            break
        if not _continues(text, words, i, state, taken):
            break
        glued = _sentence_glue(words[i].group())
        if glued is not None:  # "… quận Thanh Xuân.Xem thêm": the page ran the next sentence on
            return words[i].start() + glued
        end = words[i].end()
    return end


# A full stop between two letters inside one word ("Xuân.Xem", "Tp.HCM").
_INNER_STOP = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
# Abbreviated place levels and titles written before a name with a stop ("Tp.HCM", "tp.Cần Thơ",
# "Tx.Sơn Tây", "Q.Hoàn Kiếm", "TT.Huế"), in small letters: the stop belongs to the word.
_ABBREVIATIONS = frozenset({"tp", "tx", "tt", "q", "p", "h", "x", "th", "ts", "ths", "gs", "pgs", "bs", "ks"})


def _sentence_glue(word: str) -> int | None:
    """Return where the full stop stands inside a word that runs the next sentence on, or None.

    "Xuân.Xem": a small letter, a stop, a capital, after a word of three letters or more that no
    abbreviation spells ("Tp.HCM" stays one word). Case is tested by `str` methods: the class
    `à-ỹ` also holds capitals.
    """
    for stop in _INNER_STOP.finditer(word):
        before = re.search(r"[^\W\d_]+$", word[: stop.start()])
        stem = before.group() if before else ""
        if (
            stem[-1:].islower()
            and word[stop.end()].isupper()
            and len(stem) >= 3
            and stem.lower() not in _ABBREVIATIONS
        ):
            return stop.start()
    return None


def _opens_list_item(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Tell whether the word after a dash opens the next item of a list, not the rest of a name.

    "cao tốc Vĩnh Hảo - Phan Thiết" is one name; "Nhà tù Hỏa Lò - Nhà thờ Lớn - Bảo tàng …" lists
    three places: after the dash comes a head, or, after a proper name, a common noun (a capital then
    a small syllable). "Sở Quy hoạch - Kiến trúc" joins two fields, each a common noun: one name.
    """
    if _HEAD_START.match(text, words[i].start()):
        return True
    if i >= 2 and _words_of(words[i - 2 : i + 1]) in gazetteer.PROVINCES:
        return False  # "Công an tỉnh Thừa Thiên - Huế": a province written with a dash
    if i < 2 or not _is_capitalised(words[i - 1].group()) or not _is_capitalised(words[i - 2].group()):
        return False  # the name before the dash is made of common nouns: the dash joins its fields
    following = words[i + 1] if i + 1 < len(words) else None
    if following is None or text[words[i].end() : following.start()] != " ":
        return False
    syllable = following.group()
    return syllable[:1].islower() and syllable not in orgnames.STOP_WORDS


def _generic(head: str, rest: list[str]) -> bool:
    """Tell whether a company's head is followed by no name but lower-case words and a place."""
    if head not in _OWN_NAME_HEADS:
        return False
    return all(not (_is_capitalised(w) or w.isdigit()) or w in gazetteer.PROVINCES for w in rest)
