"""`tintuc serve -i feeds.txt --interval 5` as a user runs it: each run polls the feed of a real site."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_serve import completed_runs, serve_env, wait_for
from tests.support.news_server import news_site
from tests.support.processes import descendants, kill_groups

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")


def test_serve_polls_a_feed_loads_its_pages_once_and_asks_again_conditionally(tmp_path):
    with news_site() as site:
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"# the test site's feed\n{site.base}/feed.xml\n", encoding="utf-8")
        data, log = tmp_path / "data", tmp_path / "serve.log"
        env = {
            **serve_env(data),
            "TINTUC_FETCH_DELAY_S": "0",
            "TINTUC_FETCH_ALLOWED_ADDRESSES": "127.0.0.1/32",
        }
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "flows", "serve", "-i", str(feeds), "--interval", "5"],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        database = data / "tintuc.sqlite"
        try:
            wait_for("a run loading the feed's pages", lambda: _loading(database), process, log)

            def later_runs() -> list[dict[str, Any]]:
                return completed_runs(database)[1:]

            wait_for("a later run", later_runs, process, log)
            assert len(site.asked("/article/")) == 3  # each page fetched once, by the first run
            assert any(
                headers.get("If-None-Match") for headers in site.headers
            )  # later runs ask conditionally
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=90) == 0, log.read_text()
        finally:
            if process.poll() is None:
                kill_groups({process.pid, *(p.group for p in descendants(process.pid))})
                process.wait()


def _loading(database: Path) -> list[dict[str, Any]]:
    """Return the completed runs that loaded the feed's three pages."""
    return [run for run in completed_runs(database) if run["articles_loaded"] == 3]
