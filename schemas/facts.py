"""Schema of `facts`: the numbers an article states, with breakdowns that sum to totals."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

import schemas.checks  # noqa: F401  (registers the nfc and not_blank checks)


class FactsSchema(pa.DataFrameModel):
    """A number, what it counts, its unit, and the total it is part of (if any)."""

    fact_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str]
    seq: Series[int] = pa.Field(ge=1)
    parent_fact_id: Series[str] = pa.Field(nullable=True)
    label_vi: Series[str] = pa.Field(nfc=(), not_blank=())
    label_en: Series[str] = pa.Field(nullable=True)
    value: Series[float] = pa.Field(ge=0)
    unit: Series[str] = pa.Field(nullable=True)
    denominator: Series[float] = pa.Field(nullable=True, gt=0)

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(name="share_within_whole")
    def share_within_whole(cls, frame: pd.DataFrame) -> Series[bool]:
        return frame["denominator"].isna() | (frame["value"] <= frame["denominator"])

    @pa.dataframe_check(name="breakdown_sums_to_total")
    def breakdown_sums_to_total(cls, frame: pd.DataFrame) -> Series[bool]:
        sums = frame.groupby("parent_fact_id")["value"].sum()
        own_sum = frame["fact_id"].map(sums)
        parent_ok = own_sum.isna() | ((own_sum - frame["value"]).abs() < 1e-9)
        parent_of_child_ok = frame["parent_fact_id"].map(dict(zip(frame["fact_id"], parent_ok, strict=True)))
        return parent_ok & parent_of_child_ok.fillna(True).astype(bool)
