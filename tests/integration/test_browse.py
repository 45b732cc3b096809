"""`tintuc browse` as a reader meets it: a real process, a real browser, a warehouse loaded by the pipeline.

The warehouse holds the seed, ../shared/corpus when it is there, and an article written to attack its
reader (tests/support/hostile_article.py), translated by the fixture model. Screenshots of each page go
to tests/screenshots/reader/ (git-ignored, written by the tests).
"""

from __future__ import annotations

import asyncio
import importlib.util
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from flows.pipeline import pipeline
from flows.settings import Settings
from flows.steps.translate.models import install_file
from tests.conftest import SEED, SHARED_CORPUS
from tests.integration.tintuc_process import PROJECT, child_env, kill_group, query
from tests.support.hostile_article import (
    IMG_ONERROR,
    JAVASCRIPT_LINK,
    JAVASCRIPT_URL,
    SCRIPT_TITLE,
    write_hostile_article,
)

pytestmark = pytest.mark.usefixtures("prefect_harness")

SCREENSHOTS = PROJECT / "tests" / "screenshots" / "reader"
ADDRESS = re.compile(r"read-only at (http://127\.0\.0\.1:\d+/)")
START_TIMEOUT_S = 300.0  # a busy two-core machine imports Datasette slowly
PAGE_TIMEOUT_MS = 60_000
SEED_PERSON = "Đinh Tiến Dũng"
SEED_ROLE = "Bí thư Thành ủy Hà Nội"
LATE_ARTICLE = """Đà Nẵng mở thêm ba tuyến xe buýt mới

Sáng nay, Sở Giao thông vận tải thành phố Đà Nẵng cho biết sẽ mở thêm ba tuyến xe buýt
nối trung tâm với các huyện.

Theo kế hoạch, các tuyến mới sẽ chạy thử trong tháng đầu tiên và phục vụ người dân miễn phí.
"""


@dataclass
class Reader:
    """A loaded warehouse and the `tintuc browse` process serving it."""

    settings: Settings
    database: Path
    address: str
    process: subprocess.Popen[str]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory, fixture_package: Path) -> Settings:
    """Load the seed, the shared corpus (when present) and the hostile article with the fixture model."""
    root = tmp_path_factory.mktemp("reader")
    inputs = root / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / SEED.name)
    write_hostile_article(inputs)
    settings = Settings(data_dir=root / "data", intra_threads=1)
    install_file(fixture_package, settings.argos_dir)
    paths = [inputs, SHARED_CORPUS] if SHARED_CORPUS.is_dir() else [inputs]
    summary = pipeline(paths, settings)
    assert summary.articles_loaded >= 2
    return settings


def start_browse(
    data_dir: Path, log: Path, sigint_ignored: bool = False
) -> tuple[subprocess.Popen[str], str]:
    """Start `tintuc browse --port 0 --no-open` and return it with the address it prints.

    Its stderr goes to log: a pipe nobody reads would fill and stop the server mid-answer. With
    sigint_ignored it starts as a script's background job does (`tintuc browse &`: the shell ignores
    SIGINT for it), whatever this test process was started as.
    """
    command = [sys.executable, "-m", "flows", "browse", "--port", "0", "--no-open"]
    if sigint_ignored:
        command = ["sh", "-c", 'trap "" INT; exec "$@"', "sh", *command]
    with log.open("w") as stderr:
        process = subprocess.Popen(
            command,
            cwd=PROJECT,
            env=child_env(data_dir),
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            start_new_session=True,
        )
    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([process.stdout], [], [], 1.0)
        if ready:
            found = ADDRESS.search(process.stdout.readline())
            if found:
                return process, found.group(1)
    kill_group(process)
    raise AssertionError(
        f"tintuc browse printed no address: {process.stderr.read() if process.stderr else ''}"
    )


@pytest.fixture(scope="module")
def reader(loaded: Settings) -> Iterator[Reader]:
    """Serve the loaded warehouse with `tintuc browse` as a real process."""
    process, address = start_browse(loaded.data_dir, loaded.data_dir / "browse.stderr")
    database = Path(loaded.resolved_database_url.removeprefix("sqlite:///"))
    try:
        yield Reader(loaded, database, address, process)
    finally:
        kill_group(process)


def get(url: str) -> tuple[int, str]:
    """Return the status and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def article_id(database: Path, title_like: str) -> str:
    """Return the id of the article whose Vietnamese title matches."""
    [(found,)] = query(database, f"SELECT article_id FROM articles WHERE title_vi LIKE '{title_like}'")
    return str(found)


# ---- in the browser ------------------------------------------------------------------------------


@dataclass
class PageLog:
    """What a page did besides showing itself: dialogs, console errors, requests elsewhere."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser: Any, reader: Reader) -> Iterator[tuple[Any, PageLog]]:
    """Open a page that records dialogs, console errors and any request leaving the reader."""
    log = PageLog()
    opened = browser.new_page(viewport={"width": 1280, "height": 1000})
    opened.set_default_timeout(PAGE_TIMEOUT_MS)

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.on("console", lambda message: message.type == "error" and log.errors.append(message.text))
    opened.on("pageerror", lambda error: log.errors.append(str(error)))
    opened.on(
        "request",
        lambda request: request.url.startswith(reader.address) or log.elsewhere.append(request.url),
    )
    try:
        yield opened, log
    finally:
        opened.close()


def screenshot(page: Any, name: str) -> None:
    """Save the whole page under tests/screenshots/reader/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def assert_quiet(log: PageLog) -> None:
    """Assert the page opened no dialog, logged no error and asked nothing of another host."""
    assert log.dialogs == []
    assert log.errors == []
    assert log.elsewhere == []


def test_home_shows_recent_articles_coverage_flagged_translations_and_runs(page, reader):
    opened, log = page
    opened.goto(reader.address)
    text = opened.inner_text("main")
    screenshot(opened, "home.png")
    for heading in ["Translation coverage", "Recent articles", "Flagged translations", "Last runs"]:
        assert heading in text
    assert "Hà Nội thí điểm người đứng đầu" in text
    assert SCRIPT_TITLE in text  # the hostile title, as text
    assert opened.locator("table.articles [lang=vi]").count() >= 2
    assert_quiet(log)


def test_an_article_aligns_vietnamese_and_english_sentence_by_sentence(page, reader):
    opened, log = page
    seed = article_id(reader.database, "Hà Nội thí điểm%")
    [(segments,)] = query(reader.database, f"SELECT count(*) FROM segments WHERE article_id = '{seed}'")
    opened.goto(f"{reader.address}article/{seed}")
    screenshot(opened, "article.png")
    pairs = opened.locator(".pair")
    assert pairs.count() == segments
    assert opened.locator(".pair > .vi > .sentence[lang=vi]").count() == segments
    assert opened.locator(".pair > .en > .sentence[lang=en]").count() == segments
    seqs = opened.eval_on_selector_all(
        ".pair",
        "pairs => pairs.map(p => [p.querySelector('.vi .sentence').dataset.seq, "
        "p.querySelector('.en .sentence').dataset.seq])",
    )
    assert [vi for vi, _ in seqs] == [en for _, en in seqs] == [str(seq) for seq in range(1, segments + 1)]
    assert opened.locator(".flag").count() > 0  # the fixture model's English is flagged, with the meaning
    assert "Tiền Phong" in opened.inner_text(".meta") and "dateline" in opened.inner_text(".date-source")
    assert_quiet(log)


def test_the_article_switches_to_english_only_vietnamese_only_and_interlinear(page, reader):
    opened, log = page
    seed = article_id(reader.database, "Hà Nội thí điểm%")
    opened.goto(f"{reader.address}article/{seed}")

    def switch_to(name: str, view: str) -> None:
        # Each view is a page of its own: count its sentences once it has loaded, not while the
        # browser is still between the two documents (a busy machine shows the empty one).
        opened.get_by_role("link", name=name).click()
        opened.wait_for_url(re.compile(rf"view={view}"))
        opened.wait_for_load_state("load")

    switch_to("English only", "en")
    assert opened.locator(".sentence[lang=vi]").count() == 0
    assert opened.locator(".sentence[lang=en]").count() > 0
    switch_to("Vietnamese only", "vi")
    assert opened.locator(".sentence[lang=en]").count() == 0
    switch_to("interlinear", "interlinear")
    assert opened.locator(".sentence[lang=en]").count() == opened.locator(".sentence[lang=vi]").count() > 0
    assert_quiet(log)


def test_facts_are_charted_and_furniture_is_shown_on_request(page, reader):
    opened, log = page
    seed = article_id(reader.database, "Hà Nội thí điểm%")
    opened.goto(f"{reader.address}article/{seed}")
    assert opened.locator(".facts .chart .bar > span").count() > 0
    if opened.locator("details.removed").count():
        assert not opened.locator("details.removed table").is_visible()
        opened.locator("details.removed summary").click()
        assert opened.locator("details.removed table").is_visible()
    assert_quiet(log)


def test_a_person_links_to_their_page_with_every_article_and_role_by_date(page, reader):
    opened, log = page
    seed = article_id(reader.database, "Hà Nội thí điểm%")
    opened.goto(f"{reader.address}article/{seed}")
    opened.locator("a.entity.person", has_text=SEED_PERSON).first.click()
    opened.wait_for_url(re.compile(r"/entity/"))
    screenshot(opened, "entity.png")
    assert SEED_PERSON in opened.inner_text("h1")
    timeline = opened.inner_text("ol.timeline")
    assert "2022-07-13" in timeline and SEED_ROLE in timeline
    assert opened.locator("ol.timeline a.article-link").count() >= 1
    assert opened.locator(".met.organization a.entity").count() > 0
    assert_quiet(log)


def test_a_hostile_article_shows_its_markup_as_text_and_runs_none_of_it(page, reader):
    opened, log = page
    hostile = article_id(reader.database, "Hà Nội khánh thành đường mới%")
    opened.goto(f"{reader.address}article/{hostile}")
    screenshot(opened, "hostile-article.png")
    text = opened.inner_text("main")
    for markup in [SCRIPT_TITLE, IMG_ONERROR, JAVASCRIPT_LINK, JAVASCRIPT_URL]:
        assert markup in text
    assert opened.locator("main img").count() == 0
    assert opened.locator("main script").count() == 0
    assert opened.locator("a[href^='javascript' i]").count() == 0
    assert opened.locator("a.source").count() == 0  # a javascript: source is shown, never linked
    opened.goto(f"{reader.address}entity/{person_named_in(reader, hostile)}")
    assert SCRIPT_TITLE in opened.inner_text("ol.timeline")
    assert_quiet(log)


def person_named_in(reader: Reader, article: str) -> str:
    """Return the id of a person the article names."""
    [(entity,)] = query(
        reader.database,
        f"""SELECT DISTINCT e.entity_id FROM mentions m JOIN entities e USING (entity_id)
        WHERE m.article_id = '{article}' AND e.kind = 'person' LIMIT 1""",
    )
    return str(entity)


def test_the_search_page_searches_or_says_search_is_missing(page, reader):
    opened, log = page
    opened.goto(f"{reader.address}search?q=thanh+uy+ha+noi")
    screenshot(opened, "search.png")
    if importlib.util.find_spec("warehouse.search") is None:
        assert "search is not available in this build" in opened.inner_text("main")
    else:
        assert opened.locator("ol.hits li").count() > 0
        assert opened.locator("ol.hits mark").count() > 0
    assert_quiet(log)


def test_datasettes_tables_and_sql_are_one_click_away(page, reader):
    opened, log = page
    opened.goto(reader.address)
    opened.get_by_role("link", name="Tables & SQL").click()
    opened.wait_for_url(f"{reader.address}tintuc")
    opened.wait_for_load_state("load")
    tables = opened.inner_text("body")
    assert "articles" in tables and "segments_bilingual" in tables
    opened.goto(f"{reader.address}tintuc/articles")
    assert "Hà Nội thí điểm" in opened.inner_text("body")
    assert_quiet(log)


@pytest.mark.corpus
def test_every_corpus_article_reads_aligned_with_its_captions_in_place(page, reader, shared_corpus):
    opened, log = page
    articles = query(reader.database, "SELECT article_id FROM articles")
    captions = 0
    for (article,) in articles:
        [(segments,)] = query(
            reader.database, f"SELECT count(*) FROM segments WHERE article_id = '{article}'"
        )
        opened.goto(f"{reader.address}article/{article}")
        assert opened.locator(".pair > .vi > [lang=vi]").count() == segments
        assert opened.locator(".pair > .en > [lang=en]").count() == segments
        captions += opened.locator(".paragraph.caption .caption-label").count()
    assert captions > 0
    assert_quiet(log)


# ---- as a process and over HTTP ------------------------------------------------------------------


def test_browse_cannot_write_the_warehouse_even_by_sql(reader):
    before = query(reader.database, "SELECT count(*) FROM articles")
    for sql in ["DELETE FROM articles", "ATTACH DATABASE 'x.db' AS x", "PRAGMA query_only=OFF"]:
        status, _ = get(f"{reader.address}tintuc.json?sql={urllib.parse.quote(sql)}")
        assert status >= 400
    assert query(reader.database, "SELECT count(*) FROM articles") == before
    assert not (PROJECT / "x.db").exists()


def test_the_reader_database_refuses_to_open_a_writing_connection(reader):
    from flows.reader.browse import make_datasette

    datasette = make_datasette(reader.database, reader.settings.resolved_database_url)
    warehouse = datasette.get_database("tintuc")
    # In a thread of its own: the module's browser keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as thread, pytest.raises(PermissionError):
        thread.submit(asyncio.run, warehouse.execute_write("CREATE TABLE written (a)")).result()
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|not authorized"):
        warehouse.connect().execute("CREATE TABLE written (a)")


def test_a_run_loads_while_browse_is_up_and_the_reader_sees_it_at_once(reader, tmp_path):
    status, _ = get(reader.address)
    assert status == 200
    (tmp_path / "late.txt").write_text(LATE_ARTICLE, encoding="utf-8")
    summary = pipeline([tmp_path / "late.txt"], reader.settings)
    assert summary.articles_loaded == 1
    status, home = get(reader.address)
    assert status == 200 and "Đà Nẵng mở thêm ba tuyến xe buýt mới" in home
    assert reader.process.poll() is None


def test_an_unknown_article_or_entity_is_not_found(reader):
    assert get(f"{reader.address}article/nope")[0] == 404
    assert get(f"{reader.address}entity/nope")[0] == 404


@pytest.mark.parametrize(
    ("stop", "sigint_ignored"),
    [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGINT, True), (signal.SIGTERM, True)],
    ids=["SIGTERM", "Ctrl-C", "SIGINT-to-a-background-job", "SIGTERM-to-a-background-job"],
)
def test_browse_stops_cleanly_on_sigterm_and_ctrl_c(loaded, tmp_path, stop, sigint_ignored):
    # A background job of a script starts with SIGINT ignored; uvicorn still stops on it, but raises
    # nothing afterwards: browse once exited 0 there without saying "stopped" (and so did this test
    # when the suite ran as a background job).
    log = tmp_path / "browse.stderr"
    process, address = start_browse(loaded.data_dir, log, sigint_ignored)
    try:
        assert get(address)[0] == 200
        process.send_signal(stop)
        out, _ = process.communicate(timeout=30)
    finally:
        kill_group(process)
    err = log.read_text()
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err and "Aborted" not in err
