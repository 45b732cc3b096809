"""Story terms, their weights, and where an article goes: join, start, or merge two stories."""

from collections import Counter

from flows.steps.stories.decide import JOIN_SIMILARITY, MERGE_SIMILARITY, average_link, place
from flows.steps.stories.terms import TOP_TERMS, headline, story_terms, term_id, weighted
from flows.steps.stories.text import text_words


def test_a_short_site_or_section_tail_is_cut_from_the_headline_and_a_long_one_kept():
    assert headline("Bắn chết người - Tin tức mới nhất 24h qua") == "Bắn chết người"
    assert headline("Đổ xô mua giỏ tre ở chợ Viềng | Cafe Bệt") == "Đổ xô mua giỏ tre ở chợ Viềng"
    long_tail = "Tai nạn liên hoàn - bốn ôtô tông nhau trên cao tốc, ba người bị thương nặng"
    assert headline(long_tail) == long_tail
    assert headline("Không có gạch nối") == "Không có gạch nối"


def test_story_terms_are_syllables_and_syllable_pairs_with_the_title_counted_more():
    counts = story_terms("Cháy chợ", text_words(["Chợ cháy lớn."]))
    assert counts["cháy_chợ"] == 5 and counts["chợ_cháy"] == 1
    assert counts["chợ"] == 5 + 1 and counts["lớn"] == 1


def test_weights_favour_rare_terms_and_make_a_unit_vector_of_at_most_top_terms():
    counts = Counter({f"word{index}": 1 for index in range(300)} | {"common": 3})
    documents = {"common": 999} | {f"word{index}": 1 + index for index in range(300)}
    vector = weighted(counts, documents, total=1000)
    assert len(vector) == TOP_TERMS
    assert "common" not in vector  # in almost every document: the least telling term
    assert vector["word0"] > vector["word99"]
    assert abs(sum(weight * weight for weight in vector.values()) - 1) < 1e-9


def test_a_term_seen_in_every_document_weighs_little_and_an_empty_article_has_no_vector():
    vector = weighted(Counter({"là": 4, "avdeevka": 1}), {"là": 10, "avdeevka": 1}, total=10)
    assert vector["avdeevka"] > 10 * vector["là"]
    assert weighted(Counter(), {}, total=10) == {}


def test_term_ids_are_stable_64_bit_and_never_zero():
    assert term_id("cao_tốc") == term_id("cao_tốc") != term_id("cao tốc")
    assert -(2**63) <= term_id("cao_tốc") < 2**63
    assert all(term_id(f"t{index}") != 0 for index in range(1000))


def test_an_article_close_to_no_story_starts_one():
    assert place({}).story_id is None
    assert place({"s1": JOIN_SIMILARITY / 2}).story_id is None


def test_an_article_joins_the_story_it_is_closest_to():
    decided = place({"s1": (JOIN_SIMILARITY + MERGE_SIMILARITY) / 2, "s2": JOIN_SIMILARITY * 3})
    assert decided.story_id == "s2"
    assert decided.similarity == JOIN_SIMILARITY * 3
    assert decided.merged == []


def test_an_article_close_to_two_stories_merges_the_second_into_the_first():
    decided = place({"s1": MERGE_SIMILARITY * 2, "s2": MERGE_SIMILARITY * 1.2, "s3": JOIN_SIMILARITY})
    assert decided.story_id == "s1"
    assert decided.merged == ["s2"]  # s3 is too far to merge: it stays a story of its own


def test_average_link_divides_by_the_whole_story_so_one_close_member_of_many_is_not_enough():
    # One member at 0.3 in a story of ten: 0.03, below the join threshold; alone it would join.
    similarities = average_link({"big": 0.3, "small": 0.3}, {"big": 10, "small": 1})
    assert similarities["big"] < JOIN_SIMILARITY < similarities["small"]
    assert place(similarities).story_id == "small"
