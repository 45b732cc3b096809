"""Translation failures: a text whose decode raised is remembered, and given up on after two.

Keyed by the text's SHA-256 (whitespace collapsed, as the translation memory keys it) and the
package (`name@version`): another package may well translate what this one could not.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, func, select

from warehouse.engine import insert_statement, retry_when_busy
from warehouse.memory import memory_key
from warehouse.models import TranslationFailure

# SQLite allows 32766 bound parameters; stay far below for IN (...) lookups.
_LOOKUP_CHUNK = 500
FAILED_TEXTS = "texts failed to translate"
GIVEN_UP_TEXTS = "texts given up on"


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """Yield items in lists of at most size."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


class TranslationFailures:
    """The failures of one package, recorded against one run."""

    def __init__(self, engine: Engine, package: str, run_id: str | None, give_up_after: int) -> None:
        self.engine, self.package, self.run_id = engine, package, run_id
        self.give_up_after = give_up_after

    def given_up(self, texts: list[str]) -> dict[str, str]:
        """Return those texts that failed give_up_after times with this package, with the last error."""
        by_key: dict[str, list[str]] = {}
        for text in texts:
            by_key.setdefault(memory_key(text), []).append(text)
        errors: dict[str, str] = {}
        with self.engine.connect() as connection:
            for keys in _chunks(list(by_key), _LOOKUP_CHUNK):
                rows = connection.execute(
                    select(TranslationFailure.source_sha256, TranslationFailure.last_error).where(
                        TranslationFailure.package == self.package,
                        TranslationFailure.attempts >= self.give_up_after,
                        TranslationFailure.source_sha256.in_(keys),
                    )
                )
                for key, error in rows:
                    errors.update(dict.fromkeys(by_key[key], error))
        return errors

    @retry_when_busy
    def record(self, failed: dict[str, str]) -> None:
        """Count one more failure of each text with this package, keeping the latest error."""
        if not failed:
            return
        now = datetime.now(UTC).replace(tzinfo=None)  # the warehouse keeps naive UTC
        rows = [
            {
                "source_sha256": memory_key(text),
                "package": self.package,
                "text_vi": text,
                "last_error": error,
                "attempts": 1,
                "last_run_id": self.run_id,
                "failed_at": now,
            }
            for text, error in failed.items()
        ]
        with self.engine.begin() as connection:
            statement = insert_statement(connection, TranslationFailure)
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=["source_sha256", "package"],
                    set_={
                        "attempts": TranslationFailure.attempts + 1,
                        "last_error": statement.excluded.last_error,
                        "last_run_id": statement.excluded.last_run_id,
                        "failed_at": statement.excluded.failed_at,
                    },
                ),
                rows,
            )

    @retry_when_busy
    def clear(self, texts: list[str]) -> None:
        """Forget every failure of texts that have now translated, whatever the package."""
        keys = list({memory_key(text) for text in texts})
        with self.engine.begin() as connection:
            for chunk in _chunks(keys, _LOOKUP_CHUNK):
                connection.execute(
                    delete(TranslationFailure).where(TranslationFailure.source_sha256.in_(chunk))
                )


def failure_counts(engine: Engine, give_up_after: int) -> dict[str, int]:
    """Return how many texts failed to translate, and how many of those are given up on."""
    distinct = func.count(TranslationFailure.source_sha256.distinct())
    with engine.connect() as connection:
        failed = connection.scalar(select(distinct)) or 0
        given_up = (
            connection.scalar(select(distinct).where(TranslationFailure.attempts >= give_up_after)) or 0
        )
    return {FAILED_TEXTS: failed, GIVEN_UP_TEXTS: given_up}
