"""How long `prefect server start` takes to answer: on a new database, on the template, once more.

    .venv/bin/python bench/prefect_start.py [--rounds 3] [--json bench/prefect_start.json]

Each round starts Prefect's server (`python -m prefect server start`, as the keeper does) three times, each
in a PREFECT_HOME of its own, and times it from the spawn to the first 200 of /api/health (asked every 20 ms):
- new: an empty folder, so Prefect migrates a new database (a first run without a template);
- template: a copy of the migrated template (flows/prefect_server/template.py), as a fresh data folder
  gets one (Prefect still checks it is at head and registers its block types);
- restarted: the `new` folder started a second time (migrated, block types registered: the floor).
The three of a round run one after another, so they share the machine's load; read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from flows.prefect_server.local import free_port  # noqa: E402
from flows.prefect_server.template import PREFECT_DB  # noqa: E402
from flows.prefect_server.template_build import build_template  # noqa: E402

POLL_S = 0.02
TIMEOUT_S = 600.0


def answers(url: str) -> bool:
    """Return whether the server at url answers /api/health."""
    try:
        with urllib.request.urlopen(f"{url}/api/health", timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def seconds_to_answer(home: Path) -> float:
    """Start `prefect server start` in PREFECT_HOME=home; return the seconds until it answers; stop it."""
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_API_DATABASE_CONNECTION_URL", None)
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with (home / "server.log").open("ab") as log:
        started = time.perf_counter()
        server = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    try:
        while not answers(f"http://127.0.0.1:{port}"):
            if server.poll() is not None or time.perf_counter() - started > TIMEOUT_S:
                raise SystemExit(f"the Prefect server did not answer; see {home / 'server.log'}")
            time.sleep(POLL_S)
        return round(time.perf_counter() - started, 2)
    finally:
        server.terminate()
        server.wait()


def one_round(template: Path, work: Path) -> dict[str, float]:
    """Time the three starts of one round."""
    new, copied = work / "new", work / "template"
    new.mkdir(parents=True)
    copied.mkdir(parents=True)
    shutil.copyfile(template, copied / PREFECT_DB)
    return {
        "new_s": seconds_to_answer(new),
        "template_s": seconds_to_answer(copied),
        "restarted_s": seconds_to_answer(new),
        "load_average": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    """Build a template, time the rounds, print and optionally write the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tintuc-bench-prefect-start-") as tmp:
        template = build_template(Path(tmp) / "cache")
        assert template is not None, "Prefect's migrations could not be run"
        rounds = []
        for number in range(args.rounds):
            rounds.append(one_round(template, Path(tmp) / f"round{number}"))
            print(json.dumps(rounds[-1]), flush=True)
    report = {
        "rounds": rounds,
        **{
            f"median_{k}": round(statistics.median(r[k] for r in rounds), 2)
            for k in ("new_s", "template_s", "restarted_s")
        },
        "cores": os.cpu_count(),
        "nice": os.nice(0),
    }
    print(json.dumps({k: v for k, v in report.items() if k != "rounds"}))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
