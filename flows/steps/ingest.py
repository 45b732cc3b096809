"""Find article files under the given paths and read them into documents."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from flows.steps.decode import UndecodableFile, decode_bytes
from flows.steps.formats import RecordProblem, SourceDocument, UnknownShape, parse_document

ARTICLE_SUFFIXES = frozenset({".txt", ".json"})


@dataclass(frozen=True)
class SourceFile:
    """A file's bytes, the path it is known by, and the hash of its content."""

    source_path: str
    data: bytes

    @property
    def content_sha256(self) -> str:
        """Return the SHA-256 of the file's bytes."""
        return hashlib.sha256(self.data).hexdigest()


class UnreadableSource(ValueError):
    """The file could not be read or parsed; the message says why."""


def display_path(path: Path) -> str:
    """Return the path relative to the working directory when under it, else absolute."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def discover_files(paths: list[Path]) -> list[Path]:
    """Return every article file (.txt, .json) under the paths, sorted, hidden files skipped."""
    found: set[Path] = set()
    for path in paths:
        if path.is_file():
            found.add(path)
            continue
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        for candidate in path.rglob("*"):
            relative = candidate.relative_to(path).parts
            if any(part.startswith(".") for part in relative) or not candidate.is_file():
                continue
            if candidate.suffix.lower() in ARTICLE_SUFFIXES:
                found.add(candidate)
    return sorted(found)


def read_source(path: Path) -> SourceFile:
    """Read a file's bytes, turning OS errors into a message that names the file."""
    try:
        return SourceFile(display_path(path), path.read_bytes())
    except OSError as error:
        raise UnreadableSource(f"cannot read the file: {error.strerror or error}") from error


def parse_source(source: SourceFile) -> list[SourceDocument | RecordProblem]:
    """Decode and parse a file into its articles."""
    try:
        text = decode_bytes(source.data)
    except UndecodableFile as error:
        raise UnreadableSource(str(error)) from error
    if not text.strip():
        raise UnreadableSource("the file is empty")
    try:
        return parse_document(source.source_path, text)
    except UnknownShape as error:
        raise UnreadableSource(str(error)) from error
