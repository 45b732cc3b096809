"""Schema of `articles`: one row per article."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

import schemas.checks  # noqa: F401  (registers the nfc and not_blank checks)

ARTICLE_STATUSES = ("translated", "pending_translation")
SOURCE_FORMATS = ("plain_text", "scraped_page", "news_please_json", "crawler_json", "html_page")
# Vietnamese online news starts in the late 1990s; a later date than tomorrow is a misreading.
EARLIEST_PLAUSIBLE = date(1995, 1, 1)


def is_plausible_publication_date(day: date, today: date | None = None) -> bool:
    """Tell whether a news article can have been published on day (1995 up to tomorrow)."""
    today = today or datetime.now().date()
    return EARLIEST_PLAUSIBLE <= day <= today + timedelta(days=1)


class ArticlesSchema(pa.DataFrameModel):
    """An article: where it came from, its outlet, title, date and translation status."""

    article_id: Series[str] = pa.Field(str_length={"min_value": 1})
    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    source_format: Series[str] = pa.Field(isin=SOURCE_FORMATS)
    outlet: Series[str] = pa.Field(nullable=True, nfc=())
    url: Series[str] = pa.Field(nullable=True)
    title_vi: Series[str] = pa.Field(nfc=(), not_blank=())
    title_en: Series[str] = pa.Field(nullable=True)
    published_on: Series[pa.Date] = pa.Field(nullable=True)
    date_source: Series[str]
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    status: Series[str] = pa.Field(isin=ARTICLE_STATUSES)
    run_id: Series[str]
    ingested_at: Series[pa.DateTime]
    # JSON list of the closing byline's names; optional so frames made before it still validate.
    authors: Series[str] | None = pa.Field(nullable=True, nfc=())

    class Config:
        strict = True
        coerce = True

    @pa.check("published_on", name="plausible_date")
    def plausible_date(cls, series: Series[pa.Date]) -> Series[bool]:
        return series.map(lambda day: pd.isna(day) or is_plausible_publication_date(day))
