"""A wrapper around the real CTranslate2 translator that records each call and can break on one text."""

from __future__ import annotations

from typing import Any

from flows.steps.translate.ctranslate import PackageTranslator

INJECTED = "injected: this text breaks the decoder"


class RecordingDecoder:
    """Pass every call to the real translator, recording it; raise when a breaking source is in it."""

    def __init__(
        self, real: Any, breaks_on: list[list[str]] | None = None, error: type = RuntimeError
    ) -> None:
        self.real, self.breaks_on, self.error = real, breaks_on or [], error
        self.calls: list[dict[str, Any]] = []

    def translate_batch(self, tokens: list[list[str]], **options: Any) -> Any:
        """Record the call, raise if a breaking source is among tokens, else decode for real."""
        self.calls.append({"sources": [list(t) for t in tokens], **options})
        if any(source in tokens for source in self.breaks_on):
            raise self.error(INJECTED)
        return self.real.translate_batch(tokens, **options)

    @property
    def caps(self) -> list[int]:
        """Return the max_decoding_length of every call."""
        return [call["max_decoding_length"] for call in self.calls]

    @property
    def source_lengths(self) -> list[int]:
        """Return the length in pieces of every source decoded."""
        return [len(source) for call in self.calls for source in call["sources"]]


def record_decodes(
    translator: PackageTranslator, breaks_on: list[str] | None = None, error: type = RuntimeError
) -> RecordingDecoder:
    """Wrap translator's CTranslate2 translator; decoding any text of breaks_on raises error."""
    pieces = [[p.piece for p in translator.tokenize(text)] for text in breaks_on or []]
    recorder = RecordingDecoder(translator._translator, pieces, error)
    translator._translator = recorder
    return recorder
