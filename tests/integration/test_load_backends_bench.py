"""bench/load_backends.py loads one set of articles into SQLite and PostgreSQL (no timing asserted)."""

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import postgres_server_url

PROJECT = Path(__file__).resolve().parents[2]


def test_the_load_benchmark_reports_rows_per_second_for_both_backends(tmp_path):
    out = tmp_path / "load.json"
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench" / "load_backends.py"),
            "--articles=3",
            "--rounds=2",
            f"--postgres-url={postgres_server_url()}",
            f"--json={out}",
        ],
        check=True,
        cwd=PROJECT,
        capture_output=True,
        timeout=600,
    )
    figures = json.loads(out.read_text())
    assert figures["articles"] == 3 and figures["rows"] > 3 * 17
    assert len(figures["seconds"]["sqlite"]) == len(figures["seconds"]["postgresql"]) == 2
    assert figures["sqlite_rows_per_s"] > 0 and figures["postgresql_rows_per_s"] > 0
