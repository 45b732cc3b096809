"""Which local Prefect server tintuc knows about: its URL and pid, in a file in PREFECT_HOME.

`tintuc serve`, `tintuc server start` and the keeper of the server runs reuse (flows/prefect_server/keeper.py)
write the record once their server answers; `tintuc run` reads it and uses that server instead of
starting one. A record is only believed while its pid lives and its URL answers, so one left by a killed
server is ignored. No Prefect import: `tintuc run` reads the record before Prefect reads its settings.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from flows.prefect_server.local import is_healthy

RECORD_NAME = "tintuc-server.json"
# Long enough for a server that is up but busy, short enough that a dead one costs a run nothing.
CHECK_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class KnownServer:
    """A local Prefect server tintuc started: where it listens, its pid and which command started it."""

    url: str
    pid: int
    started_by: str  # "tintuc serve", "tintuc server start" or "tintuc run"
    # Seconds without a run after which the server stops by itself; None: it runs until stopped.
    idle_stop_s: float | None = None

    @property
    def api_url(self) -> str:
        """Return the value PREFECT_API_URL needs to reach this server."""
        return f"{self.url}/api"


def record_server(prefect_home: Path, server: KnownServer) -> None:
    """Write the record of a server that answers, replacing any older one in one step."""
    prefect_home.mkdir(parents=True, exist_ok=True)
    partial = prefect_home / f".{RECORD_NAME}.{os.getpid()}"
    partial.write_text(json.dumps(asdict(server)), encoding="utf-8")
    os.replace(partial, prefect_home / RECORD_NAME)


def recorded_server(prefect_home: Path) -> KnownServer | None:
    """Return the recorded server, alive or not; None if there is no readable record."""
    try:
        fields = json.loads((prefect_home / RECORD_NAME).read_text(encoding="utf-8"))
        idle = fields.get("idle_stop_s")
        idle_stop_s = None if idle is None else float(idle)
        return KnownServer(str(fields["url"]), int(fields["pid"]), str(fields["started_by"]), idle_stop_s)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # none, or damaged: as good as none


def forget_server(prefect_home: Path, server: KnownServer) -> None:
    """Remove the record if it still names this server (a newer server's record stays)."""
    if recorded_server(prefect_home) == server:
        with contextlib.suppress(FileNotFoundError):
            (prefect_home / RECORD_NAME).unlink()


def running_server(prefect_home: Path, timeout_s: float = CHECK_TIMEOUT_S) -> KnownServer | None:
    """Return the recorded server if its process lives and it answers within timeout_s, else None."""
    server = recorded_server(prefect_home)
    if server is None or not process_alive(server.pid) or not is_healthy(server.api_url, timeout_s):
        return None
    return server


@contextlib.contextmanager
def starting_alone(prefect_home: Path) -> Iterator[IO[bytes]]:
    """Hold PREFECT_HOME/server-start.lock, waiting for any other start of a server to finish first.

    Yields the locked file: a process started with its descriptor holds the lock on until it closes it
    (flock locks belong to the open file, not to the process).
    """
    prefect_home.mkdir(parents=True, exist_ok=True)
    with (prefect_home / "server-start.lock").open("wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield lock  # the lock goes with the file


def process_alive(pid: int) -> bool:
    """Return whether pid is a live process (a zombie, dead but not yet reaped, is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel instead
        return _signal_reaches(pid)
    return stat[stat.rindex(")") + 2] not in "ZX"


def _signal_reaches(pid: int) -> bool:
    """Return whether signal 0 reaches pid."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's
    return True


def stop_known_server(server: KnownServer, grace_s: float = 20.0) -> None:
    """Stop a server tintuc started detached: SIGTERM its process group, SIGKILL what is left after grace_s.

    It leads its own process group (started in a session of its own), so its pid is the group id.
    """
    _signal_group(server.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    while process_alive(server.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    _signal_group(server.pid, signal.SIGKILL)  # also whatever helper it started that outlived it


def _signal_group(group: int, signum: signal.Signals) -> None:
    """Send signum to a process group that may already be gone."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signum)
