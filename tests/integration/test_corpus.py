"""The shared corpus: real articles in three real-world formats (skipped without ../shared)."""

import pytest

from flows.pipeline import pipeline
from tests.integration.warehouse_reads import rows

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.corpus]


def test_every_corpus_article_loads_but_the_two_without_a_body(installed_settings, shared_corpus):
    summary = pipeline([shared_corpus], installed_settings)
    files = sorted(p.name for p in shared_corpus.iterdir() if p.suffix in {".txt", ".json"})
    assert summary.files_seen == len(files) == 10
    assert summary.articles_loaded == 8
    rejects = rows(installed_settings, "SELECT source_path, check_name, failure FROM rejects")
    assert sorted((r["source_path"].rsplit("/", 1)[-1], r["check_name"]) for r in rejects) == [
        ("hieupham-vietnamnet-json-rec04-empty-content.json", "article_has_body"),
        ("newsmds-c016-9-tuoitre-video-boilerplate-only.txt", "article_has_body"),
    ]
    reasons = {r["source_path"].rsplit("/", 1)[-1]: r["failure"] for r in rejects}
    assert "content is empty" in reasons["hieupham-vietnamnet-json-rec04-empty-content.json"]
    assert "page furniture" in reasons["newsmds-c016-9-tuoitre-video-boilerplate-only.txt"]
    untranslated = rows(installed_settings, "SELECT count(*) AS n FROM segments WHERE text_en IS NULL")
    assert untranslated[0]["n"] == 0


def test_corpus_formats_outlets_and_dates_are_recognised(installed_settings, shared_corpus):
    pipeline([shared_corpus], installed_settings)
    articles = {
        r["source_path"].rsplit("/", 1)[-1]: r
        for r in rows(
            installed_settings, "SELECT source_path, source_format, outlet, published_on FROM articles"
        )
    }
    assert {a["source_format"] for a in articles.values()} == {
        "plain_text",
        "scraped_page",
        "news_please_json",
        "crawler_json",
    } - {"plain_text"}
    dantri = articles["newsmds-c067-10-dantri-dau-tu-cong-657000-ty.txt"]
    assert (dantri["outlet"], dantri["published_on"]) == ("Dân trí", "2024-02-16")
    assert articles["vfnd-real-053-tuoitre-khoi-to-nguyen-hoai-nam.json"]["outlet"] == "Tuổi Trẻ"
    photo = rows(
        installed_settings,
        """SELECT kind FROM segments s JOIN articles a USING (article_id)
        WHERE a.source_path LIKE '%vfnd-real-066%' AND kind NOT IN ('title', 'lead')""",
    )
    assert [p["kind"] for p in photo] == ["caption", "caption"]


def test_corpus_footers_and_teasers_never_reach_the_segments(installed_settings, shared_corpus):
    pipeline([shared_corpus], installed_settings)
    leaked = rows(
        installed_settings,
        """SELECT text_vi FROM segments WHERE text_vi LIKE '%©%'
        OR text_vi LIKE '%Tổng Biên tập:%' OR text_vi LIKE '%hinh anh 1%' OR text_vi LIKE '%- Ảnh 1.'""",
    )
    assert leaked == []
    reasons = {r["reason"] for r in rows(installed_settings, "SELECT DISTINCT reason FROM removed")}
    assert {"site footer", "image alt text", "related-link teaser", "byline"} <= reasons
