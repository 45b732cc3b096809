"""A real HTTP news site the tests start on 127.0.0.1 (a free port, a thread): a feed, pages, and every fault
a crawler meets.

Routes: /robots.txt (disallows /private/), /feed.xml (RSS 2.0 with ETag and Last-Modified, 304 on a
match), /atom.xml, /faults.xml (an RSS feed whose items are good pages and every fault below),
/feed-1000.xml, /malformed.xml, /sitemap.xml, /article/N, and the faults: /status/404, /status/410,
/busy/429 and /busy/503 (with Retry-After: 0), /slow (answers after the test is over), /reset (drops
the connection), /endless (a body that never ends), /bomb (a gzip bomb), /loop (redirects in a
circle), /to-file (redirects to file://), /to-private (redirects to the cloud metadata address),
/wrong-type (application/pdf), /no-type (binary, no Content-Type), /wrong-charset (UTF-8 declared
as ISO-8859-1: must still read right), /private/page (disallowed by robots.txt).

Nothing here depends on timing: the slow route waits on an event the server sets when it stops.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.warc_files import article_html

FAULTS = (
    "/status/404",
    "/status/410",
    "/busy/429",
    "/busy/503",
    "/slow",
    "/reset",
    "/endless",
    "/bomb",
    "/loop",
    "/to-file",
    "/to-private",
    "/wrong-type",
    "/no-type",
    "/private/page",
)
GOOD = tuple(f"/article/{number}" for number in range(1, 4))
ETAG = '"feed-v1"'
LAST_MODIFIED = "Mon, 01 Dec 2025 08:00:00 GMT"
# 64 MiB of zeros, sent as 64 KiB of gzip.
BOMB = gzip.compress(b"\0" * (64 << 20), compresslevel=9)


def rss(base: str, paths: list[str] | tuple[str, ...]) -> str:
    """Return an RSS 2.0 feed whose items link to paths on base."""
    items = "".join(
        f"<item><title>Tin {number}</title><link>{base}{path}?utm_source=rss#top</link>"
        f"<pubDate>Mon, 01 Dec 2025 {number % 24:02d}:00:00 GMT</pubDate></item>"
        for number, path in enumerate(paths)
    )
    channel = f"<channel><title>Báo Mẫu</title>{items}</channel>"
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">{channel}</rss>'


def atom(base: str, paths: list[str]) -> str:
    """Return an Atom feed whose entries link to paths on base."""
    entries = "".join(
        f'<entry><title>Tin {n}</title><link href="{base}{path}"/><id>{base}{path}</id>'
        f"<updated>2025-12-01T0{n}:00:00Z</updated></entry>"
        for n, path in enumerate(paths)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Báo</title>{entries}</feed>'


@dataclass
class NewsSite:
    """The running site: its base URL and every path it was asked for, in order."""

    base: str
    requests: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def asked(self, prefix: str) -> list[str]:
        """Return the paths asked for that start with prefix."""
        return [path for path in self.requests if path.startswith(prefix)]


class _Handler(BaseHTTPRequestHandler):
    site: NewsSite
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # the tests read site.requests instead
        pass

    def _send(
        self, status: int, body: bytes, content_type: str | None = "text/html; charset=utf-8", **extra: str
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in extra.items():
            self.send_header(key.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._send(302, b"", None, Location=location)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.site.requests.append(self.path)
        self.site.headers.append(dict(self.headers.items()))
        base = self.site.base
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG:
                self._send(304, b"", None, ETag=ETAG)
            else:
                body = rss(base, GOOD).encode()
                self._send(200, body, "application/rss+xml", ETag=ETAG, Last_Modified=LAST_MODIFIED)
        elif path == "/faults.xml":
            self._send(200, rss(base, (*GOOD, "/wrong-charset", *FAULTS)).encode(), "application/rss+xml")
        elif path == "/atom.xml":
            self._send(200, atom(base, list(GOOD)).encode(), "application/atom+xml")
        elif path == "/feed-1000.xml":
            self._send(
                200, rss(base, [f"/article/{n}" for n in range(1, 1001)]).encode(), "application/rss+xml"
            )
        elif path == "/malformed.xml":
            self._send(200, b"<?xml version='1.0'?><rss><channel><item><title>Tin", "application/rss+xml")
        elif path == "/sitemap.xml":
            locs = "".join(
                f"<url><loc>{base}{p}</loc><lastmod>2025-12-0{n + 1}</lastmod></url>"
                for n, p in enumerate(GOOD)
            )
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            self._send(200, body.encode(), "application/xml")
        elif path.startswith("/article/"):
            self._send(200, article_html(int(path.rsplit("/", 1)[1])).encode())
        else:
            self._fault(path)

    def _fault(self, path: str) -> None:
        if path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), b"<html><body>Not here</body></html>")
        elif path.startswith("/busy/"):
            self._send(int(path.rsplit("/", 1)[1]), b"busy", "text/plain", Retry_After="0")
        elif path == "/slow":
            self.site.stop.wait(600)  # released when the test's server stops; the client gave up long before
            with contextlib.suppress(OSError):  # the client hung up long ago
                self._send(200, article_html(99).encode())
        elif path == "/reset":
            # SO_LINGER 0: closing sends a TCP reset instead of a clean end.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.wfile.close()
            self.rfile.close()
            self.connection.close()
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            chunk = b"<p>" + "vô tận ".encode() * 8000 + b"</p>"
            while not self.site.stop.is_set():
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return  # the client hung up: the cap worked
        elif path == "/bomb":
            self._send(200, BOMB, Content_Encoding="gzip")
        elif path in {"/loop", "/loop2"}:
            self._redirect("/loop2" if path == "/loop" else "/loop")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/to-private":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/wrong-type":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj", "application/pdf")
        elif path == "/no-type":
            self._send(200, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), None)
        elif path == "/wrong-charset":
            self._send(200, article_html(7).encode("utf-8"), "text/html; charset=iso-8859-1")
        else:
            self._send(404, b"no such page", "text/plain")


@contextmanager
def news_site() -> Iterator[NewsSite]:
    """Start the site on 127.0.0.1 on a free port in a thread; stop it (and release slow answers) after."""
    handler = type("Handler", (_Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site = NewsSite(f"http://127.0.0.1:{server.server_address[1]}")
    handler.site = site  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        server.shutdown()
        server.server_close()
