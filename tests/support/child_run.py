"""Run the tintuc CLI in a child process with test hooks patched in, so production code has none.

    python -m tests.support.child_run HOOKS_JSON run PATH...

HOOKS_JSON is an object; every key is optional:
- `pause_after_articles: N` and `marker: PATH`: after the Nth article is written inside its file's
  transaction (not yet committed), create PATH and sleep, so the parent can SIGKILL mid-load.
- `barrier: FOLDER`, `name`, `peers`: wait until `peers` children reach the same point before
  migrating the warehouse and again before loading, so their migrations and loads overlap. A
  child that fails says so in FOLDER, and its peers stop waiting.
- `hold_each_article_s: S`: sleep S seconds inside each article's transaction, holding the
  write lock, so a concurrent run must wait for it.
- `fail_validation: MESSAGE`: raise RuntimeError(MESSAGE) where the flow validates.
- `pause_at_window: N` and `marker: PATH`: when window N is about to be read (every earlier
  window committed), create PATH and sleep, so the parent can SIGKILL between windows.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

BARRIER_TIMEOUT_S = 600


def wait_at_barrier(folder: Path, stage: str, name: str, peers: int) -> None:
    """Mark this child arrived at stage and wait until all peers have."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stage}-{name}").touch()
    deadline = time.monotonic() + BARRIER_TIMEOUT_S
    while len(list(folder.glob(f"{stage}-*"))) < peers:
        if (folder / "abort").exists():
            raise RuntimeError(f"a peer failed before reaching {stage}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"peers never reached {stage}")
        time.sleep(0.05)


def patch_article_writes(hooks: dict[str, Any]) -> None:
    """Wrap the loader's per-article write with the pause and hold hooks."""
    import warehouse.load

    original = warehouse.load._replace_article
    written = 0

    def replace_article(connection: Any, frames: Any) -> None:
        nonlocal written
        original(connection, frames)
        written += 1
        time.sleep(hooks.get("hold_each_article_s", 0))
        if written == hooks.get("pause_after_articles"):
            Path(hooks["marker"]).write_text(frames.article_id)
            time.sleep(3600)  # the parent kills us here, inside the open transaction

    warehouse.load._replace_article = replace_article  # type: ignore[assignment]


def patch_barriers(hooks: dict[str, Any]) -> None:
    """Make the flow wait for its peers before migrating and before loading."""
    import flows.pipeline
    import warehouse.load

    folder, name, peers = Path(hooks["barrier"]), hooks["name"], hooks["peers"]
    upgrade, load_file = flows.pipeline.upgrade_to_head, warehouse.load.load_file
    arrived_at_load = False

    def upgrade_to_head(engine: Any) -> None:
        wait_at_barrier(folder, "migrate", name, peers)
        upgrade(engine)

    def load_file_together(*args: Any, **kwargs: Any) -> int:
        nonlocal arrived_at_load
        if not arrived_at_load:
            arrived_at_load = True
            wait_at_barrier(folder, "load", name, peers)
        return load_file(*args, **kwargs)  # the articles it loaded, which the window counts

    flows.pipeline.upgrade_to_head = upgrade_to_head  # type: ignore[assignment]
    warehouse.load.load_file = load_file_together  # type: ignore[assignment]


def patch_failure(message: str) -> None:
    """Make the flow's validation raise, as a bug would."""
    import flows.window_work

    def validate_records(_records: Any) -> Any:
        raise RuntimeError(message)

    flows.window_work.validate_records = validate_records  # type: ignore[assignment]


def patch_window_pause(hooks: dict[str, Any]) -> None:
    """Make the flow stop and wait before it reads window N."""
    import flows.window_work

    original = flows.window_work.read_window
    windows = 0

    def read_window(*args: Any, **kwargs: Any) -> Any:
        nonlocal windows
        windows += 1
        if windows == hooks["pause_at_window"]:
            Path(hooks["marker"]).write_text(str(windows))
            resume = Path(hooks.get("resume", "/nonexistent"))
            deadline = time.monotonic() + 3600  # the parent kills us here, between two windows, or resumes us
            while not resume.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
        return original(*args, **kwargs)

    flows.window_work.read_window = read_window  # type: ignore[assignment]


def main() -> None:
    """Patch in the hooks, then run the CLI with the remaining arguments."""
    hooks = json.loads(sys.argv[1])
    if "pause_after_articles" in hooks or "hold_each_article_s" in hooks:
        patch_article_writes(hooks)
    if "pause_at_window" in hooks:
        patch_window_pause(hooks)
    if "barrier" in hooks:
        patch_barriers(hooks)
    if "fail_validation" in hooks:
        patch_failure(hooks["fail_validation"])
    from flows.cli import app

    try:
        app(args=sys.argv[2:], prog_name="tintuc")
    except SystemExit as exit_:
        if exit_.code not in (0, None) and "barrier" in hooks:
            Path(hooks["barrier"]).mkdir(parents=True, exist_ok=True)
            (Path(hooks["barrier"]) / "abort").touch()  # peers waiting for us stop waiting
        raise


if __name__ == "__main__":
    main()
