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
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

logger = logging.getLogger(__name__)

PREFECT_DB = "prefect.db"  # Prefect's default database: PREFECT_HOME/prefect.db
TEMPLATES = "prefect-db"
BUILD_TIMEOUT_S = 900.0  # a busy two-core machine migrates in under a minute; this is only a backstop
KEEP_UNUSED_S = 30 * 24 * 3600.0  # a template of another Prefect release, unused this long, is removed
KEEP_NEWEST = 3  # ... unless it is one of the newest few, kept whatever their age
RETRY_AFTER_S = 24 * 3600.0  # a build that failed is not tried again after each run, only after a day
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


def database_revision(database: Path) -> str | None:
    """Return the Alembic revision a SQLite database is at (None if it has none or cannot be read)."""
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return rows[0][0] if len(rows) == 1 else None


def template_path(cache_dir: Path, head: str) -> Path:
    """Return where the template migrated to head is kept."""
    return cache_dir / TEMPLATES / f"prefect-{head}.db"


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
    return True


def build_template(cache_dir: Path) -> Path | None:
    """Migrate a new Prefect database to head and keep it as the template; return it (None if it failed).

    One build at a time per cache (a lock); a template already there is kept as it is. A failed build
    leaves a `failed-REVISION` mark, so the background build is not retried after every run.
    """
    head = head_revision()
    if head is None:
        return None
    folder = cache_dir / TEMPLATES
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "build.lock").open("ab") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another build finishes first, and this one finds its template
            built = usable_template(cache_dir) or _built(folder, head)
            failed = folder / f"failed-{head}"
            if built is None:
                failed.touch()
                return None
            failed.unlink(missing_ok=True)
            _remove_other_templates(folder, built)
            return built
    except OSError as error:  # a cache folder that cannot be written: each data folder migrates its own
        logger.debug("could not write the Prefect database template in %s: %s", folder, error)
        return None


def _built(folder: Path, head: str) -> Path | None:
    """Migrate a database to head in a folder of its own and move it into folder as the template."""
    with tempfile.TemporaryDirectory(prefix="build-", dir=folder) as work:
        built = _migrated_database(Path(work))
        if built is None or database_revision(built) != head:
            return None
        target = template_path(folder.parent, head)
        partial = Path(work) / "template.db"
        connection = sqlite3.connect(built)
        try:  # one self-contained file, whatever journal mode Prefect left it in
            connection.execute("VACUUM INTO ?", (str(partial),))
        except sqlite3.Error:
            logger.debug("copying the migrated Prefect database failed", exc_info=True)
            return None
        finally:
            connection.close()
        os.replace(partial, target)
        return target


def recently_failed(cache_dir: Path, head: str) -> bool:
    """Return whether a build at head failed in the last RETRY_AFTER_S (then it is not tried again yet)."""
    try:
        failed_at = (cache_dir / TEMPLATES / f"failed-{head}").stat().st_mtime
    except OSError:
        return False
    return time.time() - failed_at < RETRY_AFTER_S


def _migrated_database(home: Path) -> Path | None:
    """Run Prefect's own `prefect server database upgrade` on a new database in home; return it.

    The database is named in the environment, which Prefect reads before any profile, prefect.toml
    or .env, and the command runs in home, so a prefect.toml or .env in the user's folder is not
    read: whatever the user's settings, the upgrade never touches the user's own Prefect database.
    """
    home = home.resolve()
    env = {name: value for name, value in os.environ.items() if not _DATABASE_VARIABLE.match(name)}
    env["PREFECT_HOME"] = str(home)
    env["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = f"sqlite+aiosqlite:///{home / PREFECT_DB}"
    command = [sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"]
    try:
        subprocess.run(command, env=env, cwd=home, check=True, capture_output=True, timeout=BUILD_TIMEOUT_S)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        logger.debug("migrating the Prefect database template failed", exc_info=True)
        return None
    return home / PREFECT_DB


def _remove_other_templates(folder: Path, keep: Path) -> None:
    """Remove templates no venv sharing this cache has used for KEEP_UNUSED_S, but never the newest few.

    Two venvs of different Prefect releases may share one cache: each keeps the template it uses.
    """
    others = sorted(
        (path for path in folder.glob("prefect-*.db") if path != keep), key=_last_used, reverse=True
    )
    for old in others[KEEP_NEWEST - 1 :]:
        if time.time() - _last_used(old) > KEEP_UNUSED_S:
            with contextlib.suppress(OSError):
                old.unlink()


def _last_used(template: Path) -> float:
    """Return when a template was last made or copied (its modification time, set on each use)."""
    try:
        return template.stat().st_mtime
    except OSError:
        return 0.0


def build_in_background(cache_dir: Path) -> None:
    """Start a low-priority process that builds the template if none is usable; do not wait for it."""
    head = head_revision()
    if head is None or usable_template(cache_dir) is not None or recently_failed(cache_dir, head):
        return
    subprocess.Popen(
        [sys.executable, "-m", "flows.prefect_server.template", "--background", str(cache_dir)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # outlives the run that started it, and Ctrl-C in its terminal
    )


def main(argv: list[str] | None = None) -> None:
    """Build the template: `python -m flows.prefect_server.template [--background] [CACHE_DIR]`.

    CACHE_DIR defaults to the settings'. --background lowers the build's priority first (here, not in
    a preexec_fn of the caller's Popen, which is unsafe in a process with threads).
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if "--background" in args:
        args.remove("--background")
        os.nice(10)
    if args:
        cache_dir = Path(args[0])
    else:
        from flows.settings import Settings

        cache_dir = Settings().cache_dir
    built = build_template(cache_dir)
    if built is None:
        sys.exit(
            f"could not make a Prefect database template in {cache_dir / TEMPLATES} "
            "(each new data folder's Prefect server migrates its own)"
        )
    sys.stdout.write(f"{built}\n")  # the one line a caller (make install) may want


if __name__ == "__main__":
    main()
