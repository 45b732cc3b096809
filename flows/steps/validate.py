"""Validate a run's records with the pandera schemas, lazily, and split off the failures.

Every failing row becomes a reject naming the file, the check and the failure; the rest go on.
What a failure costs: a failing article or segment rejects its whole article (half an
article is never loaded); a failing entity drops it and its mentions; a failing mention,
removed line or fact drops that row, and a failing total drops its breakdown with it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from flows.steps.records import ArticleRecords, Reject
from schemas.articles import ArticlesSchema
from schemas.entities import EntitiesSchema, MentionsSchema
from schemas.facts import FactsSchema
from schemas.removed import RemovedSchema
from schemas.segments import SegmentsSchema
from schemas.tables import ArticleTables

SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticlesSchema,
    "segments": SegmentsSchema,
    "entities": EntitiesSchema,
    "mentions": MentionsSchema,
    "facts": FactsSchema,
    "removed": RemovedSchema,
}
SourceFinder = Callable[[str, pd.Series], str]


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


def validate_records(records: list[ArticleRecords]) -> tuple[dict[str, ArticleTables], list[Reject]]:
    """Validate every table of the run; return accepted frames per article and the rejects."""
    accepted, rejects = validate_tables(records)
    return _split_by_article(accepted), rejects


def validate_tables(records: list[ArticleRecords]) -> tuple[dict[str, pd.DataFrame], list[Reject]]:
    """Validate every table of a set of articles; return one accepted frame per table and the rejects.

    Cutting the tables into one frame per article (`validate_records`) costs about as much
    as validating them: a window that loads table by table can skip it.
    """
    frames = combined_frames(records)
    source_of = _source_finder(frames, records)
    rejects: list[Reject] = []
    bad_rows: dict[str, set[int]] = defaultdict(set)
    for table in SCHEMAS:
        frames[table], failures = _failures(table, frames[table])
        for failure in failures:
            row = frames[table].loc[failure.index]
            rejects.append(
                Reject(source_of(table, row), table, _row_json(row), failure.check, failure.detail)
            )
            bad_rows[table].add(failure.index)
    accepted, knock_on = _drop_failures(frames, bad_rows, source_of)
    return accepted, rejects + knock_on


def _row_json(row: pd.Series) -> str:
    """Return a row as JSON for the rejects table."""
    return json.dumps(row.to_dict(), ensure_ascii=False, default=str)


def _source_finder(frames: dict[str, pd.DataFrame], records: list[ArticleRecords]) -> SourceFinder:
    """Return a function naming the file a row came from (an entity: its first mention's)."""
    path_of = {r.article_id: str(r.article["source_path"]) for r in records}
    first_mention = frames["mentions"].drop_duplicates("entity_id").set_index("entity_id")["article_id"]

    def source_of(table: str, row: pd.Series) -> str:
        article_id = row.get("article_id") if table != "entities" else first_mention.get(row["entity_id"])
        return path_of.get(str(article_id), "")

    return source_of


def _drop_failures(
    frames: dict[str, pd.DataFrame], bad: dict[str, set[int]], source_of: SourceFinder
) -> tuple[dict[str, pd.DataFrame], list[Reject]]:
    """Remove failing rows and the rows that cannot stand without them; reject the latter too."""
    articles, segments, facts = frames["articles"], frames["segments"], frames["facts"]
    failed_articles = set(articles.loc[list(bad["articles"]), "article_id"])
    bad_articles = failed_articles | set(segments.loc[list(bad["segments"]), "article_id"])
    bad_entities = set(frames["entities"].loc[list(bad["entities"]), "entity_id"])
    failed_facts = facts.loc[list(bad["facts"])]
    # A total and its parts stand or fall together: one failing part drops the breakdown.
    bad_facts = set(failed_facts["fact_id"]) | set(failed_facts["parent_fact_id"].dropna())
    knock_on = [
        Reject(
            source_of("articles", row),
            "articles",
            _row_json(row),
            "article_complete",
            "article not loaded: some of its segments failed validation (see the segments rejects)",
        )
        for _, row in articles[articles["article_id"].isin(bad_articles - failed_articles)].iterrows()
    ]
    dragged = facts[
        (facts["fact_id"].isin(bad_facts) | facts["parent_fact_id"].isin(bad_facts))
        & ~facts.index.isin(bad["facts"])
        & ~facts["article_id"].isin(bad_articles)
    ]
    knock_on += [
        Reject(
            source_of("facts", row),
            "facts",
            _row_json(row),
            "breakdown_complete",
            "dropped with its breakdown: another row of the same total failed validation",
        )
        for _, row in dragged.iterrows()
    ]
    kept = {}
    for table, frame in frames.items():
        frame = frame.drop(index=list(bad[table]))
        if "article_id" in frame:
            frame = frame[~frame["article_id"].isin(bad_articles)]
        if table == "mentions":
            frame = frame[~frame["entity_id"].isin(bad_entities)]
        if table == "facts":
            frame = frame[~frame["fact_id"].isin(bad_facts) & ~frame["parent_fact_id"].isin(bad_facts)]
        kept[table] = frame
    return kept, knock_on


def _split_by_article(frames: dict[str, pd.DataFrame]) -> dict[str, ArticleTables]:
    """Return each accepted article's frames, with the entities its mentions name."""
    grouped = {
        table: {str(key): part for key, part in frame.groupby("article_id", sort=False)}
        for table, frame in frames.items()
        if "article_id" in frame
    }
    entities = frames["entities"].set_index("entity_id", drop=False)
    result: dict[str, ArticleTables] = {}
    for article_id in frames["articles"]["article_id"].astype(str):
        own = {table: parts.get(article_id, frames[table].iloc[0:0]) for table, parts in grouped.items()}
        entity_ids = own["mentions"]["entity_id"].unique()
        own["entities"] = entities.loc[entities.index.intersection(entity_ids)].reset_index(drop=True)
        result[article_id] = ArticleTables(**own)
    return result
