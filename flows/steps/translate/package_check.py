"""Check an Argos package file before anything of it is written: size, shape, paths, languages.

A hostile or broken package is refused with a message saying which check failed: over the size
limits (the file, or the total it unpacks to: zip bombs), not a zip, an entry that could land
outside the packages folder (an absolute path, "..", a drive letter, a symbolic link), more than
one top-level folder, metadata missing or not vi → en, the model files missing.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

_DRIVE = re.compile(r"^[A-Za-z]:")


class PackageRefused(ValueError):
    """The package failed a check; the message says which and what to do."""


@dataclass(frozen=True)
class PackageLimits:
    """The largest package file, and the largest total it may unpack to.

    The 1.9 vi→en package file is 66 MB; the defaults leave ample room for larger models while
    refusing what would fill a disk. The settings `max_package_bytes` and
    `max_package_unpacked_bytes` set them.
    """

    archive_bytes: int = 512 << 20
    unpacked_bytes: int = 2 << 30


@dataclass(frozen=True)
class PackageCheck:
    """What a package file holds, once checked."""

    folder: str
    metadata: dict[str, Any]


def check_package(
    path: Path, from_code: str = "vi", to_code: str = "en", limits: PackageLimits | None = None
) -> PackageCheck:
    """Check a .argosmodel file before installing it; raise PackageRefused saying why not."""
    limits = limits or PackageLimits()
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PackageRefused(f"{path}: cannot read the package file ({error.strerror or error})") from error
    if size > limits.archive_bytes:
        raise PackageRefused(
            f"{path}: {mib(size)}, over the {mib(limits.archive_bytes)} limit for a package file "
            "(TINTUC_MAX_PACKAGE_BYTES)"
        )
    if not zipfile.is_zipfile(path):
        raise PackageRefused(f"{path}: not a zip archive, so not an Argos package")
    try:
        with zipfile.ZipFile(path) as archive:
            folder = _check_entries(path, archive.infolist(), limits)
            metadata = _read_metadata(path, archive, folder)
            _check_contents(path, folder, set(archive.namelist()), metadata, from_code, to_code)
    except zipfile.BadZipFile as error:
        raise PackageRefused(f"{path}: a damaged zip archive ({error})") from error
    return PackageCheck(folder, metadata)


def _check_entries(path: Path, entries: list[zipfile.ZipInfo], limits: PackageLimits) -> str:
    """Refuse entries that could land outside the package's folder or unpack too large; return the folder."""
    for entry in entries:
        name = entry.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts:
            raise PackageRefused(f"{path}: entry {name!r} would land outside the packages folder")
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise PackageRefused(f"{path}: entry {name!r} is a symbolic link, which could point anywhere")
    # The declared sizes bound what extraction writes: zipfile stops each entry at its declared
    # size and fails its CRC check, so a zip bomb cannot unpack past them.
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.unpacked_bytes:
        raise PackageRefused(
            f"{path}: unpacks to {mib(unpacked)}, over the {mib(limits.unpacked_bytes)} limit "
            "(TINTUC_MAX_PACKAGE_UNPACKED_BYTES); a zip bomb, or not the vi→en package"
        )
    folders = {PurePosixPath(entry.filename).parts[0] for entry in entries if entry.filename.strip("/")}
    if len(folders) != 1:
        raise PackageRefused(f"{path}: expected one top-level folder, found {len(folders)}")
    return folders.pop()


def _read_metadata(path: Path, archive: zipfile.ZipFile, folder: str) -> Any:
    """Return the package's parsed metadata.json."""
    try:
        return json.loads(archive.read(f"{folder}/metadata.json"))
    except KeyError as error:
        raise PackageRefused(f"{path}: no {folder}/metadata.json") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise PackageRefused(f"{path}: metadata.json is not valid JSON ({error})") from error


def mib(count: int) -> str:
    """Say a byte count in MiB."""
    return f"{count / (1 << 20):.1f} MiB"


def _check_contents(
    path: Path, folder: str, names: set[str], metadata: Any, from_code: str, to_code: str
) -> None:
    """Check the language pair and that the model files are present."""
    if not isinstance(metadata, dict):
        raise PackageRefused(f"{path}: metadata.json is not an object")
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if pair != (from_code, to_code):
        raise PackageRefused(
            f"{path}: translates {pair[0]} → {pair[1]}, tintuc needs {from_code} → {to_code}"
        )
    if f"{folder}/model/model.bin" not in names:
        raise PackageRefused(f"{path}: no CTranslate2 model ({folder}/model/model.bin)")
    if f"{folder}/sentencepiece.model" not in names:
        raise PackageRefused(f"{path}: no SentencePiece model ({folder}/sentencepiece.model)")
