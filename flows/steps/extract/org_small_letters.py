"""Bloc organs written in small letters, which only their place makes bodies: "tỉnh ủy Quảng Nam".

Outlets often write the Party's and the Front's organs in small letters ("mặt trận tổ quốc huyện
Ba Vì", "hội nông dân tỉnh Long An"); `orgnames`' capitalised heads miss them. Without a place
after it the same words are a kind, not a body ("các cấp ủy, hội nông dân"), so the place is
required: an administrative level and its name ("huyện Ba Vì", "phường 5") or a province or city
tintuc's gazetteer knows ("Quảng Nam"). "đoàn thanh niên" is left out: in small letters it is as
often a group of young people ("một đoàn thanh niên Hà Nội đến thăm") as the Youth Union.
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer, orgnames
from flows.steps.extract.org_fields import NUMBERED_PLACES, _overlaps

Span = tuple[int, int, str]

_BLOC_ORGAN = re.compile(
    r"(?<!\w)(?:ủy ban mặt trận tổ quốc|mặt trận tổ quốc|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy"
    r"|đảng ủy|hội liên hiệp phụ nữ|hội nông dân|hội cựu chiến binh|liên đoàn lao động) (?=\S)",
    re.IGNORECASE,  # opening a sentence it is capitalised: "Hội nông dân tỉnh Long An"
)
# An administrative level (orgnames' place words, less "miền": a region has no organs) and its
# name, or its number for the city's districts and wards ("quận 3", "phường 5").
_LEVELS = sorted(orgnames.PLACE_WORDS - {"miền"}, key=len, reverse=True)
_LEVEL = re.compile(r"(?:" + "|".join(map(re.escape, _LEVELS)) + r") (?=\S)")
_WORD = re.compile(r"[^\W_](?:[\w&'-]|\.(?=\w))*")  # "Bà Rịa-Vũng Tàu"; a closing stop is no part
_NAME_WORDS = 4  # a place's name, at most, in words (the gazetteer's longest has 4)


def _capitalised_run(text: str, start: int, *, digits: bool = False) -> list[re.Match[str]]:
    """Return the capitalised words (numbers too, if digits) opening text[start:], one space apart.

    A full name after the place is a person's, not the place's: "đảng ủy xã Tân Phú Nguyễn Văn An"
    ends at "Tân Phú", before a surname with a name after it.
    """
    run: list[re.Match[str]] = []
    for word in _WORD.finditer(text, start):
        opening = word.group()[0]
        if len(run) == _NAME_WORDS or word.start() != (run[-1].end() + 1 if run else start):
            break
        if not (opening.isupper() or (digits and opening.isdigit())):
            break
        follows = text[word.end() : word.end() + 2]
        if run and word.group() in gazetteer.SURNAMES and follows[:1] == " " and follows[1:].isupper():
            break
        run.append(word)
    return run


def _place_end(text: str, start: int) -> int | None:
    """Return where the place opening text[start:] ends: a level and its name, or a known place."""
    level = _LEVEL.match(text, start)
    if level:
        numbered = level.group().strip() in NUMBERED_PLACES
        named = _capitalised_run(text, level.end(), digits=numbered)
        return named[-1].end() if named else None
    run = _capitalised_run(text, start)
    for size in range(len(run), 0, -1):
        if text[start : run[size - 1].end()] in gazetteer.PROVINCES:
            return run[size - 1].end()
    return None


def bloc_organs(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return bloc organs in small letters with their place ("tỉnh ủy Quảng Nam"); mark them taken."""
    spans: list[Span] = []
    for match in _BLOC_ORGAN.finditer(text):
        end = _place_end(text, match.end())
        if end is None or _overlaps(match.start(), end, taken):
            continue
        spans.append((match.start(), end, text[match.start() : end]))
        taken.append((match.start(), end))
    return spans
