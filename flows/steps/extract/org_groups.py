"""Group the ways an article writes one organisation, and give the group one name.

"UBND TP.HCM", "UBND TP" and "UBND thành phố"; "Viện Kiểm sát Nhân dân tỉnh Hòa Bình",
"VKSND tỉnh Hòa Bình" and "VKSND"; "Tổ chức Y tế Thế giới" and the "(WHO)" after it are one
body. Forms are compared with abbreviations written out (`orgnames.EXPANSIONS`); a shorter
form that starts a longer one of the same article is the same body, when only one longer form
starts with it; an acronym is the body whose syllables it spells or whose name it follows in
brackets. The body's name is its fullest form, abbreviations written out.
"""

from __future__ import annotations

import unicodedata

from flows.steps.extract import orgnames

_EXTRA = {"HCM": "Hồ Chí Minh", "VN": "Việt Nam"}


def expand(name: str) -> str:
    """Return a name with its abbreviations written out ("UBND TP" → "Ủy ban nhân dân thành phố")."""
    words = []
    for index, word in enumerate(name.split()):
        full = orgnames.EXPANSIONS.get(word) or (_EXTRA.get(word) if index else None) or word
        words.append(full[:1].upper() + full[1:] if index == 0 and full != word else full)
    return " ".join(words)


def key(name: str) -> str:
    """Return the form two names of one body share: written out, case folded, NFC."""
    return unicodedata.normalize("NFC", expand(name)).casefold()


def initials(name: str) -> str:
    """Return the initials of a name's syllables ("Viện Kiểm sát Nhân dân" → "VKSND")."""
    return "".join(word[0] for word in name.split()).upper()


def _acronym_target(acronym: str, names: list[str], pairs: dict[str, str]) -> str | None:
    """Return the name an acronym stands for in the article, if one is clear."""
    if acronym in pairs:
        return pairs[acronym]
    spelled = [
        n
        for n in names
        if n != acronym and initials(expand(n)).startswith(acronym) and len(n.split()) >= len(acronym)
    ]
    return spelled[0] if len(spelled) == 1 else None


def group_names(names: list[str], pairs: dict[str, str] | None = None) -> dict[str, str]:
    """Return, for each organisation name of an article, the fullest form of its group."""
    pairs = pairs or {}
    distinct = list(dict.fromkeys(names))
    parent = {name: name for name in distinct}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb

    by_key: dict[str, str] = {}
    for name in distinct:
        join(name, by_key.setdefault(key(name), name))
    for name in distinct:
        if name.isupper() and " " not in name:
            target = _acronym_target(name, distinct, pairs)
            if target in parent:
                join(name, target)
    for short in sorted(distinct, key=lambda n: -len(key(n))):  # longest first: "UBND TP" joins before "UBND"
        longer = {root(n) for n in distinct if key(n).startswith(key(short) + " ")}
        if len(longer) == 1:
            join(short, longer.pop())
    groups: dict[str, list[str]] = {}
    for name in distinct:
        groups.setdefault(root(name), []).append(name)
    result = {}
    for members in groups.values():
        fullest = max(members, key=lambda n: (len(expand(n).split()), len(n)))
        result.update(dict.fromkeys(members, fullest))
    return result
