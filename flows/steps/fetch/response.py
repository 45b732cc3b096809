"""What the fetcher hands on: a response as received, or a failure saying what to do."""

from __future__ import annotations

import email.utils
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version


class FetchFailed(Exception):
    """A URL could not be fetched; the message names it, the status or error, and what to do."""


@dataclass
class Response:
    """A response as received: where from, its status and headers, its (decompressed) body."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime
    archived: tuple[str, int] | None = None  # the WARC file and offset it was written to
    redirects: list[str] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        """Return a header's value (the first, case blind), or None."""
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    @property
    def media_type(self) -> str:
        """Return the Content-Type's media type in small letters ("" when there is none)."""
        return (self.header("Content-Type") or "").split(";", 1)[0].strip().lower()


def user_agent(contact: str) -> str:
    """Return the User-Agent: tintuc, its version, and how to reach whoever runs it."""
    try:
        release = version("tintuc")
    except PackageNotFoundError:
        release = "dev"
    reach = contact or "set TINTUC_FETCH_CONTACT to an email or URL"
    return f"tintuc/{release} (+{reach}; Vietnamese news reader)"


def retry_after(value: str | None) -> float | None:
    """Return the seconds a Retry-After header asks for (a number or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def too_large(url: str, what: str, cap: int, setting: str) -> str:
    """Say that a response is over a byte cap, and which setting raises it."""
    return (
        f"{url}: the response {what} than the {cap:,}-byte limit; not an article page "
        f"(raise TINTUC_FETCH_MAX_{setting}BYTES if it is one)"
    )
