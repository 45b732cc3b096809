"""A polite, careful HTTP client (httpx): what a crawler is expected to do, and what keeps tintuc safe.

- It names itself: `tintuc/VERSION (+CONTACT)`, CONTACT from TINTUC_FETCH_CONTACT.
- It honours robots.txt (read once per site and run; its Crawl-delay too). A robots.txt that is
  missing (4xx) allows everything; one the server fails to give (5xx, no answer) allows nothing
  this run, as RFC 9309 asks.
- One request at a time, and TINTUC_FETCH_DELAY_S between two requests to one host.
- A 429 or 503, a dropped connection or a timeout is tried again TINTUC_FETCH_RETRIES times, after
  the server's Retry-After when it gives one (up to TINTUC_FETCH_MAX_RETRY_WAIT_S), else after 1,
  2, 4… seconds.
- Connect and read timeouts; at most TINTUC_FETCH_MAX_TRANSFER_BYTES sent and TINTUC_FETCH_MAX_BYTES
  once decompressed (tintuc decompresses itself, a bounded piece at a time: a gzip bomb stops at
  the cap instead of filling memory); at most TINTUC_FETCH_MAX_REDIRECTS redirects, each checked
  again (scheme, address, robots.txt).
- Only http and https, and only public addresses (flows/steps/fetch/guard.py).

Every response received (redirects and robots.txt included) goes to `on_response` (the archive)
before anything else reads it. A URL that cannot be fetched raises FetchFailed, whose message
names the URL, the status or error, and what to do.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from flows.settings import Settings
from flows.steps.fetch.guard import AddressRefused, Resolver, checked_address, networks, resolve
from flows.steps.fetch.response import FetchFailed, Response, retry_after, too_large, user_agent
from flows.steps.fetch.robots import AGENT, rules_from
from flows.steps.fetch.urls import SCHEMES

RETRY_STATUSES = frozenset({429, 503})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
_DECODED = frozenset({"gzip", "x-gzip", "deflate"})


class PoliteClient:
    """Fetch URLs one at a time, politely and safely (see the module's docstring)."""

    def __init__(
        self,
        settings: Settings,
        on_response: Callable[[Response], tuple[str, int] | None] = lambda response: None,
        resolver: Resolver = resolve,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.on_response = on_response
        self.resolver = resolver
        self.sleep = sleep
        self.allowed = networks(settings.fetch_allowed_addresses.split(","))
        self.robots: dict[str, RobotFileParser | str] = {}
        self.delays: dict[str, float] = {}
        self.last_request: dict[str, float] = {}
        self.requests = 0
        timeout = httpx.Timeout(
            settings.fetch_read_timeout_s,
            connect=settings.fetch_connect_timeout_s,
            pool=settings.fetch_connect_timeout_s,
        )
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would reach addresses the guard refuses
            headers={"User-Agent": user_agent(settings.fetch_contact), "Accept-Encoding": "gzip, deflate"},
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.client.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """Fetch url, following redirects; return the final response, whatever its status."""
        current, hops = url, list[str]()
        for _ in range(self.settings.fetch_max_redirects + 1):
            try:
                self._check_scheme(current)
                self._address(current)  # before robots.txt: a refused site is not asked even for that
                self._check_robots(current)
                response = self._with_retries(current, headers or {})
            except FetchFailed as error:
                if current == url:
                    raise
                raise FetchFailed(f"{url}: redirected to {error}") from error
            location = response.header("Location")
            if response.status not in REDIRECT_STATUSES or not location:
                response.redirects = hops
                return response
            hops.append(current)
            current = urljoin(current, location.strip())
        raise FetchFailed(
            f"{url}: more than {self.settings.fetch_max_redirects} redirects (last to {current}), "
            "a redirect loop: check the URL in a browser, or raise TINTUC_FETCH_MAX_REDIRECTS"
        )

    def _check_scheme(self, current: str) -> None:
        """Refuse any scheme but http and https (a redirect to file:// or ftp:// included)."""
        scheme = urlsplit(current).scheme.lower()
        if scheme not in SCHEMES:
            raise FetchFailed(f"{current}: only http and https URLs are fetched, not {scheme}://")

    def _check_robots(self, url: str) -> None:
        """Refuse a URL the site's robots.txt disallows for tintuc."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._load_robots(origin)
        rules = self.robots[origin]
        if isinstance(rules, str):
            raise FetchFailed(f"{url}: {rules}")
        if not rules.can_fetch(AGENT, url):
            raise FetchFailed(
                f"{url}: {origin}/robots.txt disallows it for tintuc; not fetched "
                "(ask the site, or leave it out)"
            )
        delay = rules.crawl_delay(AGENT)
        if delay:
            self.delays[parts.hostname or ""] = float(delay)

    def _load_robots(self, origin: str) -> RobotFileParser | str:
        """Read a site's robots.txt: its rules, or why nothing may be fetched from it this run."""
        try:
            return rules_from(self._follow(f"{origin}/robots.txt", ROBOTS_MAX_BYTES))
        except FetchFailed as error:
            return f"its site's robots.txt could not be read ({error}), so nothing is fetched there this run"

    def _follow(self, url: str, max_bytes: int) -> Response:
        """Fetch url (robots.txt) following redirects, without asking robots.txt about it."""
        current = url
        for _ in range(self.settings.fetch_max_redirects + 1):
            self._check_scheme(current)
            response = self._with_retries(current, {}, max_bytes)
            location = response.header("Location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response
            current = urljoin(current, location.strip())
        raise FetchFailed(f"{url}: a redirect loop")

    def _with_retries(self, url: str, headers: dict[str, str], max_bytes: int | None = None) -> Response:
        """Send one request, again after a 429, 503 or transport error, as the settings allow."""
        retries = self.settings.fetch_retries
        for attempt in range(retries + 1):
            try:
                response = self._send(url, headers, max_bytes or self.settings.fetch_max_bytes)
            except _Transient as error:
                if attempt == retries:
                    tries = f" after {attempt + 1} tries" if attempt else ""
                    raise FetchFailed(f"{url}: {error}{tries}; the next run tries again") from error
                self.sleep(min(2.0**attempt, self.settings.fetch_max_retry_wait_s))
                continue
            if response.status not in RETRY_STATUSES or attempt == retries:
                return response
            wait = retry_after(response.header("Retry-After"))
            if wait is not None and wait > self.settings.fetch_max_retry_wait_s:
                return response  # longer than we wait: the caller reports the status, the next run tries
            self.sleep(wait if wait is not None else min(2.0**attempt, self.settings.fetch_max_retry_wait_s))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _send(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        """Send one GET to the checked address of url's host, after this host's turn; read it capped."""
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
        address = self._address(url)
        self._wait_turn(host)
        pinned = f"[{address}]" if ":" in address else address
        target = urlunsplit((parts.scheme, f"{pinned}:{port}", parts.path or "/", parts.query, ""))
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        request = self.client.build_request(
            "GET", target, headers={**headers, "Host": parts.netloc.rsplit("@", 1)[-1]}, extensions=extensions
        )
        self.requests += 1
        try:
            response = self.client.send(request, stream=True)
        except httpx.TimeoutException as error:
            raise _Transient(f"no answer within the timeout ({type(error).__name__})") from error
        except httpx.TransportError as error:
            raise _Transient(f"the connection failed ({type(error).__name__}: {error})") from error
        try:
            body = self._read_capped(url, response, max_bytes)
        except httpx.TimeoutException as error:
            raise _Transient(
                f"the server stopped sending within the timeout ({type(error).__name__})"
            ) from error
        except httpx.TransportError as error:
            raise _Transient(
                f"the connection broke mid-response ({type(error).__name__}: {error})"
            ) from error
        finally:
            response.close()
        received = Response(
            url,
            response.status_code,
            response.reason_phrase,
            list(response.headers.multi_items()),
            body,
            datetime.now(UTC).replace(tzinfo=None),
        )
        received.archived = self.on_response(received)
        return received

    def _address(self, url: str) -> str:
        """Return the checked address to connect to for url's host, or raise saying why it is refused."""
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            return checked_address(
                parts.hostname or "", port, self.settings.fetch_allow_private, self.allowed, self.resolver
            )
        except AddressRefused as error:
            raise FetchFailed(f"{url}: {error}") from error

    def _wait_turn(self, host: str) -> None:
        """Sleep until this host's delay has passed since its last request."""
        delay = max(self.settings.fetch_delay_s, self.delays.get(host, 0.0))
        last = self.last_request.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self.last_request[host] = time.monotonic()

    def _read_capped(self, url: str, response: httpx.Response, max_bytes: int) -> bytes:
        """Read a body, stopping at the transfer cap and at max_bytes decompressed (gzip bombs)."""
        transfer_cap = self.settings.fetch_max_transfer_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > transfer_cap:
            raise FetchFailed(
                too_large(url, f"says it is {int(declared):,} bytes", transfer_cap, "TRANSFER_")
            )
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in _DECODED | {"identity", ""}:
            raise FetchFailed(f"{url}: sent in an encoding tintuc does not read ({encoding})")
        decoder = zlib.decompressobj(wbits=47) if encoding in _DECODED else None  # 47: gzip or zlib header
        body, sent = bytearray(), 0
        for chunk in response.iter_raw():
            sent += len(chunk)
            if sent > transfer_cap:
                raise FetchFailed(too_large(url, "sent more", transfer_cap, "TRANSFER_"))
            try:
                piece = decoder.decompress(chunk, max_bytes + 1 - len(body)) if decoder else chunk
            except zlib.error as error:
                raise FetchFailed(f"{url}: its compressed body is damaged ({error})") from error
            body += piece
            if len(body) > max_bytes or (decoder is not None and decoder.unconsumed_tail):
                what = "unpacks to more (a gzip bomb?)" if decoder is not None else "is longer"
                raise FetchFailed(too_large(url, what, max_bytes, ""))
        return bytes(body)


class _Transient(Exception):
    """A failure worth trying again: a timeout, a refused or reset connection."""
