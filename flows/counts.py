"""What a run has done so far, counted window by window; the `runs` row is updated with it."""

from __future__ import annotations

from dataclasses import dataclass, fields

from flows.steps.translate.bilingual import TranslatedWindow
from flows.steps.window import ReadWindow
from warehouse.load import WindowLoad


@dataclass
class RunCounts:
    """What a run has done so far; the `runs` row is updated with it after every window."""

    files_seen: int = 0
    files_skipped: int = 0
    articles_loaded: int = 0
    segments_translated: int = 0
    segments_flagged: int = 0
    memory_hits: int = 0
    memory_misses: int = 0
    rejected: int = 0

    def add(self, read: ReadWindow, translated: TranslatedWindow, loaded: WindowLoad, rejected: int) -> None:
        """Count one more committed window; rejected counts the rejects it handed to loading.

        A file another run loaded meanwhile counts as unchanged, as if this run had read it later.
        """
        self.files_seen += read.files_seen
        self.files_skipped += read.skipped + loaded.files_taken
        self.articles_loaded += loaded.articles
        self.segments_translated += translated.segments_translated
        self.segments_flagged += translated.segments_flagged
        self.memory_hits += translated.memory_hits
        self.memory_misses += translated.memory_misses
        self.rejected += rejected + loaded.turned_down - loaded.rejects_left

    def merge(self, other: RunCounts) -> None:
        """Count another window's counts in (one a worker sent back)."""
        for counted in fields(RunCounts):
            setattr(self, counted.name, getattr(self, counted.name) + getattr(other, counted.name))
