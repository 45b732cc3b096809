"""The Prefect server runs reuse: the first `tintuc run` starts it, later runs use it, it stops when idle.

Starting Prefect's server costs 5–10 s of CPU (its imports, and on a new data folder its database
migrations), more than a small run's whole decode. So a run with no server to use starts one that
outlives it: a small keeper process (this module, `python -m flows.prefect_server.keeper`, no Prefect
import) starts `prefect server start` as its child, records it (flows/prefect_server/record.py) once it
answers, and stops it after TINTUC_PREFECT_SERVER_IDLE_S seconds in which nothing used it.

Whatever uses the server holds a shared lock on PREFECT_HOME/server-in-use.lock for as long as it does
(`tintuc run`, `tintuc translate`, `tintuc serve`) and touches the file when it lets go. The keeper
takes the lock exclusively to decide, and keeps it while it stops the server: a run arriving then waits
those seconds, finds no server, and starts a new one, so no run ever starts on a server that is going.
The keeper also stops the server when its data folder disappears, and goes with it if it dies; killing
the keeper's process group (`tintuc server stop`) takes both.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from flows.prefect_server.local import LocalServer, ServerFailed, free_port, start_server, wait_for_health
from flows.prefect_server.record import (
    KnownServer,
    forget_server,
    record_server,
    recorded_server,
    running_server,
    starting_alone,
)
from flows.prefect_server.template import start_from_template

IN_USE_LOCK = "server-in-use.lock"
STARTED_BY = "tintuc run"
# How often the keeper looks: often enough that a short idle time in a test is kept to.
LONGEST_POLL_S = 5.0
SHORTEST_POLL_S = 0.2
STOP_GRACE_S = 20.0


# --- what a run does -------------------------------------------------------------------------------


def hold_in_use(prefect_home: Path) -> IO[bytes]:
    """Hold the shared in-use lock, waiting while a keeper stops its server; release with let_go."""
    prefect_home.mkdir(parents=True, exist_ok=True)
    lock = (prefect_home / IN_USE_LOCK).open("ab")
    fcntl.flock(lock, fcntl.LOCK_SH)
    return lock


def let_go(lock: IO[bytes]) -> None:
    """Say the server was used until now (the file's time), and release the in-use lock."""
    with contextlib.suppress(OSError):
        os.utime(lock.fileno())
    lock.close()


@dataclass(frozen=True)
class ReusedServer:
    """The server a run uses: one that was running, or one it started (keeper not None)."""

    url: str
    keeper: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def api_url(self) -> str:
        """Return the value PREFECT_API_URL needs to reach this server."""
        return f"{self.url}/api"

    def wait(self, timeout_s: float) -> None:
        """Return once the server answers (at once for a running one); raise ServerFailed otherwise."""
        if self.keeper is not None:
            wait_for_health(self.keeper, self.api_url, timeout_s, f"see {self.log_path}")


def reused_server(
    prefect_home: Path,
    idle_s: float,
    timeout_s: float,
    cache_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> ReusedServer:
    """Return the running server of this data folder, or start one that outlives this process.

    Does not wait for a new server to answer (ReusedServer.wait does): the caller imports and loads
    what it needs meanwhile. Two runs at once start one server: the second waits for the first's.
    A data folder with no Prefect database yet starts from the migrated template in cache_dir, if
    there is one and environ (the server's environment) names no database of the user's
    (flows/prefect_server/template.py). Call while holding the in-use lock (hold_in_use).
    """
    known = running_server(prefect_home)
    if known is not None:
        return ReusedServer(known.url)
    with starting_alone(prefect_home) as start_lock:
        known = running_server(prefect_home)  # started by another run while this one waited
        if known is not None:
            return ReusedServer(known.url)
        if cache_dir is not None:
            start_from_template(cache_dir, prefect_home, environ or {})
        port = free_port()
        command = [sys.executable, "-m", "flows.prefect_server.keeper", str(prefect_home), str(port)]
        command += ["--idle-s", str(idle_s), "--timeout-s", str(timeout_s)]
        command += ["--start-lock", str(start_lock.fileno())]
        keeper = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives this run; its group is the keeper and the server
            pass_fds=(start_lock.fileno(),),  # the start lock stays held until the keeper records
        )
    return ReusedServer(f"http://127.0.0.1:{port}", keeper, prefect_home / "server.log")


# --- the keeper process --------------------------------------------------------------------------------


class Stop(Exception):
    """SIGTERM reached the keeper."""


def _stop_on_signal(signum: int, _frame: object) -> None:
    """Turn SIGTERM into Stop, so the keeper stops its server before it goes."""
    raise Stop(f"signal {signum}")


@contextlib.contextmanager
def alone_if_free(prefect_home: Path) -> Iterator[bool]:
    """Yield whether the in-use lock could be taken exclusively (no run uses the server), holding it if so."""
    with (prefect_home / IN_USE_LOCK).open("ab") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True


def last_let_go(prefect_home: Path) -> float:
    """Return when a run last let go of the server (the in-use file's time), 0 if never."""
    try:
        return (prefect_home / IN_USE_LOCK).stat().st_mtime
    except OSError:
        return 0.0


def stop_child(server: LocalServer, grace_s: float = STOP_GRACE_S) -> None:
    """Stop the server, the keeper's child in its own process group: SIGTERM, then SIGKILL."""
    server.process.terminate()
    try:
        server.process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def idle_limit(prefect_home: Path, me: KnownServer) -> float | None:
    """Return the idle time the record now gives this server (`tintuc server start` may have made it None)."""
    recorded = recorded_server(prefect_home)
    if recorded is None or (recorded.url, recorded.pid) != (me.url, me.pid):
        return me.idle_stop_s
    return recorded.idle_stop_s


def keep(prefect_home: Path, server: LocalServer, me: KnownServer) -> None:
    """Watch the server until it exits, its folder goes, or it was idle long enough; then stop it."""
    started = last_busy = time.time()
    while server.process.poll() is None:
        limit = idle_limit(prefect_home, me)
        time.sleep(min(LONGEST_POLL_S, max(SHORTEST_POLL_S, (limit or LONGEST_POLL_S) / 10)))
        if not prefect_home.is_dir():
            break  # its data folder was removed: nothing will use this server again
        if limit is None:
            continue
        with alone_if_free(prefect_home) as free:
            if not free:
                last_busy = time.time()
                continue
            if time.time() - max(started, last_busy, last_let_go(prefect_home)) >= limit:
                forget_server(prefect_home, me)  # while still holding the lock: no run sees it now
                stop_child(server)
                return
    forget_server(prefect_home, me)
    stop_child(server)


def serve_until_idle(prefect_home: Path, port: int, idle_s: float, timeout_s: float, start_lock: int) -> int:
    """Start the server, record it once it answers, keep it until idle; return the exit code."""
    signal.signal(signal.SIGTERM, _stop_on_signal)
    server = start_server(prefect_home, die_with_tintuc=True, port=port, own_session=False)
    me = KnownServer(server.url, os.getpid(), STARTED_BY, idle_s)
    try:
        try:
            server.wait_until_healthy(timeout_s)
        except ServerFailed:
            stop_child(server)
            return 1
        record_server(prefect_home, me)
        os.close(start_lock)  # recorded: the next run may look now, and will find it
        keep(prefect_home, server, me)
    except Stop:
        forget_server(prefect_home, me)
        stop_child(server)
    return 0


def keep_as_started_by_user(prefect_home: Path, known: KnownServer) -> KnownServer:
    """Make a reused server one `tintuc server start` keeps: no idle stop from now on."""
    kept = replace(known, started_by="tintuc server start", idle_stop_s=None)
    record_server(prefect_home, kept)
    return kept


def main(argv: list[str] | None = None) -> None:
    """Run the keeper: `python -m flows.prefect_server.keeper PREFECT_HOME PORT --idle-s S ...`."""
    parser = argparse.ArgumentParser(description="Keep a local Prefect server until it is idle.")
    parser.add_argument("prefect_home", type=Path)
    parser.add_argument("port", type=int)
    parser.add_argument("--idle-s", type=float, required=True)
    parser.add_argument("--timeout-s", type=float, required=True)
    parser.add_argument("--start-lock", type=int, required=True)
    args = parser.parse_args(argv)
    sys.exit(serve_until_idle(args.prefect_home, args.port, args.idle_s, args.timeout_s, args.start_lock))


if __name__ == "__main__":
    main()
