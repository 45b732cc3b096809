"""A trie-shaped pattern over a word list matches what the plain alternation, longest first, matches."""

import re

from hypothesis import given
from hypothesis import strategies as st

from flows.steps.extract.patterns import literal_pattern

_WORDS = st.lists(st.text(alphabet="abạ ", min_size=1, max_size=5), min_size=1, max_size=8)


@given(words=_WORDS, text=st.text(alphabet="abạ ", max_size=12))
def test_the_trie_finds_the_same_longest_word_as_an_alternation_longest_first(words, text):
    plain = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    trie = re.compile(literal_pattern(words))
    assert [trie.match(text, i) and trie.match(text, i).group() for i in range(len(text))] == [
        plain.match(text, i) and plain.match(text, i).group() for i in range(len(text))
    ]


def test_a_longer_title_wins_over_its_prefix():
    pattern = re.compile(literal_pattern(["phó", "phó thủ tướng", "thủ tướng"]))
    assert pattern.match("phó thủ tướng Lê").group() == "phó thủ tướng"
    assert pattern.match("phó giám đốc").group() == "phó"
