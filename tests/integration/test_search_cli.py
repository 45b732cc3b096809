"""`tintuc search` and `tintuc export` as a user runs them, on a warehouse the real pipeline loaded.

Each test runs on SQLite and on PostgreSQL (TINTUC_DATABASE_URL), one warehouse of each per module.
"""

import contextlib
import json
import re
import shutil

import pytest

from tests.conftest import BACKENDS, fresh_postgres_database
from tests.integration.tintuc_process import PROJECT, query_url, run_tintuc

SEED = PROJECT / "seeds" / "000_77085cdb11bdb593.txt"


@pytest.fixture(scope="module", autouse=True)
def patient_prefect():
    """Give Prefect's temporary server time to start on a busy machine (it gives up after 20 s)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "600")
        yield


@pytest.fixture(scope="module", params=BACKENDS)
def loaded(request, tmp_path_factory, patient_prefect):
    """Return the articles, data folder and URL of a warehouse `tintuc run` loaded from them (no model)."""
    root = tmp_path_factory.mktemp("search")
    articles, data = root / "articles", root / "data"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    with contextlib.ExitStack() as stack:
        url = f"sqlite:///{data / 'tintuc.sqlite'}"
        if request.param == "postgresql":
            url = stack.enter_context(fresh_postgres_database())
            stack.enter_context(pytest.MonkeyPatch.context()).setenv("TINTUC_DATABASE_URL", url)
        result = run_tintuc(["run", str(articles)], data)
        assert result.returncode == 0, result.stdout + result.stderr
        yield articles, data, url


def everything(url: str) -> list:
    """Return every row a search could change (of the tables and the index), to see that it changed none."""
    tables = ("articles", "segments", "runs", "source_files", "search_docs")
    return [query_url(url, f"SELECT * FROM {table} ORDER BY 1") for table in tables]


def test_search_finds_the_seed_without_diacritics_and_writes_nothing(loaded):
    _, data, url = loaded
    before = everything(url)
    sqlite_file = data / "tintuc.sqlite"
    file_before = sqlite_file.read_bytes() if url.startswith("sqlite") else b""
    [(article_id,)] = query_url(url, "SELECT article_id FROM articles")
    for words in ("thanh uy ha noi", "THÀNH UỶ HÀ NỘI"):
        found = run_tintuc(["search", words, "--lang", "vi"], data)
        assert found.returncode == 0, found.stdout + found.stderr
        assert article_id in found.stdout and "«Thành ủy Hà Nội»" in found.stdout
    assert everything(url) == before
    assert (sqlite_file.read_bytes() if url.startswith("sqlite") else b"") == file_before


def test_search_with_search_syntax_or_no_words_answers_plainly(loaded):
    _, data, _url = loaded
    odd = run_tintuc(["search", 'ủy AND "Hà Nội* -NEAR(:'], data)
    assert odd.returncode == 0, odd.stdout + odd.stderr
    empty = run_tintuc(["search", "  "], data)
    assert empty.returncode == 1 and "the query is empty" in empty.stdout


def test_export_jsonl_from_the_command_line_reads_back_as_the_tables(loaded):
    _, data, url = loaded
    exported = run_tintuc(["export", "--format", "jsonl"], data)
    assert exported.returncode == 0, exported.stderr
    [article] = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(article["segments"]) == query_url(url, "SELECT count(*) FROM segments")[0][0]
    assert [s["text_vi"] for s in article["segments"]] == [
        text for (text,) in query_url(url, "SELECT text_vi FROM segments ORDER BY seq")
    ]


def test_translate_makes_the_english_searchable_and_a_changed_file_is_found_by_its_new_text_only(
    loaded, fixture_package
):
    articles, data, url = loaded
    assert run_tintuc(["models", "install", "--file", str(fixture_package)], data).returncode == 0
    translated = run_tintuc(["translate"], data)
    assert translated.returncode == 0, translated.stdout + translated.stderr
    english = " ".join(text for (text,) in query_url(url, "SELECT text_en FROM segments WHERE kind = 'lead'"))
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
    _, data, _url = loaded
    page = tmp_path / "search.html"
    exported = run_tintuc(["export", "--search", "dinh tien dung", "--format", "html", "-o", str(page)], data)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    document = page.read_text(encoding="utf-8")
    assert "<mark>Đinh Tiến Dũng</mark>" in document
    assert not re.search(r"<script|<link|src=|@import|url\(", document)
