"""The extraction benchmark runs on the seed alone and says what it left out (no timing asserted)."""

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_the_extraction_bench_runs_without_the_shared_folder_and_says_so(tmp_path):
    out = tmp_path / "figures.json"
    run = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "bench" / "extract_speed.py"),
            "--articles=3",
            f"--shared={tmp_path / 'no-shared'}",
            f"--json={out}",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "no-shared/corpus absent" in run.stdout
    figures = json.loads(out.read_text())["this_tree"]
    # Three numbered copies of the seed: distinct texts, each extracted and valid.
    assert (figures["documents"], figures["articles_extracted"], figures["articles_valid"]) == (3, 3, 3)
    assert set(figures["seconds"]) == {"read", "parse", "extract", "validate"}
