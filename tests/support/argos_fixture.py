"""Build a tiny random-weight Argos Translate package for tests.

The real vi→en model cannot be downloaded in the test environment, so this
module produces a structurally faithful stand-in: a SentencePiece model trained
in-process plus a CTranslate2 Transformer with seeded random weights. Its
translations are gibberish, but loading and translating go through exactly the
same code path as the production package.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sentencepiece as spm
from ctranslate2.specs import attention_spec, common_spec, transformer_spec

ARGOS_VERSION = "1.9"
WEIGHT_STD = 0.5
# Large enough that beam search never picks the token, small enough to stay finite.
SUPPRESSED_LOGIT_BIAS = -1e4


@dataclass(frozen=True)
class ModelShape:
    """The size of the random Transformer.

    Every translation is exactly `output_tokens` pieces (unless max_decoding_length is smaller):
    random weights would otherwise never emit </s> and always decode to the length limit.
    `vocab_size` is the CTranslate2 vocabulary; beyond the SentencePiece pieces it is padded with
    tokens the decoder never emits, so a model can have a real model's output layer.
    """

    d_model: int = 32
    ffn_dim: int = 64
    layers: int = 2
    heads: int = 4
    sentencepiece_vocab: int = 512
    vocab_size: int = 0  # 0: the SentencePiece vocabulary as it is
    output_tokens: int = 24
    # > 0: encoder and decoder read a learned position table of this many rows (as some converted
    # models do) and the decoder never emits </s>, so every decode runs to max_decoding_length.
    learned_positions: int = 0


FIXTURE_SHAPE = ModelShape()
# The shape of Argos's vi→en 1.9 model (Transformer base, 50k shared vocabulary).
ARGOS_VI_EN_SHAPE = ModelShape(
    d_model=512,
    ffn_dim=2048,
    layers=6,
    heads=8,
    sentencepiece_vocab=8000,
    vocab_size=50_000,
    output_tokens=30,
)
OUTPUT_TOKENS = FIXTURE_SHAPE.output_tokens
# A model built by another tool: 256 learned positions, and it never stops by itself.
NEVER_ENDING_256_SHAPE = ModelShape(learned_positions=256)
# Decoder positions with a stored encoding; CTranslate2 raises if decoding goes past it,
# which only a min_decoding_length above this could force.
DECODER_POSITIONS = 512
# The last two decoder residual dimensions are reserved for the "output is long enough"
# signal: the gate steps from 0 to GATE_VALUE at output_tokens, the reference stays 0.
# GATE_VALUE dwarfs the rest of the residual stream, so the final layer norm maps it to ~sqrt(d).
GATE_VALUE = 1e4
EOS_GATE_WEIGHT = 20.0
EOS_CLOSED_BIAS = -60.0
# Fixed timestamp so two builds of the same inputs produce identical zips.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}


def build_fixture_package(
    out_path: Path,
    training_text: str,
    *,
    seed: int = 0,
    shape: ModelShape = FIXTURE_SHAPE,
    package_version: str = "0.1-fixture",
    from_code: str = "vi",
    to_code: str = "en",
) -> Path:
    """Write a tiny random-weight vi→en .argosmodel to out_path and return out_path."""
    out_path = Path(out_path)
    folder_name = package_folder_name(from_code, to_code, package_version)
    sp_model = train_sentencepiece(training_text, shape.sentencepiece_vocab)
    spec = random_transformer_spec(sp_model, seed, shape)
    metadata = package_metadata(package_version, from_code, to_code)
    with tempfile.TemporaryDirectory(prefix="argos-fixture-") as tmp:
        package_dir = Path(tmp) / folder_name
        model_dir = package_dir / "model"
        model_dir.mkdir(parents=True)
        (package_dir / "sentencepiece.model").write_bytes(sp_model)
        (package_dir / "metadata.json").write_text(
            json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        spec.save(str(model_dir))
        out_path.parent.mkdir(parents=True, exist_ok=True)
        write_zip(package_dir, out_path)
    return out_path


def package_folder_name(from_code: str, to_code: str, package_version: str) -> str:
    """Return the top-level folder name, mirroring real Argos package archives."""
    return f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"


def package_metadata(package_version: str, from_code: str, to_code: str) -> dict[str, str]:
    """Return the metadata.json content for the fixture package."""
    return {
        "package_version": package_version,
        "argos_version": ARGOS_VERSION,
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
    }


def train_sentencepiece(training_text: str, vocab_size: int = FIXTURE_SHAPE.sentencepiece_vocab) -> bytes:
    """Train a small unigram SentencePiece model in memory and return its bytes."""
    lines = [line.strip() for line in training_text.splitlines() if line.strip()]
    if not lines:
        raise ValueError("training_text has no non-blank lines")
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        model_type="unigram",
        vocab_size=vocab_size,
        # A few KB of text cannot fill the vocabulary; accept a smaller one.
        hard_vocab_limit=False,
        character_coverage=1.0,
        # Unseen Vietnamese characters in other articles must still encode.
        byte_fallback=True,
        # Keep the default ids <unk>=0, <s>=1, </s>=2 that CTranslate2 relies on.
        pad_id=-1,
        # SentencePiece has no seed option; single-threaded training is reproducible.
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def vocabulary(processor: spm.SentencePieceProcessor, size: int = 0) -> list[str]:
    """Return the SentencePiece pieces in id order, padded to size with unused tokens."""
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return pieces + [f"<unused{i}>" for i in range(max(0, size - len(pieces)))]


def suppressed_ids(processor: spm.SentencePieceProcessor) -> list[int]:
    """Return ids the decoder must never emit: <s>, <unk> and byte pieces (</s> is gated)."""
    return [
        i
        for i in range(processor.get_piece_size())
        if i != processor.eos_id()
        and (processor.is_control(i) or processor.is_unknown(i) or processor.is_byte(i))
    ]


def random_transformer_spec(
    sp_model: bytes, seed: int, shape: ModelShape = FIXTURE_SHAPE
) -> transformer_spec.TransformerSpec:
    """Return a validated, int8-optimised Transformer spec with seeded random weights."""
    rng = np.random.default_rng(seed)
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    tokens = vocabulary(processor, shape.vocab_size)
    spec = transformer_spec.TransformerSpec.from_config(shape.layers, shape.heads)
    fill_encoder(spec.encoder, len(tokens), shape, rng)
    fill_decoder(spec.decoder, len(tokens), shape, rng)
    # Control/unknown/byte pieces would decode to nothing or U+FFFD, padding tokens to nothing
    # at all; keep the output printable.
    unused = list(range(processor.get_piece_size(), len(tokens)))
    spec.decoder.projection.bias[suppressed_ids(processor) + unused] = SUPPRESSED_LOGIT_BIAS
    if shape.learned_positions:
        learn_positions_never_end(spec, processor.eos_id(), shape)
    else:
        wire_eos_gate(spec.decoder, processor.eos_id(), shape)
    # One shared vocabulary, as in the real Argos models.
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    spec.optimize(quantization="int8")
    return spec


def wire_eos_gate(decoder: transformer_spec.TransformerDecoderSpec, eos_id: int, shape: ModelShape) -> None:
    """Make </s> impossible before output_tokens steps and certain at that step.

    The reserved gate and reference dimensions of the decoder residual stream only ever hold
    the position table's values: embeddings and every sublayer leave them untouched. The </s>
    logit reads only their difference after the final layer norm, which is exactly 0 while both
    are 0 (also under int8 quantization, since equal values quantize equally), so </s> scores
    EOS_CLOSED_BIAS until the step fires.
    """
    reference, gate = shape.d_model - 2, shape.d_model - 1
    reserved = [reference, gate]
    decoder.position_encodings.encodings = decoder_position_table(shape)
    decoder.embeddings.weight[:, reserved] = 0.0
    for layer in decoder.layer:
        for linear in (layer.self_attention.linear[-1], layer.attention.linear[-1], layer.ffn.linear_1):
            linear.weight[reserved, :] = 0.0
            linear.bias[reserved] = 0.0
    projection = decoder.projection
    projection.weight[:, reserved] = 0.0
    projection.weight[eos_id, :] = 0.0
    projection.weight[eos_id, gate] = EOS_GATE_WEIGHT
    projection.weight[eos_id, reference] = -EOS_GATE_WEIGHT
    projection.bias[eos_id] = EOS_CLOSED_BIAS


def learn_positions_never_end(spec: transformer_spec.TransformerSpec, eos_id: int, shape: ModelShape) -> None:
    """Give encoder and decoder a learned table of shape.learned_positions rows; never emit </s>.

    The two tables differ (the encoder's is shifted by half a period), so CTranslate2 stores
    both instead of aliasing one to the other.
    """
    rows = shape.learned_positions
    spec.encoder.position_encodings.encodings = (sinusoid_table(rows, shape.d_model) + 0.5).astype(np.float32)
    spec.decoder.position_encodings.encodings = sinusoid_table(rows, shape.d_model).astype(np.float32)
    spec.decoder.projection.weight[eos_id, :] = 0.0
    spec.decoder.projection.bias[eos_id] = SUPPRESSED_LOGIT_BIAS


def sinusoid_table(rows: int, d_model: int) -> np.ndarray:
    """Return the classic sinusoidal position encodings, rows × d_model, in float64."""
    positions = np.arange(rows, dtype=np.float64)[:, None]
    rates = np.exp(np.arange(0, d_model, 2) * (-np.log(10000.0) / d_model))
    table = np.zeros((rows, d_model), dtype=np.float64)
    table[:, 0::2] = np.sin(positions * rates)
    table[:, 1::2] = np.cos(positions * rates)
    return table


def decoder_position_table(shape: ModelShape) -> np.ndarray:
    """Return sinusoidal decoder position encodings with the reserved gate columns set."""
    d_model = shape.d_model
    positions = np.arange(DECODER_POSITIONS, dtype=np.float64)[:, None]
    table = sinusoid_table(DECODER_POSITIONS, d_model)
    table[:, d_model - 2] = 0.0
    # Decoder input position t predicts output piece t, so </s> lands after output_tokens pieces.
    table[:, d_model - 1] = np.where(positions[:, 0] >= shape.output_tokens, GATE_VALUE, 0.0)
    return table.astype(np.float32)


def fill_encoder(
    encoder: transformer_spec.TransformerEncoderSpec,
    vocab_size: int,
    shape: ModelShape,
    rng: np.random.Generator,
) -> None:
    """Fill encoder weights; position encodings stay unset so CTranslate2 uses sinusoids."""
    encoder.embeddings[0].weight = random_matrix(rng, vocab_size, shape.d_model)
    fill_layer_norm(encoder.layer_norm, shape.d_model)
    for layer in encoder.layer:
        fill_self_attention(layer.self_attention, shape.d_model, rng)
        fill_ffn(layer.ffn, shape, rng)


def fill_decoder(
    decoder: transformer_spec.TransformerDecoderSpec,
    vocab_size: int,
    shape: ModelShape,
    rng: np.random.Generator,
) -> None:
    """Fill decoder weights, including the output projection with a bias."""
    d_model = shape.d_model
    decoder.embeddings.weight = random_matrix(rng, vocab_size, d_model)
    fill_layer_norm(decoder.layer_norm, d_model)
    fill_linear(decoder.projection, vocab_size, d_model, rng)
    for layer in decoder.layer:
        fill_self_attention(layer.self_attention, d_model, rng)
        fill_cross_attention(layer.attention, d_model, rng)
        fill_ffn(layer.ffn, shape, rng)


def fill_self_attention(
    attention: attention_spec.MultiHeadAttentionSpec, d_model: int, rng: np.random.Generator
) -> None:
    """Fill a self-attention block: fused QKV projection then output projection."""
    fill_layer_norm(attention.layer_norm, d_model)
    fill_linear(attention.linear[0], 3 * d_model, d_model, rng)
    fill_linear(attention.linear[1], d_model, d_model, rng)


def fill_cross_attention(
    attention: attention_spec.MultiHeadAttentionSpec, d_model: int, rng: np.random.Generator
) -> None:
    """Fill an encoder-decoder attention block: query, fused KV, output projection."""
    fill_layer_norm(attention.layer_norm, d_model)
    fill_linear(attention.linear[0], d_model, d_model, rng)
    fill_linear(attention.linear[1], 2 * d_model, d_model, rng)
    fill_linear(attention.linear[2], d_model, d_model, rng)


def fill_ffn(ffn: transformer_spec.FeedForwardSpec, shape: ModelShape, rng: np.random.Generator) -> None:
    """Fill a position-wise feed-forward block."""
    fill_layer_norm(ffn.layer_norm, shape.d_model)
    fill_linear(ffn.linear_0, shape.ffn_dim, shape.d_model, rng)
    fill_linear(ffn.linear_1, shape.d_model, shape.ffn_dim, rng)


def fill_layer_norm(layer_norm: common_spec.LayerNormSpec, d_model: int) -> None:
    """Set an identity layer norm (gamma ones, beta zeros)."""
    layer_norm.gamma = np.ones(d_model, dtype=np.float32)
    layer_norm.beta = np.zeros(d_model, dtype=np.float32)


def fill_linear(linear: common_spec.LinearSpec, out_dim: int, in_dim: int, rng: np.random.Generator) -> None:
    """Set a random [out, in] weight and a random bias on a linear layer."""
    linear.weight = random_matrix(rng, out_dim, in_dim)
    linear.bias = (rng.standard_normal(out_dim) * WEIGHT_STD).astype(np.float32)


def random_matrix(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    """Return a float32 matrix of small normal values."""
    return (rng.standard_normal((rows, cols)) * WEIGHT_STD).astype(np.float32)


def write_zip(package_dir: Path, out_path: Path) -> None:
    """Zip package_dir under its own name with fixed timestamps and sorted entries."""
    root = package_dir.parent
    paths = sorted([package_dir, *package_dir.rglob("*")])
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            name = path.relative_to(root).as_posix()
            if path.is_dir():
                info = zipfile.ZipInfo(name + "/", date_time=ZIP_TIMESTAMP)
                info.external_attr = (0o40755 << 16) | 0x10
                archive.writestr(info, b"")
            else:
                info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
