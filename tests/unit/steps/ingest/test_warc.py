"""WARC input: each HTML 200 response is a page; other records are skipped and counted; a broken record is
a problem naming its offset, and the records before and after it still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.steps.ingest.files import UnreadableSource
from flows.steps.ingest.sources import iter_sources, read_any, source_name
from flows.steps.ingest.warc import WarcCounts, WarcProblem, WarcRecordRef, iter_warc
from tests.support.warc_files import page_record, write_warc


def crawl(path: Path, gzip: bool = True) -> list[int]:
    return write_warc(
        path,
        [
            ("request", "https://bao.example/tin-1.html", 0, "", b"GET /tin-1.html HTTP/1.1\r\n\r\n"),
            page_record(1),
            ("revisit", "https://bao.example/tin-1.html", 0, "", b""),
            page_record(2, content_type="image/jpeg"),
            page_record(3, status=404),
            page_record(4),
            ("metadata", "https://bao.example/tin-4.html", 0, "", b"fetchTimeMs: 12"),
        ],
        gzip=gzip,
    )


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_each_html_response_is_a_page_named_by_its_offset_and_the_rest_are_counted(tmp_path, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    offsets = crawl(path, gzip)
    counts = WarcCounts()
    found = list(iter_warc(path, str(path), counts))
    assert [ref.offset for ref in found] == [offsets[1], offsets[5]]
    assert all(isinstance(ref, WarcRecordRef) for ref in found)
    assert found[0].target_uri == "https://bao.example/tin-1.html"
    assert counts.pages == 2
    assert counts.skipped == {"request": 1, "revisit": 1, "not HTML": 1, "status 404": 1, "metadata": 1}
    source = read_any(found[1], 1 << 20)
    assert source.source_path == f"{path}#{offsets[5]}"
    assert source.url == "https://bao.example/tin-4.html" and source.is_html
    assert "bài số 4" in source.data.decode()


def test_a_cut_off_warc_keeps_the_records_before_the_cut(tmp_path):
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, [page_record(n) for n in range(1, 4)])
    path.write_bytes(path.read_bytes()[:-40])
    found = list(iter_warc(path, "cut.warc.gz"))
    assert [type(item) for item in found] == [WarcRecordRef, WarcRecordRef, WarcProblem]
    problem = found[2]
    assert problem.offset == offsets[2] and problem.name == f"cut.warc.gz#{offsets[2]}"
    assert "cut off or damaged" in problem.message
    with pytest.raises(UnreadableSource, match="broken WARC record"):
        read_any(problem, 1 << 20)


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_corrupt_record_in_the_middle_is_a_problem_and_the_records_after_it_still_read(tmp_path, gzip):
    path = tmp_path / ("mid.warc.gz" if gzip else "mid.warc")
    offsets = write_warc(path, [page_record(n) for n in range(1, 5)], gzip=gzip)
    data = bytearray(path.read_bytes())
    data[offsets[1] + 5 : offsets[1] + 25] = b"X" * 20  # inside the second record's gzip member or header
    path.write_bytes(bytes(data))
    found = list(iter_warc(path, "mid"))
    pages = [item.offset for item in found if isinstance(item, WarcRecordRef)]
    problems = [item for item in found if isinstance(item, WarcProblem)]
    assert pages[0] == offsets[0] and pages[-2:] == [offsets[2], offsets[3]]
    assert [problem.offset for problem in problems] == [offsets[1]]


def test_a_folder_lists_its_warc_pages_beside_its_article_files(tmp_path):
    (tmp_path / "a.txt").write_text("Tiêu đề\nNội dung bài báo.", encoding="utf-8")
    offsets = write_warc(tmp_path / "b.warc.gz", [page_record(1)])
    names = [source_name(source) for source in iter_sources([tmp_path])]
    assert names == [f"{tmp_path / 'a.txt'}", f"{tmp_path / 'b.warc.gz'}#{offsets[0]}"]


def test_an_archived_pages_year_less_date_is_read_as_of_the_day_it_was_fetched(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from flows.steps.window import SeenThisRun, extract_window

    lead = "Sáng 28/9, một tia sét đánh trúng mái nhà dân ở xã Xuân Lĩnh, huyện Nghi Xuân, Hà Tĩnh."
    # The text names a year to come: read as of today, the dateline would be given that year.
    body = "Xã đã sửa lưới điện năm 2018 và dự kiến đến năm 2019 mới lắp đủ cột thu lôi cho các thôn."
    page = (
        "<html><head><title>Sét đánh bay mái nhà</title></head><body><article><h1>Sét đánh bay mái nhà</h1>"
    )
    page += f"<p>{lead}</p><p>{body}</p></article></body></html>"
    path = tmp_path / "2018.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://bao.example/set.html",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2018-09-29T05:00:00Z"},
            )
        )
    [ref] = list(iter_warc(path, str(path)))
    window = extract_window([read_any(ref, 1 << 20)], "run", SeenThisRun())
    [records] = window.records
    assert str(records.article["published_on"]) == "2018-09-28"
