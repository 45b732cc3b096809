"""Texts a window of the run is decoding right now, so a window translating beside it waits for them.

The flow starts window k + 1's translation while window k's still decodes (flows/window_work.py).
A text both hold (a name, a role, a recurring line) is in neither's translation memory yet: without
this, both would decode it. A window claims the texts it will decode; the texts another window
already claimed it waits for, after its own decode, and takes their English as from the memory. A
text whose English did not come (its decode failed there) is decoded by the waiting window itself.
Keys are (text, protection context), as the memory's are. No cycle can form: every window releases
what it claimed before it waits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

Key = tuple[str, str]  # the text, and what protection means in it (texts.protection_context)


class InFlight:
    """The run's claimed texts and the English their decodes gave, shared by its windows' threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done: dict[Key, threading.Event] = {}
        self._english: dict[Key, str] = {}

    def claim(self, keys: Iterable[Key]) -> tuple[list[Key], list[Key]]:
        """Claim the keys no window has claimed; return (claimed here, claimed by another window)."""
        mine: list[Key] = []
        theirs: list[Key] = []
        with self._lock:
            for key in keys:
                if key in self._done:
                    theirs.append(key)
                else:
                    self._done[key] = threading.Event()
                    mine.append(key)
        return mine, theirs

    def release(self, keys: Iterable[Key], english: dict[Key, str]) -> None:
        """Give the English of claimed keys (none for those that failed) to whoever waits for them."""
        with self._lock:
            for key in keys:
                if key in english:
                    self._english[key] = english[key]
                self._done[key].set()

    def wait(self, keys: Iterable[Key]) -> dict[Key, str]:
        """Wait until every key's decode is released; return the English of those that got one."""
        found: dict[Key, str] = {}
        for key in keys:
            self._done[key].wait()
            if key in self._english:
                found[key] = self._english[key]
        return found
