"""A warehouse server that is down is named (password hidden) with the driver's reason, exit 1."""

import socket

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize("command", [["status"], ["query", "SELECT 1"]])
def test_a_reading_command_on_a_postgresql_server_that_is_down_says_so_and_exits_1(command, tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://tintuc:s3cret@127.0.0.1:{port}/tintuc"
    env = {"TINTUC_DATA_DIR": str(tmp_path / "data"), "TINTUC_DATABASE_URL": url, "COLUMNS": "200"}
    result = CliRunner().invoke(app, command, env=env)
    assert result.exit_code == 1
    assert "cannot reach the warehouse" in result.output and "Connection refused" in result.output
    assert "s3cret" not in result.output
