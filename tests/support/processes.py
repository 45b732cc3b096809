"""Read the process table from /proc: which processes a command started, and whether they are gone."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Process:
    """One process as /proc shows it; (pid, started) names it even after its pid is reused."""

    pid: int
    ppid: int
    group: int
    started: int  # clock ticks after boot
    command: str


def read_process(pid: int) -> Process | None:
    """Return a live process, or None if it is gone or a zombie (dead, waiting to be reaped)."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
        command = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = stat[stat.rindex(")") + 2 :].split()  # the name in brackets may hold spaces
    if fields[0] in {"Z", "X"}:
        return None
    return Process(pid, int(fields[1]), int(fields[2]), int(fields[19]), command.strip())


def all_processes() -> list[Process]:
    """Return every live process."""
    found = (read_process(int(entry.name)) for entry in PROC.iterdir() if entry.name.isdigit())
    return [process for process in found if process is not None]


def descendants(root: int) -> list[Process]:
    """Return the live processes started by root, directly or not (those still parented within the tree)."""
    processes = all_processes()
    family, frontier = [], {root}
    while frontier:
        children = [process for process in processes if process.ppid in frontier]
        family.extend(children)
        frontier = {process.pid for process in children}
    return family


def still_alive(processes: list[Process]) -> list[Process]:
    """Return those of processes that still run (same pid, same start time)."""
    alive = (read_process(process.pid) for process in processes)
    return [now for now, then in zip(alive, processes, strict=True) if now and now.started == then.started]


def in_groups(groups: set[int]) -> list[Process]:
    """Return the live processes in any of the given process groups."""
    return [process for process in all_processes() if process.group in groups]


def kill_groups(groups: set[int]) -> None:
    """SIGKILL whole process groups, ignoring those already gone (cleanup after a failed test)."""
    for group in groups - {os.getpgrp()}:  # never the test's own group
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)


@contextlib.contextmanager
def starved(pid: int, seconds: float) -> Iterator[None]:
    """Stop a process for seconds, as starved as on a machine with no core to spare, then let it go on.

    The body runs while it is stopped; the process is continued however the body ends.
    """
    stopped_at = time.monotonic()
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
        time.sleep(max(0.0, stopped_at + seconds - time.monotonic()))
    finally:
        os.kill(pid, signal.SIGCONT)
