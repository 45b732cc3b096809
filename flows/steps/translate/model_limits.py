"""How many positions an installed CTranslate2 model can encode and decode, read from its files.

A Transformer with a learned position table (some converters store one, e.g. 256 rows) raises
inside `translate_batch` at the first position past the table. The tables are variables of
model.bin (`encoder/position_encodings/encodings`, `decoder/position_encodings/encodings`, shape
[positions, d_model]), so only the header of each variable is read and its data skipped. The
layout is CTranslate2's own (python/ctranslate2/specs/model_spec.py `_serialize`, read back by
src/models/model.cc `Model::load`):

    uint32 binary_version; [version >= 2: string spec_name, uint32 spec_revision]
    uint32 variable_count; per variable: string name, uint8 rank, uint32 dims[rank],
        version >= 4: uint8 dtype, uint32 byte_count | older: uint8 item_size, uint32 item_count
        then the data
    [version >= 3: uint32 alias_count; per alias: string alias, string variable_name]

where a string is uint16 length (including a trailing NUL) then the bytes. Without a table the
model computes sinusoids for any position on demand (`SinusoidalPositionEncoder`), so it has no
hard limit.
"""

from __future__ import annotations

import json
import logging
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ENCODER_TABLE = "encoder/position_encodings/encodings"
DECODER_TABLE = "decoder/position_encodings/encodings"
# The newest model.bin layout this reader knows (CTranslate2 4.x writes 6).
KNOWN_BINARY_VERSION = 6
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelLimits:
    """Positions a model can take; None where it computes them on demand (sinusoidal)."""

    encoder_positions: int | None = None
    decoder_positions: int | None = None
    # Tokens CTranslate2 adds to every source (config.json add_source_bos / add_source_eos).
    source_extra_tokens: int = 0


class UnreadableModel(ValueError):
    """model.bin is not laid out the way this reader knows."""


def read_model_limits(model_dir: Path) -> ModelLimits:
    """Return the position limits of the CTranslate2 model in model_dir (unknown limits: None)."""
    try:
        shapes = variable_shapes(model_dir / "model.bin")
    except (OSError, UnreadableModel, struct.error) as error:
        # The decode's own split-and-retry still keeps a bad limit from failing the run.
        logger.warning("could not read position limits from %s (%s); assuming none", model_dir, error)
        shapes = {}
    encoder, decoder = shapes.get(ENCODER_TABLE), shapes.get(DECODER_TABLE)
    return ModelLimits(
        encoder_positions=encoder[0] if encoder else None,
        decoder_positions=decoder[0] if decoder else None,
        source_extra_tokens=source_extra_tokens(model_dir / "config.json"),
    )


def source_extra_tokens(config_path: Path) -> int:
    """Return how many tokens config.json says CTranslate2 adds to each source (0 without one)."""
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return int(bool(config.get("add_source_bos"))) + int(bool(config.get("add_source_eos")))


def variable_shapes(model_bin: Path) -> dict[str, tuple[int, ...]]:
    """Return the shape of every variable in model.bin, aliases included, without reading data."""
    with model_bin.open("rb") as stream:
        version = _unpack(stream, "<I")
        if not 1 <= version <= KNOWN_BINARY_VERSION:
            raise UnreadableModel(f"binary version {version}")
        if version >= 2:
            _string(stream)
            _unpack(stream, "<I")
        shapes = dict(_variable(stream, version) for _ in range(_unpack(stream, "<I")))
        if version >= 3:
            for _ in range(_unpack(stream, "<I")):
                alias, name = _string(stream), _string(stream)
                if name in shapes:
                    shapes[alias] = shapes[name]
    return shapes


def _variable(stream: BinaryIO, version: int) -> tuple[str, tuple[int, ...]]:
    """Read one variable's header, skip its data, and return its name and shape."""
    name = _string(stream)
    rank = _unpack(stream, "<B")
    shape = struct.unpack(f"<{rank}I", _read(stream, 4 * rank))
    if version >= 4:
        _unpack(stream, "<B")
        byte_count = _unpack(stream, "<I")
    else:
        item_size = _unpack(stream, "<B")
        byte_count = _unpack(stream, "<I") * item_size
    stream.seek(byte_count, 1)
    return name, tuple(shape)


def _string(stream: BinaryIO) -> str:
    """Read a length-prefixed, NUL-terminated string."""
    length = _unpack(stream, "<H")
    return _read(stream, length).rstrip(b"\0").decode("utf-8")


def _unpack(stream: BinaryIO, layout: str) -> int:
    """Read one unsigned integer."""
    return int(struct.unpack(layout, _read(stream, struct.calcsize(layout)))[0])


def _read(stream: BinaryIO, size: int) -> bytes:
    """Read exactly size bytes, or say the file ends too soon."""
    data = stream.read(size)
    if len(data) != size:
        raise UnreadableModel("the file ends inside its header")
    return data
