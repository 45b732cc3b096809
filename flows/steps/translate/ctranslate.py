"""Decode sentences with an installed Argos package: SentencePiece + CTranslate2.

tintuc drives the package's parts itself instead of calling `argostranslate.translate`:
its SentencePiece model tokenises, CTranslate2's `translate_batch` decodes the whole run's
sentences with token batching (Argos sends one paragraph per call, 32 tokens per batch), and
SentencePiece decodes the pieces, keeping "_" (Argos turns every underscore into a space).
Decoding options match Argos's (beam 4, `length_penalty=0.2`, `replace_unknowns=True`), so each
sentence gets the tokens Argos would give it. No decode asks for more positions than the model's
own tables hold (flows/steps/translate/model_limits.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.steps.translate.model_limits import ModelLimits, read_model_limits

# Output is capped at 3 pieces per source piece (plus slack for very short inputs): beyond that
# a translation is a runaway loop, not English. A hypothesis cut off by the cap has no end
# token and is marked incomplete. The cap never passes the model's decoder table either.
MAX_LENGTH_RATIO = 3
LENGTH_SLACK = 32
MAX_DECODING_LENGTH = 512
# A model without a position table computes sinusoids for any length, but was trained on
# sentences far shorter: sources are split beyond this many pieces, as if it had a table.
SINUSOIDAL_POSITIONS = MAX_DECODING_LENGTH
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
    # CTranslate2's device: "cpu", "cuda" or "auto" (threads and device do not change the output).
    device: str = "cpu"

    @property
    def output_key(self) -> str:
        """Return the options that change the output, as a stable string (threads do not)."""
        return f"beam={self.beam_size};lp={self.length_penalty};unk={int(self.replace_unknowns)}"


def shared_batch_tokens(tokens: Sequence[Sequence[str]], batch_tokens: int, workers: int) -> int:
    """Return a batch size, in tokens, that gives each of CTranslate2's workers (inter_threads) a share.

    A call smaller than workers × batch_tokens would otherwise fill one batch and leave a worker
    idle, or end on one full batch and a small one: a run's first window, the one its first article
    waits for, was decoded at one worker's speed. CTranslate2 sorts a call longest first and counts
    a batch as its sentences × its longest sentence, so a share of ⌈n / workers⌉ sentences at the
    longest length makes at most `workers` batches, and with one worker the call stays whole. Large
    calls keep batch_tokens.
    """
    if not tokens:
        return 1
    longest = max(len(sentence) for sentence in tokens)
    share = math.ceil(len(tokens) / max(1, workers)) * max(1, longest)
    return max(1, min(batch_tokens, share))


@dataclass(frozen=True)
class SourcePiece:
    """One SentencePiece piece of a source sentence and the characters it covers."""

    piece: str
    start: int
    end: int


@dataclass(frozen=True)
class Decoded:
    """The model's output for one sentence.

    `pieces` excludes the target prefix and end token; `complete` is False when decoding hit
    the length cap. `attention` (one row of source weights per output piece) is kept only
    when asked for: it is what places a protected span the model mangled.
    """

    source: tuple[SourcePiece, ...]
    pieces: tuple[str, ...]
    complete: bool
    attention: Sequence[Sequence[float]] | None = None


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
        self.limits: ModelLimits = read_model_limits(package_path / "model")
        self._translator = ctranslate2.Translator(
            str(package_path / "model"),
            device=options.device,
            compute_type="auto",
            inter_threads=options.inter_threads,
            intra_threads=options.intra_threads,
        )
        # Workers a small call is shared among: CPU replicas. A GPU runs one batch at a time well
        # enough, and cutting a small call there only makes its batches smaller.
        self._workers = options.inter_threads if self._translator.device == "cpu" else 1

    @property
    def max_source_pieces(self) -> int:
        """Return the longest source the model takes whole, with room for an English as long.

        The source must fit the encoder's table (with any tokens CTranslate2 adds), and an English
        of the same length, with the target prefix and end token, must fit the decoder's.
        """
        encoder = (self.limits.encoder_positions or SINUSOIDAL_POSITIONS) - self.limits.source_extra_tokens
        decoder = self.decoder_positions - (1 if self.target_prefix else 0) - 1
        return max(1, min(encoder, decoder))

    @property
    def decoder_positions(self) -> int:
        """Return how many target positions the decoder can take."""
        return self.limits.decoder_positions or SINUSOIDAL_POSITIONS

    def decoding_cap(self, longest_source: int) -> int:
        """Return max_decoding_length for sources of at most longest_source pieces.

        CTranslate2 counts the target prefix and end token in it; a table of N positions takes
        a max_decoding_length of N (measured: N + 1 raises).
        """
        ratio_cap = MAX_LENGTH_RATIO * longest_source + LENGTH_SLACK
        return min(MAX_DECODING_LENGTH, ratio_cap, self.decoder_positions)

    def fits(self, text: str) -> bool:
        """Return True if text is short enough for the model to take whole."""
        return len(self._pieces.encode(text)) <= self.max_source_pieces

    def tokenize(self, text: str) -> tuple[SourcePiece, ...]:
        """Split text into SentencePiece pieces with their character offsets."""
        pieces, position = [], 0
        for piece in self._pieces.encode(text, return_type="proto").pieces:
            pieces.append(SourcePiece(piece.piece, position, position + len(piece.surface)))
            position += len(piece.surface)
        return tuple(pieces)

    def detokenize(self, pieces: Sequence[str]) -> str:
        """Turn output pieces into text with SentencePiece (which keeps "_")."""
        return str(self._pieces.decode(list(pieces))).strip()

    def decode(
        self, sources: Sequence[tuple[SourcePiece, ...]], attention_for: Sequence[bool] | None = None
    ) -> list[Decoded]:
        """Decode tokenised sentences in one CTranslate2 call, which packs them into token batches.

        attention_for says which sentences keep their attention (it is only read for those).
        """
        if not sources:
            return []
        keep = list(attention_for) if attention_for is not None else [False] * len(sources)
        tokens = [[piece.piece for piece in source] for source in sources]
        longest = max(len(t) for t in tokens)
        prefix = [[self.target_prefix]] * len(tokens) if self.target_prefix else None
        batches = self._translator.translate_batch(
            tokens,
            target_prefix=prefix,
            beam_size=self.options.beam_size,
            length_penalty=self.options.length_penalty,
            replace_unknowns=self.options.replace_unknowns,
            max_batch_size=shared_batch_tokens(tokens, self.options.batch_tokens, self._workers),
            batch_type="tokens",
            max_decoding_length=self.decoding_cap(longest),
            return_end_token=True,
            return_attention=any(keep),
        )
        return [
            self._decoded(source, batch, with_attention)
            for source, batch, with_attention in zip(sources, batches, keep, strict=True)
        ]

    def _decoded(self, source: tuple[SourcePiece, ...], batch: Any, with_attention: bool) -> Decoded:
        """Strip the prefix and end token from the best hypothesis."""
        pieces: list[str] = list(batch.hypotheses[0])
        # CTranslate2's own lists, not copied: only a sentence with a protected span keeps them.
        attention = batch.attention[0] if with_attention else None
        complete = bool(pieces) and pieces[-1] == END_TOKEN
        if complete:
            pieces = pieces[:-1]
        if self.target_prefix and pieces and pieces[0] == self.target_prefix:
            pieces = pieces[1:]
            attention = attention[1:] if attention else attention
        return Decoded(
            source=source,
            pieces=tuple(pieces),
            complete=complete,
            attention=attention[: len(pieces)] if attention is not None else None,
        )
