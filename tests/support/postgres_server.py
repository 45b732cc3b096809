"""A throw-away PostgreSQL server for the tests and CI: Debian's binaries, a cluster in a temporary folder.

    python -m tests.support.postgres_server start   # prints TINTUC_TEST_POSTGRES_URL=postgresql+psycopg://…
    python -m tests.support.postgres_server stop FOLDER

It installs nothing (`.ci/run` installs Debian's `postgresql` package when it is missing). The
server refuses to run as root, so the cluster belongs to the `postgres` user the package creates
(else a system user made here), and initdb and pg_ctl run through `runuser`. It listens on
127.0.0.1 only, on a free port, trusting local TCP: a server for tests, never for data.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

SUPERUSER = "tintuc"
SYSTEM_USER = "postgres"
START_TIMEOUT_S = 120


def server_bin() -> Path:
    """Return the newest /usr/lib/postgresql/*/bin that holds initdb and pg_ctl."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name), reverse=True
    )
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise SystemExit("no PostgreSQL server under /usr/lib/postgresql: apt-get install -y postgresql")


def system_user() -> str:
    """Return the non-root user the server runs as, creating a system user if there is none."""
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER], check=True)
    return SYSTEM_USER


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def as_user(user: str, command: list[str]) -> list[str]:
    """Return command run as user (root can; anyone else runs it as themselves)."""
    return ["runuser", "-u", user, "--", *command] if os.geteuid() == 0 else command


def start(durable: bool = False) -> tuple[Path, str]:
    """Create a cluster in a new temporary folder, start it, and return the folder and its URL.

    Not durable (the tests): no fsync, as the tests check no crash of the machine. Durable (the
    benchmark): PostgreSQL's defaults, fsync at every commit, as SQLite does.
    """
    binaries, user = server_bin(), system_user()
    folder = Path(tempfile.mkdtemp(prefix="tintuc-postgres-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user)
    data, port = folder / "data", free_port()
    initdb = [str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8"]
    subprocess.run(
        as_user(user, [*initdb, "--locale=C.UTF-8"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
        "-c max_connections=200"
    )
    if not durable:  # the suite's many small commits are cheap without fsync
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    command = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options]
    start_command = as_user(user, [*command, "-w", "-t", str(START_TIMEOUT_S), "start"])
    subprocess.run(start_command, check=True, stdout=sys.stderr)  # stdout is for the assignments
    return folder, f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    """Stop the server of a cluster made by start() and remove its folder."""
    pg_ctl = server_bin() / "pg_ctl"
    if (folder / "data" / "postmaster.pid").exists():
        owner = folder.owner()
        subprocess.run(as_user(owner, [str(pg_ctl), "-D", str(folder / "data"), "-m", "fast", "stop"]))
    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    """Start (print the folder and the URL as shell assignments) or stop a test server."""
    if argv[:1] == ["start"]:
        folder, url = start()
        print(f"TINTUC_TEST_POSTGRES_DIR={folder}")
        print(f"TINTUC_TEST_POSTGRES_URL={url}")
        return 0
    if argv[:1] == ["stop"] and len(argv) == 2:
        stop(Path(argv[1]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
