"""The Prefect flow on the seed, with the real fixture package, into SQLite and into PostgreSQL."""

import pytest

from flows.pipeline import pipeline
from tests.integration.warehouse_reads import rows, table_counts

pytestmark = pytest.mark.usefixtures("prefect_harness")
FIXTURE_MODEL = "translate-vi_en-0_1-fixture@0.1-fixture"


@pytest.fixture
def loaded(installed_warehouse_settings, seed_dir):
    summary = pipeline([seed_dir], installed_warehouse_settings)
    return installed_warehouse_settings, summary


def test_the_seed_loads_translated_by_the_fixture_package(loaded):
    settings, summary = loaded
    assert (summary.status, summary.articles_loaded, summary.rejected) == ("completed", 1, 0)
    [article] = rows(settings, "SELECT * FROM articles")
    assert article["status"] == "translated"
    assert article["outlet"] == "Tiền Phong"
    assert str(article["published_on"]) == "2022-07-13"  # SQLite gives text, PostgreSQL a date
    assert article["title_en"]
    segments = rows(settings, "SELECT * FROM segments ORDER BY seq")
    assert len(segments) == summary.segments_translated == 17
    assert all(s["text_en"] and s["translation_model"] == FIXTURE_MODEL for s in segments)


def test_the_seed_people_roles_and_facts_are_in_the_warehouse(loaded):
    settings, _ = loaded
    people = rows(
        settings,
        """
        SELECT e.name_vi, e.name_en, m.role_vi, m.role_en FROM mentions m
        JOIN entities e USING (entity_id) WHERE e.kind = 'person' AND m.role_vi IS NOT NULL""",
    )
    assert {(p["name_vi"], p["role_vi"]) for p in people} >= {
        ("Đinh Tiến Dũng", "Bí thư Thành ủy Hà Nội"),
        ("Nguyễn Hồng Nhật", "Phó Trưởng ban Tổ chức Thành ủy"),
    }
    assert all(p["role_en"] for p in people)
    assert {p["name_en"] for p in people} == {"Dinh Tien Dung", "Nguyen Hong Nhat"}
    breakdown = rows(
        settings,
        """
        SELECT c.label_vi, c.value, c.label_en FROM facts c JOIN facts p ON c.parent_fact_id = p.fact_id
        WHERE p.label_vi = 'đảng viên' AND p.value = 359 ORDER BY c.fact_id""",
    )
    assert [(b["label_vi"], b["value"]) for b in breakdown] == [
        ("khiển trách", 254),
        ("cảnh cáo", 37),
        ("cách chức", 7),
        ("khai trừ", 61),
    ]
    assert all(b["label_en"] for b in breakdown)
    shares = rows(settings, "SELECT value, denominator FROM facts WHERE denominator IS NOT NULL")
    assert {(s["value"], s["denominator"]) for s in shares} == {(30, 30), (81, 84)}


def test_furniture_is_kept_apart_and_the_caption_is_a_caption(loaded):
    settings, _ = loaded
    removed = rows(settings, "SELECT text, reason FROM removed ORDER BY line_no")
    assert [r["reason"] for r in removed] == [
        "media player widget",
        "media player widget",
        "dateline",
        "image alt text",
        "section banner",
    ]
    furniture = rows(
        settings,
        """SELECT count(*) AS n FROM segments WHERE text_vi LIKE '%0:00%'
        OR text_vi LIKE '%ảnh 1' OR text_vi LIKE '%MỚI - NÓNG%'""",
    )
    assert furniture[0]["n"] == 0
    [caption] = rows(settings, "SELECT text_vi, credit FROM segments WHERE kind = 'caption'")
    assert caption["text_vi"] == "Bí thư Thành ủy Hà Nội Đinh Tiến Dũng phát biểu kết luận hội nghị."
    assert caption["credit"] is None  # the seed's photo carries no credit
    [lead] = rows(settings, "SELECT text_vi FROM segments WHERE kind = 'lead'")
    assert lead["text_vi"].startswith(
        "Bí thư Thành ủy Hà Nội đề nghị"
    )  # the "TPO - " dateline named the outlet


def test_the_views_give_one_english_article_and_every_sentence_side_by_side(loaded):
    settings, _ = loaded
    [article] = rows(settings, "SELECT * FROM articles_en")
    paragraphs = article["body_en"].split("\n\n")
    body_paragraphs = rows(settings, "SELECT DISTINCT paragraph_no FROM segments WHERE kind <> 'title'")
    assert len(paragraphs) == len(body_paragraphs) == 12
    [first] = rows(settings, "SELECT text_en FROM segments WHERE kind = 'lead'")
    assert paragraphs[0] == first["text_en"]
    bilingual = rows(settings, "SELECT text_vi, text_en FROM segments_bilingual")
    assert len(bilingual) == 17


def test_the_run_says_where_it_ran_and_its_heartbeat_is_recorded(loaded):
    import os
    import socket

    settings, _ = loaded
    [run] = rows(settings, "SELECT status, host, pid, heartbeat_at, started_at FROM runs")
    assert (run["status"], run["host"], run["pid"]) == ("completed", socket.gethostname(), os.getpid())
    assert run["heartbeat_at"] is not None


def test_a_second_run_adds_nothing(loaded):
    settings, _ = loaded
    before = table_counts(settings)
    again = pipeline([settings.data_dir.parent / "seeds"], settings)
    assert (again.files_seen, again.files_skipped, again.articles_loaded) == (1, 1, 0)
    assert table_counts(settings) == before


def test_two_copies_of_one_article_load_once_and_the_second_says_why(installed_warehouse_settings, tmp_path):
    import json

    folder = tmp_path / "dupes"
    folder.mkdir()
    record = {"title": "Tin", "text": "Sáng 13/7/2022, 15 người họp.", "url": "https://tuoitre.vn/tin.htm"}
    for name in ("a.json", "b.json"):
        record["text"] += " Thêm."
        (folder / name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    summary = pipeline([folder], installed_warehouse_settings)
    assert (summary.articles_loaded, summary.rejected) == (1, 1)
    [reject] = rows(installed_warehouse_settings, "SELECT source_path, check_name, failure FROM rejects")
    assert reject["source_path"].endswith("b.json") and reject["check_name"] == "duplicate_article"
    assert "a.json" in reject["failure"]


def test_a_run_that_fails_is_recorded_as_failed(warehouse_settings, tmp_path):
    with pytest.raises(FileNotFoundError):
        pipeline([tmp_path / "nowhere"], warehouse_settings)
    [run] = rows(warehouse_settings, "SELECT status, finished_at FROM runs")
    assert run["status"] == "failed" and run["finished_at"] is not None
