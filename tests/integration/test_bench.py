"""The benchmark script runs end to end and agrees with Argos token for token (no timing asserted)."""

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
KEYS = {
    "argos_sentences_per_s",
    "tintuc_sentences_per_s",
    "raw_sentences_per_s",
    "identical_share",
    "warm_rerun_speedup",
    "peak_rss_mb",
}


def test_the_benchmark_runs_and_tintuc_gives_argos_tokens(tmp_path):
    out = tmp_path / "bench.json"
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench" / "translate.py"),
            "--shape=fixture",
            "--min-sentences=60",
            f"--corpus={tmp_path / 'no-corpus'}",
            f"--json={out}",
        ],
        check=True,
        cwd=PROJECT,
        capture_output=True,
        timeout=600,
    )
    figures = json.loads(out.read_text())
    assert set(figures) >= KEYS
    assert figures["sentences"] >= 60
    # Batching a whole run must not change a single sentence's tokens against Argos's path.
    assert figures["identical_share"] == 1.0
    assert all(figures[key] > 0 for key in KEYS)
