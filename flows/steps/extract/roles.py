"""Read the role a sentence gives a person: the title phrase before the name or set off after it."""

from __future__ import annotations

import re

from flows.steps.extract import orgnames, titles
from flows.steps.extract.patterns import literal_pattern

_CLAUSE_BREAK = re.compile(r"[,;:(“\"]|\s[-–]\s|^")
_ROLE_END = re.compile(
    r"[,;:)“\"]|\.(?=\s|$)|\s[-–]\s|\s(?:cho biết|cho hay|cho rằng|đề nghị|nói|yêu cầu|phát biểu|"
    r"khẳng định|nhấn mạnh|chủ trì|đã|đang|sẽ|vẫn|vừa|bị (?:bắt|khởi tố|truy tố|cáo buộc)|là|được|và|"
    r"với|cùng|cũng|giao|kiểm tra|nhận định|đánh giá|chia sẻ|tuyên bố|thông báo|ký|lì xì|\d+ tuổi)\b"
)
# A title that is also a body's head ("công an", "thanh tra") is left to the organisation rules.
_TITLES = {title.lower() for title in titles.ROLE_TITLES} - {head.lower() for head in orgnames.ORG_HEADS}
TITLE_WORD = re.compile(r"(?<!\w)(?:" + literal_pattern(_TITLES) + r")(?!\w)", re.I)
# The offices alone: where a title ends a body's name or opens a sentence after a credit.
_OFFICES = {title.lower() for title in titles.OFFICE_TITLES}
OFFICE_WORD = re.compile(r"(?<!\w)(?:" + literal_pattern(_OFFICES) + r")(?!\w)", re.I)
_MODIFIER_BEFORE = re.compile(r"(?:" + "|".join(titles.ROLE_MODIFIERS) + r")\s+$", re.I)
# What sets a role off after a name: a comma (after an age, or a bracket that places the person
# in a photo: "(thứ 3 từ trái qua), Phó chủ tịch …"), a dash, a bracket.
_OPENER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:\d{1,3}\s*tuổi\s*,\s*)?|\s[-–]\s*|\(\s*)")
_TRAILING = re.compile(r"\s+(?:là|tên|của)$")
_AND_ANOTHER = re.compile(r"\s+và\s+(?:là\s+)?(?:cũng là\s+)?")
MAX_ROLE_WORDS = 12


def role_before(text: str, start: int) -> str | None:
    """Return the title phrase between the clause start and a name, if the clause has a title."""
    clause_start = max(m.end() for m in _CLAUSE_BREAK.finditer(text[:start]))
    clause = text[clause_start:start]
    found = list(TITLE_WORD.finditer(clause))
    if not found:
        return None
    begin = found[-1].start()  # the title nearest the name: "Thủ tướng, Phó Thủ tướng Trần Hồng Hà"
    modifier = _MODIFIER_BEFORE.search(clause[:begin])
    if modifier:
        begin = modifier.start()
    role = _TRAILING.sub("", clause[begin:].strip())
    if any(word.lower() in _NOT_IN_A_ROLE for word in role.split()[1:]):
        return None  # "danh hiệu Đại sư với Thiên Nhất", "nhà báo … phỏng vấn ông Putin": no title of hers
    return role if 0 < len(role.split()) <= MAX_ROLE_WORDS else None


# Words that never stand between a title and the name it belongs to: a verb's helpers, a
# preposition that makes the name its object, a conjunction of clauses, an honorific.
_NOT_IN_A_ROLE = frozenset(
    """với|cho|là|đã|đang|sẽ|được|bị|có|khi|để|rằng|mà|thì|nhưng|hoặc|hay|nếu|vì|bởi|cùng|cũng|
    vừa|mới|không|chưa|đều|nên|vẫn|còn|lên|xuống|ra|vào|đến|tới|nhằm|qua|gặp|thăm|phỏng|tiếp|gọi|
    ông|bà|anh|chị|em|cô|chú|bác|cụ|cháu|bé|cậu""".replace("\n", "")
    .replace(" ", "")
    .split("|")
) | {verb for verb in titles.SPEECH_VERBS if " " not in verb}


_LISTED_NAMES = re.compile(r"^(?:\s*(?:[A-ZĐÀ-Ỹ][\w.'’-]*\s?)+(?:,|;|\svà)?)*\s*$")


def role_label(text: str, start: int) -> str | None:
    """Return the title that labels a list of names the name stands in ("Phó chủ tịch: A, B và C").

    The label is a title phrase of at most six words closing its clause with a colon; between
    the colon and the name there are only names, commas, semicolons and "và".
    """
    colon = text.rfind(":", 0, start)
    if colon < 0 or not _LISTED_NAMES.match(text[colon + 1 : start]):
        return None
    clause = re.split(r"[,;:.(“\"]|\s[-–]\s", text[:colon])[-1].strip()
    title = TITLE_WORD.match(clause)
    if not title or len(clause.split()) > 6:
        return None
    return clause


def role_set_before(text: str, start: int) -> str | None:
    """Return the role set off by a comma right before a name ("tay vợt người Croatia, Marin Cilic")."""
    before = text[max(0, start - 80) : start].rstrip()
    if not before.endswith(","):
        return None
    clause = re.split(r"[,;:(“\"]", before[:-1])[-1].strip()
    found = list(TITLE_WORD.finditer(clause))
    if not found or len(clause[found[-1].start() :].split()) > 6:
        return None
    return clause[found[-1].start() :] or None


def role_after(text: str, end: int, words: re.Pattern[str] = TITLE_WORD) -> str | None:
    """Return the title phrases set off after a name ("…, bí thư Quận ủy Quận 2", "… (Giám đốc …)").

    A second title joined by "và (là)" is a second role ("…, người sáng lập và là chủ tịch của …").
    `words` are the titles looked for: every role noun by default; the offices alone
    (`OFFICE_WORD`) where the role is the only sign that the words before it name a person.
    """
    opener = _OPENER.match(text, end)
    if not opener or opener.end() == end:
        return None
    rest = text[opener.end() :]
    rest = rest[len(rest) - len(re.sub(r"^(?:một|là|nay là)\s+", "", rest)) :]  # ", một tay golf …"
    first = _one_role(rest, words)
    if first is None:
        return None
    second = _AND_ANOTHER.match(rest, len(first))
    if second and _one_role(rest[second.end() :], words):
        return f"{first}; {_one_role(rest[second.end() :], words)}"
    return first


def _one_role(rest: str, words_pattern: re.Pattern[str] = TITLE_WORD) -> str | None:
    """Return the title phrase that opens `rest`, up to where the role ends."""
    title = words_pattern.match(rest)
    if not title:
        return None
    stop = _ROLE_END.search(rest, title.end())
    role = rest[: stop.start() if stop else len(rest)].strip()
    words = role.split()
    # "nhân viên làm việc tại một trạm xăng …": the title, up to where a clause of its own starts
    title_words = len(title.group().split())
    clause = next((i for i, w in enumerate(words) if i >= title_words and w in _CLAUSE_WORDS), None)
    if clause:
        words = words[:clause]
    if len(words) > MAX_ROLE_WORDS:
        capitals = [i for i, w in enumerate(words[:MAX_ROLE_WORDS]) if w[:1].isupper() and i > 0]
        if not capitals:
            return None
        words = words[: capitals[-1] + 1]
    return " ".join(words) or None


_CLAUSE_WORDS = frozenset({"làm", "tại", "ở", "cho", "trong", "khi", "từ", "đến", "người", "đang", "vừa"})
