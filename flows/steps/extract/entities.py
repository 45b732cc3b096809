"""Find the people (with their roles as written), organisations and places of an article.

A generic tagger is not trusted here: underthesea's CRF tags the outlet code "TPO" as a person
and "Đinh Tiến Dũng" as part of a location. People come from rules instead: a capitalised run
that starts with a Vietnamese surname and ends two to four syllables later, whose role is the
title phrase before it ("Bí thư Thành ủy Hà Nội Đinh Tiến Dũng") or after it ("…, bí thư Quận
ủy Quận 2"); a later "ông Dũng" is the same person. Organisations grow from known heads
("Thành ủy", "Ban Chỉ đạo", "Bộ") along the capitalised words that follow. Places come from a
gazetteer of provinces and cities, and from underthesea's tagger where it says LOC of two or
more capitalised words right after a locative word ("ở Phong Điền") that no rule above claims.
The tagger is slow (a CRF word segmenter, POS tagger, chunker and NER in pure-Python feature
code), so it reads only a few words around each such spot, never a whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.steps.extract import gazetteer

PERSON, ORGANIZATION, LOCATION = "person", "organization", "location"
_WORD = re.compile(r"\w+(?:\.\w+)*")
_CLAUSE_BREAK = re.compile(r"[,;:(“\"]|\s[-–]\s|\svà\s|^")
_ROLE_END = re.compile(
    r"[,;:)“\"]|\.(?=\s|$)|\s[-–]\s|\s(?:cho biết|đề nghị|nói|yêu cầu|phát biểu|khẳng định|nhấn mạnh|"
    r"chủ trì|đã|bị (?:bắt|khởi tố|truy tố|cáo buộc)|là|được|và|với|cùng|cũng|giao|kiểm tra)\b"
)
_TITLE = re.compile(r"\b(?:" + "|".join(map(re.escape, gazetteer.ROLE_TITLES)) + r")\b", re.I)
_PLACE_BEFORE = re.compile(r"(?:đường|phố|tỉnh|thành phố|TP\.|quận|huyện)\s$", re.I)
_LOCATIVE_WORDS = r"(?:tại|ở|đến|về|từ|khu vực|vùng|chợ|sông|miền|xã|phường)"
# A locative word, one space, then two words (checked for capitals in code: `re` has no \p{Lu}).
_LOCATIVE_BEFORE_NAME = re.compile(r"\b" + _LOCATIVE_WORDS + r"\s(?=(?P<first>\S+)\s+(?P<second>\S))", re.I)
_SPACED_WORD = re.compile(r"\S+")
_WINDOW_MARGIN = 3
_SHORT_REF = re.compile(r"\b(?:[Ôô]ng|[Bb]à|[Cc]hị|[Aa]nh)\s+(?P<name>[^\W\d_]+)\b(?!\s+[^\W\d_]*[A-ZĐ])")


@dataclass(frozen=True)
class Mention:
    """An entity named in one segment, with the role the text gives a person there."""

    seq: int
    kind: str
    name: str
    role: str | None
    start: int
    end: int


def _is_capitalised(word: str) -> bool:
    """Tell whether a word starts with a capital letter."""
    return word[:1].isupper()


def _capitalised_runs(text: str) -> list[list[re.Match[str]]]:
    """Return the runs of capitalised words separated by single spaces only."""
    runs: list[list[re.Match[str]]] = []
    for match in _WORD.finditer(text):
        if not _is_capitalised(match.group()):
            continue
        if runs and text[runs[-1][-1].end() : match.start()] == " ":
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def _person_in_run(text: str, run: list[re.Match[str]]) -> tuple[int, int] | None:
    """Return the span of the longest surname-led name (2–4 syllables) ending the run."""
    for index, word in enumerate(run):
        size = len(run) - index
        if word.group() not in gazetteer.SURNAMES or not 2 <= size <= 4:
            continue
        start, end = word.start(), run[-1].end()
        name = text[start:end]
        if name in gazetteer.PROVINCES or _PLACE_BEFORE.search(text[max(0, start - 12) : start]):
            return None
        if any(w.group().isupper() and len(w.group()) > 1 for w in run[index:]):
            return None  # acronyms such as "TPO" or "UBND" are not names
        return start, end
    return None


def _role_before(text: str, start: int) -> str | None:
    """Return the title phrase between the clause start and a name, if it opens with a title."""
    clause_start = max(m.end() for m in _CLAUSE_BREAK.finditer(text[:start]))
    clause = text[clause_start:start]
    title = _TITLE.search(clause)
    if not title:
        return None
    role = clause[title.start() :].strip()
    return role if 0 < len(role.split()) <= 12 else None


def _role_after(text: str, end: int) -> str | None:
    """Return the title phrase set off after a name ("…, bí thư Quận ủy Quận 2")."""
    match = re.match(r"\s*(?:,|–|-)\s*", text[end:])
    if not match:
        return None
    rest = text[end + match.end() :]
    if not _TITLE.match(rest):
        return None
    stop = _ROLE_END.search(rest)
    role = rest[: stop.start() if stop else len(rest)].strip()
    return role if 0 < len(role.split()) <= 12 else None


def street_names(texts: list[str]) -> set[str]:
    """Return names used for streets ("đường Lê Duẩn"), which are never people in that article."""
    pattern = re.compile(r"\b(?:đường|phố)\s+((?:[A-ZĐ][^\W\d_]*\s?){2,4})")
    return {match.group(1).strip() for text in texts for match in pattern.finditer(text)}


def find_people(seq: int, text: str, streets: frozenset[str] = frozenset()) -> list[Mention]:
    """Return the people named in full in one sentence, with their roles."""
    mentions = []
    for run in _capitalised_runs(text):
        span = _person_in_run(text, run)
        if span is None or text[span[0] : span[1]] in streets:
            continue
        roles = [role for role in (_role_before(text, span[0]), _role_after(text, span[1])) if role]
        mentions.append(Mention(seq, PERSON, text[span[0] : span[1]], "; ".join(roles) or None, *span))
    return mentions


def find_short_references(seq: int, text: str, people: dict[str, str]) -> list[Mention]:
    """Return "ông Dũng"-style references to people named earlier in the article."""
    mentions = []
    for match in _SHORT_REF.finditer(text):
        full = people.get(match["name"])
        if full:
            mentions.append(Mention(seq, PERSON, full, None, match.start(), match.end()))
    return mentions


def _is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym ("UBND", "T.Ư", "TP.HCM")."""
    return "." in word or (len(word) > 1 and word.isupper())


_ORG_HEAD_START = re.compile(r"(?:" + "|".join(map(re.escape, gazetteer.ORG_HEADS)) + r")(?!\w)")
# One pattern per head, in the gazetteer's order (longest first): a longer head claims its
# words before a shorter one inside it ("Bộ Công an" before "Bộ").
_ORG_HEADS = [(head, re.compile(r"(?<!\w)" + re.escape(head) + r"(?!\w)")) for head in gazetteer.ORG_HEADS]
_PLACE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(map(re.escape, sorted(gazetteer.PROVINCES, key=len, reverse=True)))
    + r"|[Qq]uận \d+)(?!\w)"
)


def _continues_org(text: str, words: list[re.Match[str]], index: int, capitals: int) -> bool:
    """Tell whether word `index` still belongs to the organisation name being grown."""
    word = words[index].group()
    if _ORG_HEAD_START.match(text, words[index].start()):
        return False  # a nested organisation ("… Bộ Công an") is found on its own
    if _is_capitalised(word):
        return True
    if word == "và":  # "Tài nguyên và Môi trường", but not "Thành ủy và các ban"
        return index + 1 < len(words) and _is_capitalised(words[index + 1].group())
    # A lower-case syllable completes a two-syllable word ("Công an", "Y tế", "Chỉ đạo").
    return capitals == 1 and not _is_acronym(words[index - 1].group())


def _org_end(text: str, words: list[re.Match[str]], first: int, taken: list[tuple[int, int]]) -> int:
    """Extend an organisation name over the capitalised words that follow its head."""
    end, index, capitals = words[first - 1].end(), first, 0
    while index < len(words):
        word = words[index]
        if text[end : word.start()] != " " or any(s <= word.start() < e for s, e in taken):
            break
        if not _continues_org(text, words, index, capitals):
            break
        capitals = capitals + 1 if _is_capitalised(word.group()) else 0
        end, index = word.end(), index + 1
    return end


def find_organizations(seq: int, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return organisations that start with a known head, outside spans already taken."""
    mentions: list[Mention] = []
    words = list(_WORD.finditer(text))
    for head, pattern in _ORG_HEADS:
        if head not in text:  # most heads are absent from most sentences: skip the regex
            continue
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            after = next((i for i, w in enumerate(words) if w.start() >= match.end()), len(words))
            end = _org_end(text, words, after, taken) if after else match.end()
            end = max(end, match.end())
            if end == match.end() and head not in gazetteer.STANDALONE_ORG_HEADS:
                continue  # a bare "Bộ" or "Sở" names no organisation
            end = match.start() + len(text[match.start() : end].removesuffix(" và"))
            name = text[match.start() : end]
            mentions.append(Mention(seq, ORGANIZATION, name, None, match.start(), end))
            taken.append((match.start(), end))
    return mentions


def find_places(seq: int, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return gazetteer places and district names outside spans already taken."""
    mentions = []
    claimed = list(taken)  # the regex's own matches never overlap: check only what came before
    for match in _PLACE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in claimed):
            continue
        mentions.append(Mention(seq, LOCATION, match.group(), None, match.start(), match.end()))
        taken.append(match.span())
    return mentions


def tagger_tags(text: str) -> list[tuple[str, str]]:
    """Return underthesea's (token, NER tag) pairs for a piece of text."""
    from underthesea import ner  # slow to import; only needed once a candidate turns up

    return [(token, tag) for token, _pos, _chunk, tag in ner(text)]


def locative_candidates(text: str, taken: list[tuple[int, int]]) -> list[int]:
    """Return where two capitalised words no rule claimed follow a locative word ("ở Phong Điền").

    Only there can the tagger's answer be kept (see `find_tagged_places`), so every other
    sentence is never tagged.
    """
    return [
        match.end()
        for match in _LOCATIVE_BEFORE_NAME.finditer(text)
        if match["first"][:1].isupper()
        and match["second"].isupper()
        and not any(s <= match.end() < e for s, e in taken)
    ]


def _tagging_window(text: str, start: int) -> tuple[int, int]:
    """Return the span the tagger reads for a candidate: the capitalised run and a few words around it.

    The tagger's features reach two tokens either side; three words of margin gave the same
    places as whole sentences on every candidate of ../shared/corpus and corpus-dev, at a
    fifth of the cost.
    """
    words = list(_SPACED_WORD.finditer(text))
    first = next(index for index, word in enumerate(words) if word.start() == start)
    last = first
    while last + 1 < len(words) and _is_capitalised(words[last + 1].group()):
        last += 1
    low = max(0, first - 1 - _WINDOW_MARGIN)
    high = min(len(words) - 1, last + _WINDOW_MARGIN)
    return words[low].start(), words[high].end()


def _tagged_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans the tagger calls places, capitalised and no codes, B- and I- parts joined."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for token, tag in tagger_tags(text):
        start = text.find(token, cursor)
        if start < 0:
            continue
        cursor = start + len(token)
        words = token.split()
        if not tag.endswith("LOC") or not all(_is_capitalised(w) for w in words):
            continue
        if any(_is_acronym(w) or any(ch.isdigit() for ch in w) for w in words):
            continue  # "XVII", "BVĐK", "QĐ-C01-P4": codes the tagger takes for places
        span = (start, start + len(token))
        if tag.startswith("I-") and spans and text[spans[-1][1] : start] == " ":
            span = (spans.pop()[0], span[1])
        spans.append(span)
    return spans


def find_tagged_places(seq: int, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return multi-word places right after a locative word that the tagger finds and no rule claimed.

    The tagger also says LOC of people ("Rowan Atkinson") and of sentence-initial words, so
    only multi-word places that a locative word introduces ("ở Los Angeles") are kept; it is
    run on a small window around each such spot, never on a whole sentence.
    """
    mentions: list[Mention] = []
    for candidate in locative_candidates(text, taken):
        low, high = _tagging_window(text, candidate)
        for start, end in _tagged_spans(text[low:high]):
            start, end = start + low, end + low
            if start != candidate or " " not in text[start:end]:
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            mentions.append(Mention(seq, LOCATION, text[start:end], None, start, end))
    taken.extend((m.start, m.end) for m in mentions)
    return mentions


def find_mentions(sentences: list[tuple[int, str]]) -> list[Mention]:
    """Return every person, organisation and place mention of an article's sentences."""
    people: dict[str, str] = {}
    mentions: list[Mention] = []
    streets = frozenset(street_names([text for _, text in sentences]))
    for seq, text in sentences:
        found = find_people(seq, text, streets)
        people.update({m.name.split()[-1]: m.name for m in found})
        found += find_short_references(seq, text, people)
        taken = [(m.start, m.end) for m in found]
        found += find_organizations(seq, text, taken)
        found += find_places(seq, text, taken)
        found += [
            Mention(seq, LOCATION, m.group(), None, *m.span())
            for street in streets
            for m in re.finditer(re.escape(street), text)
            if not any(s < m.end() and m.start() < e for s, e in taken)
        ]
        taken += [(m.start, m.end) for m in found if m.kind == LOCATION]
        found += find_tagged_places(seq, text, taken)
        mentions += found
    return mentions
