"""Find the people (with their roles as written), organisations and places of an article.

A generic tagger is not trusted here: underthesea's CRF tags the outlet code "TPO" as a person
and "Đinh Tiến Dũng" as part of a location. People come from rules instead (see `people`,
`roles` and `coreference`): names as Vietnamese and foreign news write them, each with the role
the sentence gives, short names resolved to the full name met in the same article.
Organisations come from `organisations` (heads, acronyms, known bodies, Latin-script names) and
are grouped per article into one entity per body (`org_groups`). Places come from a gazetteer of
provinces, cities and countries, from streets ("đường Lê Duẩn"), and from underthesea's tagger
where it says LOC of two or more capitalised words right after a locative word ("ở Phong
Điền") that no rule above claims. The tagger is slow (a CRF word segmenter, POS tagger, chunker
and NER in pure-Python feature code), so it reads only a few words around each such spot,
never a whole sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.steps.extract import gazetteer
from flows.steps.extract.coreference import find_people
from flows.steps.extract.org_groups import group_names
from flows.steps.extract.organisations import find_organisations
from flows.steps.extract.people import capitalised_runs
from flows.steps.extract.places import headed_places

PERSON, ORGANIZATION, LOCATION = "person", "organization", "location"
_LOCATIVE_WORDS = r"(?:tại|ở|đến|về|từ|khu vực|vùng|chợ|sông|miền|xã|phường)"
# A locative word, one space, then two words (checked for capitals in code: `re` has no \p{Lu}).
_LOCATIVE_BEFORE_NAME = re.compile(r"\b" + _LOCATIVE_WORDS + r"\s(?=(?P<first>\S+)\s+(?P<second>\S))", re.I)
_SPACED_WORD = re.compile(r"\S+")
_WINDOW_MARGIN = 3
_PLACE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        map(re.escape, sorted(gazetteer.PROVINCES | gazetteer.AMBIGUOUS_PLACES, key=len, reverse=True))
    )
    + r"|[Qq]uận \d+)(?!\w)"
)
_ASKS_FOR_PLACE = re.compile(r"(?:nước|tại|ở|sang|đến|từ|về|đi|thành phố|TP\.?)\s$")
_STREET_HEAD = re.compile(
    r"(?<!\w)(?:" + "|".join(gazetteer.STREET_HEADS) + r")\s(?:(?:khác\s)?(?:như|gồm|là)\s)?(?=[A-ZĐ])"
)
_LIST_GAP = re.compile(r"^(?:\s*\([^()]*\))?\s*(?:,|;|và|-|–)?\s*$")
_HOUSE_NUMBER = re.compile(r"(?:^|\s)(?:số\s)?\d+(?:-\d+)*[A-Z]?\s$")


@dataclass(frozen=True)
class Mention:
    """An entity named in one segment, with the role the text gives a person there.

    `name` is the entity's name (a person's full name, an organisation as written there);
    `written` the form the sentence uses when it differs; `entity` the name of the entity an
    organisation's form belongs to in this article, when it differs.
    """

    seq: int
    kind: str
    name: str
    role: str | None
    start: int
    end: int
    written: str = ""
    entity: str = ""


def _is_capitalised(word: str) -> bool:
    """Tell whether a word starts with a capital letter."""
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym ("UBND", "T.Ư", "TP.HCM")."""
    return "." in word or (len(word) > 1 and word.isupper())


def _street_list(text: str, head_end: int) -> list[str]:
    """Return the names listed after a street head ("đường A, B (quận 2) và C")."""
    names, cursor = [], head_end
    for run in capitalised_runs(text):
        start = run[0].start()
        if start < cursor:
            continue
        gap = text[cursor:start]
        if "(" in gap and ")" not in gap:
            continue  # a name in brackets after a street is its district: "(quận Thủ Đức)"
        if start != head_end and not _LIST_GAP.match(gap):
            break
        words = [w.group() for w in run]
        if len(words) > 5:
            break
        names.append(" ".join(words))
        cursor = run[-1].end()
    return names


def street_names(texts: list[str]) -> set[str]:
    """Return names used for streets ("đường Lê Duẩn", "282 Nguyễn Huy Tưởng"): no people there."""
    names: set[str] = set()
    for text in texts:
        for head in _STREET_HEAD.finditer(text):
            names.update(n for n in _street_list(text, head.end()) if " " in n)
        for run in capitalised_runs(text):
            before = text[max(0, run[0].start() - 16) : run[0].start()]
            house = _HOUSE_NUMBER.search(before[-12:]) and not gazetteer.COUNTED_NUMBER.search(before)
            if 2 <= len(run) <= 4 and run[0].group() in gazetteer.SURNAMES and house:
                names.add(" ".join(w.group() for w in run))
    return names


def find_places(seq: int, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Return gazetteer places and district names outside spans already taken."""
    mentions = []
    claimed = list(taken)  # the regex's own matches never overlap: check only what came before
    for match in _PLACE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in claimed):
            continue
        if match.group() in gazetteer.AMBIGUOUS_PLACES and not _ASKS_FOR_PLACE.search(text[: match.start()]):
            continue  # "ông Đức", "Anh cho biết": a name or a pronoun, not a country
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


def _street_mentions(
    seq: int, text: str, streets: frozenset[str], taken: list[tuple[int, int]]
) -> list[Mention]:
    """Return the article's street names met in a sentence, outside spans already taken."""
    found = []
    for street in streets:
        for match in re.finditer(re.escape(street), text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                found.append(Mention(seq, LOCATION, match.group(), None, *match.span()))
                taken.append(match.span())
    return found


def find_mentions(sentences: list[tuple[int, str]]) -> list[Mention]:
    """Return every person, organisation and place mention of an article's sentences."""
    streets = frozenset(street_names([text for _, text in sentences]))
    people = find_people(sentences, streets)
    mentions: list[Mention] = []
    for seq, text in sentences:
        found = [
            Mention(seq, PERSON, p.name, p.role, p.start, p.end, p.written if p.written != p.name else "")
            for p in people
            if p.seq == seq
        ]
        taken = [(m.start, m.end) for m in found]
        found += [Mention(seq, ORGANIZATION, n, None, s, e) for s, e, n in find_organisations(text, taken)]
        found += _street_mentions(seq, text, streets, taken)
        headed = headed_places(text, taken)
        taken += headed
        found += [Mention(seq, LOCATION, text[s:e], None, s, e) for s, e in headed]
        found += find_places(seq, text, taken)
        found += find_tagged_places(seq, text, taken)
        mentions += found
    groups = group_names([m.name for m in mentions if m.kind == ORGANIZATION])
    return [
        Mention(m.seq, m.kind, m.name, m.role, m.start, m.end, m.written, groups.get(m.name, ""))
        if m.kind == ORGANIZATION and groups.get(m.name, m.name) != m.name
        else m
        for m in mentions
    ]
