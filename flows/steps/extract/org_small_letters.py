"""Bodies written in small letters that only their place or their name makes bodies.

- A bloc organ of a place: "tỉnh ủy Quảng Nam", "mặt trận tổ quốc huyện Ba Vì", "đoàn thanh niên
  phường 5". Outlets often write the Party's and the Front's organs in small letters; `orgnames`'
  capitalised heads miss them. Without a place after it the same words are a kind, not a body
  ("các cấp ủy, đoàn thanh niên"), so the place is required: an administrative level and its name
  ("huyện Ba Vì", "quận 3") or a province or city tintuc's gazetteer knows ("Quảng Nam").
- A band by its name after "nhóm nhạc" or "ban nhạc" ("nhóm nhạc Black Pink"): a band is an
  organisation, as the CoNLL and OntoNotes guidelines tag it. Its name is often Latin, which
  `org_lower_heads` leaves to the brand lists; here the noun itself says what it names.
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer
from flows.steps.extract.org_fields import _overlaps

Span = tuple[int, int, str]

_BLOC_ORGAN = re.compile(
    r"(?<!\w)(?:ủy ban mặt trận tổ quốc|mặt trận tổ quốc|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy"
    r"|đảng ủy|đoàn thanh niên|hội liên hiệp phụ nữ|hội nông dân|hội cựu chiến binh"
    r"|liên đoàn lao động) (?=\S)",
    re.IGNORECASE,  # opening a sentence it is capitalised: "Đoàn thanh niên phường 5"
)
# An administrative level and its name or number: "huyện Ba Vì", "phường 5", "TP Thủ Đức".
_LEVEL = re.compile(r"(?:tỉnh|thành phố|TP\.?|huyện|(?P<numbered>quận|phường)|thị xã|thị trấn|xã) (?=\S)")
_BAND = re.compile(r"(?<!\w)(?:nhóm nhạc|ban nhạc) (?=\S)", re.IGNORECASE)
_WORD = re.compile(r"[^\W_](?:[\w&'-]|\.(?=\w))*")  # "M-TP", "S.H.E"; a closing stop is no part
_NAME_WORDS = 4  # a place's or a band's name, at most, in words (the gazetteer's longest has 4)


def _capitalised_run(text: str, start: int, *, digits: bool = False) -> list[re.Match[str]]:
    """Return the capitalised words (numbers too, if digits) opening text[start:], one space apart."""
    run: list[re.Match[str]] = []
    for word in _WORD.finditer(text, start):
        opening = word.group()[0]
        if len(run) == _NAME_WORDS or word.start() != (run[-1].end() + 1 if run else start):
            break
        if not (opening.isupper() or (digits and opening.isdigit())):
            break
        run.append(word)
    return run


def _place_end(text: str, start: int) -> int | None:
    """Return where the place opening text[start:] ends: a level and its name, or a known place."""
    level = _LEVEL.match(text, start)
    if level:
        named = _capitalised_run(text, level.end(), digits=bool(level["numbered"]))  # "phường 5"
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


def bands(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return bands named after "nhóm nhạc" or "ban nhạc" (the name alone); mark them taken."""
    spans: list[Span] = []
    for match in _BAND.finditer(text):
        name = _capitalised_run(text, match.end(), digits=True)
        if not name or _overlaps(match.end(), name[-1].end(), taken):
            continue
        start, end = match.end(), name[-1].end()
        spans.append((start, end, text[start:end]))
        taken.append((start, end))
    return spans
