"""One window of a run: a bounded group of files, read, extracted and translated together.

The flow (flows/pipeline.py) takes its input a window at a time and commits each window before
it reads the next, so a run's memory does not grow with its input and a run killed after k
windows keeps those k. A window is planned from the file listing alone (names and sizes, before
anything is read): at most `max_files` files and `max_bytes` bytes, whichever comes first. A file
is never split across windows: it loads in one transaction, whole or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from flows.steps.extract.article import extract_article
from flows.steps.ingest.files import SourceFile, UnreadableSource, parse_source
from flows.steps.ingest.formats import RecordProblem, SourceDocument
from flows.steps.ingest.sources import Source, read_any, source_name, source_size
from flows.steps.records import ArticleRecords, Reject, short_id

EXTRACT_FAILED = "extract_failed"
FILE_PARSES = "file_parses"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WindowLimits:
    """How much input one window holds at most."""

    max_files: int
    max_bytes: int


# The first window holds a 50th of max_files (1 file of the default 50), and each next one twice
# its predecessor up to max_files: the first article reaches the warehouse within seconds (its
# decode is a first run's last wait: one article's instead of two saved 0.3-0.7 s at N = 40), and the
# decoder starts on it while later windows are read; later windows keep its batches full (the
# same slow start as TCP's).
RAMP_DIVISOR = 50


def plan_windows(files: Iterable[Source], limits: WindowLimits) -> Iterator[list[Source]]:
    """Group files, in listing order, into windows of at most max_files files and max_bytes bytes.

    Windows start small and double up to max_files (RAMP_DIVISOR). A file larger than max_bytes
    makes a window of its own. Only sizes are read here.
    """
    window: list[Source] = []
    size = 0
    cap = max(1, -(-limits.max_files // RAMP_DIVISOR))
    for path in files:
        file_size = source_size(path)  # 0 when vanished or unreadable: reading it says why, in its window
        if window and (len(window) >= cap or size + file_size > limits.max_bytes):
            yield window
            window, size = [], 0
            cap = min(limits.max_files, cap * 2)
        window.append(path)
        size += file_size
    if window:
        yield window


@dataclass
class SeenThisRun:
    """What earlier windows of this run held, so a second copy in a later window is still caught.

    It keeps two short keys per file and article, not their data: a few megabytes for 10,000 files.
    """

    contents: set[str] = field(default_factory=set)
    first_path: dict[str, str] = field(default_factory=dict)  # by article id and by text key


@dataclass
class ReadWindow:
    """The files of one window to process, and what could not be read."""

    sources: list[SourceFile] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    files_seen: int = 0
    skipped: int = 0


def read_window(
    paths: list[Source],
    max_file_bytes: int,
    processed_among: Callable[[list[str]], set[str]],
    seen: SeenThisRun,
) -> ReadWindow:
    """Read a window's files, skipping contents processed before (processed_among asks the warehouse)."""
    window = ReadWindow(files_seen=len(paths))
    read: list[SourceFile] = []
    for path in paths:
        try:
            read.append(read_any(path, max_file_bytes))
        except UnreadableSource as error:
            window.rejects.append(Reject.of_file(source_name(path), error.check_name, str(error)))
    done_before = processed_among([source.content_sha256 for source in read])
    for source in read:
        if source.content_sha256 in done_before or source.content_sha256 in seen.contents:
            window.skipped += 1
            continue
        seen.contents.add(source.content_sha256)
        window.sources.append(source)
    return window


@dataclass
class ExtractedWindow:
    """Every article extracted from a window, and the files that gave none."""

    records: list[ArticleRecords] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def extract_window(
    sources: list[SourceFile], run_id: str, seen: SeenThisRun, today: date | None = None
) -> ExtractedWindow:
    """Parse and extract every source; what fails becomes a reject, the rest go on."""
    window = ExtractedWindow()
    for source in sources:
        documents = _parse_or_reject(source)
        if isinstance(documents, Reject):
            window.rejects.append(documents)
            continue
        # Read once per file, not once per record (a JSON array may hold 20,000 records).
        content_sha256 = source.content_sha256
        for document in documents:
            if isinstance(document, RecordProblem):
                window.rejects.append(Reject.of_file(document.source_path, "record_shape", document.message))
                continue
            # An archived page's year-less dates ("Sáng 28/9") are read as of the day it was fetched.
            result = _extract_or_reject(document, content_sha256, run_id, today or source.fetch_day)
            if isinstance(result, Reject):
                window.rejects.append(result)
                continue
            keys = (result.article_id, _text_key(result))
            same = next((key for key in keys if key in seen.first_path), None)
            if same is not None:
                # Without a URL the id is the text's own key: a duplicate is then always "same text".
                by_text = same == keys[1] or not result.article["url"]
                window.rejects.append(_duplicate(result, seen.first_path[same], by_text))
            else:
                seen.first_path.update(dict.fromkeys(keys, document.source_path))
                window.records.append(result)
    return window


def _parse_or_reject(source: SourceFile) -> list[SourceDocument | RecordProblem] | Reject:
    """Parse one file; a file that cannot be parsed, for any reason, is rejected and the others go on.

    Only `Exception` is caught: KeyboardInterrupt and SystemExit are the user stopping the run,
    and MemoryError means the process itself is in trouble (the next file would likely fail
    too), so those still end the run, whose committed windows stay loaded.
    """
    try:
        return parse_source(source)
    except UnreadableSource as error:
        return Reject.of_file(source.source_path, FILE_PARSES, str(error))
    except MemoryError:
        raise  # an Exception subclass, but about the process, not this file (see above)
    except Exception as error:  # the boundary: no one file, whatever it holds, may fail the run
        logger.exception("parsing %s failed", source.source_path)
        return Reject.of_file(
            source.source_path,
            FILE_PARSES,
            f"the file could not be parsed ({type(error).__name__}: {str(error)[:300]}); the other "
            "files went on. This is a bug in tintuc: please report it with this file",
        )


def _extract_or_reject(
    document: SourceDocument, content_sha256: str, run_id: str, today: date | None
) -> ArticleRecords | Reject:
    """Extract one document; an unexpected error rejects this article instead of failing the run."""
    try:
        return extract_article(document, content_sha256, run_id, today)
    except MemoryError:
        raise  # the process is out of memory: not this article's fault (see _parse_or_reject)
    except Exception as error:  # the boundary: a bug met on one article must not cost the others
        logger.exception("extracting %s failed", document.source_path)
        return Reject.of_file(
            document.source_path,
            EXTRACT_FAILED,
            f"extraction failed ({type(error).__name__}: {error}); the other articles went on. "
            "This is a bug in tintuc: please report it with this file",
        )


def _text_key(records: ArticleRecords) -> str:
    """Return a key of the article's normalised text: one article saved twice, in two encodings, matches."""
    return "text:" + short_id(*(str(segment["text_vi"]) for segment in records.segments))


def _duplicate(records: ArticleRecords, first: str, by_text: bool) -> Reject:
    """Reject a second copy of an article already read this run (same URL, or same text)."""
    where = "same text" if by_text else f"same article ({records.article['url'] or first})"
    return Reject.of_file(
        str(records.article["source_path"]),
        "duplicate_article",
        f"{where} as {first}, which is loaded instead",
    )
