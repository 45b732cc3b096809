"""Schemas of `entities` and `mentions`: who and what an article names, and where."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.checks import has_text, is_nfc

ENTITY_KINDS = ("person", "organization", "location")


class EntitiesSchema(pa.DataFrameModel):
    """A person, organisation or place, once across all articles."""

    entity_id: Series[str] = pa.Field(unique=True)
    kind: Series[str] = pa.Field(isin=ENTITY_KINDS)
    name_vi: Series[str]
    name_en: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True

    @pa.check("name_vi", name="name_not_empty")
    def name_not_empty(cls, series: Series[str]) -> Series[bool]:
        return has_text(series) & series.notna()

    @pa.check("name_vi", name="nfc")
    def nfc(cls, series: Series[str]) -> Series[bool]:
        return is_nfc(series)


class MentionsSchema(pa.DataFrameModel):
    """An entity named in one segment, with the role the text gives a person there."""

    article_id: Series[str]
    seq: Series[int] = pa.Field(ge=1)
    entity_id: Series[str]
    role_vi: Series[str] = pa.Field(nullable=True)
    role_en: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["article_id", "seq", "entity_id"]

    @pa.check("role_vi", name="nfc")
    def nfc(cls, series: Series[str]) -> Series[bool]:
        return is_nfc(series)
