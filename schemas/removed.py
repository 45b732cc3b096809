"""Schema of `removed`: page furniture taken out of an article, line by line, with the reason."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

import schemas.checks  # noqa: F401  (registers the nfc check)


class RemovedSchema(pa.DataFrameModel):
    """A removed line (or, on a flattened page, a removed sentence of its one line)."""

    article_id: Series[str]
    line_no: Series[int] = pa.Field(ge=1)
    part_no: Series[int] = pa.Field(ge=0)
    text: Series[str] = pa.Field(nfc=())
    reason: Series[str] = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        coerce = True
        unique = ["article_id", "line_no", "part_no"]
