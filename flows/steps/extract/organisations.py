"""Find the organisations a sentence names, as (start, end, name) spans.

Four ways in, each from how Vietnamese news writes bodies: a head ("Sở", "Công an", "Bệnh
viện") grown over the words of its name; an acronym defined in brackets after a name ("Tổ chức
Y tế Thế giới (WHO)") or known (NATO, FIFA); a body known by name (outlets, agencies, airlines);
and a Latin-script name that ends like a body's ("Saxo Bank", "Kitco News") or follows a noun
that announces one ("hãng AirAsia", "trang SDE", "đội tuyển Việt Nam").
"""

from __future__ import annotations

import re
from typing import Any

from flows.steps.extract import gazetteer, org_nouns, org_spans, orgnames, titles
from flows.steps.extract.paragraphs import is_syllable
from flows.steps.extract.patterns import literal_pattern
from flows.steps.extract.people import ORG_TAIL_WORDS, WORD, capitalised_runs
from flows.steps.extract.roles import OFFICE_WORD, TITLE_WORD
from flows.steps.extract.world_bodies import WORLD_BODIES

Span = tuple[int, int, str]
_HEADS = [(head, re.compile(r"(?<!\w)" + re.escape(head) + r"(?!\w)")) for head in orgnames.ORG_HEADS]
_ANY_HEAD = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, orgnames.ORG_HEADS)) + r")(?!\w)")
_HEAD_START = re.compile(r"(?:" + "|".join(map(re.escape, orgnames.ORG_HEADS)) + r")(?!\w)")
_CREDIT_BEFORE = re.compile(r"(?:" + "|".join(titles.CREDIT_LABELS) + r")\s*:\s*$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_KNOWN = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(map(re.escape, sorted(orgnames.KNOWN_ORGS, key=len, reverse=True)))
    + r")(?![\w])"
)
# The world's bodies known by name are looked for after the heads: inside "Đại học Harvard" or
# "Tạp chí Nature" the name is part of the headed body, not a body of its own.
_WORLD = re.compile(r"(?<![\w.])(?:" + literal_pattern(WORLD_BODIES) + r")(?![\w])")
# A police or army unit's code is an acronym with digits: "Cục Cảnh sát điều tra … (C02)".
_DEFINED = re.compile(r"\s?\((?P<acronym>[A-ZĐ][A-ZĐa-z0-9&.]{1,9})\)")
_UP_TO_ACRONYM = re.compile(r"(?P<words>[^,;.()“”\"]{1,80}?)(?P<open>\s?)\([A-ZĐ][A-ZĐ0-9&.]{1,9}\)")
# Between the noun and the name, what kind of outlet or body it is and whose ("tờ báo địa
# phương Yomiuri Shimbun", "báo Mỹ Wall Street Journal", "kênh truyền hình Fox Sports").
_NOUN_QUALIFIERS = (
    "báo|truyền hình|địa phương|quốc tế|web|điện tử|tin tức|kinh tế|tài chính|thể thao|công nghệ|"
    "Mỹ|Anh|Pháp|Nga|Đức|Nhật|Nhật Bản|Hàn Quốc|Trung Quốc|Ấn Độ|Australia|Canada|Italy|Israel|"
    "Ukraine|Singapore|Thái Lan|Tây Ban Nha|Hong Kong|Đài Loan"
)
_NOUN = re.compile(
    r"(?<!\w)(?P<noun>"
    + "|".join(map(re.escape, orgnames.ORG_NOUNS))
    + rf")\s+(?:(?:{_NOUN_QUALIFIERS})\s+){{0,2}}(?=[A-ZĐ0-9])"
)
_TEAM = re.compile(
    r"(?<!\w)(?P<noun>"
    + "|".join(map(re.escape, sorted(orgnames.TEAM_NOUNS, key=len, reverse=True)))
    + r")\s+"
    r"(?:(?:" + "|".join(map(re.escape, orgnames.TEAM_QUALIFIERS)) + r"|U\d{2})\s+)*(?=[A-ZĐ])"
)
_SITE = re.compile(r"(?<!\w)[A-Z][\w-]*\.(?:com|vn|net|org)(?:\.vn)?(?!\w)")
# A camel-case brand, and the capitalised Latin words that go on with it ("HaNoi Redtours"); not
# inside a web address ("facebook.com/VietnamAirlines").
_CAMEL = re.compile(r"(?<![\w./])[A-Z][a-z]+(?P<tail>[A-Z]\w*)(?: [A-Z][a-z]+){0,2}(?![\w.])")


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
    in_pair = (
        head is not None
        and head.end() == words[i].end()
        and (lower, following.lower()) in orgnames.NAME_PAIRS
    )
    if head and not state["generic"] and not in_place and not in_pair:
        return False  # a nested organisation ("… Bộ Công an") is found on its own
    if _is_capitalised(word):
        opens_province = f"{word} {following}" in gazetteer.PROVINCES  # "Bà Rịa": no "Bà" (Mrs) there
        if _is_code(word) or OFFICE_WORD.match(text, words[i].start()):
            return False
        if word in titles.NOT_NAME_WORDS and not (in_place or opens_province):
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
        return not state["proper"] or _capital_ahead(text, words, i + 1, taken)
    if state["capitals"] == 1 and _is_capitalised(previous) is False and _first_capital(words[i - 1].group()):
        # a lower-case syllable completes the first word of the name ("Dự trữ", "Bảo an"); a
        # foreign word takes none ("Đại học Harvard công bố" ends at "Harvard")
        return is_syllable(words[i - 1].group()) or _capital_ahead(text, words, i, taken)
    if _place_before(words, i):
        return False  # "Đội tuyển Việt Nam gặp Thái Lan": a place closes a name; a new one follows
    return _capital_ahead(text, words, i, taken)


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


def _org_end(
    text: str,
    words: list[re.Match[str]],
    first: int,
    head_end: int,
    taken: list[tuple[int, int]],
    head: str,
) -> int:
    """Extend an organisation name from its head over the words of its name."""
    generic = head in _COMPANY_HEADS or head.endswith(" chuyên")  # "THPT chuyên Đại học Sư phạm"
    end = head_end
    state: dict[str, Any] = {
        "proper": False, "generic": generic, "capitals": 0, "code": False, "head_end": head_end, "head": head,
    }  # fmt: skip
    for i in range(first, len(words)):
        gap = text[end : words[i].start()]
        if gap not in {" ", " - ", " – "} or _overlaps(words[i].start(), words[i].end(), taken):
            break
        if gap != " " and not (
            _is_capitalised(words[i].group()) and text[words[i].end() : words[i].end() + 1] != ":"
        ):
            break
        if gap != " " and _opens_list_item(text, words, i):
            break
        if not _continues(text, words, i, state, taken):
            break
        glued = _sentence_glue(words[i].group())
        if glued is not None:  # "… quận Thanh Xuân.Xem thêm": the page ran the next sentence on
            return words[i].start() + glued
        end = words[i].end()
    return end


# A full stop between two letters inside one word ("Xuân.Xem", "Tp.HCM").
_INNER_STOP = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
# Abbreviated place levels and titles written before a name with a stop ("Tp.HCM", "tp.Cần Thơ",
# "Tx.Sơn Tây", "Q.Hoàn Kiếm", "TT.Huế"), in small letters: the stop belongs to the word.
_ABBREVIATIONS = frozenset({"tp", "tx", "tt", "q", "p", "h", "x", "th", "ts", "ths", "gs", "pgs", "bs", "ks"})


def _sentence_glue(word: str) -> int | None:
    """Return where the full stop stands inside a word that runs the next sentence on, or None.

    "Xuân.Xem": a small letter, a stop, a capital, after a word of three letters or more that no
    abbreviation spells ("Tp.HCM" stays one word). Case is tested by `str` methods: the class
    `à-ỹ` also holds capitals.
    """
    for stop in _INNER_STOP.finditer(word):
        before = re.search(r"[^\W\d_]+$", word[: stop.start()])
        stem = before.group() if before else ""
        if (
            stem[-1:].islower()
            and word[stop.end()].isupper()
            and len(stem) >= 3
            and stem.lower() not in _ABBREVIATIONS
        ):
            return stop.start()
    return None


def _opens_list_item(text: str, words: list[re.Match[str]], i: int) -> bool:
    """Tell whether the word after a dash opens the next item of a list, not the rest of a name.

    "cao tốc Vĩnh Hảo - Phan Thiết" is one name; "Nhà tù Hỏa Lò - Nhà thờ Lớn - Bảo tàng …" lists
    three places: after the dash comes a head, or, after a proper name, a common noun (a capital then
    a small syllable). "Sở Quy hoạch - Kiến trúc" joins two fields, each a common noun: one name.
    """
    if _HEAD_START.match(text, words[i].start()):
        return True
    if i >= 2 and _words_of(words[i - 2 : i + 1]) in gazetteer.PROVINCES:
        return False  # "Công an tỉnh Thừa Thiên - Huế": a province written with a dash
    if i < 2 or not _is_capitalised(words[i - 1].group()) or not _is_capitalised(words[i - 2].group()):
        return False  # the name before the dash is made of common nouns: the dash joins its fields
    following = words[i + 1] if i + 1 < len(words) else None
    if following is None or text[words[i].end() : following.start()] != " ":
        return False
    syllable = following.group()
    return syllable[:1].islower() and syllable not in orgnames.STOP_WORDS


def _from_heads(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return organisations grown from a known head."""
    found: list[Span] = []
    present = {match.group() for match in _ANY_HEAD.finditer(text)}  # one pass, then only those heads
    if not present:
        return found
    words = list(WORD.finditer(text))
    for head, pattern in _HEADS:
        if head not in present:
            continue
        for match in pattern.finditer(text):
            title = TITLE_WORD.match(text, match.start())
            if _overlaps(match.start(), match.end(), taken) or (title and title.end() > match.end()):
                continue  # "Bộ trưởng …" is a title; "Đại sứ quán" is no "Đại sứ"
            if " " not in head and _after_a_name(text, match.start()):
                continue  # "Nam Bộ", "Đinh Bộ Lĩnh", "Hải Phòng": part of another name
            if text[max(0, match.start() - 13) : match.start()].endswith(_COMPANY_BEFORE):
                continue  # "Tổng công ty Cảng hàng không …": the company's own name, grown from its head
            first = next((i for i, w in enumerate(words) if w.start() >= match.end()), len(words))
            end = _org_end(text, words, first, match.end(), taken, head)
            name = text[match.start() : end]
            while name.endswith((" và", " &", " -")):
                name = name.rsplit(" ", 1)[0]
            end = match.start() + len(name)
            local = _LOCAL_LEVEL.match(text, end)
            if name == head and head in _LOCAL_HEADS and local:
                end, name = local.end(), text[match.start() : local.end()]  # "UBND tỉnh", "HĐND huyện"
            rest = name[len(head) :].split()
            if not _opens_as_required(head, rest):
                continue
            if not rest and head not in orgnames.STANDALONE_ORG_HEADS:
                continue  # a bare "Bộ" or "Sở" names no organisation
            if head in orgnames.WEAK_HEADS and not _weak_head_named(rest):
                continue
            if rest and " ".join(rest) in orgnames.LEGAL_FORMS:
                continue  # "Công ty cổ phần" alone: the body's name is found on its own
            if name in gazetteer.PROVINCES or " ".join(name.split()[:2]) in gazetteer.PROVINCES:
                continue  # "Đài Loan", "Hải Phòng": a place whose first word is a head
            if _generic(head, rest):
                continue
            start = match.start()
            if head in _SCHOOL_HEADS and text[max(0, start - 7) : start] == "trường ":
                start -= len("trường ")  # "trường THCS Duy Ninh": the school is named with its noun
            found.append((start, end, text[start:end]))
            taken.append((start, end))
    return found


def _weak_head_named(rest: list[str]) -> bool:
    """Tell whether a weak head's words name a body: a capitalised word, or fields and a number.

    "Đội Công binh", "Đội tuần tra kiểm soát số 4" do; "Đội ngũ", "Phòng họp" do not.
    """
    return any(_is_capitalised(w) for w in rest) or (len(rest) >= 3 and rest[-1].isdigit())


def _opens_as_required(head: str, rest: list[str]) -> bool:
    """Tell whether a name opens as its head requires: a field after "Vụ", a capital after "Đảng"."""
    if head in orgnames.FIELD_HEADS:
        return len(rest) >= 2 and (rest[0].lower(), rest[1].lower()) in orgnames.NAME_PAIRS
    if head in orgnames.NAME_FIRST_HEADS:
        return bool(rest) and _is_capitalised(rest[0])
    return True


# Fields whose first syllable is also a word that ends a name ("dự lễ", "chỉ có"): as the first
# syllable of these fields it does not ("Ban quản lý dự án", "Bộ chỉ huy quân sự"). "chỉ đạo" is
# left out: after a body's name it is the verb ("Sở Y tế chỉ đạo …").
_STOP_WORD_FIELDS = frozenset({("dự", "án"), ("dự", "trữ"), ("chỉ", "huy")})
# Heads a company's own name follows, which may open with another body's noun.
_COMPANY_HEADS = frozenset({"Công ty", "Ngân hàng", "Tổng công ty", "Tập đoàn"})
_COMPANY_BEFORE = ("Tổng công ty ", "Công ty ", "Tập đoàn ")
# A local body named by its level alone, the place being the story's ("UBND tỉnh đã họp").
_LOCAL_HEADS = frozenset(
    {"UBND", "HĐND", "Ủy ban nhân dân", "Hội đồng nhân dân", "Công an", "Tỉnh ủy", "Thành ủy"}
)
_LOCAL_LEVEL = re.compile(
    r" (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|TP)(?![\w.])(?! [A-ZĐ0-9])"
)
_SCHOOL_HEADS = frozenset(
    {"THPT", "THCS", "Tiểu học", "Mầm non", "Đại học", "ĐH", "Cao đẳng", "THPT chuyên", "THCS chuyên"}
)
# Heads a company is named after by its own name, never by a place alone ("công ty công nghệ Mỹ").
_OWN_NAME_HEADS = frozenset({"Công ty", "Tập đoàn", "Ngân hàng", "Hãng", "Tổng công ty"})


def _generic(head: str, rest: list[str]) -> bool:
    """Tell whether a company's head is followed by no name but lower-case words and a place."""
    if head not in _OWN_NAME_HEADS:
        return False
    return all(not (_is_capitalised(w) or w.isdigit()) or w in gazetteer.PROVINCES for w in rest)


def _after_a_name(text: str, start: int) -> bool:
    """Tell whether a capitalised word (not an acronym) stands right before `start`.

    An opening bracket or quote before that word does not hide it: "(Tây Ban Nha)" is a place.
    """
    before = text[max(0, start - 15) : start]
    words = before.split()
    if not before.endswith(" ") or not words:
        return False
    word = words[-1].lstrip("(“\"'‘[")
    if word in titles.NOT_NAME_WORDS:
        return False
    return word.isalpha() and word[:1].isupper() and not word.isupper()


def _defined_acronyms(text: str, found: list[Span]) -> tuple[list[Span], list[Span]]:
    """Return organisations that run on to a "(ACRONYM)" a few words later, and the acronyms.

    "Phái bộ An ninh lâm thời đa quốc gia tại Abyei (UNISFA)": the words up to the bracket
    belong to the name the acronym abbreviates.
    """
    grown, acronyms = [], []
    for start, end, name in found:
        match = _UP_TO_ACRONYM.match(text, end)
        if match and match["words"].strip() and len(match["words"].split()) <= 8:
            name = text[start : match.start("open")].rstrip()
            end = start + len(name)
        grown.append((start, end, name))
        acronym = _DEFINED.match(text, end)
        if acronym:
            acronyms.append((acronym.start("acronym"), acronym.end("acronym"), acronym["acronym"]))
    return grown, acronyms


def _latin_bodies(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return Latin-script bodies: "… Bank", websites, camel-case names, names after "hãng", "trang"."""
    spans: list[Span] = []
    for run in capitalised_runs(text):
        while run and run[0].group() in titles.NOT_NAME_WORDS | {"Theo"}:
            run = run[1:]  # "Theo Christian Post ngày 6/7": the source is the name, not its "Theo"
        words = [w.group() for w in run]
        if not words:
            continue
        if words[-1] in ORG_TAIL_WORDS and len(words) >= 2 and all(w.isascii() for w in words):
            spans.append((run[0].start(), run[-1].end(), text[run[0].start() : run[-1].end()]))
    spans += [(m.start(), m.end(), m.group()) for m in _SITE.finditer(text)]
    spans += [
        (m.start(), m.end(), m.group())
        for m in _CAMEL.finditer(text)
        if not m.group().startswith(("Mc", "Mac"))
        and not _glued(text, m)
        and m["tail"] not in titles.NOT_NAME_WORDS
        and len(m["tail"]) > 2
    ]
    for pattern, keep_noun in ((_NOUN, False), (_TEAM, True)):
        for match in pattern.finditer(text):
            runs = capitalised_runs(text[match.end() :])
            if not runs:
                continue
            run = runs[0]
            if keep_noun and text[max(0, match.start() - 3) : match.start()].lower() == "bộ ":
                continue  # "Bộ đội Việt Nam": soldiers, not a team
            if not keep_noun and len(run) > 2 and _words_of(run[-2:]) in gazetteer.PROVINCES:
                run = run[:-2]  # "tổ chức quốc tế KOICA Hàn Quốc": the country is where it comes from
            if run[0].start() != 0 or len(run) > 4 or len(run[-1].group()) < 2:
                continue
            name_end = match.end() + run[-1].end()
            start = match.start() if keep_noun else match.end()
            name, written = text[start:name_end], text[match.end() : name_end]
            if run[0].group() in titles.NOT_NAME_WORDS or _HEAD_START.match(written):
                continue
            if not keep_noun and (
                written in gazetteer.PROVINCES
                or not (written.isascii() or match["noun"].startswith("tổ chức"))
            ):
                continue  # "hãng AirAsia", "trang SDE": a Latin-script name, not "báo cáo Hội …"
            if (
                len(run) == 1
                and written not in gazetteer.PROVINCES  # "quân đội Nga mở rộng …" is a country's army
                and is_syllable(written)
                and re.match(r" [a-zà-ỹđ]", text[name_end : name_end + 2])
            ):
                continue  # "công ty Du lịch …", "đội Điện toán …": a word's first syllable, not a name
            spans.append((start, name_end, name))
    return [s for s in spans if not _overlaps(s[0], s[1], taken)]


def _glued(text: str, match: re.Match[str]) -> bool:
    """Tell whether a camel-case word is two words a flattened page ran together, not a brand.

    "Hà GiangBàn tay …", "Đồng NaiKhu tái định cư": a name's last syllable glued to the next
    sentence's first word. A brand is written in Latin letters and opens its own name
    ("VinFast", "HaNoi Redtours"); a glued pair has a tone mark or follows a capitalised word.
    """
    before = text[max(0, match.start() - 20) : match.start()].split()
    return not match.group().isascii() or bool(before and before[-1][:1].isupper() and before[-1].isalpha())


def _words_of(run: Any) -> str:
    """Return the words of a run of matches, joined by spaces."""
    return " ".join(word.group() for word in run)


# A firm, a bank or a hospital named after its noun in small letters ("công ty Hoàng Long",
# "bệnh viện Bạch Mai"); a place after it is where they are ("các bệnh viện Hà Nội").
# A school too ("trường Nguyễn Du", "đại học Bách khoa"), but not a word that ends in "trường"
# ("thị trường Mỹ", "quảng trường Ba Đình", "chiến trường Campuchia", a school's "điểm trường").
_TRUONG_WORDS = frozenset(
    {"thị", "quảng", "chiến", "môi", "hiện", "lập", "công", "phi", "thương", "ngư", "nông", "đấu"}
    | {"pháp", "sân", "đường", "trại", "kịch", "sở", "điểm"}
)
_LOWER_HEAD = re.compile(
    r"(?<!\w)(?P<noun>tổng công ty|công ty|tập đoàn|ngân hàng|bệnh viện|đại học|trường|bộ)"
    r" (?=[A-ZĐ]|TNHH|cổ phần)"
)


def _listed_after_ministry(text: str, start: int, taken: list[tuple[int, int]]) -> bool:
    """Tell whether "bộ" at `start` is a list's next ministry: "Bộ Y tế, bộ Lao động và …".

    In small letters "bộ" is a set or a part ("bộ Hồ sơ", "bộ phận"); it names a ministry only
    right after a ministry found in capitals, a comma or "và" between them.
    """
    return any(
        text.startswith(("Bộ ", "bộ "), begin) and text[end:start] in {", ", " và ", ", và "}
        for begin, end in taken
    )


def _lower_headed(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return bodies named after their noun in small letters, grown as their capitalised head is."""
    spans: list[Span] = []
    words = list(WORD.finditer(text))
    for match in _LOWER_HEAD.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()].split()[-1:]
        if match["noun"] == "trường" and before and before[0].lower() in _TRUONG_WORDS:
            continue
        if match["noun"] == "bộ" and not _listed_after_ministry(text, match.start(), taken):
            continue
        head = match["noun"][:1].upper() + match["noun"][1:]
        first = next((i for i, w in enumerate(words) if w.start() >= match.end("noun")), len(words))
        end = _org_end(text, words, first, match.end("noun"), taken, head)
        rest = text[match.end("noun") : end].split()
        if (
            not any(_is_capitalised(w) for w in rest)
            or _generic(head, rest)
            or _overlaps(match.start(), end, taken)
        ):
            continue
        if " ".join(rest) in gazetteer.PROVINCES or all(w.isascii() for w in rest):
            continue  # "bệnh viện Hà Nội": the city's hospitals; "công ty Bluesky": a brand, found as such
        spans.append((match.start(), end, text[match.start() : end]))
        taken.append((match.start(), end))
    return spans


def find_organisations(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return the organisations of a sentence outside spans already taken; mark them taken."""
    found = _known(text, _KNOWN, taken)
    taken.extend((s, e) for s, e, _ in found)
    grown = _from_heads(text, taken) + _lower_headed(text, taken) + org_nouns.institutions(text, taken)
    grown += org_nouns.numbered_units(text, taken)
    heads, acronyms = _defined_acronyms(text, sorted(grown))
    taken.extend((s, e) for s, e, _ in heads)
    world = _known(text, _WORLD, taken)
    taken.extend((s, e) for s, e, _ in world)
    found += (
        heads + world + org_spans.named_by_context(text, taken) + org_nouns.reporting_acronyms(text, taken)
    )
    for span in acronyms + _latin_bodies(text, taken):
        if not _overlaps(span[0], span[1], taken):
            found.append(span)
            taken.append((span[0], span[1]))
    return org_spans.merge_nested(text, sorted(found))


def _known(text: str, names: re.Pattern[str], taken: list[tuple[int, int]]) -> list[Span]:
    """Return the bodies a list knows by name, outside spans taken, not as a credit, product or event."""
    return [
        (m.start(), end, text[m.start() : end])
        for m in names.finditer(text)
        if not _overlaps(m.start(), m.end(), taken)
        and not _CREDIT_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        and not org_spans.is_product_or_event(text, m.end())
        for end in [org_spans.tail_end(text, m.end())]
    ]
