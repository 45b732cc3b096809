"""Validate a run's records with the pandera schemas, lazily, and split off the failures.

Every failing row becomes a reject naming the file, the check and the failure; the rest go on.
What a failure costs: a failing article or segment rejects its whole article (half an
article is never loaded); a failing entity drops it and its mentions; a failing mention,
removed line or fact drops that row, and a failing total drops its breakdown with it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from flows.steps.records import ArticleRecords, Reject
from schemas.articles import ArticlesSchema
from schemas.entities import EntitiesSchema, MentionsSchema
from schemas.facts import FactsSchema
from schemas.removed import RemovedSchema
from schemas.segments import SegmentsSchema

SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticlesSchema,
    "segments": SegmentsSchema,
    "entities": EntitiesSchema,
    "mentions": MentionsSchema,
    "facts": FactsSchema,
    "removed": RemovedSchema,
}
ArticleFrames = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class Failure:
    """One failing row of one table."""

    table: str
    index: int
    check: str
    detail: str


def combined_frames(records: list[ArticleRecords]) -> dict[str, pd.DataFrame]:
    """Stack every article's rows into one frame per table (entities de-duplicated)."""
    frames = {}
    for table, schema in SCHEMAS.items():
        columns = list(schema.to_schema().columns)
        rows = [row for r in records for row in ([r.article] if table == "articles" else getattr(r, table))]
        frame = pd.DataFrame(rows, columns=columns)
        if table == "entities":
            frame = frame.drop_duplicates(subset=[EntitiesSchema.entity_id]).reset_index(drop=True)
        frames[table] = frame
    return frames


def _failures(table: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Failure]]:
    """Validate one frame lazily; return the coerced frame and one failure per row and check."""
    schema = SCHEMAS[table]
    try:
        return schema.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        found: dict[tuple[int, str], Failure] = {}
        for case in cases.itertuples():
            if pd.isna(case.index):
                continue
            check = str(case.check)
            key = (int(case.index), check)
            detail = f"{case.column}: {check} failed for {case.failure_case!r}"
            found.setdefault(key, Failure(table, int(case.index), check, detail))
        return frame, list(found.values())


def _record_json(frame: pd.DataFrame, index: int) -> str:
    """Return a row as JSON for the rejects table."""
    return json.dumps(frame.loc[index].to_dict(), ensure_ascii=False, default=str)


def validate_records(records: list[ArticleRecords]) -> tuple[dict[str, ArticleFrames], list[Reject]]:
    """Validate every table of the run; return accepted frames per article and the rejects."""
    frames = combined_frames(records)
    path_of = {r.article_id: str(r.article["source_path"]) for r in records}
    rejects: list[Reject] = []
    bad_rows: dict[str, set[int]] = defaultdict(set)
    for table in SCHEMAS:
        frames[table], failures = _failures(table, frames[table])
        for failure in failures:
            frame = frames[table]
            article_id = frame.loc[failure.index].get("article_id")
            source = path_of.get(str(article_id), "") if article_id is not None else ""
            rejects.append(
                Reject(source, table, _record_json(frame, failure.index), failure.check, failure.detail)
            )
            bad_rows[table].add(failure.index)
    accepted = _drop_failures(frames, bad_rows)
    return _split_by_article(accepted), rejects


def _drop_failures(frames: dict[str, pd.DataFrame], bad: dict[str, set[int]]) -> dict[str, pd.DataFrame]:
    """Remove failing rows and every row that depends on them."""
    bad_articles = set(frames["articles"].loc[list(bad["articles"]), "article_id"])
    bad_articles |= set(frames["segments"].loc[list(bad["segments"]), "article_id"])
    bad_entities = set(frames["entities"].loc[list(bad["entities"]), "entity_id"])
    bad_facts = set(frames["facts"].loc[list(bad["facts"]), "fact_id"])
    kept = {}
    for table, frame in frames.items():
        frame = frame.drop(index=list(bad[table]))
        if "article_id" in frame:
            frame = frame[~frame["article_id"].isin(bad_articles)]
        if table == "mentions":
            frame = frame[~frame["entity_id"].isin(bad_entities)]
        if table == "facts":
            frame = frame[~frame["parent_fact_id"].isin(bad_facts)]
        kept[table] = frame
    return kept


def _split_by_article(frames: dict[str, pd.DataFrame]) -> dict[str, ArticleFrames]:
    """Return each accepted article's frames, with the entities its mentions name."""
    result: dict[str, ArticleFrames] = {}
    for article_id in frames["articles"]["article_id"]:
        own = {t: f[f["article_id"] == article_id] for t, f in frames.items() if "article_id" in f}
        entity_ids = set(own["mentions"]["entity_id"])
        own["entities"] = frames["entities"][frames["entities"]["entity_id"].isin(entity_ids)]
        result[str(article_id)] = own
    return result
