"""Argos Translate, pointed at tintuc's own data folder before it is imported.

`argostranslate.settings` reads its folders from the environment and creates them under
$HOME the moment it is imported, so the environment is set for that one import and put back
afterwards; the module's folder settings are then pinned to tintuc's folder every time.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

_ENV_FOLDERS = {
    "XDG_DATA_HOME": "data",
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "ARGOS_PACKAGES_DIR": "packages",
}


def _import_settings(argos_dir: Path) -> ModuleType:
    """Import argostranslate.settings with its folders under argos_dir."""
    if "argostranslate.settings" in sys.modules:
        return sys.modules["argostranslate.settings"]
    saved = {key: os.environ.get(key) for key in _ENV_FOLDERS}
    os.environ.update({key: str(argos_dir / sub) for key, sub in _ENV_FOLDERS.items()})
    try:
        return importlib.import_module("argostranslate.settings")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def packages_dir(argos_dir: Path) -> Path:
    """Return the folder installed Argos packages live in."""
    return argos_dir / "packages"


def argos_package_module(argos_dir: Path) -> ModuleType:
    """Return `argostranslate.package`, configured to use argos_dir."""
    for sub in _ENV_FOLDERS.values():
        (argos_dir / sub).mkdir(parents=True, exist_ok=True)
    settings: Any = _import_settings(argos_dir)
    settings.package_data_dir = packages_dir(argos_dir)
    settings.package_dirs = [packages_dir(argos_dir)]
    settings.downloads_dir = argos_dir / "cache" / "downloads"
    settings.downloads_dir.mkdir(parents=True, exist_ok=True)
    settings.local_package_index = argos_dir / "data" / "index.json"
    return importlib.import_module("argostranslate.package")


def installed_packages(argos_dir: Path) -> list[Any]:
    """Return the Argos packages installed in tintuc's data folder."""
    return list(argos_package_module(argos_dir).get_installed_packages())


def find_package(argos_dir: Path, from_code: str, to_code: str) -> Any | None:
    """Return the newest installed package that translates from_code → to_code, or None."""
    from packaging.version import InvalidVersion, Version

    def version_key(package: Any) -> Version:
        try:
            return Version(package.package_version)
        except InvalidVersion:
            return Version("0")

    matching = [
        package
        for package in installed_packages(argos_dir)
        if package.from_code == from_code and package.to_code == to_code
    ]
    return max(matching, key=version_key) if matching else None


def package_label(package: Any) -> str:
    """Return the name@version recorded on every row the package translates."""
    return f"{Path(package.package_path).name}@{package.package_version}"
