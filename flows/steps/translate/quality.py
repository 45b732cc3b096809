"""Quality flags on a translated sentence: checks a reader would otherwise have to make by eye.

Flags are kept beside the English and counted; a flagged sentence is never dropped. Each flag
is written as "name: detail" and several are joined by "; ". A clean sentence has "".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.steps.ingest.language import has_vietnamese_only_letter, words_of
from flows.steps.translate.protect import Protector, Span, fold
from schemas.segments import QUALITY_FLAGS

NUMBER_MISSING, NAME_MISSING, VIETNAMESE_LEFT, LENGTH_RATIO, REPETITION = QUALITY_FLAGS

# English is about as long as the Vietnamese in characters; outside these bounds text was
# dropped or invented. Short texts (titles, roles) vary too much to judge.
MIN_LENGTH_RATIO, MAX_LENGTH_RATIO, MIN_CHARS_FOR_RATIO = 0.5, 2.5, 20
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{4})(?![\d/])")
_SCALE = re.compile(r"\s*(nghìn|ngàn|triệu|tỷ|tỉ)\b")
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_HOUR = re.compile(r"\s*(?:h\b|giờ)")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
_NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
_VIETNAMESE_ACCENTED = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)


def quality_flags(vietnamese: str, english: str, spans: Sequence[Span], protector: Protector) -> str:
    """Return the flags of one translation, "" when it passes every check."""
    flags = [
        _numbers_missing(vietnamese, english),
        _names_missing(english, spans, protector),
        _vietnamese_left(english, spans),
        _length_ratio(vietnamese, english),
        _repetition(english),
    ]
    return "; ".join(flag for flag in flags if flag)


def number_values(token: str) -> set[float]:
    """Return what a written number can mean: "1.892" is 1892 (Vietnamese) or 1.892 (English)."""
    values = set()
    for thousands, decimal in ((".", ","), (",", ".")):
        whole, _, fraction = token.partition(decimal)
        if re.fullmatch(rf"\d{{1,3}}(?:\{thousands}\d{{3}})*|\d+", whole) and (
            not fraction or fraction.isdigit()
        ):
            values.add(float(whole.replace(thousands, "") + ("." + fraction if fraction else "")))
    return values


def _english_numbers(english: str, words: set[str]) -> set[float]:
    """Return every number value written in the English: digits, or a small number as a word.

    Ordinals count as their number ("quý 2" → "second quarter") and weekdays as Vietnamese
    numbers them ("thứ 2" → "Monday", through "thứ 7" → "Saturday"). words: the folded words.
    """
    values = set().union(*(number_values(token) for token in _NUMBER.findall(english)))
    for table, offset in ((_NUMBER_WORDS, 0), (_ORDINAL_WORDS, 1), (_WEEKDAYS, 2)):
        values |= {float(i + offset) for i, word in enumerate(table) if word in words}
    return values


def _numbers_missing(vietnamese: str, english: str) -> str:
    """Flag numbers and dates of the source that the English does not carry."""
    words = set(fold(english).split())
    present = _english_numbers(english, words)

    def month_written(month: int) -> bool:
        return 1 <= month <= 12 and (_MONTHS[month - 1] in words or month in present)

    missing = [
        match.group(0)
        for match in _DATE.finditer(vietnamese)
        if int(match.group(1)) not in present or not month_written(int(match.group(2)))
    ]
    rest = _DATE.sub(lambda m: " " + (m.group(3) or "") + " ", vietnamese)
    missing += [
        match.group(0)
        for match in _MONTH_YEAR.finditer(rest)
        if not month_written(int(match.group(1))) or int(match.group(2)) not in present
    ]
    rest = _MONTH_YEAR.sub(" ", rest)
    missing += [match.group() for match in _NUMBER.finditer(rest) if not _readings(rest, match) & present]
    return _flag(NUMBER_MISSING, missing)


def _readings(text: str, match: re.Match[str]) -> set[float]:
    """Return the values the English may write for a number of the source, given what follows it."""
    values = number_values(match.group())
    scale = _SCALE.match(text, match.end())
    if scale:
        # "5 triệu" may become "5 million" or "5,000,000"; "1.500 tỷ" may become "1.5 trillion".
        factor = _SCALES[scale.group(1)]
        values |= {value * factor for value in values} | {value / 1000 for value in values}
    if _HOUR.match(text, match.end()):
        values |= {value - 12 for value in values if 13 <= value <= 23}  # "20h" → "8 p.m."
    return values


def _flag(name: str, details: Sequence[str]) -> str:
    """Return "name: detail, detail" (";" never appears in a detail: it separates flags), or ""."""
    if not details:
        return ""
    return f"{name}: {', '.join(detail.replace(';', ',') for detail in details)}"


def _names_missing(english: str, spans: Sequence[Span], protector: Protector) -> str:
    """Flag protected names and terms whose English is absent."""
    return _flag(NAME_MISSING, [span.vietnamese for span in protector.missing(english, spans)])


def _vietnamese_left(english: str, spans: Sequence[Span]) -> str:
    """Flag Vietnamese words left in the English (names kept in Vietnamese style aside)."""
    for span in spans:
        english = english.replace(span.english[0], " ")
    words = words_of(english)
    only = [word for word in words if has_vietnamese_only_letter(word)]
    accented = [word for word in words if _VIETNAMESE_ACCENTED.search(word)]
    left = only or (accented if len(accented) >= 2 else [])
    return _flag(VIETNAMESE_LEFT, left[:3])


def _length_ratio(vietnamese: str, english: str) -> str:
    """Flag English far shorter or longer than its source."""
    if len(vietnamese) < MIN_CHARS_FOR_RATIO:
        return ""
    ratio = len(english) / len(vietnamese)
    return "" if MIN_LENGTH_RATIO <= ratio <= MAX_LENGTH_RATIO else f"{LENGTH_RATIO}: {ratio:.2f}"


def _repetition(english: str) -> str:
    """Flag a loop: a word four times running, or a 2–4-word phrase three times running.

    A phrase of n words repeated k times running is n × (k - 1) words in a row each equal to the
    word n places on: one pass per phrase length, not one comparison of phrases per position.
    """
    words = fold(english).split()
    for size, times in ((1, 4), (2, 3), (3, 3), (4, 3)):
        needed, run = size * (times - 1), 0
        for position in range(len(words) - size):
            run = run + 1 if words[position] == words[position + size] else 0
            if run >= needed:
                gram = words[position - needed + 1 : position - needed + 1 + size]
                if not all(word.isdigit() for word in gram):  # "1 000 000" is a number, not a loop
                    return f"{REPETITION}: {' '.join(gram)}"
    return ""
