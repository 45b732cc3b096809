"""WARC files the tests write with warcio: HTML pages, and the records a crawl holds besides them."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def article_html(number: int) -> str:
    """Return a small Vietnamese news page, different for each number."""
    paragraphs = "".join(
        f"<p>Đoạn {part} của bài số {number}: người dân Hà Nội đổ ra đường đón năm mới, "
        f"nhiều tuyến phố trung tâm được cấm xe từ chiều tối để bảo đảm an toàn.</p>"
        for part in range(1, 5)
    )
    return (
        f"<!DOCTYPE html><html><head><title>Tin số {number}</title>"
        f'<meta property="og:title" content="Hà Nội đón năm mới, bài số {number}"></head>'
        f"<body><nav><a href='/'>Trang chủ</a></nav><article><h1>Hà Nội đón năm mới, bài số {number}</h1>"
        f"{paragraphs}</article><footer>© Báo Mẫu</footer></body></html>"
    )


def write_warc(path: Path, records: list[tuple[str, str, int, str, bytes]], gzip: bool = True) -> list[int]:
    """Write records (type, uri, status, content type, body) to a WARC file; return each record's offset."""
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for kind, uri, status, content_type, body in records:
            offsets.append(handle.tell())
            if kind == "response":
                headers = StatusAndHeaders(
                    f"{status} {'OK' if status == 200 else 'Error'}",
                    [("Content-Type", content_type)] if content_type else [],
                    protocol="HTTP/1.1",
                )
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            else:
                record = writer.create_warc_record(uri, kind, payload=io.BytesIO(body))
            writer.write_record(record)
    return offsets


def page_record(number: int, status: int = 200, content_type: str = "text/html; charset=utf-8"):
    """Return a response record of article page number."""
    return (
        "response",
        f"https://bao.example/tin-{number}.html",
        status,
        content_type,
        article_html(number).encode(),
    )
