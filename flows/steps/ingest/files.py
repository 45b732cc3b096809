"""Find article files under the given paths and read them into documents."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from flows.steps.ingest.decode import UndecodableFile, decode_bytes
from flows.steps.ingest.formats import RecordProblem, SourceDocument, UnknownShape, parse_document
from flows.steps.ingest.normalize import normalize_text
from flows.steps.ingest.warc import is_warc

ARTICLE_SUFFIXES = frozenset({".txt", ".json", ".html", ".htm"})
MEBIBYTE = 1 << 20


@dataclass(frozen=True)
class SourceFile:
    """A file's bytes, the path it is known by, and the hash of its content."""

    source_path: str
    data: bytes
    url: str | None = None  # where the bytes were fetched from (a WARC record's target), if known
    is_html: bool = False  # the server said the bytes are an HTML page
    fetched_at: str | None = None  # when they were fetched (a WARC record's date, ISO 8601)

    @property
    def fetch_day(self) -> date | None:
        """Return the day the bytes were fetched, if known: "today" for the page's own relative dates."""
        try:
            return date.fromisoformat(self.fetched_at[:10]) if self.fetched_at else None
        except ValueError:
            return None

    @cached_property  # asked for by reading, duplicate checks, extraction and loading: hash once
    def content_sha256(self) -> str:
        """Return the SHA-256 of the file's bytes."""
        return hashlib.sha256(self.data).hexdigest()


class UnreadableSource(ValueError):
    """The file could not be read or parsed; the message says why."""

    check_name = "file_readable"


class FileTooLarge(UnreadableSource):
    """The file is over the size limit, so it was not read."""

    check_name = "file_size"


def display_path(path: Path) -> str:
    """Return the path relative to the working directory when under it, else absolute.

    Links are not followed: a file is named as the user placed it, not by its target.
    """
    absolute = Path(os.path.normpath(path.absolute()))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Yield every article file under the paths, lazily, in name order; hidden files skipped.

    Folders are walked one at a time, so a run over a million files starts at once and never
    holds the whole listing. A file named twice (a folder and a file in it) is yielded once.
    """
    # Only a run given several paths can meet a file twice; one path keeps no listing at all.
    yielded: set[Path] | None = set() if len(paths) > 1 else None
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        for found in [path] if path.is_file() else _walk(path):
            if yielded is not None:
                if found.absolute() in yielded:
                    continue
                yielded.add(found.absolute())
            yield found


def _walk(folder: Path) -> Iterator[Path]:
    """Yield the article files under folder, depth first, each folder's entries sorted by name."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return  # a folder that vanished or cannot be listed holds nothing we can read
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):  # a linked folder could loop back on itself
            yield from _walk(path)
        elif entry.is_file() and (path.suffix.lower() in ARTICLE_SUFFIXES or is_warc(path)):
            yield path


def read_source(path: Path, max_bytes: int) -> SourceFile:
    """Read a file's bytes, refusing one over max_bytes before reading it and naming OS errors."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise FileTooLarge(_too_large(size, max_bytes))
            # Read one byte past the limit: a file still growing is caught without reading it all.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise UnreadableSource(
            "the file disappeared between listing and reading (moved or deleted during the run)"
        ) from error
    except OSError as error:
        raise UnreadableSource(f"cannot read the file: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise FileTooLarge(_too_large(len(data), max_bytes))
    return SourceFile(display_path(path), data)


def _too_large(size: int, max_bytes: int) -> str:
    """Say how far over the size limit a file is, and how to raise the limit."""
    return (
        f"the file is {_size(size)}, over the {_size(max_bytes)} limit for one article file; "
        "split it, or raise TINTUC_MAX_FILE_BYTES"
    )


def _size(count: int) -> str:
    """Say a byte count as people read it."""
    return f"{count / MEBIBYTE:.1f} MiB" if count >= MEBIBYTE else f"{count / 1024:.0f} KiB"


def parse_source(source: SourceFile) -> list[SourceDocument | RecordProblem]:
    """Decode and parse a file into its articles."""
    try:
        text = decode_bytes(source.data)
    except UndecodableFile as error:
        raise UnreadableSource(str(error)) from error
    if not source.data:
        raise UnreadableSource("the file is empty (0 bytes)")
    # Its opening first: a page of 300 kB shows text there, and normalising all of it cost more
    # than extracting its article. Only a file blank so far is normalised whole.
    if not normalize_text(text[:4096]).strip() and not normalize_text(text).strip():
        raise UnreadableSource("the file holds only white space, no text")
    try:
        return parse_document(source.source_path, text, source.url, source.is_html)
    except UnknownShape as error:
        raise UnreadableSource(str(error)) from error
