"""Install, list and remove Argos packages: its own explicit step, checked before it lands.

A package is installed from, in order: a local `.argosmodel` file (`--file`); the Argos
package index, if it lists a vi→en package (it has not since 2024); or the published 1.9
package at a pinned URL, whose SHA-256 must match. Every package is checked before anything
is written: within the size limits (the file, and the total it unpacks to), a zip, all entries
inside one folder (no absolute paths, no "..", no symbolic links), metadata translating
vi → en, the CTranslate2 model and the SentencePiece model present.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import urllib.request
import zipfile
from pathlib import Path

from flows.steps.translate.argos import argos_package_module, installed_packages, packages_dir
from flows.steps.translate.package_check import PackageLimits, PackageRefused, check_package, mib

__all__ = ["PackageLimits", "PackageRefused", "check_package", "download_verified", "install_file"]

CHUNK_BYTES = 1 << 20


def install_file(
    path: Path,
    argos_dir: Path,
    from_code: str = "vi",
    to_code: str = "en",
    limits: PackageLimits | None = None,
) -> Path:
    """Check and install a local package file; return the installed package's folder."""
    checked = check_package(path, from_code, to_code, limits)
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


def download_verified(
    url: str, sha256: str | None, destination: Path, timeout: float, max_bytes: int | None = None
) -> Path:
    """Download url to destination, refusing it unless its SHA-256 matches (when one is pinned).

    The Argos index publishes no checksums, so a package it lists is only checked for shape;
    a download growing past max_bytes is stopped and removed.
    """
    digest = hashlib.sha256()
    partial = destination.with_suffix(destination.suffix + ".part")
    destination.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with urllib.request.urlopen(url, timeout=timeout) as response, partial.open("wb") as out:
        while chunk := response.read(CHUNK_BYTES):
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                break
            digest.update(chunk)
            out.write(chunk)
    if max_bytes is not None and size > max_bytes:
        partial.unlink()
        raise PackageRefused(
            f"{url}: larger than the {mib(max_bytes)} limit for a package file "
            "(TINTUC_MAX_PACKAGE_BYTES); download stopped, nothing installed"
        )
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
