"""Organisations the words around them announce: a lower-case noun, or a report they make.

Vietnamese writes an institution's kind in small letters when it is not part of the official
name ("trường tiểu học Nguyễn Thái Học", "trại tạm giam huyện Lục Lương", "tòa hình sự
Manhattan", "công an xã Hướng Lập"); the capitalised heads of `orgnames` miss them. The noun is
kept with the name, as the school rules of `organisations` keep "trường THCS …". A bare
"trường" is left alone: "thị trường Mỹ", "quảng trường Ba Đình" are a market and a square.

An acronym that reports, says or counts ("ISW cho biết", "SCMP đưa tin", "theo thống kê của
VARS") is a body too: a person is not written in capitals, and a currency or a code never speaks.
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer, org_spans, titles
from flows.steps.extract.people import capitalised_runs

Span = tuple[int, int, str]
_KINDS = (
    r"trường (?:tiểu học|mầm non|trung học cơ sở|trung học phổ thông|trung học|phổ thông|"
    r"đại học|cao đẳng|chuyên|quốc tế|THCS|THPT)|nhà tù|trại giam|trại tạm giam|tòa án|tòa|"
    r"câu lạc bộ|CLB"
)
# Words that may stand between the noun and the name: a court's or a club's field, a place's head.
_BETWEEN = (
    r"hình sự|dân sự|liên bang|tối cao|phúc thẩm|sơ thẩm|hành chính|quân sự|hiến pháp|"
    r"quận|huyện|tỉnh|thành phố|thị xã|xã|phường|"
    r"quần vợt|bóng đá|bóng bàn|cờ vua|võ thuật|bơi lội|cầu lông|golf"
)
_PLACES = r"tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường|thị trấn"
_INSTITUTION = re.compile(
    rf"(?<![\w])(?:(?:{_KINDS})(?: (?:{_BETWEEN})){{0,2}}|công an (?:{_PLACES}))\s(?=[A-ZĐ])"
)  # "công an xã Hướng Lập": the police of a place, written small, with the place's level; a court
# of two fields ("tòa phúc thẩm liên bang Washington")
MAX_NAME_WORDS = 5


def institutions(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return the schools, prisons, courts and clubs a lower-case noun names, outside spans taken."""
    spans: list[Span] = []
    for match in _INSTITUTION.finditer(text):
        runs = capitalised_runs(text[match.end() :])
        if not runs or runs[0][0].start() != 0:
            continue
        words = [w for w in runs[0] if w.group() not in titles.NOT_NAME_WORDS][:MAX_NAME_WORDS]
        named = " ".join(w.group() for w in words)
        # "câu lạc bộ Hà Nội" may be a place's club or no body; a court's fields make it one
        fields = len(match.group().split()) > 2 and match.group().startswith("tòa")
        if not words or words[0].start() != 0 or (named in gazetteer.PROVINCES and not fields):
            continue
        end = match.end() + words[-1].end()
        if any(s < end and match.start() < e for s, e in taken):
            continue
        spans.append((match.start(), end, text[match.start() : end]))
        taken.append((match.start(), end))
    return spans


_REPORTING = re.compile(
    r"(?<![\w.])(?P<name>[A-ZĐ][A-ZĐ&]{1,7})(?= (?:"
    + "|".join(map(re.escape, [*titles.SPEECH_VERBS, "đưa tin", "dẫn lời", "ước tính", "công bố", "đề nghị"]))
    + r")(?!\w)(?! riêng| chung))"  # "… và RO nói riêng" says nothing
    r"|(?:thống kê|báo cáo|số liệu|dữ liệu|khảo sát|nghiên cứu|ước tính) của "
    r"(?P<owner>[A-ZĐ][A-ZĐ&]{1,7})(?![\w.])"
)
# Capitals that are no body even where they seem to speak: units, codes, people's titles.
_NOT_BODIES = org_spans.NOT_ORG_ACRONYMS | {
    "HLV",
    "GS",
    "TS",
    "PGS",
    "KTS",
    "NSND",
    "NSƯT",
    "BS",
    "LS",
    "ThS",
}


def reporting_acronyms(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return acronyms that report or are counted from ("ISW cho biết", "thống kê của VARS")."""
    spans: list[Span] = []
    for match in _REPORTING.finditer(text):
        group = "name" if match["name"] else "owner"
        start, end = match.span(group)
        if match[group] in _NOT_BODIES or any(s < end and start < e for s, e in taken):
            continue
        spans.append((start, end, match[group]))
        taken.append((start, end))
    return spans


# An army unit named in small letters by its number, as histories write it ("sư đoàn 309",
# "mặt trận 579", "trung đoàn 24"); a date or a figure after the noun ("sư đoàn 2/3", "sư đoàn
# 10.000 quân") is no name, nor a count before it: "ba sư đoàn 2, 307, 309" lists three units
# under one noun, and "sư đoàn 2" would name only part of that list.
_NUMBERED_UNIT = re.compile(
    r"(?<![\w])(?:sư đoàn|trung đoàn|lữ đoàn|quân đoàn|tiểu đoàn|binh đoàn|mặt trận) "
    r"\d{1,4}(?!\d)(?![/.,:]\d|/)"
)

_COUNTS = frozenset({"hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "các", "những", "mấy"})


def numbered_units(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return army units written in small letters with their number, outside spans taken."""
    spans: list[Span] = []
    for match in _NUMBERED_UNIT.finditer(text):
        start, end = match.span()
        before = text[:start].split()[-1:]
        if before and (before[0].strip('"“‘(').lower() in _COUNTS or before[0].isdigit()):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        spans.append((start, end, match.group()))
        taken.append((start, end))
    return spans
