"""The translate step: English for a run's texts, from memory first, then from the model.

The whole run is one job: every distinct text of every article is looked up in the translation
memory, the rest are decoded together (length-sorted, token-batched), protected spans are
checked and repaired, and the new translations are remembered before anything is loaded, so
even a run that fails later never pays for them twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from flows.steps.ctranslate import Decoded, PackageTranslator
from flows.steps.protect import CHECKED, Protector, Span, place_spans, restyle_names
from flows.steps.quality import quality_flags

# Sentences per CTranslate2 call. Within a call CTranslate2 packs length-sorted sentences into
# batches of `batch_tokens`; calls this large keep padding low and still report progress.
SENTENCES_PER_CALL = 1024


class Memory(Protocol):
    """Where translations are remembered between runs (the warehouse's translation_memory)."""

    def recall(self, texts: list[str], contexts: dict[str, str]) -> dict[str, str]:
        """Return the remembered English of those texts that have one, in their context."""
        ...

    def remember(self, english: dict[str, str], contexts: dict[str, str]) -> None:
        """Keep new translations with their context."""
        ...


@dataclass(frozen=True)
class Toolkit:
    """Everything one run translates with."""

    translator: PackageTranslator
    protector: Protector
    memory: Memory

    def assess(self, vietnamese: str, english: str) -> str:
        """Return the quality flags of one translation."""
        return quality_flags(vietnamese, english, self.protector.spans(vietnamese), self.protector)


@dataclass(frozen=True)
class Translations:
    """English by Vietnamese text, and where it came from."""

    english: dict[str, str]
    memory_hits: int
    memory_misses: int
    repaired: int
    # Texts the model could not decode, with the error: they stay pending.
    failed: dict[str, str] = field(default_factory=dict)


def translate_texts(
    texts: list[str], toolkit: Toolkit, on_progress: Callable[[int], None] | None = None
) -> Translations:
    """Return English for texts: remembered where possible, decoded and remembered otherwise.

    A text is remembered together with the protected spans found in it (their Vietnamese and
    accepted English), so a glossary edit or a newly known name re-translates only the
    sentences it touches.
    """
    spans = {text: toolkit.protector.spans(text) for text in texts}
    contexts = {text: protection_context(spans[text]) for text in texts}
    remembered = toolkit.memory.recall(texts, contexts)
    if on_progress and remembered:
        on_progress(len(remembered))
    todo = [text for text in texts if text not in remembered]
    english, repaired = decode_texts(todo, spans, toolkit.translator, toolkit.protector, on_progress)
    toolkit.memory.remember(english, contexts)
    return Translations({**remembered, **english}, len(remembered), len(todo), repaired)


def protection_context(spans: list[Span]) -> str:
    """Return what protection means for one sentence, as the memory keys it."""
    return "\n".join(f"{span.kind}:{span.vietnamese}={'|'.join(span.english)}" for span in spans)


def decode_texts(
    texts: list[str],
    spans: dict[str, list[Span]],
    translator: PackageTranslator,
    protector: Protector,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, str], int]:
    """Decode texts with the model; return {text: English} (blank outputs left out), and repairs.

    spans holds each text's protected spans.

    Texts are sorted by length across the whole run and decoded in calls of SENTENCES_PER_CALL;
    each call's output is checked and repaired at once, so attention (kept only for sentences
    with a protected span) never piles up.
    """
    sources = {text: translator.tokenize(text) for text in texts}
    ordered = sorted(texts, key=lambda text: len(sources[text]))
    english: dict[str, str] = {}
    repaired = 0
    for start in range(0, len(ordered), SENTENCES_PER_CALL):
        chunk = ordered[start : start + SENTENCES_PER_CALL]
        decoded = translator.decode([sources[t] for t in chunk], [bool(spans[t]) for t in chunk])
        for text, result in zip(chunk, decoded, strict=True):
            # A decode cut off at the length cap is kept, like any flagged output: it is almost
            # always a loop, which the `repetition` and `length_ratio` flags show to a reader.
            english[text], was_repaired = protected_english(result, spans[text], translator, protector)
            repaired += was_repaired
        if on_progress:
            on_progress(len(chunk))
    return {text: en for text, en in english.items() if en}, repaired


def protected_english(
    decoded: Decoded, spans: list[Span], translator: PackageTranslator, protector: Protector
) -> tuple[str, bool]:
    """Return the English of decoded with every protected span present, and whether it was repaired."""
    english = translator.detokenize(decoded.pieces)
    if not spans:
        return english, False
    missing = [span for span in protector.missing(english, spans) if span.kind != CHECKED]
    if missing and decoded.attention:
        english = place_spans(decoded, missing, translator.detokenize)
    return restyle_names(english, spans), bool(missing)
