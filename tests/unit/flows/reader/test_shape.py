"""How the reader shapes warehouse rows: names marked, flags explained, links and charts made safe."""

from hypothesis import given
from hypothesis import strategies as st

from flows.reader.shape import (
    FLAG_MEANINGS,
    Part,
    clickable_url,
    fact_bars,
    mark_names,
    marked,
    paragraphs,
    parse_flags,
)
from schemas.segments import QUALITY_FLAGS


def test_a_longer_name_is_marked_before_the_shorter_name_inside_it():
    parts, found = mark_names(
        "Thành ủy Hà Nội họp ở Hà Nội.",
        [("Hà Nội", "loc", "location"), ("Thành ủy Hà Nội", "org", "organization")],
    )
    assert parts == [
        Part("Thành ủy Hà Nội", "org", "organization"),
        Part(" họp ở "),
        Part("Hà Nội", "loc", "location"),
        Part("."),
    ]
    assert found == {"org", "loc"}


@given(st.text(), st.lists(st.tuples(st.text(max_size=5), st.sampled_from(["a", "b"]), st.just("person"))))
def test_marking_names_never_loses_or_adds_text(text, names):
    parts, _ = mark_names(text, names)
    assert "".join(part.text for part in parts) == text


def test_every_quality_flag_has_a_meaning_for_the_reader():
    assert set(FLAG_MEANINGS) == set(QUALITY_FLAGS)


def test_flags_are_split_and_explained():
    flags = parse_flags("number_missing: 15/6, 3,5%; repetition: hợp hợp hợp")
    assert [(f.name, f.detail) for f in flags] == [
        ("number_missing", "15/6, 3,5%"),
        ("repetition", "hợp hợp hợp"),
    ]
    assert flags[0].meaning == FLAG_MEANINGS["number_missing"]
    assert parse_flags("") == [] and parse_flags(None) == []


def test_a_mention_whose_name_is_not_in_the_sentence_is_kept_beside_it():
    segments = [
        {
            "seq": 1,
            "paragraph_no": 0,
            "kind": "title",
            "text_vi": "Ông Dũng phát biểu",
            "text_en": None,
            "quality_flags": None,
        },
        {"seq": 2, "paragraph_no": 1, "kind": "lead", "text_vi": "A.", "text_en": "A.", "quality_flags": ""},
    ]
    mention = {"seq": 1, "entity_id": "e1", "kind": "person", "name_vi": "Đinh Tiến Dũng", "name_en": None}
    title, lead = paragraphs(segments, [mention])
    assert title.kind == "title" and title.sentences[0].en is None
    assert title.sentences[0].unplaced == [mention]
    assert lead.sentences[0].unplaced == []


def test_only_http_and_https_links_are_clickable():
    assert clickable_url("https://tuoitre.vn/a.htm") == "https://tuoitre.vn/a.htm"
    assert clickable_url("http://dantri.com.vn/x") == "http://dantri.com.vn/x"
    for hostile in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>",
        "//evil/x",
        "",
        None,
    ]:
        assert clickable_url(hostile) is None


def test_a_breakdown_is_drawn_as_shares_of_its_total():
    facts = [
        {"fact_id": "t", "parent_fact_id": None, "value": 359.0, "denominator": None},
        {"fact_id": "a", "parent_fact_id": "t", "value": 254.0, "denominator": None},
        {"fact_id": "b", "parent_fact_id": "t", "value": 105.0, "denominator": None},
        {"fact_id": "s", "parent_fact_id": None, "value": 81.0, "denominator": 84.0},
    ]
    total, share = fact_bars(facts)
    assert [round(p["percent"], 1) for p in total["parts"]] == [70.8, 29.2]
    assert round(share["percent"], 1) == 96.4 and share["parts"] == []


def test_search_snippets_are_split_at_their_markers_and_keep_unmatched_brackets_as_text():
    assert marked("thành ủy [Hà Nội] họp", "[", "]") == [
        ("thành ủy ", False),
        ("Hà Nội", True),
        (" họp", False),
    ]
    assert marked("a [b", "[", "]") == [("a ", False), ("[b", False)]
