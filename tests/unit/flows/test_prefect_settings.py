"""tintuc's settings reach the Prefect settings they stand for, under the names installed Prefect reads."""

from __future__ import annotations

import os
import subprocess
import sys

from flows.cli.common import _settings

READ_TIMEOUT = (
    "from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as timeout; "
    "print(timeout.value())"
)


def test_the_server_timeout_becomes_prefects_own_for_every_server_prefect_starts(monkeypatch, tmp_path):
    monkeypatch.setenv("TINTUC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TINTUC_PREFECT_SERVER_TIMEOUT_S", "777")
    monkeypatch.delenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", raising=False)
    _settings()
    # A child (a served run, a test's run) inherits it; Prefect reads it there under this name.
    read = subprocess.run([sys.executable, "-c", READ_TIMEOUT], env=dict(os.environ), capture_output=True)
    assert read.stdout.decode().strip() == "777", read.stderr.decode()


def test_the_default_gives_a_busy_machine_minutes_not_prefects_twenty_seconds(monkeypatch, tmp_path):
    monkeypatch.setenv("TINTUC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TINTUC_PREFECT_SERVER_TIMEOUT_S", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", raising=False)
    assert _settings().prefect_server_timeout_s >= 300
    assert int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]) >= 300
