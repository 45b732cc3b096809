"""What a run reads, one source at a time: an article file, a WARC page record, or a problem to report.

A run's sources are listed lazily (`iter_sources`): the files under its paths, each WARC file among
them expanded into its HTML page records as it is read. A source is small and picklable (a path, or
a WARC file's name and a record's offset), so a window of them is planned from the listing alone
and sent to a Dask worker as is; `read_any` reads its bytes where the window runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flows.steps.ingest.files import FileTooLarge, SourceFile, UnreadableSource, display_path, read_source
from flows.steps.ingest.files import iter_files as iter_files
from flows.steps.ingest.warc import WarcProblem, WarcRecordRef, is_warc, iter_warc, read_record


@dataclass(frozen=True)
class FetchProblem:
    """A URL that could not be fetched or read, and why (flows/steps/fetch/); the run goes on."""

    url: str
    message: str

    @property
    def name(self) -> str:
        """Return the name its reject is stored under: the URL."""
        return self.url


class FetchFailedSource(UnreadableSource):
    """A URL the fetcher could not fetch, or whose response is no page."""

    check_name = "url_fetches"


Source = Path | WarcRecordRef | WarcProblem | FetchProblem


def iter_sources(paths: list[Path]) -> Iterator[Source]:
    """Yield every source under paths, lazily: article files, and the page records of each WARC file."""
    for path in iter_files(paths):
        if is_warc(path):
            yield from iter_warc(path, display_path(path))
        else:
            yield path


def chain_sources(*groups: Iterable[Source]) -> Iterator[Source]:
    """Yield the sources of each group in turn (files first, then what a fetch brings)."""
    for group in groups:
        yield from group


def source_name(source: Source) -> str:
    """Return the name a source is known by in the warehouse: a file's path, or `file.warc.gz#OFFSET`."""
    return display_path(source) if isinstance(source, Path) else source.name


def source_size(source: Source) -> int:
    """Return a source's size in bytes for window planning (0 when unknown: reading it says why)."""
    if isinstance(source, Path):
        try:
            return source.stat().st_size
        except OSError:
            return 0
    return source.length if isinstance(source, WarcRecordRef) else 0


def read_any(source: Source, max_bytes: int) -> SourceFile:
    """Read a source's bytes: a file whole, a WARC record's body; a broken record raises its problem."""
    if isinstance(source, Path):
        return read_source(source, max_bytes)
    if isinstance(source, WarcProblem):
        raise UnreadableSource(source.message)
    if isinstance(source, FetchProblem):
        raise FetchFailedSource(source.message)
    try:
        data, uri = read_record(source, Path(source.warc_path), max_bytes)
    except FileNotFoundError as error:
        raise UnreadableSource("the WARC file disappeared between listing and reading") from error
    except (OSError, ValueError) as error:
        raise UnreadableSource(str(error)) from error
    if len(data) > max_bytes:
        raise FileTooLarge(
            f"the page is over the {max_bytes // 1024} KiB limit for one article; raise TINTUC_MAX_FILE_BYTES"
        )
    return SourceFile(
        source.name, data, url=uri or source.target_uri, is_html=True, fetched_at=source.fetched_at
    )
