"""Schemas of `segments`: the article's sentences in reading order, then with their English."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

import schemas.checks  # noqa: F401  (registers the nfc and not_blank checks)

SEGMENT_KINDS = ("title", "lead", "paragraph", "caption")
# The checks flows/steps/translate/quality.py makes on each translation; `quality_flags` holds those
# that failed as "flag: detail; …", or "" when none did.
QUALITY_FLAGS = ("number_missing", "name_missing", "vietnamese_left", "length_ratio", "repetition")


def _known_flags(flags: pd.Series) -> pd.Series:
    """Tell, per row, whether every flag written is one of QUALITY_FLAGS."""
    return flags.map(
        lambda text: all(
            item.split(":", 1)[0].strip() in QUALITY_FLAGS for item in text.split(";") if item.strip()
        )
    )


def _gapless(seqs: pd.Series) -> bool:
    """Tell whether the sequence numbers are exactly 1..n."""
    return sorted(seqs.tolist()) == list(range(1, len(seqs) + 1))


class SegmentsSchema(pa.DataFrameModel):
    """One sentence of an article: its kind, position and Vietnamese text."""

    article_id: Series[str]
    seq: Series[int] = pa.Field(ge=1)
    kind: Series[str] = pa.Field(isin=SEGMENT_KINDS)
    paragraph_no: Series[int] = pa.Field(ge=0)
    sentence_no: Series[int] = pa.Field(ge=1)
    text_vi: Series[str] = pa.Field(nfc=(), not_blank=())
    text_en: Series[str] = pa.Field(nullable=True)
    translation_model: Series[str] = pa.Field(nullable=True)
    quality_flags: Series[str] = pa.Field(nullable=True)
    # A caption's photo credit, never translated; optional so frames made before it still validate.
    credit: Series[str] | None = pa.Field(nullable=True, nfc=())

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(name="seq_without_gaps")
    def seq_without_gaps(cls, frame: pd.DataFrame) -> Series[bool]:
        return frame.groupby("article_id")["seq"].transform(_gapless).astype(bool)

    @pa.dataframe_check(name="title_comes_first")
    def title_comes_first(cls, frame: pd.DataFrame) -> Series[bool]:
        first_other = frame[frame["kind"] != "title"].groupby("article_id")["seq"].min()
        limit = frame["article_id"].map(first_other)
        return (frame["kind"] != "title") | limit.isna() | (frame["seq"] < limit)


class TranslatedSegmentsSchema(SegmentsSchema):
    """A segment after translation: English text and the package that made it are present."""

    text_en: Series[str] = pa.Field(not_blank=())
    translation_model: Series[str]
    quality_flags: Series[str]

    @pa.check("quality_flags", name="known_quality_flags")
    def known_quality_flags(cls, flags: Series[str]) -> Series[bool]:
        return _known_flags(flags)
