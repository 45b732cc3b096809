"""A git ref's code in a temporary folder, for a benchmark that times it beside the working tree's."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


@contextmanager
def ref_tree(ref: str, folders: tuple[str, ...], script: Path) -> Iterator[Path]:
    """Yield a temporary folder holding the ref's folders and, in its bench/, this copy of script.

    The script is the caller's own, so the ref's code is timed by today's measurement.
    """
    with tempfile.TemporaryDirectory(prefix="tintuc-ref-") as tree:
        archive = subprocess.run(
            ["git", "-C", str(PROJECT), "archive", ref, *folders], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        (Path(tree) / "bench").mkdir()
        (Path(tree) / "bench" / script.name).write_bytes(script.read_bytes())
        yield Path(tree)


def short_commit(ref: str) -> str:
    """Return the short commit a ref names."""
    return subprocess.run(
        ["git", "-C", str(PROJECT), "rev-parse", "--short", ref], check=True, capture_output=True, text=True
    ).stdout.strip()
