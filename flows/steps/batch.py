"""The run-wide steps the flow calls: read, extract, translate and load a batch of files."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from flows.progress import counting
from flows.steps.bilingual import apply_translations, texts_to_translate, validate_translated
from flows.steps.extract import extract_article
from flows.steps.formats import RecordProblem, SourceDocument
from flows.steps.ingest import (
    SourceFile,
    UnreadableSource,
    discover_files,
    display_path,
    parse_source,
    read_source,
)
from flows.steps.records import ArticleRecords, Reject, short_id
from flows.steps.translate import Toolkit, translate_texts
from schemas.entities import EntitiesSchema
from schemas.segments import SegmentsSchema
from warehouse.engine import Warehouse
from warehouse.load import insert_rejects, load_file

ArticleFrames = dict[str, pd.DataFrame]
EXTRACT_FAILED = "extract_failed"
logger = logging.getLogger(__name__)


@dataclass
class ReadBatch:
    """The files to process this run, and what could not be read."""

    sources: list[SourceFile] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    files_seen: int = 0
    skipped: int = 0


@dataclass
class ExtractedBatch:
    """Every article extracted this run, and the files that gave none."""

    records: list[ArticleRecords] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def file_of(source_path: str) -> str:
    """Return the file a document came from ("a.json#2" is record 2 of a.json)."""
    return source_path.split("#", 1)[0]


def read_batch(paths: list[Path], processed: set[str], max_file_bytes: int) -> ReadBatch:
    """Read every article file under paths, skipping contents already processed."""
    batch = ReadBatch()
    seen_now: set[str] = set()
    for path in discover_files(paths):
        batch.files_seen += 1
        try:
            source = read_source(path, max_file_bytes)
        except UnreadableSource as error:
            batch.rejects.append(Reject.of_file(display_path(path), error.check_name, str(error)))
            continue
        if source.content_sha256 in processed or source.content_sha256 in seen_now:
            batch.skipped += 1
            continue
        seen_now.add(source.content_sha256)
        batch.sources.append(source)
    return batch


def extract_batch(sources: list[SourceFile], run_id: str, today: date | None = None) -> ExtractedBatch:
    """Parse and extract every source; what fails becomes a reject, the rest go on."""
    batch = ExtractedBatch()
    first_path: dict[str, str] = {}  # by article id, and by the hash of the article's text
    for source in sources:
        try:
            documents = parse_source(source)
        except UnreadableSource as error:
            batch.rejects.append(Reject.of_file(source.source_path, "file_parses", str(error)))
            continue
        for document in documents:
            if isinstance(document, RecordProblem):
                batch.rejects.append(Reject.of_file(document.source_path, "record_shape", document.message))
                continue
            result = _extract_or_reject(document, source.content_sha256, run_id, today)
            if isinstance(result, Reject):
                batch.rejects.append(result)
                continue
            keys = (result.article_id, _text_key(result))
            same = next((key for key in keys if key in first_path), None)
            if same is not None:
                batch.rejects.append(_duplicate(result, first_path[same], by_text=same == keys[1]))
            else:
                first_path.update(dict.fromkeys(keys, document.source_path))
                batch.records.append(result)
    return batch


def _extract_or_reject(
    document: SourceDocument, content_sha256: str, run_id: str, today: date | None
) -> ArticleRecords | Reject:
    """Extract one document; an unexpected error rejects this article instead of failing the run."""
    try:
        return extract_article(document, content_sha256, run_id, today)
    except Exception as error:  # the boundary: a bug met on one article must not cost the others
        logger.exception("extracting %s failed", document.source_path)
        return Reject.of_file(
            document.source_path,
            EXTRACT_FAILED,
            f"extraction failed ({type(error).__name__}: {error}); the other articles went on. "
            "This is a bug in tintuc: please report it with this file",
        )


def _text_key(records: ArticleRecords) -> str:
    """Return a key of the article's normalised text: one article saved twice, in two encodings, matches."""
    return "text:" + short_id(*(str(segment["text_vi"]) for segment in records.segments))


def _duplicate(records: ArticleRecords, first: str, by_text: bool) -> Reject:
    """Reject a second copy of an article already read this run (same URL, or same text)."""
    where = "same text" if by_text else f"same article ({records.article['url'] or first})"
    return Reject.of_file(
        str(records.article["source_path"]),
        "duplicate_article",
        f"{where} as {first}, which is loaded instead",
    )


@dataclass(frozen=True)
class TranslatedBatch:
    """The articles with their English, and what translating them took."""

    articles: dict[str, ArticleFrames]
    segments_translated: int = 0
    segments_flagged: int = 0
    memory_hits: int = 0
    memory_misses: int = 0
    repaired: int = 0


def person_names(articles: dict[str, ArticleFrames]) -> set[str]:
    """Return the Vietnamese names of every person the articles mention."""
    names: set[str] = set()
    for frames in articles.values():
        entities = frames["entities"]
        names.update(entities[entities[EntitiesSchema.kind] == "person"][EntitiesSchema.name_vi])
    return names


def translate_batch(
    articles: dict[str, ArticleFrames],
    toolkit: Toolkit,
    on_progress: Callable[[int, int], None] | None = None,
) -> TranslatedBatch:
    """Fill in English for every article, translating the run's distinct texts as one job."""
    texts = texts_to_translate(list(articles.values()))
    advance = counting(on_progress, len(texts)) if on_progress else None
    result = translate_texts(texts, toolkit, advance)
    translated = {
        article_id: apply_translations(frames, result.english, toolkit.translator.model_name, toolkit.assess)
        for article_id, frames in articles.items()
    }
    validate_translated(list(translated.values()))
    flags = pd.concat(
        [f["segments"][SegmentsSchema.quality_flags] for f in translated.values()] or [pd.Series()]
    )
    return TranslatedBatch(
        translated,
        segments_translated=int(flags.notna().sum()),
        segments_flagged=int((flags.notna() & (flags != "")).sum()),
        memory_hits=result.memory_hits,
        memory_misses=result.memory_misses,
        repaired=result.repaired,
    )


def load_batch(
    engine: Warehouse,
    run_id: str,
    sources: list[SourceFile],
    articles: dict[str, ArticleFrames],
    rejects: list[Reject],
) -> int:
    """Load each file's articles and rejects in its own transaction; return articles loaded."""
    by_file: dict[str, list[ArticleFrames]] = defaultdict(list)
    for frames in articles.values():
        by_file[file_of(str(frames["articles"]["source_path"].iloc[0]))].append(frames)
    rejects_by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    for reject in rejects:
        rejects_by_file[file_of(reject.source_path)].append(asdict(reject))
    loaded = 0
    for source in sources:
        file_articles = by_file.pop(source.source_path, [])
        load_file(
            engine,
            content_sha256=source.content_sha256,
            source_path=source.source_path,
            run_id=run_id,
            articles=file_articles,
            rejects=rejects_by_file.pop(source.source_path, []),
        )
        loaded += len(file_articles)
    _load_unread_rejects(engine, run_id, rejects_by_file)
    return loaded


def _load_unread_rejects(engine: Warehouse, run_id: str, rejects: dict[str, list[dict[str, str]]]) -> None:
    """Store rejects of files that could not be read at all (so they are tried again)."""
    for source_path, file_rejects in rejects.items():
        insert_rejects(engine, run_id, source_path, file_rejects)
