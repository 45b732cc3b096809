"""Translate sentences with an installed Argos package through CTranslate2.

tintuc drives the package's parts itself instead of calling `argostranslate.translate`:
its SentencePiece model tokenises, CTranslate2's `translate_batch` decodes many sentences per
call (Argos sends one paragraph per call), and SentencePiece decodes the pieces, keeping "_"
(Argos turns every underscore into a space). Decoding options match Argos's (beam 4,
`length_penalty=0.2`, `replace_unknowns=True`) so the English is the same as Argos would give.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SENTENCES_PER_CALL = 64
# Output is capped at 3 pieces per source piece (plus slack for very short inputs): beyond that
# a translation is a runaway loop, not English. A hypothesis cut off by the cap has no end
# token; it is not stored (the text stays pending), since half a sentence is no translation.
MAX_LENGTH_RATIO = 3
LENGTH_SLACK = 32
MAX_DECODING_LENGTH = 512
END_TOKEN = "</s>"


@dataclass(frozen=True)
class DecodingOptions:
    """How CTranslate2 decodes; the defaults are Argos's own."""

    beam_size: int = 4
    length_penalty: float = 0.2
    replace_unknowns: bool = True
    batch_tokens: int = 1024
    inter_threads: int = 1
    intra_threads: int = 0


class PackageTranslator:
    """Translate with one installed Argos package: SentencePiece + CTranslate2."""

    def __init__(self, package: Any, label: str, options: DecodingOptions) -> None:
        import ctranslate2
        import sentencepiece

        package_path = Path(package.package_path)
        self.model_name = label
        self.options = options
        self.target_prefix: str = getattr(package, "target_prefix", "") or ""
        self._pieces = sentencepiece.SentencePieceProcessor(
            model_file=str(package_path / "sentencepiece.model")
        )
        self._translator = ctranslate2.Translator(
            str(package_path / "model"),
            device="cpu",
            compute_type="auto",
            inter_threads=options.inter_threads,
            intra_threads=options.intra_threads,
        )

    def english_for(
        self, texts: list[str], on_progress: Callable[[int], None] | None = None
    ) -> dict[str, str]:
        """Return {Vietnamese: English} for every text whose translation completed."""
        translations = self.translate(texts, on_progress)
        return {vi: en for vi, en in zip(texts, translations, strict=True) if en and en.strip()}

    def translate(
        self, texts: list[str], on_progress: Callable[[int], None] | None = None
    ) -> list[str | None]:
        """Return the English of each text in order (None where decoding was cut off).

        Calls on_progress with the number of sentences each batch finished.
        """
        tokenized = [self._pieces.encode(text, out_type=str) for text in texts]
        order = sorted(range(len(texts)), key=lambda index: len(tokenized[index]))
        results: list[str | None] = [None] * len(texts)
        for start in range(0, len(order), SENTENCES_PER_CALL):
            chunk = order[start : start + SENTENCES_PER_CALL]
            for index, english in zip(
                chunk, self._translate_chunk([tokenized[i] for i in chunk]), strict=True
            ):
                results[index] = english
            if on_progress:
                on_progress(len(chunk))
        return results

    def _translate_chunk(self, tokens: list[list[str]]) -> list[str | None]:
        """Translate sentences of similar length in one CTranslate2 call."""
        longest = max((len(t) for t in tokens), default=1)
        prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
        batches = self._translator.translate_batch(
            tokens,
            target_prefix=prefix,
            beam_size=self.options.beam_size,
            length_penalty=self.options.length_penalty,
            replace_unknowns=self.options.replace_unknowns,
            max_batch_size=self.options.batch_tokens,
            batch_type="tokens",
            max_decoding_length=min(MAX_DECODING_LENGTH, MAX_LENGTH_RATIO * longest + LENGTH_SLACK),
            return_end_token=True,
        )
        return [self._detokenize(batch.hypotheses[0]) for batch in batches]

    def _detokenize(self, pieces: list[str]) -> str | None:
        """Turn output pieces into text, or None when decoding stopped before the end token."""
        if not pieces or pieces[-1] != END_TOKEN:
            return None
        pieces = pieces[:-1]
        if self.target_prefix and pieces and pieces[0] == self.target_prefix:
            pieces = pieces[1:]
        return str(self._pieces.decode(pieces)).strip()
