"""`tintuc digest` as a user runs it: Markdown on stdout, and an HTML page read in a real browser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from flows.pipeline import pipeline
from flows.settings import Settings
from flows.steps.translate.models import install_file
from tests.integration.tintuc_process import run_tintuc
from tests.support.hostile_article import SCRIPT_TITLE, write_hostile_article
from tests.support.story_articles import DURIAN, FIREFIGHT, write_reports

pytestmark = pytest.mark.usefixtures("prefect_harness")
FIRE_TITLE = FIREFIGHT[0]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots" / "digest"


def load_reports(root: Path, model: Path | None) -> Settings:
    """Load the fire's four reports, the durian prices (all 18/2/2024) and the hostile article (3/6/2024)."""
    inputs = root / "in"
    write_reports(inputs)
    write_hostile_article(inputs)
    settings = Settings(data_dir=root / "data", intra_threads=1)
    if model is not None:
        install_file(model, settings.argos_dir)
    assert pipeline([inputs], settings).articles_loaded == 6
    return settings


@pytest.fixture(scope="module")
def pending(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A warehouse loaded without a model: every English is pending."""
    return load_reports(tmp_path_factory.mktemp("pending"), None)


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory, fixture_package: Path) -> Settings:
    """A warehouse loaded with the fixture model: titles and leads have English."""
    return load_reports(tmp_path_factory.mktemp("translated"), fixture_package)


def digest(settings: Settings, *args: str) -> str:
    """Run `tintuc digest ARGS` as a child process and return what it printed."""
    done = run_tintuc(["digest", *args], settings.data_dir)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_markdown_digest_lists_the_most_covered_story_first_with_pending_english_as_pending(pending):
    text = digest(pending, "--date", "2024-02-18")
    assert text.startswith("# tintuc digest: 2024-02-18")
    headings = re.findall(r"^## (\d+)\. (.*)$", text, flags=re.MULTILINE)
    assert [number for number, _ in headings] == ["1", "2"]
    assert headings[0][1] == f"*(English pending)* {FIRE_TITLE}"  # four reports: the most covered
    assert DURIAN[0] in headings[1][1]
    assert "*4 articles · seen 2024-02-18 · Báo Thử*" in text
    assert text.count("(<https://bao-thu.example.vn/") == 5
    assert SCRIPT_TITLE not in text  # another day's article


def test_the_digest_of_a_day_without_news_says_so_and_bad_periods_are_refused(pending):
    assert "No story in this period." in digest(pending, "--date", "2001-01-01")
    both = run_tintuc(["digest", "--since", "24h", "--date", "2024-02-18"], pending.data_dir)
    assert both.returncode == 2 and "not both" in both.stderr
    page = run_tintuc(["digest", "--format", "html"], pending.data_dir)
    assert page.returncode == 2 and "-o FILE.html" in page.stderr


def open_page(browser: Any, path: Path, shot: str) -> tuple[Any, list[str]]:
    """Open a digest file; return the page and what else it did (dialogs, errors, requests)."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    noise: list[str] = []
    page.on("dialog", lambda dialog: (noise.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: noise.append(f"error {error}"))
    page.on("request", lambda request: request.url.startswith("file:") or noise.append(request.url))
    page.goto(path.as_uri())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / shot), full_page=True)
    return page, noise


def test_the_html_digest_reads_in_english_in_a_real_browser(translated, browser, tmp_path):
    out = tmp_path / "digest.html"
    digest(translated, "--date", "2024-02-18", "--format", "html", "-o", str(out))
    page, noise = open_page(browser, out, "translated.png")
    stories = page.locator("section.story")
    assert stories.count() == 2
    first = stories.nth(0)
    assert first.locator("h2 [lang=en]").count() == 1 and first.locator("h2 .pending").count() == 0
    assert "4 articles" in first.locator(".about").inner_text()
    assert first.locator(".lead [lang=en]").count() == 1
    assert first.locator("ul.articles > li.article").count() == 4
    assert first.locator("a[href^='https://bao-thu.example.vn/']").count() == 4
    assert noise == []
    page.close()


def test_the_html_digest_shows_pending_english_and_a_hostile_article_as_text_running_none_of_it(
    pending, browser, tmp_path
):
    out = tmp_path / "hostile.html"
    digest(pending, "--date", "2024-06-03", "--format", "html", "-o", str(out))
    page, noise = open_page(browser, out, "hostile.png")
    heading = page.locator("section.story h2")
    assert heading.count() == 1
    assert SCRIPT_TITLE in heading.inner_text()
    assert heading.locator(".pending").inner_text() == "English pending"
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert page.locator("a").count() == 0  # its only URL is a javascript: one: shown, never linked
    assert noise == []
    page.close()
