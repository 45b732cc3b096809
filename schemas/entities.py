"""Schemas of `entities` and `mentions`: who and what an article names, and where."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

import schemas.checks  # noqa: F401  (registers the nfc and not_blank checks)

ENTITY_KINDS = ("person", "organization", "location")


class EntitiesSchema(pa.DataFrameModel):
    """A person, organisation or place, once across all articles."""

    entity_id: Series[str] = pa.Field(unique=True)
    kind: Series[str] = pa.Field(isin=ENTITY_KINDS)
    name_vi: Series[str] = pa.Field(nfc=(), not_blank=())
    name_en: Series[str] = pa.Field(nullable=True)
    # The other forms articles write the entity in, as a JSON list ("UBND TP.HCM", "Dũng").
    aliases_vi: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True


class MentionsSchema(pa.DataFrameModel):
    """An entity named in one segment, with the role the text gives a person there."""

    article_id: Series[str]
    seq: Series[int] = pa.Field(ge=1)
    entity_id: Series[str]
    role_vi: Series[str] = pa.Field(nullable=True, nfc=(), not_blank=())
    role_en: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        coerce = True
        unique = ["article_id", "seq", "entity_id"]
