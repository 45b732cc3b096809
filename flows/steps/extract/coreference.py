"""Resolve the short names of an article to the full names it gives (within-article coreference).

News names a person in full once ("Bí thư Thành ủy Đinh Tiến Dũng", "Tổng thống Vladimir Putin")
and then by the given name ("ông Dũng", "bị can Khiếu"), the last two syllables ("Thiên Nhất")
or, for foreigners, the surname ("ông Putin", "Carlson cho biết"). A short name is resolved to
the full name with that ending met nearest before it (or after it, when the short form comes
first); one with no full name stays a person as written ("chị Hoa").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flows.steps.extract import gazetteer
from flows.steps.extract.latin_given_names import LATIN_GIVEN_NAMES
from flows.steps.extract.people import NameSpan, capitalised_runs, find_names
from flows.steps.extract.roles import role_after, role_before, role_label, role_set_before


@dataclass(frozen=True)
class PersonMention:
    """A person named in one sentence: the full name, the form written, and the role given there."""

    seq: int
    name: str
    written: str
    role: str | None
    start: int
    end: int


def short_forms(name: str) -> set[str]:
    """Return the forms a full name may be shortened to later ("Đinh Tiến Dũng" → "Dũng", "Tiến Dũng")."""
    words = name.split()
    forms = {words[-1]}
    if words[0] in gazetteer.SURNAMES and len(words) >= 3:
        forms.add(" ".join(words[-2:]))
        forms.add(" ".join(words[1:]))
    return forms


def _full_names(found: dict[int, list[NameSpan]], repeated: set[str]) -> list[tuple[int, int, str]]:
    """Return (seq, start, name) of the article's full names, foreign ones only when confirmed.

    A foreign name the sentence does not mark as a person counts when its surname comes back
    alone elsewhere in the article, after an honorific or twice on its own ("ông Atkinson",
    "Faz nhớ lại … Faz bắt đầu"), or when it is two words opening with a common given name. One
    that ends on a country or a province is a thing of that place, not a person ("thiết giáp
    Bradley Ukraine", "Ford Việt Nam"), unless the sentence marks it as one.
    """
    shorts = {span.name for spans in found.values() for span in spans if not span.full}
    return [
        (seq, span.start, span.name)
        for seq, spans in found.items()
        for span in spans
        if span.full
        and (
            span.confirmed
            or (
                not _ends_on_place(span.name)
                and (span.name.split()[-1] in shorts | repeated or _given_first(span.name))
            )
        )
    ]


def _ends_on_place(name: str) -> bool:
    """Tell whether a foreign name's last one or two words are a country or a province."""
    words = name.split()
    return any(len(words) > n and " ".join(words[-n:]) in gazetteer.PROVINCES for n in (1, 2))


def _given_first(name: str) -> bool:
    """Tell whether a two-word Latin name opens with a common given name ("Alex Morgan", "Josh Davis")."""
    words = name.split()
    return len(words) == 2 and name.isascii() and words[0] in LATIN_GIVEN_NAMES


def _resolve(seq: int, start: int, short: str, full: list[tuple[int, int, str]]) -> str | None:
    """Return the full name a short form stands for: the nearest before it, else the first after."""
    matches = [(s, p, name) for s, p, name in full if short in short_forms(name)]
    before = [m for m in matches if (m[0], m[1]) < (seq, start)]
    if before:
        return max(before)[2]
    return min(matches)[2] if matches else None


def _bare_short_names(seq: int, text: str, keys: set[str], taken: list[NameSpan]) -> list[NameSpan]:
    """Return capitalised runs that are exactly a known short form ("Sơn báo cáo", "Carlson tới")."""
    found = []
    for run in capitalised_runs(text):
        written = " ".join(w.group() for w in run)
        start, end = run[0].start(), run[-1].end()
        if written in keys and not any(t.start < end and start < t.end for t in taken):
            found.append(NameSpan(start, end, written, False))
    return found


def find_people(sentences: list[tuple[int, str]], streets: frozenset[str]) -> list[PersonMention]:
    """Return every person mention of an article, short names resolved, with the roles given."""
    texts = dict(sentences)
    found = {seq: find_names(text, streets) for seq, text in sentences}
    alone = Counter(
        " ".join(w.group() for w in run)
        for _, text in sentences
        for run in capitalised_runs(text)
        if len(run) == 1
    )
    full = _full_names(found, {word for word, count in alone.items() if count >= 2})
    keys = {form for _, _, name in full for form in short_forms(name)}
    mentions = []
    for seq, text in sentences:
        spans = [s for s in found[seq] if not s.full or (seq, s.start, s.name) in full]
        spans += _bare_short_names(seq, text, keys, found[seq])
        for span in spans:
            name = span.name if span.full else _resolve(seq, span.start, span.name, full)
            if name is None and span in found[seq]:
                name = span.name  # "chị Hoa": no full name to resolve to
            if name is None:
                continue
            text = texts[seq]
            before = (
                role_before(text, span.start)
                or role_set_before(text, span.start)
                or role_label(text, span.start)
            )
            roles = [r for r in (before, role_after(text, span.end)) if r]
            mentions.append(
                PersonMention(seq, name, span.name, "; ".join(roles) or None, span.start, span.end)
            )
    return mentions
