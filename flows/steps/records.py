"""The rows one article contributes to each table, and the rejects a run produces."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

Row = dict[str, Any]


def utc_now() -> datetime:
    """Return the current time in UTC, naive: every timestamp in the warehouse is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def short_id(*parts: str) -> str:
    """Return a stable 16-hex-digit id for the given key parts."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class ArticleRecords:
    """Everything one article loads: its row and the rows of its child tables."""

    article: Row
    segments: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    facts: list[Row] = field(default_factory=list)
    removed: list[Row] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        """Return the article's id."""
        return str(self.article["article_id"])


@dataclass(frozen=True)
class Reject:
    """A record (or a whole file) that failed, with the check and what went wrong."""

    source_path: str
    table_name: str
    record: str
    check_name: str
    failure: str

    @classmethod
    def of_file(cls, source_path: str, check_name: str, failure: str) -> Reject:
        """Return a reject for a whole file that produced no article."""
        return cls(source_path, "files", json.dumps({"source_path": source_path}), check_name, failure)
