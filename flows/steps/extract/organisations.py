"""Find the organisations a sentence names, as (start, end, name) spans.

Four ways in, each from how Vietnamese news writes bodies: a head ("Sở", "Công an", "Bệnh
viện") grown over the words of its name; an acronym defined in brackets after a name ("Tổ chức
Y tế Thế giới (WHO)") or known (NATO, FIFA); a body known by name (outlets, agencies, airlines);
and a Latin-script name that ends like a body's ("Saxo Bank", "Kitco News") or follows a noun
that announces one ("hãng AirAsia", "trang SDE", "đội tuyển Việt Nam").

A headed name's grammar is in `org_fields`, its growth in `org_growth`, and the bodies named after a
noun in small letters ("công ty Hoàng Long") in `org_lower_heads`.
"""

from __future__ import annotations

import re

from flows.steps.extract import gazetteer, org_lists, org_nouns, org_spans, orgnames, titles
from flows.steps.extract.org_fields import _HEAD_START, NUMBERED_PLACES, _is_capitalised, _overlaps, _words_of
from flows.steps.extract.org_growth import _generic, _org_end
from flows.steps.extract.org_lower_heads import _lower_headed
from flows.steps.extract.org_small_letters import bloc_organs
from flows.steps.extract.paragraphs import is_syllable
from flows.steps.extract.patterns import literal_pattern
from flows.steps.extract.people import ORG_TAIL_WORDS, WORD, capitalised_runs
from flows.steps.extract.roles import TITLE_WORD
from flows.steps.extract.world_bodies import WORLD_BODIES

Span = tuple[int, int, str]
_HEADS = [(head, re.compile(r"(?<!\w)" + re.escape(head) + r"(?!\w)")) for head in orgnames.ORG_HEADS]
_ANY_HEAD = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, orgnames.ORG_HEADS)) + r")(?!\w)")
_CREDIT_BEFORE = re.compile(r"(?:" + "|".join(titles.CREDIT_LABELS) + r")\s*:\s*$")
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
            if (
                not rest
                and head not in orgnames.STANDALONE_ORG_HEADS
                and not _waits_for_next_body(text, name, end)
            ):
                continue  # a bare "Bộ" or "Sở" names no organisation; "Ban Tuyên giáo Tỉnh ủy …" one
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
    """Tell whether a weak head's words name a body: a capitalised word, fields and a number, a district.

    "Đội Công binh", "Đội tuần tra kiểm soát số 4", "Công an quận 10" do; "Đội ngũ", "Phòng họp" do not.
    """
    numbered = len(rest) == 2 and rest[0] in NUMBERED_PLACES and rest[1].isdigit()
    return any(_is_capitalised(w) for w in rest) or (len(rest) >= 3 and rest[-1].isdigit()) or numbered


def _opens_as_required(head: str, rest: list[str]) -> bool:
    """Tell whether a name opens as its head requires: a field after "Vụ", a capital after "Đảng"."""
    if head in orgnames.FIELD_HEADS:
        return len(rest) >= 2 and (rest[0].lower(), rest[1].lower()) in orgnames.NAME_PAIRS
    if head in orgnames.VIETNAMESE_NAME_HEADS and rest and rest[0].isascii() and not is_syllable(rest[0]):
        return False
    if head in orgnames.NAME_FIRST_HEADS:
        return bool(rest) and _is_capitalised(rest[0])
    return True


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
            one_letter = len(run[-1].group()) < 2 and not (match["noun"] == "mạng xã hội" and len(run) == 1)
            if run[0].start() != 0 or len(run) > 4 or one_letter:
                continue  # one letter names nothing, but "mạng xã hội X" names the network once Twitter
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
            if match["noun"] == "nhóm" and written.isupper():
                continue  # "nhóm Tik Tok" is a band; "nhóm AB", "nhóm TTHC" a blood group, a category
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


def find_organisations(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    """Return the organisations of a sentence outside spans already taken; mark them taken."""
    found = _known(text, _KNOWN, taken)
    taken.extend((s, e) for s, e, _ in found)
    grown = _from_heads(text, taken) + _lower_headed(text, taken) + org_nouns.institutions(text, taken)
    grown += org_nouns.numbered_units(text, taken) + bloc_organs(text, taken)
    heads, acronyms = _defined_acronyms(text, sorted(grown))
    taken.extend((s, e) for s, e, _ in heads)
    world = _known(text, _WORLD, taken)
    taken.extend((s, e) for s, e, _ in world)
    found += (
        heads + world + org_spans.named_by_context(text, taken) + org_nouns.reporting_acronyms(text, taken)
    )
    found += org_lists.listed_bodies(text, taken)
    for span in acronyms + _latin_bodies(text, taken):
        if not _overlaps(span[0], span[1], taken):
            found.append(span)
            taken.append((span[0], span[1]))
    # A department's head kept for the body after it ("Ban Tuyên giáo" + "Tỉnh ủy Quảng Nam") names
    # nothing when the two were not merged into one ("Hội đồng Bộ trưởng …": a title came after).
    bare = {(start, end) for start, end, name in grown if _waits_for_next_body(text, name, end)}
    return [span for span in org_spans.merge_nested(text, sorted(found)) if span[:2] not in bare]


def _waits_for_next_body(text: str, name: str, end: int) -> bool:
    """Tell whether a found name is a head alone, kept only for the body named right after it."""
    return (
        name in orgnames.ORG_HEAD_NAMES
        and name not in orgnames.STANDALONE_ORG_HEADS
        and bool(_HEAD_START.match(text, end + 1))
    )


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
