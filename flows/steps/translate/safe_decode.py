"""Decode so that no text can fail the job: long sentences in parts, a raising call split and retried.

A CTranslate2 call that raises (a model's limit, a damaged model file, memory) is split in halves
and each half retried, down to single texts; a single text that still raises is set aside with
its error and everything else is decoded. A text with one bad text among n costs about twice its
call's decode, not the run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flows.steps.translate.ctranslate import Decoded, PackageTranslator, SourcePiece
from flows.steps.translate.long_sentences import split_to_fit

# An error names the text's failure for a reader; a message holding the whole input is cut.
MAX_ERROR_CHARS = 500
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decodes:
    """What a decode of many texts gave: English by text, repairs, and errors by text."""

    english: dict[str, str]
    repaired: int
    failed: dict[str, str]


def units_of(texts: list[str], translator: PackageTranslator) -> dict[str, list[str]]:
    """Return what each text is decoded as: itself, or its parts if longer than the model takes."""
    return {text: split_to_fit(text, translator.fits) for text in texts}


def decode_units(
    units: dict[str, list[str]],
    with_attention: set[str],
    translator: PackageTranslator,
    english_of: Callable[[str, Decoded], tuple[str, bool]],
    per_call: int,
    on_progress: Callable[[int], None] | None = None,
) -> Decodes:
    """Decode every distinct unit, length-sorted, per_call units a call; join each text's parts.

    english_of turns a unit's decode into English (and whether it was repaired); the units in
    with_attention keep their attention. A text fails if any of its parts failed.
    """
    distinct = list(dict.fromkeys(unit for parts in units.values() for unit in parts))
    sources = {unit: translator.tokenize(unit) for unit in distinct}
    ordered = sorted(distinct, key=lambda unit: len(sources[unit]))
    whole = {text for text, parts in units.items() if parts == [text]}
    english: dict[str, str] = {}
    errors: dict[str, str] = {}
    repaired = 0
    for start in range(0, len(ordered), per_call):
        chunk = ordered[start : start + per_call]
        results = decode_or_errors(
            translator, [sources[u] for u in chunk], [u in with_attention for u in chunk]
        )
        for unit, result in zip(chunk, results, strict=True):
            if isinstance(result, str):
                errors[unit] = result
            else:
                english[unit], was_repaired = english_of(unit, result)
                repaired += was_repaired
        if on_progress and (done := sum(unit in whole for unit in chunk)):
            on_progress(done)
    if on_progress and len(units) > len(whole):
        on_progress(len(units) - len(whole))  # the texts decoded in parts, all done by now
    return joined(units, english, errors, repaired)


def joined(
    units: dict[str, list[str]], english: dict[str, str], errors: dict[str, str], repaired: int
) -> Decodes:
    """Return each text's English, its parts' joined with a space, or its first part's error."""
    translated: dict[str, str] = {}
    failed: dict[str, str] = {}
    for text, parts in units.items():
        broken = [errors[part] for part in parts if part in errors]
        if broken:
            failed[text] = broken[0]
            continue
        text_en = " ".join(english[part] for part in parts if english[part])
        if text_en:  # a blank output stays pending
            translated[text] = text_en
    return Decodes(translated, repaired, failed)


def decode_or_errors(
    translator: PackageTranslator, sources: Sequence[tuple[SourcePiece, ...]], keep: Sequence[bool]
) -> list[Decoded | str]:
    """Decode sources in one call; if it raises, split it in halves and retry each, down to one.

    Returns each source's decode, or for a source that raises on its own, "Type: message".
    """
    try:
        return list(translator.decode(sources, keep))
    # Any error of the decoder is one text's problem, not the run's; KeyboardInterrupt and
    # SystemExit are not Exceptions and still stop the run.
    except Exception as error:
        if len(sources) > 1:
            half = len(sources) // 2
            return [
                *decode_or_errors(translator, sources[:half], keep[:half]),
                *decode_or_errors(translator, sources[half:], keep[half:]),
            ]
        text = "".join(piece.piece for piece in sources[0]).replace("▁", " ").strip()
        logger.warning("could not translate %r: %s: %s", text[:80], type(error).__name__, error)
        return [f"{type(error).__name__}: {error}"[:MAX_ERROR_CHARS]]
