"""Which Prefect server `tintuc run` believes in: a record in PREFECT_HOME, trusted only while it answers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.prefect_server.local import HOST, free_port
from flows.prefect_server.record import (
    RECORD_NAME,
    KnownServer,
    forget_server,
    process_alive,
    record_server,
    recorded_server,
    running_server,
)


class Health(BaseHTTPRequestHandler):
    """Answer /api/health as a Prefect server does, and nothing else."""

    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
        self.wfile.write(b"true")

    def log_message(self, *_args: object) -> None:
        pass  # quiet


@pytest.fixture
def answering_url() -> Iterator[str]:
    """Return the URL of a local HTTP server that answers /api/health with 200."""
    server = ThreadingHTTPServer((HOST, 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def dead_pid() -> int:
    """Return the pid of a process that has exited and been reaped."""
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    return int(process.stdout)


def test_a_recorded_server_that_lives_and_answers_is_used(tmp_path: Path, answering_url: str) -> None:
    server = KnownServer(answering_url, os.getpid(), "tintuc server start")
    record_server(tmp_path, server)
    assert running_server(tmp_path) == server
    assert running_server(tmp_path).api_url == f"{answering_url}/api"  # type: ignore[union-attr]


def test_a_record_whose_process_is_gone_is_ignored(tmp_path: Path, answering_url: str) -> None:
    record_server(tmp_path, KnownServer(answering_url, dead_pid(), "tintuc serve"))
    assert running_server(tmp_path) is None


def test_a_record_whose_server_does_not_answer_is_ignored(tmp_path: Path) -> None:
    silent = f"http://{HOST}:{free_port()}"
    record_server(tmp_path, KnownServer(silent, os.getpid(), "tintuc server start"))
    assert recorded_server(tmp_path) is not None
    assert running_server(tmp_path, timeout_s=0.5) is None


@pytest.mark.parametrize("text", ["", "{", '{"url": "http://x"}', '["not", "an", "object"]', '{"pid": "x"}'])
def test_a_damaged_or_missing_record_is_as_good_as_none(tmp_path: Path, text: str) -> None:
    assert recorded_server(tmp_path) is None
    (tmp_path / RECORD_NAME).write_text(text, encoding="utf-8")
    assert recorded_server(tmp_path) is None and running_server(tmp_path) is None


def test_forgetting_a_server_leaves_a_newer_servers_record(tmp_path: Path) -> None:
    older = KnownServer("http://127.0.0.1:1", 1, "tintuc serve")
    newer = KnownServer("http://127.0.0.1:2", 2, "tintuc server start")
    record_server(tmp_path, newer)
    forget_server(tmp_path, older)
    assert recorded_server(tmp_path) == newer
    forget_server(tmp_path, newer)
    assert not (tmp_path / RECORD_NAME).exists()


def test_a_dead_pid_is_not_alive_and_this_process_is() -> None:
    assert process_alive(os.getpid()) and not process_alive(dead_pid())


def test_a_reused_servers_idle_time_is_kept_and_an_older_record_without_one_never_stops(
    tmp_path: Path,
) -> None:
    record_server(tmp_path, KnownServer("http://127.0.0.1:1", 1, "tintuc run", 1800.0))
    assert recorded_server(tmp_path) == KnownServer("http://127.0.0.1:1", 1, "tintuc run", 1800.0)
    (tmp_path / RECORD_NAME).write_text(
        '{"url": "http://127.0.0.1:2", "pid": 2, "started_by": "tintuc serve"}'
    )
    assert recorded_server(tmp_path) == KnownServer("http://127.0.0.1:2", 2, "tintuc serve", None)
