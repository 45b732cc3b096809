"""Read crawl archives (WARC, as Common Crawl, news-please, `wget --warc-file` and tintuc's own fetcher write
them) through warcio, one record at a time.

Each HTML `response` record with status 200 is one source, named `crawl.warc.gz#OFFSET` (the byte
offset of its record in the file, which is also where a tool such as `warcio extract` finds it),
with its target URI as the article's URL when the page names none. A source is sent to a worker as
that name and offset, never as bytes, and read there by seeking to it, so a WARC of any size is
read with flat memory and its first window starts once its first records are listed.

`request`, `revisit`, `warcinfo` and `metadata` records, responses that are not HTML, and responses
with another status are skipped and counted (`WarcCounts`, logged per file). A record that cannot be
read (a cut-off file, a corrupt gzip member or header) becomes a `WarcProblem` naming its offset;
reading goes on at the next record the file holds (the next gzip member or `WARC/` line).
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

logger = logging.getLogger(__name__)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Bytes searched at a time for the next record after a broken one.
_SCAN_CHUNK = 1 << 20
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"(?:^|\r?\n)WARC/1\.[01]\r?\n")


def is_warc(path: Path) -> bool:
    """Tell whether a file is a web archive by its name (`.warc`, `.warc.gz`, `.arc`, `.arc.gz`)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True)
class WarcRecordRef:
    """One HTML response record of a WARC file: where it is, what it was fetched from and when."""

    warc_path: str  # as the user named the file (display_path)
    offset: int
    target_uri: str | None = None
    fetched_at: str | None = None  # the record's WARC-Date
    length: int = 0  # the record's length in the file (its size for window planning)

    @property
    def name(self) -> str:
        """Return the source's name: the WARC file and the record's offset in it."""
        return f"{self.warc_path}#{self.offset}"


@dataclass(frozen=True)
class WarcProblem:
    """A record of a WARC file that could not be read, and why; the file's other records still load."""

    warc_path: str
    offset: int
    message: str

    @property
    def name(self) -> str:
        """Return the name of the broken record: the WARC file and its offset."""
        return f"{self.warc_path}#{self.offset}"


@dataclass
class WarcCounts:
    """What a WARC file held besides its HTML pages."""

    pages: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    broken: int = 0

    def skip(self, why: str) -> None:
        """Count one record skipped for a reason ("request", "not HTML", "status 404")."""
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def describe(self) -> str:
        """Say the counts in words, for the log."""
        skipped = ", ".join(f"{count} {why}" for why, count in sorted(self.skipped.items())) or "none"
        return f"{self.pages} HTML pages, skipped {skipped}, {self.broken} broken records"


def _content_type(record: object) -> str:
    """Return a response record's media type, lower case, without parameters ("" when it has none)."""
    headers = getattr(record, "http_headers", None)
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").split(";", 1)[0].strip().lower()


def _why_skipped(record: object) -> str | None:
    """Return why a record is not a page to read, or None for an HTML response with status 200."""
    kind = str(getattr(record, "rec_type", ""))
    if kind != "response":
        return kind or "untyped"
    headers = getattr(record, "http_headers", None)
    status = headers.get_statuscode() if headers is not None else None
    if status != "200":
        return f"status {status}"
    media = _content_type(record)
    if media and media not in HTML_TYPES:
        return "not HTML"
    return None


def iter_warc(
    path: Path, name: str, counts: WarcCounts | None = None
) -> Iterator[WarcRecordRef | WarcProblem]:
    """Yield the HTML page records of a WARC file, lazily, and a problem for each record that is broken."""
    counts = counts if counts is not None else WarcCounts()
    with path.open("rb") as handle:
        start: int | None = 0
        while start is not None:
            start = yield from _records_from(handle, start, name, counts)
    logger.info("%s: %s", name, counts.describe())


def _records_from(
    handle: BinaryIO, start: int, name: str, counts: WarcCounts
) -> Generator[WarcRecordRef | WarcProblem, None, int | None]:
    """Yield records from start until the file ends (return None) or breaks (return where to go on)."""
    handle.seek(start)
    iterator = ArchiveIterator(handle)  # its offsets are the file's own: it starts from handle.tell()
    try:
        for record in iterator:
            why = _why_skipped(record)
            headers = record.rec_headers
            target, date = headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")
            # Asking the offset reads the record to its end (its body is read later, on a worker);
            # a record whose block ends before its Content-Length was cut off.
            offset, length = iterator.get_record_offset(), iterator.get_record_length()
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:
                counts.broken += 1
                yield WarcProblem(
                    name, offset, _describe_break(EOFError(f"its last {missing} bytes are missing"))
                )
            elif why is not None:
                counts.skip(why)
            else:
                counts.pages += 1
                yield WarcRecordRef(name, offset, target, date, length)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as error:
        counts.broken += 1
        broken_at = max(start, iterator.offset)  # where the record being read began
        yield WarcProblem(name, broken_at, _describe_break(error))
        return _next_record(handle, broken_at + 1, _gzipped(handle))
    return None


def _gzipped(handle: BinaryIO) -> bool:
    """Tell whether a WARC file is gzipped (its first bytes are a gzip member's), whatever its name."""
    position = handle.tell()
    handle.seek(0)
    magic = handle.read(3)
    handle.seek(position)
    return magic == _GZIP_MEMBER


def _describe_break(error: Exception) -> str:
    """Say why a record could not be read, and what the user can do."""
    printable = "".join(ch if ch.isprintable() and ord(ch) < 0x7F else "?" for ch in str(error))
    detail = printable.splitlines()[0][:120] if printable else type(error).__name__
    return (
        f"a broken WARC record ({type(error).__name__}: {detail}): the file is cut off or damaged here; "
        "the records before and after it were read. Fetch or copy the archive again to read this one"
    )


def _next_record(handle: BinaryIO, position: int, gzipped: bool) -> int | None:
    """Return where the next record after position starts (a gzip member, or a `WARC/1.x` line), or None."""
    handle.seek(position)
    while chunk := handle.read(_SCAN_CHUNK + 16):
        if gzipped:
            hit = chunk.find(_GZIP_MEMBER)
        else:
            line = _WARC_LINE.search(chunk)
            hit = -1 if line is None else line.end() - len(line.group().lstrip(b"\r\n"))
        if hit >= 0:
            return position + hit
        position += _SCAN_CHUNK
        handle.seek(position)
    return None


def read_record(ref: WarcRecordRef, warc_file: Path, max_bytes: int) -> tuple[bytes, str | None]:
    """Return the body of the response record at ref.offset (at most max_bytes + 1 bytes) and its URI.

    Raises ValueError when the offset holds no readable response record.
    """
    with warc_file.open("rb") as handle:
        handle.seek(ref.offset)
        try:
            record = next(iter(ArchiveIterator(handle)))
            if record.rec_type != "response":
                raise ValueError(f"the record at byte {ref.offset} is a {record.rec_type}, not a response")
            return record.content_stream().read(max_bytes + 1), record.rec_headers.get_header(
                "WARC-Target-URI"
            )
        except (ArchiveLoadFailed, EOFError, zlib.error, StopIteration) as error:
            raise ValueError(
                f"no readable WARC record at byte {ref.offset} ({type(error).__name__})"
            ) from error
