"""Prefect's temporary server for a run with no server to use: given the time it needs, gone with tintuc.

Prefect starts this server (uvicorn in a subprocess) the first time a client needs an API and none is
configured. Left to itself it gives up after 20 s on a busy machine, and it outlives a SIGKILLed tintuc.
tintuc starts it first, from the main thread, through Prefect's own class, so every later client finds
it running.
"""

from __future__ import annotations

import atexit
import functools
import os
import subprocess
import types
from pathlib import Path
from typing import Any

from prefect.server.api import server as prefect_server
from prefect.settings import PREFECT_API_URL

from flows.prefect_server.local import die_with_parent, free_port, wait_for_health


class _SubprocessFor(types.ModuleType):
    """The subprocess module as Prefect's server module sees it: Popen with tintuc's defaults."""

    def __init__(self, **popen_defaults: Any) -> None:
        super().__init__("subprocess")
        self.Popen = functools.partial(subprocess.Popen, **popen_defaults)

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)


class TemporaryServer(prefect_server.SubprocessASGIServer):
    """Prefect's subprocess server, waited for up to a timeout of tintuc's and stopped with tintuc.

    Its output goes to log_path: stopped at the end of a run, it reports the events it was still
    writing as tracebacks, which are not the user's news.
    """

    log_path: Path = Path(os.devnull)

    def start(self, timeout: int | None = None) -> None:
        """Start the server unless it runs; wait up to timeout seconds, however slowly it answers.

        Prefect's own start gives up on the first answer slower than 5 s; a starved server is not dead.
        """
        if self.running:
            return
        self.port = self.port or free_port()
        self.running = True
        self.server_process = self._run_uvicorn_command()
        atexit.register(self.stop)
        try:
            wait_for_health(self.server_process, self.api_url, timeout or 600, f"see {self.log_path}")
        except BaseException:
            self.stop()
            raise

    def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
        """Run Prefect's own command, as a child that dies with tintuc even by SIGKILL."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            prefect_server.subprocess = _SubprocessFor(  # type: ignore[attr-defined]
                preexec_fn=die_with_parent, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
            try:
                return super()._run_uvicorn_command()
            finally:
                prefect_server.subprocess = subprocess  # type: ignore[attr-defined]


def start_temporary_server(timeout_s: int, log_path: Path) -> str | None:
    """Start Prefect's temporary server unless an API is configured; return its API URL, else None.

    Call it from the main thread: Linux signals a child when the thread that started it ends.
    """
    if PREFECT_API_URL.value():
        return None  # the user's own server, or a test harness's
    server = TemporaryServer()  # registered as the one Prefect's clients look up
    server.log_path = log_path
    server.start(timeout=timeout_s)
    return server.api_url
