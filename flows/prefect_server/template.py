"""A migrated Prefect database, made once per machine and copied into each new data folder.

Prefect's server migrates a new database on its first start: over a hundred Alembic migrations on an
empty SQLite file, about 5 s of CPU on a quiet machine, which a first run in a fresh data folder waited
for before its flow could start. So tintuc migrates one database once (`make install`, or in the
background after the first run that had none: `python -m flows.prefect_server.template`), keeps it in
the user's cache (TINTUC_CACHE_DIR), and a data folder with no Prefect database yet starts from a copy.

A copy is used only if its Alembic revision is the head of the Prefect installed now, read from
Prefect's own migration files (no Prefect import, a few milliseconds): after a Prefect upgrade the
template is simply not found (templates are named by revision), the run migrates as before and a new
template is made. Prefect still runs `alembic upgrade head` on every start, so a copy is at most a head
start, never a database Prefect does not check.

The template also holds Prefect's block types, so a new folder's server need not register them again
(`blocks`, which says when it is told not to).

This module finds a usable template and copies it in; `template_build` migrates and cleans them.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flows.prefect_server.blocks import blocks_key, forget_mark, mark_registered

logger = logging.getLogger(__name__)

PREFECT_DB = "prefect.db"  # Prefect's default database: PREFECT_HOME/prefect.db
TEMPLATES = "prefect-db"
_REVISION = re.compile(r"^(down_revision|revision)\b[^=\n]*=(.*)$", re.MULTILINE)
_HEX = re.compile(r"[0-9a-f]{6,}")
# Prefect 3 reads where its database is from PREFECT_SERVER_DATABASE_* (CONNECTION_URL, DRIVER, HOST,
# PORT, USER, NAME, PASSWORD, ...) and their PREFECT_API_DATABASE_* aliases
# (prefect/settings/models/server/database.py).
_DATABASE_VARIABLE = re.compile(r"^PREFECT_(SERVER|API)_DATABASE_")


def database_settings(environ: Mapping[str, str]) -> list[str]:
    """Return the Prefect database variables set in environ: with any, Prefect's database is the user's."""
    return sorted(name for name in environ if _DATABASE_VARIABLE.match(name))


def migrations_folder() -> Path | None:
    """Return the folder of Prefect's SQLite migrations, found without importing Prefect."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "server" / "database" / "_migrations" / "versions" / "sqlite"


def head_revision(folder: Path | None = None) -> str | None:
    """Return the one head of Prefect's SQLite migrations (None if there is not exactly one)."""
    folder = folder or migrations_folder()
    if folder is None or not folder.is_dir():
        return None
    revisions: set[str] = set()
    replaced: set[str] = set()
    for path in folder.glob("*.py"):
        for name, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (replaced if name == "down_revision" else revisions).update(_HEX.findall(value))
    heads = revisions - replaced
    return next(iter(heads)) if len(heads) == 1 else None


def read_only_rows(database: Path, query: str) -> list[Any] | None:
    """Return a query's rows from a SQLite database opened read-only (None if it cannot be read)."""
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return connection.execute(query).fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def database_revision(database: Path) -> str | None:
    """Return the Alembic revision a SQLite database is at (None if it has none or cannot be read)."""
    rows = read_only_rows(database, "SELECT version_num FROM alembic_version")
    return rows[0][0] if rows is not None and len(rows) == 1 else None


def template_path(cache_dir: Path, head: str) -> Path:
    """Return where the template migrated to head, with this install's block types, is kept."""
    return cache_dir / TEMPLATES / f"prefect-{head}-blocks-{blocks_key() or 'unknown'}.db"


def usable_template(cache_dir: Path) -> Path | None:
    """Return the template at the installed Prefect's head revision, or None if there is none."""
    head = head_revision()
    if head is None:
        return None
    path = template_path(cache_dir, head)
    return path if path.is_file() and database_revision(path) == head else None


def start_from_template(cache_dir: Path, prefect_home: Path, environ: Mapping[str, str]) -> bool:
    """Copy the template in as this data folder's Prefect database if it has none; return whether it did.

    environ is the environment the folder's Prefect server will have (the caller's, read at its entry
    point): with a database variable set there, the database is the user's and nothing is copied.

    Call it before any server of this folder starts (holding the folder's start lock). The copy is
    written beside and hard-linked into place, which fails if the file exists: a server that made
    its database meanwhile (`tintuc serve`'s own, say, which takes no lock) keeps it, and no server
    ever sees half a file.
    """
    target = prefect_home / PREFECT_DB
    if target.exists() or database_settings(environ):
        return False  # a database already, or one the user chose (PostgreSQL, ...) that Prefect migrates
    forget_mark(prefect_home)  # a mark left from a database since removed: the next one is new
    template = usable_template(cache_dir)
    if template is None:
        return False
    prefect_home.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{PREFECT_DB}.{os.getpid()}.copying")
    try:
        shutil.copyfile(template, partial)
        os.link(partial, target)
    except FileExistsError:
        return False  # made meanwhile: it is that server's, never replaced
    except OSError:
        logger.debug("copying the Prefect database template failed; Prefect migrates its own", exc_info=True)
        return False
    finally:
        partial.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # marks it as in use, so a build for another Prefect keeps it
        os.utime(template)
    mark_registered(prefect_home, target)
    return True


if __name__ == "__main__":  # the entry point `make install` and build_in_background run
    from flows.prefect_server.template_build import main

    main()
