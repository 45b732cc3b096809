"""Search on a real warehouse (SQLite, PostgreSQL), kept up to date by the load and by stored translations."""

from datetime import date
from unittest import mock

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import parse_document
from flows.steps.validate import validate_records
from warehouse.engine import MIGRATIONS, make_engine, upgrade_to_head
from warehouse.load import load_file
from warehouse.search import SNIPPET_CHARS, SearchError, SearchUnavailable, search, snippet_parts
from warehouse.search_index import rebuild_search_index, refresh_search_index
from warehouse.translations import pending_texts, store_translations

SEED_TITLE = "Hà Nội thí điểm người đứng đầu lựa chọn bổ nhiệm cấp phó của mình"


def load_text(engine, content: str, path: str, sha: str) -> str:
    """Load one article file's text through extraction, validation and the loader; return its id."""
    [document] = parse_document(path, content)
    accepted, rejects = validate_records([extract_article(document, sha, "run1", date(2026, 11, 26))])
    assert rejects == []
    [frames] = accepted.values()
    load_file(engine, content_sha256=sha, source_path=path, run_id="run1", articles=[frames], rejects=[])
    return frames.article_id


@pytest.fixture
def seeded(engine, seed_text):
    load_text(engine, seed_text, "seeds/seed.txt", "a" * 64)
    return engine


def street_article(word: str) -> str:
    return (
        f"Sửa chữa {word} ở Hà Nội\n\n"
        f"Sáng nay, thành phố bắt đầu sửa chữa tuyến {word} dài 5 km ở quận Đống Đa, dự kiến "
        "hoàn thành trong tháng tới.\n"
    )


def articles_found(engine, query: str, **options) -> list[str]:
    return [hit.article_id for hit in search(engine, query, **options)]


def translate_all(engine, english_of) -> None:
    """Store English for every pending text, as `tintuc translate` does."""
    english = {vietnamese: english_of(vietnamese) for vietnamese in pending_texts(engine)}
    store_translations(engine, english, "test-model@1", lambda _vi, _en: "")


@pytest.mark.parametrize("query", ["thanh uy ha noi", "Thành ủy Hà Nội", "THÀNH UỶ HÀ NỘI", "dinh tien dung"])
def test_vietnamese_is_found_with_or_without_diacritics_and_in_any_case(seeded, query):
    [hit] = search(seeded, query)
    assert hit.title_vi == SEED_TITLE and hit.lang == "vi"
    assert hit.outlet == "Tiền Phong" and hit.published_on == date(2022, 7, 13)


def test_the_snippet_marks_the_original_words_that_matched_the_folded_query(seeded):
    [hit] = search(seeded, "thanh uy ha noi dinh tien dung")
    assert "«Thành ủy Hà Nội Đinh Tiến Dũng»" in hit.snippet
    assert hit.segment_id is not None


def test_duong_finds_the_street_written_with_d_stroke(engine):
    street = load_text(engine, street_article("đường"), "a.txt", "a" * 64)
    [hit] = search(engine, "duong")
    assert hit.article_id == street
    assert "«đường»" in hit.snippet


def test_exact_search_matches_only_the_accented_form(engine):
    street = load_text(engine, street_article("đường"), "a.txt", "a" * 64)
    sun = load_text(engine, street_article("dương"), "b.txt", "b" * 64)
    assert sorted(articles_found(engine, "duong")) == sorted([street, sun])
    assert articles_found(engine, "đường", exact=True) == [street]
    assert articles_found(engine, "ĐƯỜNG", exact=True) == [street]  # exact keeps diacritics, not case
    assert articles_found(engine, "duong", exact=True) == []


def test_exact_search_reads_the_newer_tone_placement_as_the_warehouse_writes_it(seeded):
    assert len(search(seeded, "THÀNH UỶ HÀ NỘI", exact=True)) == 1
    assert search(seeded, "thanh uy ha noi", exact=True) == []


def test_a_title_match_ranks_above_a_segment_match(engine):
    body_only = load_text(engine, street_article("đường"), "a.txt", "a" * 64)
    in_title = load_text(
        engine,
        "Quận Đống Đa mở rộng công viên\n\nCông viên rộng thêm 2 ha, người dân vui mừng đón nhận.\n",
        "b.txt",
        "b" * 64,
    )
    hits = search(engine, "Đống Đa")
    assert [hit.article_id for hit in hits] == [in_title, body_only]
    assert hits[0].segment_id is None and hits[1].segment_id is not None


def test_an_article_appears_once_per_language_with_its_best_match(seeded):
    hits = search(seeded, "Hà Nội", lang="vi")
    assert len(hits) == 1  # the title and many segments say Hà Nội
    assert hits[0].segment_id is None


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND",
        "Hà Nội AND",
        "NOT thành",
        "*",
        "thành*",
        "-ủy",
        "title:Hà",
        "NEAR(Hà Nội)",
        "(",
        "^Hà",
        "'; DROP",
    ],
)
def test_search_syntax_in_a_query_is_plain_text_and_never_raises(seeded, query):
    try:
        hits = search(seeded, query)
    except SearchError as error:  # only for a query with no word at all
        assert "nothing to search for" in str(error)
    else:
        assert all(hit.title_vi == SEED_TITLE for hit in hits)


@pytest.mark.parametrize("query", ["", "   ", "***", '" "'])
def test_a_query_without_words_is_a_clear_error(seeded, query):
    with pytest.raises(SearchError, match=r"empty|nothing to search for"):
        search(seeded, query)


def test_a_replaced_article_is_found_by_its_new_text_only(engine, seed_text):
    load_text(engine, seed_text, "seeds/seed.txt", "a" * 64)
    assert articles_found(engine, "Nguyen Hong Nhat")
    changed = seed_text.replace("Nguyễn Hồng Nhật", "Trần Quốc Vượng")
    new_id = load_text(engine, changed, "seeds/seed.txt", "b" * 64)
    assert articles_found(engine, "Nguyen Hong Nhat") == []
    assert articles_found(engine, "Tran Quoc Vuong") == [new_id]
    with engine.connect() as connection:  # the old version left no row in the index
        ids = connection.execute(text("SELECT DISTINCT article_id FROM search_docs")).scalars().all()
    assert ids == [new_id]


def test_stored_translations_make_the_english_searchable_and_stemmed(seeded):
    assert search(seeded, "disciplined", lang="en") == []
    translate_all(seeded, lambda vietnamese: f"The Party will discipline members ({len(vietnamese)}).")
    hits = search(seeded, "disciplined", lang="en")
    assert [hit.lang for hit in hits] == ["en"]
    assert hits[0].title_en and "«discipline»" in hits[0].snippet


def test_both_languages_give_at_most_one_hit_each_per_article(seeded):
    translate_all(seeded, lambda _vietnamese: "Ha Noi pilots a plan for Hanoi.")
    assert sorted(hit.lang for hit in search(seeded, "Hà Nội")) == ["en", "vi"]
    assert [hit.lang for hit in search(seeded, "hanoi")] == ["en"]
    assert [hit.lang for hit in search(seeded, "Hà Nội", lang="vi")] == ["vi"]


def test_limit_keeps_the_best_hits(engine):
    for number, word in enumerate(["đường", "dương", "đương"]):
        load_text(engine, street_article(word), f"{number}.txt", str(number) * 64)
    assert len(search(engine, "duong")) == 3
    assert len(search(engine, "duong", limit=2)) == 2


def test_a_query_word_joined_by_punctuation_is_a_phrase_of_its_words(seeded):
    assert len(search(seeded, "thành-ủy/HÀ.nội")) == 1
    assert search(seeded, "nội-hà") == []  # the words must stand in that order, side by side
    assert len(search(seeded, "nội hà")) == 1  # apart, they may stand anywhere


def test_the_migration_indexes_what_the_warehouse_already_held(seeded):
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with seeded.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    assert [name for name in inspect(seeded).get_table_names() if name.startswith("search")] == []
    upgrade_to_head(seeded)
    assert len(search(seeded, "thanh uy ha noi")) == 1
    assert len(search(seeded, "Thành ủy", exact=True)) == 1


@pytest.fixture
def both_backends(tmp_path, postgres_warehouse_url, seed_text):
    """Return a SQLite and a PostgreSQL warehouse holding the same articles and English."""
    engines = [make_engine(f"sqlite:///{tmp_path / 'w.sqlite'}"), make_engine(postgres_warehouse_url)]
    for engine in engines:
        upgrade_to_head(engine)
        load_text(engine, seed_text, "seeds/seed.txt", "a" * 64)
        for number, word in enumerate(["đường", "dương"]):
            load_text(engine, street_article(word), f"{number}.txt", str(number) * 64)
        translate_all(
            engine, lambda vietnamese: f"The Party disciplined members in Ha Noi ({len(vietnamese)})."
        )
    yield engines
    for engine in engines:
        engine.dispose()


@pytest.mark.parametrize(
    ("query", "options"),
    [
        ("thanh uy ha noi dinh tien dung", {}),
        ("duong", {"lang": "vi"}),
        ("đường", {"exact": True}),
        ("disciplines", {"lang": "en"}),
        ("Hà Nội", {}),
        ("5 km Đống-Đa", {"lang": "vi"}),
    ],
)
def test_sqlite_and_postgresql_find_the_same_rows_and_mark_the_same_words(both_backends, query, options):
    sqlite, postgresql = (
        sorted(
            (hit.article_id, hit.lang, hit.segment_id, hit.snippet)
            for hit in search(engine, query, **options)
        )
        for engine in both_backends
    )
    assert sqlite and postgresql == sqlite


def test_search_on_another_database_says_which_it_needs():
    mysql = mock.Mock()
    mysql.dialect.name = "mysql"
    with pytest.raises(SearchUnavailable, match="needs a SQLite or PostgreSQL warehouse; this one is mysql"):
        search(mysql, "Hà Nội")
    mysql.connect.assert_not_called()


def test_a_long_segment_shows_a_window_around_its_first_match():
    before, after = "chữ " * 100, " chữ" * 100
    original = f"{before}Đường{after}"
    marked = f"{before.lower()}\x02duong\x03{after}".replace("ữ", "u")
    parts = snippet_parts(marked, original, folded=True)
    shown = "".join(piece for piece, _ in parts)
    assert parts[0] == ("…", False) and parts[-1] == ("…", False)
    assert ("Đường", True) in parts
    assert len(shown) <= SNIPPET_CHARS + 2


def test_the_index_is_left_alone_on_a_database_without_one():
    mysql = mock.Mock()
    mysql.dialect.name = "mysql"
    refresh_search_index(mysql, ["7c71cd58ddfc0ad2"])
    rebuild_search_index(mysql)
    mysql.execute.assert_not_called()
