"""Install, list and remove Argos packages: its own explicit step, checked before it lands.

A package is installed from, in order: a local `.argosmodel` file (`--file`); the Argos
package index, if it lists a vi→en package (it has not since 2024); or the published 1.9
package at a pinned URL, whose SHA-256 must match. Every package is checked before anything
is written: a zip, all entries inside one folder, metadata translating vi → en, the
CTranslate2 model and the SentencePiece model present.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from flows.steps.argos import argos_package_module, installed_packages, packages_dir

CHUNK_BYTES = 1 << 20


class PackageRefused(ValueError):
    """The package failed a check; the message says which and what to do."""


@dataclass(frozen=True)
class PackageCheck:
    """What a package file holds, once checked."""

    folder: str
    metadata: dict[str, Any]


def check_package(path: Path, from_code: str = "vi", to_code: str = "en") -> PackageCheck:
    """Check a .argosmodel file before installing it; raise PackageRefused saying why not."""
    if not zipfile.is_zipfile(path):
        raise PackageRefused(f"{path}: not a zip archive, so not an Argos package")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        folders = {PurePosixPath(name).parts[0] for name in names if name.strip("/")}
        unsafe = [n for n in names if n.startswith("/") or ".." in PurePosixPath(n).parts]
        if unsafe:
            raise PackageRefused(f"{path}: entry {unsafe[0]!r} would land outside the packages folder")
        if len(folders) != 1:
            raise PackageRefused(f"{path}: expected one top-level folder, found {len(folders)}")
        folder = folders.pop()
        try:
            metadata = json.loads(archive.read(f"{folder}/metadata.json"))
        except KeyError as error:
            raise PackageRefused(f"{path}: no {folder}/metadata.json") from error
        except json.JSONDecodeError as error:
            raise PackageRefused(f"{path}: metadata.json is not valid JSON ({error.msg})") from error
        _check_contents(path, folder, set(names), metadata, from_code, to_code)
    return PackageCheck(folder, metadata)


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


def install_file(path: Path, argos_dir: Path, from_code: str = "vi", to_code: str = "en") -> Path:
    """Check and install a local package file; return the installed package's folder."""
    checked = check_package(path, from_code, to_code)
    target_root = packages_dir(argos_dir)
    target_root.mkdir(parents=True, exist_ok=True)
    target = target_root / checked.folder
    # Extract beside the target and swap in, so a failed install never leaves half a package.
    with tempfile.TemporaryDirectory(dir=target_root, prefix=".installing-") as staging:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(staging)
        if target.exists():
            shutil.rmtree(target)
        Path(staging, checked.folder).rename(target)
    argos_package_module(argos_dir)  # the next lookup sees the new package
    return target


def download_verified(url: str, sha256: str | None, destination: Path, timeout: float) -> Path:
    """Download url to destination, refusing it unless its SHA-256 matches (when one is pinned).

    The Argos index publishes no checksums, so a package it lists is only checked for shape.
    """
    digest = hashlib.sha256()
    partial = destination.with_suffix(destination.suffix + ".part")
    destination.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(url, timeout=timeout) as response, partial.open("wb") as out:
        while chunk := response.read(CHUNK_BYTES):
            digest.update(chunk)
            out.write(chunk)
    if sha256 is not None and digest.hexdigest() != sha256.lower():
        partial.unlink()
        raise PackageRefused(
            f"{url}: SHA-256 {digest.hexdigest()} does not match the pinned {sha256}; not installed"
        )
    partial.replace(destination)
    return destination


def index_package_url(index_url: str, timeout: float, from_code: str, to_code: str) -> str | None:
    """Return the download link of a from→to package in the Argos index, or None.

    Read directly with a timeout: `argostranslate.package.get_available_packages()` calls
    itself again whenever the index cannot be fetched, and offline it recurses until it crashes.
    """
    with urllib.request.urlopen(index_url, timeout=timeout) as response:
        index = json.load(response)
    for entry in index if isinstance(index, list) else []:
        if entry.get("from_code") == from_code and entry.get("to_code") == to_code:
            links = entry.get("links") or []
            return str(links[0]) if links else None
    return None


def remove_package(argos_dir: Path, name: str) -> bool:
    """Remove the installed package whose folder is `name`; tell whether one was removed."""
    for package in installed_packages(argos_dir):
        if Path(package.package_path).name == name:
            shutil.rmtree(package.package_path)
            return True
    return False
