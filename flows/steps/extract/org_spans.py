"""Organisations the heads miss, and the spans to mend once they are found.

Three ways in that need the words around a name rather than its head: a source opening a
sentence ("Theo Wired, …"), an acronym after a title ("Chủ tịch VARS"), a name set off before
the noun that says what it is ("Pheu Thai, đảng …"). Then the spans are mended: an office and
the body it belongs to are one organisation as well as two ("Văn phòng Chính phủ", "Phòng CSGT
Công an Hải Phòng"); a regional acronym closes the name before it ("Liên đoàn Bóng đá ASEAN");
a known brand before a product or an event's name is neither ("Ford Everest", "AFF Cup").
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer, orgnames, titles
from flows.steps.extract.people import EVENT_TAIL_WORDS, ORG_TAIL_WORDS
from flows.steps.extract.roles import OFFICE_WORD as TITLE_WORD

Span = tuple[int, int, str]
# Heads of an office inside a body: the body it belongs to may follow its name.
OFFICE_HEADS = (
    "Văn phòng", "Phòng", "Ban", "Cục", "Cơ quan CSĐT", "Cơ quan cảnh sát điều tra",
    "Cơ quan Cảnh sát điều tra", "Cơ quan điều tra", "Đội", "Trung tâm", "Hội đồng", "Chi cục", "Chi nhánh",
    "Trại tạm giam", "Trại giam", "Tổng cục", "Vụ", "Viện", "Ủy ban", "Bộ Tổng tham mưu", "Bộ Tư lệnh",
    "Câu lạc bộ", "CLB",  # a club of a body: "Câu lạc bộ Truyền thống Thành đoàn TP HCM"
)  # fmt: skip
# Acronyms that say where a body works, closing its name ("Liên đoàn Bóng đá ASEAN").
REGION_ACRONYMS = frozenset({"ASEAN", "EU", "LHQ", "ĐBSCL", "TP.HCM", "TPHCM"})
_SOURCE_OPENING = re.compile(
    r"(?:^|[.!?…]\s|\"\s?|“)Theo (?P<name>[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|in|of|the|de|on|for))*),"
)
_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ&]{1,7}")
NOT_ORG_ACRONYMS = frozenset(
    {"TP", "HCM", "GDP", "USD", "VND", "FDI", "ATM", "AI", "IT", "CEO", "TV", "SN", "BKS", "PV", "CĐV"}
    | {"HĐQT", "BOT", "BTC", "BCH", "HĐXX", "ĐTQG", "THPT", "THCS", "CLB", "UAV", "KOL", "MC", "DJ"}
)
_APPOSITIVE_NOUN = re.compile(r", (?:đảng|công ty|hãng|tập đoàn|tổ chức|nhóm|phong trào|ngân hàng)\b")
# a Latin-script name, or an acronym ("UFC, công ty giải trí võ thuật …")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}|(?<![\w.])[A-Z]{2,6}")


def named_by_context(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return organisations the words around them name: a source, an acronym after a title, an appositive."""
    spans = [
        (m.start("name"), m.end("name"), m["name"])
        for m in _SOURCE_OPENING.finditer(text)
        if _source(m["name"])
    ]
    spans += _acronyms_after_titles(text) + _appositives(text)
    kept: list[Span] = []
    for span in spans:
        if not any(s < span[1] and span[0] < e for s, e in taken):
            kept.append(span)
            taken.append(span[:2])
    return kept


def _acronyms_after_titles(text: str) -> list[Span]:
    """Return the acronyms a title names a body by ("Chủ tịch VARS", "PV VTC News", "Chủ tịch PPJ Group")."""
    spans = []
    for title in TITLE_WORD.finditer(text):
        word = text[title.end() + 1 :].split(" ", 1)[0].rstrip(",.;:)")
        if (
            text[title.end() : title.end() + 1] != " "
            or not _ACRONYM.fullmatch(word)
            or word in NOT_ORG_ACRONYMS
        ):
            continue
        start = title.end() + 1
        end = tail_end(text, start + len(word))
        spans.append((start, end, text[start:end]))
    return spans


def _appositives(text: str) -> list[Span]:
    """Return Latin-script names set off before the noun that says what they are ("Pheu Thai, đảng …")."""
    spans = []
    for noun in _APPOSITIVE_NOUN.finditer(text):
        names = list(_LATIN_NAME.finditer(text, max(0, noun.start() - 40), noun.start()))
        name = names[-1] if names else None
        if name and name.end() == noun.start() and name.group() not in gazetteer.PROVINCES | NOT_ORG_ACRONYMS:
            spans.append((name.start(), name.end(), name.group()))
    return spans


def _source(name: str) -> bool:
    """Tell whether a "Theo X," names a publication, not a person or a place ("Theo Wired,")."""
    words = name.split()
    if name in gazetteer.PROVINCES or words[0] in titles.NOT_NAME_WORDS or not name.isascii():
        return False
    possessive = any(word.endswith(("'s", "’s")) for word in words)  # "Theo Harper's Bazaar,": no person's
    return (
        len(words) == 1 or any(word.islower() for word in words) or words[-1] in ORG_TAIL_WORDS or possessive
    )


def is_product_or_event(text: str, end: int) -> bool:
    """Tell whether a known brand's name goes on as a product's or an event's ("Ford Everest", "AFF Cup")."""
    following = text[end : end + 30].split()[:1]
    if not following or text[end : end + 1] != " ":
        return False
    word = following[0].rstrip(",.;:)")
    return word in EVENT_TAIL_WORDS or (word[:1].isupper() and word.isascii() and word not in ORG_TAIL_WORDS)


def tail_end(text: str, end: int) -> int:
    """Return where a known name ends once the words that close a body's name are added ("Kitco News")."""
    while (word := _TAIL_WORD.match(text, end)) and word.group(1) in ORG_TAIL_WORDS:
        end = word.end()  # each in turn: "Samsung Electronics Vina"
    return end


_TAIL_WORD = re.compile(r" ([A-Z][a-z]+)\b")


# A body's standing committee, named by the body after it: "Thường trực Tỉnh ủy", "Thường trực HĐND".
_STANDING = re.compile(r"(?:^|(?<=\s))Thường trực $")


def _after_title(text: str, start: int) -> bool:
    """Tell whether a title ends right before `start` ("Phó Chủ tịch Thường trực": an office)."""
    titles_before = TITLE_WORD.finditer(text, max(0, start - 30), start)
    return any(not text[title.end() : start].strip() for title in titles_before)


def merge_nested(text: str, spans: list[Span]) -> list[Span]:
    """Join an office to the body it belongs to, and a name to the region acronym closing it.

    The office joined ("Phòng CSGT Công an Hải Phòng") replaces the office alone; the body
    stays an organisation of its own. A region acronym ("ASEAN") is no body of its own there.
    A standing committee ("Thường trực Tỉnh ủy") is a body, the organ after it too.
    """
    spans = spans + [
        (standing.start(), end, text[standing.start() : end])
        for start, end, _ in spans
        for standing in [_STANDING.search(text, max(0, start - 12), start)]
        if standing and not _after_title(text, standing.start())
    ]
    spans.sort()
    merged: list[Span] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        following = spans[index + 1] if index + 1 < len(spans) else None
        if following and text[span[1] : following[0]] == " " and _joins(span[2], following[2]):
            joined = (span[0], following[1], text[span[0] : following[1]])
            merged.append(joined)
            if following[2] in REGION_ACRONYMS:
                index += 2
                continue
        else:
            merged.append(span)
        index += 1
    return merged


def _joins(first: str, second: str) -> bool:
    """Tell whether two organisations written side by side are one: an office and its body, a region."""
    if second in REGION_ACRONYMS:
        return not first.isupper()
    office = first.startswith(OFFICE_HEADS)
    body = second.startswith(tuple(orgnames.ORG_HEADS)) or second in orgnames.KNOWN_ORGS
    return office and body and len((first + " " + second).split()) <= 14
