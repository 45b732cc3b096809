"""Schemas of `segments`: the article's sentences in reading order, then with their English."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.checks import has_text, is_nfc

SEGMENT_KINDS = ("title", "lead", "paragraph", "caption")


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
    text_vi: Series[str]
    text_en: Series[str] = pa.Field(nullable=True)
    translation_model: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True

    @pa.check("text_vi", name="text_not_empty")
    def text_not_empty(cls, series: Series[str]) -> Series[bool]:
        return has_text(series) & series.notna()

    @pa.check("text_vi", name="nfc")
    def nfc(cls, series: Series[str]) -> Series[bool]:
        return is_nfc(series)

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

    text_en: Series[str]
    translation_model: Series[str]

    @pa.check("text_en", name="translation_not_empty")
    def translation_not_empty(cls, series: Series[str]) -> Series[bool]:
        return has_text(series)
