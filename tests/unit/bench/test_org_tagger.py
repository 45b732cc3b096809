"""The organisation tagger's features, its combination with the rules, and the model shipped with it.

Invented Vietnamese sentences. The features see shapes and the classes of tintuc's own lexicons,
never a word; the combination adds a tagged body only where no rule span lies and only when it
looks like a body; the trained model (bench/org_tagger.json) loads and tags an invented body
that no rule knows.
"""

from bench.org_tagger import (
    TAGS,
    Model,
    extra_organisations,
    looks_like_body,
    names_a_body,
    shipped_model,
    spans_of,
    tag,
)
from bench.tagger_features import classes, features, rule_kinds, shape, tokens


def _row(sentence: str, word: str, spans: list[tuple[int, int, str]] | None = None) -> list[str]:
    """Return the features of one syllable of a sentence."""
    toks = tokens(sentence)
    index = next(i for i, (_, _, w) in enumerate(toks) if w == word)
    return features(sentence, toks, spans or [])[index]


def test_shape_tells_capitals_acronyms_digits_and_foreign_letters_apart() -> None:
    assert shape("Sở") == ["cap"]
    assert set(shape("VNPT")) >= {"cap", "caps", "ascii"}
    assert "digit" in shape("F319") and "foreign" in shape("F319")
    assert shape("sở") == ["lower"]


def test_a_head_of_a_body_is_a_class_over_both_its_syllables_and_any_case() -> None:
    found = classes(["ông", "nói", "Bệnh", "viện", "Đa", "khoa", "và", "bệnh", "viện"])
    assert "B-head" in found[2] and "I-head" in found[3]
    assert "B-head" in found[7]  # small letters: the class is the lexicon's, the case is the shape's
    assert "B-function" in found[6]
    assert not found[1] & {"B-head", "I-head"}  # a verb is no head


def test_a_surname_is_one_only_when_written_with_its_capital() -> None:
    assert "surname" in classes(["Phạm", "Văn", "Tú"])[0]
    assert "surname" not in classes(["phạm", "vi"])[0]


def test_features_hold_no_word_of_the_sentence() -> None:
    sentence = "Hợp tác xã Rau sạch Kiều Mai vừa ký hợp đồng với Siêu thị Bốn Mùa."
    names = {name for row in features(sentence, tokens(sentence), []) for name in row}
    words = {w.casefold() for _, _, w in tokens(sentence)}
    assert not any(part.casefold() in words for name in names for part in name.replace("=", ":").split(":"))


def test_neighbours_and_punctuation_are_features_of_a_syllable() -> None:
    row = _row("Theo Sở Tài chính, ông Lò Văn Páo đã đến.", "chính")
    assert "-2:B-head" in row and "-1:cap" in row and "after=p," in row and "2:cap" in row


def test_a_syllable_inside_a_rule_span_says_which_kind_and_where() -> None:
    sentence = "Bà Hà Thị Nụ gặp Công ty Sen Hồng."
    toks = tokens(sentence)
    kinds = rule_kinds([(3, 12, "person"), (17, 34, "organization")], toks)
    assert (
        kinds
        == ["O", "B-person", "I-person", "I-person", "O", "B-organization", "I-organization"]
        + ["I-organization"] * 2
    )
    assert "rule=B-person" in _row(sentence, "Hà", [(3, 12, "person")])


def test_spans_of_join_begin_and_inside_tags_and_skip_a_stray_inside() -> None:
    toks = tokens("Quỹ Hoa Sen và Quỹ Cúc Vàng")
    tags = ["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert spans_of(tags, toks, "ORG") == [(0, 11), (15, 27)]
    assert spans_of(["I-ORG", "O", "O", "O", "O", "O", "O"], toks, "ORG") == []


def test_a_body_opens_on_a_head_or_is_an_acronym_while_a_person_or_a_lower_case_span_is_none() -> None:
    text = "Quỹ Hoa Sen, XYZT, Nguyễn Văn Nam, quỹ hoa"
    assert looks_like_body(text, 0, 11)
    assert looks_like_body(text, 13, 17)
    assert not looks_like_body(text, 19, 33)
    assert not looks_like_body(text, 35, 42)


def test_the_product_check_wants_a_head_and_a_name_of_its_own() -> None:
    text = "Quỹ Hoa Sen, Ban, Phòng giao, Honda City, XYZT, Ban Quản lý"
    assert names_a_body(text, 0, 11)
    assert not names_a_body(text, 13, 16)  # a lone head
    assert not names_a_body(text, 18, 28)  # a head cut before its name ends
    assert not names_a_body(text, 30, 40)  # a brand before a product
    assert not names_a_body(text, 42, 46)  # an acronym alone
    assert not names_a_body(text, 48, 60)  # a head, all of it, and nothing after


def _always(tag_of: dict[str, str], stacked: tuple[str, ...] = ()) -> Model:
    """Return a hand-made model: each listed feature votes for one tag, a later one more strongly."""
    weights = {
        name: [float(rank) if t == wanted else 0.0 for t in TAGS]
        for rank, (name, wanted) in enumerate(tag_of.items(), 1)
    }
    return Model(weights, {}, stacked)


def test_a_tagged_body_is_added_only_where_no_rule_span_lies() -> None:
    model = _always({"bias": "O", "cap": "I-ORG", "B-head": "B-ORG", "lower": "O", "first": "O"})
    text = "Hôm qua Quỹ Hoa Sen gặp Quỹ Cúc Vàng."
    rule = [(24, 36, "organization")]
    assert [text[s:e] for s, e in extra_organisations(text, rule, model)] == ["Quỹ Hoa Sen"]
    assert [text[s:e] for s, e in extra_organisations(text, [], model)] == ["Quỹ Hoa Sen", "Quỹ Cúc Vàng"]


def test_a_tagged_span_that_does_not_look_like_a_body_is_dropped_unless_asked() -> None:
    model = _always({"bias": "O", "cap": "I-ORG", "surname": "B-ORG", "lower": "O", "first": "O"})
    text = "Hôm qua Trần Văn Bình đến."
    assert extra_organisations(text, [], model) == []
    assert [text[s:e] for s, e in extra_organisations(text, [], model, check="none")] == ["Trần Văn Bình"]


def test_a_line_without_a_capital_never_reaches_the_model() -> None:
    model = _always({"bias": "B-ORG"})
    assert extra_organisations("và thế là hết", [], model, check="none") == []
    assert len(extra_organisations("và Thế là hết", [], model, check="none")) == 4


def test_the_model_sees_only_the_rule_spans_of_the_kinds_it_was_trained_with() -> None:
    text = "Hôm qua Lò Văn Páo đến."
    rule = [(8, 18, "person")]
    votes = {"bias": "O", "rule=B-person": "B-PER", "rule=I-person": "I-PER"}
    assert tag(text, rule, _always(votes, ("person",)))[1] == ["O", "O", "B-PER", "I-PER", "I-PER", "O"]
    assert tag(text, rule, _always(votes, ("location",)))[1] == ["O"] * 6


def test_the_shipped_model_loads_and_tags_an_invented_body_no_rule_knows() -> None:
    model = shipped_model()
    assert model.weights and set(model.stacked) <= {"person", "organization", "location"}
    text = "Hôm qua, Hiệp hội Nuôi Ong Bờ Xanh đã họp cùng ông Lò Văn Páo."
    toks, tags = tag(text, [(text.index("Lò"), len(text) - 1, "person")], model)
    found = [text[s:e] for s, e in spans_of(tags, toks, "ORG")]
    assert found == ["Hiệp hội Nuôi Ong Bờ Xanh"]
    assert tags[0] == "O" and tags[-1] == "I-PER"  # the rules' person, stacked, is read as one
