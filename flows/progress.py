"""A progress display for a run: windows done and sentences translated, on a terminal and silent in logs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn


class RunProgress:
    """Two bars: the windows of the run (their number is not known ahead: files are listed lazily)
    and the sentences of the window being translated."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._windows: TaskID = progress.add_task("windows", total=None)
        self._sentences: TaskID = progress.add_task("sentences", total=None, visible=False)

    def window_started(self, number: int, files: int) -> None:
        """Show that window `number`, of `files` files, is being processed."""
        self._progress.update(self._windows, description=f"window {number} ({files} files)")

    def window_done(self) -> None:
        """Count one more window done."""
        self._progress.advance(self._windows)
        self._progress.update(self._sentences, visible=False)

    def sentences(self, total: int) -> Callable[[int], None]:
        """Return a callback that counts sentences translated out of total in this window."""
        self._progress.reset(self._sentences, total=total, visible=True)
        return lambda count: self._progress.advance(self._sentences, count)


def _bar(label: str) -> Progress:
    """Return a rich progress display on stderr, drawn only when stderr is a terminal."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not sys.stderr.isatty(),
        transient=True,
    )


@contextmanager
def run_progress() -> Iterator[RunProgress]:
    """Yield a RunProgress drawing on stderr when it is a terminal (and drawing nothing otherwise)."""
    with _bar("{task.description}") as progress:
        yield RunProgress(progress)


@contextmanager
def translation_progress() -> Iterator[Callable[[int, int], None]]:
    """Yield a callback (done, total) that drives a progress bar on stderr when it is a TTY."""
    progress = _bar("translating")
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
