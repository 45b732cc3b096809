"""tintuc's own Prefect server for `tintuc serve`: on a free local port, stopped with all it started.

Plain subprocess handling, no Prefect import: PREFECT_API_URL is only known once the server is up, and
Prefect reads its settings at import.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from flows.prefect_server.blocks import skip_block_registration

HOST = "127.0.0.1"
HEALTH_TIMEOUT_S = 5.0
# How often a starting server is asked: uvicorn listens only once Prefect's startup is done, so until
# then each ask is a refused connection, a fraction of a millisecond; a run waits half this on average.
HEALTH_POLL_S = 0.05
PR_SET_PDEATHSIG = 1
FILE_LEASES = "prefect.server.concurrency.lease_storage.filesystem"


class ServerFailed(RuntimeError):
    """The local Prefect server did not start."""


@dataclass(frozen=True)
class LocalServer:
    """A running `prefect server start` subprocess, leader of its own process group."""

    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    @property
    def api_url(self) -> str:
        """Return the value PREFECT_API_URL needs to reach this server."""
        return f"{self.url}/api"

    def wait_until_healthy(self, timeout_s: float) -> None:
        """Return once the server answers; raise ServerFailed if it exits or does not within timeout_s."""
        wait_for_health(self.process, self.api_url, timeout_s, f"see {self.log_path}")


def lock_data_folder(prefect_home: Path) -> IO[bytes]:
    """Hold PREFECT_HOME/serve.lock while tintuc lives; raise ServerFailed if another `tintuc serve` holds it.

    Two servers on one Prefect database would each schedule the pipeline. The lock goes with the process.
    """
    prefect_home.mkdir(parents=True, exist_ok=True)
    lock = (prefect_home / "serve.lock").open("wb")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        lock.close()
        folder = prefect_home.parent
        raise ServerFailed(f"another `tintuc serve` already serves the data folder {folder}") from error
    return lock


def data_folder_served(prefect_home: Path) -> bool:
    """Return whether a `tintuc serve` holds PREFECT_HOME/serve.lock right now."""
    try:
        lock = lock_data_folder(prefect_home)
    except ServerFailed:
        return True
    lock.close()
    return False


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def die_with_parent() -> None:
    """Ask Linux to SIGTERM this process when its parent dies, even by SIGKILL (runs in the child).

    Linux means the parent *thread*: start such children from the main thread only.
    """
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_server(
    prefect_home: Path, die_with_tintuc: bool = True, port: int | None = None, own_session: bool = True
) -> LocalServer:
    """Start `prefect server start` on port (else a free one), its output in PREFECT_HOME/server.log.

    With die_with_tintuc the server goes when this process does; without it, it outlives this process
    (`tintuc server start`) and is stopped by its pid. Without own_session it stays in this process's
    group, so signalling the group reaches it (the keeper of a reused server).
    """
    prefect_home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    url = f"http://{HOST}:{port}"
    log_path = prefect_home / "server.log"
    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    env.pop("PREFECT_API_URL", None)
    # The UI asks /ui-settings where the API is; unless told, the server answers with the default port
    # 4200, not the one it listens on, and the page says "Can't connect to Server API".
    env["PREFECT_SERVER_UI_API_URL"] = f"{url}/api"
    # Concurrency leases on disk, not in the server's memory: a run that held the pipeline's one slot when
    # tintuc was killed releases it when its lease expires, even though the server restarted meanwhile.
    env.setdefault("PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE", FILE_LEASES)
    env.update(skip_block_registration(prefect_home, env))  # a copy of the template has them (template.py)
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", HOST, "--port", str(port)]
    with log_path.open("ab") as log:
        # Its own session: Ctrl-C in the terminal reaches tintuc only, and tintuc stops the server last,
        # after the runner has told it how its runs ended.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=own_session,
            preexec_fn=die_with_parent if die_with_tintuc else None,
        )
    return LocalServer(process, url, log_path)


def is_healthy(api_url: str, timeout_s: float) -> bool:
    """Return whether the Prefect API at api_url answers /health within timeout_s."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout_s) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False  # not listening (yet), too slow, or not a Prefect server


def wait_for_health(process: subprocess.Popen[Any], api_url: str, timeout_s: float, log: str) -> None:
    """Return once the server answers /api/health; raise ServerFailed if it exits or times out.

    An answer slower than a few seconds is a busy machine, not a failure: ask again until timeout_s.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            raise ServerFailed(f"the Prefect server exited with code {code}; {log}")
        if is_healthy(api_url, HEALTH_TIMEOUT_S):
            return
        time.sleep(HEALTH_POLL_S)  # not listening yet: it imports, migrates its database, starts
    raise ServerFailed(
        f"the Prefect server did not answer within {timeout_s:.0f} s (TINTUC_PREFECT_SERVER_TIMEOUT_S); {log}"
    )


def stop_server(server: LocalServer, grace_s: float = 20.0) -> None:
    """Stop the server's whole process group: SIGTERM, then SIGKILL what is left after grace_s."""
    group = server.process.pid  # leader of its own session, so its pid is the group id
    _signal_group(group, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        server.process.wait(timeout=grace_s)
    # Also reaps any helper the server started that outlived it.
    _signal_group(group, signal.SIGKILL)
    server.process.wait()


def _signal_group(group: int, signum: signal.Signals) -> None:
    """Send signum to a process group that may already be gone."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signum)


def stop_children(grace_s: float = 10.0) -> None:
    """Stop the flow-run processes the runner left behind: SIGTERM, then SIGKILL after grace_s.

    Prefect's runner starts each run as a multiprocessing child and cancels the runs it tracks on
    shutdown, but a run still starting up when SIGTERM comes can outlive it.
    """
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + grace_s
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join()
