"""Build the migrated Prefect database template, and remove the ones no venv uses any more.

The other half of `template`, which finds a template and copies it into a data folder: here a new
database is migrated by Prefect's own `prefect server database upgrade` in a folder of its own, given
Prefect's block types by Prefect's own registration (`blocks`), kept in the cache under its revision
and its block types' key, and the templates of other Prefect releases are cleaned away once
unused for long. `python -m flows.prefect_server.template` (`make install`, and the low-priority
process `build_in_background` starts after a first run that found none) runs `main` here.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flows.prefect_server.template import (
    _DATABASE_VARIABLE,
    PREFECT_DB,
    TEMPLATES,
    database_revision,
    head_revision,
    template_path,
    usable_template,
)

logger = logging.getLogger(__name__)


BUILD_TIMEOUT_S = 900.0  # a busy two-core machine migrates in under a minute; this is only a backstop
KEEP_UNUSED_S = 30 * 24 * 3600.0  # a template of another Prefect release, unused this long, is removed
KEEP_NEWEST = 3  # ... unless it is one of the newest few, kept whatever their age
RETRY_AFTER_S = 24 * 3600.0  # a build that failed is not tried again after each run, only after a day


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
    """Migrate a new database in home with Prefect's own `prefect server database upgrade`, then register
    Prefect's block types in it (`python -m flows.prefect_server.blocks`); return it.

    The database is named in the environment, which Prefect reads before any profile, prefect.toml
    or .env, and the commands run in home, so a prefect.toml or .env in the user's folder is not
    read: whatever the user's settings, the build never touches the user's own Prefect database.
    """
    home = home.resolve()
    env = {name: value for name, value in os.environ.items() if not _DATABASE_VARIABLE.match(name)}
    env["PREFECT_HOME"] = str(home)
    env["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = f"sqlite+aiosqlite:///{home / PREFECT_DB}"
    commands = (
        [sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"],
        [sys.executable, "-m", "flows.prefect_server.blocks"],
    )
    try:
        for command in commands:
            subprocess.run(
                command, env=env, cwd=home, check=True, capture_output=True, timeout=BUILD_TIMEOUT_S
            )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        logger.debug("building the Prefect database template failed", exc_info=True)
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
