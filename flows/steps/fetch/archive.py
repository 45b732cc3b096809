"""Write every fetched response to a WARC file in the data folder, before anything extracts it.

One file a fetching run, `data/archive/tintuc-YYYYmmddTHHMMSS-PID.warc.gz`, a gzip member per
record as every WARC tool expects. A record holds the response as received, except its body is
stored decompressed (tintuc reads it decompressed, a byte cap at a time), so its
Content-Encoding, Transfer-Encoding and Content-Length headers are left out. Each record is flushed
as it is written: a worker reads it by offset at once, and a run killed mid-fetch keeps what it
fetched. `tintuc run data/archive/` extracts the archive again without fetching.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.steps.fetch.response import Response
from flows.steps.ingest.files import display_path

_DROPPED = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class ArchiveWriter:
    """Append responses to this run's WARC file, opened on the first response."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None
        self.handle: BinaryIO | None = None
        self.writer: WARCWriter | None = None

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.handle is not None:
            self.handle.close()

    def _open(self) -> WARCWriter:
        """Create the folder and this run's file."""
        if self.writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            self.path = self.folder / f"tintuc-{stamp}-{os.getpid()}.warc.gz"
            self.handle = self.path.open("ab")
            self.writer = WARCWriter(self.handle, gzip=True)
        return self.writer

    def write(self, response: Response) -> tuple[str, int]:
        """Write one response; return the file (as runs name it) and the record's offset."""
        writer = self._open()
        assert self.handle is not None and self.path is not None
        offset = self.handle.tell()
        headers = [(key, value) for key, value in response.headers if key.lower() not in _DROPPED]
        http = StatusAndHeaders(f"{response.status} {response.reason}".strip(), headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            response.url,
            "response",
            payload=io.BytesIO(response.body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": response.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")},
        )
        writer.write_record(record)
        self.handle.flush()
        return display_path(self.path), offset
