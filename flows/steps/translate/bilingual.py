"""Fill in the English side of validated frames from a table of translations."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd

from flows.steps.records import Reject
from flows.steps.translate.texts import Toolkit, translate_texts
from schemas.articles import ArticlesSchema
from schemas.english import TRANSLATED, TRANSLATED_FIELDS, article_status, english_title
from schemas.entities import EntitiesSchema
from schemas.segments import SegmentsSchema, TranslatedSegmentsSchema
from schemas.tables import ArticleTables

TRANSLATION_DECODES = "translation_decodes"


def person_names(articles: dict[str, ArticleTables]) -> set[str]:
    """Return the Vietnamese names of every person the articles mention."""
    names: set[str] = set()
    for frames in articles.values():
        entities = frames.entities
        names.update(entities[entities[EntitiesSchema.kind] == "person"][EntitiesSchema.name_vi])
    return names


def texts_to_translate(articles: list[ArticleTables]) -> list[str]:
    """Return every distinct Vietnamese text of the articles that still lacks English."""
    texts: dict[str, None] = {}
    for frames in articles:
        for table, source, target in TRANSLATED_FIELDS:
            frame = getattr(frames, table)
            pending = frame[frame[source].notna() & frame[target].isna()]
            texts.update(dict.fromkeys(pending[source]))
    return list(texts)


def _fill(frame: pd.DataFrame, source: str, target: str, english: dict[str, str]) -> pd.DataFrame:
    """Set target from source where target is missing and a translation exists.

    Row by row in Python: pandas' masks and .loc cost more than the lookups on an article's
    frames of a few rows, and a window's articles are filled beside the decoder.
    """
    frame = frame.copy()
    frame[target] = pd.Series(
        [
            present if isinstance(present, str) else english.get(text)
            for text, present in zip(frame[source], frame[target], strict=True)
        ],
        index=frame.index,
        dtype=object,
    )
    return frame


def apply_translations(
    frames: ArticleTables, english: dict[str, str], model: str, assess: Callable[[str, str], str]
) -> ArticleTables:
    """Return the article's frames with English filled in, assessed, and its status updated.

    assess(vietnamese, english) returns a segment's quality flags.
    """
    filled = {
        table: _fill(getattr(frames, table), source, target, english)
        for table, source, target in TRANSLATED_FIELDS
    }
    segments = filled["segments"]
    translated = segments[SegmentsSchema.text_en].map(lambda text: isinstance(text, str))
    segments[SegmentsSchema.translation_model] = translated.map(lambda done: model if done else None)
    segments[SegmentsSchema.quality_flags] = [
        assess(vi, en) if done else None
        for vi, en, done in zip(
            segments[SegmentsSchema.text_vi], segments[SegmentsSchema.text_en], translated, strict=True
        )
    ]
    title = segments[segments[SegmentsSchema.kind] == "title"][SegmentsSchema.text_en]
    article = frames.articles.copy()
    article[ArticlesSchema.title_en] = english_title(list(title))
    article[ArticlesSchema.status] = article_status(bool(segments[SegmentsSchema.text_en].notna().all()))
    return replace(frames, articles=article, **filled)


def validate_translated(articles: list[ArticleTables]) -> None:
    """Check every fully translated article's segments against TranslatedSegmentsSchema, at once.

    One validation for the run, not one per article: pandera's fixed cost per call would
    otherwise dominate a run served from the translation memory.
    """
    done = [f.segments for f in articles if (f.articles[ArticlesSchema.status] == TRANSLATED).all()]
    if done:
        TranslatedSegmentsSchema.validate(pd.concat(done, ignore_index=True), lazy=True)


@dataclass(frozen=True)
class TranslatedWindow:
    """A window's articles with their English, what translating took, and the texts that failed."""

    articles: dict[str, ArticleTables]
    rejects: list[Reject] = field(default_factory=list)
    segments_translated: int = 0
    segments_flagged: int = 0
    memory_hits: int = 0
    memory_misses: int = 0
    repaired: int = 0
    given_up: int = 0  # texts not tried: they failed twice in earlier runs
    translation_model: str | None = None  # the package that translated them; None: left pending


def translate_window(
    articles: dict[str, ArticleTables],
    toolkit: Toolkit,
    start_progress: Callable[[int], Callable[[int], None]] | None = None,
) -> TranslatedWindow:
    """Fill in English for a window's articles, translating their distinct texts as one job.

    start_progress(total) returns the callback that counts texts done. A text the model could
    not decode stays pending, and each segment holding it is rejected
    with the error (the article still loads); `tintuc translate` tries it again.
    """
    texts = texts_to_translate(list(articles.values()))
    result = translate_texts(texts, toolkit, start_progress(len(texts)) if start_progress else None)
    translated = {
        article_id: apply_translations(frames, result.english, toolkit.translator.model_name, toolkit.assess)
        for article_id, frames in articles.items()
    }
    validate_translated(list(translated.values()))
    flags = pd.concat(
        [f.segments[SegmentsSchema.quality_flags] for f in translated.values()] or [pd.Series()]
    )
    return TranslatedWindow(
        translated,
        rejects=failed_segment_rejects(translated, result.failed),
        segments_translated=int(flags.notna().sum()),
        segments_flagged=int((flags.notna() & (flags != "")).sum()),
        memory_hits=result.memory_hits,
        memory_misses=result.memory_misses,
        repaired=result.repaired,
        given_up=len(result.given_up),
        translation_model=toolkit.translator.model_name,
    )


def failed_segment_rejects(articles: dict[str, ArticleTables], failed: dict[str, str]) -> list[Reject]:
    """Return one reject per segment whose text the model could not decode, naming the text and error."""
    rejects = []
    for frames in articles.values():
        source_path = frames.source_path
        segments = frames.segments
        for _, row in segments[segments[SegmentsSchema.text_vi].isin(list(failed))].iterrows():
            text = str(row[SegmentsSchema.text_vi])
            rejects.append(
                Reject(
                    source_path,
                    "segments",
                    json.dumps(
                        {
                            "article_id": row[SegmentsSchema.article_id],
                            "seq": int(row[SegmentsSchema.seq]),
                            "text_vi": text,
                        },
                        ensure_ascii=False,
                    ),
                    TRANSLATION_DECODES,
                    f"the model could not translate this segment ({failed[text]}); it is loaded in "
                    "Vietnamese with its English pending. `tintuc translate` tries it again",
                )
            )
    return rejects
