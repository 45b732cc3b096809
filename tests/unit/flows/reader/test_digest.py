"""The digest's choices and rendering: most covered first, pending English as pending, text never markup."""

from datetime import date, datetime

import pytest

from flows.reader.digest import Bilingual, Digest, Link, digest_story, last, on, period_for
from flows.reader.digest_render import PENDING, html_digest, markdown_digest
from warehouse.story_reads import Period

SCRIPT = "<script>alert('digest')</script>"


def member(article_id, title_vi, title_en=None, outlet="VnExpress", duplicate_of=None, url=None):
    return {
        "article_id": article_id,
        "title_vi": title_vi,
        "title_en": title_en,
        "outlet": outlet,
        "url": url or f"https://example.vn/{article_id}.html",
        "published_on": date(2024, 2, 18),
        "ingested_at": datetime(2024, 2, 18, 9),
        "duplicate_of": duplicate_of,
    }


def sample_digest() -> Digest:
    members = [
        member("a1", "Cháy chợ Bến Lạc", "Fire at Ben Lac market"),
        member("a2", "Cháy chợ Bến Lạc", outlet="Báo Đăng Lại", duplicate_of="a1"),
        member("a3", f"Tiểu thương mất trắng {SCRIPT}", outlet="Tuổi Trẻ", url="javascript:alert(1)"),
    ]
    lead = [
        {"text_vi": "Đám cháy bùng lên.", "text_en": "A fire broke out."},
        {"text_vi": "Không ai bị thương.", "text_en": None},
    ]
    names = [
        {"article_id": "a1", "kind": "person", "name_vi": "Nguyễn Văn An", "name_en": "Nguyen Van An"},
        {"article_id": "a3", "kind": "person", "name_vi": "Nguyễn Văn An", "name_en": "Nguyen Van An"},
        {"article_id": "a3", "kind": "person", "name_vi": "Trần Bình", "name_en": "Tran Binh"},
        {"article_id": "a1", "kind": "organization", "name_vi": "Ban quản lý chợ", "name_en": None},
    ]
    story = digest_story("s1", members, (date(2024, 2, 17), date(2024, 2, 18)), lead, names)
    quiet = digest_story(
        "s2", [member("b1", "Giá sầu riêng tăng", "Durian prices rise")], (None, None), [], []
    )
    period, heading = on(date(2024, 2, 18))
    return Digest(heading, period, [story, quiet])


def test_a_story_takes_its_headline_from_its_first_original_and_folds_copies_under_it():
    story = sample_digest().stories[0]
    assert story.headline == Bilingual("Cháy chợ Bến Lạc", "Fire at Ben Lac market")
    assert story.coverage == 3
    assert story.outlets[0] == "VnExpress" and set(story.outlets) == {"VnExpress", "Báo Đăng Lại", "Tuổi Trẻ"}
    assert [link.article_id for link in story.articles] == ["a1", "a3"]
    assert [copy.outlet for copy in story.articles[0].copies] == ["Báo Đăng Lại"]
    # The person two articles name comes first; an organisation without English stays pending.
    assert [name.en for name in story.people] == ["Nguyen Van An", "Tran Binh"]
    assert story.organisations == [Bilingual("Ban quản lý chợ", None)]


def test_a_lead_with_one_untranslated_sentence_is_pending_as_a_whole():
    lead = sample_digest().stories[0].lead
    assert lead is not None and lead.en is None and lead.vi == "Đám cháy bùng lên. Không ai bị thương."


def test_markdown_shows_pending_english_as_pending_with_the_vietnamese_and_never_a_guess():
    text = markdown_digest(sample_digest())
    assert text.startswith("# tintuc digest: 2024-02-18")
    assert "## 1. Fire at Ben Lac market" in text
    assert f"*({PENDING})* Đám cháy bùng lên. Không ai bị thương." in text
    assert f"*({PENDING})* Ban quản lý chợ" in text
    assert "A fire broke out." not in text  # half a lead in English is not shown as the lead's English
    assert "  - also: [Báo Đăng Lại](<https://example.vn/a2.html>)" in text
    assert text.index("## 1.") < text.index("## 2. Durian prices rise")


def test_markdown_escapes_article_text_and_links_no_javascript():
    text = markdown_digest(sample_digest())
    assert SCRIPT not in text and "\\<script\\>" in text
    assert "javascript:" not in text.replace("alert\\(1\\)", "")
    assert "](<javascript" not in text


def test_html_escapes_article_text_marks_pending_and_links_only_the_web():
    page = html_digest(sample_digest())
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert '<span class="pending">English pending</span> <span lang="vi">Đám cháy bùng lên.' in page
    assert 'href="https://example.vn/a1.html"' in page
    assert 'href="javascript' not in page.lower()


def test_an_empty_period_says_so():
    period, heading = on(date(2020, 1, 1))
    empty = Digest(heading, period, [])
    assert "No story in this period." in markdown_digest(empty)
    assert "No story in this period." in html_digest(empty)


def test_periods_are_the_last_hours_or_days_or_one_day_and_never_both():
    now = datetime(2024, 2, 18, 12, 30)
    period, heading = last("24h", now)
    assert (
        period == Period(datetime(2024, 2, 17, 12, 30), now)
        and heading == "the 24 hours to 2024-02-18 12:30 UTC"
    )
    assert (period.first_day, period.last_day) == (date(2024, 2, 17), date(2024, 2, 18))
    week, _ = period_for("7d", None, now)
    assert week.start == datetime(2024, 2, 11, 12, 30)
    day, heading = period_for(None, "2024-02-18", now)
    assert (day.first_day, day.last_day, heading) == (date(2024, 2, 18), date(2024, 2, 18), "2024-02-18")
    assert period_for(None, None, now)[0] == period
    for since, on_day in [("24h", "2024-02-18"), ("soon", None), ("0h", None), (None, "18/2/2024")]:
        with pytest.raises(ValueError):
            period_for(since, on_day, now)


def test_a_link_without_an_outlet_or_date_still_reads():
    link = Link("x1", Bilingual("Tin", None), None, None, None)
    story = digest_story("s", [member("x1", "Tin", outlet=None, url="")], (None, None), [], [])
    assert story.articles[0].title == link.title
    assert "`tintuc read x1`" in markdown_digest(Digest("d", on(date(2024, 1, 1))[0], [story]))
