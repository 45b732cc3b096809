"""Hooks a test installs on Dask workers (with client.run), so production code has none."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any


def hang_halfway_through_a_window(marker: str) -> None:
    """Make the first window of two or more files, on any worker, load one file, write marker, and hang.

    Only one window in the whole cluster hangs: the one that creates marker first. The test kills its worker.
    """
    import flows.window_work

    original = flows.window_work.load_window

    def load_window(engine: Any, run_id: str, files: list[Any], unread: list[Any], **options: Any) -> Any:
        if len(files) < 2 or not _claim(Path(marker)):
            return original(engine, run_id, files, unread, **options)
        original(engine, run_id, files[:1], [], **options)
        Path(marker).with_suffix(".pid").write_text(str(os.getpid()))
        time.sleep(3600)  # the test kills this worker here: one file of the window committed, the rest not
        return original(engine, run_id, files, unread, **options)

    flows.window_work.load_window = load_window  # type: ignore[assignment]


def _claim(marker: Path) -> bool:
    """Create marker unless some process has: True for the first caller only."""
    try:
        marker.open("x").close()
    except FileExistsError:
        return False
    return True
