"""Find the names of people in one sentence: Vietnamese full names, foreign names, given names.

Three kinds of evidence, each from how Vietnamese news writes names:
- a full Vietnamese name starts with one of about a hundred surnames and runs two to four
  capitalised syllables ("Đinh Tiến Dũng"), unless a place or school word stands before it
  ("đường Lê Duẩn", "Trường THPT Nguyễn Thái Bình"), a house number does ("282 Nguyễn Huy
  Tưởng"), or a credit label does ("Ảnh: Nguyễn Hà");
- a foreign name is a run of capitalised Latin-script words ("Tucker Carlson", "Mohammed bin
  Abdulrahman al-Thani") that the sentence treats as a person: a title or honorific before it,
  a role or an age after it, or a speech verb ("… cho biết");
- a given name alone follows an honorific, "tên" or a title that only people carry ("chị Thu
  Cúc", "một môi giới tên Tuấn", "HLV Park Hang Seo", "bị can Khiếu"). It is resolved to the
  full name met elsewhere in the article (see `coreference`), or kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.steps.extract import gazetteer, orgnames, titles
from flows.steps.extract.roles import TITLE_WORD, role_after

WORD = re.compile(r"\w+(?:[.&'’-]\w+)*")
_PLACE_HEAD_BEFORE = re.compile(
    r"(?:^|[\s(])(?:" + "|".join(map(re.escape, gazetteer.PLACE_HEADS)) + r")\s+$|\d[\d/.-]*[A-Z]?\s+$"
)
_SCHOOL_BEFORE = re.compile(r"(?:[Tt]rường|THPT|THCS|[Tt]iểu học|Phổ thông|[Cc]huyên)\s+$")
_CREDIT_BEFORE = re.compile(r"(?:" + "|".join(titles.CREDIT_LABELS) + r")\s*:\s*$")
_HONORIFIC = re.compile(
    r"(?<![\w])(?P<word>" + "|".join(sorted(titles.HONORIFICS, key=len, reverse=True)) + r")\s+(?=\S)", re.I
)
_PERSON_TITLE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(map(re.escape, sorted(titles.PERSON_TITLES, key=len, reverse=True)))
    + r")\s+(?=\S)",
    re.I,
)
_SPEECH_AFTER = re.compile(
    r"\s*(?:(?:ngày|hôm|sáng|chiều|tối) [\d/]+\s+)?(?:đã\s+|vừa\s+|cũng\s+)?(?:"
    + "|".join(titles.SPEECH_VERBS)
    + r")\b"
)
_AGE_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)\d{1,3}\s*tuổi|\s*,\s*người\s")
_CLAUSE_START = re.compile(r"(?:^|[.:;,”]\s+|“)(?=[A-ZĐ])")
# Words after which a Latin-script name is a company's or an outlet's ("công đoàn Taekwang Vina").
_ORG_BEFORE = re.compile(
    r"(?:[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|[Hh]ãng|[Cc]ông đoàn|cổ phần|TNHH|MTV|CP|"
    r"trang|tạp chí|đài|sàn)\s+$"
)
_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "de", "van", "von", "der", "da", "di", "du", "dos", "le"})
# Latin-script words that end an organisation's or a place's name, never a person's.
ORG_TAIL_WORDS = frozenset(
    """News|Bank|Group|Airlines|Airways|Airway|Air|Express|Coins|Forex|Management|Medicine|Live|
    Capital|Holdings|Corp|Corporation|Inc|Ltd|Company|Foundation|Institute|University|College|
    Times|Post|Journal|Magazine|Agency|Association|Federation|Council|Committee|FC|United|Club|
    Motors|Pharma|Energy|Securities|Insurance|Media|Entertainment|Studio|Studios|Network|Labs|
    Technologies|Systems|Pacific|Slayer|League|Center|Centre|Hospital|School|Report|Today|Online|
    Daily|Gazette|Herald|Tribune|Review|Weekly|Research|Partners|Fund|Trust|Exchange""".replace(
        "\n", "|"
    ).split("|")
)
# Latin-script words that end an event's or a place's name ("New York Fashion Week", "Highway Camp").
EVENT_TAIL_WORDS = frozenset(
    {"Week", "Tour", "City", "Camp", "Cup", "Award", "Awards", "Festival", "Street", "Avenue"}
    | {"Games", "Open", "Prize", "Index", "Market"}
)
_NOT_PERSON_WORDS = ORG_TAIL_WORDS | EVENT_TAIL_WORDS
_LOCATIVE_BEFORE = re.compile(r"(?:^|\s)(?:lên|xuống|tại|ở)\s+$")


@dataclass(frozen=True)
class NameSpan:
    """A person's name as written in a sentence; `full` unless it is a given name or surname alone."""

    start: int
    end: int
    name: str
    full: bool
    confirmed: bool = True


def capitalised_runs(text: str) -> list[list[re.Match[str]]]:
    """Return the runs of capitalised words separated by single spaces only."""
    runs: list[list[re.Match[str]]] = []
    for match in WORD.finditer(text):
        if not match.group()[:1].isupper():
            continue
        if runs and text[runs[-1][-1].end() : match.start()] == " ":
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def _is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym or a code ("UBND", "TPO", "K08")."""
    return len(word) > 1 and (word.isupper() or any(ch.isdigit() for ch in word))


def not_a_person_here(text: str, start: int) -> bool:
    """Tell whether the words before a name make it a place, a school or a credit."""
    before = text[max(0, start - 30) : start]
    return bool(
        _PLACE_HEAD_BEFORE.search(before)
        or _SCHOOL_BEFORE.search(before)
        or _CREDIT_BEFORE.search(before)
        or _LOCATIVE_BEFORE.search(before)
    )


def _looks_like_name_word(word: str) -> bool:
    """Tell whether a word can be a syllable of a name (no codes, no glued words, no initials)."""
    inner_capital = any(ch.isupper() and word[i - 1] != "-" for i, ch in enumerate(word) if i)
    return len(word) > 1 and not inner_capital and not any(ch.isdigit() for ch in word)


def vietnamese_name(text: str, run: list[re.Match[str]]) -> tuple[int, int] | None:
    """Return the span of the surname-led name (2–4 syllables) in a run, if there is one.

    After a credit label ("Ảnh: Võ Thạnh …") the run's names are credits, up to an honorific
    that opens the next sentence glued to it ("… Ông Hoàng Hải Minh").
    """
    words = [w.group() for w in run]
    credit = bool(_CREDIT_BEFORE.search(text[max(0, run[0].start() - 20) : run[0].start()]))
    index = 0
    while index < len(words):
        word = words[index]
        if word in titles.NOT_NAME_WORDS:
            credit = False
        if word not in gazetteer.SURNAMES or (index == 0 and run[0].start() == 0 and word == "Từ"):
            index += 1
            continue
        last = index
        while last + 1 < len(words) and words[last + 1] not in titles.NOT_NAME_WORDS and last - index < 3:
            last += 1
        name_words = words[index : last + 1]
        too_long = last + 1 < len(words) and words[last + 1] not in titles.NOT_NAME_WORDS
        if (
            not too_long
            and last > index
            and all(_looks_like_name_word(w) for w in name_words)
            and not any(w in _NOT_PERSON_WORDS for w in name_words)
            and " ".join(name_words) not in gazetteer.PROVINCES
            and not credit
            and not not_a_person_here(text, run[index].start())
        ):
            return run[index].start(), run[last].end()
        index = index + 1 if too_long or last == index else last + 1
    return None


def _is_latin_name_word(word: str) -> bool:
    """Tell whether a word can be part of a foreign name ("Carlson", "Huntington-Whiteley", "al-Thani")."""
    core = word[3:] if word[:3] in {"al-", "el-"} else word
    return (
        core.isascii()
        and core[:1].isupper()
        and not core.isupper()
        and core.replace("-", "").replace("'", "").isalpha()
    )


def _latin_runs(text: str) -> list[list[re.Match[str]]]:
    """Return runs of Latin-script name words, lower-case particles allowed inside ("bin", "van")."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in WORD.finditer(text):
        word = match.group()
        joined = not current or text[current[-1].end() : match.start()] == " "
        if (_is_latin_name_word(word) and joined) or (word in _PARTICLES and current and joined):
            current.append(match)
        else:
            if current:
                runs.append(current)
            current = [match] if _is_latin_name_word(word) else []
    if current:
        runs.append(current)
    return [run[: max(i for i, w in enumerate(run) if w.group() not in _PARTICLES) + 1] for run in runs]


def foreign_names(text: str) -> list[NameSpan]:
    """Return Latin-script names of two to five words; `confirmed` when the sentence says a person."""
    found = []
    for run in _latin_runs(text):
        if run and run[0].start() > 1 and text[run[0].start() - 1] == " ":
            before_word = text[: run[0].start() - 1].split()[-1:]
            glued = f"{before_word[0]} {run[0].group()}" if before_word else ""
            if glued in orgnames.ORG_HEADS or glued in orgnames.KNOWN_ORGS or glued in gazetteer.PROVINCES:
                run = run[1:]  # "Điện Kremlin Dmitry Peskov": the first word ends another name
        while run and run[0].group() in orgnames.KNOWN_ORGS:
            run = run[1:]
        while run and " ".join(w.group() for w in run[:2]) in gazetteer.PROVINCES | {"New York"}:
            run = run[2:]
        while run and run[0].group() in gazetteer.PROVINCES:
            run = run[1:]  # "Thủ tướng Hungary Viktor Orban"
        words = [w.group() for w in run]
        if not 2 <= len(words) <= 5 or any(w in _NOT_PERSON_WORDS for w in words):
            continue
        if " ".join(words) in gazetteer.PROVINCES or words[0] in gazetteer.SURNAMES:
            continue
        start, end = run[0].start(), run[-1].end()
        if not_a_person_here(text, start) or _ORG_BEFORE.search(text[max(0, start - 20) : start]):
            continue
        found.append(NameSpan(start, end, text[start:end], True, _says_person(text, start, end)))
    return found


def _title_right_before(text: str, start: int) -> bool:
    """Tell whether a title stands right before a name, only capitalised words between them."""
    before = text[max(0, start - 60) : start]
    found = list(TITLE_WORD.finditer(before))
    between = before[found[-1].end() :].split() if found else []
    return bool(found) and all(w[:1].isupper() or w in orgnames.NAME_WORDS for w in between)


def _says_person(text: str, start: int, end: int) -> bool:
    """Tell whether the words around a name say it is a person's."""
    before = text[max(0, start - 40) : start]
    return bool(
        _title_right_before(text, start)
        or _HONORIFIC.search(before[-8:])
        or role_after(text, end)
        or _AGE_AFTER.match(text, end)
        or _SPEECH_AFTER.match(text, end)
    )


def _given_name_at(text: str, start: int, runs: list[list[re.Match[str]]]) -> NameSpan | None:
    """Return the given name (1–3 capitalised words) that starts at `start`, if any."""
    run = next((r[i:] for r in runs for i, w in enumerate(r) if w.start() == start), None)
    if run is None:
        return None
    words = []
    for word in run[:3]:
        if (
            word.group() in titles.NOT_NAME_WORDS
            or _is_acronym(word.group())
            or TITLE_WORD.match(text, word.start())
        ):
            break
        words.append(word)
    if not words or not all(_looks_like_name_word(w.group()) for w in words):
        return None
    following = text[words[-1].end() :].split()[:1]
    if following and (words[-1].group().lower(), following[0].lower()) in orgnames.NAME_PAIRS:
        return None  # "Tiến sĩ Kinh tế": a field, not a name
    name = text[start : words[-1].end()]
    if (words[0].group() in gazetteer.SURNAMES and len(run) >= 2) or name in titles.NOT_PEOPLE:
        return None  # a full name: `vietnamese_name` finds it
    return NameSpan(start, words[-1].end(), name, False)


def given_names(text: str, runs: list[list[re.Match[str]]]) -> list[NameSpan]:
    """Return given names after an honorific, "tên" or a title only people carry."""
    found = []
    for match in _HONORIFIC.finditer(text):
        word = match["word"]
        if (
            word[0].isupper()
            and match.start() > 0
            and text[match.start() - 2 : match.start()].strip() not in {"", ".", "“", '"', "("}
        ):
            continue  # "cầu Ông Lớn": a capitalised honorific inside a name is part of it
        span = _given_name_at(text, match.end(), runs)
        if span and not (word[0].isupper() and f"{word} {span.name}" in gazetteer.PROVINCES):
            found.append(span)
    for match in _PERSON_TITLE.finditer(text):
        span = _given_name_at(text, match.end(), runs)
        if (
            span
            and span.name not in gazetteer.PROVINCES
            and not any(w in _NOT_PERSON_WORDS for w in span.name.split())
        ):
            found.append(span)
    for match in _CLAUSE_START.finditer(text):
        span = _given_name_at(text, match.end(), runs)
        if (
            span
            and len(span.name.split()) <= 2
            and span.name not in gazetteer.PROVINCES
            and role_after(text, span.end)
        ):
            found.append(span)  # "Ngọc Trâm, sinh viên …"
    return found


_BYLINE = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){1,3}(?: [-–] [^\W\d_]+(?: [^\W\d_]+){1,3})?\.?$")


def find_names(text: str, streets: frozenset[str] = frozenset()) -> list[NameSpan]:
    """Return every person's name written in one sentence, full names first, no two overlapping."""
    if _BYLINE.match(text.strip()) and all(w[:1].isupper() for w in text.replace("-", " ").split()):
        return []  # a line that is only a name or two ("Võ Thạnh", "Ngọc Tài - Hoàng Nam") is a byline
    runs = capitalised_runs(text)
    spans = []
    for run in runs:
        found = vietnamese_name(text, run)
        if found and not any(text[found[0] : found[1]].startswith(street) for street in streets):
            spans.append(NameSpan(*found, text[found[0] : found[1]], True))
    spans += foreign_names(text) + given_names(text, runs)
    kept: list[NameSpan] = []
    for span in spans:
        if not any(k.start < span.end and span.start < k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
