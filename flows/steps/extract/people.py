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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from flows.steps.extract import gazetteer, orgnames, titles
from flows.steps.extract.paragraphs import OPENERS, is_syllable
from flows.steps.extract.roles import OFFICE_WORD, TITLE_WORD, role_after

WORD = re.compile(r"\w+(?:[.&'’-]\w+)*")
Runs = tuple[tuple[re.Match[str], ...], ...]
_UPPER = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ" + "".join(c for c in map(chr, range(0x1EA0, 0x1EFA)) if c.isupper())
_CAPITAL_WORD = rf"[{_UPPER}]\w*(?:[.&'’-]\w+)*"
_CAPITALISED_RUN = re.compile(rf"(?<![\w.&'’-]){_CAPITAL_WORD}(?: {_CAPITAL_WORD})*")
_LATIN_WORD = r"(?:al-|el-)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'][A-Z]?[a-z]+)*"
# Particles inside a name, a middle initial ("Devin P. Kelley"), a closing "Jr." or "Sr.".
_LATIN_RUN = re.compile(
    rf"(?<![\w.&'’-]){_LATIN_WORD}"
    rf"(?: (?:(?:bin|ibn|bint|al|de|van|von|der|da|di|du|dos|le) |[A-Z]\. )*{_LATIN_WORD})*(?: (?:Jr|Sr)\.)?"
    r"(?![\w&'’-])"
)
# Places named after people: an admin head written capitalised ("Quận Ninh Kiều"), a cemetery,
# a beach or a park ("nghĩa trang Thái Phiên").
_NAMED_PLACE_HEADS = ("Quận", "Huyện", "Phường", "Thị xã", "Thị trấn", "nghĩa trang", "nghĩa địa", "bãi biển")
_PLACE_HEAD_BEFORE = re.compile(
    r"(?:^|[\s(])(?:"
    + "|".join(map(re.escape, (*gazetteer.PLACE_HEADS, *_NAMED_PLACE_HEADS)))
    + r")\s+$|\d[\d/.-]*[A-Z]?\s+$"
)
# A name in brackets after a commune or a ward is its district: "xã Tam Hiệp (Châu Thành)".
_PLACE_IN_BRACKETS = re.compile(
    r"\b(?:xã|phường|thị trấn|thôn|ấp|huyện|quận)\s+(?:[A-ZĐ\d][\w.]*\s*){1,4}\(\s*$"
)
_SCHOOL_BEFORE = re.compile(
    r"(?:[Tt]rường|THPT|THCS|[Tt]iểu học|Phổ thông|[Cc]huyên"
    # a name right after a firm's or a hospital's noun is the body's ("công ty Hoàng Long")
    r"|(?<!\w)(?:[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|[Bb]ệnh viện|TNHH|MTV|[Cc]ổ phần|[Dd]oanh nghiệp))\s+$"
)
_CREDIT_BEFORE = re.compile(r"(?:" + "|".join(titles.CREDIT_LABELS) + r")\s*:\s*$")
_HONORIFIC_END = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(titles.HONORIFICS, key=len, reverse=True)) + r")\s+$"
)
# "ông", "bà" as nouns, not titles: after a number, "cụ" or "người đàn", a country or a city after
# them says where the person is from ("cụ bà Nhật"); "bà Nga" alone names Mrs Nga.
_NATIONALITY_BEFORE = re.compile(
    r"(?<!\w)(?:người đàn|cụ|một|hai|ba|các|những|mấy|vị)\s+(?:ông|bà)\s+$", re.IGNORECASE
)
_PERSON_TITLES_LOWER = frozenset(title.lower() for title in titles.PERSON_TITLES)
_ALL_TITLES_LOWER = _PERSON_TITLES_LOWER | {title.lower() for title in titles.ROLE_TITLES}
_SPEECH_AFTER = re.compile(
    r"\s*(?:(?:ngày|hôm|sáng|chiều|tối) [\d/]+\s+)?(?:đã\s+|vừa\s+|cũng\s+)?(?:"
    + "|".join(titles.SPEECH_VERBS)
    + r")\b"
)
_AGE_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)\d{1,3}\s*tuổi|\s*,\s*người\s")
# Words after which a Latin-script name is a company's or an outlet's ("công đoàn Taekwang Vina").
_ORG_BEFORE = re.compile(
    r"(?:[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|[Hh]ãng|[Cc]ông đoàn|cổ phần|TNHH|MTV|CP|"
    r"trang|tạp chí|đài|sàn|(?<!\w)(?<!nhà )(?:báo|tờ|kênh)"
    r"(?:\s+(?:báo|truyền hình|địa phương|Mỹ|Anh|Pháp|Nga|Đức|Nhật))*)\s+$"
)  # "báo Mỹ Boston Globe", "kênh truyền hình Fox Sports": an outlet, not a person
# Latin-script words that end an organisation's or a place's name, never a person's. "Vina" ends
# the names of foreign-invested firms in Việt Nam ("Taekwang Vina", "Samsung Vina").
ORG_TAIL_WORDS = frozenset(
    word.strip()  # each line's first word stands after its indent
    for word in """News|Bank|Group|Airlines|Airways|Airway|Air|Express|Coins|Forex|Management|Medicine|Live|
    Capital|Holdings|Corp|Corporation|Inc|Ltd|Company|Foundation|Institute|University|College|
    Times|Post|Journal|Magazine|Agency|Association|Federation|Council|Committee|FC|United|Club|
    Motors|Pharma|Energy|Securities|Insurance|Media|Entertainment|Studio|Studios|Network|Labs|
    Technologies|Systems|Pacific|Slayer|League|Center|Centre|Hospital|School|Report|Today|Online|
    Daily|Gazette|Herald|Tribune|Review|Weekly|Research|Partners|Fund|Trust|Exchange|Travel|Tours|
    Tourist|Travelmart|Resort|Hotel|Hotels|Logistics|Pharmacy|Telecom|Software|Academy|
    Organization|Organisation|Electronics|Industries|Enterprises|Solutions|Services|
    Ventures|Pictures|Records|Foods|Chemicals|Automotive|Vina""".replace("\n", "|").split("|")
    if word.strip()
)
# Latin-script words that end an event's or a place's name ("New York Fashion Week", "Highway Camp").
EVENT_TAIL_WORDS = frozenset(
    {"Week", "Tour", "City", "Camp", "Cup", "Award", "Awards", "Festival", "Street", "Avenue"}
    | {"Games", "Open", "Prize", "Index", "Market", "Circuit", "Slam", "Masters", "Championship", "Finals"}
    | {"Series", "Tonight", "Show", "Garros"}
)
_NOT_PERSON_WORDS = ORG_TAIL_WORDS | EVENT_TAIL_WORDS
_HEAD_AT = re.compile(r"(?:" + "|".join(map(re.escape, orgnames.ORG_HEADS)) + r")(?!\w)")


def _split_verbs(text: str) -> list[str]:
    """Split a "|"-separated list of verbs written over several lines."""
    return [verb.strip() for verb in text.replace("\n", "").split("|") if verb.strip()]


# Capitalised words that open a Vietnamese sentence, never a foreign name ("Khi Apple …").
_OPENING_WORDS = (
    titles.NOT_NAME_WORDS | OPENERS | {"Trang", "Hãng", "Báo", "Tờ", "Kênh", "Đài", "Mạng", "Nhóm"}
)
_LOCATIVE_BEFORE = re.compile(r"(?:^|\s)(?:lên|xuống|tại|ở)\s+$")


@dataclass(frozen=True)
class NameSpan:
    """A person's name as written in a sentence; `full` unless it is a given name or surname alone."""

    start: int
    end: int
    name: str
    full: bool
    confirmed: bool = True


@lru_cache(maxsize=64)
def capitalised_runs(text: str) -> Runs:
    """Return the runs of capitalised words separated by single spaces only (cached: every rule asks)."""
    return tuple(
        tuple(WORD.finditer(text, run.start(), run.end())) for run in _CAPITALISED_RUN.finditer(text)
    )


def _is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym or a code ("UBND", "TPO", "K08")."""
    return len(word) > 1 and (word.isupper() or any(ch.isdigit() for ch in word))


# An address in brackets: "(trú xã Long An, Châu Thành, Tiền Giang)" lists places, not people.
_ADDRESS_BEFORE = re.compile(r"\((?:SN \d{4}, )?(?:trú|ngụ|quê|thường trú|tạm trú)\b[^()]*$")


def not_a_person_here(text: str, start: int) -> bool:
    """Tell whether the words before a name make it a place, a school or a credit."""
    before = text[max(0, start - 30) : start]
    return bool(
        _ADDRESS_BEFORE.search(text[max(0, start - 80) : start])
        or _PLACE_IN_BRACKETS.search(text[max(0, start - 60) : start])
        or (_PLACE_HEAD_BEFORE.search(before) and not gazetteer.COUNTED_NUMBER.search(before))
        or _SCHOOL_BEFORE.search(before)
        or _after_company_fields(text[max(0, start - 80) : start])
        or _CREDIT_BEFORE.search(before)
        or _LOCATIVE_BEFORE.search(before)
    )


_COMPANY_NOUNS = frozenset({"công ty", "tổng công ty", "tập đoàn", "ngân hàng", "doanh nghiệp", "hợp tác xã"})
_LEGAL_WORDS = frozenset({"tnhh", "mtv", "cp", "tmcp", "cổ", "phần"})


def _after_company_fields(before: str) -> bool:
    """Tell whether a name follows a firm's noun and the fields of its name: it is the firm's name.

    "Công ty TNHH Thương mại Dịch vụ Hoàng Long", "Tập đoàn Xây dựng Minh Phát": only a firm's
    legal form and fields stand between its noun and the name. "Giám đốc Công ty ABC Nguyễn Văn A"
    has a name of its own between them: the person is kept. The fields of a firm's own name open
    with a capital; "công ty xây dựng" in small letters says what kind of firm employs the person.
    """
    words = before.split()
    end = len(words)
    while end and (words[end - 1].lower() in orgnames.NAME_WORDS or words[end - 1].lower() in _LEGAL_WORDS):
        end -= 1
    if end == len(words):
        return False  # the noun itself right before the name is _SCHOOL_BEFORE's case
    if not words[end][:1].isupper():
        return False  # "Giám đốc công ty xây dựng Nguyễn Văn Hùng": a kind of firm, not its name
    return any(" ".join(words[max(0, end - n) : end]).lower() in _COMPANY_NOUNS for n in (1, 2, 3))


def _looks_like_name_word(word: str) -> bool:
    """Tell whether a word can be a syllable of a name (no codes, no glued words, no initials)."""
    inner_capital = any(ch.isupper() and word[i - 1] != "-" for i, ch in enumerate(word) if i)
    return len(word) > 1 and not inner_capital and not any(ch.isdigit() for ch in word)


def vietnamese_name(text: str, run: Sequence[re.Match[str]]) -> tuple[int, int] | None:
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
        if not _surname_at(words, index) or (index == 0 and run[0].start() == 0 and word == "Từ"):
            index += _place_at(words, index) or 1  # "Bồ Đào Nha Nuno …": no name starts inside a place
            continue
        place = _place_at(words, index)
        if place and _not_a_name_after(words, index + place):  # "Thái Lan Thaksin …", "Hà Nội Đinh …"
            index += place
            continue
        last = index
        while last + 1 < len(words) and words[last + 1] not in titles.NOT_NAME_WORDS and last - index < 3:
            last += 1
        name_words = words[index : last + 1]
        too_long = last + 1 < len(words) and words[last + 1] not in titles.NOT_NAME_WORDS
        cut = _cut_initial(text, run, index, last)  # "Phan Đình Q.": a name the outlet cut short
        if (
            not too_long
            and last > index
            and all(_looks_like_name_word(w) for w in name_words[: len(name_words) - cut])
            and not any(w in _NOT_PERSON_WORDS for w in name_words)
            and " ".join(name_words) not in gazetteer.PROVINCES
            and not (
                len(name_words) > 2 and " ".join(name_words[1:]) in gazetteer.PROVINCES
            )  # "Đoàn Việt Nam"
            and " ".join(name_words[-2:]) not in gazetteer.PROVINCES  # "Hoàng Anh Gia Lai": a club
            and not credit
            and not not_a_person_here(text, run[index].start())
        ):
            return run[index].start(), run[last].end() + cut
        index = index + 1 if too_long or last == index else last + 1
    return None


# Middle names that mark a full Vietnamese name ("Sấn Văn Trung", "Lò Thị Mai"): the syllable
# before one is a surname even when the gazetteer's list lacks it (a rare or ethnic minority one).
MIDDLE_NAMES = frozenset({"Văn", "Thị"})


_BEFORE_A_NAMED_PLACE = frozenset(gazetteer.PLACE_HEADS) | {"kênh", "rạch", "trường", "nhà", "công viên"}


def _surname_at(words: list[str], index: int) -> bool:
    """Tell whether words[index] opens a surname-led name: a listed surname, or one before "Văn"/"Thị".

    The unlisted surname must open its run of capitals (or follow a word no name holds: "Ông"):
    inside a run ("Trung Tâm Văn Hóa") the syllable before "Văn" is a capitalised name's word.
    """
    word = words[index]
    if word in gazetteer.SURNAMES:
        return True
    opens_run = index == 0 or words[index - 1] in titles.NOT_NAME_WORDS
    middle = index + 2 < len(words) and words[index + 1] in MIDDLE_NAMES
    # A place's or a building's noun before "Văn" names a street or a bridge ("Phố Văn Cao", "Cầu Thị
    # Nghè"), "Cả Văn Hậu và …" is "both"; an honorific opens a name, it is none ("Ông Văn Viết Thành").
    not_surname = word.lower() in _BEFORE_A_NAMED_PLACE or word in titles.NOT_NAME_WORDS | {"Cả"}
    return opens_run and middle and is_syllable(word) and not not_surname


def _place_at(words: list[str], index: int) -> int:
    """Return how many words a place of two or three words starting at `index` takes (0: none)."""
    for size in (3, 2):
        if " ".join(words[index : index + size]) in gazetteer.PROVINCES:
            return size
    return 0


def _not_a_name_after(words: list[str], index: int) -> bool:
    """Tell whether the words after a place cannot go on a name begun by it ("Hoàng Mai Nam" can)."""
    if index >= len(words):
        return True
    word = words[index]
    return word in gazetteer.SURNAMES or not is_syllable(word)


def _cut_initial(text: str, run: Sequence[re.Match[str]], index: int, last: int) -> int:
    """Return 1 when a surname-led name of three words ends on an initial and its stop ("Lê Thị H.")."""
    word = run[last]
    initial = len(word.group()) == 1 and word.group().isupper() and text[word.end() : word.end() + 1] == "."
    return 1 if initial and last - index >= 2 else 0


def _latin_runs(text: str) -> list[list[re.Match[str]]]:
    """Return runs of Latin-script name words, lower-case particles allowed inside ("bin", "van").

    A run loses the words before the name: a capitalised word that opens Vietnamese sentences
    ("Khi Apple …", "Trang Twitter …"), and a place after its head ("hạt Wilson Joe Tackett").
    """
    runs = []
    for run in _LATIN_RUN.finditer(text):
        words = list(WORD.finditer(text, run.start(), run.end()))
        while words and words[0].group() in _OPENING_WORDS:
            words = words[1:]
        if words and _PLACE_HEAD_BEFORE.search(text[max(0, words[0].start() - 12) : words[0].start()]):
            words = words[1:]  # the place the head names comes first: its name is one word here
        runs.append(words)
    return runs


_GLUED_NAMES = orgnames.ORG_HEAD_NAMES | orgnames.KNOWN_ORGS | gazetteer.PROVINCES


def foreign_names(text: str) -> list[NameSpan]:
    """Return Latin-script names of two to five words; `confirmed` when the sentence says a person."""
    found = []
    for run in _latin_runs(text):
        if run and run[0].start() > 1 and text[run[0].start() - 1] == " ":
            before_words = text[: run[0].start() - 1].split()[-2:]
            glued = f"{before_words[-1]} {run[0].group()}" if before_words else ""
            country = " ".join([*before_words, run[0].group()])  # "Bồ Đào Nha Nuno Borges"
            if glued in _GLUED_NAMES or country in gazetteer.PROVINCES:
                run = run[1:]  # "Điện Kremlin Dmitry Peskov": the first word ends another name
        while run and run[0].group() in orgnames.KNOWN_ORGS:
            run = run[1:]
        while run and " ".join(w.group() for w in run[:3]) in gazetteer.PROVINCES:
            run = run[3:]  # "tay vợt Tây Ban Nha Tommy Robredo"
        while run and " ".join(w.group() for w in run[:2]) in gazetteer.PROVINCES | {"New York"}:
            run = run[2:]
        while run and run[0].group() in gazetteer.PROVINCES:
            run = run[1:]  # "Thủ tướng Hungary Viktor Orban"
        words = [w.group() for w in run]
        if not 2 <= len(words) <= 5 or any(w in _NOT_PERSON_WORDS for w in words):
            continue
        if all(is_syllable(word) for word in words):
            continue  # "Anh Phi chia sẻ": Vietnamese syllables without their marks, no foreign name
        if " ".join(words) in gazetteer.PROVINCES | orgnames.KNOWN_ORGS or words[0] in gazetteer.SURNAMES:
            continue
        start, end = run[0].start(), run[-1].end()
        if words[-1] in {"Jr", "Sr"} and text[end : end + 1] == ".":
            end += 1
        if not_a_person_here(text, start) or _ORG_BEFORE.search(text[max(0, start - 20) : start]):
            continue
        found.append(NameSpan(start, end, text[start:end], True, _says_person(text, start, end)))
    return found


_BODY_NOUNS = frozenset(noun for noun in orgnames.ORG_NOUNS if " " not in noun)


def _title_right_before(text: str, start: int) -> bool:
    """Tell whether a title stands right before a name, only capitalised words between them."""
    before = text[max(0, start - 60) : start]
    found = list(TITLE_WORD.finditer(before))
    between = before[found[-1].end() :].split() if found else []
    # Between the title and the name: the body or place it heads ("ủy viên hạt Wilson Joe Tackett",
    # "mục sư nhà thờ Frank Pomeroy"), a body's noun in small letters among its capitalised words
    # ("chủ tịch Ủy ban Quốc gia đảng Cộng hòa Ronna McDaniel").
    small = " ".join(w for w in between if not w[:1].isupper() and w not in orgnames.NAME_WORDS)
    return bool(found) and (
        not small
        or all(w in gazetteer.PLACE_HEADS for w in small.split(" ") if w)
        or small in gazetteer.PLACE_HEADS
        or _body_between(between)
    )


def _body_between(words: list[str]) -> bool:
    """Tell whether words between a title and a name are a body's name with its noun in small letters.

    A small word right after a capitalised one is that word's second syllable ("Ủy ban", "Cộng
    hòa"); any other small word must be a body's noun ("đảng", "báo").
    """
    alone = [
        w for i, w in enumerate(words) if not w[:1].isupper() and (i == 0 or not words[i - 1][:1].isupper())
    ]
    return bool(alone) and any(w[:1].isupper() for w in words) and all(w in _BODY_NOUNS for w in alone)


def _apposition_before(text: str, start: int) -> bool:
    """Tell whether a role set off by a comma stands right before a name ("tay vợt người Croatia, X")."""
    before = text[max(0, start - 60) : start].rstrip()
    if not before.endswith(","):
        return False
    titles_found = list(TITLE_WORD.finditer(re.split(r"[,;:(“\"]", before[:-1])[-1]))
    clause = re.split(r"[,;:(“\"]", before[:-1])[-1]
    return bool(titles_found) and len(clause[titles_found[-1].start() :].split()) <= 6


def _says_person(text: str, start: int, end: int) -> bool:
    """Tell whether the words around a name say it is a person's."""
    before = text[max(0, start - 40) : start]
    return bool(
        _title_right_before(text, start)
        or _apposition_before(text, start)
        or _HONORIFIC_END.search(before[-8:])
        or role_after(text, end)
        or _AGE_AFTER.match(text, end)
        or _SPEECH_AFTER.match(text, end)
        or _PERSONAL_AFTER.match(text, end)
    )


# What only a person does or is, right after a name: a kin's apposition ("Wayne Bautista, bạn
# trai của Cara"), a sport's or a life's verb ("… nghỉ thi đấu", "… kết hôn").
_PERSONAL_AFTER = re.compile(
    r"\s*,\s*(?:bạn trai|bạn gái|vợ|chồng|con trai|con gái|mẹ|bố|cha|anh trai|em trai|chị gái|em gái|"
    r"người yêu|hôn thê|hôn phu|vợ cũ|chồng cũ)\s+(?:cũ\s+)?của\b"
    r"|\s*(?:(?:đã|vừa|cũng|sẽ|bất ngờ)\s+)*(?:nghỉ thi đấu|giải nghệ|kết hôn|ly hôn|sinh con|mang thai|"
    r"tử vong|thiệt mạng|bị bắt|bị kết án|bị truy tố|ghi bàn|vô địch|đánh bại|thắng|thua)\b"
)


def _given_name_at(text: str, start: int, runs: Runs) -> NameSpan | None:
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


def given_names(text: str, runs: Runs) -> list[NameSpan]:
    """Return given names after an honorific, "tên" or a title only people carry.

    Each capitalised run is checked against the few words before it, so the long title list is
    matched against a short string, never scanned over the sentence.
    """
    found = []
    for run in runs:
        start = run[0].start()
        before = text[max(0, start - 25) : start]
        first = run[0].group()
        if _CREDIT_BEFORE.search(before):
            continue  # "Ảnh: Anh Túc …": a credit, not "anh Túc"
        if first.lower() in _PERSON_TITLES_LOWER and len(run) > 1:
            span = _given_name_at(text, run[1].start(), runs)  # "NSƯT Thành Lộc", "HLV Park Hang Seo"
            if span and span.name not in gazetteer.PROVINCES | orgnames.KNOWN_ORGS | titles.DEMONYMS:
                found.append(span)
            continue
        if first.lower() in titles.HONORIFICS and len(run) > 1 and _at_clause_start(text, start):
            span = _given_name_at(text, run[1].start(), runs)  # "Chị Thu Cúc, …"
            if span and f"{first} {span.name}" not in gazetteer.PROVINCES:
                found.append(span)
            continue
        if _HONORIFIC_END.search(before):
            span = _given_name_at(text, start, runs)
            if span and _NATIONALITY_BEFORE.search(before) and span.name in gazetteer.PROVINCES:
                span = None  # "cụ bà Nhật", "người đàn ông Tokyo", "hai ông Mỹ": where they are from
        elif _person_title_before(before):
            span = _given_name_at(text, start, runs)
            if span and (
                span.name in gazetteer.PROVINCES | orgnames.KNOWN_ORGS | titles.DEMONYMS
                or any(w in _NOT_PERSON_WORDS for w in span.name.split())
            ):
                span = None  # "chuyên gia Airbus", "CĐV Việt": a body's or a country's people
        elif _at_clause_start(text, start) or before.endswith((", ", "” ")):
            span = _given_name_at(text, start, runs)
            if span and not (len(span.name.split()) <= 2 and span.name not in gazetteer.PROVINCES):
                span = None
            if span and not (role_after(text, span.end, OFFICE_WORD) or _acts_as_person(text, span)):
                span = None  # "Ngọc Trâm, sinh viên …": a name set off before its role
        elif before.endswith((" và ", " còn ", " trong khi ")) or _after_opener(before):
            span = _given_name_at(text, start, runs)  # "… và Văn Toàn ghi bàn", "Sau đó Quang Hải sút"
            span = span if span and _acts_as_person(text, span) else None
        else:
            span = None
        if span:
            found.append(span)
    return found


# What a player or a speaker does right after the name ("Văn Toàn ghi bàn", "Messi chuyền").
_ACTION_VERBS = _split_verbs(
    """ghi bàn|lập công|kiến tạo|chuyền|sút|dứt điểm|đánh đầu|đi bóng|cản phá|bắt bóng|băng xuống|
    tỏa sáng|vào sân|rời sân|bỏ lỡ|phạm lỗi|nhận thẻ|đá chính|đá phạt|đá hỏng|ăn mừng|đánh bại|
    thắng|thua|giành|hòa|vô địch|lên ngôi|thi đấu|ra sân|tập luyện|giải nghệ|chấn thương"""
)
_ACTION_AFTER = re.compile(
    r"\s*(?:(?:đã|vừa|cũng|liên tục|bất ngờ|không|chưa|sẽ)\s+)*(?:"
    + "|".join(sorted(_ACTION_VERBS + titles.SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)


def _acts_as_person(text: str, span: NameSpan) -> bool:
    """Tell whether a given name alone speaks or plays right after it ("Văn Toàn ghi bàn", "Messi nói").

    Only the shape of a person's name counts: one or two Vietnamese syllables or a foreign word,
    no place, no body, no word that opens sentences.
    """
    words = span.name.split()
    if not _ACTION_AFTER.match(text, span.end) or span.name in gazetteer.PROVINCES:
        return False
    before = text[max(0, span.start - 30) : span.start]
    if not_a_person_here(text, span.start) or before.endswith("người "):  # "người Serbia nói"
        return False
    if span.name in orgnames.KNOWN_ORGS or _HEAD_AT.match(span.name) or words[0] in _OPENING_WORDS:
        return False
    foreign = len(words) == 1 and words[0].isascii() and not is_syllable(words[0])
    return foreign or (2 <= len(words) <= 3 and all(is_syllable(word) for word in words))


def _listed_with(text: str, runs: Runs, found: list[NameSpan]) -> list[NameSpan]:
    """Return the given names listed with a person already found, before or after them.

    "Công Phượng và Văn Toàn ghi bàn", "Nghệ sĩ Kim Xuân, Thành Lộc, Đàm Vĩnh Hưng, Hiền Thục …":
    names joined by commas or "và" to a person are people too, one after another along the list.
    """
    more: list[NameSpan] = []
    listed = list(found)
    while listed:
        span = listed.pop()
        for run in runs:
            start, end = run[0].start(), run[-1].end()
            gap = text[end : span.start] if end <= span.start else text[span.end : start]
            if gap not in {", ", " và "} or any(f.start == start for f in found + more):
                continue
            if end <= span.start and not _at_list_start(text, start):
                continue  # "trang Shape, Faz cho biết": a word before the first name makes it no list
            candidate = _given_name_at(text, start, runs)
            if candidate and candidate.end == end and _shaped_like(candidate, span):
                more.append(candidate)
                listed.append(candidate)
    return more


def _after_opener(before: str) -> bool:
    """Tell whether a clause-opening adverb stands right before a name ("Sau đó Quang Hải sút")."""
    words = before.split()
    for size in (1, 2):
        if len(words) >= size and words[-size] in OPENERS:
            prefix = before.rstrip()[: len(before.rstrip()) - len(" ".join(words[-size:]))].rstrip()
            if not prefix or prefix[-1] in '.,;:!?“"(':
                return True
    return False


def _at_list_start(text: str, start: int) -> bool:
    """Tell whether a name opens a clause or follows a comma or "và" (it may open a list)."""
    before = text[max(0, start - 6) : start]
    return _at_clause_start(text, start) or before.endswith((", ", " và "))


def _shaped_like(candidate: NameSpan, span: NameSpan) -> bool:
    """Tell whether a listed name has the shape of the name it is listed with (syllables, foreign)."""
    words = candidate.name.split()
    if candidate.name in gazetteer.PROVINCES or candidate.name in orgnames.KNOWN_ORGS:
        return False
    if span.full and not span.name.isascii():  # a Vietnamese full name in the list
        return 2 <= len(words) <= 3 and all(is_syllable(word) for word in words)
    if len(span.name.split()) == 1:
        return len(words) == 1 and words[0].isascii() and not is_syllable(words[0])
    return 2 <= len(words) <= 3 and all(is_syllable(word) for word in words)


def _person_title_before(before: str) -> bool:
    """Tell whether the words before a name end with a title only people carry (not "Thủ tướng").

    "các diễn viên như Kim Xuân", "sáng tác: Lê Quang", "do Mỹ Tâm …": a title, then "như" or
    a colon, or a work's credit, leads into a list of people.
    """
    if _CREDIT_OF_WORK.search(before):
        return True
    words = re.sub(r"\s(?:như|gồm|là)\s*$", " ", before).split()
    for size in (3, 2, 1):  # the longest title ending there: "Thủ tướng" before "tướng"
        phrase = " ".join(words[-size:]).lower()
        if len(words) >= size and phrase in _ALL_TITLES_LOWER:
            return phrase in _PERSON_TITLES_LOWER
    return False


_CREDIT_OF_WORK = re.compile(r"(?:sáng tác|trình bày|biên đạo|thể hiện|dàn dựng)\s*:\s*$")


def _at_clause_start(text: str, start: int) -> bool:
    """Tell whether a word opens the sentence or follows a full stop, a colon or an opening quote."""
    return start == 0 or text[:start].rstrip()[-1:] in {".", ":", ";", "“", '"', "("}


# Bodies named after a person: the name is the body's ("Văn phòng Luật sư Lê Nam", "Nhà hát Cải
# lương Trần Hữu Trang"), found as an organisation.
_NAMED_AFTER = re.compile(
    r"(?:Văn phòng [Ll]uật sư|Công ty [Ll]uật|Văn phòng [Cc]ông chứng|Nhà hát Cải lương)\s+$"
)
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
    spans += _listed_with(text, runs, spans)
    spans = [span for span in spans if not _NAMED_AFTER.search(text[max(0, span.start - 30) : span.start])]
    kept: list[NameSpan] = []
    for span in spans:
        if not any(k.start < span.end and span.start < k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
