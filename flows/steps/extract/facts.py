"""Find the numeric facts of an article, with the breakdowns that add up to them.

Three shapes cover what Vietnamese news writes:
- a total with its breakdown in brackets: "359 đảng viên (khiển trách 254 trường hợp, cảnh cáo
  37 trường hợp, …)", "10 tổ chức Đảng (khiển trách: 7; cảnh cáo: 3)";
- a share of a whole: "30/30 quận, huyện, thị xã", "81/84 đơn vị";
- a count or amount: "gồm 15 thành viên", "657.000 tỷ đồng", "95%", "1.892km".
Numbers that are dates, years, times, ordinals or document numbers ("Chương trình số 01",
"năm 2022", "13/7", "Khoản 2") are not facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = (
    "tỷ đồng",
    "triệu đồng",
    "nghìn đồng",
    "đồng",
    "tỷ",
    "triệu",
    "USD",
    "%",
    "km",
    "m2",
    "ha",
    "tấn",
    "kg",
    "người",
    "trường hợp",
)
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NOT_BEFORE = re.compile(
    r"(?:số|năm|ngày|tháng|khóa|lần|thứ|điều|khoản|quận|phiên|giai đoạn|tuổi|mùng|lúc|gói thầu|"
    r"Điều|Khoản|Quận|[/\-–.:])\s?$",
    re.I,
)
# _NOT_BEFORE matches at most 10 characters ("giai đoạn "), so only that much before a number is
# read: searching the whole sentence before every number took the square of its length.
_NOT_BEFORE_REACH = 12
_TIME_WORDS = frozenset(
    ["tháng", "năm", "ngày", "giờ", "h", "phút", "giây", "tuần", "tuổi", "lần", "thứ", "kỳ"]
)
_STOP_WORDS = frozenset(
    [
        "đã",
        "đang",
        "sẽ",
        "được",
        "bị",
        "và",
        "là",
        "có",
        "của",
        "cho",
        "trong",
        "tại",
        "ở",
        "với",
        "để",
        "theo",
        "từ",
        "khi",
        "nhưng",
        "mà",
        "thì",
        "này",
        "đó",
        "các",
        "những",
        "cũng",
        "vẫn",
        "chỉ",
        "còn",
        "lên",
        "về",
        "ra",
        "vào",
        "so",
        "như",
        "nhằm",
        "do",
        "đến",
        "tới",
        "gồm",
        "khoảng",
        "hơn",
    ]
)
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Fact:
    """A number the article states, what it counts, and its place in a breakdown."""

    key: int
    parent_key: int | None
    label: str
    value: float
    unit: str | None
    denominator: float | None = None


def parse_number(text: str) -> float:
    """Read a Vietnamese number: "." groups thousands, "," marks decimals ("1.892", "3,5")."""
    return float(text.replace(".", "").replace(",", "."))


def _label_after(text: str) -> str:
    """Return the noun phrase that follows a number, up to a verb, function word or stop."""
    words: list[str] = []
    for match in re.finditer(r"[^\W\d_]+|[^\w\s]|\d+", text):
        token = match.group()
        if token == "," and words and len(words) < 8:
            following = _WORDS.findall(text[match.end() : match.end() + 24])[:3]
            if following and following[0] not in _STOP_WORDS and len(following[0]) < 8:
                words.append(",")
                continue
        if not _WORDS.fullmatch(token) or token in _STOP_WORDS or len(words) >= 8:
            break
        if words and token in _TIME_WORDS:
            break
        words.append(token)
    while words and words[-1] == ",":
        words.pop()
    return " ".join(words).replace(" ,", ",")


def _unit_and_label(rest: str) -> tuple[str | None, str]:
    """Split what follows a number into a measuring unit (if any) and what is counted."""
    stripped = rest.lstrip()
    for unit in UNITS:
        if stripped.startswith(unit) and not stripped[len(unit) : len(unit) + 1].isalpha():
            label = _label_after(stripped[len(unit) :])
            return unit, label or unit
    return None, _label_after(stripped)


def _breakdown_children(inner: str) -> list[tuple[str, float, str | None]]:
    """Read "khiển trách 254 trường hợp, cảnh cáo 37 trường hợp" or "khiển trách: 7; cảnh cáo: 3"."""
    children = []
    inner = re.sub(r"^\s*(?:trong đó|bao gồm|gồm có|gồm)\s*:?\s*", "", inner)
    for part in re.split(r"[;,]", inner):
        match = re.match(rf"\s*(?P<label>[^\d:]*?)\s*:?\s*(?P<n>{_NUMBER})\s*(?P<unit>[^\d]*)$", part)
        if not match:
            return []
        label, unit = match["label"].strip(), match["unit"].strip() or None
        if not label and unit:  # "3 nam, 2 nữ": the word after the number is what is counted
            label, unit = unit, None
        if not label:
            return []
        children.append((label, parse_number(match["n"]), unit))
    return children if len(children) >= 2 else []


def _follows_excluding_word(text: str, start: int) -> bool:
    """Tell whether a date, ordinal or code word ("ngày", "số", "Điều") comes right before start."""
    return bool(_NOT_BEFORE.search(text, max(0, start - _NOT_BEFORE_REACH), start))


def _is_excluded(text: str, start: int, end: int) -> bool:
    """Tell whether the number at text[start:end] is a date, ordinal, code or time span."""
    if _follows_excluding_word(text, start):
        return True
    after = text[end:]
    if re.match(r"[/\-–]\s?\d|\.\d|h\b|h\d", after):
        return True
    next_word = _WORDS.match(after.lstrip())
    return bool(next_word and next_word.group() in _TIME_WORDS)


def find_facts(text: str, first_key: int = 1) -> list[Fact]:
    """Return the facts of one sentence; keys count up from first_key within the article."""
    facts: list[Fact] = []
    used: list[tuple[int, int]] = []
    key = first_key
    # The bracket's numbers are checked by _breakdown_children: asking the regex for a digit
    # inside ("[^()]*\d[^()]*") backtracked over an unclosed bracket, a second per sentence.
    breakdown = re.compile(rf"(?P<n>{_NUMBER})\s+(?P<label>[^\d()]{{1,40}}?)\s*\((?P<inner>[^()]*)\)")
    for match in breakdown.finditer(text):
        children = _breakdown_children(match["inner"])
        if not children or _is_excluded(text, match.start("n"), match.end("n")):
            continue
        unit, label = _unit_and_label(match["label"])
        parent = Fact(key, None, label, parse_number(match["n"]), unit)
        facts.append(parent)
        key += 1
        for child_label, value, child_unit in children:
            facts.append(Fact(key, parent.key, child_label, value, child_unit))
            key += 1
        used.append(match.span())
    for match in re.finditer(r"(?<![\d/])(?P<n>\d+)/(?P<d>\d+)(?![\d/])", text):
        numerator, denominator = int(match["n"]), int(match["d"])
        if _follows_excluding_word(text, match.start()) or not 0 < numerator <= denominator:
            continue
        label = _label_after(text[match.end() :])
        if label and label.split()[0] not in _TIME_WORDS:
            facts.append(Fact(key, None, label, numerator, None, float(denominator)))
            used.append(match.span())
            key += 1
    for match in re.finditer(rf"(?<![\w.,/])(?P<n>{_NUMBER})(?![\w/]|[.,]\d)", text):
        if any(s <= match.start() < e for s, e in used):
            continue
        if _is_excluded(text, match.start(), match.end()):
            continue
        unit, label = _unit_and_label(text[match.end() :])
        if not label or (label[0].isupper() and label != unit):
            continue  # "282 Nguyễn Huy Tưởng" is an address, not a count
        facts.append(Fact(key, None, label, parse_number(match["n"]), unit))
        key += 1
    return facts
