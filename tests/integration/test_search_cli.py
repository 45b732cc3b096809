"""`tintuc search` and `tintuc export` as a user runs them, on a warehouse the real pipeline loaded."""

import json
import re
import shutil

import pytest

from tests.integration.tintuc_process import PROJECT, query, run_tintuc

SEED = PROJECT / "seeds" / "000_77085cdb11bdb593.txt"


@pytest.fixture(scope="module", autouse=True)
def patient_prefect():
    """Give Prefect's temporary server time to start on a busy machine (it gives up after 20 s)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
        yield


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, patient_prefect):
    """A data folder whose warehouse `tintuc run` loaded from a copy of the seed (no model yet)."""
    root = tmp_path_factory.mktemp("search")
    articles, data = root / "articles", root / "data"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    result = run_tintuc(["run", str(articles)], data)
    assert result.returncode == 0, result.stdout + result.stderr
    return articles, data


def test_search_finds_the_seed_without_diacritics_and_writes_nothing(loaded):
    _, data = loaded
    warehouse = data / "tintuc.sqlite"
    before = warehouse.read_bytes()
    [(article_id,)] = query(warehouse, "SELECT article_id FROM articles")
    for words in ("thanh uy ha noi", "THÀNH UỶ HÀ NỘI"):
        found = run_tintuc(["search", words, "--lang", "vi"], data)
        assert found.returncode == 0, found.stdout + found.stderr
        assert article_id in found.stdout and "«Thành ủy Hà Nội»" in found.stdout
    assert warehouse.read_bytes() == before


def test_search_with_search_syntax_or_no_words_answers_plainly(loaded):
    _, data = loaded
    odd = run_tintuc(["search", 'ủy AND "Hà Nội* -NEAR(:'], data)
    assert odd.returncode == 0, odd.stdout + odd.stderr
    empty = run_tintuc(["search", "  "], data)
    assert empty.returncode == 1 and "the query is empty" in empty.stdout


def test_export_jsonl_from_the_command_line_reads_back_as_the_tables(loaded):
    _, data = loaded
    exported = run_tintuc(["export", "--format", "jsonl"], data)
    assert exported.returncode == 0, exported.stderr
    [article] = [json.loads(line) for line in exported.stdout.splitlines()]
    warehouse = data / "tintuc.sqlite"
    assert len(article["segments"]) == query(warehouse, "SELECT count(*) FROM segments")[0][0]
    assert [s["text_vi"] for s in article["segments"]] == [
        text for (text,) in query(warehouse, "SELECT text_vi FROM segments ORDER BY seq")
    ]


def test_translate_makes_the_english_searchable_and_a_changed_file_is_found_by_its_new_text_only(
    loaded, fixture_package
):
    articles, data = loaded
    warehouse = data / "tintuc.sqlite"
    assert run_tintuc(["models", "install", "--file", str(fixture_package)], data).returncode == 0
    translated = run_tintuc(["translate"], data)
    assert translated.returncode == 0, translated.stdout + translated.stderr
    english = " ".join(
        text for (text,) in query(warehouse, "SELECT text_en FROM segments WHERE kind = 'lead'")
    )
    word = max(re.findall(r"[A-Za-z]{5,}", english), key=len)  # the fixture model's English is random words
    found = run_tintuc(["search", word, "--lang", "en"], data)
    assert found.returncode == 0 and "[en]" in found.stdout, found.stdout + found.stderr

    seed = articles / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("Nguyễn Hồng Nhật", "Trần Quốc Vượng"), "utf-8")
    rerun = run_tintuc(["run", str(articles)], data)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "no match" in run_tintuc(["search", "nguyen hong nhat"], data).stdout
    assert "«Trần Quốc Vượng»" in run_tintuc(["search", "tran quoc vuong"], data).stdout


def test_export_html_of_a_search_is_one_standalone_file(loaded, tmp_path):
    _, data = loaded
    page = tmp_path / "search.html"
    exported = run_tintuc(["export", "--search", "dinh tien dung", "--format", "html", "-o", str(page)], data)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    document = page.read_text(encoding="utf-8")
    assert "<mark>Đinh Tiến Dũng</mark>" in document
    assert not re.search(r"<script|<link|src=|@import|url\(", document)
