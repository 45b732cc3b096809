"""Bodies a list names after the noun of their kind: "ngân hàng như BIDV, Bưu điện Liên Việt, Đông Á".

A story lists firms, banks or outlets after their common noun and "như", "gồm" or a colon; each
capitalised item of the list is a body of that kind, whether or not a list of names knows it
("Đông Á" is a bank there, not a region). The list runs over items joined by commas, "và" or
"hay", and ends at the first item that is no name (a small word, a figure) or at a stop. A place
among the items is left out ("các hãng như Nhật Bản" names no firm), and so is an item opening
with an honorific or a title word, or a Vietnamese full name ("công ty như Nguyễn Văn An" is a
person's firm, named by the person).
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer, titles
from flows.steps.extract.people import capitalised_runs

Span = tuple[int, int, str]
# The kind's noun, an optional qualifier in small letters ("ngân hàng thương mại"), then the
# word that opens the list.
_LIST_OPENING = re.compile(
    r"(?<![\w])(?:ngân hàng|nhà băng|công ty|tập đoàn|hãng|nhà mạng|tờ báo|trang tin|hãng tin|hãng xe)"
    r"(?: [a-zà-ỹđ]+){0,2}? (?:như|gồm|gồm có):? (?=[A-ZĐÀ-Ỹ])"
)
_JOINER = re.compile(r"\s*(?:,|và|hay|hoặc)\s+")
# An item runs to the next comma, joiner or stop: "Bưu điện Liên Việt" keeps its small syllable.
_ITEM = re.compile(r"[^,.;:…()]+?(?=\s*(?:,|\s(?:và|hay|hoặc)\s|\.\.\.|[.;:…()]|$))")
MAX_ITEMS = 10
MAX_ITEM_WORDS = 5


def _item_at(text: str, position: int) -> str | None:
    """Return the list's item at `position`: a name of capitalised words, one small syllable at most.

    The last item runs into the sentence ("… và Hyundai đều giảm giá"): its capitalised words are
    the name.
    """
    chunk = _ITEM.match(text, position)
    item = chunk.group() if chunk else ""
    words = item.split()
    small = sum(not word[:1].isupper() for word in words)
    if words and words[0][:1].isupper() and words[-1][:1].isupper() and small <= 1:
        return item if len(words) <= MAX_ITEM_WORDS else None
    runs = capitalised_runs(text[position:])
    if not runs or runs[0][0].start() != 0 or len(runs[0]) > MAX_ITEM_WORDS:
        return None
    return text[position : position + runs[0][-1].end()]


def _names_a_body(first: str, name: str) -> bool:
    """Tell whether a list's item may name a body: no place, no honorific, no Vietnamese full name."""
    words = name.split()
    person = first in gazetteer.SURNAMES and 2 <= len(words) <= 4
    return first not in titles.NOT_NAME_WORDS and name not in gazetteer.PROVINCES and not person


def listed_bodies(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return the items of each list after a body's noun, outside spans taken; mark them taken."""
    spans: list[Span] = []
    for opening in _LIST_OPENING.finditer(text):
        position = opening.end()
        for _ in range(MAX_ITEMS):
            item = _item_at(text, position)
            if item is None:
                break
            start, end = position, position + len(item)
            name = text[start:end]
            if _names_a_body(name.split()[0], name) and not any(s < end and start < e for s, e in taken):
                spans.append((start, end, name))
                taken.append((start, end))
            joiner = _JOINER.match(text, end)
            if joiner is None:
                break
            position = joiner.end()
    return spans
