"""Regular expressions over long word lists, shaped as a trie so matching stays fast."""

from __future__ import annotations

import re
from collections.abc import Iterable


def literal_pattern(words: Iterable[str]) -> str:
    """Return a regex source matching any of the words (the longest one at a place), as a trie.

    An alternation of a thousand literals makes `re` try each in turn at every position; a trie
    ("(?:bác sĩ|bác(?: sĩ)?)" as "bác(?: sĩ)?") tries each letter once. Greedy optional branches
    prefer the longer word, so "phó thủ tướng" wins over "phó" wherever both could match.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    """Return the regex source for one trie node's continuations."""
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return ("(?:" + body + ")?") if len(branches) == 1 and len(body) > 1 else body + "?"
    return body
