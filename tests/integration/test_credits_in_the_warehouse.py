"""A caption's credit, a lead's dateline and a closing byline reach the warehouse as data, never as prose."""

import json

import pytest
from sqlalchemy import create_engine

from flows.pipeline import pipeline
from flows.reader.reading import render_article
from tests.integration.warehouse_reads import rows
from warehouse.queries import article_for_reading

pytestmark = pytest.mark.usefixtures("prefect_harness")

# Invented text, shaped as a news-please record of an outlet that writes a dateline and bylines.
RECORD = {
    "title": "Mưa lớn làm ngập nhiều tuyến phố",
    "description": "TTO - Sáng 12/10, mưa lớn kéo dài khiến nhiều tuyến phố ở Huế ngập sâu.",
    "text": "\n".join(
        [
            "Theo ông Lê Văn Tâm, Giám đốc Sở Xây dựng, nước rút chậm vì cống nhỏ.",
            "Người dân đẩy xe qua đoạn ngập - Ảnh: Minh Hà",
            "Chiều cùng ngày, nước bắt đầu rút.",
            "Ngọc Lan - Hải Đăng",
        ]
    ),
}


@pytest.fixture
def loaded(installed_warehouse_settings, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mua.json").write_text(json.dumps(RECORD, ensure_ascii=False), encoding="utf-8")
    summary = pipeline([folder], installed_warehouse_settings)
    assert (summary.articles_loaded, summary.rejected) == (1, 0)
    return installed_warehouse_settings


def test_the_caption_keeps_its_credit_apart_and_untranslated(loaded):
    [caption] = rows(loaded, "SELECT text_vi, text_en, credit FROM segments WHERE kind = 'caption'")
    assert (caption["text_vi"], caption["credit"]) == ("Người dân đẩy xe qua đoạn ngập", "Ảnh: Minh Hà")
    assert caption["text_en"]  # the caption is translated, its credit is not part of it
    every_vi = " ".join(r["text_vi"] for r in rows(loaded, "SELECT text_vi FROM segments"))
    assert "Minh Hà" not in every_vi and "TTO" not in every_vi and "Hải Đăng" not in every_vi


def test_the_dateline_names_the_outlet_and_the_byline_the_authors(loaded):
    [article] = rows(loaded, "SELECT outlet, authors FROM articles")
    assert article["outlet"] == "Tuổi Trẻ"
    assert json.loads(article["authors"]) == ["Ngọc Lan", "Hải Đăng"]
    removed = rows(loaded, "SELECT text, reason FROM removed ORDER BY line_no, part_no")
    assert [(r["text"], r["reason"]) for r in removed] == [
        ("TTO -", "dateline"),
        ("- Ảnh: Minh Hà", "photo credit"),
        ("Ngọc Lan - Hải Đăng", "byline"),
    ]


def test_the_reader_shows_the_credit_beside_its_caption(loaded):
    engine = create_engine(loaded.resolved_database_url)
    try:
        [article] = rows(loaded, "SELECT article_id FROM articles")
        found = article_for_reading(engine, article["article_id"])
    finally:
        engine.dispose()
    assert found is not None
    assert "[photo] Người dân đẩy xe qua đoạn ngập (Ảnh: Minh Hà)" in render_article(found, "vi")
