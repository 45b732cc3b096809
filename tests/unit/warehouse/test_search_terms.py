"""The words PostgreSQL's search is given: tsvector and tsquery literals written from Python."""

import pytest

from warehouse.folding import MATCH_END, MATCH_START
from warehouse.search_terms import marked, query_phrases, tsquery_literal, tsvector_literal


def test_a_title_gives_every_folded_word_its_positions_and_weight_a():
    assert tsvector_literal("Đường ở Hà Nội, đường mới", "folded", title=True) == (
        "'duong':1A,5A 'o':2A 'ha':3A 'noi':4A 'moi':6A"
    )


def test_a_segment_keeps_diacritics_for_exact_search_and_has_no_weight():
    assert tsvector_literal("Đường ở Hà Nội", "exact", title=False) == "'đường':1 'ở':2 'hà':3 'nội':4"


def test_english_is_folded_and_stemmed_as_fts5_porter_stems_it():
    assert tsvector_literal("Đinh disciplined committees", "english", title=False) == (
        "'dinh':1 'disciplin':2 'committe':3"
    )


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE articles; --", "a & b | !c <-> d:*", "\\' \\\\", "(((", "Hà:* & !Nội"],
)
def test_tsquery_syntax_typed_in_a_query_stays_inside_quoted_words(query):
    literal = tsquery_literal(query_phrases(query, "folded"))
    assert literal is not None
    outside_quotes = literal.split("'")[::2]
    assert set("".join(outside_quotes)) <= set("()&<-> ")
    assert not [word for word in literal.split("'")[1::2] if not word.isalnum()]


def test_a_piece_of_the_query_is_a_phrase_and_pieces_must_all_occur():
    assert tsquery_literal(query_phrases("Hà-Nội đường", "folded")) == "('ha' <-> 'noi') & ('duong')"


def test_a_word_too_long_to_index_makes_a_query_that_cannot_match():
    assert tsvector_literal("x" * 3000 + " ngắn", "folded", title=False) == "'ngan':2"
    assert tsquery_literal(query_phrases("x" * 3000, "folded")) is None


def test_marks_go_around_the_original_words_a_folded_phrase_matched():
    found = marked("Thành ủy Hà Nội họp ở Hà Đông", "folded", query_phrases("ha-noi hop", "folded"))
    assert found == f"Thành ủy {MATCH_START}Hà Nội{MATCH_END} {MATCH_START}họp{MATCH_END} ở Hà Đông"
