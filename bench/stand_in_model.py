"""Build the bench's stand-in vi→en Argos package: the real model's shape and cost, its own output length.

    .venv/bin/python bench/stand_in_model.py OUT.argosmodel TEXT_FILE... [--per-word 1.1] [--fixed-length N]

The real vi→en model cannot be downloaded here, and random weights never stop by themselves (every
decode would run to the length cap). This stand-in is a Transformer base as CTranslate2 runs it
(6 + 6 layers, d_model 512, 8 heads, FFN 2048, ReLU, pre-norm, int8, a 50,000-entry vocabulary as
tests.support.argos_fixture.ARGOS_VI_EN_SHAPE says of Argos's 1.9 package), every layer dense and run
in full, so a decode costs what the real one does per token. What it writes is gibberish; how much it
writes the weights decide:

- proportional (the default): about per_word output pieces per source word, as a translation is. The
  source gets CTranslate2's </s> appended (config add_source_eos); its embedding is a large marker on
  one dimension no encoder layer writes to. Head 0 of the last decoder layer's cross-attention scores
  that marker log((t + 0.5) / r) at output step t (its query comes from the learned position row) and
  real tokens about 0, so its weight on the marker is w = x / (x + S) with x = (t + 0.5) / r for S
  source tokens; it adds w to a "stop" dimension, and </s> overtakes the ordinary pieces once
  w > 1/2: the output is round(r × S) pieces, r = per_word / (SentencePiece pieces per word).
- fixed (--fixed-length N): exactly N pieces whatever the source (position rows t ≥ N select </s>).

Either way the decoder's sublayers write nothing to the RESERVED dimensions (faint noise elsewhere),
so there the residual stream is the learned position row t, which after the final layer norm selects
slot t % SLOTS; each slot's projection rows are 4 ordinary pieces with equal logits, so beam 4 keeps
4 live beams and </s> stays out of them until the stop dimension fires.

The SentencePiece model is BPE, the smallest size giving ≤ 1.3 pieces per whitespace word on the
training text, about what a real 32k vocabulary gives on Vietnamese. The build checks what it made
(int8, Argos's decoding options, beam 1 and 4, every sentence of the text within max(1, 20%) of the
length it should have, only ordinary pieces) and fails otherwise. Deterministic (seed 0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm
from ctranslate2.specs import TransformerSpec
from ctranslate2.specs.model_spec import LayerSpec

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))  # tests.support is ours, not argos-translate-lt's `tests`

from tests.support.argos_fixture import ARGOS_VI_EN_SHAPE, package_metadata, write_zip  # noqa: E402

D_MODEL, FFN, LAYERS, HEADS, HEAD_DIM = 512, 2048, 6, 8, 64
POSITIONS = 1024  # rows of the decoder's learned position table
SLOTS = 16  # each output position selects one slot of 4 ordinary pieces
PIECES_PER_SLOT = 4
MARKER_DIM = 255  # encoder dimension carrying the </s> marker (the sinusoid there stays < 0.11)
STOP_DIM = SLOTS  # decoder dimension that, once high, makes </s> the best piece
QUERY_DIMS = slice(SLOTS + 1, SLOTS + 1 + 16)  # decoder dims holding log((t + 0.5) / r) / 2
RESERVED = QUERY_DIMS.stop  # decoder dims 0 .. RESERVED - 1 carry the plan, nothing else
POSITION_SCALE, SLOT_VALUE, LOGIT_GAIN = 10.0, 8.0, 40.0
SUBLAYER_NOISE = 0.01
MARKER_VALUE = 5000.0
PIECES_PER_WORD_TARGET = 1.3
SENTENCEPIECE_SIZES = (256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 8192)
DEFAULT_MAX_DECODING = 256  # CTranslate2's default max_decoding_length, used by the check
PACKAGE_FOLDER = "translate-vi_en-bench"


@dataclass(frozen=True)
class Pieces:
    """A trained SentencePiece model: its bytes, its pieces in id order, and pieces per word."""

    model: bytes
    pieces: list[str]
    per_word: float

    def processor(self) -> spm.SentencePieceProcessor:
        """Return a processor for the model."""
        return spm.SentencePieceProcessor(model_proto=self.model)


def sentences(text: str) -> list[str]:
    """Split text into sentences, roughly: at line ends and after . ! ? …"""
    found = (re.split(r"(?<=[.!?…])\s+", line.strip()) for line in text.split("\n"))
    return [sentence for parts in found for sentence in parts if sentence]


def train_pieces(text: str, work: Path) -> Pieces:
    """Train BPE pieces on text: the smallest size of SENTENCEPIECE_SIZES giving ≤ 1.3 pieces per word."""
    corpus = work / "corpus.txt"
    corpus.write_text(text, encoding="utf-8")
    words = max(1, len(text.split()))
    for size in SENTENCEPIECE_SIZES:
        spm.SentencePieceTrainer.train(
            input=str(corpus),
            model_prefix=str(work / "sp"),
            vocab_size=size,
            model_type="bpe",
            hard_vocab_limit=False,
            character_coverage=1.0,
            num_threads=1,  # reproducible
            minloglevel=2,
        )
        processor = spm.SentencePieceProcessor(model_file=str(work / "sp.model"))
        per_word = len(processor.encode(text)) / words
        if per_word <= PIECES_PER_WORD_TARGET or processor.get_piece_size() < size:
            break  # small enough, or the text cannot fill a larger vocabulary anyway
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return Pieces((work / "sp.model").read_bytes(), pieces, per_word)


def fill_random(layer: LayerSpec, vocab: int, rng: np.random.Generator, path: str = "") -> None:
    """Give every unset weight of the spec a realistic random value (layer norms the identity)."""
    for name, value in list(layer.__dict__.items()):
        where = f"{path}/{name}"
        if isinstance(value, LayerSpec):
            fill_random(value, vocab, rng, where)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, LayerSpec):
                    fill_random(item, vocab, rng, f"{where}_{index}")
        elif value is None:  # a required variable; optional ones (biases, encoder positions) stay unset
            setattr(layer, name, _random_value(name, where, vocab, rng))


def _random_value(name: str, where: str, vocab: int, rng: np.random.Generator) -> np.ndarray:
    """Return a random weight of the shape its place in the spec needs (gamma ones, beta zeros)."""
    if name == "gamma":
        return np.ones(D_MODEL, np.float32)
    if name == "beta":
        return np.zeros(D_MODEL, np.float32)
    if "embeddings" in where or "projection" in where:
        shape = (vocab, D_MODEL)
    elif "ffn/linear_0" in where:
        shape = (FFN, D_MODEL)
    elif "ffn/linear_1" in where:
        shape = (D_MODEL, FFN)
    elif "self_attention/linear_0" in where:
        shape = (3 * D_MODEL, D_MODEL)
    elif "/attention/linear_1" in where:  # cross-attention's fused keys and values
        shape = (2 * D_MODEL, D_MODEL)
    else:
        shape = (D_MODEL, D_MODEL)
    return (rng.standard_normal(shape) / np.sqrt(shape[1])).astype(np.float32)


def mark_source_end(spec: TransformerSpec, eos: int) -> None:
    """Make the source's </s> a large marker on MARKER_DIM, a dimension no encoder layer writes to."""
    encoder = spec.encoder
    embeddings = encoder.embeddings[0].weight
    embeddings[:, MARKER_DIM] = 0
    for layer in encoder.layer:
        layer.self_attention.linear[1].weight[MARKER_DIM] = 0
        layer.ffn.linear_1.weight[MARKER_DIM] = 0
    embeddings[eos] = 0
    embeddings[eos, MARKER_DIM] = MARKER_VALUE / np.sqrt(D_MODEL)  # CTranslate2 scales by sqrt(d)


def quiet_decoder(spec: TransformerSpec, vocab: int, rng: np.random.Generator) -> None:
    """Let the decoder's sublayers run in full but write only faint noise, and nothing to RESERVED."""
    decoder = spec.decoder
    for layer in decoder.layer:
        for linear in (layer.self_attention.linear[1], layer.attention.linear[2], layer.ffn.linear_1):
            linear.weight *= SUBLAYER_NOISE  # distinct values, so CTranslate2 does not alias them
            linear.weight[:RESERVED] = 0
    decoder.embeddings.weight[:] = rng.standard_normal((vocab, D_MODEL)).astype(np.float32) * SUBLAYER_NOISE
    decoder.embeddings.weight[:, :RESERVED] = 0


def position_table(ratio: float, fixed_length: int) -> np.ndarray:
    """Return the decoder's learned positions: row t selects slot t % SLOTS and carries log((t+.5)/r)/2.

    The rest of each row is filled so the row has mean 0 and variance 1: the layer norm keeps it.
    The query value is spread over 16 dims dithered across one int8 step, so their quantised mean
    is exact to about 0.2%.
    """
    table = np.zeros((POSITIONS, D_MODEL), np.float32)
    query_dims = QUERY_DIMS.stop - QUERY_DIMS.start
    dither = (np.arange(query_dims) - (query_dims - 1) / 2) * SLOT_VALUE / 127 / query_dims
    for t in range(POSITIONS):
        row = np.zeros(D_MODEL)
        row[STOP_DIM if fixed_length and t >= fixed_length else t % SLOTS] = SLOT_VALUE
        row[QUERY_DIMS] = (np.log((t + 0.5) / ratio) if t else -6.0) / 2 + dither
        rest, total, squares = D_MODEL - RESERVED, row.sum(), (row**2).sum()
        spread = np.sqrt((D_MODEL - squares - total * total / rest) / rest)
        row[RESERVED:] = -total / rest + spread * np.resize([1, -1], rest)
        table[t] = POSITION_SCALE * row
    return table


def wire_length_head(spec: TransformerSpec, proportional: bool) -> None:
    """Make head 0 of the last cross-attention weigh the source marker, and add that weight to STOP_DIM."""
    attention = spec.decoder.layer[-1].attention
    marker_after_norm = np.sqrt(D_MODEL - 1)
    query, keys_values, output = attention.linear
    query.weight[:HEAD_DIM] = 0
    query.weight[0, QUERY_DIMS] = 1.0 / (QUERY_DIMS.stop - QUERY_DIMS.start)
    keys_values.weight[:HEAD_DIM] = 0
    keys_values.weight[0, MARKER_DIM] = 2 * np.sqrt(HEAD_DIM) / marker_after_norm  # key: 2 on the marker
    keys_values.weight[D_MODEL, :] = 0
    keys_values.weight[D_MODEL, MARKER_DIM] = 1.0  # value: the marker, on head 0's first dim
    output.weight[:, :HEAD_DIM] = 0
    if proportional:
        output.weight[STOP_DIM, 0] = 2 * POSITION_SCALE * SLOT_VALUE / marker_after_norm
        spec.config.add_source_eos = True


def wire_projection(
    spec: TransformerSpec, vocab: int, pieces: list[str], eos: int, rng: np.random.Generator
) -> None:
    """Let slot k's dimension select its 4 pieces (whole words first) and STOP_DIM select </s>."""
    projection = spec.decoder.projection.weight
    projection[:] = rng.standard_normal((vocab, D_MODEL)).astype(np.float32) * 0.05
    projection[:, :RESERVED] = 0
    wordlike = sorted(range(3, len(pieces)), key=lambda i: not re.fullmatch(r"▁[^\W\d_]{3,}", pieces[i]))
    for k, piece_id in enumerate(wordlike[: SLOTS * PIECES_PER_SLOT]):
        projection[piece_id] = 0
        projection[piece_id, k // PIECES_PER_SLOT] = LOGIT_GAIN
    projection[eos] = 0
    projection[eos, STOP_DIM] = LOGIT_GAIN


def stand_in_spec(pieces: Pieces, vocab: int, per_word: float, fixed_length: int) -> TransformerSpec:
    """Return the validated, int8-quantised stand-in Transformer."""
    if len(pieces.pieces) + 1 >= vocab or len(pieces.pieces) < SLOTS * PIECES_PER_SLOT + 3:
        raise ValueError(f"{len(pieces.pieces)} SentencePiece pieces: need more text or a larger vocabulary")
    tokens = pieces.pieces + [f"<filler_{i}>" for i in range(vocab - len(pieces.pieces))]
    eos = tokens.index("</s>")
    rng = np.random.default_rng(0)
    spec = TransformerSpec.from_config((LAYERS, LAYERS), HEADS)  # pre-norm, ReLU, sinusoidal encoder
    fill_random(spec, vocab, rng)
    mark_source_end(spec, eos)
    quiet_decoder(spec, vocab, rng)
    spec.decoder.position_encodings.encodings = position_table(per_word / pieces.per_word, fixed_length)
    wire_length_head(spec, proportional=not fixed_length)
    wire_projection(spec, vocab, pieces.pieces, eos, rng)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    spec.optimize(quantization="int8")
    return spec


def expected_length(source_pieces: int, ratio: float, fixed_length: int) -> int:
    """Return how many pieces the stand-in writes for a source of source_pieces pieces."""
    wanted = fixed_length if fixed_length else max(1, round(ratio * source_pieces))
    return min(wanted, DEFAULT_MAX_DECODING)


def check_lengths(package: Path, texts: Iterable[str], ratio: float, fixed_length: int) -> list[str]:
    """Decode every sentence of texts (beam 1 and 4, Argos's options); return what is wrong, if anything."""
    processor = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(package / "model"), compute_type="int8")
    sources = [processor.encode(sentence, out_type=str) for text in texts for sentence in sentences(text)]
    ordinary = {processor.id_to_piece(i) for i in range(3, processor.get_piece_size())}
    problems = []
    for beam in (1, 4):
        results = translator.translate_batch(
            sources,
            beam_size=beam,
            length_penalty=0.2,
            replace_unknowns=True,
            max_batch_size=1024,
            batch_type="tokens",
        )
        lengths = [len(result.hypotheses[0]) for result in results]
        wanted = [expected_length(len(source), ratio, fixed_length) for source in sources]
        tolerance = [0 if fixed_length else max(1, 0.2 * want) for want in wanted]
        off = sum(
            abs(got - want) > slack for got, want, slack in zip(lengths, wanted, tolerance, strict=True)
        )
        odd = sum(piece not in ordinary for result in results for piece in result.hypotheses[0])
        print(
            f"beam {beam}: {len(sources)} sentences, {sum(map(len, sources))} source pieces, {sum(lengths)} "
            f"output pieces; {off} off their length, {odd} non-ordinary pieces",
            flush=True,
        )
        if off or odd:
            problems.append(f"beam {beam}: {off} sentences off their length, {odd} non-ordinary pieces")
    return problems


def build_stand_in_package(
    out: Path, training_text: str, per_word: float = 1.1, fixed_length: int = 0, vocab: int = 0
) -> Path:
    """Write the stand-in .argosmodel to out, checked; raise RuntimeError if it does not behave.

    per_word: output pieces per source word (proportional); fixed_length > 0: that many pieces always.
    """
    vocab = vocab or ARGOS_VI_EN_SHAPE.vocab_size
    with tempfile.TemporaryDirectory(prefix="bench-stand-in-") as tmp:
        work = Path(tmp)
        pieces = train_pieces(training_text, work)
        spec = stand_in_spec(pieces, vocab, per_word, fixed_length)
        package = work / PACKAGE_FOLDER
        (package / "model").mkdir(parents=True)
        spec.save(str(package / "model"))
        (package / "sentencepiece.model").write_bytes(pieces.model)
        metadata = package_metadata("1.0-bench", "vi", "en")
        (package / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
        how = f"fixed length {fixed_length}" if fixed_length else f"{per_word} pieces per source word"
        (package / "README.md").write_text(
            f"Benchmark stand-in (bench/stand_in_model.py), not a translator: {how}; SentencePiece "
            f"{len(pieces.pieces)} pieces, {pieces.per_word:.2f} pieces per word.\n",
            encoding="utf-8",
        )
        problems = check_lengths(package, [training_text], per_word / pieces.per_word, fixed_length)
        if problems:
            raise RuntimeError(f"the stand-in model does not behave: {'; '.join(problems)}")
        out.parent.mkdir(parents=True, exist_ok=True)
        write_zip(package, out)
    return out


def main() -> None:
    """Build a stand-in package from the text files given."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("texts", type=Path, nargs="+", help="plain text the SentencePiece model learns from")
    parser.add_argument("--per-word", type=float, default=1.1, help="output pieces per source word")
    parser.add_argument("--fixed-length", type=int, default=0, help="exactly this many output pieces instead")
    parser.add_argument(
        "--vocab", type=int, default=0, help="CTranslate2 vocabulary (default Argos's 50,000)"
    )
    args = parser.parse_args()
    text = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in args.texts)
    try:
        build_stand_in_package(args.out, text, args.per_word, args.fixed_length, args.vocab)
    except (RuntimeError, ValueError) as error:
        sys.exit(str(error))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
