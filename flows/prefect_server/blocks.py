"""Prefect's block types in the template, so a first run's server need not register them again.

A Prefect server registers its block types (the catalogue of the UI's Blocks page) on every start
unless its memo says it did for this very database URL, which a new data folder never has: 1.2 s of a
first run's wait on a quiet machine. So the template build registers them into the template with the
function Prefect's server calls at startup (`python -m flows.prefect_server.blocks`, run in the
template's own folder and environment), the template is named by the key of what was installed
(`blocks_key`), and a copy leaves a mark (BLOCKS_MARK) in the data folder. A server tintuc starts for
that folder is then told not to register them (`skip_block_registration`) only while all of these
hold, so a database that lacks them always gets them:
- the mark's key is the installed packages' key (no upgrade of Prefect or a collection since);
- the database is the very file the mark was written for (its inode), and holds block types (not
  reset since);
- the server's PREFECT_HOME is the data folder's, and neither its environment nor Prefect's own files
  (.env, prefect.toml and pyproject.toml's [tool.prefect] in the folder it starts in, the profiles
  file) say anything of its database or of block registration: those are the user's to decide.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import tomllib
from collections.abc import Mapping
from pathlib import Path

BLOCKS_MARK = "blocks-registered"  # in PREFECT_HOME: "KEY INODE" of the copy the block types came with
# Prefect's setting, under both its names (prefect/settings/models/server/root.py).
REGISTER_BLOCKS = ("PREFECT_SERVER_REGISTER_BLOCKS_ON_START", "PREFECT_API_BLOCKS_REGISTER_ON_START")
# Words that, in a Prefect settings file, may name the server's database or its block registration.
_USERS_WORDS = ("database", "blocks")


@functools.cache
def blocks_key() -> str | None:
    """Return a key of the block types a Prefect server here registers (None if it cannot be told).

    A server registers Prefect's own block types, the catalogue of collections Prefect ships, and the
    types of the installed collections (packages with a `prefect.collections` entry point, prefect-dask
    here): the same releases register the same types. Read from the packages' metadata, no Prefect
    import; cached, as installs do not change under a running process. None when Prefect has no
    metadata (imported from a folder on PYTHONPATH, say): templates then never spare a registration.
    """
    from importlib import metadata

    try:
        parts = [f"prefect {metadata.version('prefect')}"]
    except metadata.PackageNotFoundError:
        return None
    collections = metadata.entry_points(group="prefect.collections")
    parts += sorted(f"{point.dist.name} {point.dist.version}" for point in collections if point.dist)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def mark_registered(prefect_home: Path, database: Path) -> None:
    """Say the folder's database, just copied from the template, holds the installed block types."""
    key = blocks_key()
    if key is None:
        return
    # Unmarked, the server registers the block types again: slower, never wrong.
    with contextlib.suppress(OSError):
        (prefect_home / BLOCKS_MARK).write_text(f"{key} {database.stat().st_ino}", encoding="utf-8")


def forget_mark(prefect_home: Path) -> None:
    """Remove the folder's mark (its database went: the next one is new)."""
    with contextlib.suppress(OSError):
        (prefect_home / BLOCKS_MARK).unlink(missing_ok=True)


def skip_block_registration(
    prefect_home: Path, environ: Mapping[str, str], cwd: Path | None = None
) -> dict[str, str]:
    """Return the setting that spares this folder's server registering block types its database has.

    environ is the server's environment and cwd the folder it starts in (this process's by default).
    Empty, and the server registers them as Prefect does, unless everything in the module's docstring
    holds.
    """
    from flows.prefect_server.template import PREFECT_DB, database_settings

    home = environ.get("PREFECT_HOME")
    if home is None or Path(home).expanduser().resolve() != prefect_home.resolve():
        return {}
    if database_settings(environ) or any(name in environ for name in REGISTER_BLOCKS):
        return {}
    # The mark first: most folders have none (no template copy), and then no settings file is read.
    database = prefect_home / PREFECT_DB
    try:
        key, inode = (prefect_home / BLOCKS_MARK).read_text(encoding="utf-8").split()
        same_file = int(inode) == database.stat().st_ino
    except (OSError, ValueError):
        return {}
    if key != blocks_key() or not same_file:
        return {}
    if users_prefect_files_say(environ, prefect_home, cwd or Path.cwd()) or not _has_block_types(database):
        return {}
    return {REGISTER_BLOCKS[0]: "false"}


def users_prefect_files_say(environ: Mapping[str, str], prefect_home: Path, cwd: Path) -> bool:
    """Return whether a Prefect settings file a server in cwd reads may set its database or its blocks.

    Prefect reads, below the environment: .env, prefect.toml and pyproject.toml's [tool.prefect] in the
    folder it starts in, and the profiles file (PREFECT_PROFILES_PATH, else PREFECT_HOME/profiles.toml).
    A mention of a database or of blocks anywhere in them counts: a wrong guess only costs the 1.2 s.
    """
    texts = [_text(cwd / "prefect.toml"), _text(cwd / ".env")]
    texts.append(_text(Path(environ.get("PREFECT_PROFILES_PATH", prefect_home / "profiles.toml"))))
    try:
        pyproject = tomllib.loads(_text(cwd / "pyproject.toml"))
    except tomllib.TOMLDecodeError:
        pyproject = {}
    texts.append(repr(pyproject.get("tool", {}).get("prefect", {})))
    return any(word in text.lower() for text in texts for word in _USERS_WORDS)


def _text(path: Path) -> str:
    """Return a small settings file's text, empty if there is none."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _has_block_types(database: Path) -> bool:
    """Return whether a Prefect database holds block types (a reset one holds none)."""
    from flows.prefect_server.template import read_only_rows

    rows = read_only_rows(database, "SELECT EXISTS (SELECT 1 FROM block_type)")
    return bool(rows and rows[0][0])


async def register_block_types() -> None:
    """Register every block type a server here would, into the database Prefect's settings name."""
    import prefect.plugins
    import prefect.server.api.server  # the block types a server has imported when it registers
    from prefect.server.database import provide_database_interface
    from prefect.server.models.block_registration import run_block_auto_registration

    prefect.plugins.load_prefect_collections()
    session = await provide_database_interface().session()
    async with session:
        await run_block_auto_registration(session=session)


if __name__ == "__main__":  # template_build runs it on a new template, in the template's folder
    asyncio.run(register_block_types())
