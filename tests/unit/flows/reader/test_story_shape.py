"""A story page's columns: originals in time order, each copy folded under its original."""

from flows.reader.story_shape import headline, timeline


def row(article_id, seen, duplicate_of=None, placed_at=None):
    return {
        "article_id": article_id,
        "seen": seen,
        "duplicate_of": duplicate_of,
        "placed_at": placed_at or f"2024-02-18 0{len(article_id)}:00",
        "title_vi": f"Tin {article_id}",
    }


def test_copies_fold_under_their_original_and_originals_keep_their_order():
    articles = [row("a", "2024-02-17"), row("c", "2024-02-18", duplicate_of="a"), row("b", "2024-02-19")]
    cards = timeline(articles, [])
    assert [card["article_id"] for card in cards] == ["a", "b"]
    assert [copy["article_id"] for copy in cards[0]["copies"]] == ["c"]
    assert cards[1]["copies"] == []


def test_a_copy_whose_original_is_in_another_story_stands_as_a_column():
    cards = timeline([row("x", "2024-02-18", duplicate_of="gone")], [])
    assert [card["article_id"] for card in cards] == ["x"]


def test_a_lead_is_english_only_when_every_sentence_has_english():
    leads = [
        {"article_id": "a", "text_vi": "Một.", "text_en": "One."},
        {"article_id": "a", "text_vi": "Hai.", "text_en": None},
        {"article_id": "b", "text_vi": "Ba.", "text_en": "Three."},
    ]
    cards = timeline([row("a", "2024-02-17"), row("b", "2024-02-18")], leads)
    assert cards[0]["lead"] == {"vi": "Một. Hai.", "en": None}
    assert cards[1]["lead"] == {"vi": "Ba.", "en": "Three."}


def test_the_head_of_a_story_is_its_first_placed_original_never_a_copy():
    articles = [
        row("copy", "2024-02-16", duplicate_of="late", placed_at="2024-02-18 01:00"),
        row("late", "2024-02-18", placed_at="2024-02-18 02:00"),
        row("early", "2024-02-17", placed_at="2024-02-18 03:00"),
    ]
    assert headline(articles)["article_id"] == "late"
