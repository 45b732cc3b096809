"""The translate step: English for a run's texts, from memory first, then from the model.

The whole run is one job: every distinct text of every article is looked up in the translation
memory, the rest are decoded together (length-sorted, token-batched), protected spans are
checked and repaired, and the new translations are remembered before anything is loaded, so
even a run that fails later never pays for them twice.

No text can fail the job: a sentence longer than the model takes is translated in parts, and a
text whose decode raises is set aside, with its error, in `failed` (flows/steps/translate/safe_decode.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from flows.steps.translate.ctranslate import Decoded, PackageTranslator
from flows.steps.translate.in_flight import InFlight
from flows.steps.translate.protect import CHECKED, Protector, Span, place_spans, restyle_names
from flows.steps.translate.quality import quality_flags
from flows.steps.translate.safe_decode import Decodes, decode_units, units_of

# Sentences per CTranslate2 call. Within a call CTranslate2 packs length-sorted sentences into
# batches of `batch_tokens`; calls this large keep padding low and still report progress.
SENTENCES_PER_CALL = 1024
# A text that failed this many times with the same package is not tried again unless asked.
GIVE_UP_AFTER = 2


class Memory(Protocol):
    """Where translations are remembered between runs (the warehouse's translation_memory)."""

    def recall(self, texts: list[str], contexts: dict[str, str]) -> dict[str, str]:
        """Return the remembered English of those texts that have one, in their context."""
        ...

    def remember(self, english: dict[str, str], contexts: dict[str, str]) -> None:
        """Keep new translations with their context."""
        ...


class FailureLog(Protocol):
    """Texts whose decode raised, remembered between runs (the warehouse's translation_failures)."""

    def given_up(self, texts: list[str]) -> dict[str, str]:
        """Return those texts that failed GIVE_UP_AFTER times with this package, with the last error."""
        ...

    def record(self, failed: dict[str, str]) -> None:
        """Count one more failure of each text, keeping its error."""
        ...

    def clear(self, texts: list[str]) -> None:
        """Forget the failures of texts that have now translated."""
        ...


class NoFailureLog:
    """A failure log that remembers nothing: every text is tried in every run."""

    def given_up(self, texts: list[str]) -> dict[str, str]:
        """Return nothing: no text is ever given up on."""
        return {}

    def record(self, failed: dict[str, str]) -> None:
        """Keep nothing."""

    def clear(self, texts: list[str]) -> None:
        """Forget nothing."""


@dataclass(frozen=True)
class Toolkit:
    """Everything one run translates with.

    retry_failed tries again the texts the failure log has given up on (`--retry-failed`).
    """

    translator: PackageTranslator
    protector: Protector
    memory: Memory
    failures: FailureLog = field(default_factory=NoFailureLog)
    retry_failed: bool = False
    # The run's texts being decoded by its other windows right now (None: this window alone).
    in_flight: InFlight | None = None

    def assess(self, vietnamese: str, english: str) -> str:
        """Return the quality flags of one translation."""
        return quality_flags(vietnamese, english, self.protector.spans(vietnamese), self.protector)


@dataclass(frozen=True)
class Translations:
    """English by Vietnamese text, where it came from, and what could not be translated.

    `failed` holds the texts whose decode raised in this run, `given_up` those left out because
    they had failed GIVE_UP_AFTER times before; both map the text to its (last) error,
    "Type: message", and both stay pending.
    """

    english: dict[str, str]
    memory_hits: int
    memory_misses: int
    repaired: int
    # Texts the model could not decode this run, and those given up on earlier, with the error:
    # they stay pending.
    failed: dict[str, str] = field(default_factory=dict)
    given_up: dict[str, str] = field(default_factory=dict)


def translate_texts(
    texts: list[str], toolkit: Toolkit, on_progress: Callable[[int], None] | None = None
) -> Translations:
    """Return English for texts: remembered where possible, decoded and remembered otherwise.

    A text is remembered together with the protected spans found in it (their Vietnamese and
    accepted English), so a glossary edit or a newly known name re-translates only the
    sentences it touches. Failures are recorded in the toolkit's failure log and cleared once
    the text translates.
    """
    spans = {text: toolkit.protector.spans(text) for text in texts}
    contexts = {text: protection_context(spans[text]) for text in texts}
    remembered = toolkit.memory.recall(texts, contexts)
    todo = [text for text in texts if text not in remembered]
    given_up = {} if toolkit.retry_failed else toolkit.failures.given_up(todo)
    if on_progress and len(remembered) + len(given_up):
        on_progress(len(remembered) + len(given_up))
    todo = [text for text in todo if text not in given_up]
    mine, theirs = claimed(todo, contexts, toolkit.in_flight)
    decodes = decoded_and_released(mine, spans, contexts, toolkit, on_progress)
    shared = waited_for(theirs, contexts, toolkit.in_flight)
    if on_progress and shared:
        on_progress(len(shared))
    # What the other window could not decode, this one tries itself.
    rest = decode_texts([t for t in theirs if t not in shared], spans, toolkit.translator, toolkit.protector)
    decodes = Decodes(
        {**decodes.english, **rest.english},
        decodes.repaired + rest.repaired,
        {**decodes.failed, **rest.failed},
    )
    toolkit.memory.remember(rest.english, contexts)
    toolkit.failures.record(decodes.failed)
    toolkit.failures.clear(list(decodes.english))
    return Translations(
        {**remembered, **shared, **decodes.english},
        len(remembered) + len(shared),
        len(todo) - len(shared),
        decodes.repaired,
        decodes.failed,
        given_up,
    )


def claimed(
    todo: list[str], contexts: dict[str, str], in_flight: InFlight | None
) -> tuple[list[str], list[str]]:
    """Split the texts to decode into those this window decodes and those another window already does."""
    if in_flight is None:
        return todo, []
    mine, theirs = in_flight.claim((text, contexts[text]) for text in todo)
    return [text for text, _ in mine], [text for text, _ in theirs]


def decoded_and_released(
    mine: list[str],
    spans: dict[str, list[Span]],
    contexts: dict[str, str],
    toolkit: Toolkit,
    on_progress: Callable[[int], None] | None,
) -> Decodes:
    """Decode and remember the texts this window claimed, then hand their English to windows waiting.

    Released whatever happens, so a window waiting for them never waits forever.
    """
    english: dict[str, str] = {}
    try:
        decodes = decode_texts(mine, spans, toolkit.translator, toolkit.protector, on_progress)
        toolkit.memory.remember(decodes.english, contexts)
        english = decodes.english
    finally:
        if toolkit.in_flight is not None:
            keys = [(text, contexts[text]) for text in mine]
            toolkit.in_flight.release(keys, {(text, contexts[text]): en for text, en in english.items()})
    return decodes


def waited_for(theirs: list[str], contexts: dict[str, str], in_flight: InFlight | None) -> dict[str, str]:
    """Return the English other windows gave the texts they had claimed (none for those that failed)."""
    if in_flight is None or not theirs:
        return {}
    found = in_flight.wait((text, contexts[text]) for text in theirs)
    return {text: english for (text, _), english in found.items()}


def protection_context(spans: list[Span]) -> str:
    """Return what protection means for one sentence, as the memory keys it."""
    return "\n".join(f"{span.kind}:{span.vietnamese}={'|'.join(span.english)}" for span in spans)


def decode_texts(
    texts: list[str],
    spans: dict[str, list[Span]],
    translator: PackageTranslator,
    protector: Protector,
    on_progress: Callable[[int], None] | None = None,
) -> Decodes:
    """Decode texts with the model: their English (blank outputs left out), repairs and failures.

    spans holds each text's protected spans. A text longer than the model takes is decoded in
    parts (each part's spans found afresh) whose English is joined with a space.

    Texts are sorted by length across the whole run and decoded in calls of SENTENCES_PER_CALL;
    each call's output is checked and repaired at once, so attention (kept only for sentences
    with a protected span) never piles up.
    """
    units = units_of(texts, translator)
    unit_spans = {
        unit: spans[unit] if unit in spans else protector.spans(unit)
        for parts in units.values()
        for unit in parts
    }

    def english_of(unit: str, decoded: Decoded) -> tuple[str, bool]:
        # A decode cut off at the length cap is kept, like any flagged output: it is almost
        # always a loop, which the `repetition` and `length_ratio` flags show to a reader.
        return protected_english(decoded, unit_spans[unit], translator, protector)

    with_attention = {unit for unit, found in unit_spans.items() if found}
    return decode_units(units, with_attention, translator, english_of, SENTENCES_PER_CALL, on_progress)


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
