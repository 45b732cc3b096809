"""The translation memory: a sentence translated once is never translated again.

Entries are keyed by the sentence (whitespace collapsed) with the protected spans found in it
(hashed together), the package (`name@version`) and the decoding options, since any of those can
change the English. Editing the glossary therefore re-translates only the sentences it touches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from warehouse.engine import insert_statement, retry_when_busy
from warehouse.models import MemoryEntry

# SQLite allows 32766 bound parameters; stay far below for IN (...) lookups.
_LOOKUP_CHUNK = 500


def memory_key(text: str, context: str = "") -> str:
    """Return the SHA-256 of text (whitespace collapsed) and of what was protected in it."""
    return hashlib.sha256(f"{' '.join(text.split())}\n{context}".encode()).hexdigest()


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """Yield items in lists of at most size."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


class TranslationMemory:
    """The memory of one package and decoding, in the warehouse."""

    def __init__(self, engine: Engine, package: str, decoding: str) -> None:
        self.engine, self.package, self.decoding = engine, package, decoding

    def recall(self, texts: list[str], contexts: dict[str, str] | None = None) -> dict[str, str]:
        """Return the remembered English of those texts that have one (contexts: see memory_key)."""
        contexts = contexts or {}
        by_key: dict[str, list[str]] = {}
        for text in texts:
            by_key.setdefault(memory_key(text, contexts.get(text, "")), []).append(text)
        english: dict[str, str] = {}
        with self.engine.connect() as connection:
            for keys in _chunks(list(by_key), _LOOKUP_CHUNK):
                rows = connection.execute(
                    select(MemoryEntry.source_sha256, MemoryEntry.text_en).where(
                        MemoryEntry.package == self.package,
                        MemoryEntry.decoding == self.decoding,
                        MemoryEntry.source_sha256.in_(keys),
                    )
                )
                for key, text_en in rows:
                    english.update(dict.fromkeys(by_key[key], text_en))
        return english

    @retry_when_busy
    def remember(self, english: dict[str, str], contexts: dict[str, str] | None = None) -> None:
        """Keep new translations in one transaction; an entry already there stays as it is."""
        if not english:
            return
        contexts = contexts or {}
        now = datetime.now(UTC).replace(tzinfo=None)  # the warehouse keeps naive UTC
        rows = [
            {
                "source_sha256": memory_key(text_vi, contexts.get(text_vi, "")),
                "package": self.package,
                "decoding": self.decoding,
                "text_vi": text_vi,
                "text_en": text_en,
                "created_at": now,
            }
            for text_vi, text_en in english.items()
        ]
        with self.engine.begin() as connection:
            statement = insert_statement(connection, MemoryEntry)
            connection.execute(statement.on_conflict_do_nothing(), rows)
