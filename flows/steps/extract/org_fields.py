"""The grammar of an organisation's name: which word goes on with a name grown from its head.

Word by word, `_continues` decides whether a name still runs: capitalised words do, unless they
open a title, a head or a code; lower-case words do when they are a field of the name ("Sở Giáo
dục và đào tạo", "Cục Cảnh sát điều tra tội phạm về ma túy"), a place after a place word ("UBND
xã Đồn Xá") or the second syllable of a word of the name ("Hàng không"). The helpers that read
those fields (pairs of words, "về" before a field, "và" between two fields) live here with it.
"""

from __future__ import annotations

import re
from typing import Any

from flows.steps.extract import gazetteer, orgnames, titles
from flows.steps.extract.paragraphs import is_syllable
from flows.steps.extract.roles import OFFICE_WORD

_HEAD_START = re.compile(r"(?:" + "|".join(map(re.escape, orgnames.ORG_HEADS)) + r")(?!\w)")
_ROMAN = re.compile(r"^[IVXLC]+$")
# Fields whose first syllable is also a word that ends a name ("dự lễ", "chỉ có"): as the first
# syllable of these fields it does not ("Ban quản lý dự án", "Bộ chỉ huy quân sự"). "chỉ đạo" is
# left out: after a body's name it is the verb ("Sở Y tế chỉ đạo …"). "các cơ quan" lists a bloc's
# members inside its name ("Đảng ủy Khối các cơ quan …").
_STOP_WORD_FIELDS = frozenset({("dự", "án"), ("dự", "trữ"), ("chỉ", "huy"), ("các", "cơ")})
# Place levels a city numbers ("quận 10", "phường 15"): a body of one is named by the number.
NUMBERED_PLACES = frozenset({"quận", "phường"})


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Tell whether a span overlaps one already taken."""
    return any(s < end and start < e for s, e in taken)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_code(word: str) -> bool:
    """Tell whether a word is a code or a numeral, not part of a name ("K08", "VN-A653", "XIII")."""
    return any(ch.isdigit() for ch in word) or bool(_ROMAN.match(word))


def _ends_name(text: str, word: re.Match[str]) -> bool:
    """Tell whether a capitalised word starts something else: a title, a head, a new sentence."""
    return bool(
        word.group() in titles.NOT_NAME_WORDS
        or OFFICE_WORD.match(text, word.start())
        or _HEAD_START.match(text, word.start())
    )


def _ends_place(text: str, words: list[re.Match[str]], index: int) -> bool:
    """Tell whether a capitalised word after a place word starts something else than the place's name.

    A title or an honorific does ("tỉnh Ông …" is no place), unless it opens a province ("tỉnh Bà Rịa").
    """
    word = words[index]
    if OFFICE_WORD.match(text, word.start()):
        return True
    return (
        word.group() in titles.NOT_NAME_WORDS
        and _words_of(words[index : index + 2]) not in gazetteer.PROVINCES
    )


def _capital_ahead(text: str, words: list[re.Match[str]], index: int, taken: list[tuple[int, int]]) -> bool:
    """Tell whether a capitalised word of the name comes within two lower-case words from `index`."""
    for ahead in words[index + 1 : index + 2]:
        word = ahead.group()
        if _is_capitalised(word):
            return not (
                _ends_name(text, ahead) or _is_code(word) or _overlaps(ahead.start(), ahead.end(), taken)
            )
        return False  # one lower-case word at most before the name goes on ("… xử lý nước Trâm Anh")
    return False


def _continues(
    text: str, words: list[re.Match[str]], i: int, state: dict[str, Any], taken: list[tuple[int, int]]
) -> bool:
    """Tell whether word i still belongs to the organisation name being grown."""
    word, lower = words[i].group(), words[i].group().lower()
    previous = words[i - 1].group().lower()
    following = words[i + 1].group() if i + 1 < len(words) else ""
    in_place = f"{words[i - 1].group()} {word}" in gazetteer.PROVINCES  # "… Hải Phòng": no head there
    two_before = f"{words[i - 2].group().lower()} {previous}" if i >= 2 else ""
    after_place = previous in orgnames.PLACE_WORDS or two_before in orgnames.PLACE_WORDS
    head = None if after_place else _HEAD_START.match(text, words[i].start())
    if head and head.group() in orgnames.NAME_FIRST_HEADS and not _is_capitalised(following):
        head = None  # "Ban Chấp hành T.Ư Đảng khóa XIII": "Đảng" closes the organ's name, names no party
    # "Ban chỉ huy Phòng chống thiên tai": a head word that opens a pair of the name is no head.
    in_pair = head is not None and (
        (head.end() == words[i].end() and (lower, following.lower()) in orgnames.NAME_PAIRS)
        or head.group() in orgnames.FORCE_HEADS
    )
    if head and not state["generic"] and not in_place and not in_pair:
        return False  # a nested organisation ("… Bộ Công an") is found on its own
    if _is_capitalised(word):
        opens_province = f"{word} {following}" in gazetteer.PROVINCES  # "Bà Rịa": no "Bà" (Mrs) there
        if _is_code(word) or OFFICE_WORD.match(text, words[i].start()):
            return False
        # "Tối" opens an evening, but "Tòa án Tối cao" goes on: the word opens a field of the name
        opens_field = (lower, following.lower()) in orgnames.NAME_PAIRS
        # "UBND huyện Ba Vì": after a level and a capital, a sentence opener ("Vì") goes on the place
        in_level_place = (
            i >= 2
            and words[i - 2].group().lower() in orgnames.PLACE_WORDS
            and _is_capitalised(words[i - 1].group())
        )
        if word in titles.NOT_NAME_WORDS and not (
            in_place or opens_province or opens_field or in_level_place
        ):
            return False
        state["proper"] |= lower not in orgnames.NAME_WORDS and word not in {"TNHH", "MTV", "CP", "TMCP"}
        state["generic"] = False
        state["capitals"] += 1
        return True
    if state["code"]:
        return False  # "Sư đoàn 363 quản lý": a unit's number closes its name
    if word.isdigit():
        # "Tổng công ty 319", "Trung đoàn bộ binh 24": a number after the head and its fields
        state["code"] = not state["capitals"]
        return previous == "số" or state["code"]  # "Đội Công binh số 1"
    if (previous, lower) in orgnames.NAME_PAIRS:
        return True  # the second syllable of a word of the name ("Hàng không", "thiết bị")
    if lower == "về" and _about_a_field(words, i, two_before):
        return True  # "… tội phạm về ma túy", "Hội đồng quốc gia về Khoa học …": what the body is about
    if lower in orgnames.STOP_WORDS and (lower, following.lower()) not in _STOP_WORD_FIELDS:
        return False  # "… dự lễ" stops a name; "Ban quản lý dự án …", "Bộ chỉ huy …" go on
    if word in {"và", "&"}:
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and not _is_capitalised(following):
            return _joins_fields(words, i)
        return nxt is not None and _is_capitalised(following) and not _ends_name(text, nxt)
    if lower in orgnames.FIELD_SYLLABLES:
        return previous in {"và", "&"} or two_before_pair(words, i)
    if (lower, following.lower()) in orgnames.NAME_PAIRS and lower in orgnames.PLACE_WORDS:
        return not state["proper"] or _capital_ahead(text, words, i + 1, taken)  # "xã hội", not "xã X"
    if lower in NUMBERED_PLACES and following.isdigit() and not state["capitals"]:
        return True  # "UBND quận 10", "Công an phường 15": a city's districts go by number
    if lower in orgnames.PLACE_WORDS or f"{previous} {lower}" in orgnames.PLACE_WORDS:
        # "UBND xã Đồn Xá", "UBND thành phố Hội An": a head word after a place word names the place
        nxt = words[i + 1] if i + 1 < len(words) else None
        return nxt is not None and _is_capitalised(following) and not _ends_place(text, words, i + 1)
    if f"{lower} {following.lower()}" in orgnames.PLACE_WORDS:  # "Công an thị xã Phước Long"
        after = words[i + 2] if i + 2 < len(words) else None
        return after is not None and _is_capitalised(after.group()) and not _ends_place(text, words, i + 2)
    if word == "số":
        return following.isdigit()
    if (lower, following.lower()) in orgnames.NAME_PAIRS:
        if _name_closes(text, words, i, state):
            return _capital_ahead(text, words, i + 1, taken)  # "Sở Y tế tỉnh Lâm Đồng kiểm tra …": a verb
        return not state["proper"] or _capital_ahead(text, words, i + 1, taken)
    if state["capitals"] == 1 and _is_capitalised(previous) is False and _first_capital(words[i - 1].group()):
        # a lower-case syllable completes the first word of the name ("Dự trữ", "Bảo an"); a
        # foreign word takes none ("Đại học Harvard công bố" ends at "Harvard")
        return is_syllable(words[i - 1].group()) or _capital_ahead(text, words, i, taken)
    if _place_before(words, i):
        return False  # "Đội tuyển Việt Nam gặp Thái Lan": a place closes a name; a new one follows
    return _capital_ahead(text, words, i, taken)


_MINISTRIES = frozenset(name.casefold() for name in orgnames.MINISTRIES)


def _name_closes(text: str, words: list[re.Match[str]], index: int, state: dict[str, Any]) -> bool:
    """Tell whether the name grown so far is whole before `index`, so a small-letter pair is a verb.

    It is whole after its place ("Sở Y tế tỉnh Lâm Đồng", "UBND huyện Ba Vì", "Công an Hà Nội"),
    after a unit's number, after a party's capitalised name, and once it spells a ministry ("Bộ
    Công an điều tra …"). A head that names a body alone may still take fields ("Ban Chỉ đạo
    phòng chống thiên tai …"), so it closes nothing by itself.
    """
    grown = text[state["head_end"] : words[index].start()].strip()
    if _place_before(words, index):
        return True
    if words[index - 1].group().isdigit() or state["head"].lower() == "đảng":
        return True  # "Đội Công binh số 2 tổ chức …": a number closes a unit; a party is its capitals
    if f"{state['head']} {grown}".strip().replace(",", "").casefold() in _MINISTRIES:
        return True  # "Bộ Văn hóa, Thể thao và Du lịch phát triển …"
    capitals = 0
    for back in range(index - 1, max(index - 5, -1), -1):
        if _is_capitalised(words[back].group()):
            capitals += 1
            continue
        lower = words[back].group().lower()
        two = f"{words[back - 1].group().lower()} {lower}" if back else ""
        return capitals > 0 and (lower in orgnames.PLACE_WORDS or two in orgnames.PLACE_WORDS)
    return False


def _place_before(words: list[re.Match[str]], index: int) -> bool:
    """Tell whether the one to three words before `index` are a province or a country."""
    return any(index >= n and _words_of(words[index - n : index]) in gazetteer.PROVINCES for n in (1, 2, 3))


def _pair_at(words: list[re.Match[str]], index: int) -> tuple[str, str] | None:
    """Return the two words from `index`, lower-cased, if both are there with one space between."""
    if index + 1 >= len(words) or words[index + 1].start() - words[index].end() != 1:
        return None  # "về Phòng, chống tham nhũng": a comma parts the two words
    return (words[index].group().lower(), words[index + 1].group().lower())


def _field_ahead(words: list[re.Match[str]], index: int) -> bool:
    """Tell whether a field of an official name starts at `index` ("ma túy", "giới")."""
    pair = _pair_at(words, index)
    if pair in orgnames.NAME_PAIRS and pair not in orgnames.BODY_PAIRS:
        return True
    return index < len(words) and words[index].group() in orgnames.FIELD_SYLLABLES


def _about_a_field(words: list[re.Match[str]], index: int, two_before: str) -> bool:
    """Tell whether the "về" at `index` names what a body is about, not where someone goes.

    After "tội phạm" the crimes' field follows in small letters ("tội phạm về ma túy"); after
    any name a field in capitals does ("Hội đồng quốc gia về Khoa học công nghệ"). "về Hà Nội"
    is a journey: "Hà" opens no field.
    """
    if two_before == "tội phạm":
        return _field_ahead(words, index + 1)
    pair = _pair_at(words, index + 1)
    return pair in orgnames.NAME_PAIRS and _is_capitalised(words[index + 1].group())


def two_before_pair(words: list[re.Match[str]], index: int) -> bool:
    """Tell whether the two words before `index` are a field of a name ("phát triển rừng")."""
    return index >= 2 and _pair_at(words, index - 2) in orgnames.NAME_PAIRS


def _joins_fields(words: list[re.Match[str]], index: int) -> bool:
    """Tell whether the "và" at `index` joins two fields of one name, not two bodies.

    "Sở Giáo dục và đào tạo", "Viện Nghiên cứu Gia đình và giới": a field on each side. "Bộ
    Công an và quân đội" joins two bodies; "… và người dân" is no field at all.
    """
    before = _pair_at(words, index - 2) if index >= 2 else None
    if (before, _pair_at(words, index + 1)) == (("cơ", "quan"), ("doanh", "nghiệp")):
        return True  # "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh …": a bloc's members are its name
    return (
        before in orgnames.NAME_PAIRS and before not in orgnames.BODY_PAIRS and _field_ahead(words, index + 1)
    )


def _first_capital(word: str) -> bool:
    """Tell whether a capitalised word may take a second syllable: no acronym, no place, no name."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and word not in gazetteer.PROVINCES
        and word not in gazetteer.SURNAMES
    )


def _words_of(run: Any) -> str:
    """Return the words of a run of matches, joined by spaces."""
    return " ".join(word.group() for word in run)
