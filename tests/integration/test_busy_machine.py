"""A run succeeds on a machine whose cores are all busy with other work."""

from __future__ import annotations

import subprocess
import sys

from tests.integration.tintuc_process import query, run_tintuc

BURNERS = 8
# Each burner stops by itself after this long, whatever happens to the test.
BURN_LIMIT_S = 900
BURN = f"import time\nend = time.monotonic() + {BURN_LIMIT_S}\nwhile time.monotonic() < end: pass"


def test_a_run_succeeds_while_eight_cpu_bound_processes_share_the_cores(tmp_path, seed_dir):
    burners = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(BURNERS)]
    try:
        result = run_tintuc(["run", str(seed_dir)], tmp_path / "data")
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    assert result.returncode == 0, result.stdout + result.stderr
    assert query(tmp_path / "data" / "tintuc.sqlite", "SELECT count(*) FROM articles") == [(1,)]
