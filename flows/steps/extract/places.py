"""Find places that a head word names: an administrative unit or a natural feature and its name.

"huyện Duy Tiên", "thôn Đọi Tín", "thị trấn Cần Thạnh", "tỉnh Iwate", "sông Đáy", "núi Đọi",
"phường 15", "Q.3", "H.Hóc Môn": whatever the name, the head word before it makes it a place,
so no gazetteer is needed (the gazetteer's provinces and countries are found first).
"""

from __future__ import annotations

import re

# Lower-case heads of administrative units and natural features ("xã hội", "làng nghề" are
# followed by small letters, so only a capital or a number after the head counts).
_HEAD = re.compile(
    r"(?<![\w.])(?:(?P<unit>quận|phường)|tỉnh|huyện|thị xã|thị trấn|xã|thôn|ấp|xóm|làng|sông|núi|đèo|"
    r"đảo|vịnh) (?=\w)|(?<![\w.])(?P<short>[QH])\.(?=\w)"
)
_NAME_WORD = re.compile(r"\S+")
MAX_NAME_WORDS = 4


def headed_places(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans of head word and name ("huyện Duy Tiên") outside spans already taken."""
    spans = []
    for head in _HEAD.finditer(text):
        end = _name_end(text, head.end(), numbered=bool(head.group("unit") or head.group("short")))
        if end is None or any(s < end and head.start() < e for s, e in taken):
            continue
        spans.append((head.start(), end))
    return spans


def _name_end(text: str, start: int, *, numbered: bool) -> int | None:
    """Return where the capitalised name (or, after "quận"/"phường", the number) starting here ends.

    A run of more than four capitalised words has swallowed another name: no place is taken.
    """
    end = None
    for count, word in enumerate(_NAME_WORD.finditer(text, start), start=1):
        bare = word.group().rstrip('.,;:!?)”"')
        if not bare or not (bare[0].isupper() or (bare.isdigit() and (numbered or count > 1))):
            break
        if len(bare) == 1 and bare.isalpha():
            return None  # an initial ("Ảnh: Q.Q."), not a name
        end = word.start() + len(bare)
        if count > MAX_NAME_WORDS:
            return None
        if bare != word.group() or text[word.end() : word.end() + 1] != " ":
            break  # punctuation or the end of the text closes the name
    return end
