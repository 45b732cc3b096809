"""A sentence longer than the model takes is cut into parts that fit, at clause or word boundaries."""

from hypothesis import given
from hypothesis import strategies as st

from flows.steps.translate.long_sentences import split_to_fit


def at_most(words: int):
    return lambda text: len(text.split()) <= words


def test_a_sentence_that_fits_stays_whole():
    assert split_to_fit("Ông Dũng phát biểu, rồi về.", at_most(10)) == ["Ông Dũng phát biểu, rồi về."]


def test_a_long_sentence_is_cut_after_its_clause_marks_first():
    text = "Ông Dũng đề nghị, nghiên cứu kỹ; xây dựng đề án: thí điểm ngay."
    assert split_to_fit(text, at_most(4)) == [
        "Ông Dũng đề nghị, ",
        "nghiên cứu kỹ; ",
        "xây dựng đề án: ",
        "thí điểm ngay.",
    ]


def test_clauses_are_packed_together_while_they_fit():
    text = "một, hai, ba, bốn, năm, sáu"
    assert split_to_fit(text, at_most(3)) == ["một, hai, ba, ", "bốn, năm, sáu"]


def test_a_clause_too_long_on_its_own_is_cut_between_words():
    text = "ngắn, một hai ba bốn năm sáu bảy"
    assert split_to_fit(text, at_most(3)) == ["ngắn, ", "một hai ba ", "bốn năm sáu ", "bảy"]


def test_a_word_is_never_cut_even_when_it_alone_does_not_fit():
    word = "https://example.vn/" + "x" * 300
    parts = split_to_fit(f"xem {word} nhé", lambda text: len(text) <= 20)
    assert parts == ["xem ", f"{word} ", "nhé"]


words = st.text(alphabet="abcđêơư", min_size=1, max_size=6)
separators = st.sampled_from([" ", "  ", ", ", "; ", ": ", ",", "\n"])


@st.composite
def sentences(draw) -> str:
    pieces = draw(st.lists(st.tuples(words, separators), min_size=1, max_size=40))
    return draw(st.sampled_from(["", " "])) + "".join(w + s for w, s in pieces).rstrip()


def at_most_chars(chars: int):
    return lambda text: len(text) <= chars


@given(
    sentences(), st.sampled_from([at_most(1), at_most(3), at_most(8), at_most_chars(4), at_most_chars(15)])
)
def test_parts_join_back_to_the_sentence_and_each_fits_or_is_one_word(text, fits):
    parts = split_to_fit(text, fits)
    assert "".join(parts) == text
    assert all(part for part in parts)
    assert all(fits(part) or len(part.split()) <= 1 for part in parts)


@given(sentences(), st.integers(min_value=1, max_value=8))
def test_every_cut_falls_after_white_space(text, limit):
    parts = split_to_fit(text, at_most(limit))
    cut = 0
    for part in parts[:-1]:
        cut += len(part)
        assert text[cut - 1].isspace(), (text, parts)
