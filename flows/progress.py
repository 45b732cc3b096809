"""A progress bar for translation, shown on a terminal and silent in logs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def translation_progress() -> Iterator[Callable[[int, int], None]]:
    """Yield a callback (done, total) that drives a progress bar on stderr when it is a TTY."""
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("translating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not sys.stderr.isatty(),
        transient=True,
    )
    task = progress.add_task("translate", total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    with progress:
        yield update


def counting(update: Callable[[int, int], None], total: int) -> Callable[[int], None]:
    """Turn "n more done" reports into (done so far, total) updates."""
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        update(done, total)

    return advance
