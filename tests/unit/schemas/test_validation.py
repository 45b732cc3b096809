import unicodedata
from datetime import date

from flows.steps.extract.article import extract_article
from flows.steps.ingest.formats import parse_document
from flows.steps.records import ArticleRecords
from flows.steps.validate import validate_records, validate_tables

TODAY = date(2026, 11, 26)
SHA = "0" * 64


def seed_records(seed_text, path="seeds/seed.txt") -> ArticleRecords:
    """Return the seed's records; another path gets another article (its title says which copy)."""
    title, rest = seed_text.split("\n", 1)
    text = seed_text if path == "seeds/seed.txt" else f"{title} ({path})\n{rest}"
    [document] = parse_document(path, text)
    records = extract_article(document, SHA, "run1", TODAY)
    assert isinstance(records, ArticleRecords)
    return records


def test_the_seed_passes_every_schema(seed_text):
    accepted, rejects = validate_records([seed_records(seed_text)])
    assert rejects == []
    [frames] = accepted.values()
    assert len(frames.segments) == 17 and len(frames.facts) == 12


def test_a_bad_segment_rejects_its_whole_article_but_not_the_others(seed_text):
    bad = seed_records(seed_text, "bad.txt")
    bad.segments[3]["text_vi"] = unicodedata.normalize("NFD", bad.segments[3]["text_vi"])
    bad.segments[5]["kind"] = "sidebar"
    good = seed_records(seed_text, "good.txt")
    accepted, rejects = validate_records([bad, good])
    assert list(accepted) == [good.article_id]
    assert {(r.source_path, r.table_name, r.check_name) for r in rejects} == {
        ("bad.txt", "articles", "article_complete"),
        ("bad.txt", "segments", "nfc"),
        ("bad.txt", "segments", "isin(('title', 'lead', 'paragraph', 'caption'))"),
    }


def test_a_gap_in_the_reading_order_is_caught(seed_text):
    records = seed_records(seed_text)
    del records.segments[4]
    _, rejects = validate_records([records])
    assert "seq_without_gaps" in {r.check_name for r in rejects}


def test_an_implausible_date_rejects_the_article(seed_text):
    records = seed_records(seed_text)
    records.article["published_on"] = date(2099, 1, 1)
    accepted, rejects = validate_records([records])
    assert accepted == {}
    assert [(r.table_name, r.check_name) for r in rejects] == [("articles", "plausible_date")]


def test_a_breakdown_that_does_not_add_up_drops_that_fact_only(seed_text):
    records = seed_records(seed_text)
    total = next(f for f in records.facts if f["label_vi"] == "đảng viên")
    total["value"] = 360.0
    accepted, rejects = validate_records([records])
    [frames] = accepted.values()
    kept = set(frames.facts["fact_id"])
    assert total["fact_id"] not in kept
    assert not any(f["parent_fact_id"] == total["fact_id"] for f in frames.facts.to_dict("records"))
    assert len(kept) == 12 - 5
    assert {r.check_name for r in rejects} == {"breakdown_sums_to_total"}
    assert len(frames.segments) == 17  # the article itself still loads


def test_empty_text_is_rejected_with_the_check_that_failed(seed_text):
    records = seed_records(seed_text)
    records.mentions[0]["role_vi"] = unicodedata.normalize("NFD", "Bí thư")
    records.removed[0]["text"] = unicodedata.normalize("NFD", "Ảnh 1")
    records.facts[0]["label_vi"] = "  "
    _, rejects = validate_records([records])
    assert {(r.table_name, r.check_name) for r in rejects} == {
        ("mentions", "nfc"),
        ("removed", "nfc"),
        ("facts", "not_blank"),
    }


def test_a_failing_breakdown_part_takes_its_total_and_siblings_with_it(seed_text):
    records = seed_records(seed_text)
    part = next(f for f in records.facts if f["label_vi"] == "cách chức")
    part["label_vi"] = " "
    accepted, rejects = validate_records([records])
    [frames] = accepted.values()
    assert "đảng viên" not in set(frames.facts["label_vi"])
    assert len(frames.facts) == 12 - 5
    checks = sorted((r.table_name, r.check_name) for r in rejects)
    assert checks == [("facts", "breakdown_complete")] * 4 + [("facts", "not_blank")]


def test_an_entity_reject_names_the_file_it_came_from(seed_text):
    records = seed_records(seed_text, "seeds/named.txt")
    records.entities[0]["name_vi"] = unicodedata.normalize("NFD", "Thành ủy Hà Nội")
    _, rejects = validate_records([records])
    assert [(r.source_path, r.table_name, r.check_name) for r in rejects] == [
        ("seeds/named.txt", "entities", "nfc")
    ]


def test_a_record_without_a_title_is_rejected_saying_so():
    import json

    [document] = parse_document("t.json", json.dumps({"title": "", "text": "Có 5 người."}))
    reject = extract_article(document, SHA, "run1", TODAY)
    assert (reject.check_name, reject.failure) == (
        "article_has_title",
        "no title: the record's title is empty",
    )


def test_table_frames_hold_exactly_the_rows_of_the_accepted_articles(seed_text):
    bad = seed_records(seed_text, "bad.txt")
    bad.segments[5]["kind"] = "sidebar"
    good = seed_records(seed_text, "good.txt")
    tables, table_rejects = validate_tables([bad, good])
    articles, rejects = validate_records([bad, good])
    assert table_rejects == rejects
    [frames] = articles.values()
    for table in ("articles", "segments", "mentions", "facts", "removed"):
        assert tables[table].reset_index(drop=True).equals(getattr(frames, table).reset_index(drop=True))
    assert set(tables["entities"]["entity_id"]) == set(frames.entities["entity_id"])
