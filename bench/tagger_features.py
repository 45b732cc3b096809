"""Describe each syllable of a sentence for the organisation tagger, without its word identity.

A feature is a shape ("capitalised", "all capitals", "has digits", "Latin letters Vietnamese does
not use"), a class one of tintuc's own lexicons gives the syllable or the word it starts or goes on
("head" of a body, "field" of a name, "role" noun, "place", "surname", "given" name, "world" body,
"function" word from a short list written here), the same for the neighbours two either side, the
punctuation around it, and whether the rules already put it inside a person, an organisation or a
place. No feature holds a word of the corpora: a model over them ships no text of the outlets.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from flows.steps.extract import gazetteer, orgnames, role_nouns, titles
from flows.steps.extract.latin_given_names import LATIN_GIVEN_NAMES
from flows.steps.extract.people import WORD
from flows.steps.extract.world_bodies import WORLD_BODIES

Token = tuple[int, int, str]
# Written here, not mined: the little words that bound or join names in news Vietnamese.
_FUNCTION_TEXT = (
    "của và với cho tại ở theo về từ là đã sẽ được bị các những này đó trong ngoài khi nhưng "
    "cũng thì mà để do vì như trên dưới giữa sau trước cùng hay hoặc một nhiều ông bà anh chị"
)
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_VIETNAMESE_LATIN_GAPS = frozenset("fjwzFJWZ")
_NEIGHBOURS = (-2, -1, 1, 2)


def tokens(text: str) -> list[Token]:
    """Return a sentence's syllables as tintuc's rules read them: (start, end, text)."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def shape(word: str) -> list[str]:
    """Return the shape classes of one syllable."""
    found = []
    if word[:1].isupper():
        found.append("cap")
    if len(word) > 1 and word.isupper():
        found.append("caps")
    if word.islower():
        found.append("lower")
    if any(ch.isdigit() for ch in word):
        found.append("digit")
    if any(ch in "-&.'’" for ch in word):
        found.append("joined")
    if word.isascii() and word.isalpha():
        found.append("ascii")
    if any(ch in _VIETNAMESE_LATIN_GAPS for ch in word):
        found.append("foreign")
    return found


def _entries() -> dict[str, Iterable[str]]:
    """Return tintuc's lexicons by the class they give."""
    return {
        "head": orgnames.ORG_HEADS,
        "noun": [*orgnames.ORG_NOUNS, *orgnames.TEAM_NOUNS],
        "field": [" ".join(pair) for pair in orgnames.NAME_PAIRS | orgnames.BODY_PAIRS],
        "legal": orgnames.LEGAL_FORMS,
        "known": orgnames.KNOWN_ORGS,
        "world": WORLD_BODIES,
        "role": [
            *titles.OFFICE_TITLES,
            *titles.ROLE_TITLES,
            *titles.PERSON_TITLES,
            *role_nouns.DERIVED_ROLE_NOUNS,
        ],
        "place": gazetteer.PROVINCES,
        "placehead": gazetteer.PLACE_HEADS,
        "given": LATIN_GIVEN_NAMES,
        "function": FUNCTION_WORDS,
    }


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[tuple[str, ...], frozenset[str]], int]:
    """Return the lexicons as syllable sequences (case folded) → classes, and the longest length."""
    table: dict[tuple[str, ...], set[str]] = {}
    for kind, entries in _entries().items():
        for entry in entries:
            syllables = tuple(w.casefold() for w in WORD.findall(entry))
            if syllables:
                table.setdefault(syllables, set()).add(kind)
    longest = max(len(k) for k in table)
    return {k: frozenset(v) for k, v in table.items()}, longest


def classes(words: list[str]) -> list[set[str]]:
    """Return, for each syllable, the lexicon classes it begins ("B-head") or goes on ("I-head")."""
    table, longest = lexicon()
    folded = [w.casefold() for w in words]
    found: list[set[str]] = [set() for _ in words]
    for i in range(len(words)):
        for length in range(min(longest, len(words) - i), 0, -1):
            kinds = table.get(tuple(folded[i : i + length]))
            if not kinds:
                continue
            for kind in kinds:
                found[i].add("B-" + kind)
                for j in range(i + 1, i + length):
                    found[j].add("I-" + kind)
        if words[i] in gazetteer.SURNAMES:
            found[i].add("surname")
    return found


def _gap(text: str) -> str:
    """Return the class of the characters between two syllables."""
    stripped = text.strip()
    if not stripped:
        return "space" if text else "none"
    return "p" + "".join(sorted({ch if ch in ',.;:()-–"“”' else "o" for ch in stripped}))


def rule_kinds(spans: list[tuple[int, int, str]], toks: list[Token]) -> list[str]:
    """Return for each syllable the kind of the rule span it lies in, with B/I, or "O"."""
    found = []
    for start, end, _ in toks:
        inside = next(((s, kind) for s, e, kind in spans if s <= start and end <= e), None)
        found.append("O" if inside is None else ("B-" if inside[0] == start else "I-") + inside[1])
    return found


def _letter(word: str) -> str:
    """Return one letter for a syllable's shape: A all capitals, C capitalised, d digits, l lower case."""
    if len(word) > 1 and word.isupper():
        return "A"
    if word[:1].isupper():
        return "C"
    return "d" if any(ch.isdigit() for ch in word) else "l"


def features(text: str, toks: list[Token], spans: list[tuple[int, int, str]]) -> list[list[str]]:
    """Return the features of each syllable of a sentence, given the rules' spans (start, end, kind)."""
    words = [w for _, _, w in toks]
    letters = "ee" + "".join(_letter(w) for w in words) + "ee"
    own = [[*shape(w), *c] for w, c in zip(words, classes(words), strict=True)]
    ruled = rule_kinds(spans, toks)
    gaps = [_gap(text[(toks[i - 1][1] if i else 0) : toks[i][0]]) for i in range(len(toks))]
    gaps.append(_gap(text[toks[-1][1] :]) if toks else "none")
    result = []
    for i in range(len(toks)):
        row = ["bias", *own[i], "rule=" + ruled[i], "before=" + gaps[i], "after=" + gaps[i + 1]]
        if i == 0:
            row.append("first")
        row += [
            "pat-2=" + letters[i : i + 3],
            "pat0=" + letters[i + 1 : i + 4],
            "pat2=" + letters[i + 2 : i + 5],
        ]
        row += [
            f"{c}&-1:{p}" for c in own[i] if c[:2] in {"B-", "I-"} for p in (own[i - 1] if i else ["edge"])
        ]
        for offset in _NEIGHBOURS:
            j = i + offset
            if 0 <= j < len(toks):
                row += [f"{offset}:{f}" for f in own[j]]
                row.append(f"{offset}:rule={ruled[j]}")
            else:
                row.append(f"{offset}:edge")
        result.append(row)
    return result
