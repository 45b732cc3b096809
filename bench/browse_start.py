"""Measure how long `tintuc browse` takes to answer its first page, from process start to the first 200.

    .venv/bin/python bench/browse_start.py DATA_DIR [--times 3]

DATA_DIR is a tintuc data folder holding a warehouse (`tintuc run` makes data/). Each round starts
`tintuc browse --port 0 --no-open` as a user would, asks for the home page every 50 ms until it
answers 200, then stops it with SIGTERM. Side by side, it times `tintuc --help` (the CLI's own
start-up) so the figure can be read as a ratio on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
ADDRESS = re.compile(r"(http://127\.0\.0\.1:\d+/)")
TIMEOUT_S = 300.0


def tintuc(args: list[str], data_dir: Path) -> subprocess.Popen[str]:
    """Start `tintuc ARGS` on the data folder."""
    env = {**os.environ, "TINTUC_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "flows", *args]
    return subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, text=True)


def answers(url: str) -> bool:
    """Return True if the URL answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError):
        return False


def first_page_seconds(data_dir: Path) -> float:
    """Start browse, return the seconds until its home page answers 200, and stop it."""
    start = time.perf_counter()
    process = tintuc(["browse", "--port", "0", "--no-open"], data_dir)
    assert process.stdout is not None
    address = None
    try:
        while time.perf_counter() - start < TIMEOUT_S:
            if address is None and select.select([process.stdout], [], [], 0.05)[0]:
                found = ADDRESS.search(process.stdout.readline())
                address = found.group(1) if found else None
            if address is not None and answers(address):
                return time.perf_counter() - start
        raise TimeoutError("tintuc browse did not answer")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def help_seconds(data_dir: Path) -> float:
    """Return the seconds `tintuc --help` takes: the CLI's start-up, for comparison."""
    start = time.perf_counter()
    tintuc(["--help"], data_dir).communicate()
    return time.perf_counter() - start


def main() -> None:
    """Time the first page a few times, beside the CLI's own start-up, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--times", type=int, default=3)
    options = parser.parse_args()
    browse, cli = [], []
    for _ in range(options.times):
        cli.append(help_seconds(options.data_dir))
        browse.append(first_page_seconds(options.data_dir))
    print(f"tintuc --help:            median {statistics.median(cli):.2f} s  (all: {cli})")
    print(f"browse, start → first 200: median {statistics.median(browse):.2f} s  (all: {browse})")
    print(f"ratio: {statistics.median(browse) / statistics.median(cli):.1f}× the CLI's start-up")


if __name__ == "__main__":
    main()
