"""Fill in the English side of validated frames from a table of translations."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from schemas.articles import ArticlesSchema
from schemas.entities import EntitiesSchema, MentionsSchema
from schemas.facts import FactsSchema
from schemas.segments import SegmentsSchema, TranslatedSegmentsSchema

TRANSLATED = "translated"

ArticleFrames = dict[str, pd.DataFrame]


def texts_to_translate(articles: list[ArticleFrames]) -> list[str]:
    """Return every distinct Vietnamese text of the articles that still lacks English."""
    texts: dict[str, None] = {}
    for frames in articles:
        for table, source, target in (
            ("segments", SegmentsSchema.text_vi, SegmentsSchema.text_en),
            ("mentions", MentionsSchema.role_vi, MentionsSchema.role_en),
            ("facts", FactsSchema.label_vi, FactsSchema.label_en),
            ("entities", EntitiesSchema.name_vi, EntitiesSchema.name_en),
        ):
            frame = frames[table]
            pending = frame[frame[source].notna() & frame[target].isna()]
            texts.update(dict.fromkeys(pending[source]))
    return list(texts)


def _fill(frame: pd.DataFrame, source: str, target: str, english: dict[str, str]) -> pd.DataFrame:
    """Set target from source where target is missing and a translation exists."""
    frame = frame.copy()
    missing = frame[target].isna() & frame[source].notna()
    frame[target] = frame[target].astype(object)
    frame.loc[missing, target] = frame.loc[missing, source].map(english)
    return frame


def apply_translations(
    frames: ArticleFrames, english: dict[str, str], model: str, assess: Callable[[str, str], str]
) -> ArticleFrames:
    """Return the article's frames with English filled in, assessed, and its status updated.

    assess(vietnamese, english) returns a segment's quality flags.
    """
    out = dict(frames)
    segments = _fill(frames["segments"], SegmentsSchema.text_vi, SegmentsSchema.text_en, english)
    translated = segments[SegmentsSchema.text_en].map(lambda text: isinstance(text, str))
    segments[SegmentsSchema.translation_model] = translated.map(lambda done: model if done else None)
    segments[SegmentsSchema.quality_flags] = [
        assess(vi, en) if done else None
        for vi, en, done in zip(
            segments[SegmentsSchema.text_vi], segments[SegmentsSchema.text_en], translated, strict=True
        )
    ]
    out["segments"] = segments
    out["mentions"] = _fill(frames["mentions"], MentionsSchema.role_vi, MentionsSchema.role_en, english)
    out["facts"] = _fill(frames["facts"], FactsSchema.label_vi, FactsSchema.label_en, english)
    out["entities"] = _fill(frames["entities"], EntitiesSchema.name_vi, EntitiesSchema.name_en, english)
    complete = segments[SegmentsSchema.text_en].notna().all()
    title = segments[segments[SegmentsSchema.kind] == "title"][SegmentsSchema.text_en]
    article = frames["articles"].copy()
    article[ArticlesSchema.title_en] = " ".join(title.dropna()) if title.notna().all() else None
    article[ArticlesSchema.status] = TRANSLATED if complete else "pending_translation"
    out["articles"] = article
    return out


def validate_translated(articles: list[ArticleFrames]) -> None:
    """Check every fully translated article's segments against TranslatedSegmentsSchema, at once.

    One validation for the run, not one per article: pandera's fixed cost per call would
    otherwise dominate a run served from the translation memory.
    """
    done = [f["segments"] for f in articles if (f["articles"][ArticlesSchema.status] == TRANSLATED).all()]
    if done:
        TranslatedSegmentsSchema.validate(pd.concat(done, ignore_index=True), lazy=True)
