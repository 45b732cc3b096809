"""Find places that a head word names: an administrative unit or a natural feature and its name.

"huyện Duy Tiên", "thôn Đọi Tín", "thị trấn Cần Thạnh", "tỉnh Iwate", "TP Huế", "sông Đáy",
"núi Đọi", "phường 15", "Q.3", "H.Hóc Môn": whatever the name, the head word before it makes
it a place, so no gazetteer is needed. They are found before the gazetteer's provinces and
countries, so the place is named as written, with its head ("TP Thanh Hóa", not "Thanh Hóa").
"""

from __future__ import annotations

import re

# Lower-case heads of administrative units and natural features ("xã hội", "làng nghề" are
# followed by small letters, so only a capital or a number after the head counts).
_HEAD = re.compile(
    r"(?<![\w.])(?:(?P<unit>quận|phường)|TP\.?|[Tt]hành phố|tỉnh|huyện|thị xã|thị trấn|xã|thôn|ấp|"
    r"xóm|làng|sông|núi|đèo|đảo|vịnh) (?=\w)|(?<![\w.])(?P<short>[QH])\.(?=\w)"
)
_NAME_WORD = re.compile(r"\S+")
_DASHES = frozenset({"-", "–"})
_REGION_BEFORE = re.compile(r"(?:[Đđ]ồng bằng|[Ll]ưu vực|[Cc]hâu thổ) $")
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?:[Cc]ác|[Nn]hững|[Nn]hiều|[Mm]ọi|\d+) $")
MAX_NAME_WORDS = 4


def headed_places(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans of head word and name ("huyện Duy Tiên") outside spans already taken.

    A feature's head inside a region's name ("Đồng bằng sông Cửu Long") heads no place of its own.
    """
    spans = []
    for head in _HEAD.finditer(text):
        end = _name_end(text, head.end(), numbered=bool(head.group("unit") or head.group("short")))
        if end is None or any(s < end and head.start() < e for s, e in taken):
            continue
        before = text[max(0, head.start() - 12) : head.start()]
        if _REGION_BEFORE.search(before):
            continue
        # "các tỉnh Tây Nguyên": the provinces of a region, which is the place, not a province.
        spans.append((head.end() if _PLURAL_BEFORE.search(before) else head.start(), end))
    return spans


def without_head(name: str) -> str:
    """Return a headed place's name without its head ("tỉnh Khánh Hòa" → "Khánh Hòa")."""
    head = _HEAD.match(name)
    return name[head.end() :] if head else name


def _name_end(text: str, start: int, *, numbered: bool) -> int | None:
    """Return where the capitalised name (or, after "quận"/"phường", the number) starting here ends.

    Parts joined by a dash are one name ("Bà Rịa - Vũng Tàu"). A run of more than four
    capitalised words has swallowed another name: no place is taken.
    """
    end, count = None, 0
    for word in _NAME_WORD.finditer(text, start):
        if word.group() in _DASHES and end is not None:
            continue  # the next word decides: a capital goes on with the name
        bare = word.group().rstrip('.,;:!?)”"')
        if not bare or not (bare[0].isupper() or (bare.isdigit() and (numbered or count > 0))):
            break
        if len(bare) == 1 and bare.isalpha():
            return None  # an initial ("Ảnh: Q.Q."), not a name
        count, end = count + 1, word.start() + len(bare)
        if count > MAX_NAME_WORDS:
            return None
        if bare != word.group() or text[word.end() : word.end() + 1] != " ":
            break  # punctuation or the end of the text closes the name
    return end
